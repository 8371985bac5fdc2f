// The demo organization, "Acme Outfitters", with a demo owner, manager and viewer.
// Idempotent: running it again changes nothing. Later domains add their demo content here.
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import type { Role } from "../constants";
import { organizations } from "../schema";
import { seedDemoJourney } from "./demo-journey";
import { addMember, addTeamMember, createOrganization, createUser, findUserByEmail, listTeams } from "./factories";

export const DEMO_ORG = { name: "Acme Outfitters", slug: "acme-outfitters" } as const;
export const DEMO_PASSWORD = "waymark-demo";
export const DEMO_USERS = [
  { name: "Olivia Owner", email: "owner@acme.test", role: "owner", teams: ["Web & e-commerce"] },
  { name: "Maya Manager", email: "manager@acme.test", role: "manager", teams: ["Customer service", "Shipping"] },
  { name: "Victor Viewer", email: "viewer@acme.test", role: "viewer", teams: ["Marketing"] },
] as const satisfies readonly { name: string; email: string; role: Role; teams: readonly string[] }[];

export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG.slug)).limit(1);
  if (existing) return { created: false };

  const people = [];
  for (const person of DEMO_USERS) {
    const user = (await findUserByEmail(db, person.email)) ?? (await createUser(db, { ...person, password: DEMO_PASSWORD }));
    people.push({ ...person, user });
  }
  const owner = people.find((p) => p.role === "owner")!;
  const org = await createOrganization(db, { ...DEMO_ORG, ownerId: owner.user.id });
  const teams = await listTeams(db, org.id);
  for (const person of people) {
    if (person.role !== "owner") await addMember(db, { orgId: org.id, userId: person.user.id, role: person.role });
    for (const teamName of person.teams) {
      const team = teams.find((t) => t.name === teamName);
      if (team) await addTeamMember(db, { orgId: org.id, teamId: team.id, userId: person.user.id });
    }
  }
  await seedDemoJourney(db, {
    orgId: org.id,
    ownerUserId: owner.user.id,
    commenterUserIds: people.filter((p) => p.role !== "owner").map((p) => p.user.id),
  });
  return { created: true };
}
