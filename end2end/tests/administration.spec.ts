// Administration through plain forms, with and without JavaScript: the province verifies an
// organisation, an agency lead deactivates and reactivates a member. Each browser mode works on
// its own organisation and person, and every change is undone, so they never collide; the
// verification changes the home page's counts, so it runs apart (@changes-counts).
import type { Page } from "@playwright/test";
import { test, expect, hydrated, signIn } from "./fixtures";

test("the province verifies an organisation and withdraws it again @changes-counts", async ({
  page,
  checkA11y,
  consoleErrors,
}, testInfo) => {
  const [slug, name] =
    hydrated(testInfo.project.name)
      ? ["setda", "Sekretariat Daerah Provinsi Lampung"]
      : ["saburai", "Universitas Sang Bumi Ruwa Jurai"];
  await page.goto(`/organisasi/${slug}`);
  await expect(page.getByRole("note")).toContainText("belum diverifikasi");

  await signIn(page, "admin@pemprov.sinergi.example");
  await page.getByRole("link", { name: "Verifikasi organisasi" }).click();
  await expect(page).toHaveURL(/\/admin\/organisasi$/);
  await checkA11y(page);
  const row = page.locator(`tr[data-organisation="${slug}"]`);
  await row.getByLabel("Catatan (opsional)").fill("SK pendirian diperiksa");
  await row.getByRole("button", { name: `Verifikasi ${name}` }).click();
  await expect(row.locator("td[data-verified]")).toHaveAttribute("data-verified", "true");
  await expect(row).toContainText("SK pendirian diperiksa");
  await expect(row).toContainText("Yusuf Maulana");

  await row.getByRole("button", { name: `Cabut verifikasi ${name}` }).click();
  await expect(row.locator("td[data-verified]")).toHaveAttribute("data-verified", "false");
  void consoleErrors;
});

test("an agency lead deactivates a member, who then cannot sign in", async ({
  page,
  browser,
  checkA11y,
}, testInfo) => {
  const [lead, slug, memberEmail, memberName] =
    hydrated(testInfo.project.name)
      ? ["kabid@diskominfotik.sinergi.example", "diskominfotik", "asn2@diskominfotik.sinergi.example", "Agus Setiawan, A.Md."]
      : ["kasubbag@bkd.sinergi.example", "bkd", "asn1@bkd.sinergi.example", "Fitri Handayani, S.A.P."];
  await signIn(page, lead);
  await page.goto(`/organisasi/${slug}`);
  await checkA11y(page);
  const row = page.locator("tr", { hasText: memberName });
  await row.getByRole("button", { name: `Nonaktifkan akun ${memberName}` }).click();
  await expect(row.locator("td[data-active]")).toHaveAttribute("data-active", "false");

  // The member's password no longer opens a session.
  const other = await browser.newContext({ locale: "id-ID" });
  const memberPage = await other.newPage();
  await memberPage.goto("/masuk");
  await memberPage.getByLabel("Email").fill(memberEmail);
  await memberPage.getByLabel("Kata sandi").fill("demo sinergi lampung");
  await memberPage.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(memberPage.getByRole("alert")).toHaveText("Email atau kata sandi salah.");
  await other.close();

  await row.getByRole("button", { name: `Aktifkan kembali akun ${memberName}` }).click();
  await expect(row.locator("td[data-active]")).toHaveAttribute("data-active", "true");
});

test("an ASN sees their own profile with NIP, position and rank", async ({ page, checkA11y }) => {
  await signIn(page, "asn3@diskominfotik.sinergi.example");
  await page.getByRole("link", { name: "Akun saya" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dewi Anggraini, S.Sos.");
  await expect(page.locator(".nip")).toHaveText("199510082020122004");
  await expect(page.locator(".profile")).toContainText("Pranata Humas Ahli Pertama");
  await expect(page.locator(".profile")).toContainText("Penata Muda, III/a");
  await checkA11y(page);
  // Another agency's people are not there for them.
  await page.goto("/organisasi/bkd");
  await expect(page.locator("#members-title")).toHaveCount(0);
});
