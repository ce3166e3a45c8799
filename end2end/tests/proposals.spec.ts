// From a need to an agreed collaboration, with and without JavaScript: an agency lead opens a
// competency need and looks at its ranked offers; an academic proposes a tailored programme;
// the lead, told in the header, accepts it and reads the collaboration; the academic is told.
// Each browser mode uses its own agency and university, so the two never collide.
import { test, expect, hydrated, signIn } from "./fixtures";

test("an agency lead goes from a need to an agreed collaboration", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  // Three personas and a dozen pages: about 25 s without JavaScript, too near the default 30 s.
  test.setTimeout(90_000);
  const [lead, agency, academic, university, title] = hydrated(testInfo.project.name)
    ? ["kabid@diskominfotik.sinergi.example", "diskominfotik", "dosen@unila.sinergi.example", "Universitas Lampung", "Layanan Aduan Terpadu Hidrasi"]
    : ["kasubbag@bkd.sinergi.example", "bkd", "dosen@itera.sinergi.example", "Institut Teknologi Sumatera", "Layanan Aduan Terpadu Tanpa Skrip"];

  // The lead posts and opens a competency need.
  await signIn(page, lead);
  await page.goto(`/organisasi/${agency}/kebutuhan-baru?jenis=kompetensi`);
  const form = page.locator("form.course-form");
  await form.getByLabel("Judul", { exact: true }).fill(title);
  await form.getByLabel("Ringkasan", { exact: true }).fill("Petugas aduan perlu level 3 Pelayanan Publik.");
  await form.getByLabel("Justifikasi", { exact: true }).fill("Waktu tanggap aduan rata-rata 9 hari.");
  await form.getByLabel("Kompetensi", { exact: true }).selectOption("MNJ-05");
  await form.getByLabel("Level target", { exact: true }).selectOption("3");
  await form.getByLabel("Jumlah ASN", { exact: true }).fill("20");
  await form.getByLabel("Unit kerja", { exact: true }).fill("Bidang Pengaduan");
  await form.getByLabel("Tenggat", { exact: true }).fill("2027-12-15");
  await form.getByLabel("Anggaran", { exact: true }).fill("60000000");
  await form.getByRole("button", { name: "Simpan" }).click();
  await page.getByRole("button", { name: "Buka kebutuhan" }).click();
  await expect(page.locator(".history")).toContainText("Dibuka");
  const needUrl = page.url().split("?")[0];
  await page.getByRole("link", { name: "Lihat penawaran yang cocok" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Penawaran yang cocok");

  // The academic proposes a tailored programme from the need's page.
  await signIn(page, academic);
  await page.goto(needUrl);
  await page.getByRole("link", { name: "Ajukan proposal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Proposal untuk ${title}`);
  await checkA11y(page);
  const proposal = page.locator("form.proposal-form");
  await proposal.getByLabel("Program khusus untuk instansi").check();
  await expect(proposal.getByLabel("Kursi untuk instansi")).toHaveValue("20");
  await proposal.getByLabel("Biaya seluruhnya (Rp)").fill("45000000");
  await proposal.getByLabel("Mulai", { exact: true }).fill("2027-09-06");
  await proposal.getByLabel("Selesai", { exact: true }).fill("2027-09-10");
  await proposal.getByLabel("Pesan untuk instansi").fill("Kelas khusus lima hari untuk petugas aduan.");
  await proposal.getByRole("button", { name: "Kirim proposal" }).click();
  await expect(page.locator(".proposal")).toContainText("Menunggu keputusan");
  await expect(page.getByRole("link", { name: "Ajukan proposal" })).toHaveCount(0);

  // The lead is told in the header, and accepts it.
  await signIn(page, lead);
  await expect(page.locator(".nav-list .badge").first()).toBeVisible();
  await page.goto("/notifikasi");
  // Other tests may tell the same lead of their own needs at the same time: find this one.
  const received = page.locator(".notification", { hasText: title });
  await expect(received).toContainText(`${university} mengajukan proposal`);
  await checkA11y(page);
  await received.locator("a").first().click();
  await expect(page.locator(".proposal")).toContainText("Kelas khusus lima hari");
  await checkA11y(page);
  await page.getByRole("button", { name: "Terima proposal ini" }).click();
  await expect(page.locator(".proposal")).toContainText("Diterima");
  await expect(page.locator(".status-banner")).toContainText("Mendapat mitra");
  await page.getByRole("link", { name: "Lihat kolaborasi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kolaborasi: ${title}`);
  await expect(page.locator(".status-banner")).toContainText("Disepakati");
  await expect(page.locator(".facts").first()).toContainText("Rp45.000.000");
  await checkA11y(page);

  // The academic hears of it and starts the collaboration.
  await signIn(page, academic);
  await page.goto("/notifikasi");
  const accepted = page.locator(".notification", { hasText: title });
  await expect(accepted.first()).toContainText("menerima proposal Anda");
  await accepted.first().locator("a").first().click();
  await page.getByRole("button", { name: "Mulai berjalan" }).click();
  await expect(page.locator(".status-banner")).toContainText("Berjalan");
  void consoleErrors;
});
