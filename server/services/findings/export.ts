// The board as a CSV file for spreadsheets: the filtered findings a person may see, one row
// each, through lib/csv (quoted, and formula-looking text neutralised), with a BOM for Excel.
import type { Db } from "@/db/client";
import { FINDING_STATUS_LABELS } from "@/db/finding-constants";
import { SEVERITY_LABELS } from "@/db/journey-constants";
import { toCsv } from "@/lib/csv";
import type { FindingFilters } from "@/server/schemas/findings";
import type { OrgContext } from "../context";
import { listFindings } from "./board";

/** Most findings one export carries (an organization's board is far smaller). */
export const EXPORT_LIMIT = 10_000;

const HEADER = ["Number", "Title", "Status", "Severity", "Team", "Assignee", "Journey map", "Stage", "Touchpoint", "Labels", "Evidence", "SLA", "Due", "Created", "Updated", "Resolved"];

const iso = (date: Date | null) => (date ? date.toISOString() : "");

export async function findingsCsv(db: Db, ctx: OrgContext, filters: FindingFilters, now = new Date()): Promise<string> {
  const { findings } = await listFindings(db, ctx, filters, now, EXPORT_LIMIT);
  const rows = findings.map((f) => [
    `F-${f.number}`,
    f.title,
    FINDING_STATUS_LABELS[f.status],
    SEVERITY_LABELS[f.severity],
    f.teamName,
    f.assigneeName,
    f.mapName,
    f.stageName,
    f.touchpointName,
    f.labels.join(", "),
    f.evidenceCount,
    f.sla ? `${f.sla.state.replace("_", " ")} (${f.sla.target.replace("_", " ")} due ${f.sla.dueAt.toISOString()})` : "",
    iso(f.dueAt),
    iso(f.createdAt),
    iso(f.updatedAt),
    iso(f.resolvedAt),
  ]);
  return `\uFEFF${toCsv([HEADER, ...rows])}`;
}
