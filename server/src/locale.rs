//! Chooses each request's locale before routing, so every route is declared once.
//!
//! - `/en/…` is English: the prefix is stripped, the choice remembered in a cookie.
//! - `/id/…` is the "Bahasa Indonesia" switch: remember the choice, redirect to the plain path.
//! - A plain path is Indonesian, unless a browser asking for a page prefers English (by cookie,
//!   else by `Accept-Language`): then it is redirected to the `/en/…` page.
//!
//! Only page navigations are redirected (GET/HEAD accepting HTML, outside `/api`, `/pkg` and the
//! probes); crawlers without cookies or language preferences always get the Indonesian page.

use app::backend::auth::cookie;
use app::i18n::Locale;
use app::ui::RequestLocale;
use app::ui::locale::{ENGLISH_PREFIX, INDONESIAN_PREFIX};
use axum::extract::{Request, State};
use axum::http::header::{ACCEPT, ACCEPT_LANGUAGE, COOKIE, LOCATION, SET_COOKIE, VARY};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos_i18n::Locale as _;

/// Name of the cookie that remembers the visitor's language.
pub const COOKIE_NAME: &str = "sinergi_lang";

/// The request headers a plain-path page's answer depends on.
const VARY_ON: &str = "Accept, Cookie, Accept-Language";

/// What the middleware needs to know of the configuration.
#[derive(Debug, Clone, Copy)]
pub struct LocaleSettings {
    /// Mark the language cookie `Secure` (served over TLS).
    pub secure_cookies: bool,
}

/// The middleware; see the module documentation.
pub async fn negotiate(
    State(settings): State<LocaleSettings>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    if let Some(rest) = strip_locale_prefix(&path, ENGLISH_PREFIX) {
        if let Some(uri) = with_path(request.uri(), &rest) {
            *request.uri_mut() = uri;
        }
        request.extensions_mut().insert(RequestLocale(Locale::en));
        let mut response = next.run(request).await;
        remember(&mut response, Locale::en, settings);
        return response;
    }
    if let Some(rest) = strip_locale_prefix(&path, INDONESIAN_PREFIX) {
        let target = match request.uri().query() {
            Some(query) => format!("{rest}?{query}"),
            None => rest,
        };
        let mut response = (StatusCode::SEE_OTHER, [(LOCATION, target)]).into_response();
        remember(&mut response, Locale::id, settings);
        return response;
    }

    let negotiable = is_negotiable(request.method(), &path);
    if negotiable
        && accepts_html(request.headers())
        && preferred_locale(request.headers()) == Some(Locale::en)
    {
        let target = match request.uri().query() {
            Some(query) => format!("{ENGLISH_PREFIX}{path}?{query}"),
            None => format!("{ENGLISH_PREFIX}{path}"),
        };
        let mut response = (StatusCode::TEMPORARY_REDIRECT, [(LOCATION, target)]).into_response();
        response.headers_mut().insert(VARY, HeaderValue::from_static(VARY_ON));
        return response;
    }
    request.extensions_mut().insert(RequestLocale(Locale::id));
    let mut response = next.run(request).await;
    if negotiable {
        // Caches must not hand this page to a browser whose preference would redirect it.
        response.headers_mut().append(VARY, HeaderValue::from_static(VARY_ON));
    }
    response
}

/// `/en/katalog` → `/katalog`, `/en` → `/`; `None` when `path` has another first segment.
/// Leading slashes and backslashes of the rest collapse to one slash, so that the result can
/// never be read as a protocol-relative URL (`//evil.example`, `/\evil.example`) in a redirect.
fn strip_locale_prefix(path: &str, prefix: &str) -> Option<String> {
    let rest = path.strip_prefix(prefix)?;
    if !rest.is_empty() && !rest.starts_with('/') {
        return None;
    }
    Some(format!("/{}", rest.trim_start_matches(['/', '\\'])))
}

