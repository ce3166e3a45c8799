// A research need from its post to a collaboration and back, with and without JavaScript: the
// agency lead posts a research need; an academic proposes one of the university's research
// offers with the outputs it promises; the lead accepts; the academic later cancels the
// collaboration with a reason, and the need is open again for another university.
// Each browser mode uses its own agency and university, so the two never collide (and
// universities other than those of proposals.spec.ts, which runs beside it).
import { test, expect, hydrated, signIn } from "./fixtures";

test("a research need goes to a collaboration, and comes back when it is cancelled", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  const [lead, agency, academic, title] = hydrated(testInfo.project.name)
    ? ["kabid@diskominfotik.sinergi.example", "diskominfotik", "dosen@uin-ril.sinergi.example", "Kajian Kanal Aduan Hidrasi"]
    : ["kasubbag@bkd.sinergi.example", "bkd", "dosen@polinela.sinergi.example", "Kajian Kanal Aduan Tanpa Skrip"];

  // The lead posts and opens a research need.
  await signIn(page, lead);
  await page.goto(`/organisasi/${agency}/kebutuhan-baru?jenis=riset`);
  const form = page.locator("form.course-form");
  await form.getByLabel("Judul", { exact: true }).fill(title);
  await form.getByLabel("Ringkasan", { exact: true }).fill("Mengapa aduan warga lambat ditanggapi.");
  await form.getByLabel("Rumusan masalah", { exact: true }).fill("Waktu tanggap aduan rata-rata 9 hari.");
  await form.getByLabel("Tenggat", { exact: true }).fill("2027-12-15");
  await form.getByLabel("Anggaran", { exact: true }).fill("90000000");
  await form.getByLabel("Keluaran yang diharapkan", { exact: true }).fill("Rekomendasi perbaikan alur aduan.");
  await form.getByLabel("Evaluasi", { exact: true }).check();
  await form.getByLabel("Mulai paling cepat", { exact: true }).fill("2027-02-01");
  await form.getByRole("button", { name: "Simpan" }).click();
  await page.getByRole("button", { name: "Buka kebutuhan" }).click();
  await expect(page.locator(".history")).toContainText("Dibuka");
  const needUrl = page.url().split("?")[0];

  // The academic proposes an existing research offer, promising an evaluation.
  await signIn(page, academic);
  await page.goto(needUrl);
  await page.getByRole("link", { name: "Ajukan proposal" }).click();
  const proposal = page.locator("form.proposal-form");
  await proposal.getByRole("radio", { name: "Penawaran yang sudah ada" }).check();
  await proposal.getByLabel(/^Penawaran Anda/).selectOption({ index: 1 });
  await expect(proposal.getByLabel("Kursi untuk instansi")).toHaveCount(0);
  await proposal.getByLabel("Evaluasi", { exact: true }).check();
  await proposal.getByLabel("Biaya seluruhnya (Rp)").fill("85000000");
  await proposal.getByLabel("Mulai", { exact: true }).fill("2027-02-01");
  await proposal.getByLabel("Selesai", { exact: true }).fill("2027-07-30");
  await proposal.getByLabel("Pesan untuk instansi").fill("Kajian enam bulan dengan survei pelapor.");
  await checkA11y(page);
  await proposal.getByRole("button", { name: "Kirim proposal" }).click();
  await expect(page.locator(".proposal")).toContainText("Menunggu keputusan");

  // The lead accepts it: a collaboration with outputs instead of seats.
  await signIn(page, lead);
  await page.goto(needUrl);
  await page.getByRole("button", { name: "Terima proposal ini" }).click();
  await expect(page.locator(".status-banner")).toContainText("Mendapat mitra");
  await page.getByRole("link", { name: "Lihat kolaborasi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kolaborasi: ${title}`);
  await expect(page.locator(".facts").first()).toContainText("Evaluasi");
  await expect(page.locator(".facts").first()).toContainText("Rp85.000.000");
  const collaborationUrl = page.url().split("?")[0];

  // The academic cancels it, saying why: the need is open again.
  await signIn(page, academic);
  await page.goto(collaborationUrl);
  const reason = "Tim peneliti berhalangan tahun ini.";
  await page.getByLabel("Alasan pembatalan").fill(reason);
  await page.getByRole("button", { name: "Batalkan kolaborasi" }).click();
  await expect(page.locator(".status-banner")).toContainText("Dibatalkan");
  await checkA11y(page);
  await signIn(page, lead);
  await page.goto(needUrl);
  await expect(page.locator(".history")).toContainText(reason);
  // An open need carries no status banner (matched, closed and fulfilled ones do).
  await expect(page.locator(".status-banner")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Tutup", exact: true })).toBeVisible();
  void consoleErrors;
});

test("the province tunes the matching weights and everyone reads them", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  const note = hydrated(testInfo.project.name) ? "Uji bobot dengan skrip" : "Uji bobot tanpa skrip";
  await page.goto("/bobot-pencocokan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bobot pencocokan");
  await expect(page.getByRole("button", { name: "Simpan bobot" })).toHaveCount(0);
  await checkA11y(page);

  await signIn(page, "admin@pemprov.sinergi.example");
  await page.goto("/bobot-pencocokan");
  const form = page.locator("section.manage form");
  await form.getByLabel("Waktu", { exact: true }).fill("20");
  await form.getByLabel("Alasan perubahan").fill(note);
  await form.getByRole("button", { name: "Simpan bobot" }).click();
  await expect(page.locator("#weights-history")).toContainText(note);
  await checkA11y(page);
  void consoleErrors;
});
