//! The dashboards over HTTP on known states built here on top of the demo data. A civil
//! servant's: a certified course (8 JP this year), a second enrollment, 24 JP verified last
//! year, a pending and a void line that must not count, one supervisor rating below standard.
//! An agency's, the province's and a university's (on both databases: they aggregate in SQL):
//! JP of three civil servants, a rating, a collaboration, a certified course. Each shows exactly
//! those figures as charts, tables and CSV, in the visitor's language; others are refused.

use app::domain::calendar::ledger_year;
use axum::http::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use crate::certificates::certified;
use crate::enrollments::{ACADEMIC, ASN, LEAD, enroll_by_form, open_course};
use crate::support::*;

/// The rows (label, value) of the table of the chart `slug` on `page`.
fn table_rows(page: &str, slug: &str) -> Vec<(String, String)> {
    let start = page.find(&format!("id=\"{slug}\"")).unwrap_or_else(|| panic!("{slug} in {page}"));
    let section = &page[start..];
    let section = &section[..section.find("</section>").expect("section end")];
    let mut rows = Vec::new();
    let mut rest = section;
    while let Some(at) = rest.find("<th scope=\"row\">") {
        rest = &rest[at + "<th scope=\"row\">".len()..];
        let label = rest[..rest.find("</th>").expect("th end")].to_owned();
        let value_at = rest.find("<td class=\"number\">").expect("value") + 19;
        rest = &rest[value_at..];
        rows.push((label, rest[..rest.find("</td>").expect("td end")].to_owned()));
    }
    rows
}

fn pairs(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    rows.iter().map(|(l, v)| ((*l).to_owned(), (*v).to_owned())).collect()
}

#[tokio::test]
async fn a_civil_servant_sees_the_exact_figures_of_a_known_state_as_charts_tables_and_csv() {
    let app = test_app().await;
    let year = ledger_year(chrono::Utc::now());
    let asn = session_cookie_for(&app, ASN).await;
    let before = body_text(send(&app, cookie_get("/dasbor-saya", &asn)).await).await;
    assert!(before.contains(&format!("0 dari minimal 20 JP pada tahun {year}.")), "{before}");
    // Pranata Komputer Ahli Pertama requires eleven competencies, none assessed yet.
    assert!(
        before.contains("11 kompetensi yang dipersyaratkan jabatan Anda belum pernah dinilai.")
    );

    // The known state.
    certified(&app, "Kursus Dasbor").await;
    let next = open_course(&app, "Kursus Berikutnya", 5).await;
    assert!(enroll_by_form(&app, &next, false, &asn).await.status().is_redirection());
    let me = actor_for(&app, ASN).await;
    line_for(&app, me.person_id, year - 1, 24, "credited").await;
    line_for(&app, me.person_id, year, 5, "pending").await;
    line_for(&app, me.person_id, year - 2, 3, "void").await;
    let lead = actor_for(&app, LEAD).await;
    let below = app::model::AssessmentDraft { level: 1, note: String::new() };
    app::backend::services::assessments::rate(
        &app.state.db,
        &lead,
        me.person_id,
        "TEK-DATA-01",
        &below,
    )
    .await
    .unwrap();

    let page = body_text(send(&app, cookie_get("/dasbor-saya", &asn)).await).await;
    assert!(page.contains(&format!("8 dari minimal 20 JP pada tahun {year}.")), "{page}");
    // The course's evidence (MNJ-05 at 2) and the rating leave nine never assessed.
    assert!(page.contains("9 kompetensi yang dipersyaratkan jabatan Anda belum pernah dinilai."));
    let years = |values: [&str; 5]| -> Vec<(String, String)> {
        (0..5).map(|i| ((year - 4 + i).to_string(), values[i as usize].to_owned())).collect()
    };
    assert_eq!(table_rows(&page, "jp-per-tahun"), years(["0", "0", "0", "24", "8"]));
    assert_eq!(
        table_rows(&page, "kesenjangan"),
        pairs(&[("Pengelolaan Data Statistik Sektoral", "1")])
    );
    assert_eq!(table_rows(&page, "pendaftaran"), pairs(&[("Terdaftar", "1"), ("Selesai", "1")]));
    assert_eq!(table_rows(&page, "sertifikat"), years(["0", "0", "0", "0", "1"]));
    // Drawn: 24 JP (the largest, above the 20 JP line) fills the 360-unit span; the line at 20.
    // Five bars of 22 with gaps of 10: 150 high.
    assert!(page.contains("<svg viewBox=\"0 0 640 150\""), "{page}");
    assert!(page.contains("<rect x=\"220\" y=\"96\" width=\"360\" height=\"22\" class=\"bar\">"));
    assert!(page.contains("<rect x=\"220\" y=\"128\" width=\"120\" height=\"22\""));
    assert!(page.contains("<text x=\"212\" y=\"15.4\" text-anchor=\"end\">"));
    assert!(page.contains("<line x1=\"520\" x2=\"520\" y1=\"0\" y2=\"150\" class=\"target\">"));
    assert!(page.contains("href=\"/dasbor-saya/jp-per-tahun.csv\""));

    let csv = |path: &'static str| {
        let app = &app;
        let asn = asn.clone();
        async move {
            let response = send(app, cookie_get(path, &asn)).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            String::from_utf8(body_bytes(response).await).unwrap()
        }
    };
    let jp = csv("/dasbor-saya/jp-per-tahun.csv").await;
    let expected: String = std::iter::once("\u{feff}Tahun,JP\n".to_owned())
        .chain([0, 0, 0, 24, 8].iter().zip(year - 4..).map(|(v, y)| format!("{y},{v}\n")))
        .collect();
    assert_eq!(jp, expected);
    assert_eq!(
        csv("/en/dasbor-saya/kesenjangan.csv").await,
        "\u{feff}Competency,Levels missing\nSectoral statistics management,1\n"
    );
    assert_eq!(
        csv("/dasbor-saya/pendaftaran.csv").await,
        "\u{feff}Status,Jumlah\nTerdaftar,1\nSelesai,1\n"
    );

    // Someone who is no civil servant has no dashboard; an unknown chart does not exist.
    let academic = session_cookie_for(&app, ACADEMIC).await;
    let refused = send(&app, cookie_get("/dasbor-saya/jp-per-tahun.csv", &academic)).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let anonymous = send(&app, get("/dasbor-saya/jp-per-tahun.csv")).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let unknown = send(&app, cookie_get("/dasbor-saya/rahasia.csv", &asn)).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

