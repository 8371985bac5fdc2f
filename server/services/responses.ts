// Reading survey responses one by one: the explorer's filtered pages (newest first, keyset
// paging on (submitted_at, id) so a page never skips or repeats a row while imports add
// more), the same rows as CSV, and what the filters can choose from.
import { and, asc, desc, eq, gte, ilike, isNotNull, lt, ne, sql, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { journeyMaps, organizations, stages, surveyResponses, surveys, touchpointDailyStats, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { csvField } from "@/lib/csv";
import type { ResponseFilters } from "../schemas/responses";
import { invalid } from "./errors";

export interface ResponseRowView {
  id: string;
  externalId: string;
  submittedAt: Date;
  surveyName: string | null;
  touchpointKey: string | null;
  touchpointName: string | null;
  stageName: string | null;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  comment: string | null;
  channel: string | null;
  segment: Record<string, string>;
}

/**
 * The position is submitted_at at microsecond precision plus the id: a JS Date (milliseconds)
 * would skip responses sharing the last shown one's millisecond.
 */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f-]{36})$/;
const position = sql<string>`to_char(${surveyResponses.submittedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A comment search matches the words as typed: % and _ are not wildcards. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(orgId: string, timeZone: string, f: ResponseFilters): (SQL | undefined)[] {
  const r = surveyResponses;
  const score = f.metric ? r[f.metric] : undefined;
  return [
    eq(r.organizationId, orgId),
    f.surveyId ? eq(r.surveyId, f.surveyId) : undefined,
    f.touchpointId ? eq(r.touchpointId, f.touchpointId) : undefined,
    f.stageId ? eq(touchpoints.stageId, f.stageId) : undefined,
    // Days of the organization's calendar: from its first instant to the next day's first.
    f.from ? gte(r.submittedAt, sql`(${f.from}::date)::timestamp at time zone ${timeZone}`) : undefined,
    f.to ? lt(r.submittedAt, sql`(${f.to}::date + 1)::timestamp at time zone ${timeZone}`) : undefined,
    score && f.min !== undefined ? gte(score, f.min) : undefined,
    score && f.max !== undefined ? sql`${score} <= ${f.max}` : undefined,
    // A score chosen without bounds: the responses that answered it.
    score && f.min === undefined && f.max === undefined ? isNotNull(score) : undefined,
    f.hasComment === true ? and(isNotNull(r.comment), ne(r.comment, "")) : undefined,
    f.hasComment === false ? sql`coalesce(${r.comment}, '') = ''` : undefined,
    f.q ? ilike(r.comment, `%${likeEscaped(f.q)}%`) : undefined,
    f.segmentKey && f.segmentValue !== undefined && f.segmentValue !== ""
      ? sql`${r.segment} @> jsonb_build_object(${f.segmentKey}::text, ${f.segmentValue}::text)`
      : f.segmentKey
        ? sql`(${r.segment} ->> ${f.segmentKey}::text) is not null`
        : undefined,
  ];
}

async function orgTimeZone(tx: Queryable, orgId: string): Promise<string> {
  const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  return org?.timeZone ?? "UTC";
}

async function pageOf(tx: Queryable, orgId: string, timeZone: string, filters: ResponseFilters, cursor: RegExpExecArray | undefined, limit: number) {
  const r = surveyResponses;
  const rows = await tx
    .select({
      id: r.id,
      externalId: r.externalId,
      submittedAt: r.submittedAt,
      position,
      surveyName: surveys.name,
      touchpointKey: touchpoints.key,
      touchpointName: touchpoints.name,
      stageName: stages.name,
      csat: r.csat,
      nps: r.nps,
      ces: r.ces,
      comment: r.comment,
      channel: r.channel,
      segment: r.segment,
    })
    .from(r)
    .leftJoin(surveys, and(eq(surveys.organizationId, r.organizationId), eq(surveys.id, r.surveyId)))
    .leftJoin(touchpoints, and(eq(touchpoints.organizationId, r.organizationId), eq(touchpoints.id, r.touchpointId)))
    .leftJoin(stages, and(eq(stages.organizationId, touchpoints.organizationId), eq(stages.id, touchpoints.stageId)))
    .where(and(...conditions(orgId, timeZone, filters), cursor ? sql`(${r.submittedAt}, ${r.id}) < (${cursor[1]}::timestamptz, ${cursor[2]}::uuid)` : undefined))
    .orderBy(desc(r.submittedAt), desc(r.id))
    .limit(limit + 1);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    responses: page.map(({ position: _position, ...row }): ResponseRowView => row),
    nextCursor: hasMore && last ? `${last.position}_${last.id}` : undefined,
  };
}

function parseCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const parsed = CURSOR.exec(cursor);
  if (!parsed) throw invalid("cursor", "Not a valid page cursor.");
  return parsed;
}

export async function listResponses(db: Db, ctx: { orgId: string }, input: { filters: ResponseFilters; cursor?: string; limit: number }) {
  const cursor = parseCursor(input.cursor);
  return withOrg(db, ctx.orgId, async (tx) => {
    const timeZone = await orgTimeZone(tx, ctx.orgId);
    return { timeZone, ...(await pageOf(tx, ctx.orgId, timeZone, input.filters, cursor, input.limit)) };
  });
}

/** Rows per query of the CSV export: each page is its own short transaction. */
const EXPORT_PAGE = 2000;

/**
 * The filtered responses as CSV lines (RFC 4180, formula-looking cells neutralized), read
 * page by page so a large export never sits in memory. Submitted at is ISO 8601 in UTC.
 * Segments go in one column as key=value pairs: a column per key would need every row read
 * before the header could be written.
 */
export async function* responsesCsv(db: Db, ctx: { orgId: string }, filters: ResponseFilters): AsyncGenerator<string> {
  yield csvLine(["response_id", "submitted_at", "survey", "touchpoint", "touchpoint_name", "stage", "csat", "nps", "ces", "comment", "channel", "segment"]);
  let cursor: RegExpExecArray | undefined;
  for (;;) {
    const page = await withOrg(db, ctx.orgId, async (tx) => pageOf(tx, ctx.orgId, await orgTimeZone(tx, ctx.orgId), filters, cursor, EXPORT_PAGE));
    for (const row of page.responses) {
      yield csvLine([
        row.externalId,
        row.submittedAt.toISOString(),
        row.surveyName,
        row.touchpointKey,
        row.touchpointName,
        row.stageName,
        row.csat,
        row.nps,
        row.ces,
        row.comment,
        row.channel,
        Object.entries(row.segment)
          .map(([key, value]) => `${key}=${value}`)
          .join("; "),
      ]);
    }
    if (!page.nextCursor) return;
    cursor = parseCursor(page.nextCursor);
  }
}

const csvLine = (cells: (string | number | null)[]) => cells.map(csvField).join(",") + "\r\n";

/** What the explorer's filters choose from: surveys, touchpoints by map and stage, segment keys seen. */
export async function responseFilterOptions(db: Db, ctx: { orgId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const surveyRows = await tx.select({ id: surveys.id, name: surveys.name }).from(surveys).where(eq(surveys.organizationId, ctx.orgId)).orderBy(asc(surveys.name));
    const touchpointRows = await tx
        .select({ id: touchpoints.id, key: touchpoints.key, name: touchpoints.name, stageId: stages.id, stageName: stages.name, mapName: journeyMaps.name })
        .from(touchpoints)
        .innerJoin(stages, and(eq(stages.organizationId, touchpoints.organizationId), eq(stages.id, touchpoints.stageId)))
        .innerJoin(journeyMaps, and(eq(journeyMaps.organizationId, touchpoints.organizationId), eq(journeyMaps.id, touchpoints.mapId)))
        .where(eq(touchpoints.organizationId, ctx.orgId))
        .orderBy(asc(journeyMaps.name), asc(stages.position), asc(touchpoints.position));
    const segmentRows = await tx
        .selectDistinct({ key: touchpointDailyStats.segmentKey })
        .from(touchpointDailyStats)
        .where(and(eq(touchpointDailyStats.organizationId, ctx.orgId), ne(touchpointDailyStats.segmentKey, "")))
        .orderBy(asc(touchpointDailyStats.segmentKey));
    const stageList = [...new Map(touchpointRows.map((t) => [t.stageId, { id: t.stageId, name: t.stageName, mapName: t.mapName }])).values()];
    return {
      surveys: surveyRows,
      stages: stageList,
      touchpoints: touchpointRows.map((t) => ({ id: t.id, key: t.key, name: t.name, stageId: t.stageId, mapName: t.mapName })),
      segmentKeys: segmentRows.map((s) => s.key),
    };
  });
}
