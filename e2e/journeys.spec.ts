// Journey maps in the browser: build one from a template, add a touchpoint, drag it to
// another stage and find it there after a reload; share it with someone without an account;
// a viewer reads and comments but cannot edit (in the page and in the API); a mention
// reaches the member it names.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD, postMutation, signIn, signOut, snap } from "./helpers";

const ORG = "acme-outfitters";
const DEMO_MAP = "Online retail purchase journey";

const stage = (page: Page, name: string) => page.getByRole("region", { name: `Stage ${name}`, exact: true });
const card = (scope: Page | Locator, name: string) => scope.getByRole("article", { name: `Touchpoint ${name}`, exact: true });

async function openMap(page: Page, name: string) {
  await page.goto(`/o/${ORG}/journeys`);
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
}

test("a manager builds a map from a template, drags a touchpoint to another stage, exports and re-imports it, and shares it", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  const name = `Store pickup journey ${randomBytes(2).toString("hex")}`;

  await page.goto(`/o/${ORG}/journeys`);
  await snap(page, "journeys-list");
  await page.getByRole("link", { name: "New journey map" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New journey map" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("radio", { name: /Purchase journey/ }).check();
  await snap(page, "journeys-new-map-dialog");
  await dialog.getByRole("button", { name: "Create journey map" }).click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}/);
  const mapId = /\/journeys\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  for (const stageName of ["Awareness", "Consideration", "Purchase", "Post-purchase", "Loyalty & advocacy"]) {
    await expect(stage(page, stageName)).toBeVisible();
  }

  // Add a touchpoint to Awareness.
  await stage(page, "Awareness").getByRole("button", { name: "Add touchpoint" }).click();
  const form = page.getByRole("dialog", { name: "Add touchpoint" });
  await form.getByLabel("Name", { exact: true }).fill("Pickup reminder text");
  await form.getByLabel("Channel").selectOption({ label: "Text / SMS" });
  await form.getByLabel("Owning team").selectOption({ label: "Customer service" });
  await form.getByRole("radio", { name: /Pleased/ }).check({ force: true });
  await form.getByRole("button", { name: "Add touchpoint" }).click();
  await expect(form).toBeHidden();
  await expect(card(stage(page, "Awareness"), "Pickup reminder text")).toBeVisible();

  // Drag it into the empty Consideration stage: one move, kept after a reload.
  const moved = page.waitForResponse((r) => r.url().includes("touchpoint.move") && r.ok());
  await card(page, "Pickup reminder text").dragTo(stage(page, "Consideration").getByText("No touchpoints yet"));
  await moved;
  await expect(card(stage(page, "Consideration"), "Pickup reminder text")).toBeVisible();
  await page.reload();
  await expect(card(stage(page, "Consideration"), "Pickup reminder text")).toBeVisible();
  await expect(card(stage(page, "Awareness"), "Pickup reminder text")).toHaveCount(0);
  await snap(page, "canvas-new-map");

  // Exports: a re-importable JSON file and a picture of the whole board.
  await page.getByRole("button", { name: "Export" }).click();
  const json = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "JSON (re-importable)" }).click();
  const exported = await json;
  expect(exported.suggestedFilename()).toMatch(/\.waymark\.json$/);
  const exportedPath = test.info().outputPath(exported.suggestedFilename());
  await exported.saveAs(exportedPath);
  await page.getByRole("button", { name: "Export" }).click();
  const png = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "PNG picture" }).click();
  expect((await png).suggestedFilename()).toMatch(/\.png$/);

  // A read-only link for someone without an account, then revoked.
  await page.getByRole("button", { name: "Share" }).click();
  await page.getByRole("button", { name: "Create link" }).click();
  const link = await page.getByLabel("Share link").inputValue();
  expect(link).toContain("/share/");
  const stranger = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await stranger.goto(link);
  await expect(stranger.getByRole("heading", { name })).toBeVisible();
  await expect(card(stranger, "Pickup reminder text")).toBeVisible();
  await expect(stranger.getByRole("button", { name: "Add touchpoint" })).toHaveCount(0);
  await snap(stranger, "share-page");

  await page.getByRole("button", { name: "Revoke" }).first().click();
  await page.getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText(/no longer opens the map/)).toBeVisible();
  expect((await stranger.goto(link))?.status()).toBe(404);
  await stranger.close();

  // The exported file imports as a copy, touchpoint and all.
  await page.goto(`/o/${ORG}/journeys?import`);
  const importer = page.getByRole("dialog", { name: "Import a journey map" });
  await importer.getByLabel("Journey map file").setInputFiles(exportedPath);
  await importer.getByRole("button", { name: "Import map" }).click();
  await expect(page.getByRole("heading", { name: `${name} (copy)` })).toBeVisible();
  await expect(card(stage(page, "Consideration"), "Pickup reminder text")).toBeVisible();

  // The history says what happened, and who did it.
  await page.keyboard.press("Escape");
  await page.goto(`/o/${ORG}/journeys/${mapId}`);
  await page.getByRole("button", { name: "History" }).click();
  const history = page.getByRole("dialog", { name: "History" });
  await expect(history.getByText(/moved “Pickup reminder text” to Consideration/)).toBeVisible();
  await snap(page, "canvas-history");
});

