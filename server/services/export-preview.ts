// What the upload wizard shows before anything is imported: how the first part of a file
// reads (encoding, delimiter, the survey tool's layout), the mapping Waymark proposes with
// its reasons, and the first rows as they are in the file. Stores nothing.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { surveys, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { CsvRecord } from "../ingest/csv-records";
import { columnLetter } from "../ingest/export-layouts";
import { proposeMapping } from "../ingest/mapping-proposal";
import { openExport } from "../ingest/open-export";
import { columnMappingSchema } from "../schemas/survey-mapping";
import { inOrgLoader } from "./load-in-org";

/** The browser sends the file's first megabyte; enough for the header and a few hundred rows. */
export const PREVIEW_BYTES = 1024 * 1024;
/** Rows the mapping is proposed from, and rows shown. */
const SAMPLE_ROWS = 200;
const SHOWN_ROWS = 10;

const loadSurvey = inOrgLoader(surveys, "Survey");

export async function previewExport(db: Db, ctx: { orgId: string }, head: Uint8Array, input: { surveyId: string; truncated: boolean }) {
  const { survey, touchpointRefs } = await withOrg(db, ctx.orgId, async (tx) => ({
    survey: await loadSurvey(tx, ctx, input.surveyId),
    touchpointRefs: await tx
      .select({ id: touchpoints.id, key: touchpoints.key, name: touchpoints.name, aliases: touchpoints.aliases })
      .from(touchpoints)
      .where(eq(touchpoints.organizationId, ctx.orgId)),
  }));
  const opened = await openExport((async function* () {
    yield head;
  })());
  const sample: CsvRecord[] = [];
  try {
    for await (const record of opened.rows) {
      sample.push(record);
      if (sample.length >= SAMPLE_ROWS) break;
    }
  } catch (error) {
    // A slice cut mid-row can leave an open quote at its end; what was read before stands.
    if (!input.truncated || sample.length === 0) throw error;
  }
  // The last record of a cut slice may be half a row.
  if (input.truncated && sample.length < SAMPLE_ROWS) sample.pop();
  const defaultTouchpointKey = touchpointRefs.find((tp) => tp.id === survey.defaultTouchpointId)?.key ?? null;
  const proposal = proposeMapping(opened.header, sample.map((r) => r.fields), { touchpoints: touchpointRefs, defaultTouchpointKey });
  const saved = columnMappingSchema.safeParse(survey.mapping);
  return {
    encoding: opened.encoding,
    delimiter: opened.delimiter,
    layout: opened.header.layout,
    notes: opened.header.notes,
    columns: opened.header.columns.map((c) => ({ name: c.name, question: c.question, letter: columnLetter(c.index), timeZone: c.timeZone })),
    proposal,
    savedMapping: saved.success ? saved.data : null,
    rows: sample.slice(0, SHOWN_ROWS).map((r) => ({ line: r.line, fields: r.fields })),
  };
}

export type ExportPreview = Awaited<ReturnType<typeof previewExport>>;
