// A civil servant takes a seat in a published course and gives it up again, with and without
// JavaScript: the course page's enrollment box, "Kursus saya", and the place's history.
// Each browser mode uses its own civil servant and course, so the two never collide (nor with
// the specs that deactivate or re-link other demo civil servants).
import { test, expect, hydrated, signIn } from "./fixtures";

test("a civil servant enrolls in a course, finds it under Kursus saya and gives the place up", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  const [person, title] = hydrated(testInfo.project.name)
    ? ["asn1@diskominfotik.sinergi.example", "Komunikasi Publik dan Media Sosial Instansi"]
    : ["admin@pemprov.sinergi.example", "Kerja Sama Tim dan Kolaborasi Lintas OPD"];

  await signIn(page, person);
  await page.goto(`/katalog?q=${encodeURIComponent(title)}`);
  await page.getByRole("link", { name: title }).first().click();
  const box = page.locator(".enrollment-box");
  await expect(box).toContainText("kursi tersedia");
  await checkA11y(page);
  await box.getByRole("button", { name: "Daftar", exact: true }).click();
  await expect(box.locator(".status-banner")).toContainText("Terdaftar");
  await expect(box.getByRole("button", { name: "Batalkan pendaftaran" })).toBeVisible();

  await page.goto("/kursus-saya");
  const row = page.getByRole("row").filter({ hasText: title }).first();
  await expect(row).toContainText("Terdaftar");
  await checkA11y(page);
  await row.getByRole("button", { name: "Batalkan pendaftaran" }).click();
  await expect(page.getByRole("row").filter({ hasText: title }).first()).toContainText("Dibatalkan");

  // Back on the course page the seat is free to take again.
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.locator(".enrollment-box").getByRole("button", { name: "Daftar", exact: true })).toBeVisible();
});
