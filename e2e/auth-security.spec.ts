// Sign-in and sessions as an attacker would try them, through the real forms: crafted
// return paths never lead off-site, a stranger's guesses do not lock the owner out of a
// browser they signed in with before, and a session cookie copied before signing out is
// refused afterwards.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, PASSWORD, snap, uniqueEmail } from "./helpers";

// From issue 7, as an attacker writes them into a link (the query value is what the page reads).
const PAYLOADS = ["/\\evil.com", "/%5Cevil.com", "/%09/evil.com", "//evil.com", "///evil.com", "https://evil.com", "javascript:alert(document.domain)", "/\\/evil.com"];

/** The link both encoded (the value arrives as written) and raw (the browser decodes %5C, %09 once). */
const links = (page: "/sign-in" | "/sign-up", payload: string) => [`${page}?callbackUrl=${encodeURIComponent(payload)}`, `${page}?callbackUrl=${payload}`];

async function expectStillOnApp(page: Page, baseURL: string) {
  await page.waitForURL((url) => !/^\/sign-(in|up)/.test(url.pathname), { timeout: 20_000 });
  expect(new URL(page.url()).origin).toBe(new URL(baseURL).origin);
}

test.beforeEach(async ({ page }) => {
  // Should a redirect escape, fail fast instead of waiting on DNS.
  await page.route((url) => url.hostname.endsWith("evil.com"), (route) => route.abort());
});

for (const payload of PAYLOADS) {
  test(`sign-in and sign-up with callbackUrl ${JSON.stringify(payload)} stay on Waymark`, async ({ page, baseURL }) => {
    for (const link of links("/sign-in", payload)) {
      await page.context().clearCookies();
      await page.goto(link);
      await page.getByLabel("Email").fill("owner@acme.test");
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expectStillOnApp(page, baseURL!);
    }
    for (const link of links("/sign-up", payload)) {
      await page.context().clearCookies();
      await page.goto(link);
      await page.getByLabel("Name").fill("Mallory Target");
      await page.getByLabel("Email").fill(uniqueEmail("redirect"));
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      await expectStillOnApp(page, baseURL!);
    }
  });
}

test("a same-site return path is still honoured", async ({ page }) => {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/account")}`);
  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

async function signInAsOwner(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** The cookie header a thief would copy out of the browser. */
async function copiedCookieHeader(page: Page) {
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

test("signing in marks the browser with a signed device cookie the page cannot read", async ({ page }) => {
  await signInAsOwner(page);
  const device = (await page.context().cookies()).find((c) => c.name === "waymark-device");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(device!.value).toMatch(/^v1\.[0-9a-f-]{36}\.[0-9a-f-]{36}\.[\w-]+$/);
});

test("signing out ends the session on the server: a copied cookie is refused", async ({ page, browser, baseURL }) => {
  await signInAsOwner(page);
  const copied = await copiedCookieHeader(page);
  const me = () => page.request.get("/api/trpc/account.me", { headers: { cookie: copied } });
  expect((await me()).status()).toBe(200);

  await page.goto("/account");
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The replayed cookie, from outside the browser and from another browser.
  expect((await me()).status()).toBe(401);
  const thief = await browser.newContext({ baseURL });
  const thiefPage = await thief.newPage();
  await thiefPage.setExtraHTTPHeaders({ cookie: copied });
  await thiefPage.goto("/account");
  await expect(thiefPage).toHaveURL(/\/sign-in/);
  await thief.close();
});

test("sign out everywhere ends the sessions of other browsers too", async ({ page, browser, baseURL }) => {
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signInAsOwner(otherPage);
  await otherPage.goto("/account");
  await expect(otherPage.getByRole("heading", { name: "Account" })).toBeVisible();

  await signInAsOwner(page);
  await page.goto("/account");
  await snap(page, "account-sessions-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "account-sessions-390");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out-everywhere/);
  await expect(page.getByText("You were signed out on every device")).toBeVisible();
  await snap(page, "signed-out-everywhere-390");

  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});

/** One guess posted straight to next-auth's credentials endpoint, as a script would; returns the error code. */
async function guess(request: APIRequestContext, email: string, password: string, csrfToken: string, i: number) {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/" },
    // A forged address per guess: it must not buy the attacker a fresh budget.
    headers: { "x-forwarded-for": `10.66.${Math.floor(i / 250)}.${i % 250}` },
    maxRedirects: 0,
  });
  return new URL(response.headers().location ?? "", "http://x").searchParams.get("code") ?? `status ${response.status()}`;
}

test("a stranger's guesses lock unknown clients out, but not the owner's own browser", async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("owner");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Olga Owner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/sign-up/);
  await page.context().clearCookies({ name: /session-token/ });

  const attacker = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await attacker.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const codes = await Promise.all(Array.from({ length: 120 }, (_, i) => guess(attacker, email, `guess ${i}`, csrfToken, i)));
  const checked = codes.filter((c) => c === "invalid_credentials").length;
  expect(checked).toBeLessThanOrEqual(100);
  expect(codes.filter((c) => c === "rate_limited")).toHaveLength(120 - checked);
  expect(await guess(attacker, email, PASSWORD, csrfToken, 999)).toBe("rate_limited");
  await attacker.dispose();

  // The owner on a browser Waymark has not seen before is refused too...
  const newLaptop = await browser.newContext({ baseURL });
  const newLaptopPage = await newLaptop.newPage();
  await newLaptopPage.goto("/sign-in");
  await newLaptopPage.getByLabel("Email").fill(email);
  await newLaptopPage.getByLabel("Password").fill(PASSWORD);
  await newLaptopPage.getByRole("button", { name: "Sign in" }).click();
  await expect(newLaptopPage.getByText("Too many failed sign-in attempts")).toBeVisible();
  await newLaptop.close();

  // ...but the browser they signed in with before still gets in.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
});
