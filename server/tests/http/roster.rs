//! The roster upload and its error report over HTTP: a multipart form post by the agency lead,
//! the redirect to the result page, the CSV report, and refusals for everyone else.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::support::*;

fn upload(slug: &str, csv: &str, cookie: &str) -> Request<Body> {
    multipart_upload(&format!("/organisasi/{slug}/impor-asn"), "asn.csv", csv, Some(cookie))
}

#[tokio::test]
async fn a_lead_uploads_a_roster_and_reads_the_report() {
    let app = test_app().await;
    let lead = session_cookie_for(&app, "kabid@diskominfotik.sinergi.example").await;
    let bad = "NIP,Nama,Email\n199203152019033001,Rudi,rudi@x.example\n";
    let response = send(&app, upload("diskominfotik", bad, &lead)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(location.starts_with("/organisasi/diskominfotik/impor-asn/"), "{location}");

    let with_cookie =
        |path: &str| Request::get(path).header(header::COOKIE, &lead).body(Body::empty()).unwrap();
    let page = send(&app, with_cookie(&location)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = body_text(page).await;
    assert!(html.contains("Tidak ada yang disimpan") && html.contains("jenis kelamin"), "{html}");

    let report = send(&app, with_cookie(&format!("{location}/laporan.csv"))).await;
    assert_eq!(report.status(), StatusCode::OK);
    assert!(
        report.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment")
    );
    let csv = body_text(report).await;
    assert!(csv.starts_with("baris,kolom,masalah\n2,nip,"), "{csv}");

    // Another agency's lead sees neither; nobody uploads across the tenant line.
    let other = session_cookie_for(&app, "kasubbag@bkd.sinergi.example").await;
    let refused = send(
        &app,
        Request::get(format!("{location}/laporan.csv"))
            .header(header::COOKIE, &other)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let good = "NIP,Nama,Email\n198705122010011001,Rudi Hartono,rudi@x.example\n";
    assert_eq!(
        send(&app, upload("diskominfotik", good, &other)).await.status(),
        StatusCode::FORBIDDEN
    );
    let anonymous = Request::post("/organisasi/diskominfotik/impor-asn")
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from("--x--\r\n"))
        .unwrap();
    assert_eq!(send(&app, anonymous).await.status(), StatusCode::UNAUTHORIZED);

    let imported = send(&app, upload("diskominfotik", good, &lead)).await;
    let location = imported.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let html = body_text(send(&app, with_cookie(&location)).await).await;
    assert!(html.contains("Diimpor: 1 baris, 1 akun baru"), "{html}");
}
