// import — a survey export file into an organization, through importResponseFile: the same
// parse, mapping, validation and all-or-nothing write as the browser's upload. The survey is
// created (in the organization's time zone) when no survey has that name.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { surveys } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { touchpointKeySchema } from "@/server/schemas/canvas";
import { importResponseFile, MAX_STORED_ERRORS, type ImportOutcome } from "@/server/services/response-imports";
import { createSurvey } from "@/server/services/surveys";
import { checked, defineCommand, findOrganization, UsageError, withDatabase, type CliIo } from "./command";

/** Row problems printed; the import record keeps the rest. */
const ERRORS_SHOWN = 10;
const BAR_WIDTH = 30;

export default defineCommand({
  name: "import",
  summary: "Import a survey export (CSV/TSV) into a survey, created when new; exit 1 when rows are rejected.",
  options: {
    org: { type: "string", required: true, placeholder: "slug", description: "The organization." },
    survey: { type: "string", required: true, placeholder: "name", description: "The survey's name (created if no survey has it)." },
    file: { type: "string", required: true, placeholder: "file.csv", description: "The export file." },
    touchpoint: { type: "string", placeholder: "key", description: "Every response of the file goes to this touchpoint." },
    "skip-invalid": { type: "boolean", description: "Import the valid rows and report the rest (default: all or nothing)." },
  },
  async run(values, io) {
    const touchpointKey = values.touchpoint === undefined ? undefined : checked(touchpointKeySchema, values.touchpoint, "touchpoint");
    const size = await stat(values.file).then(
      (s) => s.size,
      () => {
        throw new UsageError(`Cannot read ${values.file}: no such file.`);
      },
    );
    const outcome = await withDatabase(async (db) => {
      const org = await findOrganization(db, values.org);
      const surveyId = await surveyNamed(db, org, values.survey.trim());
      let bytesRead = 0;
      async function* fileBytes() {
        for await (const chunk of createReadStream(values.file)) {
          bytesRead += (chunk as Buffer).length;
          yield chunk as Uint8Array;
        }
      }
      return importResponseFile(db, { orgId: org.id, actor: { kind: "system", label: "cli" } }, fileBytes(), {
        surveyId,
        fileName: path.basename(values.file),
        source: "cli",
        skipInvalid: values["skip-invalid"],
        touchpointKey,
        onProgress: ({ rows }) => showProgress(io, rows, size === 0 ? 1 : bytesRead / size),
      });
    });
    report(io, outcome);
    return outcome.rejected > 0 ? 1 : 0;
  },
});

async function surveyNamed(db: Db, org: { id: string; timeZone: string }, name: string): Promise<string> {
  const [existing] = await withOrg(db, org.id, (tx) =>
    tx
      .select({ id: surveys.id })
      .from(surveys)
      .where(and(eq(surveys.organizationId, org.id), sql`lower(${surveys.name}) = lower(${name})`))
      .limit(1),
  );
  return existing?.id ?? (await createSurvey(db, { orgId: org.id }, { name, timeZone: org.timeZone })).id;
}

function showProgress(io: CliIo, rows: number, fraction: number) {
  const done = Math.min(1, fraction);
  if (!io.isTTY) return io.out(`${rows.toLocaleString("en-US")} rows read`);
  const filled = Math.round(done * BAR_WIDTH);
  io.progress(`[${"#".repeat(filled)}${" ".repeat(BAR_WIDTH - filled)}] ${Math.round(done * 100)}%  ${rows.toLocaleString("en-US")} rows`);
}

function report(io: CliIo, o: ImportOutcome) {
  const n = (x: number) => x.toLocaleString("en-US");
  io.out(o.status === "rejected" ? `Nothing was imported: ${n(o.rejected)} of ${n(o.rows)} rows are invalid (use --skip-invalid to import the valid ones).` : `Imported ${n(o.rows)} rows.`);
  io.out(`inserted:   ${n(o.inserted)}`);
  io.out(`duplicates: ${n(o.duplicates)}`);
  io.out(`rejected:   ${n(o.rejected)}`);
  io.out(`time:       ${(o.durationMs / 1000).toFixed(1)} s`);
  for (const error of o.errors.slice(0, ERRORS_SHOWN)) io.out(`  line ${error.line}${error.column ? `, column ${error.column}` : ""}: ${error.message}`);
  if (o.errors.length > ERRORS_SHOWN) io.out(`  … and more: the import ${o.importId} keeps up to ${n(MAX_STORED_ERRORS)} of them.`);
}
