// A hidden button is not a denied request: these post straight to the API.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, postMutation, signIn, signUp, snap, uniqueEmail } from "./helpers";

test("a viewer's mutation posted straight to /api/trpc is refused", async ({ page }) => {
  await signIn(page, "viewer@acme.test", DEMO_PASSWORD);
  await page.goto("/o/acme-outfitters/settings/teams");
  await expect(page.getByRole("button", { name: /new team|create team|add team/i })).toHaveCount(0);
  await snap(page, "teams-as-viewer");

  const create = await postMutation(page, "team.create", { orgSlug: "acme-outfitters", name: "Sneaky team" });
  expect(create.status).toBe(403);
  expect(create.body.error?.json?.data?.code).toBe("FORBIDDEN");

  const invite = await postMutation(page, "invitation.create", { orgSlug: "acme-outfitters", email: "x@example.test", role: "owner" });
  expect(invite.status).toBe(403);

  await page.reload();
  await expect(page.getByText("Sneaky team")).toHaveCount(0);
});

test("someone outside the organization gets not found, in pages and in the API", async ({ page }) => {
  await signUp(page, { name: "Outsider", email: uniqueEmail("outsider") });
  const response = await page.goto("/o/acme-outfitters");
  expect(response?.status()).toBe(404);
  const create = await postMutation(page, "team.create", { orgSlug: "acme-outfitters", name: "Intruders" });
  expect(create.status).toBe(404);
  expect(create.body.error?.json?.data?.code).toBe("NOT_FOUND");
});

test("signed out, the API refuses and pages send you to sign in", async ({ page }) => {
  const create = await postMutation(page, "team.create", { orgSlug: "acme-outfitters", name: "Anon" });
  expect(create.status).toBe(401);
  await page.goto("/o/acme-outfitters/settings/members");
  await expect(page).toHaveURL(/\/sign-in/);
  await snap(page, "sign-in");
});

test("wrong password gets one clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("manager@acme.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
});
