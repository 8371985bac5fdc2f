// Personas: the customer types journeys are mapped for.
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Channel } from "@/db/journey-constants";
import type { Db, Queryable } from "@/db/client";
import { journeyMaps, personas, type Demographics } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { recordAudit } from "./audit";
import type { OrgContext } from "./context";
import { PG_UNIQUE_VIOLATION, invalid, pgErrorCode } from "./errors";
import { inOrg, inOrgLoader } from "./load-in-org";
import { staleVersion } from "./versioning";

export interface PersonaFields {
  name: string;
  description: string;
  demographics: Demographics;
  goals: string[];
  pains: string[];
  preferredChannels: Channel[];
}

const duplicateName = () => invalid("name", "A persona with this name already exists.");

async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw duplicateName();
    throw error;
  }
}

const loadPersona = inOrgLoader(personas, "Persona");

export async function listPersonas(db: Queryable, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const rows = await tx.select().from(personas).where(eq(personas.organizationId, ctx.orgId)).orderBy(asc(personas.name));
    const mapCounts = new Map(
      (
        await tx
          .select({ personaId: journeyMaps.personaId, n: count() })
          .from(journeyMaps)
          .where(eq(journeyMaps.organizationId, ctx.orgId))
          .groupBy(journeyMaps.personaId)
      ).map((r) => [r.personaId, r.n]),
    );
    return rows.map(({ organizationId: _org, createdAt: _c, updatedAt: _u, ...persona }) => ({ ...persona, mapCount: mapCounts.get(persona.id) ?? 0 }));
  });
}

export async function createPersona(db: Db, ctx: OrgContext, input: PersonaFields) {
  return uniqueName(() =>
    withOrg(db, ctx.orgId, async (tx) => {
      const [persona] = await tx.insert(personas).values({ organizationId: ctx.orgId, ...input }).returning();
      await recordAudit(tx, ctx, { action: "persona.created", targetType: "persona", targetId: persona!.id, data: { name: persona!.name } });
      return { id: persona!.id, version: persona!.version };
    }),
  );
}

export async function updatePersona(db: Db, ctx: OrgContext, input: PersonaFields & { personaId: string; version: number }) {
  return uniqueName(() =>
    withOrg(db, ctx.orgId, async (tx) => {
      const { personaId, version, ...fields } = input;
      await loadPersona(tx, ctx, personaId);
      const [persona] = await tx
        .update(personas)
        .set({ ...fields, version: sql`${personas.version} + 1`, updatedAt: new Date() })
        .where(and(inOrg(personas, { orgId: ctx.orgId, id: personaId }), eq(personas.version, version)))
        .returning();
      if (!persona) throw staleVersion("Persona");
      await recordAudit(tx, ctx, { action: "persona.updated", targetType: "persona", targetId: persona.id, data: { name: persona.name } });
      return { id: persona.id, version: persona.version };
    }),
  );
}

/** Maps made for the persona stay, without a persona. */
export async function deletePersona(db: Db, ctx: OrgContext, input: { personaId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const persona = await loadPersona(tx, ctx, input.personaId);
    await tx.delete(personas).where(inOrg(personas, { orgId: ctx.orgId, id: persona.id }));
    await recordAudit(tx, ctx, { action: "persona.deleted", targetType: "persona", targetId: persona.id, data: { name: persona.name } });
    return { id: persona.id };
  });
}
