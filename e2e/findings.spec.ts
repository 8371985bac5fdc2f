// The findings board in the browser: a manager reports a finding at the Delivery touchpoint
// (owned by Shipping), it lands in Shipping's queue; Maya, who is on Shipping, drags it to
// In progress and moves it to Resolved from the card's keyboard menu; its page tells the
// story. A viewer cannot create findings (checked against the API, not a hidden button).
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD, postMutation, signIn } from "./helpers";

const ORG = "acme-outfitters";
const column = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  // Toasts cover what the picture is about.
  // One at a time: dismissing a toast (or its own timer) shifts the others.
  const toasts = page.locator('[aria-live="polite"] button[aria-label="Dismiss"]');
  for (let i = 0; i < 10 && (await toasts.count()) > 0; i++) await toasts.first().click({ timeout: 2_000 }).catch(() => {});
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

test("a finding at a Shipping touchpoint lands in Shipping's queue, is dragged to In progress, resolved from the keyboard menu, and its page shows the history", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  const title = `Parcels arrive with crushed boxes ${randomBytes(2).toString("hex")}`;

  await page.goto(`/o/${ORG}/findings`);
  await expect(page.getByRole("heading", { name: "Findings", exact: true })).toBeVisible();
  // Managers open on all findings.
  await expect(page.getByRole("link", { name: "All findings" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "New finding" }).click();
  const dialog = page.getByRole("dialog", { name: "New finding" });
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Description").fill("Customers send photos of crushed boxes; the outer carton is too thin for boots.");
  await dialog.getByLabel("Touchpoint").selectOption({ label: "Delivery" });
  await dialog.getByLabel("Severity").selectOption("high");
  await dialog.getByLabel("Labels").fill("packaging, damage");
  await dialog.getByRole("button", { name: "Create finding" }).click();
  await expect(page.getByRole("status").filter({ hasText: "routed to Shipping" })).toBeVisible();
  await expect(dialog).toBeHidden();

  // Shipping's filter shows it in New, with its team, touchpoint, labels and clock.
  await page.getByLabel("Team").selectOption({ label: "Shipping" });
  await expect(page).toHaveURL(/teamId=/);
  const card = page.getByRole("article", { name: new RegExp(title) });
  await expect(column(page, "New").getByRole("article", { name: new RegExp(title) })).toBeVisible();
  await expect(card).toContainText("Shipping");
  await expect(card).toContainText("Delivery");
  await expect(card).toContainText("packaging");
  await expect(card).toContainText(/First response due in \d+ h/);

  // Maya is on Shipping: her team's queue has it too.
  await page.getByRole("link", { name: "My team's queue" }).click();
  await expect(page).toHaveURL(/myTeams=yes/);
  await expect(column(page, "New").getByRole("article", { name: new RegExp(title) })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "findings-board-mobile");
  await page.setViewportSize({ width: 1280, height: 900 });

  // Someone else edits it while the board is open: the next move loses the race, says so,
  // stays in New and the board reloads with their change.
  const findingId = /findings\/([0-9a-f-]{36})/.exec((await card.getByRole("link").getAttribute("href")) ?? "")![1]!;
  const read = await page.request.get(`/api/trpc/finding.get?input=${encodeURIComponent(JSON.stringify({ json: { orgSlug: ORG, findingId } }))}`);
  const version = ((await read.json()) as { result: { data: { json: { version: number } } } }).result.data.json.version;
  const edited = await postMutation(page, "finding.update", { orgSlug: ORG, findingId, version, labels: ["packaging", "damage", "carrier"] });
  expect(edited.status).toBe(200);
  await card.dragTo(column(page, "In progress"));
  await expect(page.getByRole("alert").filter({ hasText: "Someone changed this finding — reloaded." })).toBeVisible();
  await expect(column(page, "New").getByRole("article", { name: new RegExp(title) })).toContainText("carrier");

  // A real drag to In progress.
  const dragged = page.waitForResponse((r) => r.url().includes("finding.move") && r.ok());
  await card.dragTo(column(page, "In progress"));
  await dragged;
  await expect(column(page, "In progress").getByRole("article", { name: new RegExp(title) })).toBeVisible();
  await expect(card).toContainText(/Resolution due in \d+ d/);
  await shot(page, "findings-board");

  // From the keyboard: the card's menu moves it to Resolved.
  const number = /F-(\d+)/.exec((await card.getAttribute("aria-label")) ?? "")![1];
  const menuButton = card.getByRole("button", { name: `Actions for F-${number}` });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Move to Resolved" })).toBeVisible();
  await page.getByRole("menuitem", { name: "Move to Resolved" }).focus();
  const resolved = page.waitForResponse((r) => r.url().includes("finding.move") && r.ok());
  await page.keyboard.press("Enter");
  await resolved;
  await expect(column(page, "Resolved").getByRole("article", { name: new RegExp(title) })).toBeVisible();
  await page.reload();
  await expect(column(page, "Resolved").getByRole("article", { name: new RegExp(title) })).toBeVisible();

  // A suggestion from unhappy comments becomes a finding with its evidence; declining it asks why.
  await page.goto(`/o/${ORG}/findings?all=yes`);
  await expect(page.getByRole("article", { name: new RegExp(title) })).toBeVisible();
  await page.getByRole("list", { name: "Suggested findings" }).getByRole("button", { name: "Accept" }).first().click();
  const accepted = page.getByRole("status").filter({ hasText: /F-\d+ created with \d+ responses as evidence/ });
  await expect(accepted).toBeVisible();
  const suggested = /F-(\d+)/.exec((await accepted.textContent()) ?? "")![1];
  const suggestedCard = page.getByRole("article", { name: new RegExp(`^F-${suggested} `) });
  await expect(column(page, "New").locator(`[aria-label^="F-${suggested} "]`)).toBeVisible();
  await suggestedCard.getByRole("button", { name: `Actions for F-${suggested}` }).click();
  await page.getByRole("menuitem", { name: "Move to Won't fix" }).click();
  const decline = page.getByRole("dialog", { name: `Won't fix F-${suggested}` });
  await decline.getByRole("button", { name: "Move to Won't fix" }).click();
  await expect(decline.getByText("Say why this will not be fixed.")).toBeVisible();
  await decline.getByLabel("Why will it not be fixed?").fill("Hold times are covered by the new call-back project.");
  await decline.getByRole("button", { name: "Move to Won't fix" }).click();
  await expect(page.getByRole("region", { name: "Closed" }).getByRole("button", { name: "Show 1" })).toBeVisible();
  await expect(suggestedCard).toHaveCount(0);

  // Its page: status, fields and the history in sentences.
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByTestId("finding-status")).toHaveText("Resolved");
  const history = page.getByRole("list", { name: "History" });
  await expect(history).toContainText("Maya Manager created it");
  await expect(history).toContainText("routed it to Shipping, the touchpoint's owner");
  await expect(history).toContainText("Maya Manager moved it to In progress");
  await expect(history).toContainText("Maya Manager moved it to Resolved");

  // An edit from the version read: assign it and raise the severity.
  await page.getByLabel("Assignee").selectOption({ label: "Maya Manager" });
  await page.getByLabel("Severity").selectOption("critical");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Finding saved." })).toBeVisible();
  await expect(history).toContainText("Maya Manager assigned it to Maya Manager");
  await shot(page, "finding-page");
});

