//! The public competency dictionary and LAN conversion table: the pages in both languages, the
//! CSV export, and the province's edit forms.

use app::backend::services::seed::{COMPETENCIES, POSITIONS};
use axum::http::{StatusCode, header};

use crate::support::*;

#[tokio::test]
async fn the_dictionary_page_lists_every_competency_with_five_levels_and_their_indicators() {
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
    // Behavioural indicators under every level (the seed has them for every competency).
    assert_eq!(html.matches("<ul class=\"indicators\">").count(), 5 * COMPETENCIES.len());
    assert!(html.contains("<li>Mengelompokkan pengaduan per penyebab setiap bulan</li>"));
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
        Some(
            "kode,jenis,nama,name_en,definisi,pemilik,level_1,level_2,level_3,level_4,level_5,\
             indikator_1,indikator_2,indikator_3,indikator_4,indikator_5"
        )
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), COMPETENCIES.len());
    assert!(rows.iter().all(|r| r.len() == 16 && !r[10].is_empty()), "five levels each");
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

#[tokio::test]
async fn the_province_uploads_the_dictionary_and_reads_the_outcome() {
    let app = test_app().await;
    let csv = "kode,jenis,nama,name_en,definisi,pemilik,level_1,level_2,level_3,level_4,level_5\n\
               TEK-GIS-01,teknis,Sistem Informasi Geografis,GIS,Mengolah data spasial.,Bappeda,a,b,c,d,e\n";
    let anonymous = send(&app, multipart_upload("/kompetensi/impor", "k.csv", csv, None)).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let lead = session_cookie_for(&app, "kabid@diskominfotik.sinergi.example").await;
    let refused =
        send(&app, multipart_upload("/kompetensi/impor", "k.csv", csv, Some(&lead))).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let province = session_cookie_for(&app, "admin@pemprov.sinergi.example").await;
    let with = |cookie: &str, path: &str| {
        axum::http::Request::get(path)
            .header(header::COOKIE, cookie)
            .body(axum::body::Body::empty())
            .unwrap()
    };
    let page = body_text(send(&app, with(&province, "/kompetensi")).await).await;
    assert!(
        page.contains("Perbarui kamus dari CSV")
            && page.contains(r#"enctype="multipart/form-data""#)
    );
    let public = body_text(send(&app, get("/kompetensi")).await).await;
    assert!(!public.contains("Perbarui kamus dari CSV"), "visitors get no upload form");

    let uploaded =
        send(&app, multipart_upload("/kompetensi/impor", "k.csv", csv, Some(&province))).await;
    assert_eq!(uploaded.status(), StatusCode::SEE_OTHER);
    let location = uploaded.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(location.starts_with("/kompetensi/impor/"), "{location}");
    let report = body_text(send(&app, with(&province, &location)).await).await;
    assert!(report.contains("Diimpor: 1 baris, 1 kompetensi baru, 0 diperbarui."), "{report}");
    let hidden = send(&app, with(&lead, &location)).await;
    assert_eq!(hidden.status(), StatusCode::FORBIDDEN);
    let listed = body_text(send(&app, get("/kompetensi")).await).await;
    assert!(listed.contains("Sistem Informasi Geografis"));

    let bad = "kode,jenis\nX,teknis\n";
    let refused =
        send(&app, multipart_upload("/kompetensi/impor", "salah.csv", bad, Some(&province))).await;
    let location = refused.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let report = body_text(send(&app, with(&province, &location)).await).await;
    assert!(report.contains("Tidak ada yang disimpan") && report.contains("level_5"), "{report}");
}

#[tokio::test]
async fn positions_download_as_csv_and_the_province_uploads_them() {
    let app = test_app().await;
    let response = send(&app, get("/jabatan.csv")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-cache");
    let csv = body_text(response).await;
    assert!(csv.starts_with("kode_jabatan,nama_jabatan,kode_kompetensi,level\n"), "{csv}");

    let province = session_cookie_for(&app, "admin@pemprov.sinergi.example").await;
    let file =
        "kode_jabatan,nama_jabatan,kode_kompetensi,level\nANALIS-DATA,Analis Data,MNJ-05,3\n";
    let uploaded =
        send(&app, multipart_upload("/jabatan/impor", "j.csv", file, Some(&province))).await;
    assert_eq!(uploaded.status(), StatusCode::SEE_OTHER);
    let location = uploaded.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let report = body_text(send(&app, cookie_get(&location, &province)).await).await;
    assert!(report.contains("Diimpor: 1 persyaratan, 1 jabatan baru, 0 diperbarui."), "{report}");
    let asn = session_cookie_for(&app, "asn1@diskominfotik.sinergi.example").await;
    let refused = send(&app, multipart_upload("/jabatan/impor", "j.csv", file, Some(&asn))).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(body_text(send(&app, get("/jabatan.csv")).await).await.contains("ANALIS-DATA"));
    let page = body_text(send(&app, get("/jabatan")).await).await;
    let entry = page.split("<li data-code=\"ANALIS-DATA\">").nth(1).expect("the new position");
    let entry = entry.split("</li>").next().unwrap_or_default();
    assert!(entry.contains("Analis Data") && entry.contains("1 kompetensi"), "{entry}");
    assert!(entry.contains("<tr data-code=\"MNJ-05\">"), "{entry}");
    assert!(entry.contains("<td class=\"number\">3</td>"), "{entry}");
}

#[tokio::test]
async fn the_positions_page_shows_each_standard_and_offers_the_import_to_the_province_only() {
    let app = test_app().await;
    let page = send(&app, get("/jabatan")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = body_text(page).await;
    for position in POSITIONS {
        let entry = html
            .split(&format!("<li data-code=\"{}\">", position.code))
            .nth(1)
            .unwrap_or_else(|| panic!("{} is listed", position.code));
        let entry = entry.split("</li>").next().unwrap_or_default();
        assert!(entry.contains(position.name), "{entry}");
        assert_eq!(entry.matches("<tr data-code=").count(), position.requires.len(), "{entry}");
    }
    assert!(!html.contains("action=\"/jabatan/impor\""), "anonymous visitors get no upload");
    let province = session_cookie_for(&app, "admin@pemprov.sinergi.example").await;
    let html = body_text(send(&app, cookie_get("/jabatan", &province)).await).await;
    assert!(html.contains("action=\"/jabatan/impor\""), "the province gets the upload");
    let english = body_text(send(&app, get("/en/jabatan")).await).await;
    assert!(
        english.contains("Competency standards of positions") && english.contains("Required level")
    );
}
