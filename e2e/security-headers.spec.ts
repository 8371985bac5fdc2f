// Security headers on pages and API routes, and the app still working under its
// Content-Security-Policy: canvas, drag and drop, PNG export, with no violation reported.
// Also: the anonymous share page carries no member name and no object id.
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD, postMutation, signIn, snap } from "./helpers";

const ORG = "acme-outfitters";
const DEMO_MAP = "Online retail purchase journey";

const stage = (page: Page, name: string) => page.getByRole("region", { name: `Stage ${name}`, exact: true });
const card = (page: Page, name: string) => page.getByRole("article", { name: `Touchpoint ${name}`, exact: true });

/** A tRPC query the way the browser client sends it, with the page's cookies. */
async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

function expectSecurityHeaders(response: APIResponse | null, referrerPolicy = "strict-origin-when-cross-origin") {
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe(referrerPolicy);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  // The e2e build runs in production mode.
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  return headers;
}

/** Records CSP violations and console errors from the first script of every page on. */
async function watchForViolations(page: Page) {
  const errors: string[] = [];
  page.on("console", (message) => {
    // Chromium reports a header it cannot parse (e.g. an unknown Permissions-Policy feature) as a warning.
    if (message.type() === "error" || /Permissions-Policy|Content-Security-Policy/.test(message.text())) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return errors;
}

test("pages, API routes and the share page carry the security headers; each page gets its own nonce", async ({ page }) => {
  const first = expectSecurityHeaders(await page.request.get("/sign-in"));
  const second = expectSecurityHeaders(await page.request.get("/sign-in"));
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  expect(nonceOf(first["content-security-policy"])).toBeTruthy();
  expect(nonceOf(first["content-security-policy"])).not.toBe(nonceOf(second["content-security-policy"]));
  for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "'strict-dynamic'"]) {
    expect(first["content-security-policy"]).toContain(directive);
  }
  expect(first["content-security-policy"]).not.toContain("unsafe-eval");
  // Next put this response's nonce on its scripts.
  const html = await (await page.request.get("/sign-in")).text();
  expect(html).toMatch(/<script[^>]+nonce="[^"]+"/);

  expectSecurityHeaders(await page.request.get("/api/auth/session"));
  const api = expectSecurityHeaders(await page.request.get(`/api/trpc/account.me?input=${encodeURIComponent(JSON.stringify({ json: null }))}`));
  expect(api["content-security-policy"]).toContain("default-src 'none'");
  expectSecurityHeaders(await page.request.post("/api/trpc/team.create", { data: { json: {} } }));
  expectSecurityHeaders(await page.request.get("/no-such-page"));

  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  const maps = await query<{ id: string; name: string }[]>(page, "journeyMap.list", { orgSlug: ORG });
  const demo = maps.find((m) => m.name === DEMO_MAP)!;
  const link = await postMutation(page, "shareLink.create", { orgSlug: ORG, mapId: demo.id });
  const token = (link.body as { result?: { data?: { json?: { token: string } } } }).result!.data!.json!.token;
  const shared = expectSecurityHeaders(await page.request.get(`/share/${token}`), "no-referrer");
  expect(shared["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("the app works under the policy: canvas, drag and drop, PNG export, share page", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const errors = await watchForViolations(page);
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);

  // The demo map's canvas renders (its emotion curve is an inline SVG drawn by React).
  await page.goto(`/o/${ORG}/journeys`);
  await page.getByRole("link", { name: DEMO_MAP, exact: true }).first().click();
  await expect(page.getByRole("heading", { name: DEMO_MAP, exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: /emotion/i }).first()).toBeVisible();

  // A new map, a touchpoint, and a drag into another stage.
  const name = `CSP check ${randomBytes(2).toString("hex")}`;
  await page.goto(`/o/${ORG}/journeys`);
  await page.getByRole("link", { name: "New journey map" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New journey map" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("radio", { name: /Purchase journey/ }).check();
  await dialog.getByRole("button", { name: "Create journey map" }).click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}/);
  await stage(page, "Awareness").getByRole("button", { name: "Add touchpoint" }).click();
  const form = page.getByRole("dialog", { name: "Add touchpoint" });
  await form.getByLabel("Name", { exact: true }).fill("Banner ad");
  await form.getByRole("button", { name: "Add touchpoint" }).click();
  await expect(form).toBeHidden();
  const moved = page.waitForResponse((r) => r.url().includes("touchpoint.move") && r.ok());
  await card(page, "Banner ad").dragTo(stage(page, "Consideration").getByText("No touchpoints yet"));
  await moved;
  await expect(stage(page, "Consideration").getByRole("article", { name: "Touchpoint Banner ad" })).toBeVisible();

  // The PNG export draws the board through data: and blob: images.
  await page.getByRole("button", { name: "Export" }).click();
  const png = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "PNG picture" }).click();
  const download = await png;
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const { statSync } = await import("node:fs");
  expect(statSync(path).size).toBeGreaterThan(1000);

  // The share page, opened by someone without an account.
  await page.getByRole("button", { name: "Share" }).click();
  await page.getByRole("button", { name: "Create link" }).click();
  const link = await page.getByLabel("Share link").inputValue();
  const stranger = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const strangerErrors = await watchForViolations(stranger);
  await stranger.goto(link);
  await expect(card(stranger, "Banner ad")).toBeVisible();
  await card(stranger, "Banner ad").getByRole("button", { name: "Banner ad" }).click();
  await expect(stranger.getByRole("dialog", { name: "Banner ad" })).toBeVisible();
  await stranger.close();

  expect(errors).toEqual([]);
  expect(strangerErrors).toEqual([]);
});

