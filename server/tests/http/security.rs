//! Security headers, CSP nonces, CSRF, TLS-only attributes, and static asset caching.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::support::*;

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
async fn every_page_names_in_its_header_the_nonce_its_scripts_carry_even_under_load() {
    let app = test_app().await;
    let paths = ["/", "/kompetensi", "/katalog?q=data", "/kebutuhan", "/tidak-ada", "/en/katalog"];
    let requests = (0..48).map(|i| {
        let app = &app;
        async move {
            let path = paths[i % paths.len()];
            let response = send(app, get(path)).await;
            let csp = response
                .headers()
                .get(header::CONTENT_SECURITY_POLICY)
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default();
            (path, csp, body_text(response).await)
        }
    });
    for (path, csp, html) in futures::future::join_all(requests).await {
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|s| s.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: no page policy in {csp:?}"));
        assert!(html.contains(&format!(r#"nonce="{nonce}""#)), "{path}: scripts lack {nonce}");
    }
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
