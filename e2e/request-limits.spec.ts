// Limits on what one request may do, against the production build: a 50 MB body is refused
// with 413 in a moment (declared or streamed), a batch over the cap is refused, and a
// write from another origin is refused with 403 whatever cookie it carries.
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { postLargeBody } from "../tests/helpers/large-body";
import { DEMO_PASSWORD, postMutation, signIn } from "./helpers";

const ORG = "acme-outfitters";
const MB = 1024 * 1024;

const cookieHeader = async (page: Page) => (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

test("a 50 MB body gets 413 within seconds, whether its length is declared or streamed", async ({ page, baseURL }) => {
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);

  const started = performance.now();
  const declared = await page.request.post("/api/trpc/team.create", {
    data: Buffer.alloc(50 * MB, 0x20),
    headers: { "content-type": "application/json" },
    failOnStatusCode: false,
  });
  expect(declared.status()).toBe(413);
  expect(await declared.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  expect((performance.now() - started) / 1000).toBeLessThan(5);

  const streamed = await postLargeBody(`${baseURL}/api/trpc/team.create`, 50 * MB, { headers: { cookie: await cookieHeader(page) }, declareLength: false });
  expect(streamed.status).toBe(413);
  expect(streamed.seconds).toBeLessThan(5);
  // The server answered long before the client got through its 50 MB.
  expect(streamed.written).toBeLessThan(40 * MB);

  // A normal-sized call still works afterwards.
  const name = `After the flood ${randomBytes(2).toString("hex")}`;
  expect((await postMutation(page, "team.create", { orgSlug: ORG, name })).status).toBe(200);
});

test("the REST API (answered by the start script's own server) refuses a 1 GB body unread, and the answer arrives", async ({ baseURL }) => {
  const url = `${baseURL}/api/v1/responses`;
  // No valid key: 401 before a byte of the body is read, declared or streamed.
  for (const declareLength of [true, false]) {
    const refused = await postLargeBody(url, 1024 * MB, { headers: { authorization: "Bearer wmk_not-a-key" }, declareLength });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    expect(refused.seconds).toBeLessThan(5);
    expect(refused.written).toBeLessThan(100 * MB);
  }
  // The server takes the next request as usual.
  const after = await fetch(`${baseURL}/api/v1/touchpoints`);
  expect(after.status).toBe(401);
  expect(after.headers.get("cache-control")).toBe("no-store");
});

test("a batch of 300 mutations in one request is refused with 400, and runs none of them", async ({ page }) => {
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  const name = `Batched team ${randomBytes(2).toString("hex")}`;
  const calls = 300;
  const path = Array.from({ length: calls }, () => "team.create").join(",");
  const input = Object.fromEntries(Array.from({ length: calls }, (_, i) => [String(i), { json: { orgSlug: ORG, name: `${name} ${i}` } }]));
  const refused = await page.request.post(`/api/trpc/${path}?batch=1`, { data: input, headers: { "content-type": "application/json" } });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toMatch(/batch/i);
  const teams = await page.request.get(`/api/trpc/team.list?input=${encodeURIComponent(JSON.stringify({ json: { orgSlug: ORG } }))}`);
  expect(await teams.text()).not.toContain(name);

  // A batch the size the browser sends still works.
  const few = Array.from({ length: 5 }, () => "team.list").join(",");
  const fewInput = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [String(i), { json: { orgSlug: ORG } }]))));
  expect((await page.request.get(`/api/trpc/${few}?batch=1&input=${fewInput}`)).status()).toBe(200);
});

test("a mutation with a valid cookie from another origin is refused, and changes nothing; from the app's origin it works", async ({ page, baseURL }) => {
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  const teamNames = async () =>
    (
      (await (await page.request.get(`/api/trpc/team.list?input=${encodeURIComponent(JSON.stringify({ json: { orgSlug: ORG } }))}`)).json()) as {
        result: { data: { json: { name: string }[] } };
      }
    ).result.data.json.map((team) => team.name);

  const create = (name: string, headers: Record<string, string>) =>
    page.request.post("/api/trpc/team.create", { data: { json: { orgSlug: ORG, name } }, headers: { "content-type": "application/json", ...headers } });

  const evil = `Evil team ${randomBytes(2).toString("hex")}`;
  const refused = await create(evil, { origin: "https://evil.example" });
  expect(refused.status()).toBe(403);
  const crossSite = await create(evil, { "sec-fetch-site": "cross-site" });
  expect(crossSite.status()).toBe(403);
  expect(await teamNames()).not.toContain(evil);

  const good = `Good team ${randomBytes(2).toString("hex")}`;
  const accepted = await create(good, { origin: new URL(baseURL!).origin, "sec-fetch-site": "same-origin" });
  expect(accepted.status()).toBe(200);
  expect(await teamNames()).toContain(good);

  // Server actions are posts to page URLs, and next-auth's own endpoints: refused alike.
  expect((await page.request.post("/sign-in", { headers: { origin: "https://evil.example", "next-action": "0".repeat(42) }, data: "[]" })).status()).toBe(403);
  expect((await page.request.post("/api/auth/signout", { headers: { origin: "https://evil.example" }, form: { csrfToken: "x" } })).status()).toBe(403);
});
