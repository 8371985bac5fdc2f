// The before/after figures of a resolved finding's touchpoint (server/findings/fix-verdict.ts
// judges them), read through the dashboards' one query so they match the dashboards exactly.
import type { Tx } from "@/db/client";
import { addDays, daysBetween } from "@/server/metrics/buckets";
import { changes, figureSet } from "@/server/metrics/figures";
import { FIX_WINDOW_DAYS, fixVerdict } from "@/server/findings/fix-verdict";
import { readFacts, sumFacts } from "../dashboards/facts";
import { organizationTimeZone, todayIn } from "../dashboards/period";

async function totals(tx: Tx, orgId: string, touchpointId: string, from: string, to: string, timeZone: string) {
  const rows = await readFacts(tx, orgId, { from, to, timeZone, granularity: "day", filters: {}, touchpointIds: [touchpointId], groupBy: [] });
  return sumFacts(rows);
}

/** null unless the finding is resolved and names a touchpoint. Days are the organization's. */
export async function fixCheck(tx: Tx, orgId: string, finding: { touchpointId: string | null; resolvedAt: Date | null; status: string }, now = new Date()) {
  if (finding.status !== "resolved" || !finding.resolvedAt || !finding.touchpointId) return null;
  const timeZone = await organizationTimeZone(tx, orgId);
  const resolvedDay = todayIn(timeZone, finding.resolvedAt);
  const today = todayIn(timeZone, now);
  const before = { from: addDays(resolvedDay, -FIX_WINDOW_DAYS), to: addDays(resolvedDay, -1) };
  const lastAfter = addDays(resolvedDay, FIX_WINDOW_DAYS - 1);
  const after = { from: resolvedDay, to: lastAfter < today ? lastAfter : today };
  const [b, a] = [await totals(tx, orgId, finding.touchpointId, before.from, before.to, timeZone), await totals(tx, orgId, finding.touchpointId, after.from, after.to, timeZone)];
  const beforeFigures = figureSet(b.distribution, b.responses);
  const afterFigures = figureSet(a.distribution, a.responses);
  const change = changes(a.distribution, b.distribution);
  const daysSince = daysBetween(resolvedDay, today) - 1;
  return { before: { ...before, figures: beforeFigures }, after: { ...after, figures: afterFigures }, change, daysSince, ...fixVerdict(beforeFigures, afterFigures, change, daysSince) };
}
