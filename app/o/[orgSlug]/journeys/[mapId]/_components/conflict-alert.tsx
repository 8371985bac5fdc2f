"use client";
// What a form shows when its save lost a race: the server's explanation and a Reload that
// brings the latest values into the form, keeping the fields the user changed (see
// use-versioned-draft.ts). Nothing is overwritten until the user saves again.
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { FormAlert } from "@/app/_components/ui/field";

export function ConflictAlert({ message, onReload }: { message: string; onReload: () => Promise<void> }) {
  const [reloading, setReloading] = useState(false);
  return (
    <FormAlert>
      <div className="flex items-start justify-between gap-3">
        <p>
          {message} Your own changes stay in the form.
        </p>
        <Button
          size="sm"
          variant="secondary"
          className="shrink-0"
          pending={reloading}
          onClick={async () => {
            setReloading(true);
            try {
              await onReload();
            } finally {
              setReloading(false);
            }
          }}
        >
          Reload
        </Button>
      </div>
    </FormAlert>
  );
}
