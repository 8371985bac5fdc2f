// The first-day path: sign up, create an organization, invite a colleague who signs up
// and accepts, and sees the organization with the role they were invited with.
import { expect, test } from "@playwright/test";
import { PASSWORD, signUp, snap, uniqueEmail } from "./helpers";

test("sign up, create an organization, invite a colleague who accepts", async ({ browser }) => {
  const founder = await browser.newContext();
  const page = await founder.newPage();
  const founderEmail = uniqueEmail("founder");
  await signUp(page, { name: "Fiona Founder", email: founderEmail });

  await expect(page).toHaveURL(/\/new-organization/);
  const orgName = `Northwind ${Date.now().toString(36)}`;
  await page.getByLabel("Name").fill(orgName);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/o\/northwind-/);
  const orgPath = new URL(page.url()).pathname.split("/").slice(0, 3).join("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await snap(page, "overview-new-org");

  await page.goto(`${orgPath}/settings/members`);
  const colleagueEmail = uniqueEmail("colleague");
  await page.getByLabel("Email", { exact: true }).fill(colleagueEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("manager");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const linkField = page.getByLabel("Invitation link");
  await expect(linkField).toHaveValue(/\/invite\//);
  const inviteLink = await linkField.inputValue();
  await snap(page, "members-with-invitation");

  // The colleague opens the link in their own browser, creates an account and accepts.
  const colleague = await browser.newContext();
  const colleaguePage = await colleague.newPage();
  await colleaguePage.goto(inviteLink);
  await expect(colleaguePage.getByText(orgName).first()).toBeVisible();
  await snap(colleaguePage, "invitation-signed-out");
  await colleaguePage.getByRole("link", { name: /create account/i }).click();
  await expect(colleaguePage).toHaveURL(/\/sign-up\?callbackUrl=/);
  await expect(colleaguePage.getByLabel("Email")).toHaveValue(colleagueEmail);
  await signUp(colleaguePage, { name: "Carl Colleague", email: colleagueEmail });
  await expect(colleaguePage).toHaveURL(/\/invite\//);
  await colleaguePage.getByRole("button", { name: /accept/i }).click();
  await expect(colleaguePage).toHaveURL(new RegExp(`${orgPath}$`));

  await colleaguePage.goto(`${orgPath}/settings/members`);
  const row = colleaguePage.getByRole("row", { name: new RegExp(colleagueEmail) });
  await expect(row).toContainText(/manager/i);
  await snap(colleaguePage, "members-after-accept");

  // The founder sees the join in the activity log.
  await page.goto(`${orgPath}/settings/activity`);
  await expect(page.getByText(/Carl Colleague/).first()).toBeVisible();
  await snap(page, "activity");

  // Demoting the colleague ends their session for this organization on the next request.
  await page.goto(`${orgPath}/settings/members`);
  await page.getByLabel("Role of Carl Colleague").selectOption("viewer");
  await expect(page.getByRole("row", { name: new RegExp(colleagueEmail) }).getByLabel("Role of Carl Colleague")).toHaveValue("viewer");
  await colleaguePage.goto(`${orgPath}/settings/members`);
  await expect(colleaguePage).toHaveURL(/\/sign-in/);
  await colleaguePage.getByLabel("Email").fill(colleagueEmail);
  await colleaguePage.getByLabel("Password").fill(PASSWORD);
  await colleaguePage.getByRole("button", { name: "Sign in" }).click();
  await expect(colleaguePage).toHaveURL(new RegExp(`${orgPath}$`));
  await colleaguePage.goto(`${orgPath}/settings/members`);
  await expect(colleaguePage.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expect(colleaguePage.getByRole("button", { name: "Create invitation" })).toHaveCount(0);

  await page.goto(`${orgPath}/settings/activity`);
  await expect(page.getByText(/changed Carl Colleague.s role from manager to viewer/)).toBeVisible();

  await founder.close();
  await colleague.close();
});