test("a manager adds a routing rule in Settings → Findings; a viewer may read the board but not create findings", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  await page.goto(`/o/${ORG}/settings/findings`);
  const ruleName = `Packaging words to Shipping ${randomBytes(2).toString("hex")}`;
  await page.getByRole("button", { name: "New rule" }).click();
  const dialog = page.getByRole("dialog", { name: "New routing rule" });
  await dialog.getByLabel("Name").fill(ruleName);
  await dialog.getByLabel("Mentions any of these words").fill("box, carton");
  await dialog.getByLabel("Send to team").selectOption({ label: "Shipping" });
  await dialog.getByRole("button", { name: "Add rule" }).click();
  await expect(dialog).toBeHidden();
  const rules = page.getByRole("list", { name: "Routing rules" });
  await expect(rules).toContainText(ruleName);
  await expect(rules).toContainText("mentions “box” or “carton” → Shipping");
  await shot(page, "settings-findings");

  await page.context().clearCookies();
  await signIn(page, "viewer@acme.test", DEMO_PASSWORD);
  await page.goto(`/o/${ORG}/findings`);
  await expect(page.getByRole("link", { name: "My team's queue" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("button", { name: "New finding" })).toHaveCount(0);
  const denied = await postMutation(page, "finding.create", { orgSlug: ORG, title: "Viewer tries" });
  expect(denied.status).toBe(403);
  await page.goto(`/o/${ORG}/settings/findings`);
  await expect(page.getByText("Findings settings are for managers and above")).toBeVisible();
});
