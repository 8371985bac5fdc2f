// The journey's real emotion curve on the demo map: the customers' curve (CSAT mean − 3) beside
// the one the team designed, flags where they disagree by a point or more, CSAT %, n and
// freshness on every card linking to the touchpoint's dashboard, a period kept in the address,
// and a share link that shows none of it.
//
// The demo data (db/seed/demo-responses.ts) scores set-up instructions around 2.2 of 5 and the
// phone line around 2.3: about −0.8 and −0.7 on the emotion scale. The team designed both as
// "Frustrated" (−2), so customers feel *better* than designed there by more than a point; when a
// manager designs set-up as "Delighted" (+2) the same answers say customers feel worse.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, showCard, signIn } from "./helpers";

const ORG = "acme-outfitters";
const DEMO_MAP = "Online retail purchase journey";
const SETUP = "Set-up instructions";
const WORD_OF_MOUTH = "Word of mouth";

const card = (scope: Page | Locator, name: string) => scope.getByRole("article", { name: `Touchpoint ${name}`, exact: true });
const evidence = (page: Page, name: string) => card(page, name).getByRole("link", { name: /Open its dashboard\.$/ });
const customerCurve = (page: Page) => page.getByRole("img", { name: /^Customers’ curve:/ });

async function openDemoMap(page: Page) {
  await page.goto(`/o/${ORG}/journeys`);
  await page.getByRole("link", { name: DEMO_MAP, exact: true }).first().click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}/);
  await expect(customerCurve(page)).toBeVisible();
}

/** CSAT % and n as the card's link reads them out. */
async function figuresOf(page: Page, name: string) {
  const label = (await evidence(page, name).getAttribute("aria-label")) ?? "";
  const match = /CSAT (\d+)% of ([\d,]+) answers/.exec(label);
  expect(match, `figures on the card of ${name}: ${label}`).not.toBeNull();
  return { pct: Number(match![1]), n: Number(match![2]!.replace(/,/g, "")), label };
}

const showColumn = (page: Page, name: string) => showCard(card(page, name));

test("the demo map draws the customers' curve beside the designed one, flags where they disagree, and shows figures on every card", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  await openDemoMap(page);

  const strip = page.getByRole("region", { name: "Emotion curve" });
  await expect(strip.getByText("Customers: CSAT mean − 3 (1–5 → −2…+2)")).toBeVisible();
  await expect(strip.getByText("Designed: the team’s expected emotion")).toBeVisible();
  await expect(strip.getByRole("combobox", { name: "Period of the customers’ curve" })).toHaveValue("90d");
  await expect(strip.getByText(/\d+ better than designed/)).toBeVisible();

  // Set-up instructions: few answer 4 or 5, on plenty of answers, and flagged on the card and on the curve.
  const setup = await figuresOf(page, SETUP);
  expect(setup.pct).toBeLessThan(25);
  expect(setup.n).toBeGreaterThanOrEqual(30);
  expect(setup.label).toMatch(/last response .+ ago|last response (today|yesterday)/);
  expect(setup.label).toContain("Customers feel better than designed");
  await expect(card(page, SETUP).getByText("Customers feel better than designed")).toBeVisible();
  await expect(evidence(page, SETUP)).toHaveAttribute("href", /^\/o\/acme-outfitters\/dashboards\/touchpoints\/[0-9a-f-]{36}\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  const setupId = await card(page, SETUP).getAttribute("data-touchpoint-id");
  await expect(customerCurve(page).locator(`g[data-touchpoint-id="${setupId}"]`)).toHaveAttribute("data-flag", "better");
  await expect(customerCurve(page)).toHaveAttribute("aria-label", /Set-up instructions, −0\.\d \(customers feel better than designed\)/);
  // The phone line, too.
  expect((await figuresOf(page, "Contacting the company")).label).toContain("Customers feel better than designed");

  // Every card of the map says what customers answered (the demo has answers for each).
  const cards = page.getByRole("article", { name: /^Touchpoint / });
  await expect(page.getByRole("link", { name: /CSAT \d+% of [\d,]+ answers.*Open its dashboard\.$/ })).toHaveCount(await cards.count());

  // The tooltip of a point explains it.
  await showColumn(page, SETUP);
  await customerCurve(page).locator(`g[data-touchpoint-id="${setupId}"] circle`).hover({ force: true });
  await expect(page.getByText(/^−\d\.\d to −\d\.\d$/)).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/emotion-curve-tooltip.png" });
  await page.mouse.move(0, 0);

  await page.screenshot({ path: "docs/screenshots/emotion-curve.png" });

  // A shorter period: fewer answers, kept in the address across a reload.
  await strip.getByRole("combobox", { name: "Period of the customers’ curve" }).selectOption("7d");
  await expect(page).toHaveURL(/[?&]range=7d/);
  await expect.poll(async () => (await figuresOf(page, SETUP)).n).toBeLessThan(setup.n);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Period of the customers’ curve" })).toHaveValue("7d");
  await expect.poll(async () => (await figuresOf(page, SETUP)).n).toBeLessThan(setup.n);
  await showColumn(page, "Online ads");
  await page.screenshot({ path: "test-results/screenshots/emotion-curve-7d.png" });

  // Two whole days, as a link from a dashboard names them: word of mouth gets about five answers
  // a day, so its point is hollow and says its n, its card says "low sample", and a figure that
  // thin is never flagged.
  const href = (await evidence(page, SETUP).getAttribute("href"))!;
  const today = new URL(href, "http://x").searchParams.get("to")!;
  const dayBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`${page.url().split("?")[0]}?from=${dayBefore(today, 2)}&to=${dayBefore(today, 1)}`);
  await expect(page.getByRole("combobox", { name: "Period of the customers’ curve" })).toHaveValue("custom");
  const mouth = await figuresOf(page, WORD_OF_MOUTH);
  expect(mouth.n).toBeLessThan(30);
  expect(mouth.label).toContain("(low sample)");
  const mouthId = await card(page, WORD_OF_MOUTH).getAttribute("data-touchpoint-id");
  const mouthPoint = customerCurve(page).locator(`g[data-touchpoint-id="${mouthId}"]`);
  await expect(mouthPoint).toHaveAttribute("data-low-sample", "true");
  await expect(mouthPoint).not.toHaveAttribute("data-flag");
  await expect(mouthPoint.getByText(`n=${mouth.n} · low sample`)).toBeAttached();
  await expect(card(page, WORD_OF_MOUTH).getByText(/low sample/)).toBeVisible();
  await showColumn(page, "Online ads");
  await page.screenshot({ path: "test-results/screenshots/emotion-curve-two-days.png" });
});

