//! Scores imported from CSV on the participant sheet, without JavaScript: a clean file sets
//! them and says how many; a file with a bad line is refused whole, each problem shown with its
//! line; only the course's academics may upload.

use axum::http::{StatusCode, header};

use crate::enrollments::{ACADEMIC, ASN, enroll_by_form, open_course};
use crate::support::*;

#[tokio::test]
async fn the_academic_imports_scores_from_csv_all_or_nothing() {
    let app = test_app().await;
    let slug = open_course(&app, "Kelas Impor Nilai", 5).await;
    let asn = session_cookie_for(&app, ASN).await;
    enroll_by_form(&app, &slug, false, &asn).await;
    let academic = session_cookie_for(&app, ACADEMIC).await;
    let path = format!("/katalog/kursus/{slug}/peserta/nilai");

    let clean = format!("email,pre_test,post_test\n{},40,85\n", ASN.to_uppercase());
    let done = send(&app, multipart_upload(&path, "nilai.csv", &clean, Some(&academic))).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let back = done.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(back, format!("/katalog/kursus/{slug}/peserta?nilai=1"));
    let sheet = body_text(send(&app, cookie_get(&back, &academic)).await).await;
    assert!(sheet.contains("1 nilai peserta tersimpan dari berkas."), "{sheet}");
    assert!(sheet.contains(r#"value="85""#) && sheet.contains(r#"value="40""#));

    // A bad line: nothing is written, each problem is named by its line.
    let bad = format!("email,post_test\n{ASN},60\norang@tidak.ada,200\n");
    let refused = send(&app, multipart_upload(&path, "nilai.csv", &bad, Some(&academic))).await;
    let back = refused.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(back.contains("galat_nilai="), "{back}");
    let told = body_text(send(&app, cookie_get(&back, &academic)).await).await;
    assert!(told.contains("Berkas tidak disimpan.") && told.contains("Baris 3:"), "{told}");
    assert!(told.contains(r#"value="85""#), "the earlier score stands");

    // Not for the participants.
    let own = send(&app, multipart_upload(&path, "nilai.csv", &clean, Some(&asn))).await;
    assert_eq!(own.status(), StatusCode::NOT_FOUND);
}
