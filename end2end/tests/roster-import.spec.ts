// An agency lead imports the ASN roster from CSV, with and without JavaScript: a file with a
// wrong row saves nothing and lists the problem (also as a CSV report); the corrected file is
// imported. It adds civil servants, so it runs apart from the counts on the home page.
import { test, expect, hydrated, signIn } from "./fixtures";

function csvFile(rows: string[]) {
  const text = ["NIP;Nama;Email;Jabatan;Unit;Pangkat", ...rows].join("\n") + "\n";
  return { name: "daftar-asn.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf-8") };
}

test("an agency lead imports the roster after fixing a wrong row @changes-counts", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  // Each browser mode imports its own person.
  const [nip, email] = hydrated(testInfo.project.name)
    ? ["198705122010011001", "rudi.hartono@diskominfotik.example"]
    : ["199001012015022002", "maya.sari@diskominfotik.example"];
  const wrongNip = nip.slice(0, 14) + "3" + nip.slice(15); // sex digit 3
  await signIn(page, "kabid@diskominfotik.sinergi.example");
  await page.goto("/organisasi/diskominfotik");

  await page.getByLabel("Berkas CSV").setInputFiles(csvFile([`${wrongNip};Rudi Hartono;${email};Analis Data;Bidang Statistik;Penata, III/c`]));
  await page.getByRole("button", { name: "Impor", exact: true }).click();
  await expect(page).toHaveURL(/\/organisasi\/diskominfotik\/impor-asn\/\d+$/);
  await expect(page.locator("#roster-outcome")).toContainText("Tidak ada yang disimpan");
  await expect(page.locator("#roster-errors")).toContainText("jenis kelamin");
  await checkA11y(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Unduh laporan masalah (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^laporan-impor-\d+\.csv$/);

  await page.getByRole("link", { name: "Kembali ke halaman organisasi" }).click();
  await page.getByLabel("Berkas CSV").setInputFiles(csvFile([`${nip};Rudi Hartono;${email};Analis Data;Bidang Statistik;Penata, III/c`]));
  // Hydrated, the upload island sends the file itself (with progress); otherwise the form posts.
  const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/impor-asn"));
  await page.getByRole("button", { name: "Impor", exact: true }).click();
  const kind = (await sent).resourceType();
  expect(kind).toBe(hydrated(testInfo.project.name) ? "xhr" : "document");
  await expect(page.locator("#roster-outcome")).toContainText("Diimpor: 1 baris, 1 akun baru");
  await page.getByRole("link", { name: "Kembali ke halaman organisasi" }).click();
  await expect(page.locator("table")).toContainText("Rudi Hartono");
  void consoleErrors;
});
