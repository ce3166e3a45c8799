//! The public competency dictionary: the page in both languages and the CSV export.

use app::backend::services::seed::COMPETENCIES;
use axum::http::{StatusCode, header};

use crate::support::*;

#[tokio::test]
async fn the_dictionary_page_lists_every_competency_with_five_levels() {
    let app = test_app().await;
    let page = send(&app, get("/kompetensi")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = body_text(page).await;
    for competency in COMPETENCIES {
        assert!(
            html.contains(&format!("data-code=\"{}\"", competency.code)),
            "{}",
            competency.code
        );
    }
    assert_eq!(html.matches("<ol class=\"levels\">").count(), COMPETENCIES.len());
    assert!(html.contains("Pelayanan Publik"));
    let english = body_text(send(&app, get("/en/kompetensi")).await).await;
    assert!(english.contains("Competency dictionary") && english.contains("Public service"));
}

#[tokio::test]
async fn the_dictionary_downloads_as_csv() {
    let app = test_app().await;
    let response = send(&app, get("/kompetensi.csv")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/csv"));
    let csv = body_text(response).await;
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("kode,jenis,nama,name_en,definisi,pemilik,level_1,level_2,level_3,level_4,level_5")
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), COMPETENCIES.len());
    assert!(rows.iter().all(|r| r.len() == 11 && !r[10].is_empty()), "five levels each");
}