test("when the team designs a touchpoint as delightful, the same answers say customers feel worse than designed", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  await openDemoMap(page);
  const setupId = await card(page, SETUP).getAttribute("data-touchpoint-id");

  const design = async (emotion: RegExp) => {
    await card(page, SETUP).getByRole("button", { name: SETUP, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Edit touchpoint “${SETUP}”` });
    await dialog.getByRole("radio", { name: emotion }).check({ force: true });
    await dialog.getByRole("button", { name: "Save touchpoint" }).click();
    await expect(dialog).toBeHidden();
  };

  await design(/^Delighted/);
  // The curve follows the map's revision: no reload needed.
  await expect(card(page, SETUP).getByText("Customers feel worse than designed")).toBeVisible();
  await expect(customerCurve(page).locator(`g[data-touchpoint-id="${setupId}"]`)).toHaveAttribute("data-flag", "worse");
  await expect(page.getByRole("region", { name: "Emotion curve" }).getByText(/1 worse than designed/)).toBeVisible();
  await showColumn(page, SETUP);
  await page.screenshot({ path: "test-results/screenshots/emotion-curve-worse.png" });

  // Back as the demo has it, for the other specs.
  await design(/^Frustrated/);
  await expect(card(page, SETUP).getByText("Customers feel better than designed")).toBeVisible();
});

test("on a phone the curve and the card figures fit", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "viewer@acme.test", DEMO_PASSWORD);
  await openDemoMap(page);
  await expect(page.getByText("Customers: CSAT mean − 3 (1–5 → −2…+2)")).toBeVisible();
  // The page itself does not scroll sideways; the board does.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await showColumn(page, SETUP);
  await page.getByRole("region", { name: "Emotion curve" }).evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 64));
  await page.screenshot({ path: "docs/screenshots/emotion-curve-mobile.png" });

  // A viewer opens the touchpoint: the figures are spelled out, with the way to its dashboard.
  await card(page, SETUP).getByRole("button", { name: SETUP, exact: true }).click();
  const customers = page.getByRole("dialog", { name: SETUP }).getByRole("region", { name: "What customers say" });
  await expect(customers.getByText("CSAT (answers 4–5)")).toBeVisible();
  await expect(customers.getByText(/Customers feel better than designed/)).toBeVisible();
  await expect(customers.getByRole("link", { name: "Open its dashboard →" })).toHaveAttribute("href", /\/dashboards\/touchpoints\/[0-9a-f-]{36}\?from=/);
  await page.screenshot({ path: "test-results/screenshots/emotion-curve-details-mobile.png" });
});

test("a share link shows the designed map only: no customer figures reach the page or the API", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  await openDemoMap(page);
  await page.getByRole("button", { name: "Share" }).click();
  await page.getByRole("button", { name: "Create link" }).click();
  const link = await page.getByLabel("Share link").inputValue();

  const stranger = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await stranger.goto(link);
  await expect(card(stranger, SETUP)).toBeVisible();
  await expect(stranger.getByRole("img", { name: /emotion/i }).first()).toBeVisible();
  await expect(stranger.getByRole("img", { name: /^Customers’ curve/ })).toHaveCount(0);
  await expect(stranger.getByText(/CSAT|designed|low sample/)).toHaveCount(0);
  await expect(stranger.locator('a[href*="/dashboards/"]')).toHaveCount(0);
  // Nor in what the server sent (the page's HTML and its data), nor through the API without a session.
  const html = await (await stranger.request.get(link)).text();
  expect(html).not.toMatch(/csat|lastResponseAt/i);
  const mapId = /\/journeys\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const input = encodeURIComponent(JSON.stringify({ json: { orgSlug: ORG, mapId, filters: {} } }));
  expect((await stranger.request.get(`/api/trpc/dashboard.mapCurve?input=${input}`)).status()).toBe(401);
  await stranger.close();

  await page.getByRole("button", { name: "Revoke" }).first().click();
  await page.getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText(/no longer opens the map/)).toBeVisible();
});
