// Where an import's valid rows wait and how they land: a temporary staging table filled by
// COPY, then one statement that inserts the new responses and grows the daily rollup by exactly
// those. Used by the import service (response-imports.ts) inside the import's transaction.
import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { queryRows, type Tx } from "@/db/client";
import { copyField, copyInto } from "@/db/copy";
import type { ResponseRow } from "../ingest/response-rows";
import { lockOrgTimeZone, rollUpCtes } from "./daily-rollup";

// The staging table lives for one transaction; a temporary table is private to the connection.
const STAGING_TABLE = `create temporary table import_staging (
  id uuid not null, line integer not null, external_id text not null, touchpoint_id uuid not null,
  submitted_at timestamptz not null, csat smallint, nps smallint, ces smallint, comment text,
  channel text, segment jsonb not null
) on commit drop`;
const STAGING_COLUMNS = ["id", "line", "external_id", "touchpoint_id", "submitted_at", "csat", "nps", "ces", "comment", "channel", "segment"];

/** A staging table for this transaction and a writer of rows into it (COPY, streamed). */
export async function openStaging(tx: Tx): Promise<{ write(line: number, row: ResponseRow): Promise<void>; end(): Promise<void> }> {
  await tx.execute(sql.raw(STAGING_TABLE));
  const copy = await copyInto(tx, "import_staging", STAGING_COLUMNS);
  return { write: (line, row) => copy.write(stagingLine(line, row)), end: () => copy.end() };
}

function stagingLine(line: number, row: ResponseRow): string {
  return (
    [
      uuidv7(),
      line,
      copyField(row.externalId),
      row.touchpointId,
      row.submittedAt.toISOString(),
      copyField(row.csat),
      copyField(row.nps),
      copyField(row.ces),
      copyField(row.comment),
      copyField(row.channel),
      copyField(JSON.stringify(row.segment)),
    ].join("\t") + "\n"
  );
}

export async function repeatedIds(tx: Tx): Promise<{ externalId: string; line: number; firstLine: number }[]> {
  const rows = await queryRows<{ external_id: string; line: number; first_line: number }>(tx, sql`
    select s.external_id, s.line, f.first_line
    from import_staging s
    join (select external_id, min(line) as first_line from import_staging group by external_id having count(*) > 1) f using (external_id)
    where s.line > f.first_line
    order by s.line`);
  return rows.map((r) => ({ externalId: r.external_id, line: Number(r.line), firstLine: Number(r.first_line) }));
}

/** Keeps the first row of each response id that a file repeats (the others are reported as errors). */
export async function dropRepeatedIds(tx: Tx): Promise<void> {
  await tx.execute(sql`delete from import_staging s using (select external_id, min(line) as first from import_staging group by external_id) f where s.external_id = f.external_id and s.line > f.first`);
}

/**
 * New responses in, duplicates skipped, and the rollup grown by exactly what was inserted —
 * one statement, so a response is counted once whatever runs at the same time. The days are
 * the organization's, read under a share lock (daily-rollup.ts lockOrgTimeZone).
 */
export async function insertAndRollUp(tx: Tx, p: { orgId: string; surveyId: string; importId: string }): Promise<number> {
  const timeZone = await lockOrgTimeZone(tx, p.orgId);
  const [row] = await queryRows<{ inserted: number }>(tx, sql`
    with inserted as (
      insert into survey_responses (organization_id, id, external_id, survey_id, touchpoint_id, import_id, submitted_at, csat, nps, ces, comment, channel, segment)
      select ${p.orgId}::uuid, id, external_id, ${p.surveyId}::uuid, touchpoint_id, ${p.importId}::uuid, submitted_at, csat, nps, ces, comment, channel::touchpoint_channel, segment
      -- A freshly copied table reads back in file order, so concurrent imports of one file
      -- take the unique index's locks in the same order (no deadlock) without a sort.
      from import_staging
      on conflict (organization_id, external_id) do nothing
      returning touchpoint_id, survey_id, submitted_at, csat, nps, ces, comment, segment
    ),
    ${rollUpCtes({ orgId: p.orgId, timeZone, source: "inserted" })}
    select count(*)::int as inserted from inserted`);
  return Number(row?.inserted ?? 0);
}
