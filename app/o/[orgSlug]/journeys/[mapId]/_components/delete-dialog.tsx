"use client";
// A confirmation opened from a board menu (the shared ConfirmButton needs its own trigger).
import { Button } from "@/app/_components/ui/button";
import { Modal, ModalBody, ModalFooter } from "@/app/_components/ui/modal";

interface DeleteDialogProps {
  title: string;
  description: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}

export function DeleteDialog({ title, description, confirmLabel, onConfirm, onClose }: DeleteDialogProps) {
  return (
    <Modal title={title} onClose={onClose} width="sm">
      <ModalBody>
        <p className="text-sm text-slate-600">{description}</p>
      </ModalBody>
      <ModalFooter>
        <Button variant="secondary" onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button
          variant="danger"
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          {confirmLabel}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
