//! A short-lived cache of the public pages as visitors without a session see them (the
//! catalogue, the dictionary, the public needs, the home page), so that a popular search is
//! rendered once every few seconds instead of once per visitor.
//!
//! Only what cannot differ between such visitors is kept: a GET answered `200 text/html`
//! without a cookie, for a request that carried no session, keyed by language and URL. A signed-in
//! request is never answered from it. Each kept page is replayed with the nonce of the request
//! asking (its policy header is set outside, by `security_headers::page_nonce`). Any write —
//! a POST, PUT, PATCH or DELETE answered without an error from a signed-in session — empties
//! it; writes by another server process on the same database show after [`TIME_TO_LIVE`].

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use app::backend::auth::CurrentSession;
use app::backend::csp::PageNonce;
use app::ui::RequestLocale;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_TYPE, SET_COOKIE};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use moka::sync::Cache;

/// How long a page is replayed at most: the staleness another process's writes may show, and
/// the bound on pages that depend on the day (the "soonest" order).
pub const TIME_TO_LIVE: Duration = Duration::from_secs(10);
/// Memory the kept pages may take, in bytes of HTML.
const CAPACITY_BYTES: u64 = 32 * 1024 * 1024;
/// A page larger than this is not kept (no public page comes near it).
const MAX_PAGE_BYTES: usize = 512 * 1024;
/// The pages that may be kept: their path, or their path followed by `/…`.
const CACHEABLE: [&str; 5] = ["/katalog", "/kompetensi", "/jabatan", "/tabel-jp", "/kebutuhan"];

/// The kept pages. Cloning shares them.
#[derive(Clone)]
pub struct PageCache {
    pages: Cache<String, Arc<KeptPage>>,
    /// Bumped by every emptying: a page whose render began before a write is not kept after it.
    generation: Arc<AtomicU64>,
}

struct KeptPage {
    headers: HeaderMap,
    html: String,
    /// The nonce the page was rendered with, replaced by each replay's own.
    nonce: String,
}

impl PageCache {
    pub fn new() -> Self {
        let pages = Cache::builder()
            .time_to_live(TIME_TO_LIVE)
            .max_capacity(CAPACITY_BYTES)
            .weigher(|key: &String, page: &Arc<KeptPage>| {
                u32::try_from(key.len() + page.html.len()).unwrap_or(u32::MAX)
            })
            .build();
        Self { pages, generation: Arc::new(AtomicU64::new(0)) }
    }

    fn empty(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.pages.invalidate_all();
    }
}

impl Default for PageCache {
    fn default() -> Self {
        Self::new()
    }
}

/// The middleware; it sits inside `page_nonce`, which draws the request's nonce.
pub async fn replay_or_keep(
    State(cache): State<PageCache>,
    request: Request,
    next: Next,
) -> Response {
    let method = request.method().clone();
    let signed_in = request.extensions().get::<CurrentSession>().is_some_and(|s| s.actor.is_some());
    if method != Method::GET && method != Method::HEAD {
        let response = next.run(request).await;
        if signed_in
            && !(response.status().is_client_error() || response.status().is_server_error())
        {
            cache.empty();
        }
        return response;
    }
    let Some((key, nonce)) = cache_key(&request) else { return next.run(request).await };
    if let Some(page) = cache.pages.get(&key) {
        return replay(&page, &nonce);
    }
    let generation = cache.generation.load(Ordering::SeqCst);
    let response = next.run(request).await;
    keep(&cache, key, nonce, generation, response).await
}

/// The key of a request whose page may be kept or replayed, and the nonce it was given.
fn cache_key(request: &Request) -> Option<(String, String)> {
    if request.method() != Method::GET {
        return None;
    }
    let session = request.extensions().get::<CurrentSession>()?;
    if session.token.is_some() || session.actor.is_some() {
        return None;
    }
    let path = request.uri().path();
    let listed = path == "/"
        || CACHEABLE.iter().any(|prefix| {
            path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        });
    if !listed {
        return None;
    }
    let locale = request.extensions().get::<RequestLocale>()?;
    let nonce = request.extensions().get::<PageNonce>()?;
    Some((format!("{:?} {}", locale.0, request.uri()), nonce.0.clone()))
}

fn replay(page: &KeptPage, nonce: &str) -> Response {
    let mut response = Response::new(Body::from(page.html.replace(&page.nonce, nonce)));
    *response.headers_mut() = page.headers.clone();
    response
}

/// Keeps `response` when it is a page every visitor without a session would get, and answers
/// it either way.
async fn keep(
    cache: &PageCache,
    key: String,
    nonce: String,
    generation: u64,
    response: Response,
) -> Response {
    let html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if response.status() != StatusCode::OK || !html || response.headers().contains_key(SET_COOKIE) {
        return response;
    }
    let (parts, body) = response.into_parts();
    // Pages are rendered whole before they are sent (`SsrMode::Async`): reading the body keeps
    // nothing in memory that was not there already.
    let bytes: Bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::warn!(?error, "a page's body failed while it was read for the page cache");
            let mut failed = Response::new(Body::empty());
            *failed.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            return failed;
        }
    };
    if bytes.len() <= MAX_PAGE_BYTES
        && cache.generation.load(Ordering::SeqCst) == generation
        && let Ok(text) = std::str::from_utf8(&bytes)
    {
        let page = KeptPage { headers: parts.headers.clone(), html: text.to_owned(), nonce };
        cache.pages.insert(key, Arc::new(page));
    }
    Response::from_parts(parts, Body::from(bytes))
}
