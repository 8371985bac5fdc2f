// The demo organization's survey and its ~50,000 responses, imported through the same path as
// a customer's export (db/seed/demo-responses.ts writes the file). Idempotent by survey name:
// an organization that has the demo survey keeps it as it is.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { surveys, touchpoints } from "@/db/schema";
import { DEMO_SURVEY, demoResponsesCsv } from "@/db/seed/demo-responses";
import { withOrg } from "@/db/tenancy";
import { importResponseFile } from "./response-imports";
import { createSurvey } from "./surveys";

export async function seedDemoSurvey(db: Db, input: { orgId: string; ownerUserId: string; count?: number; now?: Date }): Promise<{ created: boolean; inserted: number }> {
  const ctx = { orgId: input.orgId };
  const { existing, channels } = await withOrg(db, input.orgId, async (tx) => ({
    existing: (await tx.select({ id: surveys.id }).from(surveys).where(and(eq(surveys.organizationId, input.orgId), sql`lower(${surveys.name}) = lower(${DEMO_SURVEY.name})`)))[0],
    channels: await tx.select({ key: touchpoints.key, channel: touchpoints.channel }).from(touchpoints).where(eq(touchpoints.organizationId, input.orgId)),
  }));
  if (existing) return { created: false, inserted: 0 };
  const survey = await createSurvey(db, ctx, { name: DEMO_SURVEY.name });
  const encoder = new TextEncoder();
  const csv = demoResponsesCsv(new Map(channels.map((t) => [t.key, t.channel])), { count: input.count, now: input.now ?? new Date() });
  const outcome = await importResponseFile(
    db,
    { orgId: input.orgId, actor: { kind: "user", userId: input.ownerUserId } },
    (async function* () {
      for (const text of csv) yield encoder.encode(text);
    })(),
    // The proposal maps this export fully; saving it gives the demo "a survey with a saved mapping".
    { surveyId: survey.id, fileName: DEMO_SURVEY.fileName, source: "upload", saveMapping: true },
  );
  return { created: true, inserted: outcome.inserted };
}
