// Survey uploads in the browser, against the demo organization's journey map: a manager
// creates a survey per survey tool, drops its export into the wizard, confirms the proposed
// mapping (a fixed touchpoint where the file names none), checks the whole file, imports it
// and sees the counts; a re-upload adds nothing; a file with a bad row names the line and
// column and stores nothing. Every step is photographed at 1280 and 390 px.
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD, signIn, snap } from "./helpers";

const ORG = "acme-outfitters";
const fixture = (name: string) => `e2e/fixtures/${name}`;

async function newSurvey(page: Page, name: string) {
  await page.goto(`/o/${ORG}/surveys`);
  await page.getByRole("link", { name: "New survey" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page).toHaveURL(/\/surveys\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
}

async function chooseFile(page: Page, name: string) {
  await page.getByLabel("Survey export file").setInputFiles(fixture(name));
  await expect(page.getByRole("button", { name: "Check the whole file" })).toBeVisible();
}

async function both(page: Page, name: string) {
  await snap(page, `surveys-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, `surveys-${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

const suffix = () => randomBytes(2).toString("hex");

test.describe("survey uploads", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "manager@acme.test", DEMO_PASSWORD);
  });

  test("a Qualtrics export: preview, mapping, dry run, import, then a re-upload adds nothing", async ({ page }) => {
    await page.goto(`/o/${ORG}/surveys`);
    await both(page, "list");
    await newSurvey(page, `Delivery pulse ${suffix()}`);
    await both(page, "step1-file");

    await chooseFile(page, "qualtrics.csv");
    await expect(page.getByText(/Qualtrics export/)).toBeVisible();
    await expect(page.getByLabel("Response id")).toHaveValue("ResponseId");
    await both(page, "step2-mapping");

    await page.getByRole("button", { name: "Check the whole file" }).click();
    await expect(page.getByText(/Every row reads correctly: 3 new, 0 already imported/)).toBeVisible();
    await expect(page.getByRole("table", { name: "Rows as they will be stored" }).getByRole("row")).toHaveCount(4);
    await both(page, "step3-dry-run");

    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByText("Imported 3 responses.")).toBeVisible();
    await both(page, "step4-imported");
    await expect(page.getByRole("list", { name: "Imports" }).getByText("qualtrics.csv")).toBeVisible();

    await page.getByRole("button", { name: "Upload another file" }).click();
    await chooseFile(page, "qualtrics.csv");
    await expect(page.getByText(/mapping saved from this survey's last import/)).toBeVisible();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByText("Nothing new: 3 duplicates. Every response in this file was imported before.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Imports" }).getByRole("listitem")).toHaveCount(2);
    await both(page, "step4-reupload");
  });

  test("SurveyMonkey finds its touchpoints in a column; Google Forms and Typeform get a fixed touchpoint", async ({ page }) => {
    await newSurvey(page, `Support ${suffix()}`);
    await chooseFile(page, "surveymonkey.csv");
    await expect(page.getByText(/SurveyMonkey export/)).toBeVisible();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByText("Imported 3 responses.")).toBeVisible();

    for (const [file, touchpoint, layout] of [
      ["google-forms.csv", "Set-up instructions", "Google Forms"],
      ["typeform.csv", "Checkout and payment", "Typeform"],
    ] as const) {
      await newSurvey(page, `${layout} ${suffix()}`);
      await chooseFile(page, file);
      await expect(page.getByText(new RegExp(`${layout} export`))).toBeVisible();
      await page.getByLabel("Touchpoint", { exact: true }).selectOption("fixed");
      await page.getByLabel("Touchpoint for every response").selectOption({ label: touchpoint });
      if (file === "google-forms.csv") {
        await expect(page.getByText("Each response gets an id derived from its content, so uploading the same file again adds nothing twice.")).toBeVisible();
        await both(page, "step2-fixed-touchpoint");
      }
      await page.getByRole("button", { name: "Check the whole file" }).click();
      await expect(page.getByText(/Every row reads correctly: 3 new/)).toBeVisible();
      await page.getByRole("button", { name: "Import", exact: true }).click();
      await expect(page.getByText("Imported 3 responses.")).toBeVisible();
    }
  });

  test("a file with a bad row: the problem by line and column, and nothing stored", async ({ page }) => {
    await newSurvey(page, `Payments ${suffix()}`);
    await chooseFile(page, "bad-row.csv");
    await page.getByRole("button", { name: "Check the whole file" }).click();
    const problems = page.getByRole("list", { name: "Problems" });
    await expect(problems.getByText(/Line 3/)).toBeVisible();
    await expect(problems).toContainText("csat");
    await both(page, "step3-problems");

    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByText(/Nothing was imported: 1 row has problems/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Download the error report (CSV)" })).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the error report (CSV)" }).click();
    expect((await download).suggestedFilename()).toBe("bad-row-errors.csv");
    await both(page, "step4-rejected");

    await page.goto(`/o/${ORG}/surveys`);
    const row = page.getByRole("list", { name: "Surveys" }).getByRole("listitem").filter({ hasText: "Payments" });
    await expect(row).toContainText("0 responses");
    await expect(row).toContainText("Rejected");
  });
});
