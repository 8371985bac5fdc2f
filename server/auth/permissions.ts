// Roles and permissions as data: which minimum role each action needs, and the rules of
// the hierarchy. Every org procedure names one permission; nothing else decides access.
// Pure data and functions, so the browser may import it to hide what a role cannot do.
import { ROLES, type Role } from "@/db/constants";

export const PERMISSIONS = {
  "organization.read": "viewer",
  "organization.update": "admin",
  "member.read": "viewer",
  "member.invite": "admin",
  "member.changeRole": "admin",
  "member.remove": "admin",
  "team.read": "viewer",
  "team.manage": "manager",
  "activity.read": "manager",
  // Journey maps: everyone reads and comments; members and above build them; managers
  // delete maps and share them outside the organization.
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
  // Surveys: everyone reads them and their imports; members and above create them and upload files.
  "survey.read": "viewer",
  "survey.import": "member",
  // Alerts: everyone sees them (and which are firing); managers and above set them.
  "alert.read": "viewer",
  "alert.manage": "manager",
  // Background jobs and their last errors: for admins, who can act on a failing integration.
  "job.read": "admin",
  // Findings: everyone reads the board; members triage and work their findings; managers
  // set the routing rules, the SLAs and who sees what.
  "finding.read": "viewer",
  "finding.edit": "member",
  "finding.manage": "manager",
  // Outgoing webhooks send the organization's data elsewhere: admins only.
  "webhook.manage": "admin",
  // Dashboards: every member sees the figures, viewers included.
  "dashboard.read": "viewer",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

/** Higher is more powerful; unknown roles rank below everyone and can do nothing. */
export function roleRank(role: string): number {
  const index = (ROLES as readonly string[]).indexOf(role);
  return index === -1 ? -1 : ROLES.length - index;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && roleRank(value) > 0;
}

export function can(role: string, permission: Permission): boolean {
  // Own keys only: an inherited name such as "toString" must not count as a permission.
  const required = Object.hasOwn(PERMISSIONS, permission) ? (PERMISSIONS[permission] as Role) : undefined;
  if (!required || !isRole(role)) return false;
  return roleRank(role) >= roleRank(required);
}

/** Nobody grants a role above their own. */
export function canGrantRole(actorRole: string, role: string): boolean {
  return isRole(actorRole) && isRole(role) && roleRank(role) <= roleRank(actorRole);
}

/** Nobody changes or removes someone whose role is above their own. */
export function canManageMember(actorRole: string, targetRole: string): boolean {
  return isRole(actorRole) && isRole(targetRole) && roleRank(targetRole) <= roleRank(actorRole);
}

/** Roles the actor may hand out, highest first (for pickers). */
export function grantableRoles(actorRole: string): Role[] {
  return ROLES.filter((role) => canGrantRole(actorRole, role));
}
