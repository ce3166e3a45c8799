//! Enrollment over HTTP, without JavaScript: a course page shows its seats to a visitor with a
//! way to sign in, a civil servant enrolls with a plain form and finds the course on "Kursus
//! saya", a full course offers the waitlist and says so when refused, and the agency lead
//! approves on the approvals page.

use axum::body::Body;
use axum::http::{Response, StatusCode, header};
use leptos::server_fn::ServerFn;
use sea_orm::EntityTrait;

use crate::support::*;

pub const LEAD: &str = "kabid@diskominfotik.sinergi.example";
pub const ASN: &str = "asn1@diskominfotik.sinergi.example";
pub const COLLEAGUE: &str = "asn2@diskominfotik.sinergi.example";
pub const ACADEMIC: &str = "dosen@unila.sinergi.example";

/// A published Unila course of `capacity` seats whose enrollment is open today: its slug.
pub async fn open_course(app: &TestApp, title: &str, capacity: i64) -> String {
    let academic = actor_for(app, ACADEMIC).await;
    let today = chrono::Utc::now().date_naive();
    let mut draft = app::model::CourseDraft { title: title.into(), capacity, ..draft_course() };
    draft.enrollment_opens_on = today - chrono::Duration::days(2);
    draft.enrollment_closes_on = today + chrono::Duration::days(5);
    draft.sessions[0].date = today + chrono::Duration::days(10);
    let db = &app.state.db;
    let slug = app::backend::services::offers::create_course(db, &academic, "unila", &draft)
        .await
        .unwrap();
    app::backend::services::offers::change_status(
        db,
        &academic,
        app::model::OfferKind::Course,
        &slug,
        app::model::OfferStatus::Published,
        "",
    )
    .await
    .unwrap();
    slug
}

/// Posts the course page's enroll form as `cookie`, asking for the line when `waitlist`.
pub async fn enroll_by_form(
    app: &TestApp,
    slug: &str,
    waitlist: bool,
    cookie: &str,
) -> Response<Body> {
    let page = format!("/katalog/kursus/{slug}");
    let body = format!("slug={slug}&waitlist={waitlist}");
    send(app, form_post_from(&page, app::api::Enroll::PATH, body, Some(cookie))).await
}

#[tokio::test]
async fn a_civil_servant_enrolls_waits_and_gives_up_a_place_without_javascript() {
    let app = test_app().await;
    let slug = open_course(&app, "Kelas Pelayanan Prima", 1).await;
    let page = format!("/katalog/kursus/{slug}");

    let visitor = body_text(send(&app, get(&page)).await).await;
    assert!(visitor.contains("1 dari 1 kursi tersedia"), "{visitor}");
    assert!(visitor.contains(&format!("/masuk?kembali={page}")), "a way to sign in and back");

    let asn = session_cookie_for(&app, ASN).await;
    let offered = body_text(send(&app, cookie_get(&page, &asn)).await).await;
    assert!(offered.contains(">Daftar</button>"), "{offered}");
    let enrolled = enroll_by_form(&app, &slug, false, &asn).await;
    assert!(enrolled.status().is_redirection(), "{:?}", enrolled.status());
    let seated = body_text(send(&app, cookie_get(&page, &asn)).await).await;
    assert!(seated.contains("<strong>Terdaftar</strong>"), "{seated}");
    assert!(seated.contains("0 dari 1 kursi tersedia"));
    let mine = body_text(send(&app, cookie_get("/kursus-saya", &asn)).await).await;
    assert!(mine.contains("Kelas Pelayanan Prima") && mine.contains("Terdaftar"), "{mine}");

    // The course is full: a colleague asking for a seat is told so, and offered the line.
    let colleague = session_cookie_for(&app, COLLEAGUE).await;
    let full = enroll_by_form(&app, &slug, false, &colleague).await;
    let back = full.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let told = body_text(send(&app, cookie_get(&back, &colleague)).await).await;
    assert!(told.contains("Semua kursi kursus ini sudah terisi"), "{back}: {told}");
    assert!(told.contains(">Masuk daftar tunggu</button>"));
    enroll_by_form(&app, &slug, true, &colleague).await;
    let english = body_text(send(&app, cookie_get(&format!("/en{page}"), &colleague)).await).await;
    assert!(english.contains("number 1 on the waitlist"), "{english}");

    // The first gives the seat up from "Kursus saya": the colleague moves up.
    let own = app::backend::services::enrollments::own(&app.state.db, &actor_for(&app, ASN).await)
        .await
        .unwrap();
    let id = own[0].place.enrollment_id;
    let cancelled = send(
        &app,
        form_post_from(
            "/kursus-saya",
            app::api::CancelEnrollment::PATH,
            format!("id={id}&note="),
            Some(&asn),
        ),
    )
    .await;
    assert!(cancelled.status().is_redirection());
    let moved = body_text(send(&app, cookie_get(&page, &colleague)).await).await;
    assert!(moved.contains("<strong>Terdaftar</strong>"), "{moved}");
    let mine = body_text(send(&app, cookie_get("/kursus-saya", &asn)).await).await;
    assert!(mine.contains("Dibatalkan"), "the ended place stays in the history");
}

