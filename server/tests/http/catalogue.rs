//! The public catalogue over HTTP: search and filter links, offer pages with their search-engine
//! metadata, and text from authors that cannot become markup or script.

use app::backend::services::offers;
use app::model::{CourseDraft, OfferKind, OfferPerson, OfferStatus, SessionDraft};
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::support::*;

#[tokio::test]
async fn the_catalogue_searches_and_filters_by_link_in_both_languages() {
    let app = test_app().await;
    let page = send(&app, get("/katalog")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = body_text(page).await;
    assert!(html.contains("Katalog kursus dan riset"), "{html}");
    assert!(html.contains("Keamanan Informasi untuk Perangkat Daerah"));
    assert!(!html.contains("Literasi Data untuk Pimpinan"), "a draft is not listed");
    assert!(html.contains(r#"role="search""#) && html.contains(r#"method="get""#));

    let html = body_text(send(&app, get("/katalog?q=arsip&jenis=kursus")).await).await;
    assert!(html.contains("Pengelolaan Arsip Dinamis Berbasis Elektronik"), "{html}");
    assert!(!html.contains("Digitalisasi Arsip Penyuluhan Pertanian"), "research filtered out");
    assert!(html.contains("1 hasil"), "{html}");
    assert!(html.contains(r#"<option value="kursus" selected"#), "the form keeps the filter");

    let html = body_text(send(&app, get("/en/katalog?moda=daring&biaya=gratis")).await).await;
    assert!(html.contains("Catalogue of courses and research"));
    assert!(html.contains("Keamanan Informasi untuk Perangkat Daerah"), "{html}");
    assert!(!html.contains("Komunikasi Publik dan Media Sosial Instansi"), "paid: filtered out");
}

#[tokio::test]
async fn an_offer_page_carries_its_metadata_and_unknown_ones_are_404() {
    let app = test_app().await;
    let slug = "pelayanan-publik-prima-dan-penanganan-pengaduan-sp4n-lapor";
    let page = send(&app, get(&format!("/katalog/kursus/{slug}"))).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = body_text(page).await;
    assert!(html.contains(r#"property="og:title""#), "{html}");
    let canonical =
        format!(r#"<link href="http://127.0.0.1/katalog/kursus/{slug}" rel="canonical">"#);
    assert!(html.contains(&canonical), "{html}");
    assert!(html.contains(r#"<script type="application/ld+json">"#));
    assert!(html.contains(r#""@type":"Course""#) && html.contains(r#""priceCurrency":"IDR""#));
    assert!(html.contains("Gedung Serba Guna LPPM Unila"), "sessions are listed");
    assert!(html.contains("24 JP"), "{html}");

    let research =
        send(&app, get("/katalog/riset/kajian-budaya-integritas-asn-pemerintah-provinsi-lampung"))
            .await;
    assert_eq!(research.status(), StatusCode::OK);
    assert!(body_text(research).await.contains(r#""@type":"ResearchProject""#));

    assert_eq!(send(&app, get("/katalog/kursus/tidak-ada")).await.status(), StatusCode::NOT_FOUND);
    // A research offer is not a course.
    let wrong_kind =
        send(&app, get("/katalog/kursus/kajian-budaya-integritas-asn-pemerintah-provinsi-lampung"))
            .await;
    assert_eq!(wrong_kind.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn authors_text_is_escaped_and_their_markdown_sanitised() {
    let app = test_app().await;
    let author = actor_for(&app, "dosen@unila.sinergi.example").await;
    let plain = draft_course();
    let hostile = CourseDraft {
        title: "Uji </title></script><script>alert('judul')</script>".into(),
        summary: "\"><img src=x onerror=alert('ringkasan')>".into(),
        description: "<script>alert('uraian')</script>\n\n[klik](javascript:alert('tautan'))"
            .into(),
        sessions: vec![SessionDraft { place: "<b>Zoom</b>".into(), ..plain.sessions[0].clone() }],
        instructors: vec![OfferPerson { name: "<i>Narasumber</i>".into(), role: String::new() }],
        ..plain
    };
    let slug = offers::create_course(&app.state.db, &author, "unila", &hostile).await.unwrap();
    offers::change_status(
        &app.state.db,
        &author,
        OfferKind::Course,
        &slug,
        OfferStatus::Published,
        "",
    )
    .await
    .unwrap();
    let html = body_text(send(&app, get(&format!("/katalog/kursus/{slug}"))).await).await;
    // Wherever the payloads appear, they are text: no tag, handler or script URL survives.
    for live in ["<script>alert", "</title></script>", "<img src=x", "href=\"javascript:"] {
        let at = html.find(live).map(|i| &html[i.saturating_sub(120)..(i + 80).min(html.len())]);
        assert!(at.is_none(), "{live} is live in the page: …{}…", at.unwrap_or_default());
    }
    assert!(!html.contains("<b>Zoom</b>") && !html.contains("<i>Narasumber</i>"));
    let listing = body_text(send(&app, get("/katalog?q=uji")).await).await;
    assert!(!listing.contains("<script>alert") && !listing.contains("<img src=x"), "{listing}");
}

#[tokio::test]
async fn an_academic_writes_a_research_offer_with_a_plain_form_and_edits_it() {
    use leptos::server_fn::ServerFn as _;
    let app = test_app().await;
    let cookie = session_cookie_for(&app, "dosen@unila.sinergi.example").await;
    let with_cookie = |path: &str| cookie_get(path, &cookie);
    let form = body_text(send(&app, with_cookie("/organisasi/unila/riset-baru")).await).await;
    assert!(form.contains("Penawaran riset baru"), "{form}");

    let body = "university=unila&slug=&form[title]=Kajian+Beban+Kerja+Pengaduan\
        &form[summary]=Ringkasan&form[description]=Abstrak&form[expertise]=Kebijakan+publik\
        &form[team][0][name]=Dr.+Rina&form[team][0][role]=Ketua&form[team][1][name]=\
        &form[team][1][role]=&form[competencies][0]=MNJ-05&form[competencies][1]=\
        &form[sectors]=Pelayanan+publik%0D%0AKepegawaian&form[duration_months]=6\
        &form[budget_min]=50.000.000&form[budget_max]=90.000.000\
        &form[outputs][1]=evaluation&form[outputs][3]=training";
    let saved =
        send(&app, form_post(app::api::SaveResearch::PATH, body.into(), Some(&cookie))).await;
    assert!(saved.status().is_redirection(), "{}", saved.status());
    let location = saved.headers()[axum::http::header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(location, "/katalog/riset/kajian-beban-kerja-pengaduan");

    let page = body_text(send(&app, with_cookie(&location)).await).await;
    assert!(page.contains("Pelayanan publik, Kepegawaian"), "{page}");
    assert!(page.contains("Evaluasi, Pelatihan") && page.contains("Rp50.000.000"));
    let edit_link = format!(r#"href="{location}/ubah""#);
    assert!(page.contains(&edit_link), "its author may edit it");

    let editor = body_text(send(&app, with_cookie(&format!("{location}/ubah"))).await).await;
    assert!(editor.contains("Ubah penawaran riset"));
    assert!(editor.contains(r#"value="Dr. Rina""#) && editor.contains(r#"value="50000000""#));
    assert!(editor.contains(r#"value="training" checked"#), "ticked outputs stay ticked");
}

#[tokio::test]
async fn a_refused_course_form_comes_back_with_what_was_typed_once() {
    use leptos::server_fn::ServerFn as _;
    let app = test_app().await;
    let cookie = session_cookie_for(&app, "dosen@unila.sinergi.example").await;
    let page = "/organisasi/unila/kursus-baru";
    // Enrollment closing after the first session: a rule across fields the browser cannot check.
    let body = "university=unila&slug=&form[title]=Kursus+Yang+Ditolak&form[summary]=Ringkasan\
        &form[competencies][0][code]=MNJ-05&form[competencies][0][level]=3&form[jp]=8\
        &form[learning_form]=pelatihan&form[mode]=daring&form[region]=\
        &form[sessions][0][date]=2027-08-10&form[sessions][0][starts]=08:00\
        &form[sessions][0][ends]=12:00&form[sessions][0][place]=Zoom&form[capacity]=25\
        &form[fee]=0&form[instructors][0][name]=Narasumber+Tamu&form[min_attendance]=80\
        &form[min_post_test]=60&form[enrollment_opens]=2027-08-01\
        &form[enrollment_closes]=2027-08-20";
    let refused =
        send(&app, form_post_from(page, app::api::SaveCourse::PATH, body.into(), Some(&cookie)))
            .await;
    assert!(refused.status().is_redirection(), "{}", refused.status());
    let back = refused.headers()[axum::http::header::LOCATION].to_str().unwrap().to_owned();
    let shown = body_text(send(&app, cookie_get(&back, &cookie)).await).await;
    assert!(shown.contains("Pendaftaran harus ditutup paling lambat"), "{shown}");
    assert!(shown.contains(r#"value="Kursus Yang Ditolak""#), "{shown}");
    assert!(
        shown.contains(r#"value="2027-08-20""#) && shown.contains(r#"value="Narasumber Tamu""#)
    );
    assert!(shown.contains(r#"<option value="MNJ-05" selected"#), "chosen competency kept");
    let again = body_text(send(&app, cookie_get(page, &cookie)).await).await;
    assert!(!again.contains("Kursus Yang Ditolak"), "kept for one read only");

    // A script calling the function gets the error and keeps its own data: nothing is kept.
    let script = axum::http::Request::post(app::api::SaveCourse::PATH)
        .header(axum::http::header::ACCEPT, "application/json")
        .header(axum::http::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(axum::http::header::COOKIE, &cookie)
        .header("sec-fetch-site", "same-origin")
        .body(axum::body::Body::from(body))
        .unwrap();
    assert_eq!(send(&app, script).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let after_script = body_text(send(&app, cookie_get(page, &cookie)).await).await;
    assert!(!after_script.contains("Kursus Yang Ditolak"));
    let stored = app::backend::entities::offer::Entity::find()
        .filter(app::backend::entities::offer::Column::Slug.eq("kursus-yang-ditolak"))
        .one(&app.state.db)
        .await
        .unwrap();
    assert!(stored.is_none(), "nothing saved");
}
