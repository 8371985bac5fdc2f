// Per-touchpoint satisfaction over a range of days, read from the daily rollup (never by
// scanning responses). Days are the organization's calendar days, as the rollup stores them.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { withOrg } from "@/db/tenancy";
import { CES_SCORES, CSAT_SCORES, NPS_SCORES, satisfactionFigures, type SatisfactionFigures } from "../metrics/satisfaction";
import { invalid } from "./errors";

export interface TouchpointSatisfaction extends SatisfactionFigures {
  touchpointId: string;
  key: string;
  name: string;
  responses: number;
}

const columns = (metric: string, scores: readonly number[]) => scores.map((s) => `${metric}_${s}`);
const DISTRIBUTION = { csat: columns("csat", CSAT_SCORES), nps: columns("nps", NPS_SCORES), ces: columns("ces", CES_SCORES) };
const SUMS = [...DISTRIBUTION.csat, ...DISTRIBUTION.nps, ...DISTRIBUTION.ces].map((c) => `sum(s.${c})::int as ${c}`).join(", ");

/** `from` and `to` are YYYY-MM-DD days, both included. */
export async function touchpointSatisfaction(db: Db, ctx: { orgId: string }, range: { from: string; to: string }): Promise<TouchpointSatisfaction[]> {
  if (range.from > range.to) throw invalid("to", "The last day comes before the first day.");
  const rows = await withOrg(db, ctx.orgId, (tx) =>
    queryRows<Record<string, string | number>>(tx, sql`
      select t.id as touchpoint_id, t.key, t.name, sum(s.responses)::int as responses, ${sql.raw(SUMS)}
      from touchpoint_daily_stats s
      join touchpoints t on t.organization_id = s.organization_id and t.id = s.touchpoint_id
      where s.organization_id = ${ctx.orgId} and s.segment_key = '' and s.day between ${range.from}::date and ${range.to}::date
      group by t.id, t.key, t.name
      order by lower(t.key)`),
  );
  return rows.map((row) => {
    const counts = (names: string[]) => names.map((c) => Number(row[c]));
    return {
      touchpointId: String(row.touchpoint_id),
      key: String(row.key),
      name: String(row.name),
      responses: Number(row.responses),
      ...satisfactionFigures({ csat: counts(DISTRIBUTION.csat), nps: counts(DISTRIBUTION.nps), ces: counts(DISTRIBUTION.ces) }),
    };
  });
}
