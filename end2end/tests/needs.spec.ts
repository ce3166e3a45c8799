// Agency needs, with and without JavaScript: an agency lead writes a competency need with its
// evidence, opens it, and an academic of a verified university finds it among open needs. Each
// browser mode posts for its own agency, so the two never collide.
import { test, expect, hydrated, signIn } from "./fixtures";

test("an agency lead posts a competency need and a university finds it", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  const [email, agency, title] = hydrated(testInfo.project.name)
    ? ["kabid@diskominfotik.sinergi.example", "diskominfotik", "Komunikasi Krisis untuk Humas Hidrasi"]
    : ["kasubbag@bkd.sinergi.example", "bkd", "Komunikasi Krisis untuk Humas Tanpa Skrip"];
  await signIn(page, email);
  await page.goto(`/organisasi/${agency}`);
  await page.getByRole("link", { name: "Kebutuhan kompetensi baru" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kebutuhan kompetensi baru");
  await checkA11y(page);

  const form = page.locator("form.course-form");
  await form.getByLabel("Judul", { exact: true }).fill(title);
  await form.getByLabel("Ringkasan", { exact: true }).fill("Humas perlu level 3 Komunikasi saat krisis.");
  await form.getByLabel("Justifikasi", { exact: true }).fill("Dua krisis informasi pada 2026 ditangani lambat.");
  await form.getByLabel("Kompetensi", { exact: true }).selectOption("MNJ-03");
  await form.getByLabel("Level target", { exact: true }).selectOption("3");
  await form.getByLabel("Jumlah ASN", { exact: true }).fill("12");
  await form.getByLabel("Unit kerja", { exact: true }).fill("Bidang Informasi Publik\nSekretariat");
  await form.getByLabel("Moda yang diinginkan").selectOption("daring");
  await form.getByLabel("Tenggat", { exact: true }).fill("2027-10-30");
  await form.getByLabel("Anggaran", { exact: true }).fill("45000000");
  await form.getByLabel("Unit 1", { exact: true }).fill("Bidang Informasi Publik");
  await form.getByLabel("Bulan 1", { exact: true }).fill("2026-10");
  await form.getByLabel("Yang dihitung 1", { exact: true }).fill("Pengaduan SP4N-LAPOR!");
  await form.getByLabel("Jumlah 1", { exact: true }).fill("51");
  await form.getByRole("button", { name: "Simpan" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".status-banner")).toContainText("Draf");
  await expect(page.locator(".facts")).toContainText("Rp45.000.000");
  await expect(page.locator(".data-table tbody tr")).toHaveCount(1);
  await checkA11y(page);
  await page.getByRole("button", { name: "Buka kebutuhan" }).click();
  await expect(page.locator(".status-banner")).toHaveCount(0);
  await expect(page.locator(".history")).toContainText("Dibuka");

  // An academic of a verified university sees it among the open competency needs.
  await page.context().clearCookies();
  await signIn(page, "dosen@unila.sinergi.example");
  await page.goto("/kebutuhan");
  await page.getByLabel("Jenis", { exact: true }).selectOption({ label: "Kebutuhan kompetensi" });
  await page.getByLabel("Kompetensi", { exact: true }).selectOption("MNJ-03");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/kompetensi=MNJ-03/);
  await expect(page.locator(".need-card h3")).toContainText([title]);
  await checkA11y(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.locator(".facts")).toContainText("12");
  await expect(page.locator(".manage")).toHaveCount(0);
  void consoleErrors;
});
