// The findings board in the browser. The main flow starts on the journey map: a manager notes
// an obstacle at the Delivery touchpoint and turns it into a finding with one click; the rules
// route it to Shipping; Sam, a member on Shipping, drags it to In progress and then Resolved;
// the map's count follows. Then the board's own tools: a finding made on the board loses an
// edit race, moves from the keyboard menu, a suggestion is accepted and declined, and a
// viewer cannot create findings (checked against the API, not a hidden button).
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD, postMutation, showCard, signIn, signUp, snap, uniqueEmail } from "./helpers";

const ORG = "acme-outfitters";
const DEMO_MAP = "Online retail purchase journey";
const column = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const mapCard = (page: Page, name: string) => page.getByRole("article", { name: `Touchpoint ${name}`, exact: true });

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  // A hover card left by the last click would cover the picture too.
  await page.mouse.move(0, 0);
  // Toasts cover what the picture is about.
  // One at a time: dismissing a toast (or its own timer) shifts the others.
  const toasts = page.locator('[aria-live="polite"] button[aria-label="Dismiss"]');
  for (let i = 0; i < 10 && (await toasts.count()) > 0; i++) await toasts.first().click({ timeout: 2_000 }).catch(() => {});
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

/** The same page at 1280 px and at 390 px (a phone), back at 1280 after; `focus` is scrolled into view on the phone. */
async function shotBoth(page: Page, name: string, focus?: Locator) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await focus?.scrollIntoViewIfNeeded();
  await shot(page, `${name}-mobile`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function getQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.status(), `${path} answered`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The demo has no plain member on Shipping: the owner invites one, who signs up and accepts, and puts them on the team. */
async function shippingMember(browser: Browser) {
  const owner = await browser.newPage();
  await signIn(owner, "owner@acme.test", DEMO_PASSWORD);
  const email = uniqueEmail("sam");
  const invited = await postMutation(owner, "invitation.create", { orgSlug: ORG, email, role: "member" });
  expect(invited.status).toBe(200);
  const { token } = (invited.body as unknown as { result: { data: { json: { token: string } } } }).result.data.json;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, { name: "Sam Shipping", email });
  expect((await postMutation(page, "invitation.accept", { token })).status).toBe(200);
  const members = await getQuery<{ userId: string; email: string }[]>(owner, "member.list", { orgSlug: ORG });
  const teams = await getQuery<{ id: string; name: string }[]>(owner, "team.list", { orgSlug: ORG });
  const added = await postMutation(owner, "team.addMember", { orgSlug: ORG, teamId: teams.find((t) => t.name === "Shipping")!.id, userId: members.find((m) => m.email === email)!.userId });
  expect(added.status).toBe(200);
  await owner.close();
  return { page, close: () => context.close() };
}

/** The open findings count on a map card (0 when it shows none). */
async function openCount(card: Locator) {
  const badge = card.locator("[data-open-findings]");
  return (await badge.count()) === 0 ? 0 : Number(await badge.getAttribute("data-open-findings"));
}