/// Every chart's table on `page`, by the chart's anchor.
fn all_tables(page: &str, slugs: &[&str]) -> Vec<(String, Vec<(String, String)>)> {
    slugs.iter().map(|s| ((*s).to_owned(), table_rows(page, s))).collect()
}

fn chart(slug: &str, rows: &[(&str, &str)]) -> (String, Vec<(String, String)>) {
    (slug.to_owned(), pairs(rows))
}

/// The known state of the agency tests on top of the demo data (Diskominfotik: four civil
/// servants, none with JP; needs: one draft, three open): 24 JP for asn1, 5 for asn2, 12 waiting
/// for asn3; asn1 rated 1 where 2 is required; a collaboration with Unila of Rp 90 million
/// starting this year; a certified course of Unila (8 JP for asn1 this year).
async fn known_agency_state(app: &TestApp, year: i32) {
    use app::backend::entities::collaboration;
    let person = |email: &'static str| async move { actor_for(app, email).await.person_id };
    for (email, jp, status) in [
        ("asn1@diskominfotik.sinergi.example", 24, "credited"),
        ("asn2@diskominfotik.sinergi.example", 5, "credited"),
        ("asn3@diskominfotik.sinergi.example", 12, "pending"),
    ] {
        line_for(app, person(email).await, year, jp, status).await;
    }
    let lead = actor_for(app, LEAD).await;
    let below = app::model::AssessmentDraft { level: 1, note: String::new() };
    let asn1 = person(ASN).await;
    app::backend::services::assessments::rate(&app.state.db, &lead, asn1, "TEK-DATA-01", &below)
        .await
        .unwrap();
    let (_, id) = crate::collaborations::agreed(app).await;
    let starts = chrono::NaiveDate::from_ymd_opt(year, 2, 1).unwrap();
    collaboration::ActiveModel { id: Set(id), starts_on: Set(starts), ..Default::default() }
        .update(&app.state.db)
        .await
        .unwrap();
    certified(app, "Kursus Dasbor Instansi").await;
}

