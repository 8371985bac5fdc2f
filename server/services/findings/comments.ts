// Comments on a finding. A comment is a "commented" event in the finding's history (the
// history is where a finding's story is told, comments included), with its body and whom it
// mentioned. "@Name" follows the one rule in lib/mentions.ts; each mentioned member who may
// see the finding (not the author; members outside the organization are never matched)
// gets a finding_mention notification, and an email if they chose it.
import type { Db, Tx } from "@/db/client";
import { withOrg } from "@/db/tenancy";
import { mentionedMembers } from "@/lib/mentions";
import type { Role } from "@/db/constants";
import type { OrgContext } from "../context";
import { orgMembers } from "../comments";
import { loadVisibleFinding, visibleTeamIds } from "./access";
import { recordFindingEvent } from "./history";
import { notifyAboutFinding } from "./notify";

/** How much of the body a notification quotes. */
const EXCERPT = 140;

type Finding = Awaited<ReturnType<typeof loadVisibleFinding>>;

/** Under the organization's visibility setting, whether this member sees the finding. */
async function maySee(tx: Tx, orgId: string, member: { userId: string; role: Role }, finding: Finding) {
  const teams = await visibleTeamIds(tx, { orgId, userId: member.userId, role: member.role });
  return teams === null || (finding.teamId !== null && teams.includes(finding.teamId));
}

export async function commentOnFinding(db: Db, ctx: OrgContext, input: { findingId: string; body: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const finding = await loadVisibleFinding(tx, ctx, input.findingId);
    const members = await orgMembers(tx, ctx.orgId);
    const candidates = mentionedMembers(input.body, members).filter((m) => m.userId !== ctx.userId);
    const mentioned: typeof candidates = [];
    for (const member of candidates) if (await maySee(tx, ctx.orgId, member, finding)) mentioned.push(member);

    await recordFindingEvent(tx, ctx.orgId, { kind: "user", userId: ctx.userId }, finding.id, "commented", {
      body: input.body,
      mentions: mentioned.map((m) => m.userId),
    });
    const author = members.find((m) => m.userId === ctx.userId)?.name ?? "Someone";
    const excerpt = input.body.length > EXCERPT ? `${input.body.slice(0, EXCERPT - 1)}…` : input.body;
    // The quote first: the in-app entry already says who mentioned whom, and where.
    const summary = `“${excerpt}” — ${author} on F-${finding.number} “${finding.title}”`;
    const about = { id: finding.id, number: finding.number, title: finding.title };
    await notifyAboutFinding(tx, ctx.orgId, { kind: "user", userId: ctx.userId }, mentioned.map((m) => m.userId), { kind: "finding_mention", finding: about, summary });
    return { findingId: finding.id, mentioned: mentioned.map((m) => ({ userId: m.userId, name: m.name })) };
  });
}
