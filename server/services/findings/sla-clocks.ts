// The SLA clock on each open finding: while it is New, the first-response target runs; once
// a team has answered, the resolution target. Targets come from the team's settings for the
// finding's severity, or the defaults; weekends count or not as the team chose.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { DEFAULT_SLA_HOURS, type FindingStatus } from "@/db/finding-constants";
import type { Severity } from "@/db/journey-constants";
import { organizations, teamSlas } from "@/db/schema";
import { slaClock, type SlaClock } from "@/server/findings/sla";
import { isOpen } from "@/server/findings/workflow";

export interface SlaTarget {
  firstResponseHours: number;
  resolutionHours: number;
  weekdaysOnly: boolean;
}

export interface ClockedFinding {
  teamId: string | null;
  severity: Severity;
  status: FindingStatus;
  createdAt: Date;
  firstRespondedAt: Date | null;
}

export type FindingClock = (SlaClock & { target: "first_response" | "resolution" }) | null;

/** Everything needed to clock any finding of the organization: its time zone and each team's targets. */
export async function loadSlaPolicy(tx: Tx, orgId: string) {
  const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  const rows = await tx.select().from(teamSlas).where(eq(teamSlas.organizationId, orgId));
  const targets = new Map(rows.map((r) => [`${r.teamId}:${r.severity}`, { firstResponseHours: r.firstResponseHours, resolutionHours: r.resolutionHours, weekdaysOnly: r.weekdaysOnly }]));
  const timeZone = org?.timeZone ?? "UTC";
  return {
    timeZone,
    target(teamId: string | null, severity: Severity): SlaTarget {
      const own = teamId ? targets.get(`${teamId}:${severity}`) : undefined;
      const fallback = DEFAULT_SLA_HOURS[severity];
      return own ?? { firstResponseHours: fallback.firstResponse, resolutionHours: fallback.resolution, weekdaysOnly: false };
    },
    clock(finding: ClockedFinding, now: Date): FindingClock {
      if (!isOpen(finding.status)) return null;
      const target = this.target(finding.teamId, finding.severity);
      const calendar = { timeZone, weekdaysOnly: target.weekdaysOnly };
      if (finding.status === "new" && !finding.firstRespondedAt) return { target: "first_response", ...slaClock(finding.createdAt, target.firstResponseHours, now, calendar) };
      return { target: "resolution", ...slaClock(finding.createdAt, target.resolutionHours, now, calendar) };
    },
  };
}
