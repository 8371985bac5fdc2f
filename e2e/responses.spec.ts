// The responses explorer as a viewer uses it: filters go into the address and survive a
// reload, the CSV export downloads what the filters select, and nobody else gets the file.
// The demo organization may or may not hold responses yet (they arrive with the demo seed of
// issue 8), so the checks hold either way.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, signUp, snap, uniqueEmail } from "./helpers";

const PAGE = "/o/acme-outfitters/surveys/responses";

test("a viewer filters responses through the address and exports them as CSV", async ({ page }) => {
  await signIn(page, "viewer@acme.test", DEMO_PASSWORD);
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { name: "Responses", exact: true })).toBeVisible();
  await expect(page.getByRole("table").or(page.getByText(/No responses (yet|match these filters)/))).toBeVisible();
  await snap(page, "responses-1280");
  await page.screenshot({ path: "test-results/screenshots/responses-1280-first-screen.png" });

  await page.getByLabel("Search comments").fill("late");
  await page.getByLabel("Comment", { exact: true }).selectOption("yes");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]q=late/);
  await expect(page).toHaveURL(/[?&]hasComment=yes/);
  await page.reload();
  await expect(page.getByLabel("Search comments")).toHaveValue("late");
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue("yes");

  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toBe(`${PAGE}/export?hasComment=yes&q=late`);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toBe("response_id,submitted_at,survey,touchpoint,touchpoint_name,stage,csat,nps,ces,comment,channel,segment");
  for (const line of lines.slice(1)) expect(line.toLowerCase()).toContain("late");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PAGE);
  await snap(page, "responses-390");
  await page.screenshot({ path: "test-results/screenshots/responses-390-first-screen.png" });
  // On a phone the filters fold behind one button and keep what is applied.
  await expect(page.getByLabel("Search comments")).toBeHidden();
  await page.getByRole("button", { name: "Filters" }).click();
  await expect(page.getByLabel("Search comments")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/responses-390-filters-open.png" });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});

test("the CSV export is refused to the signed-out and to outsiders", async ({ page }) => {
  const signedOut = await page.request.get(`${PAGE}/export`, { maxRedirects: 0 });
  expect([401, 307]).toContain(signedOut.status());
  expect(await signedOut.text()).not.toContain("response_id");

  await signUp(page, { name: "Outsider", email: uniqueEmail("outsider") });
  const outsider = await page.request.get(`${PAGE}/export`);
  expect(outsider.status()).toBe(404);
});
