// stats — per touchpoint satisfaction over a range of days (the organization's calendar
// days, `to` included), from the daily rollup: a table, or JSON with --json.
import { daySchema } from "@/server/schemas/responses";
import { touchpointSatisfaction, type TouchpointSatisfaction } from "@/server/services/satisfaction-stats";
import { checked, defineCommand, findOrganization, withDatabase } from "./command";

const COLUMNS: { title: string; value: (r: TouchpointSatisfaction) => string }[] = [
  { title: "touchpoint", value: (r) => r.key },
  { title: "n", value: (r) => String(r.responses) },
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

export default defineCommand({
  name: "stats",
  summary: "Satisfaction per touchpoint (n, CSAT %, mean, NPS, promoters/passives/detractors, CES) over days.",
  options: {
    org: { type: "string", required: true, placeholder: "slug", description: "The organization." },
    from: { type: "string", required: true, placeholder: "YYYY-MM-DD", description: "First day, in the organization's time zone." },
    to: { type: "string", required: true, placeholder: "YYYY-MM-DD", description: "Last day, included." },
    json: { type: "boolean", description: "Print JSON instead of a table." },
  },
  async run(values, io) {
    const range = { from: checked(daySchema, values.from, "from"), to: checked(daySchema, values.to, "to") };
    const rows = await withDatabase(async (db) => touchpointSatisfaction(db, { orgId: (await findOrganization(db, values.org)).id }, range));
    if (values.json) return io.out(JSON.stringify({ ...range, touchpoints: rows }, null, 2));
    if (rows.length === 0) return io.out(`No responses from ${range.from} to ${range.to}.`);
    const cells = [COLUMNS.map((c) => c.title), ...rows.map((r) => COLUMNS.map((c) => c.value(r)))];
    const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
    for (const row of cells) io.out(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
  },
});

function fixed(value: number | null, digits: number): string {
  return value === null ? "–" : value.toFixed(digits);
}
