//! External identities and access requests on both databases: linking by verified email,
//! refusing unverified ones, and the approval that creates the account.

use app::backend::auth::external::linking::{LinkOutcome, link_or_request};
use app::backend::auth::external::{ExternalLoginError, VerifiedIdentity};
use app::backend::entities::{access_request, external_identity, membership, person};
use app::backend::services::access_requests;
use app::backend::services::seed::seed_demo;
use app::error::{AppError, ConflictReason};
use app::model::{AccessRequestStatus, LoginFailure, Role};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

use crate::harness::each_database;
use crate::people::{actor, person_by_email};

fn identity(subject: &str, email: &str, verified: bool) -> VerifiedIdentity {
    VerifiedIdentity {
        provider: "unila-sso".into(),
        subject: subject.into(),
        email: Some(email.into()),
        email_verified: verified,
        full_name: Some("Tamu Baru".into()),
    }
}

#[tokio::test]
async fn a_first_login_links_by_verified_email_then_by_subject() {
    each_database("link", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let academic = person_by_email(&db, "dosen@unila.sinergi.example").await.unwrap();
        let now = Utc::now();

        let unverified = identity("s-1", "dosen@unila.sinergi.example", false);
        let refused = link_or_request(&db, &unverified, now).await;
        assert_eq!(refused, Err(ExternalLoginError::Refused(LoginFailure::EmailUnverified)));
        assert_eq!(external_identity::Entity::find().count(&db).await.unwrap(), 0, "{backend:?}");

        let verified = identity("s-1", "dosen@unila.sinergi.example", true);
        let linked = link_or_request(&db, &verified, now).await.unwrap();
        assert_eq!(linked, LinkOutcome::SignedIn { person_id: academic.id }, "{backend:?}");

        // Later logins go by subject, whatever the email says now.
        let renamed = identity("s-1", "bayu.pratama@unila.example", false);
        let again = link_or_request(&db, &renamed, now).await.unwrap();
        assert_eq!(again, LinkOutcome::SignedIn { person_id: academic.id });
        assert_eq!(external_identity::Entity::find().count(&db).await.unwrap(), 1);

        // Unknown verified email: request access. Deactivated account: refused.
        let stranger = identity("s-2", "tamu@unila.example", true);
        assert_eq!(link_or_request(&db, &stranger, now).await.unwrap(), LinkOutcome::NeedsAccess);
        let mut off: person::ActiveModel = academic.into();
        off.deactivated_at = Set(Some(now));
        off.update(&db).await.unwrap();
        let refused = link_or_request(&db, &verified, now).await;
        assert_eq!(refused, Err(ExternalLoginError::Refused(LoginFailure::AccountDeactivated)));
    })
    .await;
}

#[tokio::test]
async fn an_approved_request_creates_the_account_membership_and_link() {
    each_database("access", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let stranger = identity("s-9", "tamu@unila.example", true);
        let form = access_requests::form(&db, &stranger).await.unwrap();
        assert!(form.organisations.iter().all(|o| o.verified), "only verified organisations");
        assert!(form.organisations.iter().any(|o| o.slug == "unila"));

        // Wrong role for the kind, unverified organisation, empty name: nothing recorded.
        for (slug, role, name) in [
            ("unila", Role::Asn, "Tamu Baru"),
            ("setda", Role::Asn, "Tamu Baru"),
            ("unila", Role::Academic, "  "),
        ] {
            let result = access_requests::submit(&db, &stranger, slug, role, name, None).await;
            assert!(matches!(result, Err(AppError::Invalid(_))), "{backend:?} {slug} {role:?}");
        }
        assert_eq!(access_request::Entity::find().count(&db).await.unwrap(), 0);

        access_requests::submit(&db, &stranger, "unila", Role::Academic, "Tamu Baru", None)
            .await
            .unwrap();
        let twice =
            access_requests::submit(&db, &stranger, "unila", Role::Academic, "Tamu Baru", None)
                .await;
        assert!(matches!(twice, Err(AppError::Conflict(ConflictReason::AlreadyExists { .. }))));

        // Only Unila's administrators (and the province) see and decide it.
        let itera = actor(&db, "dosen@itera.sinergi.example").await;
        assert_eq!(access_requests::pending(&db, &itera, "unila").await, Err(AppError::Forbidden));
        let coordinator = actor(&db, "koordinator@unila.sinergi.example").await;
        let pending = access_requests::pending(&db, &coordinator, "unila").await.unwrap();
        assert_eq!(pending.len(), 1, "{backend:?}");
        let lead = actor(&db, "kabid@diskominfotik.sinergi.example").await;
        let refused = access_requests::decide(&db, &lead, "unila", pending[0].id, true).await;
        assert_eq!(refused, Err(AppError::Forbidden));
        let elsewhere =
            access_requests::decide(&db, &lead, "diskominfotik", pending[0].id, true).await;
        assert_eq!(elsewhere, Err(AppError::NotFound), "a request of another organisation");
        assert!(person_by_email(&db, "tamu@unila.example").await.is_none());

        access_requests::decide(&db, &coordinator, "unila", pending[0].id, true).await.unwrap();
        let created = person_by_email(&db, "tamu@unila.example").await.expect("account created");
        let roles = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(created.id))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(roles.len(), 1);
        assert_eq!(roles[0].role, "academic");
        let login = link_or_request(&db, &stranger, Utc::now()).await.unwrap();
        assert_eq!(login, LinkOutcome::SignedIn { person_id: created.id }, "{backend:?}");
        let again = access_requests::decide(&db, &coordinator, "unila", pending[0].id, false).await;
        assert_eq!(again, Err(AppError::Conflict(ConflictReason::Stale)), "decided already");
        let sent = access_requests::form(&db, &stranger).await.unwrap().sent;
        assert_eq!(sent[0].status, AccessRequestStatus::Approved);
    })
    .await;
}
