//! The JP ledger over HTTP, without JavaScript: a civil servant reads "JP this year / 20",
//! submits learning done elsewhere with a plain form (a future date is refused in their
//! language), their lead verifies it from the staff page (which links the year's exports), and
//! the year's figure rises.

use axum::http::header;
use chrono::Datelike;
use leptos::server_fn::ServerFn;

use crate::enrollments::{ASN, LEAD};
use crate::support::*;

#[tokio::test]
async fn a_civil_servant_submits_learning_and_the_lead_verifies_it_without_javascript() {
    let app = test_app().await;
    let asn = session_cookie_for(&app, ASN).await;
    let wib = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    let today = chrono::Utc::now().with_timezone(&wib).date_naive();
    let yesterday = today - chrono::Duration::days(1);
    let year = yesterday.year();
    let page = format!("/jp-saya?tahun={year}");
    let empty = body_text(send(&app, cookie_get(&page, &asn)).await).await;
    assert!(empty.contains(&format!("0 / 20 JP pada tahun {year}")), "{empty}");
    assert!(empty.contains("Ajukan untuk verifikasi"));

    let path = app::api::AddOutsideLearning::PATH;
    let form = |started: chrono::NaiveDate, ended: chrono::NaiveDate| {
        format!(
            "form[title]=Seminar+Keamanan+Siber&form[organiser]=BSSN\
             &form[learning_form]=seminar&form[international]=false&form[started_on]={started}\
             &form[ended_on]={ended}&form[programme_jp]=\
             &form[evidence]=https%3A%2F%2Fexample.org%2Fsertifikat"
        )
    };
    let tomorrow = today + chrono::Duration::days(1);
    let future = send(&app, form_post_from(&page, path, form(today, tomorrow), Some(&asn))).await;
    let back = future.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let told = body_text(send(&app, cookie_get(&back, &asn)).await).await;
    assert!(told.contains("Tanggal ini belum terjadi."), "{back}: {told}");
    let two_days = form(yesterday - chrono::Duration::days(1), yesterday);
    let sent = send(&app, form_post_from(&page, path, two_days, Some(&asn))).await;
    assert!(sent.status().is_redirection(), "{:?}", sent.status());
    let waiting = body_text(send(&app, cookie_get(&page, &asn)).await).await;
    assert!(waiting.contains("Menunggu verifikasi atasan"), "{waiting}");

    let lead = session_cookie_for(&app, LEAD).await;
    let staff_page = format!("/jp-staf?tahun={year}");
    let staff = body_text(send(&app, cookie_get(&staff_page, &lead)).await).await;
    assert!(staff.contains("Diakui 8 JP bila diverifikasi"), "{staff}");
    assert!(staff.contains("Seminar Keamanan Siber") && staff.contains("di bawah 20 JP"));
    // The four exports of the year, as links a lead downloads without JavaScript.
    for file in ["jp-staf.csv", "jp-staf.xlsx", "riwayat-pelatihan.csv", "riwayat-pelatihan.xlsx"] {
        let link = format!("href=\"/organisasi/diskominfotik/ekspor/{file}?tahun={year}\"");
        assert!(staff.contains(&link), "{link} in {staff}");
    }
    let id = app::backend::services::jp_ledger::staff_jp(
        &app.state.db,
        &actor_for(&app, LEAD).await,
        Some(year),
    )
    .await
    .unwrap()
    .iter()
    .flat_map(|a| a.pending.iter().map(|p| p.entry.id))
    .next()
    .expect("one waiting");
    let verified = send(
        &app,
        form_post_from(
            &staff_page,
            app::api::DecideJpEntry::PATH,
            format!("id={id}&approve=true&note="),
            Some(&lead),
        ),
    )
    .await;
    assert!(verified.status().is_redirection(), "{:?}", verified.status());
    let credited = body_text(send(&app, cookie_get(&page, &asn)).await).await;
    assert!(credited.contains(&format!("8 / 20 JP pada tahun {year}")), "{credited}");
    assert!(credited.contains("Masih kurang 12 JP"));
    let english = body_text(send(&app, cookie_get(&format!("/en{page}"), &asn)).await).await;
    assert!(english.contains(&format!("8 / 20 JP in {year}")), "{english}");
    // Not a page for civil servants.
    let refused = send(&app, cookie_get(&staff_page, &asn)).await;
    assert_eq!(refused.status(), axum::http::StatusCode::FORBIDDEN);
}
