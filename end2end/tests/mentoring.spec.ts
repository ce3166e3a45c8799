// Mentoring, with and without JavaScript: the lead rates a senior at level 4, the senior offers
// to mentor that competency, a junior finds them and asks with a plan, the senior agrees and
// logs a session, the junior confirms it, the senior completes the mentoring, and the junior's
// JP for the year rise by the conversion table's mentoring row. Each browser mode uses its own
// competency and junior, so the two never collide (asn3 is rated elsewhere only in MNJ/SK codes).
import { test, expect, hydrated, signIn } from "./fixtures";

const LEAD = "kabid@diskominfotik.sinergi.example";
const SENIOR = "asn3@diskominfotik.sinergi.example";
const SENIOR_NAME = "Dewi Anggraini";

/** Today in Lampung (WIB, UTC+7), as a date field wants it; `days` later. */
function wibDate(days = 0): string {
  return new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function jpThisYear(page: import("@playwright/test").Page): Promise<number> {
  await page.goto("/jp-saya");
  const figure = (await page.locator(".jp-figure").textContent()) ?? "";
  const match = figure.match(/^(\d+) \/ 20 JP/);
  if (!match) throw new Error(`no JP figure in "${figure}"`);
  return Number(match[1]);
}

test("a mentoring pair logs and confirms a session and the mentee's JP rise", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(120_000);
  const [code, junior] = hydrated(testInfo.project.name)
    ? ["TEK-DATA-01", "asn2@diskominfotik.sinergi.example"]
    : ["TEK-SIBER-01", "asn1@diskominfotik.sinergi.example"];

  await test.step("the lead rates the senior at level 4", async () => {
    await signIn(page, LEAD);
    await page.goto("/jp-staf");
    await page.getByRole("row").filter({ hasText: SENIOR_NAME }).getByRole("link", { name: "Kompetensi" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(SENIOR_NAME);
    await page.goto(`${new URL(page.url()).pathname}/${code}`);
    await page.locator("#level-4").check();
    await page.getByRole("button", { name: "Simpan penilaian" }).click();
    await expect(page.locator(`tr[data-competency="${code}"]`)).toContainText("Level 4 (penilaian atasan)");
  });

  await test.step("the senior offers to mentor it", async () => {
    await signIn(page, SENIOR);
    await page.getByRole("link", { name: "Mentoring" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mentoring saya");
    await checkA11y(page);
    // The label wraps the choice, so its name goes on with the chosen competency.
    await page.getByRole("combobox", { name: /^Kompetensi/ }).selectOption(code);
    await page.getByLabel("Catatan untuk calon mentee (misalnya waktu luang)").fill("Rabu siang");
    await page.getByRole("button", { name: "Tawarkan diri sebagai mentor" }).click();
    await expect(page.locator(`li[data-offer="${code}"]`)).toContainText("0 dari 1 tempat terisi");
  });

  const before = await test.step("the junior asks the senior with a plan", async () => {
    await signIn(page, junior);
    const jp = await jpThisYear(page);
    await page.goto(`/mentoring/cari?kompetensi=${code}`);
    const card = page.locator(".card").filter({ hasText: SENIOR_NAME });
    await expect(card).toContainText("Rabu siang");
    await checkA11y(page);
    await card.getByLabel("Target level").fill("3");
    await card.getByLabel("Mulai").fill(wibDate());
    await card.getByLabel("Selesai").fill(wibDate(60));
    await card.getByLabel("Pesan mentee").fill("Ingin belajar dari pengalaman Ibu.");
    await card.getByRole("button", { name: "Minta menjadi mentor" }).click();
    await expect(page).toHaveURL(/\/mentoring\/\d+$/);
    await expect(page.locator("dd[data-status]")).toHaveText("Menunggu jawaban mentor");
    return jp;
  });
  const mentorship = new URL(page.url()).pathname;

  await test.step("the senior agrees and logs a session", async () => {
    await signIn(page, SENIOR);
    await page.goto("/notifikasi");
    await expect(page.locator(".notification").filter({ hasText: "meminta Anda menjadi mentor" }).first()).toBeVisible();
    await page.goto(mentorship);
    await checkA11y(page);
    await page.getByRole("button", { name: "Setujui rencana" }).click();
    await expect(page.locator("dd[data-status]")).toHaveText("Berjalan");
    await page.getByLabel("Tanggal").fill(wibDate());
    await page.getByLabel("Durasi (menit)").fill("90");
    await page.getByLabel("Topik").fill("Membaca kebutuhan data instansi");
    await page.getByRole("button", { name: "Catat sesi" }).click();
    await expect(page.getByRole("row").filter({ hasText: "Membaca kebutuhan data instansi" })).toContainText(
      "Menunggu konfirmasi",
    );
  });

  await test.step("the junior confirms it", async () => {
    await signIn(page, junior);
    await page.goto(mentorship);
    const row = page.getByRole("row").filter({ hasText: "Membaca kebutuhan data instansi" });
    await row.getByRole("button", { name: "Konfirmasi" }).click();
    await expect(page.getByText("Sesi terkonfirmasi: 90 menit (2 jam pelajaran).")).toBeVisible();
  });

  await test.step("the senior completes it and the junior's JP rise", async () => {
    await signIn(page, SENIOR);
    await page.goto(mentorship);
    await page.getByRole("button", { name: "Selesaikan mentoring" }).click();
    await expect(page.locator("dd[data-status]")).toHaveText("Selesai");
    await signIn(page, junior);
    expect(await jpThisYear(page)).toBe(before + 2);
    await expect(page.getByRole("row").filter({ hasText: "Mentoring:" })).toHaveCount(1);
  });
  void consoleErrors;
});