fn with_path(uri: &Uri, path: &str) -> Option<Uri> {
    let path_and_query = match uri.query() {
        Some(query) => format!("{path}?{query}"),
        None => path.to_owned(),
    };
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = Some(path_and_query.parse().ok()?);
    Uri::from_parts(parts).ok()
}

/// GET/HEAD of an app page (not a file, server function or probe): its answer depends on the
/// visitor's language preference when the client is a browser asking for HTML.
fn is_negotiable(method: &Method, path: &str) -> bool {
    let static_or_api =
        ["/api/", "/pkg/", "/healthz", "/readyz"].iter().any(|p| path.starts_with(p))
            || path.rsplit('/').next().is_some_and(|last| last.contains('.'));
    (method == Method::GET || method == Method::HEAD) && !static_or_api
}

fn accepts_html(headers: &HeaderMap) -> bool {
    headers.get(ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
}

/// The visitor's language: the cookie wins, then `Accept-Language`. `None` means no preference.
pub fn preferred_locale(headers: &HeaderMap) -> Option<Locale> {
    cookie_locale(headers).or_else(|| {
        headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(accept_language_locale)
    })
}

fn cookie_locale(headers: &HeaderMap) -> Option<Locale> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|header| cookie::value(header, COOKIE_NAME))
        .and_then(|value| match value {
            "en" => Some(Locale::en),
            "id" => Some(Locale::id),
            _ => None,
        })
}

/// The supported language with the highest quality in an `Accept-Language` header; on a tie the
/// one listed first. `in` is the old code for Indonesian that some devices still send.
pub fn accept_language_locale(header: &str) -> Option<Locale> {
    let mut best: Option<(Locale, f32)> = None;
    for item in header.split(',') {
        let mut parts = item.trim().split(';');
        let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or_default();
        let locale = match primary {
            "id" | "in" => Locale::id,
            "en" => Locale::en,
            _ => continue,
        };
        if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
            best = Some((locale, quality));
        }
    }
    best.map(|(locale, _)| locale)
}

fn remember(response: &mut Response, locale: Locale, settings: LocaleSettings) {
    let secure = if settings.secure_cookies { "; Secure" } else { "" };
    let cookie = format!(
        "{COOKIE_NAME}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        locale.as_str()
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(SET_COOKIE, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_supported_language_of_highest_quality() {
        assert_eq!(accept_language_locale("en-US,en;q=0.9,id;q=0.8"), Some(Locale::en));
        assert_eq!(accept_language_locale("id-ID,id;q=0.9,en;q=0.8"), Some(Locale::id));
        assert_eq!(accept_language_locale("fr,en;q=0.5,id;q=0.7"), Some(Locale::id));
        assert_eq!(accept_language_locale("in;q=0.9,en;q=0.9"), Some(Locale::id));
        assert_eq!(accept_language_locale("en;q=0"), None);
        assert_eq!(accept_language_locale("de-DE"), None);
        assert_eq!(accept_language_locale(""), None);
    }

    #[test]
    fn the_cookie_outranks_accept_language() {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("en"));
        assert_eq!(preferred_locale(&headers), Some(Locale::en));
        headers.insert(COOKIE, HeaderValue::from_static("a=b; sinergi_lang=id"));
        assert_eq!(preferred_locale(&headers), Some(Locale::id));
    }

    #[test]
    fn strips_only_whole_prefix_segments() {
        assert_eq!(strip_locale_prefix("/en", "/en").as_deref(), Some("/"));
        assert_eq!(strip_locale_prefix("/en/katalog", "/en").as_deref(), Some("/katalog"));
        assert_eq!(strip_locale_prefix("/entri", "/en"), None);
        assert_eq!(strip_locale_prefix("/en/", "/en").as_deref(), Some("/"));
    }

    #[test]
    fn never_yields_a_protocol_relative_path() {
        for evil in ["/id//evil.example", "/id/\\evil.example", "/id/\\/evil.example", "/id///x"] {
            let rest = strip_locale_prefix(evil, "/id").unwrap();
            assert!(!rest.starts_with("//") && !rest.starts_with("/\\"), "{evil} -> {rest}");
        }
    }
}
