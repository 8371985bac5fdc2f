// stats — per touchpoint satisfaction over a range of days (the organization's calendar
// days, `to` included): the read API's figures from the same service, as a table or as JSON
// (--json), optionally per day/week/month bucket and for one segment's values.
import { z } from "zod";
import { GRANULARITIES } from "@/server/schemas/dashboard";
import { daySchema } from "@/server/schemas/responses";
import { touchpointStats, type FlatFigures, type TouchpointStats } from "@/server/services/dashboards/touchpoint-stats";
import { checked, defineCommand, findOrganization, UsageError, withDatabase } from "./command";

type Row = FlatFigures & { key: string; bucket?: string };

const COLUMNS: { title: string; value: (r: Row) => string }[] = [
  { title: "touchpoint", value: (r) => r.key },
  { title: "n", value: (r) => String(r.n) },
  { title: "csatN", value: (r) => String(r.csatN) },
  { title: "csat%", value: (r) => fixed(r.csatPct, 1) },
  { title: "csatMean", value: (r) => fixed(r.csatMean, 2) },
  { title: "npsN", value: (r) => String(r.npsN) },
  { title: "nps", value: (r) => fixed(r.nps, 1) },
  { title: "prom", value: (r) => String(r.promoters) },
  { title: "pass", value: (r) => String(r.passives) },
  { title: "detr", value: (r) => String(r.detractors) },
  { title: "cesN", value: (r) => String(r.cesN) },
  { title: "cesMean", value: (r) => fixed(r.cesMean, 2) },
];
const BUCKET_COLUMN = { title: "bucket", value: (r: Row) => r.bucket ?? "" };

/** `key=value[,value…]`: one segment key and the values to keep. */
const SEGMENT = /^([^=]+)=(.+)$/;

export default defineCommand({
  name: "stats",
  summary: "Satisfaction per touchpoint (n, CSAT %, mean, NPS, promoters/passives/detractors, CES) over days.",
  options: {
    org: { type: "string", required: true, placeholder: "slug", description: "The organization." },
    from: { type: "string", required: true, placeholder: "YYYY-MM-DD", description: "First day, in the organization's time zone." },
    to: { type: "string", required: true, placeholder: "YYYY-MM-DD", description: "Last day, included." },
    granularity: { type: "string", placeholder: "day|week|month", description: "Also per bucket (ISO weeks start on Monday)." },
    segment: { type: "string", placeholder: "key=value[,value]", description: "Only responses with one of these values of a segment key." },
    json: { type: "boolean", description: "Print JSON instead of a table." },
  },
  async run(values, io) {
    const range = { from: checked(daySchema, values.from, "from"), to: checked(daySchema, values.to, "to") };
    const granularity = values.granularity === undefined ? undefined : checked(z.enum(GRANULARITIES, "Choose day, week or month."), values.granularity, "granularity");
    let segment: { key: string; values: string[] } | undefined;
    if (values.segment !== undefined) {
      const match = SEGMENT.exec(values.segment);
      if (!match) throw new UsageError("--segment: Write it as key=value (several values separated by commas).");
      segment = { key: match[1]!.trim(), values: match[2]!.split(",").map((v) => v.trim()) };
    }
    const { touchpoints } = await withDatabase(async (db) => touchpointStats(db, { orgId: (await findOrganization(db, values.org)).id }, { ...range, granularity, segment }));
    // `responses` is n under the name this command printed first.
    if (values.json) return io.out(JSON.stringify({ ...range, granularity: granularity ?? null, touchpoints: touchpoints.map((t) => ({ ...t, responses: t.n })) }, null, 2));
    if (touchpoints.length === 0) return io.out(`No responses from ${range.from} to ${range.to}.`);
    const columns = granularity ? [COLUMNS[0]!, BUCKET_COLUMN, ...COLUMNS.slice(1)] : COLUMNS;
    const rows: Row[] = granularity ? touchpoints.flatMap((t: TouchpointStats) => (t.buckets ?? []).map((b) => ({ ...b, key: t.key }))) : touchpoints;
    const cells = [columns.map((c) => c.title), ...rows.map((r) => columns.map((c) => c.value(r)))];
    const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
    for (const row of cells) io.out(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
  },
});

function fixed(value: number | null, digits: number): string {
  return value === null ? "–" : value.toFixed(digits);
}
