// Findings for outside tools (issue trackers, BI) through the REST API: every finding of the
// key's organization, oldest change first, paged by a cursor on (updated_at, id) so a tool
// that polls with `updatedSince` or follows `nextCursor` never misses or repeats a change.
import { and, eq, gt, gte, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { FindingStatus } from "@/db/finding-constants";
import { findings } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { ApiKeyCaller } from "./caller";
import { invalid } from "../errors";
import { selectCards } from "./board";
import { loadSlaPolicy } from "./sla-clocks";

export interface FeedQuery {
  status?: FindingStatus[];
  team?: string;
  touchpoint?: string;
  updatedSince?: string;
  cursor?: string;
  limit: number;
}

/** updated_at at microsecond precision (a JS Date would round it) and the id: "<iso>_<uuid>". */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f-]{36})$/;
const updatedAtText = sql<string>`to_char(${findings.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function findingsFeed(db: Db, caller: ApiKeyCaller, query: FeedQuery, now = new Date()) {
  const cursor = query.cursor ? CURSOR.exec(query.cursor) : null;
  if (query.cursor && !cursor) throw invalid("cursor", "This cursor is not one we gave out; start again without it.");
  return withOrg(db, caller.orgId, async (tx) => {
    const where = and(
      query.status?.length ? inArray(findings.status, query.status) : undefined,
      query.team ? eq(findings.teamId, query.team) : undefined,
      query.touchpoint ? eq(findings.touchpointId, query.touchpoint) : undefined,
      query.updatedSince ? gte(findings.updatedAt, new Date(query.updatedSince)) : undefined,
      cursor ? or(gt(findings.updatedAt, sql`${cursor[1]}::timestamptz`), and(eq(findings.updatedAt, sql`${cursor[1]}::timestamptz`), gt(findings.id, cursor[2]!))) : undefined,
    );
    const rows = await selectCards(tx, caller, where, "feed", query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const [position] = last
      ? await tx.select({ at: updatedAtText }).from(findings).where(and(eq(findings.organizationId, caller.orgId), eq(findings.id, last.id)))
      : [];
    const policy = await loadSlaPolicy(tx, caller.orgId);
    return {
      findings: page.map((row) => ({ ...row, sla: policy.clock(row, now) })),
      nextCursor: rows.length > query.limit && position ? `${position.at}_${last!.id}` : null,
    };
  });
}
