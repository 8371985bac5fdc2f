// Surveys: the feedback sources responses arrive from, each with the column mapping saved
// from its last import, a default touchpoint and the zone of its timestamps.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { surveys, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { isTimeZone } from "../ingest/timestamps";
import { DomainError, invalid, PG_UNIQUE_VIOLATION, pgErrorCode } from "./errors";
import { findInOrg, loadInOrg } from "./load-in-org";

export async function createSurvey(db: Db, ctx: { orgId: string }, input: { name: string; defaultTouchpointId?: string | null; timeZone?: string }) {
  const timeZone = input.timeZone ?? "UTC";
  if (!isTimeZone(timeZone)) throw invalid("timeZone", `"${timeZone}" is not a time zone (use a name such as Europe/Paris).`);
  return withOrg(db, ctx.orgId, async (tx) => {
    if (input.defaultTouchpointId && !(await findInOrg(tx, touchpoints, { orgId: ctx.orgId, id: input.defaultTouchpointId }))) {
      throw invalid("defaultTouchpointId", "That touchpoint does not exist.");
    }
    try {
      const [survey] = await tx
        .insert(surveys)
        .values({ organizationId: ctx.orgId, name: input.name, defaultTouchpointId: input.defaultTouchpointId ?? null, timeZone })
        .returning();
      return survey!;
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw invalid("name", "A survey with this name already exists.");
      throw error;
    }
  });
}

export async function listSurveys(db: Db, ctx: { orgId: string }) {
  return withOrg(db, ctx.orgId, (tx) => tx.select().from(surveys).where(eq(surveys.organizationId, ctx.orgId)).orderBy(asc(surveys.name)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The survey an API request names: by id (NOT_FOUND when this organization has none), or by
 * name in any case — created on first use, so a new feed needs no set-up step.
 */
export async function surveyByRef(db: Db, ctx: { orgId: string }, ref: string) {
  const byName = async () =>
    withOrg(db, ctx.orgId, async (tx) => (await tx.select().from(surveys).where(and(eq(surveys.organizationId, ctx.orgId), sql`lower(${surveys.name}) = lower(${ref})`)))[0]);
  if (UUID.test(ref)) return withOrg(db, ctx.orgId, (tx) => loadInOrg(tx, surveys, { orgId: ctx.orgId, id: ref }, "Survey"));
  const existing = await byName();
  if (existing) return existing;
  try {
    return await createSurvey(db, ctx, { name: ref });
  } catch (error) {
    // Two first requests at once: the other one created it.
    const created = error instanceof DomainError ? await byName() : undefined;
    if (created) return created;
    throw error;
  }
}
