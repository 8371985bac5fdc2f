// Waymark on a phone: below the `md` breakpoint the side nav is hidden and a menu button in the
// header opens the same sections in a drawer. The main pages fit 390 px without scrolling
// sideways; each is photographed at 390 px and at 1280 px.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn, snap } from "./helpers";

const ORG = "/o/acme-outfitters";
const SECTIONS = [
  ["Journeys", `${ORG}/journeys`],
  ["Personas", `${ORG}/personas`],
  ["Members", `${ORG}/settings/members`],
  ["Teams", `${ORG}/settings/teams`],
  ["Overview", ORG],
] as const;

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

test.use({ viewport: PHONE });

const menuButton = (page: Page) => page.getByRole("button", { name: "Open navigation" });
const drawer = (page: Page) => page.getByRole("dialog", { name: "Navigation" });

/** Soft, so every page is still photographed; the message names what sticks out. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth, offenders } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    const offenders = [...document.querySelectorAll("body *")]
      // An absolutely positioned element escapes a scroll box that is not its containing block.
      .filter((el) => el.getBoundingClientRect().right > width + 1 && (getComputedStyle(el).position === "absolute" || !clipped(el)))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, offenders };
  });
  expect.soft(scrollWidth, `${page.url()} scrolls sideways: ${offenders.join("; ")}`).toBeLessThanOrEqual(clientWidth);
}

async function expectInsideViewport(page: Page, name: string) {
  const box = await page.getByRole("button", { name }).first().boundingBox();
  expect(box, name).not.toBeNull();
  expect(box!.x, name).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, name).toBeLessThanOrEqual(PHONE.width);
}

test("on a phone the menu opens every main section, and the pages fit the screen", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "owner@acme.test", DEMO_PASSWORD);
  await page.goto(ORG);

  // The header fits: menu, organization switcher, bell and account menu all on screen.
  await expect(page.getByRole("navigation", { name: "Organization" })).toBeHidden();
  for (const name of ["Open navigation", "Switch organization", "Account menu"]) await expectInsideViewport(page, name);
  await expectInsideViewport(page, "Notifications");

  for (const [section, path] of SECTIONS) {
    const button = menuButton(page);
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(drawer(page)).toBeVisible();
    expect(await button.getAttribute("aria-controls")).toBe(await drawer(page).getAttribute("id"));
    // Focus moved into the drawer.
    await expect.poll(() => drawer(page).evaluate((el) => el.contains(document.activeElement))).toBe(true);

    await drawer(page).getByRole("link", { name: section, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(drawer(page)).toBeHidden();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await snap(page, `mobile-390-${section.toLowerCase()}`);
    await expectNoSidewaysScroll(page);
    if (section === "Members") {
      // The table's controls are usable without scrolling it: a whole role picker, the remove button.
      expect((await page.getByLabel("Role of Maya Manager").boundingBox())!.width).toBeGreaterThanOrEqual(100);
      await expectInsideViewport(page, "Remove Maya Manager");
      const table = await page.getByRole("table").first().evaluate((el) => ({ scroll: el.parentElement!.scrollWidth, width: el.parentElement!.clientWidth }));
      expect(table.scroll, "the members table fits its card").toBeLessThanOrEqual(table.width);
    }
  }
});

test("the drawer closes on Escape and on a click outside, and gives focus back to the menu button", async ({ page }) => {
  await signIn(page, "owner@acme.test", DEMO_PASSWORD);
  await page.goto(ORG);
  const button = menuButton(page);

  await button.click();
  await expect(drawer(page)).toBeVisible();
  await expect(drawer(page).getByRole("link", { name: "Overview", exact: true })).toBeFocused();
  await page.screenshot({ path: "test-results/screenshots/mobile-390-drawer.png" });
  await page.keyboard.press("Escape");
  await expect(drawer(page)).toBeHidden();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();

  await button.click();
  await expect(drawer(page)).toBeVisible();
  await page.mouse.click(PHONE.width - 20, PHONE.height / 2);
  await expect(drawer(page)).toBeHidden();
  await expect(button).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`${ORG}$`));
});

test("on a laptop the side nav shows and the menu button does not", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(LAPTOP);
  await signIn(page, "owner@acme.test", DEMO_PASSWORD);
  for (const [section, path] of SECTIONS) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Organization" })).toBeVisible();
    await expect(menuButton(page)).toBeHidden();
    await snap(page, `mobile-1280-${section.toLowerCase()}`);
  }
});
