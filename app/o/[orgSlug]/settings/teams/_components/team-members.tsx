"use client";
// Who is on a team: chips with a remove button, and a picker of the organization's other
// members.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { initials } from "@/lib/format";
import { cn } from "@/lib/cn";
import { XIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { controlClasses } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";

export interface Person {
  userId: string;
  name: string;
  email: string;
}

interface TeamMembersProps {
  orgSlug: string;
  team: { id: string; name: string; members: Person[] };
  orgMembers: Person[];
  canManage: boolean;
}

export function TeamMembers({ orgSlug, team, orgMembers, canManage }: TeamMembersProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [choice, setChoice] = useState("");
  const onError = (error: unknown) => toast.error(readError(error).message);
  const add = useMutation(trpc.team.addMember.mutationOptions({ onSuccess: () => (setChoice(""), router.refresh()), onError }));
  const remove = useMutation(trpc.team.removeMember.mutationOptions({ onSuccess: () => router.refresh(), onError }));
  const available = orgMembers.filter((m) => !team.members.some((t) => t.userId === m.userId));

  return (
    <div>
      {team.members.length === 0 ? (
        <p className="text-sm text-slate-500">No one on this team yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={`Members of ${team.name}`}>
          {team.members.map((member) => (
            <li key={member.userId} title={member.email} className="inline-flex items-center gap-1.5 rounded-full bg-slate-100 py-0.5 pr-1 pl-0.5 text-sm text-slate-700">
              <span className="flex size-6 items-center justify-center rounded-full bg-white text-[10px] font-semibold text-slate-600 ring-1 ring-slate-200">{initials(member.name)}</span>
              <span className={cn(!canManage && "pr-2")}>{member.name}</span>
              {canManage && (
                <button
                  type="button"
                  aria-label={`Remove ${member.name} from ${team.name}`}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ orgSlug, teamId: team.id, userId: member.userId })}
                  className="flex size-5 items-center justify-center rounded-full text-slate-400 hover:bg-slate-200 hover:text-slate-700"
                >
                  <XIcon className="size-3.5" />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && available.length > 0 && (
        <form
          className="mt-3 flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (choice) add.mutate({ orgSlug, teamId: team.id, userId: choice });
          }}
        >
          <select aria-label={`Add a member to ${team.name}`} value={choice} onChange={(e) => setChoice(e.target.value)} className={cn(controlClasses, "py-1.5 pr-8 text-slate-700")}>
            <option value="">Add a member…</option>
            {available.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" size="sm" className="h-[34px]" disabled={!choice} pending={add.isPending}>
            Add
          </Button>
        </form>
      )}
    </div>
  );
}
