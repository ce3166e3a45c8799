// A real OpenID provider for the end-to-end tests (the certified npm `oidc-provider`), with one
// fixed client for Sinergi. Two instances:
//   http://127.0.0.1:3200  the provider Sinergi trusts ("oidc-uji" and, as plain OAuth 2.0
//                          with its userinfo endpoint, "oauth-uji");
//   http://127.0.0.1:3202  one whose discovery document names another issuer (localhost), for
//                          the wrong-issuer refusal.
// Its development login form accepts any login (an email here) and password; the account's
// claims are derived from the login: "belum-terverifikasi@…" has an unverified email.
import Provider from "oidc-provider";

const port = Number(process.env.SINERGI_OIDC_PORT ?? 3200);
const wrongIssuerPort = port + 2;
const sinergi = `http://127.0.0.1:${process.env.SINERGI_E2E_PORT ?? 3100}`;

const configuration = {
  clients: [
    {
      client_id: "sinergi",
      client_secret: "rahasia-uji-saja",
      redirect_uris: ["oidc-uji", "oauth-uji", "penerbit-salah"].map(
        (name) => `${sinergi}/auth/${name}/callback`,
      ),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return {
          sub: `uji-${id}`,
          email: id,
          email_verified: !id.startsWith("belum-terverifikasi"),
          name: id.split("@")[0],
        };
      },
    };
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["kunci-cookie-uji-saja"] },
};

new Provider(`http://127.0.0.1:${port}`, configuration).listen(port, "127.0.0.1");
new Provider(`http://localhost:${wrongIssuerPort}`, configuration).listen(wrongIssuerPort, "127.0.0.1");
console.log(`oidc-provider listening on ${port} and ${wrongIssuerPort}`);
