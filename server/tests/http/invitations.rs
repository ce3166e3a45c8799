//! An invitation over HTTP: the administrator's form post, the mail in the outbox, the link's
//! page, setting the password (signed in at once), and the spent link.

use app::backend::entities::outbox_message;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use leptos::server_fn::ServerFn as _;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::support::*;

#[tokio::test]
async fn an_invited_academic_sets_a_password_through_the_link() {
    let app = test_app().await;
    let db = &app.state.db;
    let cookie = session_cookie_for(&app, "koordinator@unila.sinergi.example").await;

    let body =
        "slug=unila&email=Wulan%40Unila.Example&full_name=Wulan+Sari&role=Academic".to_owned();
    let invited = send(&app, form_post(app::api::InviteMember::PATH, body, Some(&cookie))).await;
    assert!(invited.status().is_redirection(), "{}", invited.status());

    let mail = outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq("wulan@unila.example"))
        .one(db)
        .await
        .unwrap()
        .expect("the invitation mail waits in the outbox");
    let link = mail.body.lines().find(|l| l.contains("/undangan/")).unwrap().trim().to_owned();
    let path = &link[link.find("/undangan/").unwrap()..];

    let page = send(&app, get(path)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = body_text(page).await;
    assert!(html.contains("Wulan Sari") && html.contains("Universitas Lampung"), "{html}");

    let token_value = path.trim_start_matches("/undangan/");
    let accept = form_post(
        app::api::AcceptInvitation::PATH,
        format!("token={token_value}&password=kopi+tubruk+pagi+hari"),
        None,
    );
    let accepted = send(&app, accept).await;
    assert!(accepted.status().is_redirection());
    assert_eq!(accepted.headers()[header::LOCATION], "/akun");
    let set_cookie = accepted.headers()[header::SET_COOKIE].to_str().unwrap().to_owned();
    let session = set_cookie.split(';').next().unwrap().to_owned();
    let account = send(
        &app,
        Request::get("/akun").header(header::COOKIE, &session).body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(account.status(), StatusCode::OK);
    assert!(body_text(account).await.contains("wulan@unila.example"));

    // The link is spent.
    assert_eq!(send(&app, get(path)).await.status(), StatusCode::NOT_FOUND);
}
