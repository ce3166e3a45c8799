// The header menu on a phone: an island when JavaScript runs, a plain visible menu without it.
import { test, expect, hydrated } from "./fixtures";

test.use({ viewport: { width: 375, height: 740 } });

test("the menu works on a narrow screen", async ({ page, consoleErrors, checkA11y }, testInfo) => {
  await page.goto("/");
  const toggle = page.locator("button.nav-toggle");
  const homeLink = page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Beranda" });
  if (hydrated(testInfo.project.name)) {
    // Hydrated: the island shows its button, the panel starts closed and opens on click.
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(homeLink).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(homeLink).toBeVisible();
  } else {
    // Without JavaScript nothing is hidden behind a button that cannot work.
    await expect(toggle).toBeHidden();
    await expect(homeLink).toBeVisible();
  }
  await checkA11y(page);
  void consoleErrors;
});