test("a manager turns an obstacle on the map into a finding in one click; it routes to Shipping; a Shipping member drags it to In progress and Resolved", async ({ page, browser }) => {
  // Two people, three pages and six screenshots: more than the default minute.
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const sam = await shippingMember(browser);
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  await page.goto(`/o/${ORG}/journeys`);
  await page.getByRole("link", { name: DEMO_MAP, exact: true }).first().click();
  await expect(page.getByRole("heading", { name: DEMO_MAP, exact: true })).toBeVisible();

  // Cards count their open findings: the demo's open ones show, Delivery's resolved one does not.
  const delivery = mapCard(page, "Delivery");
  // The counts come with the map, all at once: read Delivery's once any shows.
  await expect(page.locator("[data-open-findings]").first()).toBeVisible();
  const before = await openCount(delivery);

  // A new obstacle at Delivery, then one click makes it a finding.
  const title = `Boots arrive in torn packaging ${randomBytes(2).toString("hex")}`;
  await delivery.getByRole("button", { name: "Delivery", exact: true }).click();
  const editor = page.getByRole("dialog", { name: /Edit touchpoint/ });
  const obstacles = editor.getByRole("region", { name: "Obstacles" });
  // The demo's obstacle here already became a finding: it links to it instead of offering the button.
  await expect(obstacles.getByRole("listitem").filter({ hasText: "Gift items get lost in the packaging" }).getByRole("link", { name: /Finding F-\d+/ })).toBeVisible();
  await obstacles.getByRole("button", { name: "Add obstacle" }).click();
  const form = editor.getByRole("form", { name: "New obstacle" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Description").fill("The outer carton tears in transit; boots arrive scuffed.");
  await form.getByLabel("Severity").selectOption("high");
  await form.getByRole("button", { name: "Add obstacle" }).click();
  await obstacles.getByRole("button", { name: `Turn “${title}” into a finding` }).click();
  const toast = page.getByRole("status").filter({ hasText: /F-\d+ created, routed to Shipping\./ });
  await expect(toast).toBeVisible();
  const number = /F-(\d+)/.exec((await toast.textContent()) ?? "")![1]!;
  await expect(toast.getByRole("link", { name: `Open F-${number}` })).toHaveAttribute("href", /\/findings\/[0-9a-f-]{36}$/);
  // From now on the obstacle links to its finding; the button is gone.
  await expect(obstacles.getByRole("link", { name: `Finding F-${number}` })).toBeVisible();
  await expect(obstacles.getByRole("button", { name: `Turn “${title}” into a finding` })).toHaveCount(0);
  // On a phone the editor's fields come first: the picture is of the obstacles under them.
  await shotBoth(page, "obstacle-finding", obstacles);
  await page.keyboard.press("Escape");
  await expect(editor).toBeHidden();

  // The card counts it, and its count opens the board on Delivery's open findings.
  await expect(delivery.locator("[data-open-findings]")).toHaveAttribute("data-open-findings", String(before + 1));
  await page.setViewportSize({ width: 390, height: 844 });
  await showCard(delivery);
  await shot(page, "journey-map-findings-mobile");
  await page.setViewportSize({ width: 1280, height: 900 });
  await showCard(delivery);
  await shot(page, "journey-map-findings");
  await delivery.getByRole("link", { name: /open findings? at Delivery/ }).click();
  await expect(page).toHaveURL(/\/findings\?.*touchpointId=[0-9a-f-]{36}.*status=new/);
  const card = page.getByRole("article", { name: new RegExp(title) });
  await expect(column(page, "New").getByRole("article", { name: new RegExp(title) })).toBeVisible();
  await expect(card).toContainText("Shipping");
  await expect(card).toContainText("Delivery");

  // Sam, on Shipping, finds it in the team's queue and works it by dragging.
  await sam.page.setViewportSize({ width: 1280, height: 900 });
  await sam.page.goto(`/o/${ORG}/findings`);
  await expect(sam.page.getByRole("link", { name: "My team's queue" })).toHaveAttribute("aria-current", "page");
  const samCard = sam.page.getByRole("article", { name: new RegExp(title) });
  await expect(column(sam.page, "New").getByRole("article", { name: new RegExp(title) })).toBeVisible();
  for (const to of ["In progress", "Resolved"]) {
    const moved = sam.page.waitForResponse((r) => r.url().includes("finding.move") && r.ok());
    await samCard.dragTo(column(sam.page, to));
    await moved;
    await expect(column(sam.page, to).getByRole("article", { name: new RegExp(title) })).toBeVisible();
    if (to === "In progress") await shotBoth(sam.page, "findings-board", samCard);
  }
  await sam.page.reload();
  await expect(column(sam.page, "Resolved").getByRole("article", { name: new RegExp(title) })).toBeVisible();

  // Its page tells the story.
  await samCard.getByRole("link").first().click();
  await expect(sam.page.getByRole("heading", { name: title })).toBeVisible();
  await expect(sam.page.getByTestId("finding-status")).toHaveText("Resolved");
  const history = sam.page.getByRole("list", { name: "History" });
  await expect(history).toContainText("Maya Manager created it");
  await expect(history).toContainText(/routed it to Shipping/);
  await expect(history).toContainText("Sam Shipping moved it to In progress");
  await expect(history).toContainText("Sam Shipping moved it to Resolved");
  await shotBoth(sam.page, "finding-page");
  await sam.close();

  // Resolved, it no longer counts on the map.
  await page.goto(`/o/${ORG}/journeys`);
  await page.getByRole("link", { name: DEMO_MAP, exact: true }).first().click();
  await expect(delivery).toBeVisible();
  expect(await openCount(delivery)).toBe(before);
});

test("a finding made on the board lands in Shipping's queue, loses an edit race, is resolved from the keyboard menu, and its page shows the history", async ({ page }) => {
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
  await snap(page, "findings-queue-mobile");
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
  await snap(page, "findings-board-in-progress");

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
  await snap(page, "finding-page-edited");
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
