// Who hears that a finding came their way: the members of the team it lands with, and the
// person it is assigned to (told once, as the assignee, even if also on the team).
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { teams } from "@/db/schema";
import type { Actor } from "../context";
import { notifyAboutFinding, teamMemberIds } from "./notify";

interface Owned {
  id: string;
  number: number;
  title: string;
  teamId: string | null;
  assigneeUserId: string | null;
}

export async function notifyNewOwners(tx: Tx, orgId: string, actor: Actor, finding: Owned, changed: { teamChanged: boolean; assigneeChanged: boolean }) {
  const about = { id: finding.id, number: finding.number, title: finding.title };
  if (changed.assigneeChanged && finding.assigneeUserId) {
    await notifyAboutFinding(tx, orgId, actor, [finding.assigneeUserId], { kind: "finding_assigned", finding: about, summary: `F-${finding.number} “${finding.title}” is assigned to you.` });
  }
  if (changed.teamChanged && finding.teamId) {
    const [team] = await tx.select({ name: teams.name }).from(teams).where(and(eq(teams.organizationId, orgId), eq(teams.id, finding.teamId)));
    const members = (await teamMemberIds(tx, orgId, finding.teamId)).filter((id) => !(changed.assigneeChanged && id === finding.assigneeUserId));
    await notifyAboutFinding(tx, orgId, actor, members, { kind: "finding_team", finding: about, summary: `F-${finding.number} “${finding.title}” landed with ${team?.name ?? "your team"}.` });
  }
}
