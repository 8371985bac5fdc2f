// API keys end to end: an admin creates one in Settings and sees it once, a script posts
// responses with it, revoking it stops it; someone below admin gets neither the page nor
// the mutation (posted straight to the API).
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, postMutation, signIn, snap } from "./helpers";

const ORG = "acme-outfitters";
const PAGE = `/o/${ORG}/settings/api-keys`;

test("an owner creates a key, it works once pasted into a script, and revoking it refuses it", async ({ page }) => {
  await signIn(page, "owner@acme.test", DEMO_PASSWORD);
  await page.goto(PAGE);
  await page.getByRole("link", { name: "New key" }).click();
  const name = `Webhook ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel(/stats:read/).check();
  await page.getByLabel("Expires").selectOption({ label: "90 days" });
  await snap(page, "api-keys-new");
  await page.getByRole("button", { name: "Create key" }).click();

  const field = page.getByLabel("API key");
  await expect(field).toHaveValue(/^wmk_[A-Za-z0-9_-]{43}$/);
  const key = await field.inputValue();
  await snap(page, "api-keys-created");
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "api-keys-created-phone");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Done" }).click();
  // Shown once: the list has the prefix only.
  await expect(page.getByText(key)).toHaveCount(0);
  await expect(page.getByText(`${key.slice(0, 12)}…`).first()).toBeVisible();

  const auth = { authorization: `Bearer ${key}` };
  const touchpoints = await page.request.get("/api/v1/touchpoints", { headers: auth });
  expect(touchpoints.status()).toBe(200);
  const { touchpoints: list } = (await touchpoints.json()) as { touchpoints: { key: string }[] };
  const externalId = `e2e-${Date.now()}`;
  const body = { survey: "E2E feed", responses: [{ externalId, touchpoint: list[0]!.key, submittedAt: new Date().toISOString(), csat: 5, comment: "Sent with curl" }] };
  const posted = await page.request.post("/api/v1/responses", { headers: auth, data: body });
  expect(posted.status()).toBe(200);
  expect(await posted.json()).toMatchObject({ inserted: 1, duplicates: 0, rejected: [] });

  await page.reload();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByText("just now")).toBeVisible();
  await snap(page, "api-keys-list");
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "api-keys-list-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
  const refused = await page.request.post("/api/v1/responses", { headers: auth, data: body });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/revoked/);
});

test("a manager sees no API keys page, and the mutation posted straight to the API is refused", async ({ page }) => {
  await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  await page.goto(PAGE);
  await expect(page.getByText("API keys are for admins and owners")).toBeVisible();
  await expect(page.getByRole("link", { name: "New key" })).toHaveCount(0);
  await snap(page, "api-keys-as-manager");
  const create = await postMutation(page, "apiKey.create", { orgSlug: ORG, name: "Sneaky", scopes: ["responses:write"], expiresInDays: null });
  expect(create.status).toBe(403);
  expect(create.body.error?.json?.data?.code).toBe("FORBIDDEN");
});
