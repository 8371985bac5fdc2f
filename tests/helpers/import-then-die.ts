// Run by tests/integration/import-crash.test.ts in a process of its own: sets up an
// organization, then imports a large export, printing progress, until the test kills it
// with SIGKILL in the middle. Argument: a Postgres URL, or a PGlite data directory.
import { openPglite, openPostgres } from "@/db/client";
import { createOrganization, createUser } from "@/db/seed/factories";
import { createMap } from "@/server/services/journey-maps";
import { importResponseFile } from "@/server/services/response-imports";
import { createStage } from "@/server/services/stages";
import { createSurvey } from "@/server/services/surveys";
import { createTouchpoint } from "@/server/services/touchpoints";

const target = process.argv[2]!;
const database = target.startsWith("postgres") ? await openPostgres({ url: target, role: "app", max: 3 }) : await openPglite({ dir: target, migrate: true, role: "app" });
const db = database.db;
const user = await createUser(db, { name: "Crash Owner" });
const org = await createOrganization(db, { ownerId: user.id });
const ctx = { orgId: org.id, userId: user.id, role: "owner" as const };
const map = await createMap(db, ctx, { name: "Crash map", description: "", personaId: null, template: "blank" });
const stage = await createStage(db, ctx, { mapId: map.id, name: "All", description: "" });
await createTouchpoint(db, ctx, { stageId: stage.id, name: "Delivery", key: "delivery", channel: "web", description: "", teamId: null, customerAction: "", expectedEmotion: null, notes: "" });
const survey = await createSurvey(db, ctx, { name: "Crash survey" });
process.stdout.write(JSON.stringify({ orgId: org.id, surveyId: survey.id }) + "\n");

async function* bigExport() {
  const encoder = new TextEncoder();
  yield encoder.encode("response_id,touchpoint,submitted_at,csat\n");
  for (let chunk = 0; chunk < 1000; chunk++) {
    let text = "";
    for (let i = 0; i < 1000; i++) text += `c-${chunk}-${i},delivery,2026-03-04T10:00:00Z,${1 + (i % 5)}\n`;
    yield encoder.encode(text);
  }
}
await importResponseFile(db, { orgId: org.id, actor: { kind: "system", label: "crash test" } }, bigExport(), {
  surveyId: survey.id,
  fileName: "big.csv",
  source: "cli",
  onProgress: ({ rows }) => process.stdout.write(JSON.stringify({ rows }) + "\n"),
});
process.stdout.write(JSON.stringify({ finished: true }) + "\n");