#[tokio::test]
async fn the_lead_requires_and_gives_approval_on_the_approvals_page() {
    let app = test_app().await;
    let slug = open_course(&app, "Kelas Arsip Digital", 5).await;
    let lead = session_cookie_for(&app, LEAD).await;
    let page = "/persetujuan-pendaftaran";
    let shown = body_text(send(&app, cookie_get(page, &lead)).await).await;
    assert!(shown.contains("ASN dapat mendaftar mandiri tanpa persetujuan."), "{shown}");
    let path = app::api::SetEnrollmentApproval::PATH;
    let set = send(
        &app,
        form_post_from(page, path, "agency=diskominfotik&required=true".into(), Some(&lead)),
    )
    .await;
    assert!(set.status().is_redirection());

    let asn = session_cookie_for(&app, ASN).await;
    let course = format!("/katalog/kursus/{slug}");
    enroll_by_form(&app, &slug, false, &asn).await;
    let waiting = body_text(send(&app, cookie_get(&course, &asn)).await).await;
    assert!(waiting.contains("<strong>Menunggu persetujuan</strong>"), "{waiting}");
    let queue = body_text(send(&app, cookie_get(page, &lead)).await).await;
    assert!(queue.contains("Kelas Arsip Digital") && queue.contains("Tolak"), "{queue}");
    let id = app::backend::services::enrollments::own(&app.state.db, &actor_for(&app, ASN).await)
        .await
        .unwrap()[0]
        .place
        .enrollment_id;
    let bare = send(
        &app,
        form_post_from(
            page,
            app::api::DecideEnrollment::PATH,
            format!("id={id}&approve=false&note="),
            Some(&lead),
        ),
    )
    .await;
    let back = bare.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(body_text(send(&app, cookie_get(&back, &lead)).await).await.contains("Wajib diisi."));
    send(
        &app,
        form_post_from(
            page,
            app::api::DecideEnrollment::PATH,
            format!("id={id}&approve=true&note="),
            Some(&lead),
        ),
    )
    .await;
    let approved = body_text(send(&app, cookie_get(&course, &asn)).await).await;
    assert!(approved.contains("<strong>Terdaftar</strong>"), "{approved}");
    let empty = body_text(send(&app, cookie_get(page, &lead)).await).await;
    assert!(empty.contains("Tidak ada pendaftaran yang menunggu keputusan."));
    // Not a page for civil servants.
    assert_eq!(send(&app, cookie_get(page, &asn)).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_academic_keeps_attendance_and_a_participant_checks_in_without_javascript() {
    let app = test_app().await;
    let slug = open_course(&app, "Kelas Presensi Daring", 5).await;
    let course = format!("/katalog/kursus/{slug}");
    let asn = session_cookie_for(&app, ASN).await;
    enroll_by_form(&app, &slug, false, &asn).await;
    let academic = session_cookie_for(&app, ACADEMIC).await;
    let page = format!("{course}/peserta");
    let managed = body_text(send(&app, cookie_get(&course, &academic)).await).await;
    assert!(managed.contains(&format!(r#"href="{page}""#)), "linked for the course's academics");
    let sheet = body_text(send(&app, cookie_get(&page, &academic)).await).await;
    assert!(sheet.contains("1 peserta dengan kursi terkonfirmasi."), "{sheet}");
    let data = app::backend::services::attendance::sheet(
        &app.state.db,
        &actor_for(&app, ACADEMIC).await,
        &slug,
        1,
    )
    .await
    .unwrap();
    let session = data.sessions[0].id;
    let opened = send(
        &app,
        form_post_from(
            &page,
            app::api::OpenCheckIn::PATH,
            format!("slug={slug}&session={session}"),
            Some(&academic),
        ),
    )
    .await;
    assert!(opened.status().is_redirection());
    let code = app::backend::entities::check_in_code::Entity::find_by_id(session)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .code;
    let shown = body_text(send(&app, cookie_get(&page, &academic)).await).await;
    assert!(shown.contains(&code), "the code is on the sheet to read out");

    // A wrong code is refused with the reason; the right one counts.
    let wrong = send(
        &app,
        form_post_from(
            &course,
            app::api::CheckIn::PATH,
            format!("slug={slug}&code=ZZZZZZ"),
            Some(&asn),
        ),
    )
    .await;
    let back = wrong.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let told = body_text(send(&app, cookie_get(&back, &asn)).await).await;
    assert!(told.contains("bukan kode presensi sesi yang sedang dibuka"), "{told}");
    send(
        &app,
        form_post_from(
            &course,
            app::api::CheckIn::PATH,
            format!("slug={slug}&code={code}"),
            Some(&asn),
        ),
    )
    .await;
    let counted = body_text(send(&app, cookie_get(&page, &academic)).await).await;
    assert!(counted.contains("1 / 1"), "{counted}");
    // The academic unticks the list (an empty list for the page) and scores the participant.
    let id = data.rows[0].enrollment_id;
    send(
        &app,
        form_post_from(
            &page,
            app::api::MarkAttendance::PATH,
            format!("session={session}&shown[0]={id}"),
            Some(&academic),
        ),
    )
    .await;
    send(
        &app,
        form_post_from(
            &page,
            app::api::SaveScores::PATH,
            format!("slug={slug}&scores[0][id]={id}&scores[0][pre]=55&scores[0][post]=80"),
            Some(&academic),
        ),
    )
    .await;
    let after = app::backend::services::attendance::sheet(
        &app.state.db,
        &actor_for(&app, ACADEMIC).await,
        &slug,
        1,
    )
    .await
    .unwrap();
    assert_eq!(after.sessions[0].present, 0);
    assert_eq!((after.rows[0].pre_test, after.rows[0].post_test), (Some(55), Some(80)));
    // Not a page for the participant.
    assert_eq!(send(&app, cookie_get(&page, &asn)).await.status(), StatusCode::NOT_FOUND);
}
