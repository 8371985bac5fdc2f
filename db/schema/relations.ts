// Drizzle relations for the relational query API. Kept apart from the tables so schema
// files stay independent of each other's direction.
import { relations } from "drizzle-orm";
import { auditEvents } from "./audit";
import { users } from "./identity";
import { invitations, memberships, organizations } from "./organizations";
import { teamMembers, teams } from "./teams";

export const organizationsRelations = relations(organizations, ({ many }) => ({
  memberships: many(memberships),
  teams: many(teams),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  organization: one(organizations, { fields: [memberships.organizationId], references: [organizations.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));

export const invitationsRelations = relations(invitations, ({ one }) => ({
  invitedBy: one(users, { fields: [invitations.invitedByUserId], references: [users.id] }),
}));

export const teamsRelations = relations(teams, ({ many }) => ({
  members: many(teamMembers),
}));

export const teamMembersRelations = relations(teamMembers, ({ one }) => ({
  team: one(teams, { fields: [teamMembers.organizationId, teamMembers.teamId], references: [teams.organizationId, teams.id] }),
  user: one(users, { fields: [teamMembers.userId], references: [users.id] }),
}));

export const auditEventsRelations = relations(auditEvents, ({ one }) => ({
  actor: one(users, { fields: [auditEvents.actorUserId], references: [users.id] }),
}));
