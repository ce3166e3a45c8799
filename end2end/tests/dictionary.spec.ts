// The public competency dictionary: levels, with their behavioural indicators, fold open
// without JavaScript (native <details>).
import { test, expect } from "./fixtures";

test("a visitor reads the levels of a competency", async ({ page, checkA11y, consoleErrors }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Kamus kompetensi" }).first().click();
  await expect(page).toHaveURL(/\/kompetensi$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kamus kompetensi");
  await expect(page.locator('li[data-code="MNJ-05"] summary')).toContainText("Pelayanan Publik");
  const entry = page.locator('li[data-code="MNJ-05"]');
  await entry.locator("summary").click();
  await expect(entry.locator(".levels > li")).toHaveCount(5);
  await expect(entry.locator(".levels > li").first()).toBeVisible();
  // Each level of Pelayanan Publik lists its behavioural indicators.
  await expect(entry.locator(".levels > li").nth(2).locator(".indicators li")).toHaveText([
    "Mengelompokkan pengaduan per penyebab setiap bulan",
    "Mengusulkan perbaikan prosedur berdasarkan pola pengaduan",
  ]);
  await checkA11y(page);
  void consoleErrors;
});
