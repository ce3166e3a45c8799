// The dashboards in the browser, with and without JavaScript: the province administrator (a
// civil servant of BPSDM too) opens their own dashboard, the province's, and an agency's; every
// chart is an SVG named by its heading with one bar per row of its table (opened from "Lihat
// sebagai tabel"), and its CSV download holds exactly the table's rows. The exact figures of
// known states are asserted by the HTTP tests (server/tests/http/dashboards.rs): here other
// specs change the same data concurrently, so a chart whose figures moved between reading the
// page and downloading its CSV is read again (both are asked until they agree).
import { readFile } from "node:fs/promises";

import { test, expect, signIn } from "./fixtures";
import type { Locator, Page } from "@playwright/test";

const ADMIN = "admin@pemprov.sinergi.example";

/** The label and value cells of a chart's table, opened first. */
async function tableRows(chart: Locator): Promise<string[][]> {
  if ((await chart.locator("details[open]").count()) === 0) await chart.getByText("Lihat sebagai tabel").click();
  const table = chart.getByRole("table");
  await expect(table).toBeVisible();
  const rows = table.locator("tbody tr");
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const label = (await rows.nth(i).locator("th").textContent()) ?? "";
    const value = (await rows.nth(i).locator("td").textContent()) ?? "";
    // The table writes decimals the Indonesian way (25,5); the CSV for spreadsheets (25.5).
    out.push([label.trim(), value.trim().replace(",", ".")]);
  }
  return out;
}

/** The CSV behind a chart's download link, without its byte-order mark and header. */
async function csvRows(page: Page, chart: Locator): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    chart.getByRole("link", { name: "Unduh CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = (await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, "");
  return text.trim().split("\n").slice(1).map(csvLine);
}

/** One CSV line's fields: a field in quotes may hold commas ("Dinas Komunikasi, …"), and a
 *  doubled quote stands for one. */
function csvLine(line: string): string[] {
  const fields: string[] = [];
  const field = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g;
  for (const m of line.matchAll(field)) fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
  return fields;
}

/** Every chart on the page: drawn, tabulated and exported alike. */
async function checkCharts(page: Page, expected: string[]) {
  const charts = page.locator("section.chart");
  await expect(charts.locator("h2")).toHaveText(expected);
  for (let i = 0; i < expected.length; i++) {
    await expect(async () => {
      await page.reload();
      const chart = page.locator("section.chart").nth(i);
      if ((await chart.locator("svg").count()) === 0) {
        await expect(chart).toContainText("Belum ada data.");
        return;
      }
      await expect(chart.getByRole("img", { name: expected[i] })).toBeVisible();
      const rows = await tableRows(chart);
      await expect(chart.locator("svg rect.bar")).toHaveCount(rows.length);
      expect(await csvRows(page, chart), expected[i]).toEqual(rows);
    }).toPass({ timeout: 20_000 });
  }
}

test("the dashboards draw every chart with its table and its CSV", async ({ page, checkA11y, consoleErrors }) => {
  test.setTimeout(150_000);
  void consoleErrors; // requested so that a console error fails the test
  await signIn(page, ADMIN);

  await test.step("their own dashboard", async () => {
    await page.goto("/jp-saya");
    const ledger = (await page.locator(".jp-figure").textContent()) ?? "";
    const jp = ledger.match(/^(\d+) \/ 20 JP/)?.[1];
    expect(jp, ledger).toBeDefined();
    await page.getByRole("link", { name: "Dasbor", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dasbor saya");
    await expect(page.locator(".figure")).toContainText(`${jp} dari minimal 20 JP pada tahun`);
    await checkCharts(page, [
      "JP diakui per tahun",
      "Kompetensi di bawah standar jabatan",
      "Pendaftaran kursus menurut status",
      "Sertifikat per tahun terbit",
    ]);
    await checkA11y(page);
  });

  await test.step("the province's", async () => {
    await page.getByRole("link", { name: "Dasbor provinsi" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dasbor provinsi");
    await expect(page.locator(".figure")).toContainText(/\d+ dari \d+ ASN sudah mencapai 20 JP/);
    await checkCharts(page, [
      "ASN yang mencapai 20 JP, per instansi",
      "Kompetensi dengan ASN terbanyak di bawah standar",
      "Kebutuhan kompetensi menurut status",
      "JP yang diberikan tiap perguruan tinggi tahun ini",
    ]);
    await checkA11y(page);
  });

  await test.step("an agency's", async () => {
    await page.goto("/organisasi/diskominfotik/dasbor");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Dasbor instansi");
    await checkCharts(page, [
      "ASN menurut JP diakui tahun ini",
      "Kompetensi dengan ASN terbanyak di bawah standar",
      "Kebutuhan kompetensi menurut status",
      "Nilai kolaborasi per tahun mulai",
    ]);
    await checkA11y(page);
    await page.getByRole("link", { name: "Lihat peta kesenjangan per unit" }).click();
    await expect(page).toHaveURL(/\/organisasi\/diskominfotik\/kesenjangan$/);
  });
});
