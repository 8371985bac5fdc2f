"use client";
// "Edit map": the map's name, description, persona, status and owner, saved against the
// version the form read.
import { useMutation, useQuery } from "@tanstack/react-query";
import { MAP_STATUSES, MAP_STATUS_LABELS, type MapStatus } from "@/db/journey-constants";
import { updateMapInput } from "@/server/schemas/journey-map";
import { useTRPC } from "@/lib/trpc";
import { Button } from "@/app/_components/ui/button";
import { ListOptions, SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { Modal, ModalBody, ModalFooter } from "@/app/_components/ui/modal";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { ConflictAlert } from "./conflict-alert";
import type { MapCanvasData } from "./use-map-canvas";
import { useVersionedDraft } from "./use-versioned-draft";

const FIELDS = ["name", "description", "personaId", "status", "ownerUserId"] as const;

type MapFields = { name: string; description: string; personaId: string; status: MapStatus; ownerUserId: string };

const fieldsOf = (map: MapCanvasData["map"]): MapFields => ({
  name: map.name,
  description: map.description,
  personaId: map.personaId ?? "",
  status: map.status,
  ownerUserId: map.ownerUserId ?? "",
});

interface MapDialogProps {
  orgSlug: string;
  map: MapCanvasData["map"];
  reload: () => Promise<MapCanvasData | undefined>;
  onSaved: () => void;
  onClose: () => void;
}

export function MapDialog({ orgSlug, map, reload, onSaved, onClose }: MapDialogProps) {
  const trpc = useTRPC();
  const toast = useToast();
  const { errors, check, onError } = useFormErrors(FIELDS);
  const draft = useVersionedDraft({ values: fieldsOf(map), version: map.version });
  const personas = useQuery(trpc.persona.list.queryOptions({ orgSlug }));
  const members = useQuery(trpc.member.list.queryOptions({ orgSlug }));
  const update = useMutation(
    trpc.journeyMap.update.mutationOptions({
      onSuccess: () => {
        toast.success("Map saved.");
        onSaved();
        onClose();
      },
      onError: (error) => draft.catchConflict(error) || onError(error),
    }),
  );
  const { values, set } = draft;

  return (
    <Modal title="Edit map" onClose={onClose} width="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const input = {
            orgSlug,
            mapId: map.id,
            version: draft.version,
            name: values.name,
            description: values.description,
            personaId: values.personaId || null,
            status: values.status,
            ownerUserId: values.ownerUserId || null,
          };
          if (check(updateMapInput, input)) update.mutate(input);
        }}
      >
        <ModalBody>
          {draft.conflict && (
            <ConflictAlert
              message={draft.conflict}
              onReload={async () => {
                const latest = await reload();
                if (latest) draft.resetTo({ values: fieldsOf(latest.map), version: latest.map.version });
              }}
            />
          )}
          <TextField label="Map name" name="name" value={values.name} onChange={(e) => set("name", e.target.value)} errors={errors.name} autoFocus maxLength={120} />
          <TextAreaField
            label="Description"
            name="description"
            value={values.description}
            onChange={(e) => set("description", e.target.value)}
            errors={errors.description}
            hint="Which journey this is and what the team wants to learn from it."
            rows={3}
            maxLength={2000}
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <SelectField label="Persona" name="personaId" value={values.personaId} onChange={(e) => set("personaId", e.target.value)} errors={errors.personaId}>
              <ListOptions
                none="No persona"
                items={personas.data?.map((persona) => ({ value: persona.id, label: persona.name }))}
                current={{ value: map.personaId, label: "Current persona" }}
              />
            </SelectField>
            <SelectField label="Status" name="status" value={values.status} onChange={(e) => set("status", e.target.value as MapStatus)} errors={errors.status}>
              {MAP_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {MAP_STATUS_LABELS[status]}
                </option>
              ))}
            </SelectField>
          </div>
          <SelectField
            label="Owner"
            name="ownerUserId"
            value={values.ownerUserId}
            onChange={(e) => set("ownerUserId", e.target.value)}
            errors={errors.ownerUserId}
            hint="The person who keeps this map up to date."
          >
            <ListOptions
              none="No owner"
              items={members.data?.map((member) => ({ value: member.userId, label: member.name }))}
              current={{ value: map.ownerUserId, label: map.ownerName ?? "Current owner" }}
            />
          </SelectField>
        </ModalBody>
        <ModalFooter>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={update.isPending}>
            Save map
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
