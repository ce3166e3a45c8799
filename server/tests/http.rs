//! HTTP tests of the whole router (tower `oneshot`), on a real SQLite file with the demo data:
//! probes, pages in both languages, the 404 page, static files and security headers.

// Test helpers may panic: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use app::backend::{AppState, Config, db, services::seed};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use http_body_util::BodyExt as _;
use leptos::config::LeptosOptions;
use tower::ServiceExt as _;

struct TestApp {
    router: Router,
    state: AppState,
    _dir: TempDir,
}

struct TempDir(std::path::PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn test_app() -> TestApp {
    test_app_with(false).await
}

/// The router on a fresh SQLite file with the demo data. The configuration is spelled out, not
/// read from the environment, so that nothing exported in the shell changes what is tested.
async fn test_app_with(secure_cookies: bool) -> TestApp {
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
    let state = AppState { db: conn, config: Arc::new(config), leptos_options };
    TestApp { router: server::router::app(state.clone()), state, _dir: TempDir(dir) }
}

async fn send(app: &TestApp, request: Request<Body>) -> Response<Body> {
    app.router.clone().oneshot(request).await.unwrap()
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

fn browser_get(path: &str, accept_language: &str) -> Request<Body> {
    Request::get(path)
        .header(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .body(Body::empty())
        .unwrap()
}

async fn body_text(response: Response<Body>) -> String {
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[tokio::test]
async fn healthz_answers_and_carries_a_request_id() {
    let app = test_app().await;
    let response = send(&app, get("/healthz")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("x-request-id"));
    assert_eq!(body_text(response).await, "ok");
}

#[tokio::test]
async fn readyz_follows_the_database() {
    let app = test_app().await;
    assert_eq!(send(&app, get("/readyz")).await.status(), StatusCode::OK);
    app.state.db.clone().close().await.unwrap();
    assert_eq!(send(&app, get("/readyz")).await.status(), StatusCode::SERVICE_UNAVAILABLE);
    // Liveness does not depend on the database.
    assert_eq!(send(&app, get("/healthz")).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn home_page_shows_live_counts_in_indonesian() {
    let app = test_app().await;
    let response = send(&app, get("/")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let vary: Vec<_> = response.headers().get_all(header::VARY).iter().collect();
    assert!(vary.iter().any(|v| v.to_str().unwrap().contains("Accept-Language")), "{vary:?}");
    let html = body_text(response).await;
    assert!(html.contains(r#"<html lang="id""#), "{html}");
    assert!(html.contains("perguruan tinggi terverifikasi"));
    let universities =
        seed::ORGANISATIONS.iter().filter(|o| o.3.as_db() == "university" && o.4).count();
    let needle = format!(r#"data-count="universities"><span class="count-value">{universities}<"#);
    assert!(html.contains(&needle), "missing {needle} in {html}");
}

#[tokio::test]
async fn english_lives_under_en_and_is_remembered() {
    let app = test_app().await;
    let response = send(&app, get("/en/")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers().get(header::SET_COOKIE).unwrap().to_str().unwrap().to_owned();
    assert!(cookie.starts_with("sinergi_lang=en;") && cookie.contains("Path=/"), "{cookie}");
    let html = body_text(response).await;
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("verified universities"));
    assert!(html.contains(r#"href="/id/""#), "the switch back to Indonesian is missing");
}

#[tokio::test]
async fn browsers_preferring_english_are_sent_to_the_english_page() {
    let app = test_app().await;
    let response = send(&app, browser_get("/", "en-GB,en;q=0.9")).await;
    assert_eq!(response.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(response.headers()[header::LOCATION], "/en/");
    let response = send(&app, browser_get("/", "id-ID,id;q=0.9,en;q=0.5")).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_indonesian_switch_remembers_and_redirects() {
    let app = test_app().await;
    let response = send(&app, get("/id/?x=1")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/?x=1");
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("sinergi_lang=id;"));
    // With that cookie an English-preferring browser stays on the Indonesian page.
    let request = Request::get("/")
        .header(header::ACCEPT, "text/html")
        .header(header::ACCEPT_LANGUAGE, "en")
        .header(header::COOKIE, "sinergi_lang=id")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, request).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_switch_cannot_redirect_to_another_site() {
    let app = test_app().await;
    // (A raw backslash is not a valid URI character: hyper rejects it before routing.)
    for evil in ["/id//evil.example", "/id///evil.example/x", "/id/%5Cevil.example"] {
        let response = send(&app, get(evil)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()[header::LOCATION].to_str().unwrap();
        assert!(location.starts_with('/') && !location.starts_with("//"), "{evil} -> {location}");
        assert!(!location.starts_with("/\\"), "{evil} -> {location}");
    }
}

#[tokio::test]
async fn unknown_paths_get_the_404_page_in_the_right_language() {
    let app = test_app().await;
    let response = send(&app, get("/tidak-ada")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(body_text(response).await.contains("Halaman tidak ditemukan"));
    let response = send(&app, get("/en/does-not-exist")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(body_text(response).await.contains("Page not found"));
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_csp() {
    let app = test_app().await;
    let response = send(&app, get("/")).await;
    let headers = response.headers();
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(headers[header::REFERRER_POLICY], "strict-origin-when-cross-origin");
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
    for directive in
        ["'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]
    {
        assert!(csp.contains(directive), "{directive} missing from {csp}");
    }
    let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).unwrap().to_owned();
    assert!(nonce.len() >= 16, "nonce too short: {nonce}");
    // A different response gets a different nonce.
    let again = send(&app, get("/")).await;
    assert!(!again.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains(&nonce));
    // Non-page responses get the strict default policy; HSTS only over TLS (off by default).
    let probe = send(&app, get("/healthz")).await;
    assert!(
        probe.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .starts_with("default-src 'none'")
    );
    assert!(!probe.headers().contains_key(header::STRICT_TRANSPORT_SECURITY));
}

#[tokio::test]
async fn hashed_assets_are_cached_long_and_served_precompressed() {
    let app = test_app().await;
    let request = Request::get("/pkg/sinergi.css")
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .unwrap();
    let response = send(&app, request).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CACHE_CONTROL], "public, max-age=31536000, immutable");
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(body_text(response).await, "fake-brotli");
    let response = send(&app, get("/favicon.ico")).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn html_is_compressed_for_clients_that_accept_it() {
    let app = test_app().await;
    let request =
        Request::get("/").header(header::ACCEPT_ENCODING, "gzip").body(Body::empty()).unwrap();
    let response = send(&app, request).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
}

#[tokio::test]
async fn a_failing_server_function_sets_the_page_status_and_a_translated_message() {
    let app = test_app().await;
    app.state.db.clone().close().await.unwrap();
    let response = send(&app, get("/")).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let html = body_text(response).await;
    assert!(html.contains("Layanan sedang tidak dapat dijangkau"), "{html}");
    let response = send(&app, get("/en/")).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(body_text(response).await.contains("The service cannot be reached"));
}

#[tokio::test]
async fn the_query_string_survives_the_english_prefix_and_the_switch() {
    let app = test_app().await;
    let html = body_text(send(&app, get("/en/?tahun=2026")).await).await;
    assert!(html.contains(r#"href="/id/?tahun=2026""#), "the switch lost the query: {html}");
    let response = send(&app, browser_get("/?tahun=2026", "en")).await;
    assert_eq!(response.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(response.headers()[header::LOCATION], "/en/?tahun=2026");
    assert!(response.headers()[header::VARY].to_str().unwrap().contains("Cookie"));
}

#[tokio::test]
async fn head_requests_are_answered_like_get() {
    let app = test_app().await;
    let response = send(&app, Request::head("/").body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(body_text(response).await.is_empty());
}

#[tokio::test]
async fn a_missing_asset_is_not_cached() {
    let app = test_app().await;
    let response = send(&app, get("/pkg/sinergi.newer-build.js")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(!response.headers().contains_key(header::CACHE_CONTROL));
}

#[tokio::test]
async fn over_tls_the_language_cookie_is_secure_and_hsts_is_sent() {
    let app = test_app_with(true).await;
    let response = send(&app, get("/en/")).await;
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.contains("; Secure"), "{cookie}");
    assert!(response.headers().contains_key(header::STRICT_TRANSPORT_SECURITY));
    let plain = test_app().await;
    let cookie = send(&plain, get("/en/")).await.headers()[header::SET_COOKIE].clone();
    assert!(!cookie.to_str().unwrap().contains("Secure"));
}

#[tokio::test]
async fn state_changing_requests_must_come_from_the_portal_itself() {
    use leptos::server_fn::ServerFn as _;
    let app = test_app().await;
    let path = app::api::stats::GetPortalCounts::PATH;
    let post = |headers: &[(&str, &str)]| {
        let mut request =
            Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.body(Body::empty()).unwrap()
    };
    let same_site = send(&app, post(&[("sec-fetch-site", "same-origin")])).await;
    assert_eq!(same_site.status(), StatusCode::OK);
    assert!(body_text(same_site).await.contains("universities"));
    let with_origin = send(&app, post(&[("origin", "http://127.0.0.1")])).await;
    assert_eq!(with_origin.status(), StatusCode::OK);

    for refused in [
        post(&[("sec-fetch-site", "cross-site"), ("origin", "https://evil.example")]),
        post(&[("origin", "https://evil.example")]),
        post(&[]),
    ] {
        let response = send(&app, refused).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(body_text(response).await.contains("Permintaan ditolak"));
    }
    // Reading stays open to everyone.
    assert_eq!(send(&app, get("/")).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_session_cookie_identifies_the_person_and_sign_out_ends_it() {
    use app::backend::auth::sessions::{self, SessionPolicy};
    use app::backend::entities::person;
    use leptos::server_fn::ServerFn as _;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    let app = test_app().await;
    let db = &app.state.db;
    let siti = person::Entity::find()
        .filter(person::Column::Email.eq(seed::PEOPLE[4].email))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let anonymous = body_text(send(&app, get("/")).await).await;
    assert!(!anonymous.contains(&siti.full_name) && !anonymous.contains("Keluar"));

    let token = sessions::start(db, Some(siti.id), chrono::Utc::now(), SessionPolicy::default())
        .await
        .unwrap();
    let cookie = format!("sinergi_session={}", token.as_str());
    let with_cookie = |request: axum::http::request::Builder| {
        request.header(header::COOKIE, &cookie).body(Body::empty()).unwrap()
    };
    let page = body_text(send(&app, with_cookie(Request::get("/"))).await).await;
    assert!(page.contains(&siti.full_name), "the signed-in name is missing");
    assert!(page.contains("Keluar"));

    // Sign out, as the header's plain HTML form does it.
    let sign_out = Request::post(app::api::SignOut::PATH)
        .header(header::ACCEPT, "text/html")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::REFERER, "http://127.0.0.1/")
        .header("sec-fetch-site", "same-origin");
    let response = send(&app, with_cookie(sign_out)).await;
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(response.headers()[header::LOCATION], "/");
    let cleared = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cleared.starts_with("sinergi_session=;") && cleared.contains("Max-Age=0"), "{cleared}");
    let now = chrono::Utc::now();
    assert!(sessions::resolve(db, &token, now, SessionPolicy::default()).await.unwrap().is_none());

    // The old cookie identifies nobody any more, and the browser is told to drop it.
    let response = send(&app, with_cookie(Request::get("/"))).await;
    assert!(response.headers()[header::SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    assert!(!body_text(response).await.contains(&siti.full_name));
}

/// A sign-in form post as a browser sends it.
fn sign_in_post(email: &str, password: &str, cookie: Option<&str>) -> Request<Body> {
    use leptos::server_fn::ServerFn as _;
    let body =
        format!("email={}&password={}", email.replace('@', "%40"), password.replace(' ', "+"));
    let mut request = Request::post(app::api::SignIn::PATH)
        .header(header::ACCEPT, "text/html")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::REFERER, "http://127.0.0.1/masuk")
        .header("sec-fetch-site", "same-origin");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

fn session_cookie(response: &Response<Body>) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("sinergi_session=") && !v.contains("Max-Age=0"))
        .and_then(|v| v.split(';').next())
        .map(ToOwned::to_owned)
}

#[tokio::test]
async fn signing_in_sets_a_fresh_session_each_time() {
    let app = test_app().await;
    let email = seed::PEOPLE[3].email;
    assert_eq!(send(&app, get("/masuk")).await.status(), StatusCode::OK);

    let first = send(&app, sign_in_post(email, seed::DEMO_PASSWORD, None)).await;
    assert!(first.status().is_redirection(), "{}", first.status());
    assert_eq!(first.headers()[header::LOCATION], "/");
    let first_cookie = session_cookie(&first).expect("a session cookie");
    let set = first.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"));
    let home = send(
        &app,
        Request::get("/").header(header::COOKIE, &first_cookie).body(Body::empty()).unwrap(),
    )
    .await;
    assert!(body_text(home).await.contains(seed::PEOPLE[3].full_name));

    // Signing in again from that session rotates it: a new id, and the old one is dead.
    let second = send(&app, sign_in_post(email, seed::DEMO_PASSWORD, Some(&first_cookie))).await;
    let second_cookie = session_cookie(&second).expect("a new session cookie");
    assert_ne!(first_cookie, second_cookie);
    let stale = send(
        &app,
        Request::get("/").header(header::COOKIE, &first_cookie).body(Body::empty()).unwrap(),
    )
    .await;
    assert!(!body_text(stale).await.contains(seed::PEOPLE[3].full_name));
}

#[tokio::test]
async fn a_wrong_password_comes_back_to_the_form_with_a_message_and_no_session() {
    let app = test_app().await;
    let response =
        send(&app, sign_in_post(seed::PEOPLE[3].email, "salah sekali kata sandinya", None)).await;
    assert!(response.status().is_redirection());
    assert!(session_cookie(&response).is_none());
    let back = response.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(back.starts_with("http://127.0.0.1/masuk?") || back.starts_with("/masuk?"), "{back}");
    let path = back.trim_start_matches("http://127.0.0.1");
    let page = send(&app, get(path)).await;
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(page).await.contains("Email atau kata sandi salah."));
}

#[tokio::test]
async fn repeated_failures_are_answered_with_429_and_retry_after() {
    use leptos::server_fn::ServerFn as _;
    let app = test_app().await;
    let attempt = || {
        Request::post(app::api::SignIn::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(
                "email=kabid%40diskominfotik.sinergi.example&password=tebak+tebakan+saja",
            ))
            .unwrap()
    };
    for _ in 0..5 {
        assert_eq!(send(&app, attempt()).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let limited = send(&app, attempt()).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = limited.headers()[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry), "{retry}");
    // Even the right password waits: the account is locked for the window.
    let right = Request::post(app::api::SignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(
            "email=kabid%40diskominfotik.sinergi.example&password=demo+sinergi+lampung",
        ))
        .unwrap();
    assert_eq!(send(&app, right).await.status(), StatusCode::TOO_MANY_REQUESTS);
}
