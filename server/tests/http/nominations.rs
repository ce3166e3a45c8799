//! Nominating over HTTP, without JavaScript: the agency lead picks staff on a collaboration's
//! page, narrowed by unit and by gap (who has not yet reached the need's competency level), in
//! Indonesian and in English, and the nominee finds the course on "Kursus saya".

use leptos::server_fn::ServerFn;

use crate::certificates::certified;
use crate::enrollments::{ACADEMIC, ASN, COLLEAGUE, LEAD, open_course};
use crate::support::*;

/// A collaboration reserving 2 seats of the open course `slug` for a new open competency need
/// of Diskominfotik (MNJ-05 at `target_level`): its id.
async fn reserved_seats(app: &TestApp, slug: &str, target_level: i64) -> i32 {
    use app::backend::services::{needs, proposals};
    use app::model::{CompetencyNeedDraft, NeedDetails, NeedDraft, NeedStatus, ProposalDraft};
    let db = &app.state.db;
    let lead = actor_for(app, LEAD).await;
    let academic = actor_for(app, ACADEMIC).await;
    let need_draft = NeedDraft {
        title: format!("Petugas Aduan Terlatih {slug}"),
        summary: "Petugas aduan perlu pelatihan.".into(),
        description: "Aduan tidak tertangani.".into(),
        deadline: chrono::NaiveDate::from_ymd_opt(2099, 10, 1).unwrap(),
        budget_rupiah: 0,
        is_public: false,
        figures: Vec::new(),
        details: NeedDetails::Competency(CompetencyNeedDraft {
            competency: "MNJ-05".into(),
            target_level,
            headcount: 2,
            units: vec!["Bidang Aplikasi".into()],
            preferred_mode: None,
            region_code: String::new(),
        }),
    };
    let need = needs::create_need(db, &lead, "diskominfotik", &need_draft).await.unwrap();
    needs::change_status(db, &lead, &need, NeedStatus::Open, "").await.unwrap();
    let day = |m| chrono::NaiveDate::from_ymd_opt(2099, m, 1).unwrap();
    let proposal = ProposalDraft {
        kind: app::model::ProposalKind::Existing,
        offer: Some(slug.to_owned()),
        seats: Some(2),
        price_rupiah: 0,
        starts_on: day(3),
        ends_on: day(8),
        outputs: Vec::new(),
        message: String::new(),
    };
    let id = proposals::propose(db, &academic, &need, "unila", &proposal).await.unwrap();
    proposals::accept(db, &lead, id).await.unwrap()
}

#[tokio::test]
async fn the_lead_nominates_staff_from_the_collaboration_page() {
    let app = test_app().await;
    let slug = open_course(&app, "Kelas Aduan Warga", 30).await;
    let collaboration = reserved_seats(&app, &slug, 3).await;
    let page = format!("/kolaborasi/{collaboration}");

    let lead = session_cookie_for(&app, LEAD).await;
    let shown = body_text(send(&app, cookie_get(&page, &lead)).await).await;
    assert!(shown.contains("0 dari 2 kursi cadangan telah terisi."), "{shown}");
    let asn = actor_for(&app, ASN).await;
    assert!(shown.contains(&format!(r#"value="{}""#, asn.person_id)), "staff to pick");
    let nominated = send(
        &app,
        form_post_from(
            &page,
            app::api::NominateStaff::PATH,
            format!("id={collaboration}&people[3]={}", asn.person_id),
            Some(&lead),
        ),
    )
    .await;
    assert!(nominated.status().is_redirection());
    let academic_view =
        body_text(send(&app, cookie_get(&page, &session_cookie_for(&app, ACADEMIC).await)).await)
            .await;
    assert!(academic_view.contains("1 dari 2 kursi cadangan telah terisi."), "{academic_view}");
    assert!(academic_view.contains(&asn.full_name));
    let mine = body_text(
        send(&app, cookie_get("/kursus-saya", &session_cookie_for(&app, ASN).await)).await,
    )
    .await;
    assert!(mine.contains("Ditugaskan oleh"), "{mine}");
}

#[tokio::test]
async fn the_lead_narrows_the_staff_to_those_short_of_the_needs_level() {
    let app = test_app().await;
    // The ASN completed a course bringing Pelayanan Publik (MNJ-05) to level 2.
    certified(&app, "Kelas Dasar Aduan").await;
    let slug = open_course(&app, "Kelas Aduan Lanjut", 30).await;
    let at_two = reserved_seats(&app, &slug, 2).await;
    let at_three = reserved_seats(&app, &slug, 3).await;
    let lead = session_cookie_for(&app, LEAD).await;
    let asn = format!(r#"value="{}""#, actor_for(&app, ASN).await.person_id);
    let colleague = format!(r#"value="{}""#, actor_for(&app, COLLEAGUE).await.person_id);
    let page = |path: String| {
        let lead = lead.clone();
        let app = &app;
        async move { body_text(send(app, cookie_get(&path, &lead)).await).await }
    };

    let unfiltered = page(format!("/kolaborasi/{at_two}")).await;
    assert!(unfiltered.contains("Hanya yang belum mencapai Pelayanan Publik level 2"));
    assert!(unfiltered.contains(&asn) && unfiltered.contains(&colleague), "{unfiltered}");
    let short = page(format!("/kolaborasi/{at_two}?gap=1")).await;
    assert!(short.contains(r#"name="gap" value="1" checked"#), "{short}");
    assert!(!short.contains(&asn), "level 2 reached: not short of it");
    assert!(short.contains(&colleague));
    // Level 2 is not level 3: for this need the ASN is still short.
    let higher = page(format!("/kolaborasi/{at_three}?gap=1")).await;
    assert!(higher.contains(&asn) && higher.contains(&colleague), "{higher}");

    // With the unit too, and in English.
    let english = page(format!("/en/kolaborasi/{at_two}?gap=1&unit=Bidang+Informasi+Publik")).await;
    assert!(english.contains("Only those not yet at Public service level 2"), "{english}");
    assert!(!english.contains(&asn) && !english.contains(&colleague), "another unit");
    assert!(english.contains(r#"value="Bidang Informasi Publik" selected"#), "{english}");
}
