// The whole Sinergi loop, with and without JavaScript, as three personas: an academic writes and
// publishes a course; an agency lead posts and opens a competency need for one civil servant; the
// academic proposes the existing course for it with one seat; the lead accepts, narrows the staff
// by unit and by gap, and nominates the civil servant into the reserved seat; the academic ticks
// them present at every session, enters a passing post-test score and closes the course; the
// civil servant finds the course completed, follows the certificate to its public verification
// page, downloads the PDF and sees the JP credited to this year's ledger; the lead sees the need
// fulfilled and the collaboration's "1 of 1 completed".
// Each browser mode uses its own agency, civil servant and university, so the two never collide;
// the two civil servants are used by no other spec (their JP ledgers must start at 0). Other specs
// share the leads and academics, so rows and notifications are found by this spec's own titles.
import { test, expect, hydrated, signIn } from "./fixtures";

/** The WIB (UTC+7) calendar date `days` after today, as YYYY-MM-DD. */
function wibDate(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test("the whole loop: a need, a course, a certificate and the JP", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(120_000);
  const who = hydrated(testInfo.project.name)
    ? {
        lead: "kabid@diskominfotik.sinergi.example",
        leadName: "Hendra Wijaya, S.Kom., M.T.",
        agency: "diskominfotik",
        asn: "asn4@diskominfotik.sinergi.example",
        asnName: "Rina Marlina, S.Kom.",
        unit: "Bidang Statistik",
        academic: "dosen@unila.sinergi.example",
        university: "unila",
        universityName: "Universitas Lampung",
        course: "Statistik Sektoral dan Dasbor Data Hidrasi",
        need: "Penyusunan Data Statistik Sektoral OPD Hidrasi",
      }
    : {
        lead: "kasubbag@bkd.sinergi.example",
        leadName: "Rahmat Hidayat, S.H.",
        agency: "bkd",
        asn: "asn2@bkd.sinergi.example",
        asnName: "Bayu Pratama, S.E.",
        unit: "Bidang Pengembangan Karier",
        academic: "dosen@itera.sinergi.example",
        university: "itera",
        universityName: "Institut Teknologi Sumatera",
        course: "Statistik Sektoral dan Dasbor Data Tanpa Skrip",
        need: "Penyusunan Data Statistik Sektoral OPD Tanpa Skrip",
      };
  // A "pelatihan" (training) course credits its programme JP as declared (100%, national).
  const jp = 16;
  const year = wibDate(0).slice(0, 4);
  const [opens, closes, firstDay, secondDay, deadline] = [0, 7, 14, 15, 60].map(wibDate);

  let courseUrl = "";
  await test.step("the academic writes and publishes a course", async () => {
    await signIn(page, who.academic);
    await page.goto(`/organisasi/${who.university}`);
    await page.getByRole("link", { name: "Tulis kursus baru" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kursus baru");
    const form = page.locator("form.course-form");
    await form.getByLabel("Judul", { exact: true }).fill(who.course);
    await form.getByLabel("Ringkasan (satu atau dua kalimat)").fill("Menyusun dan menyajikan data statistik sektoral perangkat daerah.");
    await form.getByLabel("Uraian", { exact: true }).fill("## Materi\n\n- Standar data statistik\n- Dasbor data");
    await form.getByLabel("Kompetensi 1", { exact: true }).selectOption("TEK-DATA-01");
    await form.getByLabel("Level setelah kursus 1", { exact: true }).selectOption("3");
    await form.getByLabel("Jam pelajaran", { exact: true }).fill(String(jp));
    // The form offers "pelatihan" by default; chosen here so that the JP expected is plain.
    await form.getByLabel("Bentuk pembelajaran (tabel konversi LAN)").selectOption("pelatihan");
    await form.getByLabel("Moda", { exact: true }).selectOption("blended");
    await form.getByLabel("Lokasi", { exact: true }).selectOption("1871");
    for (const [n, day] of [[1, firstDay], [2, secondDay]] as const) {
      await form.getByLabel(`Tanggal sesi ${n}`, { exact: true }).fill(day);
      await form.getByLabel(`Mulai sesi ${n}`, { exact: true }).fill("08:00");
      await form.getByLabel(`Selesai sesi ${n}`, { exact: true }).fill("15:00");
      await form.getByLabel(`Tempat atau tautan sesi ${n}`, { exact: true }).fill("Laboratorium Data");
    }
    await form.getByLabel("Kapasitas", { exact: true }).fill("25");
    await form.getByLabel("Biaya per peserta (rupiah, 0 = gratis)").fill("0");
    await form.getByLabel("Pendaftaran dibuka").fill(opens);
    await form.getByLabel("Pendaftaran ditutup").fill(closes);
    await form.getByLabel("Kehadiran minimal (%)").fill("80");
    await form.getByLabel("Nilai post-test minimal (0\u2013100)").fill("70");
    await form.getByLabel("Nama pengajar 1", { exact: true }).fill("Dr. Uji Alur");
    await form.getByRole("button", { name: "Simpan draf" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(who.course);
    await expect(page.locator(".status-banner")).toContainText("Draf");
    await page.getByRole("button", { name: "Terbitkan" }).click();
    await expect(page.locator(".status-banner")).toHaveCount(0);
    await expect(page.locator(".history")).toContainText("Terbit");
    await expect(page.locator(".facts").first()).toContainText(`${jp} JP`);
    await expect(page.locator(".facts").first()).toContainText(
      "Kehadiran minimal 80% dan nilai post-test minimal 70",
    );
    courseUrl = new URL(page.url()).pathname;
    expect(courseUrl).toMatch(/^\/katalog\/kursus\/[^/]+$/);
  });

  let needUrl = "";
  await test.step("the lead posts and opens a competency need for one civil servant", async () => {
    await signIn(page, who.lead);
    await page.goto(`/organisasi/${who.agency}/kebutuhan-baru?jenis=kompetensi`);
    const form = page.locator("form.course-form");
    await form.getByLabel("Judul", { exact: true }).fill(who.need);
    await form.getByLabel("Ringkasan", { exact: true }).fill("Satu pranata perlu level 3 pengelolaan data statistik.");
    await form.getByLabel("Justifikasi", { exact: true }).fill("Data sektoral terlambat dua triwulan berturut-turut.");
    await form.getByLabel("Kompetensi", { exact: true }).selectOption("TEK-DATA-01");
    await form.getByLabel("Level target", { exact: true }).selectOption("3");
    await form.getByLabel("Jumlah ASN", { exact: true }).fill("1");
    await form.getByLabel("Unit kerja", { exact: true }).fill(who.unit);
    await form.getByLabel("Tenggat", { exact: true }).fill(deadline);
    await form.getByLabel("Anggaran", { exact: true }).fill("5000000");
    await form.getByRole("button", { name: "Simpan" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(who.need);
    await page.getByRole("button", { name: "Buka kebutuhan" }).click();
    await expect(page.locator(".history")).toContainText("Dibuka");
    needUrl = new URL(page.url()).pathname;
  });

  await test.step("the academic proposes the existing course with one seat", async () => {
    await signIn(page, who.academic);
    await page.goto(needUrl);
    await page.getByRole("link", { name: "Ajukan proposal" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Proposal untuk ${who.need}`);
    const proposal = page.locator("form.proposal-form");
    // Exact: the offer field's label also contains "penawaran yang sudah ada".
    await proposal.getByLabel("Penawaran yang sudah ada", { exact: true }).check();
    await proposal
      .getByLabel("Penawaran Anda (wajib untuk penawaran yang sudah ada, boleh kosong untuk program khusus)")
      .selectOption({ label: who.course });
    // The seats start from the need's headcount.
    await expect(proposal.getByLabel("Kursi untuk instansi")).toHaveValue("1");
    await proposal.getByLabel("Biaya seluruhnya (Rp)").fill("0");
    await proposal.getByLabel("Mulai", { exact: true }).fill(firstDay);
    await proposal.getByLabel("Selesai", { exact: true }).fill(secondDay);
    await proposal.getByLabel("Pesan untuk instansi").fill("Satu kursi di kelas terbuka kami.");
    await proposal.getByRole("button", { name: "Kirim proposal" }).click();
    const card = page.locator(".proposal");
    await expect(card).toContainText("Menunggu keputusan");
    await expect(card).toContainText(`${who.universityName} — Penawaran yang sudah ada`);
    await expect(card).toContainText(who.course);
  });

  let collaborationUrl = "";
  await test.step("the lead accepts and nominates the civil servant into the seat", async () => {
    await signIn(page, who.lead);
    await page.goto(needUrl);
    await page.getByRole("button", { name: "Terima proposal ini" }).click();
    await expect(page.locator(".proposal")).toContainText("Diterima");
    await expect(page.locator(".status-banner")).toContainText("Mendapat mitra");
    await page.getByRole("link", { name: "Lihat kolaborasi" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kolaborasi: ${who.need}`);
    await expect(page.locator(".facts").first()).toContainText(who.course);
    collaborationUrl = new URL(page.url()).pathname;

    const seats = page.getByRole("region", { name: "Peserta dari kursi cadangan" });
    await expect(seats).toContainText("0 dari 1 kursi cadangan telah terisi.");
    await expect(seats).toContainText("Belum ada peserta yang ditugaskan.");
    await expect(seats.locator(".fulfilment")).toHaveText("0 dari 1 ASN yang dibutuhkan telah lulus.");
    await expect(seats.getByRole("heading", { name: "Tugaskan ASN" })).toBeVisible();
    // The staff list narrowed to the civil servant's unit and to those short of the need's
    // level (a plain GET form). The civil servant has no certificate in it: still listed.
    await seats.getByLabel("Saring menurut unit kerja").selectOption(who.unit);
    const gap = seats.getByLabel(/^Hanya yang belum mencapai .+ level 3$/);
    await gap.check();
    await seats.getByRole("button", { name: "Saring", exact: true }).click();
    await expect(page).toHaveURL(/[?&]unit=.*&gap=1/);
    await expect(seats.getByLabel(/^Hanya yang belum mencapai .+ level 3$/)).toBeChecked();
    await expect(seats.getByLabel("Saring menurut unit kerja")).toHaveValue(who.unit);
    await checkA11y(page);
    await seats.getByLabel(who.asnName, { exact: true }).check();
    await seats.getByRole("button", { name: "Tugaskan yang dipilih" }).click();

    await expect(seats).toContainText("1 dari 1 kursi cadangan telah terisi.");
    const nominee = seats.getByRole("row").filter({ hasText: who.asnName });
    await expect(nominee).toContainText(who.unit);
    await expect(nominee).toContainText("Terdaftar");
    // Every reserved seat is taken: nothing more to nominate.
    await expect(seats.getByRole("button", { name: "Tugaskan yang dipilih" })).toHaveCount(0);
  });

  await test.step("the civil servant is told, and has no JP yet", async () => {
    await signIn(page, who.asn);
    await page.goto("/notifikasi");
    await expect(page.locator(".notification", { hasText: who.course }).first()).toContainText(
      `${who.leadName} menugaskan Anda mengikuti kursus “${who.course}”.`,
    );
    await page.goto("/kursus-saya");
    const row = page.getByRole("row").filter({ hasText: who.course });
    await expect(row).toContainText("Terdaftar");
    await expect(row).toContainText(`Ditugaskan oleh ${who.leadName}`);
    await page.goto("/jp-saya");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jam pelajaran (JP) saya");
    await expect(page.locator(".jp-figure")).toHaveText(`0 / 20 JP pada tahun ${year}`);
    await expect(page.getByText("Belum ada catatan JP pada tahun ini.")).toBeVisible();
  });

  await test.step("the academic records attendance and the post-test, and closes the course", async () => {
    await signIn(page, who.academic);
    await page.goto(courseUrl);
    await page.getByRole("link", { name: "Peserta dan presensi" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Peserta: ${who.course}`);
    await expect(page.getByText("1 peserta dengan kursi terkonfirmasi.")).toBeVisible();
    await checkA11y(page);

    const sessions = page.getByRole("region", { name: "Sesi", exact: true });
    const sessionRows = sessions.locator("tbody tr");
    await expect(sessionRows).toHaveCount(2);
    // Each session's list is its own address (?sesi=): followed from the sessions table, in the
    // browser's router when hydrated, as a plain link without JavaScript.
    for (const i of [0, 1]) {
      await sessionRows.nth(i).getByRole("link").first().click();
      const list = page.getByRole("region", { name: `Daftar hadir sesi ${i + 1}` });
      await list.getByLabel(who.asnName, { exact: true }).check();
      await list.getByRole("button", { name: "Simpan daftar hadir" }).click();
      await expect(sessionRows.nth(i).locator("td").nth(1)).toHaveText("1 / 1");
    }

    const scores = page.getByRole("region", { name: "Nilai pre-test dan post-test" });
    await scores.getByLabel("Pre-test", { exact: true }).fill("55");
    await scores.getByLabel("Post-test", { exact: true }).fill("85");
    // Nothing on the page changes when the scores are saved: wait for the post itself to be
    // answered, then read them back from the server, not from what was typed.
    const posted = page.waitForRequest((r) => r.method() === "POST");
    await scores.getByRole("button", { name: "Simpan nilai" }).click();
    await (await posted).response();
    await page.reload();
    await expect(scores.getByLabel("Pre-test", { exact: true })).toHaveValue("55");
    await expect(scores.getByLabel("Post-test", { exact: true })).toHaveValue("85");
    await expect(sessionRows.nth(0).locator("td").nth(1)).toHaveText("1 / 1");
    await expect(sessionRows.nth(1).locator("td").nth(1)).toHaveText("1 / 1");

    await page.goto(courseUrl);
    await page.locator(".manage").getByRole("button", { name: "Tutup", exact: true }).click();
    await expect(page.locator(".status-banner")).toContainText("Ditutup");
    await expect(page.locator(".history")).toContainText("Ditutup");
    // The sheet now links the participant's certificate.
    await page.goto(`${courseUrl}/peserta`);
    await expect(scores.getByRole("link", { name: "Sertifikat" })).toBeVisible();
  });

  await test.step("the civil servant has a valid certificate and the JP", async () => {
    await signIn(page, who.asn);
    await page.goto("/notifikasi");
    await expect(
      page.locator(".notification", { hasText: `Anda menyelesaikan kursus “${who.course}”. Selamat!` }),
    ).toHaveCount(1);

    await page.goto("/kursus-saya");
    const row = page.getByRole("row").filter({ hasText: who.course });
    await expect(row.locator('td[data-status="completed"]')).toContainText("Selesai");
    await expect(row).toContainText("Kehadiran 100% (syarat 80%) · post-test 85 (syarat 70)");
    await row.getByRole("link", { name: "Sertifikat", exact: true }).click();

    await expect(page).toHaveURL(/\/verifikasi\/[^/?#]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verifikasi sertifikat");
    const certificate = page.locator('.certificate[data-certificate="valid"]');
    await expect(certificate.locator(".verdict")).toHaveText("Sertifikat ini sah.");
    const facts = certificate.locator(".facts");
    await expect(facts).toContainText(who.asnName);
    await expect(facts).toContainText(who.course);
    await expect(facts).toContainText(who.universityName);
    await expect(facts.locator("dd").nth(4)).toHaveText(String(jp));
    await checkA11y(page);
    const href = await page.getByRole("link", { name: "Unduh sertifikat (PDF)" }).getAttribute("href");
    expect(href).toMatch(/^\/verifikasi\/[^/]+\/sertifikat\.pdf$/);
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    await page.goto("/jp-saya");
    await expect(page.locator(".jp-figure")).toHaveText(`${jp} / 20 JP pada tahun ${year}`);
    await expect(page.locator(".jp-short")).toHaveText(
      `Masih kurang ${20 - jp} JP untuk memenuhi minimal 20 JP tahun ini.`,
    );
    const line = page.getByRole("row").filter({ hasText: who.course });
    await expect(line).toContainText("Kursus di Sinergi");
    await expect(line).toContainText(who.universityName);
    await expect(line.locator("td").nth(3)).toHaveText(String(jp));
    await expect(line.locator('td[data-status="credited"]')).toHaveText("Diakui");
    await checkA11y(page);
  });

  await test.step("the lead sees the need fulfilled", async () => {
    await signIn(page, who.lead);
    await page.goto(needUrl);
    await expect(page.locator(".status-banner")).toContainText("Terpenuhi");
    await expect(page.locator(".history")).toContainText("Terpenuhi");
    await page.getByRole("link", { name: "Lihat kolaborasi" }).click();
    await expect(page).toHaveURL(new RegExp(`${collaborationUrl}$`));
    const seats = page.getByRole("region", { name: "Peserta dari kursi cadangan" });
    await expect(seats.locator(".fulfilment")).toHaveText("1 dari 1 ASN yang dibutuhkan telah lulus.");
    await expect(seats.getByRole("row").filter({ hasText: who.asnName })).toContainText("Selesai");
  });
  void consoleErrors;
});
