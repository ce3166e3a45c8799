// The home page: live counts of the seeded database, in both languages.
import { test, expect } from "./fixtures";

// The demo seed (app/src/backend/services/seed): verified universities and agencies, ASN members,
// competencies in the dictionary.
const SEEDED = { universities: 10, agencies: 6, "civil-servants": 7, competencies: 13 };

test("the home page shows the live counts of the database", async ({ page, consoleErrors, checkA11y }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("kesenjangan kompetensi");
  for (const [key, value] of Object.entries(SEEDED)) {
    await expect(page.locator(`[data-count="${key}"] .count-value`)).toHaveText(String(value));
  }
  await expect(page).toHaveTitle("Sinergi");
  await checkA11y(page);
  void consoleErrors;
});

test("the language switch works both ways", async ({ page, consoleErrors, checkA11y }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Switch to English" }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("competency gaps");
  await expect(page.locator('[data-count="universities"] .count-label')).toHaveText("verified universities");
  await checkA11y(page);

  // The choice is remembered: the plain URL now leads to English.
  await page.goto("/");
  await expect(page).toHaveURL(/\/en\/$/);

  await page.getByRole("link", { name: "Ganti ke Bahasa Indonesia" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("kesenjangan kompetensi");
  void consoleErrors;
});

test("a browser that prefers English gets English", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});
