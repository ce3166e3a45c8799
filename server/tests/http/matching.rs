//! A need's ranked offers over HTTP: the agency lead reads them with their reasons in either
//! language and filters them with a plain GET form; a university is refused, a visitor asked to
//! sign in. The weights page: public, changed by the province with a plain form.

use app::backend::entities::{need, need_match, organisation};
use app::backend::services::matching;
use axum::http::{StatusCode, header};
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

/// The weight in force of `factor` on the weights page (its "in force" cell).
fn weight_cell(html: &str, factor: &str) -> String {
    let row = html.split(&format!(r#"data-factor="{factor}""#)).nth(1).expect("the factor's row");
    let cell = row.split(r#"<td class="number">"#).nth(1).expect("its weight");
    cell.split('<').next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_province_changes_the_weights_with_a_plain_form_and_everyone_reads_them() {
    use leptos::server_fn::ServerFn;
    const PROVINCE: &str = "admin@pemprov.sinergi.example";
    let app = test_app().await;
    refresh(&app).await;
    let page = body_text(send(&app, get("/bobot-pencocokan")).await).await;
    assert!(page.contains("<h1>Bobot pencocokan</h1>"), "public: {page}");
    assert_eq!(weight_cell(&page, "competency"), "40", "the defaults apply");
    assert!(page.contains("Belum pernah diubah"), "no history yet");
    assert!(!page.contains("Simpan bobot"), "a visitor has no form");
    let lead = session_cookie_for(&app, LEAD).await;
    let seen = body_text(send(&app, cookie_get("/bobot-pencocokan", &lead)).await).await;
    assert!(!seen.contains("Simpan bobot"), "nor has an agency lead");

    // A refused post changes nothing and comes back with the error and what was typed.
    let province = session_cookie_for(&app, PROVINCE).await;
    let form = |competency: &str| {
        format!(
            "competency={competency}&timing=30&capacity=10&place=10&cost=5&track_record=0&text=5\
             &note=Waktu+lebih+penting+tahun+ini"
        )
    };
    let path = app::api::SetMatchWeights::PATH;
    let refused =
        send(&app, form_post_from("/bobot-pencocokan", path, form("empat"), Some(&province))).await;
    let back = refused.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let shown = body_text(send(&app, cookie_get(&back, &province)).await).await;
    assert!(shown.contains("Periksa kembali lalu kirim ulang."), "{back}: {shown}");
    assert!(shown.contains(r#"value="empat""#), "the typed value stays: {shown}");
    assert!(matching::current_weights(&app.state.db).await.unwrap().timing == 15);
    let lead_post =
        send(&app, form_post_from("/bobot-pencocokan", path, form("40"), Some(&lead))).await;
    assert!(lead_post.status().is_redirection() || lead_post.status() == StatusCode::FORBIDDEN);
    assert!(matching::current_weights(&app.state.db).await.unwrap().timing == 15);

    let saved =
        send(&app, form_post_from("/bobot-pencocokan", path, form("40"), Some(&province))).await;
    assert!(saved.status().is_redirection());
    let weights = matching::current_weights(&app.state.db).await.unwrap();
    assert_eq!((weights.timing, weights.cost, weights.track_record), (30, 5, 0));
    let page = body_text(send(&app, get("/bobot-pencocokan")).await).await;
    assert_eq!(weight_cell(&page, "timing"), "30", "{page}");
    assert!(page.contains("Waktu lebih penting tahun ini"), "the history keeps the reason");
    let english = body_text(send(&app, get("/en/bobot-pencocokan")).await).await;
    assert!(
        english.contains("<h1>Matching weights</h1>") && english.contains("History of changes")
    );
    // Every open need is queued to be ranked with the new weights.
    assert!(refresh_count(&app).await > 0, "the change queued the open needs");
}

/// Works the matching queue empty; how many items it worked.
async fn refresh_count(app: &TestApp) -> usize {
    let today = chrono::Utc::now().with_timezone(&app::domain::calendar::WIB).date_naive();
    let mut worked = 0;
    loop {
        let n = matching::run_queue(&app.state.db, today, 100).await.unwrap();
        if n == 0 {
            return worked;
        }
        worked += n;
    }
}
