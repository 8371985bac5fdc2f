// Evidence picked by hand: Maya (a manager) ticks two comments in the responses explorer and
// files a new finding with them; then ticks a comment on a touchpoint's page and adds it to
// that finding from the "Existing finding" search; the finding's page lists all three. A
// viewer sees no checkboxes and the API refuses them.
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD, postMutation, signIn } from "./helpers";

const ORG = "acme-outfitters";

/** What is on screen (the selection bar and dialogs are about the viewport), or the whole page. */
async function shot(page: Page, name: string, fullPage = false) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage });
}

/** The comment text of a ticked row: the explorer shows it in its own column on wide screens. */
const commentOf = async (page: Page, row: number) => (await page.getByRole("row").nth(row).getByRole("cell").nth(4).innerText()).trim();

test("a manager turns two comments from the explorer into a finding, then adds one from a touchpoint's page to it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  const title = `Set-up leaflet has no words ${randomBytes(2).toString("hex")}`;

  // The explorer, narrowed to the comments about the tent's set-up instructions (Product
  // development's touchpoint: this finding stays out of the Shipping queue other specs work).
  await page.goto(`/o/${ORG}/surveys/responses`);
  await page.getByLabel("Touchpoint").selectOption({ label: "Set-up instructions" });
  await page.getByLabel("Comment", { exact: true }).selectOption("yes");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/hasComment=yes/);
  const boxes = page.getByRole("checkbox", { name: /^Select the response of/ });
  await expect(boxes.first()).toBeVisible();
  const comments = [await commentOf(page, 1), await commentOf(page, 2)];
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const bar = page.getByRole("region", { name: "Selected responses" });
  await expect(bar).toContainText("2 selected");
  await shot(page, "evidence-explorer-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "evidence-explorer-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  await bar.getByRole("button", { name: "Add to finding" }).click();
  await page.getByRole("dialog", { name: "Add to finding" }).getByRole("button", { name: "New finding…" }).click();
  const create = page.getByRole("dialog", { name: "New finding" });
  await expect(create).toContainText("2 selected responses become its evidence.");
  // Both responses are about the set-up instructions: the touchpoint is chosen already.
  await expect(create.getByLabel("Touchpoint").locator("option:checked")).toHaveText("Set-up instructions");
  await create.getByLabel("Title").fill(title);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "evidence-new-finding-390");
  await page.setViewportSize({ width: 1280, height: 900 });
  await create.getByRole("button", { name: "Create finding" }).click();
  const toast = page.getByRole("status").filter({ hasText: "created" });
  await expect(toast).toBeVisible();
  await expect(bar).toBeHidden();
  const link = toast.getByRole("link", { name: /^Open F-\d+$/ });
  const number = (await link.innerText()).replace("Open ", "");
  const findingHref = (await link.getAttribute("href"))!;

  // The touchpoint's page: its comments, one ticked and added to the finding just made.
  const touchpointId = (await page.getByLabel("Touchpoint").locator("option:checked").getAttribute("value"))!;
  await page.goto(`/o/${ORG}/dashboards/touchpoints/${touchpointId}`);
  const section = page.getByRole("region", { name: "Comments" });
  const tick = section.getByRole("checkbox", { name: /^Select the comment/ });
  await expect(tick.first()).toBeVisible();
  // A comment worded unlike the two already linked, so it is surely another response.
  const labelText = async (i: number) => ((await tick.nth(i).getAttribute("aria-label")) ?? "").replace(/^Select the comment “/, "").replace(/(…)?”$/, "");
  let pick = 0;
  let thirdComment = await labelText(pick);
  while (comments.some((c) => c.startsWith(thirdComment.slice(0, 30)))) thirdComment = await labelText(++pick);
  await tick.nth(pick).check();
  await page.setViewportSize({ width: 390, height: 844 });
  await tick.nth(pick).scrollIntoViewIfNeeded();
  await shot(page, "evidence-touchpoint-selected-390");
  await page.setViewportSize({ width: 1280, height: 900 });
  await section.getByRole("button", { name: "Add to finding" }).click();
  const existing = page.getByRole("dialog", { name: "Add to finding" });
  await existing.getByLabel("Or an open finding").fill(number);
  await existing.getByRole("radio", { name: new RegExp(`${number} ${title}`) }).check();
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "evidence-add-existing-390");
  await page.setViewportSize({ width: 1280, height: 900 });
  await existing.getByRole("button", { name: "Add to finding" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added 1 response to ${number}` })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await shot(page, "evidence-touchpoint-1280");

  // The finding's page lists the three, and its history says how they came.
  await page.goto(findingHref);
  const evidence = page.getByRole("list", { name: "Evidence" });
  await expect(page.getByRole("heading", { name: "Evidence (3)" })).toBeVisible();
  for (const comment of [...comments, thirdComment]) await expect(evidence.getByText(comment.slice(0, 40), { exact: false }).first()).toBeVisible();
  await expect(page.getByText("added 1 response as evidence")).toBeVisible();
  await shot(page, "evidence-finding-1280", true);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "evidence-finding-390", true);
});

test("a viewer sees no checkboxes, and the API refuses to add evidence for them", async ({ page }) => {
  await signIn(page, "viewer@acme.test", DEMO_PASSWORD);
  await page.goto(`/o/${ORG}/surveys/responses`);
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Select the response/ })).toHaveCount(0);
  const response = await postMutation(page, "finding.addEvidence", { orgSlug: ORG, findingId: "0192f0a4-0000-7000-8000-000000000001", responseIds: ["0192f0a4-0000-7000-8000-000000000002"] });
  expect(response.status).toBe(403);
});
