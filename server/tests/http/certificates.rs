//! Certificates over HTTP, without JavaScript: the holder finds the certificate under "Kursus
//! saya", anyone verifies it (by its link, or by typing the code), downloads the PDF and the
//! Open Badges credential, an unknown code is a 404 that says so, what the page prints is
//! escaped, and the issuing university's academic revokes it with a plain form.

use axum::http::{StatusCode, header};
use leptos::server_fn::ServerFn;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

use crate::enrollments::{ACADEMIC, ASN, enroll_by_form, open_course};
use crate::support::*;

/// The ASN enrolled, attended and passed; the course closed. The certificate's code.
pub async fn certified(app: &TestApp, title: &str) -> String {
    use app::backend::services::{attendance, enrollments, offers};
    let slug = open_course(app, title, 5).await;
    let asn = session_cookie_for(app, ASN).await;
    enroll_by_form(app, &slug, false, &asn).await;
    let db = &app.state.db;
    let academic = actor_for(app, ACADEMIC).await;
    let holder = actor_for(app, ASN).await;
    let id = enrollments::own(db, &holder).await.unwrap()[0].place.enrollment_id;
    let sheet = attendance::sheet(db, &academic, &slug, 1).await.unwrap();
    attendance::mark(db, &academic, sheet.sessions[0].id, &[id], &[id]).await.unwrap();
    attendance::set_scores(db, &academic, &slug, &[(id, None, Some(100))]).await.unwrap();
    offers::change_status(
        db,
        &academic,
        app::model::OfferKind::Course,
        &slug,
        app::model::OfferStatus::Closed,
        "",
    )
    .await
    .unwrap();
    enrollments::own(db, &holder).await.unwrap()[0].certificate.clone().expect("certified")
}

#[tokio::test]
async fn anyone_verifies_and_downloads_a_certificate_and_the_university_revokes_it() {
    let app = test_app().await;
    // A name with markup: printed as text everywhere.
    let holder = actor_for(&app, ASN).await;
    let mut person: app::backend::entities::person::ActiveModel =
        app::backend::entities::person::Entity::find_by_id(holder.person_id)
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
            .into();
    person.full_name = Set("Rina <script>alert(1)</script>".into());
    person.update(&app.state.db).await.unwrap();
    let code = certified(&app, "Kelas Bersertifikat").await;
    let page = format!("/verifikasi/{code}");

    let asn = session_cookie_for(&app, ASN).await;
    let mine = body_text(send(&app, cookie_get("/kursus-saya", &asn)).await).await;
    assert!(mine.contains(&format!(r#"href="{page}""#)), "{mine}");

    let shown = body_text(send(&app, get(&page)).await).await;
    assert!(shown.contains("Sertifikat ini sah."), "{shown}");
    assert!(shown.contains("Rina &lt;script&gt;alert(1)&lt;/script&gt;"), "escaped: {shown}");
    assert!(!shown.contains("<script>alert(1)"));
    assert!(shown.contains("Kelas Bersertifikat") && shown.contains("<svg"));
    assert!(shown.contains(&format!(r#"href="{page}/sertifikat.pdf""#)));
    assert!(!shown.contains("Cabut sertifikat"), "no revoke form for the public");
    let english = body_text(send(&app, get(&format!("/en{page}"))).await).await;
    assert!(english.contains("This certificate is valid."), "{english}");
    // Typed into the form, grouped and in lower case.
    let typed = app::model::grouped_code(&code).to_lowercase();
    let found = body_text(send(&app, get(&format!("/verifikasi?kode={typed}"))).await).await;
    assert!(found.contains("Sertifikat ini sah."), "{found}");
    let unknown = send(&app, get("/verifikasi/0000000000000000000Z")).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert!(body_text(unknown).await.contains("Tidak ada sertifikat dengan kode ini."));

    let pdf = send(&app, get(&format!("{page}/sertifikat.pdf"))).await;
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()[header::CONTENT_TYPE], "application/pdf");
    let disposition = pdf.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().to_owned();
    assert!(disposition.starts_with("attachment; filename=\"sertifikat-SNG-"), "{disposition}");
    assert!(body_bytes(pdf).await.starts_with(b"%PDF-"));
    let badge = send(&app, get(&format!("{page}/openbadge.json"))).await;
    assert_eq!(badge.status(), StatusCode::OK);
    let credential: serde_json::Value = serde_json::from_str(&body_text(badge).await).unwrap();
    assert_eq!(credential["type"][1], "OpenBadgeCredential");

    // The academic of the issuing university: a reason is required, then it is revoked.
    let academic = session_cookie_for(&app, ACADEMIC).await;
    let offered = body_text(send(&app, cookie_get(&page, &academic)).await).await;
    assert!(offered.contains("Cabut sertifikat"), "{offered}");
    let path = app::api::RevokeCertificate::PATH;
    let bare =
        send(&app, form_post_from(&page, path, format!("code={code}&reason="), Some(&academic)))
            .await;
    let back = bare.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let told = body_text(send(&app, cookie_get(&back, &academic)).await).await;
    assert!(told.contains("Wajib diisi."), "{back}: {told}");
    assert!(body_text(send(&app, get(&page)).await).await.contains("Sertifikat ini sah."));
    let body = format!("code={code}&reason=Nilai+post-test+salah+input.");
    let revoked = send(&app, form_post_from(&page, path, body, Some(&academic))).await;
    assert!(revoked.status().is_redirection(), "{:?}", revoked.status());
    let now = body_text(send(&app, get(&page)).await).await;
    assert!(now.contains("telah dicabut") && now.contains("Nilai post-test salah input."), "{now}");
    assert!(!now.contains("sertifikat.pdf"), "no download of a revoked certificate");
    let refused = send(&app, get(&format!("{page}/sertifikat.pdf"))).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
}
