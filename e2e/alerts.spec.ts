// Alerts, the organization's time zone and the background jobs page on the demo organization:
// a manager sets an alert on a touchpoint and sees the job runner check it; an admin sees the
// check among the background jobs and changes the time zone; a viewer's direct request to set
// an alert is refused. Photographed at 1280 and 390 px.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, postMutation, signIn, snap } from "./helpers";

const ORG = "acme-outfitters";

async function both(page: Page, name: string) {
  await snap(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe("alerts and background jobs", () => {
  test("a manager sets an alert and the job runner checks it", async ({ page }) => {
    await signIn(page, "manager@acme.test", DEMO_PASSWORD);
    await page.goto(`/o/${ORG}/dashboards/alerts`);
    await expect(page.getByRole("heading", { name: "Alerts", exact: true })).toBeVisible();
    await page.getByRole("link", { name: "New alert" }).click();
    await page.getByLabel("Touchpoint").selectOption({ index: 1 });
    await page.getByLabel("Threshold").fill("95");
    await page.getByLabel("Over the last").fill("90");
    await page.getByLabel("With at least").fill("10");
    await expect(page.getByText("CSAT % below 95% over 90 days with at least 10 answers")).toBeVisible();
    await both(page, "alerts-new");
    await page.getByRole("button", { name: "Set alert" }).click();
    await expect(page.getByText("Alert set.")).toBeVisible();
    await expect(page).toHaveURL(/\/dashboards\/alerts$/);
    // The job runner (inside the app) checks within a few seconds of the alert being set.
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(/^Now /)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await both(page, "alerts-list");
  });

  test("an admin sees the check among the background jobs and sets the time zone", async ({ page }) => {
    await signIn(page, "owner@acme.test", DEMO_PASSWORD);
    await page.goto(`/o/${ORG}/settings/jobs`);
    await expect(page.getByRole("heading", { name: "Background jobs", exact: true })).toBeVisible();
    await expect(page.getByText("Alert check").first()).toBeVisible();
    await both(page, "settings-jobs");
    await page.goto(`/o/${ORG}/settings`);
    await page.getByLabel("Time zone").selectOption("Europe/Paris");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByText(/Days now run in Europe\/Paris; [\d,]+ responses were re-counted\./)).toBeVisible({ timeout: 30_000 });
    await both(page, "settings-time-zone");
    await page.getByLabel("Time zone").selectOption("UTC");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByText(/Days now run in UTC/)).toBeVisible({ timeout: 30_000 });
  });

  test("a viewer cannot set an alert, even by posting to the API", async ({ page }) => {
    await signIn(page, "viewer@acme.test", DEMO_PASSWORD);
    await page.goto(`/o/${ORG}/dashboards/alerts`);
    await expect(page.getByRole("link", { name: "New alert" })).toHaveCount(0);
    const touchpointId = "00000000-0000-7000-8000-000000000000";
    const refused = await postMutation(page, "alert.create", { orgSlug: ORG, touchpointId, metric: "csatPct", comparison: "below", threshold: 70, windowDays: 7, minimumAnswers: 30 });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.json?.data?.code).toBe("FORBIDDEN");
    const jobs = await page.request.get(`/api/trpc/job.list?input=${encodeURIComponent(JSON.stringify({ json: { orgSlug: ORG } }))}`);
    expect(jobs.status()).toBe(403);
  });
});
