// What customers wrote, lowest score first: the paged, searchable comments of a touchpoint and
// the few worst verbatims per touchpoint on the "where customers get stuck" screen. Raw
// responses, read through the (organization, touchpoint, submitted at) index under the
// dashboard deadline.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Tx } from "@/db/client";
import { invalid } from "../errors";
import { rawResponseConditions, type FactQuery } from "./facts";

export interface Verbatim {
  responseId: string;
  touchpointId: string;
  submittedAt: Date;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  comment: string;
  /** The channel the response came through, when the survey said. */
  channel: string | null;
  segment: Record<string, string>;
}

/**
 * Lowest score first: CSAT, then NPS, then CES (a missing score sorts after every answer),
 * newest first among equals, the id last so the order is total (keyset paging needs that).
 */
const SORT_KEYS = sql`coalesce(r.csat, 6), coalesce(r.nps, 11), coalesce(r.ces, 8)`;
const ORDER = sql`${SORT_KEYS}, r.submitted_at desc, r.id desc`;
/** submitted_at at microsecond precision: a JS Date would lose the rows sharing a millisecond. */
const POSITION = sql`to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const hasComment = sql`r.comment is not null and r.comment <> ''`;

type Scope = Omit<FactQuery, "granularity" | "groupBy">;

const cursorSchema = z.tuple([z.number().int(), z.number().int(), z.number().int(), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.uuid()]);
type Cursor = z.infer<typeof cursorSchema>;

function decodeCursor(cursor: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw invalid("cursor", "Not a valid page cursor.");
  }
}
const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");

interface VerbatimRow extends Record<string, unknown> {
  id: string;
  touchpoint_id: string;
  submitted_at: string | Date;
  position: string;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  comment: string;
  channel: string | null;
  segment: Record<string, string> | string;
  k1: number;
  k2: number;
  k3: number;
}

const COLUMNS = sql`r.id, r.touchpoint_id, r.submitted_at, ${POSITION} as position, r.csat, r.nps, r.ces, r.comment, r.channel::text as channel, r.segment,
  coalesce(r.csat, 6) as k1, coalesce(r.nps, 11) as k2, coalesce(r.ces, 8) as k3`;

function verbatimOf(row: VerbatimRow): Verbatim {
  return {
    responseId: row.id,
    touchpointId: row.touchpoint_id,
    submittedAt: new Date(row.submitted_at),
    csat: row.csat === null ? null : Number(row.csat),
    nps: row.nps === null ? null : Number(row.nps),
    ces: row.ces === null ? null : Number(row.ces),
    comment: row.comment,
    channel: row.channel,
    segment: typeof row.segment === "string" ? (JSON.parse(row.segment) as Record<string, string>) : row.segment,
  };
}

export interface CommentPage {
  comments: Verbatim[];
  nextCursor: string | null;
}

/** One page of the comments in scope (a touchpoint's, on its page), optionally only those containing q. */
export async function commentPage(tx: Tx, orgId: string, scope: Scope, page: { q?: string; cursor?: string; limit: number }): Promise<CommentPage> {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  if (scope.touchpointIds?.length === 0) return { comments: [], nextCursor: null };
  const conditions: SQL[] = [rawResponseConditions(orgId, scope), hasComment];
  if (page.q) conditions.push(sql`r.comment ilike ${`%${likeEscaped(page.q)}%`}`);
  if (after) {
    const [k1, k2, k3, position, id] = after;
    conditions.push(sql`((${SORT_KEYS}) > (${k1}, ${k2}, ${k3}) or ((${SORT_KEYS}) = (${k1}, ${k2}, ${k3}) and (r.submitted_at, r.id) < (${position}::timestamptz, ${id}::uuid)))`);
  }
  const rows = await queryRows<VerbatimRow>(tx, sql`
    select ${COLUMNS}
    from survey_responses r
    where ${sql.join(conditions, sql` and `)}
    order by ${ORDER}
    limit ${page.limit + 1}`);
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    comments: shown.map(verbatimOf),
    nextCursor: rows.length > page.limit && last ? encodeCursor([Number(last.k1), Number(last.k2), Number(last.k3), last.position, last.id]) : null,
  };
}

/** The `perTouchpoint` lowest-scored comments of each touchpoint in scope, by touchpoint id. */
export async function worstVerbatims(tx: Tx, orgId: string, scope: Scope, perTouchpoint: number): Promise<Map<string, Verbatim[]>> {
  const result = new Map<string, Verbatim[]>();
  if (scope.touchpointIds?.length === 0) return result;
  const rows = await queryRows<VerbatimRow>(tx, sql`
    select * from (
      select ${COLUMNS}, row_number() over (partition by r.touchpoint_id order by ${ORDER}) as rank
      from survey_responses r
      where ${rawResponseConditions(orgId, scope)} and ${hasComment}
    ) ranked
    where rank <= ${perTouchpoint}
    order by touchpoint_id, rank`);
  for (const row of rows) {
    const list = result.get(row.touchpoint_id) ?? [];
    list.push(verbatimOf(row));
    result.set(row.touchpoint_id, list);
  }
  return result;
}
