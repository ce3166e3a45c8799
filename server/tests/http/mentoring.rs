//! Mentoring over HTTP, without JavaScript: a senior rated 4 offers to mentor from "Mentoring
//! saya"; a junior below standard follows "Cari mentor" from their profile and asks with a plan;
//! the mentor accepts; the junior logs a session, the mentor confirms it and completes the
//! mentoring; each step is told to the other one, every refusal is in their language, and the
//! mentee's JP rise by the conversion table's mentoring row.

use axum::http::header;
use chrono::Datelike;
use leptos::server_fn::ServerFn;

use crate::enrollments::{ASN, COLLEAGUE, LEAD};
use crate::support::*;

const CODE: &str = "TEK-DATA-01";

/// Posts a form from `page` that must be refused; the text of the page it is sent back to.
async fn refused(app: &TestApp, page: &str, path: &str, body: String, cookie: &str) -> String {
    let response = send(app, form_post_from(page, path, body, Some(cookie))).await;
    let back = response.headers()[header::LOCATION].to_str().unwrap().to_owned();
    body_text(send(app, cookie_get(&back, cookie)).await).await
}

/// Posts a form from `page` that must be accepted; where it sends the browser.
async fn accepted(app: &TestApp, page: &str, path: &str, body: String, cookie: &str) -> String {
    let response = send(app, form_post_from(page, path, body, Some(cookie))).await;
    assert!(response.status().is_redirection(), "{path}: {:?}", response.status());
    response.headers()[header::LOCATION].to_str().unwrap().to_owned()
}

async fn page(app: &TestApp, path: &str, cookie: &str) -> String {
    body_text(send(app, cookie_get(path, cookie)).await).await
}

#[tokio::test]
async fn a_pair_mentors_from_offer_to_credited_jp_without_javascript() {
    let app = test_app().await;
    let db = &app.state.db;
    let (mentor, mentee) = (actor_for(&app, ASN).await, actor_for(&app, COLLEAGUE).await);
    let lead = actor_for(&app, LEAD).await;
    let four = app::model::AssessmentDraft { level: 4, note: String::new() };
    app::backend::services::assessments::rate(db, &lead, mentor.person_id, CODE, &four)
        .await
        .unwrap();
    // The mentee's position requires level 2; they hold 1.
    let one = app::model::AssessmentDraft { level: 1, note: String::new() };
    app::backend::services::assessments::self_assess(db, &mentee, CODE, &one).await.unwrap();

    let senior = session_cookie_for(&app, ASN).await;
    let own = page(&app, "/mentoring", &senior).await;
    assert!(own.contains(&format!(r#"<option value="{CODE}">"#)), "{own}");
    let offer = app::api::OfferToMentor::PATH;
    let told =
        refused(&app, "/mentoring", offer, format!("competency={CODE}&capacity=9"), &senior).await;
    assert!(told.contains("Harus antara 1 dan 5."), "{told}");
    let body = format!("competency={CODE}&capacity=1&note=Kamis+pagi");
    accepted(&app, "/mentoring", offer, body, &senior).await;
    let own = page(&app, "/mentoring", &senior).await;
    assert!(own.contains("0 dari 1 tempat terisi"), "{own}");

    let junior = session_cookie_for(&app, COLLEAGUE).await;
    let profile = page(&app, "/kompetensi-saya", &junior).await;
    let find = format!("/mentoring/cari?kompetensi={CODE}");
    assert!(profile.contains(&format!(r#"href="{find}""#)), "{profile}");
    let found = page(&app, &find, &junior).await;
    assert!(
        found.contains(&format!(r#"data-mentor="{}""#, mentor.person_id))
            && found.contains(&mentor.full_name)
            && found.contains("Kamis pagi")
            && found.contains("1 tempat kosong"),
        "{found}"
    );
    let today = chrono::Utc::now().with_timezone(&app::domain::calendar::WIB).date_naive();
    let plan = |ends: chrono::NaiveDate| {
        format!(
            "form[competency]={CODE}&form[mentor]={}&form[goal_level]=2&form[starts_on]={today}\
             &form[ends_on]={ends}&form[note]=Ingin+mahir+mengolah+data",
            mentor.person_id
        )
    };
    let request = app::api::RequestMentor::PATH;
    let yesterday = today - chrono::Duration::days(1);
    let told = refused(&app, &find, request, plan(yesterday), &junior).await;
    assert!(told.contains("Akhir tidak boleh sebelum awal."), "{told}");
    let there = accepted(&app, &find, request, plan(today + chrono::Duration::days(60)), &junior);
    let there = there.await;
    let id: i32 = there.trim_start_matches("/mentoring/").parse().unwrap();
    let notified = page(&app, "/notifikasi", &senior).await;
    let asked = format!("{} meminta Anda menjadi mentor untuk kompetensi", mentee.full_name);
    assert!(notified.contains(&asked), "{notified}");

    let answer = app::api::AnswerMentorship::PATH;
    let told = refused(&app, &there, answer, format!("id={id}&note="), &senior).await;
    assert!(told.contains("Wajib diisi."), "{told}");
    accepted(&app, &there, answer, format!("id={id}&accept=true&note="), &senior).await;
    let notified = page(&app, "/notifikasi", &junior).await;
    assert!(notified.contains("menyetujui rencana mentoring"), "{notified}");

    let log = app::api::LogMentoringSession::PATH;
    let session = |minutes: u32| format!("id={id}&held_on={today}&minutes={minutes}&topic=Pivot");
    let told = refused(&app, &there, log, session(5), &junior).await;
    assert!(told.contains("Harus antara 15 dan 480."), "{told}");
    accepted(&app, &there, log, session(90), &junior).await;
    let notified = page(&app, "/notifikasi", &senior).await;
    assert!(notified.contains("mencatat sesi mentoring"), "{notified}");
    let shown = page(&app, &there, &senior).await;
    let logged = app::backend::services::mentoring::mentorship(db, &mentor, id).await.unwrap();
    let session_id = logged.sessions[0].id;
    assert!(shown.contains(&format!(r#"name="session" value="{session_id}""#)), "{shown}");
    let confirm = app::api::ConfirmMentoringSession::PATH;
    accepted(&app, &there, confirm, format!("session={session_id}"), &senior).await;
    let shown = page(&app, &there, &junior).await;
    assert!(shown.contains("Sesi terkonfirmasi: 90 menit (2 jam pelajaran)."), "{shown}");

    let complete = app::api::CompleteMentorship::PATH;
    let told = refused(&app, &there, complete, format!("id={id}"), &junior).await;
    assert!(told.contains("Anda tidak memiliki akses untuk tindakan ini."), "{told}");
    assert!(told.contains(r#"data-status="active""#), "{told}");
    accepted(&app, &there, complete, format!("id={id}"), &senior).await;
    let notified = page(&app, "/notifikasi", &junior).await;
    assert!(notified.contains("selesai: 2 JP dicatat di JP Anda."), "{notified}");
    let shown = page(&app, &there, &junior).await;
    assert!(shown.contains(r#"data-status="completed""#), "{shown}");
    let year = today.year();
    let jp = page(&app, &format!("/jp-saya?tahun={year}"), &junior).await;
    assert!(jp.contains(&format!("2 / 20 JP pada tahun {year}")), "{jp}");
    let jp = page(&app, &format!("/jp-saya?tahun={year}"), &senior).await;
    assert!(jp.contains(&format!("1 / 20 JP pada tahun {year}")), "{jp}");
}
