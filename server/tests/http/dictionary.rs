//! The public competency dictionary and LAN conversion table: the pages in both languages, the
//! CSV export, and the province's edit forms.

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

#[tokio::test]
async fn the_conversion_table_is_public_and_only_the_province_gets_its_forms() {
    let app = test_app().await;
    let html = body_text(send(&app, get("/tabel-jp")).await).await;
    assert!(html.contains("Seminar, konferensi, sarasehan") && html.contains("JP per hari"));
    assert!(!html.contains(r#"name="national""#), "visitors get no form: {html}");

    let cookie = session_cookie_for(&app, "admin@pemprov.sinergi.example").await;
    let request = axum::http::Request::get("/tabel-jp")
        .header(axum::http::header::COOKIE, &cookie)
        .body(axum::body::Body::empty())
        .unwrap();
    let html = body_text(send(&app, request).await).await;
    assert!(html.contains("Ubah: Seminar, konferensi, sarasehan"), "{html}");
    assert!(html.contains("Tambah baris") && html.contains(r#"id="national-seminar""#));
}
