// The demo seed runs at every `npm run dev`: it must build Acme Outfitters once and then
// change nothing.
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { comments, journeyMaps, mapEvents, obstacles, organizations, personas, stages, touchpoints } from "@/db/schema";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { DEMO_JOURNEY, seedDemoJourney } from "@/db/seed/demo-journey";
import { findUserByEmail } from "@/db/seed/factories";
import { obstacleFields, touchpointFields } from "@/server/schemas/canvas";
import { personaFields } from "@/server/schemas/persona";
import { authenticate } from "@/server/services/accounts";
import { callerFor } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("demo seed", () => {
  it("creates Acme Outfitters with its demo people once, and is a no-op the second time", async () => {
    expect(await seedDemo(t.db)).toEqual({ created: true });
    const counts = () =>
      t.asOwner((tx) =>
        queryRows(
          tx,
          sql`select (select count(*) from users)::int as users, (select count(*) from memberships)::int as members, (select count(*) from team_members)::int as team_members,
            (select count(*) from personas)::int as personas, (select count(*) from journey_maps)::int as maps, (select count(*) from touchpoints)::int as touchpoints,
            (select count(*) from obstacles)::int as obstacles, (select count(*) from comments)::int as comments, (select count(*) from map_events)::int as map_events`,
        ),
      );
    const before = await counts();
    expect(await seedDemo(t.db)).toEqual({ created: false });
    expect(await counts()).toEqual(before);

    for (const person of DEMO_USERS) {
      const user = await authenticate(t.db, { email: person.email, password: DEMO_PASSWORD });
      expect(user?.email).toBe(person.email);
    }
    const manager = (await findUserByEmail(t.db, "manager@acme.test"))!;
    const api = callerFor(t.db, manager);
    const members = await api.member.list({ orgSlug: DEMO_ORG.slug });
    expect(members.map((m) => [m.email, m.role]).sort()).toEqual(DEMO_USERS.map((u) => [u.email, u.role]).sort());
    const teams = await api.team.list({ orgSlug: DEMO_ORG.slug });
    expect(teams.find((team) => team.name === "Shipping")?.members.map((m) => m.email)).toEqual(["manager@acme.test"]);
  });

  it("gives Acme Outfitters one retail journey map, and seeding it again changes nothing", async () => {
    await seedDemo(t.db); // a no-op when the test above has run
    const owner = (await findUserByEmail(t.db, "owner@acme.test"))!;
    const manager = (await findUserByEmail(t.db, "manager@acme.test"))!;
    const viewer = (await findUserByEmail(t.db, "viewer@acme.test"))!;
    const [org] = await t.asOwner((tx) => tx.select().from(organizations).where(eq(organizations.slug, DEMO_ORG.slug)));
    const orgId = org!.id;
    const read = () =>
      t.asOwner(async (tx) => ({
        maps: await tx.select().from(journeyMaps).where(eq(journeyMaps.organizationId, orgId)),
        personas: await tx.select().from(personas).where(eq(personas.organizationId, orgId)),
        stages: await tx.select().from(stages).where(eq(stages.organizationId, orgId)).orderBy(asc(stages.position)),
        touchpoints: await tx.select().from(touchpoints).where(eq(touchpoints.organizationId, orgId)).orderBy(asc(touchpoints.position)),
        obstacles: await tx.select().from(obstacles).where(eq(obstacles.organizationId, orgId)),
        comments: await tx.select().from(comments).where(eq(comments.organizationId, orgId)),
        events: await tx.select().from(mapEvents).where(eq(mapEvents.organizationId, orgId)),
      }));
    const journey = await read();

    expect(journey.maps).toHaveLength(1);
    const map = journey.maps[0]!;
    expect(map).toMatchObject({ name: "Online retail purchase journey", status: "active", ownerUserId: owner.id, personaId: journey.personas[0]!.id });
    expect(journey.personas.map((p) => p.name)).toEqual(["Busy parent shopper"]);
    expect(await seedDemoJourney(t.db, { orgId, ownerUserId: owner.id })).toEqual({ mapId: map.id });
    expect(await read()).toEqual(journey);

    expect(journey.stages.map((s) => s.name)).toEqual(["Awareness", "Consideration", "Purchase", "Post-purchase", "Loyalty & advocacy"]);
    const inStage = journey.stages.map((stage) => journey.touchpoints.filter((tp) => tp.stageId === stage.id));
    expect(inStage.map((tps) => tps.length)).toEqual([3, 4, 3, 5, 3]);
    // Positions keep the order the data was written in.
    expect(inStage.map((tps) => tps.map((tp) => tp.key))).toEqual(DEMO_JOURNEY.stages.map((stage) => stage.touchpoints.map((tp) => tp.key)));
    expect(inStage[0]!.map((tp) => tp.key)).toEqual(["awareness-ads", "awareness-social-posts", "awareness-word-of-mouth"]);
    expect(inStage[3]!.map((tp) => tp.name)).toEqual(["Delivery", "Set-up instructions", "Returns", "Warranty", "Billing and refunds"]);

    const keys = journey.touchpoints.map((tp) => tp.key.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    for (const tp of journey.touchpoints) {
      expect(tp.teamId, tp.key).not.toBeNull();
      expect(tp.expectedEmotion, tp.key).not.toBeNull();
      // The demo data must be editable in the app without tripping its own validation.
      z.object(touchpointFields).parse(tp);
    }
    for (const insight of journey.obstacles) z.object(obstacleFields).parse(insight);
    z.object(personaFields).parse(journey.personas[0]);

    const keyOf = new Map(journey.touchpoints.map((tp) => [tp.id, tp.key]));
    const obstacleAt = Object.fromEntries(journey.obstacles.filter((o) => o.kind === "obstacle").map((o) => [o.title, keyOf.get(o.touchpointId)]));
    expect(obstacleAt).toMatchObject({
      "Set-up instructions are unclear": "post-purchase-setup",
      "Gift items get lost in the packaging": "post-purchase-delivery",
      "FAQs are written for 20-somethings": "consideration-website",
      "The cart is hard to use on mobile": "purchase-online-store",
      "No follow-up after the sale": "loyalty-feedback-survey",
      "Callers wait on hold longer than 5 minutes": "consideration-contact",
    });
    const opportunities = journey.obstacles.filter((o) => o.kind === "opportunity").map((o) => o.title);
    expect(opportunities).toEqual(expect.arrayContaining(["Video set-up guide", "Gift wrap option at checkout"]));

    expect(journey.events.map((e) => [e.action, e.actorUserId, e.data])).toEqual([["map.created", owner.id, { name: map.name, template: "demo" }]]);
    expect(journey.comments.map((c) => c.authorUserId).sort()).toEqual([owner.id, manager.id, viewer.id].sort());
    expect(journey.comments.every((c) => c.mapId === map.id)).toBe(true);
  });
});
