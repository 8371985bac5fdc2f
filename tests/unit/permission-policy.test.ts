// The reviewed access policy, written out by hand. The role matrix proves the code enforces
// PERMISSIONS; this file proves PERMISSIONS is the policy we agreed on. Changing who may do
// what means editing both the map and these tables, so the change shows up in review.
import { describe, expect, it } from "vitest";
import { ROLES } from "@/db/constants";
import { can, PERMISSIONS, type Permission } from "@/server/auth/permissions";

/** Every permission → the lowest role that holds it. Reviewed; do not derive from the code. */
const POLICY = {
  "organization.read": "viewer",
  "organization.update": "admin",
  "member.read": "viewer",
  "member.invite": "admin",
  "member.changeRole": "admin",
  "member.remove": "admin",
  "team.read": "viewer",
  "team.manage": "manager",
  "activity.read": "manager",
  "journey.read": "viewer",
  "journey.comment": "viewer",
  "journey.edit": "member",
  "journey.delete": "manager",
  "journey.share": "manager",
  "persona.read": "viewer",
  "persona.edit": "member",
  "notification.read": "viewer",
  "apiKey.manage": "admin",
  "response.read": "viewer",
  "survey.read": "viewer",
  "survey.import": "member",
  "alert.read": "viewer",
  "alert.manage": "manager",
  "job.read": "admin",
  "finding.read": "viewer",
  "finding.edit": "member",
  "finding.manage": "manager",
  "webhook.manage": "admin",
  "dashboard.read": "viewer",
};

describe("the permission policy", () => {
  it("PERMISSIONS is exactly the reviewed table: same permissions, same lowest roles", () => {
    expect({ ...PERMISSIONS }).toStrictEqual(POLICY);
  });

  // A second, independent spelling of the policy for the permissions that matter most:
  // who may do it, role by role, checked through can() itself.
  it("the roles are the five the table below has columns for, in that order", () => {
    expect(ROLES).toStrictEqual(["owner", "admin", "manager", "member", "viewer"]);
  });

  it.each<[Permission, [owner: boolean, admin: boolean, manager: boolean, member: boolean, viewer: boolean]]>([
    ["organization.update", [true, true, false, false, false]],
    ["member.invite", [true, true, false, false, false]],
    ["member.changeRole", [true, true, false, false, false]],
    ["team.manage", [true, true, true, false, false]],
    ["activity.read", [true, true, true, false, false]],
    ["journey.delete", [true, true, true, false, false]],
    ["journey.share", [true, true, true, false, false]],
    ["journey.edit", [true, true, true, true, false]],
    ["persona.edit", [true, true, true, true, false]],
    ["journey.comment", [true, true, true, true, true]],
    ["journey.read", [true, true, true, true, true]],
    ["alert.manage", [true, true, true, false, false]],
    ["alert.read", [true, true, true, true, true]],
    ["job.read", [true, true, false, false, false]],
  ])("%s: owner, admin, manager, member, viewer → %j", (permission, allowed) => {
    expect(ROLES.map((role) => can(role, permission))).toStrictEqual(allowed);
  });
});
