// Pure tests of the permission helpers and of slugify.
import { describe, expect, it } from "vitest";
import { ROLES } from "@/db/constants";
import { can, canGrantRole, canManageMember, grantableRoles, isRole, PERMISSIONS, roleRank, type Permission } from "@/server/auth/permissions";
import { slugify } from "@/server/schemas/organization";
import { orgSlugSchema } from "@/server/schemas/common";

const permissions = Object.keys(PERMISSIONS) as Permission[];

describe("roles", () => {
  it("rank in the order of ROLES, highest first; unknown roles rank below everyone", () => {
    const ranks = ROLES.map(roleRank);
    expect([...ranks].sort((x, y) => y - x)).toEqual(ranks);
    expect(Math.min(...ranks)).toBeGreaterThan(0);
    for (const unknown of ["superuser", "", "Owner", "owner ", "__proto__", "toString"]) {
      expect(roleRank(unknown), unknown).toBe(-1);
      expect(isRole(unknown), unknown).toBe(false);
    }
    expect(isRole(undefined)).toBe(false);
    expect(isRole(1)).toBe(false);
  });
});

describe("can", () => {
  it("grants a permission to its minimum role and every role above, and to no one below", () => {
    for (const permission of permissions) {
      const minimum = ROLES.indexOf(PERMISSIONS[permission]);
      ROLES.forEach((role, index) => expect(can(role, permission), `${role} ${permission}`).toBe(index <= minimum));
    }
  });

  it("gives the owner everything and the viewer reading and commenting only", () => {
    for (const permission of permissions) expect(can("owner", permission)).toBe(true);
    expect(permissions.filter((p) => can("viewer", p)).every((p) => p.endsWith(".read") || p === "journey.comment")).toBe(true);
    expect(can("viewer", "journey.edit")).toBe(false);
    expect(can("member", "journey.edit")).toBe(true);
  });

  it("is false for unknown roles and unknown permissions", () => {
    for (const permission of permissions) expect(can("superuser", permission)).toBe(false);
    expect(can("owner", "organization.delete" as Permission)).toBe(false);
    expect(can("owner", "toString" as Permission)).toBe(false);
  });
});

describe("the hierarchy", () => {
  it("lets an actor grant and manage only roles at or below their own", () => {
    expect(grantableRoles("owner")).toEqual([...ROLES]);
    expect(grantableRoles("admin")).toEqual(["admin", "manager", "member", "viewer"]);
    expect(grantableRoles("viewer")).toEqual(["viewer"]);
    expect(grantableRoles("superuser")).toEqual([]);
    expect(canGrantRole("admin", "owner")).toBe(false);
    expect(canManageMember("admin", "owner")).toBe(false);
    expect(canManageMember("owner", "owner")).toBe(true);
    expect(canGrantRole("owner", "superuser")).toBe(false);
    expect(canManageMember("owner", "superuser")).toBe(false);
  });
});

describe("slugify", () => {
  it.each([
    ["Acme Widgets", "acme-widgets"],
    ["  Hello,   World!  ", "hello-world"],
    ["Crème Brûlée Café", "creme-brulee-cafe"],
    ["Salt & Pepper", "salt-and-pepper"],
    ["Ünïcödé GmbH", "unicode-gmbh"],
    ["---dashes---", "dashes"],
    ["A", "org-a"],
    ["!!!", "org-new"],
    ["日本語", "org-new"],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("stays within 40 characters without a trailing dash", () => {
    const slug = slugify(`${"abcdefghi ".repeat(10)}`);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).not.toMatch(/-$/);
  });

  it("always produces a slug the URL schema accepts", () => {
    for (const name of ["Acme", "x", "a & b", "Ω", `${"long name ".repeat(20)}`, "Already-a-slug", "12 34"]) {
      expect(orgSlugSchema.safeParse(slugify(name)).success, name).toBe(true);
    }
  });
});
