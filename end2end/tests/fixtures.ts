// Shared fixtures: every test fails on a browser console error or an uncaught page error, and
// `checkA11y` runs axe on the current page (no serious or critical violation allowed).
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

type Fixtures = {
  consoleErrors: string[];
  checkA11y: (page: Page) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  consoleErrors: async ({ page, baseURL }, use) => {
    const errors: string[] = [];
    // Only Sinergi's own pages count: a login provider's pages are not ours to fix.
    const ours = () => !!baseURL && page.url().startsWith(baseURL);
    // Each error names the document it happened on, so that a failure says where to look.
    page.on("console", (msg) => {
      if (msg.type() === "error" && ours()) errors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on("pageerror", (err) => {
      if (ours()) errors.push(`${page.url()}: ${err.message}`);
    });
    await use(errors);
    expect(errors, "browser console errors").toEqual([]);
  },
  checkA11y: async ({ javaScriptEnabled }, use) => {
    await use(async (page: Page) => {
      const results = javaScriptEnabled ? await axe(page) : await axeWithoutScripts(page);
      const serious = results.violations.filter(
        (v) => v.impact === "serious" || v.impact === "critical",
      );
      expect(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
        `accessibility on ${page.url()}`,
      ).toEqual([]);
    });
  },
});

export { expect };

function axe(page: Page) {
  return new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
}

/**
 * axe needs JavaScript to run, so for the JavaScript-disabled project the same URL is opened
 * in a second context where scripts run but the page's own JS and WASM are blocked: the DOM
 * axe sees is exactly the server-rendered one a visitor without JavaScript gets.
 */
async function axeWithoutScripts(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser for the accessibility check");
  const context = await browser.newContext({ javaScriptEnabled: true, locale: "id-ID" });
  try {
    await context.addCookies(await page.context().cookies());
    await context.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    const copy = await context.newPage();
    await copy.setViewportSize(page.viewportSize() ?? { width: 1280, height: 720 });
    await copy.goto(page.url());
    return await axe(copy);
  } finally {
    await context.close();
  }
}

/** Whether the current project runs with JavaScript enabled. */
/** Signs in as `email` with the demo password, starting from no session. */
export async function signIn(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("demo sinergi lampung");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.locator(".signed-in")).toBeVisible();
}

export function hydrated(projectName: string): boolean {
  return projectName.startsWith("hydrated");
}
