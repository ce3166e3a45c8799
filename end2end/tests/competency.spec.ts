// Competency assessment, with and without JavaScript: a civil servant rates themselves by a
// level's behavioural indicators, their agency lead opens their profile from the staff JP page
// and rates the same competency, and the lead's rating is the one that counts. Both browser
// modes use asn3@diskominfotik, each on its own competencies, so the two never collide.
import { test, expect, hydrated, signIn } from "./fixtures";

const RATED = "asn3@diskominfotik.sinergi.example";
const LEAD = "kabid@diskominfotik.sinergi.example";

test("a civil servant assesses themselves and their lead's assessment counts", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(60_000);
  const [own, byLead] = hydrated(testInfo.project.name) ? ["MNJ-02", "MNJ-04"] : ["MNJ-03", "MNJ-06"];

  await signIn(page, RATED);
  await page.getByRole("link", { name: "Kompetensi saya" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profil kompetensi saya");
  const ownRow = page.locator(`tr[data-competency="${own}"]`);
  await expect(ownRow).toContainText("Belum dinilai");
  await checkA11y(page);
  await ownRow.getByRole("link", { name: "Nilai diri" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Penilaian diri: ${own}`);
  await checkA11y(page);
  await page.locator("#level-3").check();
  await page.getByRole("button", { name: "Simpan penilaian" }).click();
  await expect(page).toHaveURL(/\/kompetensi-saya$/);
  await expect(page.locator(`tr[data-competency="${own}"]`)).toContainText("Level 3 (penilaian diri)");

  // The lead finds them on the staff JP page and rates another competency, then the same one.
  await signIn(page, LEAD);
  await page.goto("/jp-staf");
  await page.getByRole("row").filter({ hasText: "Dewi Anggraini" }).getByRole("link", { name: "Kompetensi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dewi Anggraini");
  await checkA11y(page);
  for (const code of [byLead, own]) {
    await page.locator(`tr[data-competency="${code}"]`).getByRole("link", { name: "Nilai", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Penilaian atasan");
    await page.locator("#level-2").check();
    await page.getByLabel("Catatan (tidak wajib)").fill("Dinilai dari kinerja triwulan ini.");
    await page.getByRole("button", { name: "Simpan penilaian" }).click();
    await expect(page).toHaveURL(/\/orang\/\d+\/kompetensi$/);
    await expect(page.locator(`tr[data-competency="${code}"]`)).toContainText("Level 2 (penilaian atasan)");
  }

  // Back as the civil servant: the lead's level counts over their own, and the history keeps both.
  await signIn(page, RATED);
  await page.goto("/kompetensi-saya");
  await expect(page.locator(`tr[data-competency="${own}"]`)).toContainText("Level 2 (penilaian atasan)");
  const history = page.getByRole("region", { name: "Riwayat penilaian" });
  await expect(history.getByRole("row").filter({ hasText: own })).toHaveCount(2);
  void consoleErrors;
});

test("an agency lead turns a gap into a need from the gap map", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(60_000);
  // Pranata Humas Ahli Pertama requires both at level 2; each mode rates its own one at 1.
  const code = hydrated(testInfo.project.name) ? "SK-01" : "MNJ-05";
  await signIn(page, LEAD);
  await page.goto("/jp-staf");
  await page.getByRole("row").filter({ hasText: "Dewi Anggraini" }).getByRole("link", { name: "Kompetensi" }).click();
  await page.locator(`tr[data-competency="${code}"]`).getByRole("link", { name: "Nilai", exact: true }).click();
  await page.locator("#level-1").check();
  await page.getByRole("button", { name: "Simpan penilaian" }).click();
  await expect(page.locator(`tr[data-competency="${code}"]`)).toContainText("Kurang 1 level");

  await page.goto("/jp-staf");
  await page.getByRole("link", { name: "Peta kesenjangan kompetensi" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kesenjangan kompetensi");
  await checkA11y(page);
  const row = page.locator(`tr[data-competency="${code}"]`);
  await expect(row.locator('td[data-unit="Bidang Informasi Publik"]')).toContainText("di bawah standar");
  await row.getByRole("link", { name: "Jadikan kebutuhan" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kebutuhan kompetensi baru");
  const form = page.locator("form.course-form");
  await expect(form.getByLabel("Kompetensi", { exact: true })).toHaveValue(code);
  await expect(form.getByLabel("Level target", { exact: true })).toHaveValue("2");
  await expect(form.getByLabel("Unit kerja", { exact: true })).toHaveValue(/Bidang Informasi Publik/);
  const title = `Kesenjangan ${code} ${testInfo.project.name}`;
  await form.getByLabel("Judul", { exact: true }).fill(title);
  await form.getByLabel("Ringkasan", { exact: true }).fill("ASN di bawah standar jabatan menurut peta kesenjangan.");
  await form.getByLabel("Justifikasi", { exact: true }).fill("Penilaian atasan menunjukkan kekurangan satu level.");
  await form.getByLabel("Tenggat", { exact: true }).fill("2027-10-30");
  await form.getByLabel("Anggaran", { exact: true }).fill("0");
  await form.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".status-banner")).toContainText("Draf");
  void consoleErrors;
});
