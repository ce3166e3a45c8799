//! The agency's exports over HTTP: its lead downloads the staff JP summary and the training
//! history in SIASN's fields as CSV and XLSX; a title that would run as a formula stays text;
//! nobody else gets them.

use std::io::Read;

use axum::http::{StatusCode, header};

use crate::certificates::certified;
use crate::enrollments::{ASN, LEAD};
use crate::support::*;

/// The text parts of an XLSX (a zip of XML): its shared strings and first sheet.
fn xlsx_text(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    for name in ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"] {
        if let Ok(mut part) = archive.by_name(name) {
            part.read_to_string(&mut text).unwrap();
        }
    }
    text
}

#[tokio::test]
async fn the_lead_downloads_staff_jp_and_the_siasn_training_history() {
    let app = test_app().await;
    let code = certified(&app, "Kelas Ekspor").await;
    let db = &app.state.db;
    let asn = actor_for(&app, ASN).await;
    let lead = actor_for(&app, LEAD).await;
    let wib = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    let yesterday = chrono::Utc::now().with_timezone(&wib).date_naive() - chrono::Duration::days(1);
    let learning = app::model::OutsideLearning {
        title: "=HYPERLINK(\"http://contoh.invalid\")".into(),
        organiser: "BSSN".into(),
        learning_form: "seminar".into(),
        international: false,
        started_on: yesterday,
        ended_on: yesterday,
        programme_jp: 0,
        evidence: "tautan".into(),
    };
    let id = app::backend::services::jp_ledger::submit_outside(db, &asn, &learning).await.unwrap();
    app::backend::services::jp_ledger::decide(db, &lead, id, true, "").await.unwrap();
    let year = chrono::Datelike::year(&yesterday);
    let number = app::backend::services::certificates::verify(db, None, &code, "http://x")
        .await
        .unwrap()
        .number;

    let cookie = session_cookie_for(&app, LEAD).await;
    let base = "/organisasi/diskominfotik/ekspor";
    let history =
        send(&app, cookie_get(&format!("{base}/riwayat-pelatihan.csv?tahun={year}"), &cookie))
            .await;
    assert_eq!(history.status(), StatusCode::OK);
    assert_eq!(history.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let disposition = history.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().to_owned();
    assert_eq!(
        disposition,
        format!("attachment; filename=\"diskominfotik-riwayat-pelatihan-{year}.csv\"")
    );
    let text = body_text(history).await;
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "\u{feff}NIP,Nama,Nama Pelatihan,Jenis Pelatihan,Penyelenggara,Tanggal Mulai,Tanggal Selesai,Jumlah Jam (JP),Nomor Sertifikat,Tahun"
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(rows[0].contains("Kelas Ekspor") && rows[0].contains(&number), "{}", rows[0]);
    assert!(
        rows[1].contains("\"'=HYPERLINK(\"\"http://contoh.invalid\"\")\""),
        "kept as text: {}",
        rows[1]
    );
    assert!(rows[1].contains(",4,,"), "4 JP, no certificate number: {}", rows[1]);

    let staff = body_text(
        send(&app, cookie_get(&format!("{base}/jp-staf.csv?tahun={year}"), &cookie)).await,
    )
    .await;
    // Read as a spreadsheet would: names hold commas ("Siti, S.Stat.").
    let records: Vec<csv::StringRecord> =
        csv::Reader::from_reader(staff.as_bytes()).records().collect::<Result<_, _>>().unwrap();
    let holder = records.iter().find(|r| r[1] == asn.full_name).expect("the civil servant");
    let jp: i64 = holder[4].parse().unwrap();
    assert!(jp >= 4, "{holder:?}");
    assert_eq!(&holder[5], if jp < 20 { "ya" } else { "tidak" });
    assert_eq!(&holder[3], year.to_string());

    let xlsx =
        send(&app, cookie_get(&format!("{base}/riwayat-pelatihan.xlsx?tahun={year}"), &cookie))
            .await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = body_bytes(xlsx).await;
    assert!(bytes.starts_with(b"PK"), "a zip");
    let sheet = xlsx_text(&bytes);
    assert!(sheet.contains("Kelas Ekspor") && sheet.contains(&number), "{sheet}");
    assert!(sheet.contains("Nomor Sertifikat"));

    // Not the staff, not another agency's lead, not the public; only these files.
    let own = session_cookie_for(&app, ASN).await;
    let path = format!("{base}/jp-staf.csv");
    assert_eq!(send(&app, cookie_get(&path, &own)).await.status(), StatusCode::FORBIDDEN);
    let other = session_cookie_for(&app, "kasubbag@bkd.sinergi.example").await;
    assert_eq!(send(&app, cookie_get(&path, &other)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(send(&app, get(&path)).await.status(), StatusCode::UNAUTHORIZED);
    let unknown = send(&app, cookie_get(&format!("{base}/semua.csv"), &cookie)).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let university = send(&app, cookie_get("/organisasi/unila/ekspor/jp-staf.csv", &cookie)).await;
    assert_eq!(university.status(), StatusCode::NOT_FOUND);
}
