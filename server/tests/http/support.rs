//! The router under test on a fresh SQLite file, and small request helpers.

use std::sync::Arc;

use app::backend::auth::external::{LoginProviders, providers};
use app::backend::{AppState, Config, db, services::seed};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, header};
use http_body_util::BodyExt as _;
use leptos::config::LeptosOptions;
use tower::ServiceExt as _;

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    _dir: TempDir,
}

pub struct TempDir(std::path::PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub async fn test_app() -> TestApp {
    test_app_with(false).await
}

/// The router on a fresh SQLite file with the demo data. The configuration is spelled out, not
/// read from the environment, so that nothing exported in the shell changes what is tested.
pub async fn test_app_with(secure_cookies: bool) -> TestApp {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("sinergi-http-{}-{n}", std::process::id()));
    let site = dir.join("site");
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(site.join("pkg/sinergi.css"), "body { color: black; }").unwrap();
    std::fs::write(site.join("pkg/sinergi.css.br"), b"fake-brotli").unwrap();
    std::fs::write(site.join("favicon.ico"), b"icon").unwrap();

    let url = format!("sqlite://{}/test.db?mode=rwc", dir.display());
    let conn = db::connect_and_migrate(&url, 4).await.unwrap();
    seed::seed_demo(&conn).await.unwrap();
    let config = Config {
        database_url: Some(url),
        data_dir: dir.clone(),
        db_max_connections: 4,
        listen: "127.0.0.1:0".parse().unwrap(),
        base_url: "http://127.0.0.1".into(),
        secure_cookies,
        demo_data: true,
        log: "warn".into(),
        log_json: false,
    };
    let leptos_options = LeptosOptions::builder()
        .output_name("sinergi")
        .site_root(site.display().to_string())
        .build();
    let login = LoginProviders::new(test_providers(), "http://127.0.0.1").unwrap();
    let state =
        AppState { db: conn, config: Arc::new(config), leptos_options, login: Arc::new(login) };
    TestApp { router: server::router::app(state.clone()), state, _dir: TempDir(dir) }
}

/// Two providers nobody listens for (port 9, discard): a plain OAuth 2.0 one, whose start needs
/// no network, and an OpenID Connect one, whose discovery fails. The full flow runs end to end
/// against a real provider (end2end/).
fn test_providers() -> Vec<providers::ProviderConfig> {
    let vars = [
        ("SINERGI_LOGIN_PROVIDERS", "uji,mati"),
        ("SINERGI_LOGIN_UJI_KIND", "oauth2"),
        ("SINERGI_LOGIN_UJI_LABEL", "SSO Uji"),
        ("SINERGI_LOGIN_UJI_AUTHORIZE_URL", "http://127.0.0.1:9/authorize"),
        ("SINERGI_LOGIN_UJI_TOKEN_URL", "http://127.0.0.1:9/token"),
        ("SINERGI_LOGIN_UJI_USERINFO_URL", "http://127.0.0.1:9/me"),
        ("SINERGI_LOGIN_UJI_CLIENT_ID", "sinergi"),
        ("SINERGI_LOGIN_UJI_SCOPES", "openid email"),
        ("SINERGI_LOGIN_MATI_KIND", "oidc"),
        ("SINERGI_LOGIN_MATI_ISSUER", "http://127.0.0.1:9"),
        ("SINERGI_LOGIN_MATI_CLIENT_ID", "sinergi"),
    ];
    providers::from_env(vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))).unwrap()
}

pub async fn send(app: &TestApp, request: Request<Body>) -> Response<Body> {
    app.router.clone().oneshot(request).await.unwrap()
}

pub fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

pub fn browser_get(path: &str, accept_language: &str) -> Request<Body> {
    Request::get(path)
        .header(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .body(Body::empty())
        .unwrap()
}

pub async fn body_text(response: Response<Body>) -> String {
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}
