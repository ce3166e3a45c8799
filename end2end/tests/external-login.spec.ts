// Signing in through a real OpenID provider (oidc/provider.mjs, the certified `oidc-provider`):
// the happy paths for OpenID Connect and plain OAuth 2.0, the request-access path for someone
// without an account, and every tampering of the flow refused with a clear page and no session.
import type { BrowserContext, Page, Route } from "@playwright/test";
import { test, expect } from "./fixtures";

const OIDC_ORIGIN = `http://127.0.0.1:${process.env.SINERGI_OIDC_PORT ?? 3200}`;

/** Fills the provider's development login form (any password) and its consent page. */
async function loginAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ORIGIN}/interaction/`));
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("apa saja");
  await page.locator("button[type=submit]").click();
  // The consent prompt, the first time this account meets the client.
  const consent = page.locator("button[type=submit]", { hasText: "Continue" });
  if (await consent.isVisible({ timeout: 2000 }).catch(() => false)) await consent.click();
}

async function sessionCookies(context: BrowserContext) {
  return (await context.cookies()).filter((c) => c.name.includes("sinergi_session"));
}

/**
 * Tampers with one hop of a redirect chain. Playwright's routes see only the first request of a
 * chain, so the handler takes that request (a form POST matching `first`), follows the redirects
 * itself with the context's cookies, and once `rewrite` has changed a hop's URL (returning true)
 * sends the browser there. A hop that needs the person (a provider's login or consent page) is
 * handed back to the browser untouched, and the next form POST is handled the same way.
 */
async function tamper(page: Page, first: RegExp, rewrite: (url: URL) => boolean) {
  let done = false;
  await page.route(first, async (route: Route) => {
    if (done || route.request().method() !== "POST") return route.continue();
    let response = await route.fetch({ maxRedirects: 0 });
    let base = route.request().url();
    for (;;) {
      const location = response.headers()["location"];
      if (!location) return route.fulfill({ response });
      const next = new URL(location, base);
      if (rewrite(next)) {
        done = true;
        return route.fulfill({ status: 303, headers: { location: next.toString() } });
      }
      if (next.origin === OIDC_ORIGIN && next.pathname.startsWith("/interaction/")) {
        return route.fulfill({ status: 303, headers: { location: next.toString() } });
      }
      response = await page.request.get(next.toString(), { maxRedirects: 0 });
      base = next.toString();
    }
  });
}

const START = /\/auth\/oidc-uji\/start$/;
const PROVIDER_FORMS = new RegExp(`^${OIDC_ORIGIN}/interaction/`);
const atCallback = (url: URL) => url.pathname === "/auth/oidc-uji/callback";
const atAuthorize = (url: URL) => url.origin === OIDC_ORIGIN && url.pathname === "/auth";

/** A rewrite that sets one query parameter on the hop `where` picks. */
function setParam(where: (url: URL) => boolean, name: string, value: string) {
  return (url: URL) => {
    if (!where(url)) return false;
    url.searchParams.set(name, value);
    return true;
  };
}

async function expectRefused(page: Page, context: BrowserContext, code: string, text: RegExp) {
  await expect(page).toHaveURL(new RegExp(`/masuk\\?gagal=${code}$`));
  const alert = page.locator("#login-failure");
  await expect(alert).toHaveAttribute("data-failure", code);
  await expect(alert).toContainText(text);
  expect(await sessionCookies(context)).toEqual([]);
}

function uniqueLogin(prefix: string, projectName: string) {
  return `${prefix}-${projectName}-${Date.now()}@luar.example`;
}

test("a civil servant signs in with OpenID Connect; no token reaches the browser", async ({
  page,
  context,
  checkA11y,
  consoleErrors,
}) => {
  await page.goto("/masuk");
  await checkA11y(page);
  await page.getByRole("button", { name: "Masuk dengan SSO Uji (OIDC)" }).click();
  await loginAtProvider(page, "asn1@diskominfotik.sinergi.example");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.locator(".signed-in")).toContainText("Siti Nurhaliza, S.Stat.");
  const ours = (await context.cookies()).filter((c) => c.domain === "127.0.0.1" && c.path === "/");
  for (const cookie of ours) {
    expect(cookie.value, cookie.name).not.toMatch(/^eyJ/); // no JWT (ID or access token)
  }
  expect(await sessionCookies(context)).toHaveLength(1);
  const [session] = await sessionCookies(context);
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe("Lax");
  void consoleErrors;
});

test("a plain OAuth 2.0 provider identifies the person through its userinfo endpoint", async ({
  page,
}) => {
  await page.goto("/masuk?kembali=/akun");
  await page.getByRole("button", { name: "Masuk dengan SSO Uji (OAuth 2.0)" }).click();
  await loginAtProvider(page, "kabid@diskominfotik.sinergi.example");
  await expect(page).toHaveURL(/\/akun$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hendra Wijaya, S.Kom., M.T.");
});

test("someone without an account requests access and the coordinator approves", async ({
  page,
  browser,
  checkA11y,
}, testInfo) => {
  const login = uniqueLogin("tamu", testInfo.project.name);
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk dengan SSO Uji (OIDC)" }).click();
  await loginAtProvider(page, login);
  await expect(page).toHaveURL(/\/minta-akses$/);
  await expect(page.locator(".lead")).toContainText(login);
  await checkA11y(page);
  await page.getByLabel("Organisasi").selectOption("unila");
  await page.getByLabel("Peran").selectOption("Academic");
  await page.getByLabel("Pesan untuk administrator (opsional)").fill("Dosen baru FISIP.");
  await page.getByRole("button", { name: "Kirim permintaan" }).click();
  await expect(page.locator("#sent-requests")).toContainText("menunggu keputusan");

  // The Unila coordinator approves it on the organisation page.
  const coordinator = await browser.newContext({ locale: "id-ID" });
  const admin = await coordinator.newPage();
  await admin.goto("/masuk");
  await admin.getByLabel("Email").fill("koordinator@unila.sinergi.example");
  await admin.getByLabel("Kata sandi").fill("demo sinergi lampung");
  await admin.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(admin.locator(".signed-in")).toBeVisible();
  await admin.goto("/organisasi/unila");
  const name = login.split("@")[0];
  await admin.getByRole("button", { name: `Setujui permintaan ${name}` }).click();
  await expect(admin.getByRole("button", { name: `Setujui permintaan ${name}` })).toHaveCount(0);
  await expect(admin.locator("table")).toContainText(name);
  await coordinator.close();

  // Signing in again now lands in the new account.
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk dengan SSO Uji (OIDC)" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.locator(".signed-in")).toContainText(name);
});

test("a tampered state is refused", async ({ page, context }) => {
  await tamper(page, PROVIDER_FORMS, setParam(atCallback, "state", "palsu"));
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk dengan SSO Uji (OIDC)" }).click();
  await loginAtProvider(page, "asn2@diskominfotik.sinergi.example");
  await expectRefused(page, context, "state", /tidak cocok dengan login yang Anda mulai/);
});

test("a replayed authorization code is refused", async ({ page, context }) => {
  let firstCode = "";
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/auth/oidc-uji/callback" && !firstCode) {
      firstCode = url.searchParams.get("code") ?? "";
    }
  });
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk dengan SSO Uji (OIDC)" }).click();
  await loginAtProvider(page, "asn3@diskominfotik.sinergi.example");
  await expect(page.locator(".signed-in")).toBeVisible();
  expect(firstCode).not.toBe("");
  await page.getByRole("button", { name: "Keluar" }).click();

  // A new login whose answer carries the old, already redeemed code.
  await tamper(page, START, setParam(atCallback, "code", firstCode));
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk dengan SSO Uji (OIDC)" }).click();
  await expectRefused(page, context, "token", /menolak menukarkan kode login/);
});

test("a tampered nonce is refused", async ({ page, context }) => {
  await tamper(page, START, setParam(atAuthorize, "nonce", "nonce-palsu"));
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk dengan SSO Uji (OIDC)" }).click();
  await loginAtProvider(page, "asn1@bkd.sinergi.example");
  await expectRefused(page, context, "identity", /tidak lolos pemeriksaan keamanan/);
});

test("a PKCE verifier that does not match the challenge is refused", async ({ page, context }) => {
  // A challenge computed from another verifier: the provider will not accept ours.
  const otherChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  await tamper(page, START, setParam(atAuthorize, "code_challenge", otherChallenge));
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk dengan SSO Uji (OIDC)" }).click();
  await loginAtProvider(page, "dosen@itera.sinergi.example");
  await expectRefused(page, context, "token", /menolak menukarkan kode login/);
});

test("a provider naming another issuer is refused", async ({ page, context }) => {
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk dengan Penerbit Salah" }).click();
  await expectRefused(page, context, "issuer", /tidak mengaku sebagai penerbit/);
});

test("an off-site return URL is refused", async ({ page, context, checkA11y }) => {
  await page.goto("/masuk?kembali=https://evil.example/curi");
  await page.getByRole("button", { name: "Masuk dengan SSO Uji (OIDC)" }).click();
  await expectRefused(page, context, "return", /bukan halaman Sinergi/);
  await checkA11y(page);
});

test("an unverified email is not linked to an account", async ({ page, context }, testInfo) => {
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk dengan SSO Uji (OIDC)" }).click();
  await loginAtProvider(page, uniqueLogin("belum-terverifikasi", testInfo.project.name));
  await expectRefused(page, context, "email", /tidak memastikan alamat email Anda/);
});
