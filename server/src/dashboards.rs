//! The dashboards' charts as CSV: `/dasbor-saya/{chart}.csv`, `/organisasi/{slug}/dasbor/
//! {chart}.csv`, `/organisasi/{slug}/dasbor-kampus/{chart}.csv` and `/dasbor-provinsi/
//! {chart}.csv`. The same rows the page draws and tabulates, with the page's column headings and
//! labels in the visitor's language; numbers written plainly (a point for decimals) so that
//! spreadsheets read them as numbers.

use app::backend::AppState;
use app::backend::auth::CurrentSession;
use app::backend::services::dashboards;
use app::backend::services::exports::safe_cell;
use app::error::AppError;
use app::i18n::Locale;
use app::model::{Chart, ChartKey, Charts};
use app::ui::RequestLocale;
use app::ui::chart_figure::{chart_texts, label_text};
use axum::Router;
use axum::extract::{Extension, Path, State};
use axum::response::Response;
use axum::routing::get;

use crate::exports::attachment;
use crate::upload::{locale_of, refusal};

/// The routes, for the main router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dasbor-saya/{file}", get(asn_chart))
        .route("/organisasi/{slug}/dasbor/{file}", get(agency_chart))
        .route("/organisasi/{slug}/dasbor-kampus/{file}", get(university_chart))
        .route("/dasbor-provinsi/{file}", get(province_chart))
}

async fn asn_chart(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentSession>,
    locale: Option<Extension<RequestLocale>>,
    Path(file): Path<String>,
) -> Response {
    let dashboard = async {
        chart_key(&file)?;
        dashboards::asn_dashboard(&state.db, current.require_actor()?).await
    };
    download(dashboard.await, &file, &file, locale_of(locale))
}

async fn agency_chart(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentSession>,
    locale: Option<Extension<RequestLocale>>,
    Path((slug, file)): Path<(String, String)>,
) -> Response {
    let dashboard = async {
        chart_key(&file)?;
        dashboards::agency_dashboard(&state.db, current.require_actor()?, &slug).await
    };
    download(dashboard.await, &file, &format!("{slug}-{file}"), locale_of(locale))
}

async fn university_chart(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentSession>,
    locale: Option<Extension<RequestLocale>>,
    Path((slug, file)): Path<(String, String)>,
) -> Response {
    let dashboard = async {
        chart_key(&file)?;
        dashboards::university_dashboard(&state.db, current.require_actor()?, &slug).await
    };
    download(dashboard.await, &file, &format!("{slug}-{file}"), locale_of(locale))
}

async fn province_chart(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentSession>,
    locale: Option<Extension<RequestLocale>>,
    Path(file): Path<String>,
) -> Response {
    let dashboard = async {
        chart_key(&file)?;
        dashboards::province_dashboard(&state.db, current.require_actor()?).await
    };
    download(dashboard.await, &file, &format!("provinsi-{file}"), locale_of(locale))
}

/// The chart `file` asks for, of `dashboard` (or why not), as a file to save as `name`.
fn download(
    dashboard: Result<impl Charts, AppError>,
    file: &str,
    name: &str,
    locale: Locale,
) -> Response {
    let bytes = dashboard.and_then(|dashboard| {
        let chart = dashboard.chart(chart_key(file)?).ok_or(AppError::NotFound)?;
        chart_csv(chart, locale)
    });
    match bytes {
        Ok(bytes) => attachment(bytes.into(), "text/csv; charset=utf-8", name),
        Err(error) => refusal(&error),
    }
}

/// The chart a file name (`{slug}.csv`) asks for.
fn chart_key(file: &str) -> Result<ChartKey, AppError> {
    file.strip_suffix(".csv").and_then(ChartKey::from_slug).ok_or(AppError::NotFound)
}

/// A byte-order mark (so spreadsheet programs read UTF-8), the headings, a row per bar.
fn chart_csv(chart: &Chart, locale: Locale) -> Result<Vec<u8>, AppError> {
    let csv_error = |e: csv::Error| AppError::internal(format!("chart CSV: {e}"));
    let [_, label_heading, value_heading] = chart_texts(locale, chart.key);
    let mut writer = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    writer.write_record([label_heading, value_heading]).map_err(csv_error)?;
    for row in &chart.rows {
        let label = label_text(locale, &row.label);
        writer
            .write_record([safe_cell(&label).as_ref(), &row.value.to_string()])
            .map_err(csv_error)?;
    }
    writer.into_inner().map_err(|e| csv_error(e.into_error().into()))
}
