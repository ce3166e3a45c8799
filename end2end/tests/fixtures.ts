// Shared fixtures: every test fails on a browser console error or an uncaught page error, and
// `checkA11y` runs axe on the current page (no serious or critical violation allowed).
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

type Fixtures = {
  consoleErrors: string[];
  checkA11y: (page: Page) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });
    page.on("pageerror", (err) => errors.push(err.message));
    await use(errors);
    expect(errors, "browser console errors").toEqual([]);
  },
  checkA11y: async ({}, use) => {
    await use(async (page: Page) => {
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      const serious = results.violations.filter(
        (v) => v.impact === "serious" || v.impact === "critical",
      );
      expect(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`),
        `accessibility on ${page.url()}`,
      ).toEqual([]);
    });
  },
});

export { expect };

/** Whether the current project runs with JavaScript enabled. */
export function hydrated(projectName: string): boolean {
  return projectName === "hydrated";
}
