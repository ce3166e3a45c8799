//! One page load through the whole router for the benchmarks: a GET with the session cookie,
//! timed to the body's last byte, with the SQL statements it cost.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt as _;

use crate::StartError;

/// What one page load took.
pub struct Loaded {
    pub took: Duration,
    /// Statements counted on the pool while it ran (the benchmark runs one request at a time).
    pub statements: usize,
    pub bytes: usize,
}

/// Asks for `path` as the holder of `cookie` (in Indonesian); anything but 200 is an error.
pub async fn get(
    router: &Router,
    path: &str,
    cookie: &str,
    statements: &AtomicUsize,
) -> Result<Loaded, StartError> {
    let request = Request::get(path)
        .header(header::COOKIE, cookie)
        .header(header::ACCEPT_LANGUAGE, "id")
        .body(Body::empty())
        .map_err(|e| StartError::Bench(e.to_string()))?;
    let before = statements.load(Ordering::SeqCst);
    let began = Instant::now();
    let response =
        router.clone().oneshot(request).await.map_err(|e| StartError::Bench(e.to_string()))?;
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .map_err(|e| StartError::Bench(e.to_string()))?;
    let took = began.elapsed();
    if status != StatusCode::OK {
        return Err(StartError::Bench(format!("{path}: {status}")));
    }
    Ok(Loaded { took, statements: statements.load(Ordering::SeqCst) - before, bytes: body.len() })
}
