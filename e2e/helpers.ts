// Steps shared by the specs, written the way a person uses the app.
import { expect, type Locator, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export const DEMO_PASSWORD = "waymark-demo";
export const PASSWORD = "a long enough password";

export const uniqueEmail = (who: string) => `${who}-${randomBytes(3).toString("hex")}@example.test`;

export async function signUp(page: Page, input: { name: string; email: string; password?: string }) {
  if (!page.url().includes("/sign-up")) await page.goto("/sign-up");
  await page.getByLabel("Name").fill(input.name);
  const email = page.getByLabel("Email");
  if (await email.isEditable()) await email.fill(input.email);
  await page.getByLabel("Password").fill(input.password ?? PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/sign-up/);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function signOut(page: Page) {
  await page.context().clearCookies();
}

/** Screenshots kept as test artifacts (test-results/screenshots). */
export async function snap(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Posts a tRPC mutation the way the browser client does, with the page's cookies. */
export async function postMutation(page: Page, path: string, input: unknown) {
  const response = await page.request.post(`/api/trpc/${path}`, {
    data: { json: input },
    headers: { "content-type": "application/json" },
  });
  return { status: response.status(), body: (await response.json()) as { error?: { json?: { data?: { code?: string } } } } };
}

/** Scrolls a journey board sideways so a touchpoint card (and its column of the lanes) sits just right of the sticky row labels. */
export async function showCard(card: Locator) {
  await card.evaluate((element) => {
    const board = element.closest<HTMLElement>("[role=region]")!;
    const labels = board.querySelector<HTMLElement>(".sticky")!.getBoundingClientRect();
    board.scrollLeft += element.getBoundingClientRect().left - labels.right - 8;
  });
}

/** Dismisses the toasts, one at a time (dismissing one, or its own timer, shifts the others), so they do not cover a screenshot. */
export async function dismissToasts(page: Page) {
  const toasts = page.locator('[aria-live="polite"] button[aria-label="Dismiss"]');
  for (let i = 0; i < 10 && (await toasts.count()) > 0; i++) await toasts.first().click({ timeout: 2_000 }).catch(() => {});
}

/** Reads a tRPC query the way the browser client does, with the page's cookies. */
export async function readQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}
