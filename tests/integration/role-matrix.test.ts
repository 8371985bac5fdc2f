// Every org procedure × every role, with expectations derived from the PERMISSIONS map
// alone: FORBIDDEN exactly when the role lacks the procedure's permission. Then the rules
// of the hierarchy: nobody grants or manages above their own role, and an organization
// always keeps an owner. Whether PERMISSIONS itself is the agreed policy is checked against
// a hand-written table in tests/unit/permission-policy.test.ts.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts } from "@/db/schema";
import { ROLES, type Role } from "@/db/constants";
import { can, canGrantRole, canManageMember, PERMISSIONS, type Permission } from "@/server/auth/permissions";
import { addTeamMember } from "@/server/services/teams";
import { appRouter } from "@/server/trpc/root";
import { snapshotOrg } from "../helpers/catalog";
import { callerFor, sessionFor } from "../helpers/callers";
import { ownTargets, populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { buildInput, callProcedure, listProcedures, outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const orgProcedures = listProcedures(appRouter).filter((p) => p.meta?.scope === "org");

/**
 * A populated org whose viewer is also on the team: the target of every member/team call.
 * Its alert is firing, so finding.fromAlert has a firing to turn into a finding.
 */
async function matrixOrg(): Promise<PopulatedOrg> {
  const o = await populatedOrg(t.db, "Matrix");
  await addTeamMember(t.db, { orgId: o.org.id, userId: o.owner.id, role: "owner" }, { teamId: o.team.id, userId: o.members.viewer.id });
  await t.asOwner((tx) => tx.update(alerts).set({ state: "firing", firedAt: new Date(), lastValue: 50, lastN: 40 }).where(and(eq(alerts.organizationId, o.org.id), eq(alerts.id, o.alert.id))));
  return o;
}

describe("permissions are data", () => {
  it("every org procedure names a permission of the map, and every permission is used", () => {
    expect(orgProcedures.length).toBeGreaterThan(0);
    const used = new Set<string>();
    for (const procedure of orgProcedures) {
      expect(Object.keys(PERMISSIONS), procedure.path).toContain(procedure.meta?.permission);
      used.add(procedure.meta!.permission!);
    }
    expect([...used].sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it("unknown roles can do nothing", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(can("superuser", permission)).toBe(false);
      expect(can("", permission)).toBe(false);
      expect(can("OWNER", permission)).toBe(false);
    }
  });
});

describe.each(orgProcedures.map((p) => [p.path, p] as const))("%s", (_path, procedure) => {
  it.each(ROLES)("as %s: FORBIDDEN exactly when the role lacks the permission", async (role) => {
    const o = await matrixOrg();
    const input = buildInput(procedure, ownTargets(o));
    const before = await snapshotOrg(t.asOwner, o.org.id);
    const outcome = await outcomeOf(callProcedure(appRouter, { db: t.db, session: sessionFor(o.members[role]) }, procedure.path, input));

    if (can(role, procedure.meta!.permission!)) {
      expect(outcome, `${procedure.path} as ${role} should be allowed`).toMatchObject({ ok: true });
    } else {
      expect(outcome).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await snapshotOrg(t.asOwner, o.org.id)).toBe(before);
    }
  });
});

describe("the hierarchy", () => {
  const roleOf = async (o: PopulatedOrg, userId: string) => {
    const members = await callerFor(t.db, o.owner).member.list({ orgSlug: o.org.slug });
    return members.find((m) => m.userId === userId)?.role;
  };
  const codeOf = (promise: Promise<unknown>) => outcomeOf(promise).then((x) => (x.ok ? "ok" : x.code));

  it("an admin cannot grant owner, by role change or by invitation", async () => {
    const o = await populatedOrg(t.db, "Escalate");
    const admin = callerFor(t.db, o.members.admin);
    expect(await codeOf(admin.member.changeRole({ orgSlug: o.org.slug, userId: o.members.member.id, role: "owner" }))).toBe("FORBIDDEN");
    expect(await codeOf(admin.member.changeRole({ orgSlug: o.org.slug, userId: o.members.admin.id, role: "owner" }))).toBe("FORBIDDEN");
    const invite = await outcomeOf(admin.invitation.create({ orgSlug: o.org.slug, email: "boss@example.test", role: "owner" }));
    expect(invite).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await roleOf(o, o.members.member.id)).toBe("member");
    expect(await roleOf(o, o.members.admin.id)).toBe("admin");
    const pending = await callerFor(t.db, o.owner).invitation.listPending({ orgSlug: o.org.slug });
    expect(pending.map((i) => i.email)).not.toContain("boss@example.test");
    // What an admin may do, they can.
    expect(await codeOf(admin.member.changeRole({ orgSlug: o.org.slug, userId: o.members.member.id, role: "admin" }))).toBe("ok");
  });

  it("an admin cannot demote or remove an owner", async () => {
    const o = await populatedOrg(t.db, "Escalate");
    const admin = callerFor(t.db, o.members.admin);
    expect(await codeOf(admin.member.changeRole({ orgSlug: o.org.slug, userId: o.owner.id, role: "viewer" }))).toBe("FORBIDDEN");
    expect(await codeOf(admin.member.remove({ orgSlug: o.org.slug, userId: o.owner.id }))).toBe("FORBIDDEN");
    expect(await roleOf(o, o.owner.id)).toBe("owner");
  });

  it.each(["manager", "member", "viewer"] as const)("a %s cannot change anyone's role, not even their own", async (role) => {
    const o = await populatedOrg(t.db, "Escalate");
    const caller = callerFor(t.db, o.members[role]);
    for (const target of [o.members[role].id, o.members.viewer.id]) {
      expect(await codeOf(caller.member.changeRole({ orgSlug: o.org.slug, userId: target, role: "owner" }))).toBe("FORBIDDEN");
    }
    expect(await roleOf(o, o.members[role].id)).toBe(role);
  });

  it("the last owner cannot be demoted or removed, even by themself", async () => {
    const o = await populatedOrg(t.db, "Owner");
    const owner = callerFor(t.db, o.owner);
    expect(await codeOf(owner.member.changeRole({ orgSlug: o.org.slug, userId: o.owner.id, role: "admin" }))).toBe("FORBIDDEN");
    expect(await codeOf(owner.member.remove({ orgSlug: o.org.slug, userId: o.owner.id }))).toBe("FORBIDDEN");
    expect(await roleOf(o, o.owner.id)).toBe("owner");
  });

  it("with two owners, one can demote the other, and then is the last owner", async () => {
    const o = await populatedOrg(t.db, "Owner");
    const owner = callerFor(t.db, o.owner);
    expect(await codeOf(owner.member.changeRole({ orgSlug: o.org.slug, userId: o.members.admin.id, role: "owner" }))).toBe("ok");
    const second = callerFor(t.db, o.members.admin, Date.now() + 1);
    expect(await codeOf(second.member.changeRole({ orgSlug: o.org.slug, userId: o.owner.id, role: "admin" }))).toBe("ok");
    expect(await roleOf(o, o.owner.id)).toBe("admin");
    expect(await codeOf(second.member.remove({ orgSlug: o.org.slug, userId: o.members.admin.id }))).toBe("FORBIDDEN");
    expect(await codeOf(second.member.changeRole({ orgSlug: o.org.slug, userId: o.members.admin.id, role: "viewer" }))).toBe("FORBIDDEN");
  });

  it("an unknown role is refused with BAD_REQUEST", async () => {
    const o = await populatedOrg(t.db, "Unknown");
    const owner = callerFor(t.db, o.owner);
    const changeRole = owner.member.changeRole as (input: unknown) => Promise<unknown>;
    const invite = owner.invitation.create as (input: unknown) => Promise<unknown>;
    expect(await codeOf(changeRole({ orgSlug: o.org.slug, userId: o.members.viewer.id, role: "superuser" }))).toBe("BAD_REQUEST");
    expect(await codeOf(invite({ orgSlug: o.org.slug, email: "x@example.test", role: "superuser" }))).toBe("BAD_REQUEST");
    expect(await roleOf(o, o.members.viewer.id)).toBe("viewer");
  });

  it("the helpers agree with the role order", () => {
    for (const actor of ROLES) {
      for (const target of ROLES) {
        const allowed = ROLES.indexOf(target) >= ROLES.indexOf(actor);
        expect(canGrantRole(actor, target), `${actor} grants ${target}`).toBe(allowed);
        expect(canManageMember(actor, target), `${actor} manages ${target}`).toBe(allowed);
      }
      expect(canGrantRole(actor, "superuser")).toBe(false);
      expect(canManageMember("superuser" as Role, actor)).toBe(false);
    }
  });
});
