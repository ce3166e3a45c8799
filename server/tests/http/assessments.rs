//! Competency assessment over HTTP, without JavaScript: a civil servant rates themselves by a
//! level's indicators (a missing level is refused in their language), their lead names a
//! supervisor and a target position, the supervisor rates them and that rating counts; a
//! colleague is told the profile does not exist; the pages speak English too.

use axum::http::{StatusCode, header};
use leptos::server_fn::ServerFn;

use crate::enrollments::{ASN, COLLEAGUE, LEAD};
use crate::support::*;

/// A civil servant of Diskominfotik no other test rates (position: Pranata Humas Ahli Pertama).
const RATED: &str = "asn3@diskominfotik.sinergi.example";

#[tokio::test]
async fn a_civil_servant_is_rated_by_themselves_and_their_supervisor_without_javascript() {
    let app = test_app().await;
    let rated = session_cookie_for(&app, RATED).await;
    let id = actor_for(&app, RATED).await.person_id;
    let own = body_text(send(&app, cookie_get("/kompetensi-saya", &rated)).await).await;
    assert!(own.contains("Profil kompetensi saya"), "{own}");
    assert!(own.contains("Pranata Humas Ahli Pertama") && own.contains("Belum dinilai"));
    assert!(own.contains(r#"href="/kompetensi-saya/MNJ-02""#), "{own}");

    // The form offers the five levels; sent without one, it is refused in Indonesian.
    let form_page = "/kompetensi-saya/MNJ-02";
    let form = body_text(send(&app, cookie_get(form_page, &rated)).await).await;
    assert_eq!(form.matches(r#"name="level""#).count(), 5, "{form}");
    let path = app::api::AssessCompetency::PATH;
    let missing = send(
        &app,
        form_post_from(form_page, path, "person=&code=MNJ-02&note=".into(), Some(&rated)),
    )
    .await;
    let back = missing.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let told = body_text(send(&app, cookie_get(&back, &rated)).await).await;
    assert!(told.contains("Wajib diisi."), "{back}: {told}");
    let saved = send(
        &app,
        form_post_from(form_page, path, "person=&code=MNJ-02&level=3&note=".into(), Some(&rated)),
    )
    .await;
    assert_eq!(saved.headers()[header::LOCATION], "/kompetensi-saya");
    let own = body_text(send(&app, cookie_get("/kompetensi-saya", &rated)).await).await;
    assert!(own.contains(r#"data-competency="MNJ-02" data-level="3""#), "{own}");
    assert!(own.contains("Level 3 (penilaian diri)"), "{own}");

    // The lead names the supervisor and the target position.
    let lead = session_cookie_for(&app, LEAD).await;
    let profile_page = format!("/orang/{id}/kompetensi");
    let seen = body_text(send(&app, cookie_get(&profile_page, &lead)).await).await;
    assert!(seen.contains("Rencana pengembangan"), "{seen}");
    let supervisor = actor_for(&app, COLLEAGUE).await;
    let plan = format!(
        "person={id}&supervisor={}&target_position=Kepala+Bidang+Statistik",
        supervisor.person_id
    );
    let planned =
        send(&app, form_post_from(&profile_page, app::api::SaveStaffPlan::PATH, plan, Some(&lead)))
            .await;
    assert!(planned.status().is_redirection(), "{:?}", planned.status());

    // The supervisor rates; their rating counts over the self-assessment.
    let by_supervisor = session_cookie_for(&app, COLLEAGUE).await;
    let rate_page = format!("/orang/{id}/kompetensi/MNJ-02");
    let rate_form = body_text(send(&app, cookie_get(&rate_page, &by_supervisor)).await).await;
    assert!(rate_form.contains("Penilaian atasan"), "{rate_form}");
    let body = format!("person={id}&code=MNJ-02&level=2&note=Perlu+pendampingan");
    let rated_by = send(&app, form_post_from(&rate_page, path, body, Some(&by_supervisor))).await;
    assert_eq!(rated_by.headers()[header::LOCATION], profile_page.as_str());
    let own = body_text(send(&app, cookie_get("/kompetensi-saya", &rated)).await).await;
    assert!(own.contains("Level 2 (penilaian atasan)"), "{own}");
    assert!(own.contains("Kepala Bidang Statistik") && own.contains("Perlu pendampingan"));
    assert!(own.contains(&supervisor.full_name));

    // Anyone else: not found.
    let colleague = session_cookie_for(&app, ASN).await;
    let hidden = send(&app, cookie_get(&profile_page, &colleague)).await;
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);

    let english = body_text(send(&app, cookie_get("/en/kompetensi-saya", &rated)).await).await;
    assert!(english.contains("My competency profile"), "{english}");
    assert!(
        english.contains("Level 2 (supervisor&#x27;s assessment)")
            || english.contains("Level 2 (supervisor's assessment)"),
        "{english}"
    );
}

#[tokio::test]
async fn naming_a_civil_servant_their_own_supervisor_is_refused_in_their_language() {
    let app = test_app().await;
    let lead = session_cookie_for(&app, LEAD).await;
    let id = actor_for(&app, RATED).await.person_id;
    for (prefix, message) in [
        ("", "Seorang ASN tidak dapat menjadi atasannya sendiri."),
        ("/en", "A civil servant cannot be their own supervisor."),
    ] {
        let page = format!("{prefix}/orang/{id}/kompetensi");
        let plan = format!("person={id}&supervisor={id}&target_position=");
        let refused =
            send(&app, form_post_from(&page, app::api::SaveStaffPlan::PATH, plan, Some(&lead)))
                .await;
        let back = refused.headers()[header::LOCATION].to_str().unwrap().to_owned();
        let told = body_text(send(&app, cookie_get(&back, &lead)).await).await;
        assert!(told.contains(message), "{back}: {told}");
    }
}

#[tokio::test]
async fn the_lead_turns_a_gap_into_a_prefilled_need_in_one_step() {
    let app = test_app().await;
    let lead_actor = actor_for(&app, LEAD).await;
    // asn1 holds Pranata Komputer Ahli Pertama (TEK-DATA-01 at level 2) in Bidang Statistik.
    let asn = actor_for(&app, ASN).await;
    let draft = app::model::AssessmentDraft { level: 1, note: String::new() };
    app::backend::services::assessments::rate(
        &app.state.db,
        &lead_actor,
        asn.person_id,
        "TEK-DATA-01",
        &draft,
    )
    .await
    .unwrap();

    let lead = session_cookie_for(&app, LEAD).await;
    let staff = body_text(send(&app, cookie_get("/jp-staf", &lead)).await).await;
    assert!(staff.contains(r#"href="/organisasi/diskominfotik/kesenjangan""#), "{staff}");
    let map =
        body_text(send(&app, cookie_get("/organisasi/diskominfotik/kesenjangan", &lead)).await)
            .await;
    assert!(map.contains("Kesenjangan kompetensi"), "{map}");
    assert!(map.contains(r#"data-competency="TEK-DATA-01""#), "{map}");
    assert!(map.contains(r#"data-below="1""#) && map.contains("di bawah standar"), "{map}");
    let link = "/organisasi/diskominfotik/kebutuhan-baru?jenis=kompetensi&amp;kompetensi=TEK-DATA-01\
                &amp;level=2&amp;jumlah=1&amp;unit=Bidang+Statistik";
    assert!(map.contains(link), "{map}");

    let form = body_text(send(&app, cookie_get(&link.replace("&amp;", "&"), &lead)).await).await;
    assert!(form.contains(r#"<option value="TEK-DATA-01" selected"#), "{form}");
    assert!(form.contains(r#"<option value="2" selected"#), "{form}");
    assert!(form.contains(r#"name="form[headcount]" type="number" required min="1""#));
    assert!(
        form.contains(r#"value="1""#) && form.contains(">Bidang Statistik</textarea>"),
        "{form}"
    );
    assert!(form.contains("Peningkatan kompetensi"), "{form}");

    // The people behind the cell, linked to their profiles; a civil servant may not look.
    let cell =
        "/organisasi/diskominfotik/kesenjangan/TEK-DATA-01?dasar=jabatan&unit=Bidang+Statistik";
    let people = body_text(send(&app, cookie_get(cell, &lead)).await).await;
    assert!(people.contains(&format!(r#"href="/orang/{}/kompetensi""#, asn.person_id)), "{people}");
    assert!(people.contains("Kurang 1 level"), "{people}");
    let refused = send(&app, cookie_get(cell, &session_cookie_for(&app, ASN).await)).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}
