//! Proposals over HTTP, as a browser without JavaScript sends them: a university opens an
//! agency's need, fills in the proposal form (a refused one comes back with its errors and the
//! typed input), the proposal waits on the need's page, and the agency's lead declines one
//! without a reason (refused) and accepts it: the need is matched, in either language.

use app::backend::entities::{need, organisation, proposal};
use axum::http::{StatusCode, header};
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::support::*;

const LEAD: &str = "kabid@diskominfotik.sinergi.example";
const ACADEMIC: &str = "dosen@unila.sinergi.example";

/// An open competency need of Diskominfotik from the demo data: its slug.
async fn open_competency_need(app: &TestApp) -> String {
    let agency = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq("diskominfotik"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    need::Entity::find()
        .filter(need::Column::AgencyId.eq(agency.id))
        .filter(need::Column::Status.eq("open"))
        .filter(need::Column::Kind.eq("competency"))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the demo data has an open competency need of Diskominfotik")
        .slug
}

/// The proposal form's body: a tailored programme with `seats` seats.
fn proposal_body(slug: &str, seats: &str) -> String {
    format!(
        "slug={slug}&university=unila&form[kind]=tailored&form[offer]=&form[seats]={seats}\
         &form[price]=45000000&form[starts_on]=2099-03-01&form[ends_on]=2099-03-05\
         &form[message]=Kelas+khusus+untuk+petugas+pengaduan"
    )
}

async fn need_status(app: &TestApp, slug: &str) -> String {
    need::Entity::find()
        .filter(need::Column::Slug.eq(slug))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .status
}

#[tokio::test]
async fn a_university_proposes_and_the_agency_lead_accepts_without_javascript() {
    let app = test_app().await;
    let slug = open_competency_need(&app).await;
    let academic = session_cookie_for(&app, ACADEMIC).await;
    let need_path = format!("/kebutuhan/{slug}");

    // The need's page leads the university to the form.
    let page = body_text(send(&app, cookie_get(&need_path, &academic)).await).await;
    let form_page = format!("/kebutuhan/{slug}/proposal-baru?universitas=unila");
    assert!(page.contains(&form_page.replace('&', "&amp;")), "{page}");
    assert!(page.contains("Ajukan proposal"));
    let form = send(&app, cookie_get(&form_page, &academic)).await;
    assert_eq!(form.status(), StatusCode::OK);
    let form = body_text(form).await;
    assert!(form.contains("<h1>Proposal untuk "), "{form}");
    assert!(form.contains(r#"name="form[seats]""#), "a course need asks for seats");
    let english = body_text(send(&app, cookie_get(&format!("/en{form_page}"), &academic)).await);
    assert!(english.await.contains("<h1>Proposal for "));

    // No seats: refused, back to the form with the error and the typed message.
    let path = app::api::SubmitProposal::PATH;
    let refused =
        send(&app, form_post_from(&form_page, path, proposal_body(&slug, "0"), Some(&academic)))
            .await;
    assert!(refused.status().is_redirection());
    let back = refused.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let shown = body_text(send(&app, cookie_get(&back, &academic)).await).await;
    assert!(shown.contains("Harus antara 1 dan 100000."), "{back}: {shown}");
    assert!(shown.contains("Kelas khusus untuk petugas pengaduan"), "the input comes back");
    assert_eq!(proposal::Entity::find().count(&app.state.db).await.unwrap(), 0);

    let sent =
        send(&app, form_post_from(&form_page, path, proposal_body(&slug, "25"), Some(&academic)))
            .await;
    assert!(sent.status().is_redirection());
    let to = sent.headers()[header::LOCATION].to_str().unwrap();
    assert!(to.starts_with(&need_path), "back to the need: {to}");
    let page = body_text(send(&app, cookie_get(&need_path, &academic)).await).await;
    assert!(page.contains("Menunggu keputusan") && page.contains("Tarik proposal"), "{page}");
    assert!(!page.contains("Ajukan proposal"), "one waiting proposal per university");
    assert!(!page.contains("Terima proposal ini"), "the university does not decide");

    // The lead sees it with the decision forms; a decline needs a reason.
    let lead = session_cookie_for(&app, LEAD).await;
    let page = body_text(send(&app, cookie_get(&need_path, &lead)).await).await;
    assert!(page.contains("Universitas Lampung") && page.contains("Terima proposal ini"), "{page}");
    let id = proposal::Entity::find().one(&app.state.db).await.unwrap().unwrap().id;
    let silent = send(
        &app,
        form_post_from(
            &need_path,
            app::api::DeclineProposal::PATH,
            format!("id={id}&note="),
            Some(&lead),
        ),
    )
    .await;
    let back = silent.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let shown = body_text(send(&app, cookie_get(&back, &lead)).await).await;
    assert!(shown.contains("Periksa kembali lalu kirim ulang. Wajib diisi."), "{back}: {shown}");
    assert_eq!(need_status(&app, &slug).await, "open");

    let accepted = send(
        &app,
        form_post_from(&need_path, app::api::AcceptProposal::PATH, format!("id={id}"), Some(&lead)),
    )
    .await;
    assert!(accepted.status().is_redirection());
    assert_eq!(need_status(&app, &slug).await, "matched");
    let page = body_text(send(&app, cookie_get(&need_path, &lead)).await).await;
    assert!(page.contains("Diterima") && !page.contains("Terima proposal ini"), "{page}");
    let english = body_text(send(&app, cookie_get(&format!("/en{need_path}"), &academic)).await);
    let english = english.await;
    assert!(english.contains("University proposals") && english.contains("Accepted"), "{english}");
}

#[tokio::test]
async fn the_form_is_refused_to_the_agency_and_to_visitors() {
    let app = test_app().await;
    let slug = open_competency_need(&app).await;
    let form_page = format!("/kebutuhan/{slug}/proposal-baru?universitas=unila");
    let lead = session_cookie_for(&app, LEAD).await;
    assert_eq!(send(&app, cookie_get(&form_page, &lead)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(send(&app, get(&form_page)).await.status(), StatusCode::UNAUTHORIZED);
    // A visitor reading the need sees no proposals section at all.
    let page = body_text(send(&app, get(&format!("/kebutuhan/{slug}"))).await).await;
    assert!(!page.contains("proposals-heading"));
}

#[tokio::test]
async fn the_lead_finds_the_proposal_in_the_notification_centre_and_marks_it_read() {
    let app = test_app().await;
    let slug = open_competency_need(&app).await;
    let lead = session_cookie_for(&app, LEAD).await;
    let before = body_text(send(&app, cookie_get("/notifikasi", &lead)).await).await;
    assert!(before.contains("Belum ada notifikasi."), "{before}");
    assert!(!before.contains(r#"class="badge""#), "no badge without unread notifications");

    let academic = session_cookie_for(&app, ACADEMIC).await;
    let form_page = format!("/kebutuhan/{slug}/proposal-baru?universitas=unila");
    let path = app::api::SubmitProposal::PATH;
    let sent =
        send(&app, form_post_from(&form_page, path, proposal_body(&slug, "25"), Some(&academic)))
            .await;
    assert!(sent.status().is_redirection());

    let centre = body_text(send(&app, cookie_get("/notifikasi", &lead)).await).await;
    assert!(
        centre.contains(r#"aria-label="1 belum dibaca" class="badge">1</span>"#),
        "the header's badge: {centre}"
    );
    assert!(centre.contains("Universitas Lampung mengajukan proposal untuk kebutuhan"), "{centre}");
    assert!(centre.contains(&format!(r#"href="/kebutuhan/{slug}""#)), "it links to the need");
    let english = body_text(send(&app, cookie_get("/en/notifikasi", &lead)).await).await;
    assert!(english.contains("Universitas Lampung submitted a proposal for the need"), "{english}");
    assert!(english.contains(&format!(r#"href="/en/kebutuhan/{slug}""#)));
    // The university that proposed is not told of its own proposal.
    let own = body_text(send(&app, cookie_get("/notifikasi", &academic)).await).await;
    assert!(own.contains("Belum ada notifikasi."));

    let read = send(
        &app,
        form_post_from(
            "/notifikasi",
            app::api::MarkNotificationsRead::PATH,
            String::new(),
            Some(&lead),
        ),
    )
    .await;
    assert!(read.status().is_redirection());
    let after = body_text(send(&app, cookie_get("/notifikasi", &lead)).await).await;
    assert!(!after.contains(r#"class="badge""#), "read: no badge, {after}");
    assert!(after.contains(r#"data-state="read""#));
}
