//! Agency needs over HTTP: an agency lead posts a need with a plain form (no JavaScript), the
//! list shows each viewer what they may see, and text from agencies cannot become markup.

use app::backend::entities::need;
use axum::http::{StatusCode, header};
use leptos::server_fn::ServerFn as _;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::support::*;

const LEAD: &str = "kabid@diskominfotik.sinergi.example";

#[tokio::test]
async fn an_agency_lead_posts_a_research_need_with_a_plain_form() {
    let app = test_app().await;
    let cookie = session_cookie_for(&app, LEAD).await;
    let form =
        send(&app, cookie_get("/organisasi/diskominfotik/kebutuhan-baru?jenis=riset", &cookie))
            .await;
    assert_eq!(form.status(), StatusCode::OK);
    let html = body_text(form).await;
    assert!(html.contains("Kebutuhan riset baru"), "{html}");
    assert!(html.contains(r#"name="form[outputs][2]""#) && html.contains(r#"type="month""#));

    // Two of four outputs ticked: the browser sends only those, with gaps in the indexes.
    let body = "agency=diskominfotik&slug=&form[kind]=research&form[title]=Kajian+Arsip+Digital\
        &form[summary]=Ringkasan&form[description]=Arsip+menumpuk&form[deadline]=2099-09-30\
        &form[budget]=150.000.000&form[expected_output]=Rekomendasi&form[outputs][0]=policy_brief\
        &form[outputs][2]=prototype&form[starts_on]=2099-01-04\
        &form[figures][0][unit]=Sekretariat&form[figures][0][month]=2026-10\
        &form[figures][0][measure]=Berkas+tertunda&form[figures][0][value]=1.200\
        &form[figures][1][unit]=&form[figures][1][month]=&form[figures][1][measure]=\
        &form[figures][1][value]=";
    let saved =
        send(&app, form_post(app::api::SaveNeed::PATH, body.to_owned(), Some(&cookie))).await;
    assert!(saved.status().is_redirection(), "{}", saved.status());
    assert_eq!(saved.headers()[header::LOCATION], "/kebutuhan/kajian-arsip-digital");
    let stored = need::Entity::find()
        .filter(need::Column::Slug.eq("kajian-arsip-digital"))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the need is saved");
    assert_eq!((stored.status.as_str(), stored.budget_rupiah), ("draft", 150_000_000));

    let page = send(&app, cookie_get("/kebutuhan/kajian-arsip-digital", &cookie)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = body_text(page).await;
    assert!(html.contains("Policy brief, Purwarupa"), "{html}");
    assert!(html.contains("Berkas tertunda") && html.contains("1200"), "evidence table");
    assert!(html.contains("Buka kebutuhan"), "the lead may open it");
    let anonymous = send(&app, get("/kebutuhan/kajian-arsip-digital")).await;
    assert_eq!(anonymous.status(), StatusCode::NOT_FOUND, "a draft stays the agency's");

    // A refused form changes nothing and says why in Indonesian.
    let late = body
        .replace("2099-09-30", "2020-01-31")
        .replace("2099-01-04", "2019-06-01")
        .replace("Arsip+Digital", "Terlambat");
    let form_page = "/organisasi/diskominfotik/kebutuhan-baru?jenis=riset";
    let refused =
        send(&app, form_post_from(form_page, app::api::SaveNeed::PATH, late, Some(&cookie))).await;
    assert!(refused.status().is_redirection());
    let back = refused.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let shown = body_text(send(&app, cookie_get(&back, &cookie)).await).await;
    assert!(shown.contains("Tanggal ini sudah lewat."), "{back}: {shown}");
    // The typed input comes back with the error, once.
    assert!(shown.contains(r#"value="Kajian Terlambat""#), "{shown}");
    assert!(shown.contains(r#"value="2020-01-31""#) && shown.contains("Arsip menumpuk"));
    assert!(shown.contains(r#"value="Berkas tertunda""#), "evidence rows too");
    let again = body_text(send(&app, cookie_get(form_page, &cookie)).await).await;
    assert!(!again.contains("Kajian Terlambat"), "a later visit starts empty");
    // Nor does the research input land in the competency form of the same agency.
    let late = body.replace("2099-09-30", "2020-01-31").replace("Arsip+Digital", "Lagi");
    send(&app, form_post_from(form_page, app::api::SaveNeed::PATH, late, Some(&cookie))).await;
    let competency_form = "/organisasi/diskominfotik/kebutuhan-baru?jenis=kompetensi";
    let other = body_text(send(&app, cookie_get(competency_form, &cookie)).await).await;
    assert!(!other.contains("Kajian Lagi"), "{other}");
    let late_saved = need::Entity::find()
        .filter(need::Column::Slug.eq("kajian-terlambat"))
        .one(&app.state.db)
        .await
        .unwrap();
    assert!(late_saved.is_none());
}

#[tokio::test]
async fn the_list_shows_visitors_public_needs_and_universities_all_open_ones() {
    let app = test_app().await;
    let html = body_text(send(&app, get("/kebutuhan")).await).await;
    assert!(html.contains("Kajian Waktu Tanggap Pengaduan Masyarakat"), "public: {html}");
    assert!(!html.contains("Analisis Data Statistik Sektoral"), "not public");
    assert!(!html.contains("Keamanan Siber untuk Pengelola Aplikasi"), "a draft");

    let academic = session_cookie_for(&app, "dosen@unila.sinergi.example").await;
    let html =
        body_text(send(&app, cookie_get("/kebutuhan?jenis=kompetensi", &academic)).await).await;
    assert!(html.contains("Analisis Data Statistik Sektoral"), "{html}");
    assert!(!html.contains("Kajian Waktu Tanggap Pengaduan Masyarakat"), "research filtered out");
    assert!(html.contains(r#"<option value="kompetensi" selected"#), "the form keeps the filter");

    let lead = session_cookie_for(&app, LEAD).await;
    let own =
        body_text(send(&app, cookie_get("/kebutuhan?instansi=diskominfotik", &lead)).await).await;
    assert!(own.contains("Keamanan Siber untuk Pengelola Aplikasi"), "its own draft: {own}");

    let english = body_text(send(&app, get("/en/kebutuhan")).await).await;
    assert!(english.contains("Agency needs") && english.contains("Research need"), "{english}");
}

#[tokio::test]
async fn agencies_text_is_escaped() {
    let app = test_app().await;
    let cookie = session_cookie_for(&app, LEAD).await;
    let body = "agency=diskominfotik&slug=&form[kind]=competency\
        &form[title]=%3C%2Ftitle%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E\
        &form[summary]=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E\
        &form[description]=%3Cscript%3Ealert(2)%3C%2Fscript%3E\
        &form[deadline]=2099-06-30&form[budget]=0&form[competency]=MNJ-05\
        &form[target_level]=3&form[headcount]=10&form[units]=%3Cb%3EUnit%3C%2Fb%3E\
        &form[mode]=&form[region]=";
    let saved = send(&app, form_post(app::api::SaveNeed::PATH, body.into(), Some(&cookie))).await;
    assert!(saved.status().is_redirection(), "{}", saved.status());
    let location = saved.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let html = body_text(send(&app, cookie_get(&location, &cookie)).await).await;
    // Wherever the payloads appear, they are text: no tag, handler or script URL survives.
    for live in ["<script>alert", "<img src=x", "<b>Unit</b>"] {
        let at = html.find(live).map(|i| &html[i.saturating_sub(120)..(i + 80).min(html.len())]);
        assert!(at.is_none(), "{live} is live in the page: …{}…", at.unwrap_or_default());
    }
    assert!(html.contains("&lt;/title&gt;&lt;script&gt;"), "the title is shown as text");
}
