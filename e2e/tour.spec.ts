// A manager's tour of the demo organization, with a screenshot of each main page.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, snap } from "./helpers";

const PAGES = [
  ["overview", "/o/acme-outfitters"],
  ["members", "/o/acme-outfitters/settings/members"],
  ["teams", "/o/acme-outfitters/settings/teams"],
  ["activity", "/o/acme-outfitters/settings/activity"],
  ["organization", "/o/acme-outfitters/settings"],
  ["journeys", "/o/acme-outfitters/journeys"],
  ["findings", "/o/acme-outfitters/findings"],
] as const;

test("the owner can open every section of the demo organization", async ({ page }) => {
  await signIn(page, "owner@acme.test", DEMO_PASSWORD);
  for (const [name, path] of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await snap(page, `owner-${name}`);
  }
  await page.goto("/o/acme-outfitters/settings/teams");
  for (const team of ["Shipping", "Marketing", "Product development", "Customer service", "Billing", "Web & e-commerce"]) {
    await expect(page.getByText(team, { exact: true }).first()).toBeVisible();
  }
});
