// Webhook settings as the owner uses them: a loopback address is refused in plain words (the
// e2e server does not allow private addresses), a public address is added and its secret shown
// once with how to verify signatures, a test event appears in the endpoint's delivery log with
// its status, and the endpoint is deleted after a confirmation. A viewer has no link, sees the
// admins-only page, and the API refuses them. (No delivery reaches a receiver here: the public
// address is a literal, so nothing is looked up, and this machine has no way out.)
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, postMutation, signIn } from "./helpers";

const ORG = "acme-outfitters";
const PAGE = `/o/${ORG}/settings/webhooks`;

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  const toasts = page.locator('[aria-live="polite"] button[aria-label="Dismiss"]');
  for (let i = 0; i < 10 && (await toasts.count()) > 0; i++) await toasts.first().click({ timeout: 2_000 }).catch(() => {});
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

test("the owner adds an endpoint, sees its secret once, sends a test event, reads the log and deletes it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "owner@acme.test", DEMO_PASSWORD);
  await page.goto(`/o/${ORG}/settings`);
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
  await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Add endpoint" }).click();
  await page.getByLabel("URL").fill("http://127.0.0.1:9/hook");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("127.0.0.1 is on a private network (127.0.0.1); webhooks go to public addresses only.")).toBeVisible();
  await page.getByRole("checkbox", { name: /Status changed/ }).uncheck();
  await page.getByRole("checkbox", { name: /Finding created/ }).uncheck();
  await page.getByRole("checkbox", { name: /Finding resolved/ }).uncheck();
  await page.getByLabel("URL").fill("http://93.184.215.14/waymark-e2e");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Choose at least one event.")).toBeVisible();
  await page.getByRole("checkbox", { name: /Finding created/ }).check();
  await page.getByRole("checkbox", { name: /Finding resolved/ }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();

  await expect(page.getByText("Endpoint added")).toBeVisible();
  await expect(page.getByLabel("Signing secret")).toHaveValue(/^whsec_/);
  await expect(page.getByText("Waymark-Signature: t=<unix seconds>,v1=<signature>")).toBeVisible();
  await shot(page, "webhooks-secret-1280");
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByLabel("Signing secret")).toHaveCount(0);

  const endpoint = page.getByRole("listitem").filter({ hasText: "http://93.184.215.14/waymark-e2e" });
  await expect(endpoint).toContainText("Finding created");
  await expect(endpoint).toContainText("Finding resolved");
  await expect(endpoint).not.toContainText("Status changed");
  await expect(endpoint).toContainText("nothing sent yet");
  // The secret is never shown again, not even in the page's data.
  expect(await page.content()).not.toContain("whsec_");

  await endpoint.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Test event queued" })).toBeVisible();
  const log = endpoint.getByRole("table", { name: "Delivery log" });
  const row = log.getByRole("row").filter({ hasText: "Test event" });
  await expect(row).toBeVisible();
  await expect(row.getByText(/^(Pending|Delivered|Failed)$/)).toBeVisible();
  await expect(endpoint).toContainText(/last delivery (Pending|Delivered|Failed)/);
  await shot(page, "webhooks-log-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "webhooks-log-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  await endpoint.getByRole("button", { name: "Delete the endpoint http://93.184.215.14/waymark-e2e" }).click();
  await page.getByRole("dialog", { name: "Delete this endpoint?" }).getByRole("button", { name: "Delete endpoint" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Endpoint deleted" })).toBeVisible();
  await expect(page.getByText("http://93.184.215.14/waymark-e2e")).toHaveCount(0);
});

test("a viewer has no Webhooks link, sees the admins-only page, and the API refuses them", async ({ page }) => {
  await signIn(page, "viewer@acme.test", DEMO_PASSWORD);
  await page.goto(`/o/${ORG}/settings`);
  const nav = page.getByRole("navigation", { name: "Organization" });
  await expect(nav.getByRole("link", { name: "API keys" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  await page.goto(PAGE);
  await expect(page.getByText("Webhooks are for admins and owners")).toBeVisible();
  const response = await postMutation(page, "webhook.create", { orgSlug: ORG, url: "http://93.184.215.14/viewer", events: ["finding.created"] });
  expect(response.status).toBe(403);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "webhooks-viewer-390");
});
