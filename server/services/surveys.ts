// Surveys: the feedback sources responses arrive from, each with the column mapping saved
// from its last import, a default touchpoint and the zone of its timestamps.
import { and, asc, desc, eq, max, sql, sum } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { imports, journeyMaps, stages, surveys, touchpointDailyStats, touchpoints, users } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { isTimeZone } from "../ingest/timestamps";
import { columnMappingSchema } from "../schemas/survey-mapping";
import type { SurveyFields } from "../schemas/survey";
import { DomainError, invalid, PG_UNIQUE_VIOLATION, pgErrorCode } from "./errors";
import { failAbandonedImports } from "./response-imports";
import { findInOrg, inOrg, inOrgLoader, loadInOrg } from "./load-in-org";
import { staleVersion } from "./versioning";

const loadSurvey = inOrgLoader(surveys, "Survey");

/** Imports listed per survey, newest first. */
const IMPORT_HISTORY_LIMIT = 50;

async function checkedFields(tx: Tx, orgId: string, input: Partial<SurveyFields>) {
  const timeZone = input.timeZone ?? "UTC";
  if (!isTimeZone(timeZone)) throw invalid("timeZone", `"${timeZone}" is not a time zone (use a name such as Europe/Paris).`);
  if (input.defaultTouchpointId && !(await findInOrg(tx, touchpoints, { orgId, id: input.defaultTouchpointId }))) {
    throw invalid("defaultTouchpointId", "That touchpoint does not exist.");
  }
  return { name: input.name, defaultTouchpointId: input.defaultTouchpointId ?? null, timeZone };
}

async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw invalid("name", "A survey with this name already exists.");
    throw error;
  }
}

export async function createSurvey(db: Db, ctx: { orgId: string }, input: { name: string; defaultTouchpointId?: string | null; timeZone?: string }) {
  return uniqueName(() =>
    withOrg(db, ctx.orgId, async (tx) => {
      const fields = await checkedFields(tx, ctx.orgId, input);
      const [survey] = await tx
        .insert(surveys)
        .values({ organizationId: ctx.orgId, ...fields, name: input.name })
        .returning();
      return survey!;
    }),
  );
}

/** Name, default touchpoint and zone, if nobody changed the survey since `version` was read. */
export async function updateSurvey(db: Db, ctx: { orgId: string }, input: SurveyFields & { surveyId: string; version: number }) {
  return uniqueName(() =>
    withOrg(db, ctx.orgId, async (tx) => {
      await loadSurvey(tx, ctx, input.surveyId);
      const fields = await checkedFields(tx, ctx.orgId, input);
      const [survey] = await tx
        .update(surveys)
        .set({ ...fields, name: input.name, version: sql`${surveys.version} + 1`, updatedAt: new Date() })
        .where(and(inOrg(surveys, { orgId: ctx.orgId, id: input.surveyId }), eq(surveys.version, input.version)))
        .returning({ id: surveys.id, version: surveys.version });
      if (!survey) throw staleVersion("Survey");
      return survey;
    }),
  );
}

/** Every survey with its default touchpoint, how many responses it holds and its last import. */
export async function listSurveys(db: Db, ctx: { orgId: string }) {
  await failAbandonedImports(db, ctx);
  return withOrg(db, ctx.orgId, async (tx) => {
    const rows = await tx
      .select({
        id: surveys.id,
        name: surveys.name,
        timeZone: surveys.timeZone,
        version: surveys.version,
        defaultTouchpointId: surveys.defaultTouchpointId,
        defaultTouchpointName: touchpoints.name,
        hasMapping: sql<boolean>`${surveys.mapping} is not null`,
      })
      .from(surveys)
      .leftJoin(touchpoints, and(eq(touchpoints.organizationId, surveys.organizationId), eq(touchpoints.id, surveys.defaultTouchpointId)))
      .where(eq(surveys.organizationId, ctx.orgId))
      .orderBy(asc(surveys.name));
    // The rollup's all-responses rows count every stored response once (the dashboards read the same).
    const counts = new Map(
      (
        await tx
          .select({ surveyId: touchpointDailyStats.surveyId, n: sum(touchpointDailyStats.responses).mapWith(Number) })
          .from(touchpointDailyStats)
          .where(and(eq(touchpointDailyStats.organizationId, ctx.orgId), eq(touchpointDailyStats.segmentKey, "")))
          .groupBy(touchpointDailyStats.surveyId)
      ).map((r) => [r.surveyId, r.n]),
    );
    const latest = tx
      .select({ surveyId: imports.surveyId, startedAt: max(imports.startedAt).as("latest_started_at") })
      .from(imports)
      .where(eq(imports.organizationId, ctx.orgId))
      .groupBy(imports.surveyId)
      .as("latest");
    const lastImports = new Map(
      (
        await tx
          .select({ surveyId: imports.surveyId, status: imports.status, startedAt: imports.startedAt, inserted: imports.inserted, fileName: imports.fileName })
          .from(imports)
          .innerJoin(latest, and(eq(latest.surveyId, imports.surveyId), eq(latest.startedAt, imports.startedAt)))
          .where(eq(imports.organizationId, ctx.orgId))
      ).map((r) => [r.surveyId, r]),
    );
    return rows.map((row) => ({ ...row, responses: counts.get(row.id) ?? 0, lastImport: lastImports.get(row.id) ?? null }));
  });
}

