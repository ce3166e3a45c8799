// The public catalogue, with and without JavaScript: a visitor finds a course by words and
// filters and opens it; an academic publishes a draft course, which then appears in search. Each
// browser mode publishes its own draft, so the two never collide.
import { test, expect, hydrated, signIn } from "./fixtures";

test("a visitor finds a course by words and filters, and opens it", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  const live = hydrated(testInfo.project.name);
  await page.goto("/");
  await page.getByRole("link", { name: "Katalog", exact: true }).click();
  await expect(page).toHaveURL(/\/katalog$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Katalog kursus dan riset");
  await checkA11y(page);

  const search = page.getByRole("search");
  if (live) {
    // A marker on the window survives only if the page is never reloaded.
    await page.evaluate(() => ((window as unknown as { stay: number }).stay = 1));
  }
  await search.getByLabel("Kata kunci").fill("arsip");
  // Hydrated, results follow the typing; without JavaScript the form is submitted.
  if (!live) await search.getByRole("button", { name: "Cari" }).click();
  await expect(page).toHaveURL(/q=arsip/);
  const results = page.locator(".offer-card h3");
  await expect(results).toHaveText([
    /Pengelolaan Arsip Dinamis Berbasis Elektronik|Digitalisasi Arsip Penyuluhan Pertanian/,
    /Pengelolaan Arsip Dinamis Berbasis Elektronik|Digitalisasi Arsip Penyuluhan Pertanian/,
  ]);

  await search.getByLabel("Jenis", { exact: true }).selectOption({ label: "Kursus" });
  await search.getByLabel("Biaya").selectOption({ label: "Berbayar" });
  if (!live) await search.getByRole("button", { name: "Cari" }).click();
  await expect(page.locator(".result-count")).toHaveText("1 hasil");
  await expect(page).toHaveURL(/biaya=berbayar/);
  if (live) {
    expect(await page.evaluate(() => (window as unknown as { stay?: number }).stay)).toBe(1);
  }
  await expect(search.getByLabel("Kata kunci")).toHaveValue("arsip");
  await checkA11y(page);

  await page.getByRole("link", { name: "Pengelolaan Arsip Dinamis Berbasis Elektronik" }).click();
  await expect(page).toHaveURL(/\/katalog\/kursus\/pengelolaan-arsip-dinamis-berbasis-elektronik$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pengelolaan Arsip Dinamis Berbasis Elektronik");
  await expect(page.locator(".facts")).toContainText("30 JP");
  await expect(page.locator(".facts")).toContainText("Rp1.000.000");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd["@type"]).toBe("Course");
  expect(jsonLd.provider.name).toBe("Politeknik Negeri Lampung");
  await checkA11y(page);
  void consoleErrors;
});

test("an academic writes a course, publishes it, and a visitor finds it", async ({
  page,
  checkA11y,
}, testInfo) => {
  const [email, university, title] = hydrated(testInfo.project.name)
    ? ["dosen@unila.sinergi.example", "unila", "Tata Kelola Data Terbuka Hidrasi"]
    : ["dosen@itera.sinergi.example", "itera", "Tata Kelola Data Terbuka Tanpa Skrip"];
  await signIn(page, email);
  await page.goto(`/organisasi/${university}`);
  await page.getByRole("link", { name: "Tulis kursus baru" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kursus baru");
  await checkA11y(page);

  const form = page.locator("form.course-form");
  await form.getByLabel("Judul").fill(title);
  await form.getByLabel("Ringkasan (satu atau dua kalimat)").fill("Membuka data perangkat daerah dengan aman.");
  await form.getByLabel("Uraian").fill("## Materi\n\n- Standar data\n- Portal data");
  await form.getByLabel("Kompetensi 1", { exact: true }).selectOption("TEK-DATA-01");
  await form.getByLabel("Level setelah kursus 1", { exact: true }).selectOption("3");
  await form.getByLabel("Jam pelajaran").fill("24");
  await form.getByLabel("Moda").selectOption("blended");
  await form.getByLabel("Lokasi").selectOption("1871");
  await form.getByLabel("Tanggal sesi 1", { exact: true }).fill("2027-09-06");
  await form.getByLabel("Mulai sesi 1", { exact: true }).fill("08:00");
  await form.getByLabel("Selesai sesi 1", { exact: true }).fill("15:00");
  await form.getByLabel("Tempat atau tautan sesi 1", { exact: true }).fill("Ruang Rapat Diskominfotik");
  await form.getByLabel("Kapasitas").fill("25");
  await form.getByLabel("Biaya per peserta (rupiah, 0 = gratis)").fill("0");
  await form.getByLabel("Pendaftaran dibuka").fill("2027-08-01");
  await form.getByLabel("Pendaftaran ditutup").fill("2027-09-01");
  await form.getByLabel("Nama pengajar 1", { exact: true }).fill("Dr. Uji Coba");
  await form.getByRole("button", { name: "Simpan draf" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".status-banner")).toContainText("Draf");
  await expect(page.locator(".prose h2")).toHaveText("Materi");
  await checkA11y(page);
  await page.getByRole("button", { name: "Terbitkan" }).click();
  await expect(page.locator(".status-banner")).toHaveCount(0);
  await expect(page.locator(".history")).toContainText("Terbit");

  // A visitor (signed out) finds it by words and a filter.
  await page.context().clearCookies();
  await page.goto(`/katalog?q=${encodeURIComponent(title)}&kompetensi=TEK-DATA-01&level=3`);
  await expect(page.locator(".offer-card h3")).toHaveText([title]);
});
