//! The router under test on a fresh SQLite file (or a fresh PostgreSQL schema), and small
//! request helpers.

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

/// The router on a fresh SQLite file, and on a fresh PostgreSQL schema too when
/// `SINERGI_TEST_POSTGRES_URL` is set (required with `SINERGI_REQUIRE_POSTGRES=1`): for the tests
/// that must hold on both databases (the authorisation matrix).
pub async fn test_apps() -> Vec<(TestApp, &'static str)> {
    let mut apps = vec![(test_app().await, "SQLite")];
    match std::env::var("SINERGI_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => apps.push((postgres_app(&url).await, "PostgreSQL")),
        _ if std::env::var("SINERGI_REQUIRE_POSTGRES").as_deref() == Ok("1") => {
            panic!("SINERGI_REQUIRE_POSTGRES=1 but SINERGI_TEST_POSTGRES_URL is not set")
        }
        _ => {}
    }
    apps
}

/// Schemas of these tests are named `sinergi_http_<pid>_<n>`; those of earlier runs are dropped.
async fn postgres_app(url: &str) -> TestApp {
    use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let admin = Database::connect(url).await.expect("PostgreSQL for the HTTP tests");
    let pid = std::process::id();
    let leftovers = admin
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            format!(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'sinergi\\_http\\_%' \
                 AND nspname NOT LIKE 'sinergi\\_http\\_{pid}\\_%'"
            ),
        ))
        .await
        .unwrap();
    for row in leftovers {
        let name: String = row.try_get("", "nspname").unwrap();
        let _ =
            admin.execute_unprepared(&format!("DROP SCHEMA IF EXISTS \"{name}\" CASCADE")).await;
    }
    let schema =
        format!("sinergi_http_{pid}_{}", NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    admin.execute_unprepared(&format!("CREATE SCHEMA \"{schema}\"")).await.unwrap();
    let mut options = db::connect_options(url, 4).unwrap();
    options.set_schema_search_path(schema);
    let conn = Database::connect(options).await.unwrap();
    db::migrate(&conn).await.unwrap();
    app_on(conn, url.to_owned(), false, temp_dir()).await
}

/// The router on a fresh SQLite file with the demo data. The configuration is spelled out, not
/// read from the environment, so that nothing exported in the shell changes what is tested.
pub async fn test_app_with(secure_cookies: bool) -> TestApp {
    let dir = temp_dir();
    let url = format!("sqlite://{}/test.db?mode=rwc", dir.display());
    let conn = db::connect_and_migrate(&url, 4).await.unwrap();
    app_on(conn, url, secure_cookies, dir).await
}

/// A fresh temporary folder (removed with the `TestApp`).
fn temp_dir() -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("sinergi-http-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The router on `conn` (migrated), with the demo data and a fake site folder in `dir`.
async fn app_on(
    conn: sea_orm::DatabaseConnection,
    url: String,
    secure_cookies: bool,
    dir: std::path::PathBuf,
) -> TestApp {
    let site = dir.join("site");
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(site.join("pkg/sinergi.css"), "body { color: black; }").unwrap();
    std::fs::write(site.join("pkg/sinergi.css.br"), b"fake-brotli").unwrap();
    std::fs::write(site.join("favicon.ico"), b"icon").unwrap();

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
        smtp_url: None,
        mail_from: None,
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

/// A `Cookie` header value with a fresh session of the seeded person with this email.
pub async fn session_cookie_for(app: &TestApp, email: &str) -> String {
    use app::backend::auth::sessions::{self, SessionPolicy};
    use app::backend::entities::person;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let found = person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no seeded person {email}"));
    let now = chrono::Utc::now();
    let token = sessions::start(&app.state.db, Some(found.id), now, SessionPolicy::default())
        .await
        .unwrap();
    format!("sinergi_session={}", token.as_str())
}

pub async fn send(app: &TestApp, request: Request<Body>) -> Response<Body> {
    app.router.clone().oneshot(request).await.unwrap()
}

pub fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

/// A plain HTML form post from a page of the portal (same origin), as a browser without
/// JavaScript sends it.
pub fn form_post(path: &str, body: String, cookie: Option<&str>) -> Request<Body> {
    form_post_from("/organisasi/unila", path, body, cookie)
}

/// [`form_post`] from the page `page` (where a refused form is sent back to).
pub fn form_post_from(page: &str, path: &str, body: String, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::post(path)
        .header(header::ACCEPT, "text/html")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::REFERER, format!("http://127.0.0.1{page}"))
        .header("sec-fetch-site", "same-origin");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

/// A GET of `path` with the session `cookie`.
pub fn cookie_get(path: &str, cookie: &str) -> Request<Body> {
    Request::get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap()
}

/// A file upload (multipart form, field `file`) from a page of the portal.
pub fn multipart_upload(
    path: &str,
    file_name: &str,
    content: &str,
    cookie: Option<&str>,
) -> Request<Body> {
    let boundary = "----sinergi-uji";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
         Content-Type: text/csv\r\n\r\n{content}\r\n--{boundary}--\r\n"
    );
    let mut request = Request::post(path)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .header("sec-fetch-site", "same-origin");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

pub fn browser_get(path: &str, accept_language: &str) -> Request<Body> {
    Request::get(path)
        .header(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .body(Body::empty())
        .unwrap()
}

pub async fn body_text(response: Response<Body>) -> String {
    String::from_utf8(body_bytes(response).await).unwrap()
}

/// The body of a binary download (a PDF).
pub async fn body_bytes(response: Response<Body>) -> Vec<u8> {
    response.into_body().collect().await.unwrap().to_bytes().to_vec()
}

/// The seeded person with `email`, as the services see them.
pub async fn actor_for(app: &TestApp, email: &str) -> app::backend::auth::Actor {
    use app::backend::entities::person;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let found = person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no seeded person {email}"));
    app::backend::auth::Actor::load(&app.state.db, found.id).await.unwrap().unwrap()
}

/// A valid online course of August 2027, for tests that write one through the services.
pub fn draft_course() -> app::model::CourseDraft {
    use app::model::{CourseDraft, DeliveryMode, OfferCompetency, OfferPerson, SessionDraft};
    let day = |d| chrono::NaiveDate::from_ymd_opt(2027, 8, d).unwrap();
    let time = |h| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    CourseDraft {
        title: "Kursus Uji".into(),
        summary: "Ringkasan.".into(),
        description: String::new(),
        competencies: vec![OfferCompetency { code: "MNJ-05".into(), level: Some(2) }],
        jp: 8,
        learning_form: "pelatihan".into(),
        international: false,
        mode: DeliveryMode::Daring,
        region_code: String::new(),
        sessions: vec![SessionDraft {
            date: day(10),
            starts: time(8),
            ends: time(12),
            place: "Zoom".into(),
        }],
        capacity: 10,
        fee_rupiah: 0,
        instructors: vec![OfferPerson { name: "Narasumber".into(), role: String::new() }],
        prerequisites: String::new(),
        min_attendance_percent: 80,
        min_post_test_score: 60,
        enrollment_opens_on: day(1),
        enrollment_closes_on: day(9),
    }
}