/// A ledger line of `jp` in `year` with `status` for `person_id`, as learning done elsewhere.
async fn line_for(app: &TestApp, person_id: i32, year: i32, jp: i32, status: &str) {
    use app::backend::entities::{jp_entry, learning_form};
    let db = &app.state.db;
    let form = learning_form::Entity::find()
        .filter(learning_form::Column::Code.eq("seminar"))
        .one(db)
        .await
        .unwrap()
        .expect("the seminar row");
    let day = chrono::NaiveDate::from_ymd_opt(year, 3, 10).unwrap();
    let agency = app::backend::entities::membership::Entity::find()
        .filter(app::backend::entities::membership::Column::PersonId.eq(person_id))
        .filter(app::backend::entities::membership::Column::Role.eq("asn"))
        .one(db)
        .await
        .unwrap()
        .expect("a civil servant")
        .organisation_id;
    jp_entry::ActiveModel {
        person_id: Set(person_id),
        agency_id: Set(agency),
        year: Set(year),
        source: Set("outside".into()),
        learning_form_id: Set(form.id),
        title: Set(format!("Seminar {year} {status}")),
        organiser: Set("BPSDM".into()),
        international: Set(false),
        programme_jp: Set(jp),
        evidence: Set("https://example.org/bukti".into()),
        note: Set(String::new()),
        started_on: Set(day),
        ended_on: Set(day),
        jp: Set(jp),
        status: Set(status.into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

#[tokio::test]
async fn an_agency_lead_and_the_province_see_the_exact_figures_of_a_known_state() {
    // On both databases: the figures are aggregated in SQL.
    for (app, database) in test_apps().await {
        eprintln!("dashboards on {database}");
        agency_and_province_figures(&app).await;
    }
}

async fn agency_and_province_figures(app: &TestApp) {
    let year = ledger_year(chrono::Utc::now());
    known_agency_state(app, year).await;
    let lead = session_cookie_for(app, LEAD).await;
    let page =
        body_text(send(app, cookie_get("/organisasi/diskominfotik/dasbor", &lead)).await).await;
    // asn1: 24 + 8 (the certificate) = 32; asn2: 5; asn3: 12 waiting; asn4: none.
    assert!(page.contains(&format!("1 dari 4 ASN sudah mencapai 20 JP pada tahun {year}.")));
    let spend: Vec<&str> = vec!["0", "0", "0", "0", "90"];
    let spend_rows: Vec<(String, String)> =
        (0..5).map(|i| ((year - 4 + i).to_string(), spend[i as usize].to_owned())).collect();
    assert_eq!(
        all_tables(&page, &["cakupan-jp", "kesenjangan-terbesar", "kebutuhan"]),
        vec![
            chart(
                "cakupan-jp",
                &[("0 JP", "2"), ("1–9 JP", "1"), ("10–19 JP", "0"), ("≥ 20 JP", "1")]
            ),
            chart("kesenjangan-terbesar", &[("Pengelolaan Data Statistik Sektoral", "1")]),
            chart("kebutuhan", &[("Draf", "1"), ("Dibuka", "3"), ("Mendapat mitra", "1")]),
        ]
    );
    assert_eq!(table_rows(&page, "anggaran"), spend_rows);
    assert!(page.contains("href=\"/organisasi/diskominfotik/kesenjangan\""));
    let csv = send(app, cookie_get("/organisasi/diskominfotik/dasbor/cakupan-jp.csv", &lead)).await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert_eq!(
        String::from_utf8(body_bytes(csv).await).unwrap(),
        "\u{feff}JP diakui,Jumlah ASN\n0 JP,2\n1–9 JP,1\n10–19 JP,0\n≥ 20 JP,1\n"
    );
    // Another agency's lead is refused, the page and the file alike.
    let other = session_cookie_for(app, "kasubbag@bkd.sinergi.example").await;
    let refused = send(app, cookie_get("/organisasi/diskominfotik/dasbor/kebutuhan.csv", &other));
    assert_eq!(refused.await.status(), StatusCode::FORBIDDEN);

    let admin = session_cookie_for(app, "admin@pemprov.sinergi.example").await;
    let province = body_text(send(app, cookie_get("/dasbor-provinsi", &admin)).await).await;
    let tables = all_tables(
        &province,
        &["cakupan-jp-per-instansi", "kesenjangan-terbesar", "kebutuhan", "kontribusi-kampus"],
    );
    assert_eq!(
        tables,
        vec![
            // The agencies furthest from the floor first.
            chart(
                "cakupan-jp-per-instansi",
                &[
                    ("Badan Kepegawaian Daerah Provinsi Lampung", "0"),
                    ("Badan Pengembangan Sumber Daya Manusia Provinsi Lampung", "0"),
                    ("Dinas Komunikasi, Informatika dan Statistik Provinsi Lampung", "25"),
                ]
            ),
            chart("kesenjangan-terbesar", &[("Pengelolaan Data Statistik Sektoral", "1")]),
            chart("kebutuhan", &[("Draf", "1"), ("Dibuka", "6"), ("Mendapat mitra", "1")]),
            chart("kontribusi-kampus", &[("Universitas Lampung", "8")]),
        ]
    );
    // Percentages are drawn against a whole bar of 100 %: Diskominfotik's 25 % (third row) is a
    // quarter of the 360 units, not the whole bar for being the largest.
    assert!(
        province.contains("<rect x=\"220\" y=\"64\" width=\"90\" height=\"22\" class=\"bar\">"),
        "{province}"
    );
    assert!(province.contains(&format!("1 dari 7 ASN sudah mencapai 20 JP pada tahun {year}.")));
    let csv = send(app, cookie_get("/en/dasbor-provinsi/kontribusi-kampus.csv", &admin)).await;
    assert_eq!(
        String::from_utf8(body_bytes(csv).await).unwrap(),
        "\u{feff}University,JP (certificates)\nUniversitas Lampung,8\n"
    );
    // A lead is no province administrator; a civil servant's chart is not the province's.
    let refused = send(app, cookie_get("/dasbor-provinsi", &lead)).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let mismatched = send(app, cookie_get("/dasbor-provinsi/jp-per-tahun.csv", &admin)).await;
    assert_eq!(mismatched.status(), StatusCode::NOT_FOUND);

    // Unila: the demo catalogue, the certified course (one completion), the collaboration.
    let academic = session_cookie_for(app, ACADEMIC).await;
    let campus =
        body_text(send(app, cookie_get("/organisasi/unila/dasbor-kampus", &academic)).await).await;
    let tables =
        all_tables(&campus, &["penawaran", "pendaftaran", "penyelesaian-kursus", "kolaborasi"]);
    assert_eq!(
        tables,
        vec![
            chart("penawaran", &[("Draf", "1"), ("Terbit", "4"), ("Ditutup", "1")]),
            chart("pendaftaran", &[("Selesai", "1")]),
            chart("penyelesaian-kursus", &[("Kursus Dasbor Instansi", "100")]),
            chart("kolaborasi", &[("Disepakati", "1")]),
        ]
    );
    assert!(
        campus.contains("<th scope=\"row\">Tingkat penyelesaian</th><td>100% dari 1 peserta</td>")
    );
    let csv = send(app, cookie_get("/organisasi/unila/dasbor-kampus/kolaborasi.csv", &academic));
    assert_eq!(
        String::from_utf8(body_bytes(csv.await).await).unwrap(),
        "\u{feff}Status,Jumlah kolaborasi\nDisepakati,1\n"
    );
    // Another university's academic, and an agency lead, are refused.
    let itera = session_cookie_for(app, "dosen@itera.sinergi.example").await;
    let refused = send(app, cookie_get("/organisasi/unila/dasbor-kampus", &itera)).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = send(app, cookie_get("/organisasi/unila/dasbor-kampus/kolaborasi.csv", &lead));
    assert_eq!(refused.await.status(), StatusCode::FORBIDDEN);
    // The province reads it.
    let read = send(app, cookie_get("/organisasi/unila/dasbor-kampus", &admin)).await;
    assert_eq!(read.status(), StatusCode::OK);
}
