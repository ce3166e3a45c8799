// End-to-end tests against the release server on a fresh SQLite file, in Debian's Chromium,
// run twice: hydrated (JavaScript on) and with JavaScript disabled.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.SINERGI_E2E_PORT ?? 3100);
// The OpenID provider the login tests sign in through (oidc/provider.mjs).
const oidcPort = Number(process.env.SINERGI_OIDC_PORT ?? 3200);

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "id-ID",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // Tests tagged @changes-counts change what the home page counts (verifying an organisation),
  // so they run after everything else, one browser mode after the other.
  projects: [
    { name: "hydrated", use: { javaScriptEnabled: true }, grepInvert: /@changes-counts/ },
    { name: "no-js", use: { javaScriptEnabled: false }, grepInvert: /@changes-counts/ },
    {
      name: "hydrated-counts",
      use: { javaScriptEnabled: true },
      grep: /@changes-counts/,
      dependencies: ["hydrated", "no-js"],
    },
    {
      name: "no-js-counts",
      use: { javaScriptEnabled: false },
      grep: /@changes-counts/,
      dependencies: ["hydrated-counts"],
    },
  ],
  webServer: [
    {
      command: "node oidc/provider.mjs",
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { SINERGI_OIDC_PORT: String(oidcPort), SINERGI_E2E_PORT: String(port) },
    },
    {
      command: "../scripts/e2e-server.sh",
      url: `http://127.0.0.1:${port}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { SINERGI_E2E_PORT: String(port), SINERGI_OIDC_PORT: String(oidcPort) },
    },
  ],
});
