// The cross-tenant sweep: every procedure of a router, called by a member of org B of every
// role with org A's ids, must neither reveal nor change anything of org A. Returns the
// violations instead of throwing, so a test can also prove it catches a leaky router.
import type { AnyRouter } from "@trpc/server";
import { ROLES, type Role } from "@/db/constants";
import type { Db } from "@/db/client";
import { snapshotOrg } from "./catalog";
import { sessionFor } from "./callers";
import { identifiersOf, reloadUser, targetsOf, type PopulatedOrg } from "./fixtures";
import { buildInput, callProcedure, listProcedures, outcomeOf, type CallOutcome, type InputTargets } from "./procedures";
import type { TestDatabase } from "./test-db";

export interface Violation {
  path: string;
  role: Role | "-";
  call: string;
  problem: string;
}

export interface SweepOptions {
  router: AnyRouter;
  db: Db;
  asOwner: TestDatabase["asOwner"];
  /** The victim organization. */
  a: PopulatedOrg;
  /** The organization the callers belong to. */
  b: PopulatedOrg;
  /** Sweep only the procedures under this router namespace (`member`, `journeyMap`, …). */
  namespace?: string;
}

/** Error codes a cross-tenant call may end with: nothing about the other org is confirmed. */
const SAFE_ERRORS = new Set(["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"]);

function leakedIdentifiers(payload: unknown, secrets: string[]): string[] {
  const text = (JSON.stringify(payload) ?? "").toLowerCase();
  return secrets.filter((secret) => text.includes(secret.toLowerCase()));
}

/** Org A's objects, named in an input with the given slug; the member acted on is A-only (never a member of B). */
function targetsIn(a: PopulatedOrg, orgSlug: string): InputTargets {
  return { ...targetsOf(a, orgSlug, a.members.member.id), slug: a.org.slug };
}

function describeOutcome(outcome: CallOutcome): string {
  return outcome.ok ? "success" : `${outcome.code} (${outcome.message})`;
}

export async function crossTenantSweep({ router, db, asOwner, a, b, namespace }: SweepOptions) {
  const procedures = listProcedures(router).filter((p) => namespace === undefined || p.path.startsWith(`${namespace}.`));
  const secrets = identifiersOf(a);
  const violations: Violation[] = [];
  const swept = new Set<string>();
  let before = await snapshotOrg(asOwner, a.org.id);

  for (const procedure of procedures) {
    const orgScoped = procedure.fields.includes("orgSlug");
    if (orgScoped !== (procedure.meta?.scope === "org")) {
      violations.push({ path: procedure.path, role: "-", call: "meta", problem: `input has orgSlug: ${orgScoped}, but meta.scope is ${procedure.meta?.scope}` });
    }
    const calls = orgScoped
      ? [
          { label: "orgSlug of A", slug: a.org.slug, mustBeNotFound: true },
          { label: "orgSlug of B", slug: b.org.slug, mustBeNotFound: false },
        ]
      : [{ label: "no org", slug: b.org.slug, mustBeNotFound: false }];

    for (const role of ROLES) {
      // Re-read: account.changePassword bumps the session version.
      const actor = await reloadUser(db, b.members[role].id);
      for (const call of calls) {
        const input = buildInput(procedure, targetsIn(a, call.slug));
        const outcome = await outcomeOf(callProcedure(router, { db, session: sessionFor(actor) }, procedure.path, input));
        swept.add(procedure.path);
        const report = (problem: string) => violations.push({ path: procedure.path, role, call: call.label, problem });

        if (call.mustBeNotFound && (outcome.ok || outcome.code !== "NOT_FOUND")) {
          report(`expected NOT_FOUND for a non-member, got ${describeOutcome(outcome)}`);
        } else if (!outcome.ok && !SAFE_ERRORS.has(outcome.code)) {
          report(`unexpected error ${describeOutcome(outcome)}`);
        }
        const leaked = leakedIdentifiers(outcome.ok ? outcome.value : outcome.message, secrets);
        if (leaked.length > 0) report(`org A's identifiers in the ${outcome.ok ? "result" : "error"}: ${leaked.join(", ")}`);

        const after = await snapshotOrg(asOwner, a.org.id);
        if (after !== before) report("changed org A's data");
        before = after;
      }
    }
  }
  return { procedures: procedures.map((p) => p.path), swept: [...swept], violations };
}
