//! A need's ranked offers over HTTP: the agency lead reads them with their reasons in either
//! language and filters them with a plain GET form; a university is refused, a visitor asked to
//! sign in.

use app::backend::entities::{need, need_match, organisation};
use app::backend::services::matching;
use axum::http::StatusCode;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::support::*;

const LEAD: &str = "kabid@diskominfotik.sinergi.example";
const ACADEMIC: &str = "dosen@unila.sinergi.example";

/// Works the matching queue empty, as the server's worker would.
async fn refresh(app: &TestApp) {
    let today = chrono::Utc::now().with_timezone(&app::domain::calendar::WIB).date_naive();
    while matching::run_queue(&app.state.db, today, 100).await.unwrap() > 0 {}
}

/// An open competency need of Diskominfotik with a stored ranking: its slug.
async fn ranked_need(app: &TestApp) -> String {
    let agency = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq("diskominfotik"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let ranked = need::Entity::find()
        .filter(need::Column::AgencyId.eq(agency.id))
        .filter(need::Column::Status.eq("open"))
        .filter(need::Column::Kind.eq("competency"))
        .filter(need::Column::Id.in_subquery(
            Query::select().column(need_match::Column::NeedId).from(need_match::Entity).to_owned(),
        ))
        .one(&app.state.db)
        .await
        .unwrap();
    ranked.expect("the demo data has a ranked open need of Diskominfotik").slug
}

#[tokio::test]
async fn the_agency_lead_reads_ranked_offers_with_reasons_and_filters_them() {
    let app = test_app().await;
    refresh(&app).await;
    let slug = ranked_need(&app).await;
    let cookie = session_cookie_for(&app, LEAD).await;

    let need_page =
        body_text(send(&app, cookie_get(&format!("/kebutuhan/{slug}"), &cookie)).await).await;
    assert!(need_page.contains(&format!("/kebutuhan/{slug}/penawaran")), "a link from the need");

    let path = format!("/kebutuhan/{slug}/penawaran");
    let page = send(&app, cookie_get(&path, &cookie)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = body_text(page).await;
    assert!(html.contains("<h1>Penawaran yang cocok</h1>"), "{html}");
    assert!(html.contains("Skor ") && html.contains(" dari 100"), "{html}");
    assert!(html.contains("kursi untuk"), "seats against headcount, in Indonesian: {html}");
    assert!(html.contains("Rincian skor") && html.contains("Kesesuaian kompetensi"));
    let all = html.matches("data-total=").count();
    assert!(all > 0);

    let english = body_text(send(&app, cookie_get(&format!("/en{path}"), &cookie)).await).await;
    assert!(english.contains("<h1>Matching offers</h1>"), "{english}");
    assert!(english.contains("seats for"), "{english}");

    let online =
        body_text(send(&app, cookie_get(&format!("{path}?moda=daring"), &cookie)).await).await;
    let shown = online.matches("data-total=").count();
    assert!(shown <= all, "a filter only narrows");
    assert!(online.contains(r#"<option value="daring" selected"#), "the filter stays chosen");
    let in_person =
        body_text(send(&app, cookie_get(&format!("{path}?moda=tatap_muka"), &cookie)).await).await;
    let blended =
        body_text(send(&app, cookie_get(&format!("{path}?moda=blended"), &cookie)).await).await;
    let by_mode =
        shown + in_person.matches("data-total=").count() + blended.matches("data-total=").count();
    assert_eq!(by_mode, all, "every listed course has exactly one mode");
}

#[tokio::test]
async fn a_university_is_refused_and_a_visitor_asked_to_sign_in() {
    let app = test_app().await;
    refresh(&app).await;
    let slug = ranked_need(&app).await;
    let path = format!("/kebutuhan/{slug}/penawaran");
    let academic = session_cookie_for(&app, ACADEMIC).await;
    let refused = send(&app, cookie_get(&path, &academic)).await;
    assert_eq!(
        refused.status(),
        StatusCode::FORBIDDEN,
        "a university sees the need, not its ranking"
    );
    let anonymous = send(&app, get(&path)).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert!(!body_text(anonymous).await.contains("data-total="));
}

#[tokio::test]
async fn the_lead_shortlists_an_offer_and_invites_its_university_with_plain_forms() {
    use leptos::server_fn::ServerFn;
    let app = test_app().await;
    refresh(&app).await;
    let slug = ranked_need(&app).await;
    let cookie = session_cookie_for(&app, LEAD).await;
    let path = format!("/kebutuhan/{slug}/penawaran");
    let page = body_text(send(&app, cookie_get(&path, &cookie)).await).await;
    assert!(page.contains("Masukkan daftar pendek") && page.contains("Undang mengajukan proposal"));
    // The first offer of the list.
    let offer = page
        .split(r#"data-slug=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a listed offer")
        .to_owned();

    let body = format!("slug={slug}&offer={offer}&on=true");
    let kept =
        send(&app, form_post_from(&path, app::api::ShortlistOffer::PATH, body, Some(&cookie)))
            .await;
    assert!(kept.status().is_redirection());
    let body = format!("slug={slug}&offer={offer}");
    let invited =
        send(&app, form_post_from(&path, app::api::InviteToPropose::PATH, body, Some(&cookie)))
            .await;
    assert!(invited.status().is_redirection());

    let short =
        body_text(send(&app, cookie_get(&format!("{path}?daftar=pendek"), &cookie)).await).await;
    assert_eq!(short.matches("data-total=").count(), 1, "only the shortlisted offer: {short}");
    assert!(short.contains(&format!(r#"data-slug="{offer}""#)));
    assert!(short.contains("Di daftar pendek") && short.contains("Keluarkan dari daftar pendek"));
    assert!(short.contains("Universitas sudah diundang mengajukan proposal"));
    assert!(short.contains(r#"name="daftar" value="pendek" checked"#), "the filter stays on");
}
