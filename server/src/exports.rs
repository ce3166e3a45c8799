//! The agency's exports for its leads and the province: `/organisasi/{slug}/ekspor/{file}` with
//! `file` one of `jp-staf.csv`, `jp-staf.xlsx`, `riwayat-pelatihan.csv`,
//! `riwayat-pelatihan.xlsx` (`?tahun=`, this year by default). CSV is streamed a page of rows at
//! a time; XLSX is written row by row to a temporary file (constant memory) and streamed from
//! it. Either way memory stays flat however many rows there are.

use std::collections::HashMap;
use std::io::{Seek, SeekFrom};

use app::backend::AppState;
use app::backend::auth::CurrentSession;
use app::backend::services::exports::{
    self, ExportScope, STAFF_COLUMNS, TRAINING_COLUMNS, safe_cell,
};
use app::error::AppError;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Extension, Path, Query, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures::stream;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use sea_orm::DatabaseConnection;

use crate::upload::refusal;

/// The route, for the main router.
pub fn routes() -> Router<AppState> {
    Router::new().route("/organisasi/{slug}/ekspor/{file}", get(export))
}

/// Which rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// Each staff member's JP of the year.
    StaffJp,
    /// The year's credited learning in SIASN's training-history fields.
    TrainingHistory,
}

impl Report {
    fn columns(self) -> &'static [&'static str] {
        match self {
            Self::StaffJp => &STAFF_COLUMNS,
            Self::TrainingHistory => &TRAINING_COLUMNS,
        }
    }

    /// The page of rows after `after`, as cells, and the next page's key.
    async fn page(
        self,
        db: &DatabaseConnection,
        scope: &ExportScope,
        after: i32,
    ) -> Result<(Vec<Vec<String>>, Option<i32>), AppError> {
        Ok(match self {
            Self::StaffJp => {
                let (rows, next) = exports::staff_page(db, scope, after).await?;
                (rows.iter().map(|r| r.cells().to_vec()).collect(), next)
            }
            Self::TrainingHistory => {
                let (rows, next) = exports::training_page(db, scope, after).await?;
                (rows.iter().map(|r| r.cells().to_vec()).collect(), next)
            }
        })
    }
}

async fn export(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentSession>,
    Path((slug, file)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some((name, extension)) = file.rsplit_once('.') else {
        return refusal(&AppError::NotFound);
    };
    let report = match name {
        "jp-staf" => Report::StaffJp,
        "riwayat-pelatihan" => Report::TrainingHistory,
        _ => return refusal(&AppError::NotFound),
    };
    let year = query
        .get("tahun")
        .and_then(|y| y.parse().ok())
        .unwrap_or_else(|| app::domain::calendar::ledger_year(chrono::Utc::now()));
    let scope = match current.require_actor() {
        Ok(actor) => exports::scope(&state.db, actor, &slug, year).await,
        Err(error) => Err(error),
    };
    let scope = match scope {
        Ok(scope) => scope,
        Err(error) => return refusal(&error),
    };
    let download = format!("{}-{name}-{year}.{extension}", scope.agency_slug);
    match extension {
        "csv" => attachment(
            csv_body(state.db.clone(), scope, report),
            "text/csv; charset=utf-8",
            &download,
        ),
        "xlsx" => match xlsx_body(&state.db, &scope, report).await {
            Ok(body) => attachment(
                body,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &download,
            ),
            Err(error) => refusal(&error),
        },
        _ => refusal(&AppError::NotFound),
    }
}

/// The CSV, page by page: a byte-order mark (so spreadsheet programs read UTF-8), the header,
/// then each page's rows as it is read.
pub fn csv_body(db: DatabaseConnection, scope: ExportScope, report: Report) -> Body {
    let pages = stream::try_unfold(Some(0), move |after| {
        let (db, scope) = (db.clone(), scope.clone());
        async move {
            let Some(after) = after else { return Ok::<_, AppError>(None) };
            let (rows, next) = report.page(&db, &scope, after).await?;
            let mut writer = csv::Writer::from_writer(Vec::new());
            let mut bytes = Vec::new();
            if after == 0 {
                bytes.extend_from_slice("\u{feff}".as_bytes());
                writer.write_record(report.columns()).map_err(csv_error)?;
            }
            for row in rows {
                let cells = row.iter().map(|cell| safe_cell(cell).into_owned());
                writer.write_record(cells).map_err(csv_error)?;
            }
            bytes.extend(writer.into_inner().map_err(|e| csv_error(e.into_error()))?);
            Ok(Some((Bytes::from(bytes), next)))
        }
    });
    Body::from_stream(pages)
}

fn csv_error(error: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("CSV export: {error}"))
}

fn xlsx_error(error: XlsxError) -> AppError {
    AppError::internal(format!("XLSX export: {error}"))
}

/// The XLSX, written row by row into a temporary file, then streamed from it.
pub async fn xlsx_body(
    db: &DatabaseConnection,
    scope: &ExportScope,
    report: Report,
) -> Result<Body, AppError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet_with_constant_memory().map_err(xlsx_error)?;
    sheet
        .set_name(if report == Report::StaffJp { "JP staf" } else { "Riwayat pelatihan" })
        .map_err(xlsx_error)?;
    for (column, title) in (0u16..).zip(report.columns()) {
        sheet.write_string_with_format(0, column, *title, &bold).map_err(xlsx_error)?;
    }
    let mut row = 1u32;
    let mut after = Some(0);
    while let Some(key) = after {
        let (rows, next) = report.page(db, scope, key).await?;
        for cells in rows {
            for (column, cell) in (0u16..).zip(&cells) {
                // Whole numbers (JP, year) as numbers; NIPs stay text (18 digits).
                match cell.parse::<i32>() {
                    Ok(number) if column > 0 => {
                        sheet.write_number(row, column, number).map_err(xlsx_error)?;
                    }
                    _ => {
                        sheet.write_string(row, column, cell).map_err(xlsx_error)?;
                    }
                }
            }
            row += 1;
        }
        after = next;
    }
    let mut file =
        tempfile::tempfile().map_err(|e| AppError::internal(format!("temp file: {e}")))?;
    workbook.save_to_writer(&mut file).map_err(xlsx_error)?;
    file.seek(SeekFrom::Start(0)).map_err(|e| AppError::internal(format!("temp file: {e}")))?;
    let reader = tokio_util::io::ReaderStream::new(tokio::fs::File::from_std(file));
    Ok(Body::from_stream(reader))
}

/// A file to save; never kept by shared caches (it names people).
pub(crate) fn attachment(body: Body, content_type: &'static str, name: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    response
}
