// Where an import's valid rows wait and how they land: a temporary staging table filled by
// COPY, then one statement that inserts the new responses and grows the daily rollup by exactly
// those. Used by the import service (response-imports.ts) inside the import's transaction.
import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { queryRows, type Tx } from "@/db/client";
import { copyField, copyInto } from "@/db/copy";
import type { ResponseRow } from "../ingest/response-rows";

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

const DISTRIBUTION = [
  ...[1, 2, 3, 4, 5].map((n) => ["csat", n] as const),
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ["nps", n] as const),
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => ["ces", n] as const),
];
const DISTRIBUTION_COLUMNS = DISTRIBUTION.map(([metric, n]) => `${metric}_${n}`);

/**
 * New responses in, duplicates skipped, and the rollup grown by exactly what was inserted —
 * one statement, so a response is counted once whatever runs at the same time. Rollup rows
 * are written in key order, so concurrent imports lock them in the same order.
 */
export async function insertAndRollUp(tx: Tx, p: { orgId: string; surveyId: string; importId: string; timeZone: string }): Promise<number> {
  const counts = DISTRIBUTION.map(([metric, n]) => `count(*) filter (where ${metric} = ${n})`).join(", ");
  const updates = DISTRIBUTION_COLUMNS.map((c) => `${c} = s.${c} + excluded.${c}`).join(", ");
  const [row] = await queryRows<{ inserted: number }>(tx, sql`
    with inserted as (
      insert into survey_responses (organization_id, id, external_id, survey_id, touchpoint_id, import_id, submitted_at, csat, nps, ces, comment, channel, segment)
      select ${p.orgId}::uuid, id, external_id, ${p.surveyId}::uuid, touchpoint_id, ${p.importId}::uuid, submitted_at, csat, nps, ces, comment, channel::touchpoint_channel, segment
      -- A freshly copied table reads back in file order, so concurrent imports of one file
      -- take the unique index's locks in the same order (no deadlock) without a sort.
      from import_staging
      on conflict (organization_id, external_id) do nothing
      returning touchpoint_id, submitted_at, csat, nps, ces, comment, segment
    ),
    facts as (
      select touchpoint_id, (submitted_at at time zone ${p.timeZone})::date as day, '' as segment_key, '' as segment_value, submitted_at, csat, nps, ces, comment
      from inserted
      union all
      select i.touchpoint_id, (i.submitted_at at time zone ${p.timeZone})::date, kv.key, kv.value, i.submitted_at, i.csat, i.nps, i.ces, i.comment
      from inserted i, jsonb_each_text(i.segment) kv
    ),
    rolled as (
      insert into touchpoint_daily_stats as s (organization_id, touchpoint_id, survey_id, day, segment_key, segment_value, responses, comments, ${sql.raw(DISTRIBUTION_COLUMNS.join(", "))}, last_submitted_at)
      select ${p.orgId}::uuid, touchpoint_id, ${p.surveyId}::uuid, day, segment_key, segment_value, count(*), count(comment), ${sql.raw(counts)}, max(submitted_at)
      from facts
      group by touchpoint_id, day, segment_key, segment_value
      order by touchpoint_id, day, segment_key, segment_value
      on conflict (organization_id, touchpoint_id, survey_id, day, segment_key, segment_value) do update set
        responses = s.responses + excluded.responses,
        comments = s.comments + excluded.comments,
        ${sql.raw(updates)},
        last_submitted_at = greatest(s.last_submitted_at, excluded.last_submitted_at)
    )
    select count(*)::int as inserted from inserted`);
  return Number(row?.inserted ?? 0);
}