/** One survey with its saved mapping (null when none was saved or it no longer parses). */
export async function getSurvey(db: Db, ctx: { orgId: string }, input: { surveyId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const survey = await loadSurvey(tx, ctx, input.surveyId);
    const mapping = columnMappingSchema.safeParse(survey.mapping);
    return {
      id: survey.id,
      name: survey.name,
      defaultTouchpointId: survey.defaultTouchpointId,
      timeZone: survey.timeZone,
      version: survey.version,
      mapping: mapping.success ? mapping.data : null,
    };
  });
}

/** The survey's imports, newest first; one whose process died is shown as failed, not running. */
export async function listImports(db: Db, ctx: { orgId: string }, input: { surveyId: string }) {
  await failAbandonedImports(db, ctx);
  return withOrg(db, ctx.orgId, async (tx) => {
    await loadSurvey(tx, ctx, input.surveyId);
    const rows = await tx
      .select({
        id: imports.id,
        source: imports.source,
        actorKind: imports.actorKind,
        actorName: users.name,
        fileName: imports.fileName,
        status: imports.status,
        skipInvalid: imports.skipInvalid,
        rows: imports.rowCount,
        inserted: imports.inserted,
        duplicates: imports.duplicates,
        rejected: imports.rejected,
        failure: imports.failure,
        startedAt: imports.startedAt,
        finishedAt: imports.finishedAt,
      })
      .from(imports)
      .leftJoin(users, eq(users.id, imports.actorUserId))
      .where(and(eq(imports.organizationId, ctx.orgId), eq(imports.surveyId, input.surveyId)))
      .orderBy(desc(imports.startedAt))
      .limit(IMPORT_HISTORY_LIMIT);
    return rows.map((row) => ({ ...row, durationMs: row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null }));
  });
}

/** The organization's touchpoints grouped by map and stage, in map order: the choices for a default or fixed touchpoint. */
export async function listTouchpointChoices(db: Db, ctx: { orgId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const rows = await tx
      .select({ id: touchpoints.id, key: touchpoints.key, name: touchpoints.name, stageName: stages.name, mapName: journeyMaps.name })
      .from(touchpoints)
      .innerJoin(stages, and(eq(stages.organizationId, touchpoints.organizationId), eq(stages.id, touchpoints.stageId)))
      .innerJoin(journeyMaps, and(eq(journeyMaps.organizationId, touchpoints.organizationId), eq(journeyMaps.id, touchpoints.mapId)))
      .where(eq(touchpoints.organizationId, ctx.orgId))
      .orderBy(asc(journeyMaps.name), asc(stages.position), asc(touchpoints.position));
    return rows.map((row) => ({ ...row, group: `${row.mapName} · ${row.stageName}` }));
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The survey an API request names: by id (NOT_FOUND when this organization has none), or by
 * name in any case — created on first use, so a new feed needs no set-up step.
 */
export async function surveyByRef(db: Db, ctx: { orgId: string }, ref: string) {
  const byName = async () => withOrg(db, ctx.orgId, (tx) => findSurveyByRef(tx, ctx, ref));
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

/** The survey an API request names (by id, or by name in any case), if it exists: one query, inside the caller's transaction. */
export async function findSurveyByRef(tx: Tx, ctx: { orgId: string }, ref: string) {
  const named = UUID.test(ref) ? eq(surveys.id, ref) : sql`lower(${surveys.name}) = lower(${ref})`;
  const [survey] = await tx.select().from(surveys).where(and(eq(surveys.organizationId, ctx.orgId), named));
  return survey;
}
