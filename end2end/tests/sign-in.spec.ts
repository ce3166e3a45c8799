// Signing in with a demo account and out again, with and without JavaScript.
import { test, expect } from "./fixtures";

const DEMO_PASSWORD = "demo sinergi lampung";

test("a coordinator signs in and out", async ({ page, consoleErrors, checkA11y }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/masuk$/);
  await checkA11y(page);

  await page.getByLabel("Email").fill("koordinator@unila.sinergi.example");
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();

  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.locator(".signed-in")).toContainText("Dr. Rina Kartikasari, M.Si.");
  await checkA11y(page);

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page.locator(".signed-in")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Masuk" })).toBeVisible();
  void consoleErrors;
});

test("a wrong password is refused with a clear message and no session", async ({ page, context }) => {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill("dosen@itera.sinergi.example");
  await page.getByLabel("Kata sandi").fill("bukan kata sandinya");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Email atau kata sandi salah.");
  await expect(page).toHaveURL(/\/masuk/);
  const cookies = await context.cookies();
  expect(cookies.filter((c) => c.name.includes("sinergi_session"))).toEqual([]);
});

test("the sign-in page speaks English under /en", async ({ page, checkA11y }) => {
  await page.goto("/en/masuk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Sinergi");
  await expect(page.getByLabel("Password")).toBeVisible();
  await checkA11y(page);
});