test("a viewer reads and comments on the demo map but cannot edit it; the mention reaches the manager", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "viewer@acme.test", DEMO_PASSWORD);
  await openMap(page, DEMO_MAP);
  const mapId = /\/journeys\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  await expect(card(page, "Set-up instructions")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add touchpoint" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add stage" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit map" })).toHaveCount(0);
  await expect(page.locator("article[draggable=true]")).toHaveCount(0);
  await snap(page, "canvas-viewer");

  // An obstacle that became a finding links to it; a viewer gets no button to make one.
  await card(page, "Set-up instructions").getByRole("button", { name: "Set-up instructions", exact: true }).click();
  const details = page.getByRole("dialog", { name: "Set-up instructions" });
  await expect(details.getByRole("link", { name: /^Finding F-\d+$/ })).toBeVisible();
  await expect(details.getByRole("button", { name: /into a finding/ })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(details).toBeHidden();

  // The API refuses what the page hides.
  const create = await postMutation(page, "stage.create", { orgSlug: ORG, mapId, name: "Sneaky stage" });
  expect(create.status).toBe(403);
  expect(create.body.error?.json?.data?.code).toBe("FORBIDDEN");

  // An obstacle in its lane opens the conversation about it.
  await page.getByRole("button", { name: /Callers wait on hold longer than 5 minutes/ }).click();
  const comments = page.getByRole("dialog", { name: "Comments" });
  await expect(comments.getByText(/A call-back option would cover most of the peak/)).toBeVisible();
  await comments.getByRole("button", { name: "Show all comments" }).click();

  // Viewers may comment on the map, and mention a member.
  const body = `@Maya Manager could we pilot a call-back option? ${randomBytes(2).toString("hex")}`;
  await comments.getByRole("textbox", { name: "Comment" }).fill(body);
  await comments.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(comments.getByText(body.slice("@Maya Manager ".length))).toBeVisible();
  await snap(page, "canvas-comments");

  await signOut(page);
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  await page.goto(`/o/${ORG}`);
  await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  await page.getByRole("menuitem", { name: /Victor Viewer mentioned you/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/journeys/${mapId}\\?comments=1`));
  await expect(page.getByRole("dialog", { name: "Comments" }).getByText(body.slice("@Maya Manager ".length))).toBeVisible();
});

test("the demo map reads like a wall chart", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "owner@acme.test", DEMO_PASSWORD);
  await openMap(page, DEMO_MAP);
  for (const title of ["Set-up instructions are unclear", "The cart is hard to use on mobile", "Callers wait on hold longer than 5 minutes"]) {
    await expect(page.getByText(title).first()).toBeAttached();
  }
  await expect(page.getByRole("img", { name: /emotion/i }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/canvas-demo.png" });
  await snap(page, "canvas-demo-full");
});

test("two people edit the same touchpoint: the later save is told, reloads, and nothing is lost", async ({ browser }) => {
  const open = async (email: string) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, email, DEMO_PASSWORD);
    await openMap(page, DEMO_MAP);
    await card(page, "Loyalty program").getByRole("button", { name: "Loyalty program", exact: true }).click();
    return page;
  };
  const owner = await open("owner@acme.test");
  const manager = await open("manager@acme.test");
  const editor = (page: Page) => page.getByRole("dialog", { name: /Edit touchpoint/ });

  // Both read the same version; the owner saves first.
  await editor(owner).getByLabel("Name", { exact: true }).fill("Loyalty club");
  await editor(owner).getByRole("button", { name: "Save touchpoint" }).click();
  await expect(card(owner, "Loyalty club")).toBeVisible();

  // The manager's save lost the race: they are told, and their typing is still there.
  await editor(manager).getByLabel("Customer action", { exact: true }).fill("Redeems points at the till");
  await editor(manager).getByRole("button", { name: "Save touchpoint" }).click();
  const conflict = editor(manager).getByRole("alert").filter({ hasText: /changed by someone else/ });
  await expect(conflict).toBeVisible();
  await expect(editor(manager).getByLabel("Customer action", { exact: true })).toHaveValue("Redeems points at the till");
  await snap(manager, "canvas-conflict");
  // Reload takes in the owner's name and keeps the manager's own change.
  await conflict.getByRole("button", { name: "Reload" }).click();
  await expect(editor(manager).getByLabel("Name", { exact: true })).toHaveValue("Loyalty club");
  await expect(editor(manager).getByLabel("Customer action", { exact: true })).toHaveValue("Redeems points at the till");
  await editor(manager).getByRole("button", { name: "Save touchpoint" }).click();
  await expect(conflict).toBeHidden();

  // Both changes are kept, and the owner sees the manager's without reloading.
  await owner.keyboard.press("Escape");
  await expect(owner.getByText("Redeems points at the till")).toBeVisible({ timeout: 15_000 });
  await expect(card(owner, "Loyalty club")).toBeVisible();
  await owner.close();
  await manager.close();
});
