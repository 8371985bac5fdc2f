// The satisfaction dashboards with the demo organization's ~50,000 responses: the overview's
// figures, a filter that rewrites the address and redraws the charts, a touchpoint's page with
// its comments, where customers get stuck, and the channel comparison. Each screen is
// photographed into docs/screenshots at 1280 px and at 390 px (and must not scroll sideways).
import { expect, test, type Download, type Page } from "@playwright/test";
import fs from "node:fs/promises";
import { DEMO_PASSWORD, signIn } from "./helpers";

const BASE = "/o/acme-outfitters/dashboards";

async function photograph(page: Page, name: string, { charts = true } = {}) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `docs/screenshots/dashboard-${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // Charts measure their box on resize; wait until they have redrawn at the narrow width.
  if (charts) await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `docs/screenshots/dashboard-${name}-mobile.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function download(page: Page, button: ReturnType<Page["getByRole"]>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return file;
}

const tile = (page: Page, metric: string) => page.locator(`[data-metric="${metric}"]`);
/** The trend's tick labels (recharts draws them in a layer of their own, outside the axis group). */
const axisTicks = (page: Page) => page.locator('[data-chart="trend"] .recharts-cartesian-axis-tick-value').allTextContents();

test.describe("satisfaction dashboards", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "viewer@acme.test", DEMO_PASSWORD);
  });

  test("the overview shows figures, and a filter rewrites the address and redraws the charts", async ({ page }) => {
    await page.goto(`/o/acme-outfitters`);
    await page.getByRole("navigation").getByRole("link", { name: "Dashboards" }).first().click();
    await expect(page).toHaveURL(new RegExp(`${BASE}$`));
    await expect(page).toHaveTitle(/^Dashboards · Acme Outfitters/);
    await expect(page.getByRole("heading", { name: "Satisfaction overview" })).toBeVisible();
    await expect(tile(page, "csatPct")).toHaveText(/^\d{1,3}\.\d%$/);
    await expect(tile(page, "nps")).toHaveText(/^-?\d{1,3}$/);
    await expect(tile(page, "cesMean")).toHaveText(/^\d\.\d\d$/);
    const responses90 = Number((await tile(page, "responses").innerText()).replace(/,/g, ""));
    expect(responses90).toBeGreaterThan(1000);
    const table = page.getByRole("region", { name: "Touchpoints" }).getByRole("table");
    expect(await table.getByRole("row").count()).toBeGreaterThan(10);
    await expect(page.getByText(/significant/).first()).toBeVisible();
    await photograph(page, "overview");

    // Sorting by a column puts the lowest CSAT % first.
    await table.getByRole("button", { name: /CSAT %/ }).click();
    const first = await table.getByRole("row").nth(1).getByRole("cell").nth(2).innerText();
    const second = await table.getByRole("row").nth(2).getByRole("cell").nth(2).innerText();
    expect(parseFloat(first)).toBeLessThanOrEqual(parseFloat(second));

    // The table as CSV, in the order shown; the trend as a PNG picture.
    const csv = await download(page, page.getByRole("region", { name: "Touchpoints" }).getByRole("button", { name: "CSV" }));
    expect(csv.suggestedFilename()).toMatch(/^touchpoints-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await fs.readFile(await csv.path(), "utf8")).split("\r\n");
    expect(lines[0]).toMatch(/^touchpoint,stage,map,channel,CSAT % \(share answering 4–5 of 5\),CSAT n,/);
    expect(lines[1]).toMatch(/^Set-up instructions,Post-purchase,/);
    const png = await download(page, page.getByRole("region", { name: "Trend" }).getByRole("button", { name: "PNG" }));
    expect(png.suggestedFilename()).toMatch(/^trend-\d{4}-\d{2}-\d{2}\.png$/);
    expect((await fs.readFile(await png.path())).subarray(1, 4).toString()).toBe("PNG");

    // Weekly buckets by default; by month the axis names months.
    await expect.poll(async () => (await axisTicks(page)).length).toBeGreaterThan(2);
    const weekly = await axisTicks(page);
    await page.getByRole("button", { name: "Month", exact: true }).click();
    await expect(page).toHaveURL(/[?&]granularity=month/);
    await expect.poll(() => axisTicks(page)).not.toEqual(weekly);
    expect((await axisTicks(page)).some((t) => /^[A-Z][a-z]{2} \d{4}$/.test(t))).toBe(true);

    // A shorter period: fewer responses, and the link reproduces the view.
    await page.getByLabel("Period").selectOption("30d");
    await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await expect.poll(async () => Number((await tile(page, "responses").innerText()).replace(/,/g, ""))).toBeLessThan(responses90);
    const url = page.url();
    await page.goto(url);
    await expect(page.getByLabel("Period")).toHaveValue("30d");
    await expect(page.getByRole("button", { name: "Month", exact: true })).toHaveAttribute("aria-pressed", "true");
  });

  test("a touchpoint's page: distributions, breakdowns and its comments, lowest scores first", async ({ page }) => {
    await page.goto(BASE);
    const table = page.getByRole("region", { name: "Touchpoints" }).getByRole("table");
    // The demo's worst touchpoint: instructions customers cannot follow.
    const name = "Set-up instructions";
    await table.getByRole("link", { name }).click();
    await expect(page).toHaveURL(/\/dashboards\/touchpoints\/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(tile(page, "csatPct")).toHaveText(/^\d{1,3}\.\d%$/);
    for (const title of ["CSAT scores", "NPS breakdown", "NPS answers, 0 to 10", "Volume", "By segment", "By response channel"]) {
      await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
    }
    const comments = page.getByRole("region", { name: "Comments" });
    await expect(comments.getByRole("listitem").first()).toBeVisible();
    // Lowest score first: the first comment's CSAT is no higher than the last shown.
    const scores = (await comments.getByText(/^CSAT \d$/).allTextContents()).map((t) => Number(t.slice(5)));
    expect(scores[0]).toBeLessThanOrEqual(scores.at(-1)!);
    const href = await comments.getByRole("link", { name: "Open the response" }).first().getAttribute("href");
    expect(href).toMatch(/\/surveys\/responses\?touchpointId=[0-9a-f-]{36}&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&q=/);

    // The segment breakdown offers every key in the data.
    await expect(page.getByLabel("Split by").locator("option")).toHaveText(["Age band", "Persona", "Region"]);
    await photograph(page, "touchpoint");

    await comments.getByLabel("Search comments").fill("zzz-no-such-words");
    await comments.getByRole("button", { name: "Search" }).click();
    await expect(comments.getByText(/No comment contains/)).toBeVisible();
  });

  test("where customers get stuck ranks touchpoints with their worst comments one click away", async ({ page }) => {
    await page.goto(BASE);
    await page.getByRole("link", { name: "Where customers get stuck" }).click();
    await expect(page).toHaveURL(new RegExp(`${BASE}/stuck`));
    const ranked = page.getByRole("region", { name: "Touchpoints ranked by impact" });
    await expect(ranked.getByRole("listitem").first()).toBeVisible();
    // The first touchpoint's worst comments are open; the second's open on a click.
    await expect(ranked.getByText(/^“.+”$/).first()).toBeVisible();
    await photograph(page, "stuck", { charts: false });
    await ranked.getByRole("button", { name: /Worst comments/ }).first().click();
    await expect(ranked.getByRole("link", { name: "see the response" }).first()).toBeVisible();
  });

  test("the channel comparison shows each stage across channels", async ({ page }) => {
    await page.goto(`${BASE}/channels`);
    await expect(page.getByRole("heading", { name: "Channel comparison" })).toBeVisible();
    const heat = page.getByRole("region", { name: "Heat table" }).getByRole("table");
    expect(await heat.getByRole("row").count()).toBeGreaterThan(3);
    await photograph(page, "channels");
  });

  test("filters the address cannot hold are named, and the default view is shown", async ({ page }) => {
    await page.goto(`${BASE}?from=2026-02-31&granularity=fortnight`);
    await expect(page.getByRole("alert").filter({ hasText: "Some filters in the address were not understood" })).toBeVisible();
    await expect(tile(page, "csatPct")).toHaveText(/%$/);
  });

  test("an unknown or malformed touchpoint is a page that does not exist", async ({ page }) => {
    for (const id of ["not-an-id", "0192f0a4-0000-7000-8000-000000000001"]) {
      await page.goto(`${BASE}/touchpoints/${id}`);
      await expect(page.getByText("We couldn’t find that page")).toBeVisible();
    }
  });
});
