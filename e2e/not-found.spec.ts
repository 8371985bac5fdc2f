// A journey map that does not exist answers a real 404, not a 200 with a "doesn't exist"
// page: the status is sent with the first byte, so the map is looked up before anything
// streams. The map itself still answers 200.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, snap } from "./helpers";

const ORG = "acme-outfitters";
const DEMO_MAP = "Online retail purchase journey";

test("a member gets 404 for an unknown or malformed journey map id, and 200 for a real one", async ({ page }) => {
  await signIn(page, "viewer@acme.test", DEMO_PASSWORD);

  for (const mapId of [randomUUID(), "not-a-map-id"]) {
    const response = await page.goto(`/o/${ORG}/journeys/${mapId}`);
    expect(response?.status(), mapId).toBe(404);
    await expect(page.getByRole("heading", { name: "This journey map doesn’t exist" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to journeys" })).toHaveAttribute("href", `/o/${ORG}/journeys`);
  }
  await snap(page, "map-not-found");
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "map-not-found-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto(`/o/${ORG}/journeys`);
  const href = await page.getByRole("link", { name: DEMO_MAP, exact: true }).first().getAttribute("href");
  expect(href).toMatch(/\/journeys\/[0-9a-f-]{36}$/);
  const response = await page.goto(href!);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: DEMO_MAP, exact: true })).toBeVisible();

  // The organization's other pages, whose loading placeholders moved below the organization's level, still answer.
  for (const path of ["", "/journeys", "/personas", "/settings/members"]) {
    expect((await page.goto(`/o/${ORG}${path}`))?.status(), path || "/").toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  for (const [path, shot] of [["", "overview"], ["/journeys", "journeys-list"]] as const) {
    await page.goto(`/o/${ORG}${path}`);
    await snap(page, `moved-${shot}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, `moved-${shot}-390`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // Following the link from the not-found page, in the browser, still reaches the list.
  await page.goto(`/o/${ORG}/journeys/${randomUUID()}`);
  await page.getByRole("link", { name: "Go to journeys" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${ORG}/journeys$`));
  await expect(page.getByRole("link", { name: DEMO_MAP, exact: true }).first()).toBeVisible();
});
