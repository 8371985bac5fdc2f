// Moving maps in and out: a JSON document that re-imports as a copy (here or in another
// organization), a CSV of touchpoints for spreadsheets. The picture export (PNG) is drawn
// in the browser from the canvas itself.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { CHANNEL_LABELS } from "@/db/journey-constants";
import { journeyMaps, obstacles, personas, stages, teams, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { toCsv } from "@/lib/csv";
import { spreadKeys } from "@/lib/fractional-key";
import { kebabCase } from "@/lib/slug";
import { MAP_DOCUMENT_FORMAT, MAP_DOCUMENT_VERSION, type MapDocument } from "../schemas/map-transfer";
import { recordAudit } from "./audit";
import type { OrgContext } from "./context";
import { readCanvas, type Canvas } from "./journey-maps";
import { invalid } from "./errors";
import { recordMapEvent } from "./map-history";
import { retryOnUniqueViolation } from "./races";

function toDocument(canvas: Canvas, now: Date): MapDocument {
  return {
    format: MAP_DOCUMENT_FORMAT,
    version: MAP_DOCUMENT_VERSION,
    exportedAt: now.toISOString(),
    map: { name: canvas.map.name, description: canvas.map.description, status: canvas.map.status },
    persona: canvas.persona && {
      name: canvas.persona.name,
      description: canvas.persona.description,
      demographics: canvas.persona.demographics,
      goals: canvas.persona.goals,
      pains: canvas.persona.pains,
      preferredChannels: canvas.persona.preferredChannels,
    },
    stages: canvas.stages.map((stage) => ({
      name: stage.name,
      description: stage.description,
      touchpoints: canvas.touchpoints
        .filter((tp) => tp.stageId === stage.id)
        .map((tp) => ({
          key: tp.key,
          name: tp.name,
          channel: tp.channel,
          description: tp.description,
          team: tp.teamName,
          customerAction: tp.customerAction,
          expectedEmotion: tp.expectedEmotion,
          notes: tp.notes,
          obstacles: canvas.obstacles
            .filter((o) => o.touchpointId === tp.id)
            .map((o) => ({ kind: o.kind, title: o.title, description: o.description, severity: o.severity })),
        })),
    })),
  };
}

export async function exportMapDocument(db: Queryable, ctx: OrgContext, input: { mapId: string }, now = new Date()) {
  return withOrg(db, ctx.orgId, async (tx) => toDocument(await readCanvas(tx, ctx.orgId, input.mapId), now));
}

export async function exportTouchpointsCsv(db: Queryable, ctx: OrgContext, input: { mapId: string }) {
  const document = await exportMapDocument(db, ctx, input);
  const header = ["stage", "order", "key", "name", "channel", "owning_team", "customer_action", "expected_emotion", "description", "notes", "obstacles", "opportunities"];
  const rows = document.stages.flatMap((stage) =>
    stage.touchpoints.map((tp, index) => [
      stage.name,
      index + 1,
      tp.key,
      tp.name,
      CHANNEL_LABELS[tp.channel],
      tp.team,
      tp.customerAction,
      tp.expectedEmotion,
      tp.description,
      tp.notes,
      tp.obstacles.filter((o) => o.kind === "obstacle").map((o) => o.title).join("; "),
      tp.obstacles.filter((o) => o.kind === "opportunity").map((o) => o.title).join("; "),
    ]),
  );
  return { filename: `${kebabCase(document.map.name, 80) || "journey-map"}-touchpoints.csv`, csv: toCsv([header, ...rows]) };
}


/** First of `name`, `name-copy`, `name-copy-2`, … not in `taken` (lower-cased). */
function firstFree(name: string, taken: Set<string>, suffix: (n: number) => string): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 1; ; n++) {
    const candidate = `${name}${suffix(n)}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Unique values an import computes from what it reads: the same file imported twice at once
 * picks the same "-copy" keys, or creates the same new persona, and one of them loses.
 */
const IMPORT_RACES = new Set(["touchpoints_org_key_key", "personas_org_name_key"]);

/**
 * Creates a new map from an exported document, in one transaction: all of it or nothing.
 * Names that must be unique in the organization are made unique (a map "(copy)", a key
 * "-copy"); teams and the persona are matched by name, and teams that do not exist here
 * are reported rather than created. An import that loses a race to a concurrent one runs
 * again and picks the next free keys.
 */
export async function importMapDocument(db: Db, ctx: OrgContext, input: { document: MapDocument }) {
  const doc = input.document;
  const keys = doc.stages.flatMap((s) => s.touchpoints.map((tp) => tp.key.toLowerCase()));
  const duplicate = keys.find((key, i) => keys.indexOf(key) !== i);
  if (duplicate) throw invalid("document", `The touchpoint key "${duplicate}" appears twice in this file.`);
  return retryOnUniqueViolation(() => writeImport(db, ctx, doc, keys), {
    constraints: IMPORT_RACES,
    attempts: 8,
    conflictMessage: "Other imports of the same touchpoints were running at the same moment. Try again.",
  });
}

async function writeImport(db: Db, ctx: OrgContext, doc: MapDocument, keys: string[]) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const mapNames = new Set((await tx.select({ name: sql<string>`lower(${journeyMaps.name})` }).from(journeyMaps).where(eq(journeyMaps.organizationId, ctx.orgId))).map((r) => r.name));
    const name = firstFree(doc.map.name, mapNames, (n) => (n === 1 ? " (copy)" : ` (copy ${n})`));

    let personaId: string | null = null;
    if (doc.persona) {
      const [existing] = await tx
        .select({ id: personas.id })
        .from(personas)
        .where(and(eq(personas.organizationId, ctx.orgId), sql`lower(${personas.name}) = lower(${doc.persona.name})`))
        .limit(1);
      personaId = existing?.id ?? (await tx.insert(personas).values({ organizationId: ctx.orgId, ...doc.persona }).returning({ id: personas.id }))[0]!.id;
    }

    const teamIds = new Map(
      (await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organizationId, ctx.orgId))).map((t) => [t.name.toLowerCase(), t.id]),
    );
    const takenKeys = new Set(
      keys.length === 0
        ? []
        : (
            await tx
              .select({ key: sql<string>`lower(${touchpoints.key})` })
              .from(touchpoints)
              // The keys themselves and their earlier copies ("key-copy", "key-copy-2"), which the new copies must skip.
              .where(
                and(
                  eq(touchpoints.organizationId, ctx.orgId),
                  or(inArray(sql`lower(${touchpoints.key})`, keys), inArray(sql`regexp_replace(lower(${touchpoints.key}), '-copy(-[0-9]+)?$', '')`, keys)),
                ),
              )
          ).map((r) => r.key),
    );
    // Keys of this document also collide with each other's renamed forms; track both.
    const usedKeys = new Set(takenKeys);
    const keyFor = (key: string) => {
      const free = usedKeys.has(key.toLowerCase()) ? firstFree(key, usedKeys, (n) => (n === 1 ? "-copy" : `-copy-${n}`)) : key;
      usedKeys.add(free.toLowerCase());
      return free;
    };

    const [map] = await tx
      .insert(journeyMaps)
      .values({ organizationId: ctx.orgId, name, description: doc.map.description, status: doc.map.status, personaId, ownerUserId: ctx.userId })
      .returning({ id: journeyMaps.id });
    const unmatchedTeams = new Set<string>();
    let renamedKeys = 0;
    const stagePositions = spreadKeys(doc.stages.length);
    for (const [s, stageDoc] of doc.stages.entries()) {
      const [stage] = await tx
        .insert(stages)
        .values({ organizationId: ctx.orgId, mapId: map!.id, name: stageDoc.name, description: stageDoc.description, position: stagePositions[s]! })
        .returning({ id: stages.id });
      const positions = spreadKeys(stageDoc.touchpoints.length);
      for (const [i, { obstacles: insights, team, key, ...fields }] of stageDoc.touchpoints.entries()) {
        const teamId = team ? teamIds.get(team.toLowerCase()) ?? null : null;
        if (team && !teamId) unmatchedTeams.add(team);
        const finalKey = keyFor(key);
        if (finalKey !== key) renamedKeys++;
        const [touchpoint] = await tx
          .insert(touchpoints)
          .values({ organizationId: ctx.orgId, mapId: map!.id, stageId: stage!.id, position: positions[i]!, key: finalKey, teamId, ...fields })
          .returning({ id: touchpoints.id });
        if (insights.length > 0) {
          await tx.insert(obstacles).values(insights.map((o) => ({ organizationId: ctx.orgId, mapId: map!.id, touchpointId: touchpoint!.id, ...o })));
        }
      }
    }
    await recordMapEvent(tx, ctx, map!.id, "map.imported", { name, from: doc.map.name });
    await recordAudit(tx, ctx, { action: "journey_map.imported", targetType: "journey_map", targetId: map!.id, data: { name } });
    return { id: map!.id, name, renamedKeys, unmatchedTeams: [...unmatchedTeams] };
  });
}
