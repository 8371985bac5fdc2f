// Every text field and every list in every procedure's input has a cap, and going over it
// gives a field error a person can read. The sweep builds a valid input for each procedure
// (tests/helpers/procedures.ts), then makes one string or list at a time far too long, so
// a field added later is covered without editing this test.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/trpc/root";
import { buildInput, listProcedures, type InputTargets } from "../helpers/procedures";

const TOO_LONG = 100_000;

/** Ids that parse; nothing is looked up, only the input schemas run. */
const targets: InputTargets = {
  orgSlug: "limits-org",
  userId: randomUUID(),
  invitationId: randomUUID(),
  token: `${randomUUID()}.secretsecretsecret`,
  teamId: randomUUID(),
  personaId: randomUUID(),
  mapId: randomUUID(),
  stageId: randomUUID(),
  otherStageId: randomUUID(),
  touchpointId: randomUUID(),
  otherTouchpointId: randomUUID(),
  obstacleId: randomUUID(),
  shareLinkId: randomUUID(),
  notificationId: randomUUID(),
  apiKeyId: randomUUID(),
  surveyId: randomUUID(),
  alertId: randomUUID(),
  responseId: randomUUID(),
  findingId: randomUUID(),
  ruleId: randomUUID(),
  viewId: randomUUID(),
  webhookId: randomUUID(),
  versions: { team: 1, persona: 1, journeyMap: 1, stage: 1, touchpoint: 1, obstacle: 1, survey: 1, alert: 1, finding: 1, routingRule: 1 },
};

type Path = (string | number)[];

/** Every string and array in a value, with its path. */
function leaves(value: unknown, path: Path = []): { path: Path; value: string | unknown[] }[] {
  if (typeof value === "string") return [{ path, value }];
  if (Array.isArray(value)) return [{ path, value }, ...value.flatMap((item, i) => leaves(item, [...path, i]))];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [];
}

function withValueAt(input: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = replacement;
  return copy;
}

/** zod's own wording ("Too big: expected string to have <=60 characters", "Invalid input: …") is for developers. */
const isZodDefault = (message: string) => /^(Too big|Too small|Invalid)/.test(message);


describe("input limits", () => {
  const procedures = listProcedures(appRouter).filter((p) => p.inputs.length > 0);

  it.each(procedures.map((p) => [p.path, p] as const))("%s: an over-long text or list is a readable field error", (_, procedure) => {
    const input = buildInput(procedure, targets)!;
    const failures: string[] = [];
    for (const leaf of leaves(input)) {
      const label = `${procedure.path} ${leaf.path.join(".")}`;
      const tooLong = typeof leaf.value === "string" ? "x".repeat(TOO_LONG) : Array.from({ length: TOO_LONG }, () => (leaf.value as unknown[])[0] ?? "x");
      const mutated = withValueAt(input, leaf.path, tooLong);
      const issues = procedure.inputs.flatMap((schema) => {
        const parsed = schema.safeParse(mutated);
        return parsed.success ? [] : parsed.error.issues;
      });
      const atField = issues.filter((issue) => issue.path.join(".") === leaf.path.join("."));
      if (atField.length === 0) failures.push(`${label}: accepted ${TOO_LONG} ${typeof leaf.value === "string" ? "characters" : "items"}`);
      else if (atField.every((issue) => isZodDefault(issue.message))) failures.push(`${label}: only zod's default message (${atField[0]!.message})`);
    }
    expect(failures).toEqual([]);
  });
});
