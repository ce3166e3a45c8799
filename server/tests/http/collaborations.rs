//! A collaboration over HTTP, without JavaScript: the accepted need links to it, its parties
//! read it in either language, the university starts it with a plain form, cancelling without a
//! reason is refused with the reason shown, and an outsider does not learn it exists.

use axum::http::{StatusCode, header};
use leptos::server_fn::ServerFn;

use crate::support::*;

const LEAD: &str = "kabid@diskominfotik.sinergi.example";
const ACADEMIC: &str = "dosen@unila.sinergi.example";

/// An open need of Diskominfotik answered by Unila and accepted: (need slug, collaboration id).
pub async fn agreed(app: &TestApp) -> (String, i32) {
    use app::model::{NeedStatus, ProposalDraft, ProposalKind};
    let lead = actor_for(app, LEAD).await;
    let academic = actor_for(app, ACADEMIC).await;
    let draft = app::model::NeedDraft { title: "Kelas Pengaduan Terpadu".into(), ..need_draft() };
    let db = &app.state.db;
    let slug = app::backend::services::needs::create_need(db, &lead, "diskominfotik", &draft)
        .await
        .unwrap();
    app::backend::services::needs::change_status(db, &lead, &slug, NeedStatus::Open, "")
        .await
        .unwrap();
    let day = |m| chrono::NaiveDate::from_ymd_opt(2099, m, 1).unwrap();
    let proposal = ProposalDraft {
        kind: ProposalKind::Tailored,
        offer: None,
        seats: None,
        price_rupiah: 90_000_000,
        starts_on: day(3),
        ends_on: day(8),
        outputs: vec![app::model::ResearchOutput::PolicyBrief],
        message: String::new(),
    };
    let id = app::backend::services::proposals::propose(db, &academic, &slug, "unila", &proposal)
        .await
        .unwrap();
    let collaboration = app::backend::services::proposals::accept(db, &lead, id).await.unwrap();
    (slug, collaboration)
}

/// A research need (outputs, no seats).
fn need_draft() -> app::model::NeedDraft {
    use app::model::{NeedDetails, ResearchNeedDraft, ResearchOutput};
    let day = |m| chrono::NaiveDate::from_ymd_opt(2099, m, 1).unwrap();
    app::model::NeedDraft {
        title: String::new(),
        summary: "Kajian alur pengaduan.".into(),
        description: "Pengaduan menumpuk.".into(),
        deadline: day(10),
        budget_rupiah: 100_000_000,
        is_public: false,
        figures: Vec::new(),
        details: NeedDetails::Research(ResearchNeedDraft {
            expected_output: "Rekomendasi.".into(),
            outputs: vec![ResearchOutput::PolicyBrief],
            starts_on: day(2),
        }),
    }
}

#[tokio::test]
async fn the_parties_follow_and_move_a_collaboration_without_javascript() {
    let app = test_app().await;
    let (slug, id) = agreed(&app).await;
    let lead = session_cookie_for(&app, LEAD).await;
    let page = format!("/kolaborasi/{id}");

    let need = body_text(send(&app, cookie_get(&format!("/kebutuhan/{slug}"), &lead)).await).await;
    assert!(need.contains(&format!(r#"href="{page}""#)) && need.contains("Lihat kolaborasi"));

    let academic = session_cookie_for(&app, ACADEMIC).await;
    let shown = send(&app, cookie_get(&page, &academic)).await;
    assert_eq!(shown.status(), StatusCode::OK);
    let shown = body_text(shown).await;
    assert!(shown.contains("<h1>Kolaborasi: Kelas Pengaduan Terpadu</h1>"), "{shown}");
    assert!(shown.contains("Disepakati") && shown.contains("Mulai berjalan"));
    assert!(shown.contains("Policy brief"), "its outputs");

    let path = app::api::ChangeCollaborationStatus::PATH;
    let started = send(
        &app,
        form_post_from(
            &page,
            path,
            format!("id={id}&status=Running&note=Kick-off"),
            Some(&academic),
        ),
    )
    .await;
    assert!(started.status().is_redirection());
    let english = body_text(send(&app, cookie_get(&format!("/en{page}"), &lead)).await).await;
    assert!(english.contains("<strong>Running</strong>"), "{english}");
    assert!(english.contains("Kick-off"), "the note is in the history");

    let silent = send(
        &app,
        form_post_from(&page, path, format!("id={id}&status=Cancelled&note="), Some(&lead)),
    )
    .await;
    let back = silent.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let refused = body_text(send(&app, cookie_get(&back, &lead)).await).await;
    assert!(refused.contains("Wajib diisi."), "{back}: {refused}");
    assert!(refused.contains("<strong>Berjalan</strong>"), "still running");

    let outsider = session_cookie_for(&app, "dosen@itera.sinergi.example").await;
    assert_eq!(send(&app, cookie_get(&page, &outsider)).await.status(), StatusCode::NOT_FOUND);
}
