// A finding's page in the browser: Maya comments with an @mention completed from the member
// list and Olivia finds the notification that leads back to it; Maya snoozes the finding (a
// past date is refused), it leaves the board until "Show snoozed" asks for it, and she wakes
// it; a firing alert on Delivery is turned into a finding, and a second click opens the same one.
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD, dismissToasts, postMutation, readQuery, signIn, signOut } from "./helpers";

const ORG = "acme-outfitters";

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await dismissToasts(page);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

/** A day as the date picker takes it, `days` from today (the browser's day). */
const dayFromToday = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

async function createFinding(page: Page, title: string) {
  const created = await postMutation(page, "finding.create", { orgSlug: ORG, title, description: "Boots arrive in cartons that split at the corners." });
  expect(created.status).toBe(200);
  return (created.body as unknown as { result: { data: { json: { id: string; number: number } } } }).result.data.json;
}

test("a comment mentions Olivia, who is notified; the finding is snoozed off the board and woken", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  const title = `Cartons split at the corners ${randomBytes(2).toString("hex")}`;
  const finding = await createFinding(page, title);
  await page.goto(`/o/${ORG}/findings/${finding.id}`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  // "@Oli" offers Olivia; Enter completes her full name.
  const box = page.getByRole("textbox", { name: "Comment" });
  await box.fill("@Oli");
  await expect(page.getByRole("listbox", { name: "Mention a member" }).getByRole("option", { name: "Olivia Owner" })).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue("@Olivia Owner ");
  await box.pressSequentially("can we ask the carton supplier for thicker corners?");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Olivia Owner was notified." })).toBeVisible();
  const comments = page.getByRole("list", { name: "Comments" });
  await expect(comments).toContainText("can we ask the carton supplier for thicker corners?");
  await expect(comments.getByText("@Olivia Owner", { exact: true })).toHaveClass(/text-indigo-700/);
  await expect(box).toHaveValue("");

  // Snooze: today is not in the future; a week from now is.
  await page.getByRole("button", { name: "Snooze…" }).click();
  const until = page.getByLabel("Snooze until");
  await until.fill(dayFromToday(0));
  await page.getByRole("button", { name: "Snooze until this date" }).click();
  await expect(page.getByText("Snooze until a date in the future.")).toBeVisible();
  await until.fill(dayFromToday(7));
  await page.getByRole("button", { name: "Snooze until this date" }).click();
  await expect(page.getByTestId("snoozed-until")).toBeVisible();
  await expect(page.getByRole("list", { name: "History" })).toContainText("snoozed it until");
  await shot(page, "finding-page-comments-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "finding-page-comments-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  // Off the board until then; "Show snoozed" brings it back, saying when it wakes.
  await page.goto(`/o/${ORG}/findings?all=yes&q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("article", { name: new RegExp(title) })).toHaveCount(0);
  await page.getByLabel("Show snoozed").check();
  await expect(page).toHaveURL(/snoozed=yes/);
  const card = page.getByRole("article", { name: new RegExp(title) });
  await expect(card.getByTestId("card-snoozed")).toContainText("Snoozed until");
  await shot(page, "findings-board-snoozed-1280");

  // Wake now: back on the board without asking.
  await card.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Wake now" }).click();
  await expect(page.getByRole("button", { name: "Snooze…" })).toBeVisible();
  await page.goto(`/o/${ORG}/findings?all=yes&q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("article", { name: new RegExp(title) })).toBeVisible();

  // Olivia sees the mention and it opens the finding.
  await signOut(page);
  await signIn(page, "owner@acme.test", DEMO_PASSWORD);
  await page.goto(`/o/${ORG}/notifications`);
  const notice = page.getByRole("link", { name: new RegExp(`Maya Manager mentioned you on F-${finding.number}\\b`) });
  await expect(notice).toContainText("thicker corners");
  // Mentions come by email unless she says otherwise; her choice stays.
  const byEmail = page.getByRole("checkbox", { name: "Someone mentions me in a comment on a finding" });
  await expect(byEmail).toBeChecked();
  // The server-rendered box answers clicks once the page is hydrated.
  await page.waitForLoadState("networkidle");
  const saved = page.waitForResponse((r) => r.url().includes("notification.setEmailPreference") && r.ok());
  await byEmail.uncheck();
  await saved;
  await page.reload();
  await expect(byEmail).not.toBeChecked();
  await shot(page, "notifications-1280");
  await notice.click();
  await expect(page).toHaveURL(new RegExp(`/findings/${finding.id}`));
});

test("a firing alert on Delivery becomes a finding from the alerts page, once per firing; its notification offers the same", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  const touchpoints = await readQuery<{ id: string; name: string }[]>(page, "survey.touchpointChoices", { orgSlug: ORG });
  const delivery = touchpoints.find((t) => t.name === "Delivery")!;
  // Below 100% over a year with one answer: any unhappy answer at Delivery makes it fire at the next check.
  const created = await postMutation(page, "alert.create", { orgSlug: ORG, touchpointId: delivery.id, metric: "csatPct", comparison: "below", threshold: 100, windowDays: 365, minimumAnswers: 1 });
  expect(created.status).toBe(200);
  const alertId = (created.body as unknown as { result: { data: { json: { id: string } } } }).result.data.json.id;
  await expect
    .poll(async () => (await readQuery<{ id: string; state: string }[]>(page, "alert.list", { orgSlug: ORG })).find((a) => a.id === alertId)?.state, { timeout: 30_000 })
    .toBe("firing");

  await page.goto(`/o/${ORG}/dashboards/alerts`);
  await shot(page, "alerts-firing-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "alerts-firing-390");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Turn into a finding" }).first().click();
  await expect(page).toHaveURL(/\/findings\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: "CSAT % below 100% at Delivery" })).toBeVisible();
  await expect(page.getByText("From a dashboard alert.")).toBeVisible();
  const findingUrl = page.url();

  // Maya is on Shipping, which owns Delivery: the alert's notification offers the same finding.
  await page.goto(`/o/${ORG}/notifications`);
  await shot(page, "notifications-alert-1280");
  await page.getByRole("button", { name: "Turn into a finding" }).first().click();
  await expect(page.getByRole("status").filter({ hasText: "This firing is already F-" })).toBeVisible();
  await expect(page).toHaveURL(findingUrl);

  // Leave the board as it was for other specs: no alert, and the finding snoozed off Shipping's
  // queue (a closed one would change the board's Closed counts they read).
  expect((await postMutation(page, "alert.delete", { orgSlug: ORG, alertId })).status).toBe(200);
  const findingId = /findings\/([0-9a-f-]{36})/.exec(findingUrl)![1]!;
  const { version } = await readQuery<{ version: number }>(page, "finding.get", { orgSlug: ORG, findingId });
  const snoozed = await postMutation(page, "finding.update", { orgSlug: ORG, findingId, version, snoozedUntil: new Date(Date.now() + 30 * 86_400_000).toISOString() });
  expect(snoozed.status).toBe(200);
});
