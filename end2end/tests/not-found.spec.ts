// Unknown addresses: a real 404 page, in the visitor's language, with a way back.
import { test, expect } from "./fixtures";

test("an unknown page answers 404 in Indonesian", async ({ page, checkA11y }) => {
  const response = await page.goto("/halaman-yang-tidak-ada");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
  await checkA11y(page);
  await page.getByRole("link", { name: "Kembali ke beranda" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("kesenjangan kompetensi");
});

test("an unknown English page answers 404 in English", async ({ page, checkA11y }) => {
  const response = await page.goto("/en/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await checkA11y(page);
});