test("every page renders under the policy without a violation", async ({ page }) => {
  const errors = await watchForViolations(page);
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
  }
  await signIn(page, "owner@acme.test", DEMO_PASSWORD);
  const sections = ["", "/journeys", "/personas", "/dashboards", "/findings", "/surveys", "/notifications", "/settings", "/settings/members", "/settings/teams", "/settings/activity"];
  for (const path of [...sections.map((section) => `/o/${ORG}${section}`), "/account", "/new-organization"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["content-security-policy"], path).toContain("'nonce-");
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
});

test("the share page's HTML holds no member name and none of the organization's ids", async ({ page, browser }) => {
  await signIn(page, "owner@acme.test", DEMO_PASSWORD);
  const maps = await query<{ id: string; name: string }[]>(page, "journeyMap.list", { orgSlug: ORG });
  const demo = maps.find((m) => m.name === DEMO_MAP)!;
  const canvas = await query<{
    map: { id: string; personaId: string | null; ownerUserId: string | null; ownerName: string | null };
    persona: { id: string } | null;
    stages: { id: string }[];
    touchpoints: { id: string; teamId: string | null }[];
    obstacles: { id: string }[];
  }>(page, "journeyMap.get", { orgSlug: ORG, mapId: demo.id });
  const members = await query<{ userId?: string; id?: string; name: string | null }[]>(page, "member.list", { orgSlug: ORG });
  const teams = await query<{ id: string }[]>(page, "team.list", { orgSlug: ORG });
  expect(canvas.map.ownerName).toBeTruthy();

  const ids = [
    canvas.map.id,
    canvas.map.personaId,
    canvas.map.ownerUserId,
    canvas.persona?.id,
    ...canvas.stages.map((s) => s.id),
    ...canvas.touchpoints.flatMap((t) => [t.id, t.teamId]),
    ...canvas.obstacles.map((o) => o.id),
    ...teams.map((t) => t.id),
    ...members.map((m) => m.userId ?? m.id),
  ].filter((id): id is string => Boolean(id));
  expect(ids.length).toBeGreaterThan(20);
  const names = members.map((m) => m.name).filter((n): n is string => Boolean(n));
  expect(names).toContain(canvas.map.ownerName);

  const link = await postMutation(page, "shareLink.create", { orgSlug: ORG, mapId: demo.id });
  const token = (link.body as { result?: { data?: { json?: { token: string } } } }).result!.data!.json!.token;
  const stranger = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const response = await stranger.request.get(`/share/${token}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(DEMO_MAP);
  for (const id of ids) expect(html, `id ${id}`).not.toContain(id);
  for (const member of names) expect(html, `member ${member}`).not.toContain(member);

  const view = await stranger.newPage();
  await view.goto(`/share/${token}`);
  await expect(view.getByRole("heading", { name: DEMO_MAP })).toBeVisible();
  await snap(view, "share-page-1280");
  await view.setViewportSize({ width: 390, height: 844 });
  await snap(view, "share-page-390");
  await stranger.close();
});
