"use client";
// One team: its name and description (editable, guarded by the team's version), its
// members, and deleting it.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateTeamInput } from "@/server/schemas/team";
import { plural } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { PencilIcon, TrashIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { ConfirmButton } from "@/app/_components/ui/confirm-dialog";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { TeamForm } from "./team-form";
import { TeamMembers, type Person } from "./team-members";

export interface Team {
  id: string;
  name: string;
  description: string;
  version: number;
  members: Person[];
}

const FIELDS = ["name", "description"] as const;

export function TeamCard({ orgSlug, team, orgMembers, canManage }: { orgSlug: string; team: Team; orgMembers: Person[]; canManage: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const { errors, check, onError, reset } = useFormErrors(FIELDS);

  const update = useMutation(
    trpc.team.update.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        router.refresh();
      },
      onError: (error) => {
        // Someone saved first: show their version instead of overwriting it.
        if (readError(error).code === "CONFLICT") {
          toast.error("This team was changed by someone else. Their changes are shown now; edit again if needed.");
          setEditing(false);
          router.refresh();
          return;
        }
        onError(error);
      },
    }),
  );
  const remove = useMutation(
    trpc.team.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`Team “${team.name}” deleted.`);
        router.refresh();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );

  return (
    <Card className="flex flex-col">
      <div className="flex-1 px-5 pt-4 pb-4">
        {editing ? (
          <TeamForm
            initial={{ name: team.name, description: team.description }}
            submitLabel="Save changes"
            pending={update.isPending}
            errors={errors}
            onCancel={() => (reset(), setEditing(false))}
            onSubmit={(values) => {
              const input = { orgSlug, teamId: team.id, version: team.version, ...values };
              if (check(updateTeamInput, input)) update.mutate(input);
            }}
          />
        ) : (
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <h2 className="font-semibold text-slate-900">{team.name}</h2>
              <p className="mt-1 text-sm text-slate-600">{team.description || <span className="text-slate-400">No description yet.</span>}</p>
            </div>
            {canManage && (
              <div className="-mt-1 -mr-2 flex shrink-0">
                <Button variant="ghost" size="sm" aria-label={`Edit ${team.name}`} onClick={() => setEditing(true)}>
                  <PencilIcon />
                </Button>
                <ConfirmButton
                  triggerLabel={`Delete ${team.name}`}
                  title={`Delete the team “${team.name}”?`}
                  description="Its members stay in the organization; only the team and its memberships are removed."
                  confirmLabel="Delete team"
                  pending={remove.isPending}
                  onConfirm={() => remove.mutate({ orgSlug, teamId: team.id })}
                >
                  <TrashIcon />
                </ConfirmButton>
              </div>
            )}
          </div>
        )}
      </div>
      <div className="border-t border-slate-100 px-5 py-4">
        {team.members.length > 0 && (
          <p className="mb-2.5 text-xs font-medium text-slate-500">{plural(team.members.length, "member")}</p>
        )}
        <TeamMembers orgSlug={orgSlug} team={team} orgMembers={orgMembers} canManage={canManage} />
      </div>
    </Card>
  );
}
