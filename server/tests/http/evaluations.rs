//! Training evaluation over HTTP, without JavaScript: a participant rates a course they
//! completed from "Kursus saya" (a missing rating is refused in their language), and once the
//! behaviour review falls due their lead rates it from "Penilaian perilaku"; the course's page
//! then shows both.

use axum::http::header;
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::certificates::certified;
use crate::enrollments::{ASN, LEAD};
use crate::support::*;

#[tokio::test]
async fn the_participant_and_then_the_lead_evaluate_a_completed_course() {
    let app = test_app().await;
    certified(&app, "Kelas Dievaluasi").await;
    let db = &app.state.db;
    let holder = actor_for(&app, ASN).await;
    let completed = app::backend::services::enrollments::own(db, &holder).await.unwrap().remove(0);
    let id = completed.place.enrollment_id;
    let course_page = format!("/katalog/kursus/{}", completed.course_slug);
    let before = body_text(send(&app, get(&course_page)).await).await;
    let unrated = before.contains("100% dari 1 peserta") && !before.contains("/5 dari");
    assert!(unrated, "completed, not yet rated: {before}");
    let asn = session_cookie_for(&app, ASN).await;
    let page = "/kursus-saya";
    let own = body_text(send(&app, cookie_get(page, &asn)).await).await;
    assert!(own.contains("Nilai kursus ini"), "{own}");

    let path = app::api::EvaluateCourse::PATH;
    let missing =
        send(&app, form_post_from(page, path, format!("enrollment={id}&comment="), Some(&asn)))
            .await;
    let back = missing.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let told = body_text(send(&app, cookie_get(&back, &asn)).await).await;
    assert!(told.contains("Wajib diisi."), "{back}: {told}");
    let body = format!("enrollment={id}&level=4&comment=Materi+langsung+terpakai");
    let sent = send(&app, form_post_from(page, path, body, Some(&asn))).await;
    assert!(sent.status().is_redirection(), "{:?}", sent.status());
    let own = body_text(send(&app, cookie_get(page, &asn)).await).await;
    assert!(own.contains("Penilaian Anda: 4/5") && !own.contains("Nilai kursus ini"), "{own}");

    // Sixty days on, the review falls due and the lead is told.
    app::backend::entities::enrollment::Entity::update_many()
        .col_expr(
            app::backend::entities::enrollment::Column::CompletedAt,
            Some(chrono::Utc::now() - chrono::Duration::days(61)).into(),
        )
        .filter(app::backend::entities::enrollment::Column::Id.eq(id))
        .exec(db)
        .await
        .unwrap();
    let opened = app::backend::services::evaluations::open_due_reviews(db).await.unwrap();
    assert_eq!(opened, 1);
    let lead = session_cookie_for(&app, LEAD).await;
    let reviews = "/penilaian-perilaku";
    let waiting = body_text(send(&app, cookie_get(reviews, &lead)).await).await;
    assert!(
        waiting.contains(&holder.full_name) && waiting.contains("Kelas Dievaluasi"),
        "{waiting}"
    );
    let rate = app::api::RateBehaviour::PATH;
    let body = format!("enrollment={id}&level=4&comment=");
    let rated = send(&app, form_post_from(reviews, rate, body, Some(&lead))).await;
    assert!(rated.status().is_redirection(), "{:?}", rated.status());
    let done = body_text(send(&app, cookie_get(reviews, &lead)).await).await;
    assert!(done.contains("Tidak ada penilaian yang menunggu."), "{done}");
    let english = body_text(send(&app, cookie_get("/en/kursus-saya", &asn)).await).await;
    assert!(english.contains("Your rating: 4/5"), "{english}");

    // Anyone sees the course's evaluation on its page, beside the university's record (the
    // same here: its only course that ended): the rating and the use at work, 4.0 each.
    let shown = body_text(send(&app, get(&course_page)).await).await;
    assert!(shown.contains("Hasil evaluasi") && shown.contains("100% dari 1 peserta"), "{shown}");
    assert_eq!(shown.matches("4,0/5 dari 1 penilaian").count(), 4, "{shown}");
}
