//! Invitations on both databases: who may invite, what is written (account, role, outbox mail),
//! and the single-use, expiring link.

use app::backend::auth::passwords::verify_login;
use app::backend::entities::{invitation, membership, outbox_message, person};
use app::backend::services::invitations::{self, INVITATION_VALIDITY, NewInvitation};
use app::backend::services::seed::seed_demo;
use app::error::{AppError, ConflictReason};
use app::model::{EmailError, Role, ValidationCode};
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::harness::each_database;
use crate::people::actor;

fn asn(email: &str) -> NewInvitation {
    NewInvitation { email: email.into(), full_name: "Rudi Hartono".into(), role: Role::Asn }
}

#[tokio::test]
async fn an_agency_lead_invites_and_the_link_works_once() {
    each_database("invite", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, "kabid@diskominfotik.sinergi.example").await;
        let now = Utc::now();
        let base = "https://sinergi.example";

        // Refused: another agency's lead, a colleague, a role the agency does not have, a bad
        // email. Nothing is written.
        let other = actor(&db, "kasubbag@bkd.sinergi.example").await;
        let refused =
            invitations::invite(&db, &other, "diskominfotik", asn("rudi@x.example"), base, now)
                .await;
        assert_eq!(refused, Err(AppError::Forbidden), "{backend:?}");
        let colleague = actor(&db, "asn1@diskominfotik.sinergi.example").await;
        let refused =
            invitations::invite(&db, &colleague, "diskominfotik", asn("rudi@x.example"), base, now)
                .await;
        assert_eq!(refused, Err(AppError::Forbidden));
        let academic = NewInvitation { role: Role::Academic, ..asn("rudi@x.example") };
        let Err(AppError::Invalid(fields)) =
            invitations::invite(&db, &lead, "diskominfotik", academic, base, now).await
        else {
            panic!("an academic role in an agency must be refused")
        };
        assert_eq!(fields[0].code, ValidationCode::RoleNotInOrganisation);
        let Err(AppError::Invalid(fields)) =
            invitations::invite(&db, &lead, "diskominfotik", asn("rudi"), base, now).await
        else {
            panic!("a malformed email must be refused")
        };
        assert_eq!(fields[0].code, ValidationCode::Email(EmailError::Malformed));
        assert_eq!(outbox_message::Entity::find().count(&db).await.unwrap(), 0, "{backend:?}");
        assert_eq!(invitation::Entity::find().count(&db).await.unwrap(), 0);

        let token =
            invitations::invite(&db, &lead, "diskominfotik", asn(" Rudi@X.Example "), base, now)
                .await
                .unwrap();
        let rudi = person::Entity::find()
            .filter(person::Column::Email.eq("rudi@x.example"))
            .one(&db)
            .await
            .unwrap()
            .expect("the account exists from the invitation on, email lower-cased");
        let roles = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(rudi.id))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(roles.len(), 1);
        assert_eq!(roles[0].role, "asn");
        let mail =
            outbox_message::Entity::find().one(&db).await.unwrap().expect("a mail in the outbox");
        assert_eq!(mail.recipient, "rudi@x.example");
        assert!(mail.body.contains(&format!("{base}/undangan/{token}")), "{}", mail.body);
        assert!(mail.sent_at.is_none());
        let stored = invitation::Entity::find().one(&db).await.unwrap().unwrap();
        assert_ne!(stored.token_hash, token, "only the hash is stored");

        // Inviting the same person to the same role again is a conflict.
        let twice =
            invitations::invite(&db, &lead, "diskominfotik", asn("rudi@x.example"), base, now)
                .await;
        assert_eq!(
            twice,
            Err(AppError::Conflict(ConflictReason::AlreadyExists { field: "email".into() }))
        );

        let view = invitations::view(&db, &token, now).await.unwrap();
        assert_eq!(
            view.organisation_name,
            "Dinas Komunikasi, Informatika dan Statistik Provinsi Lampung"
        );
        // A weak password is refused and the link stays usable.
        let weak = invitations::accept(&db, &token, "password", now).await;
        assert!(matches!(weak, Err(AppError::Invalid(_))), "{backend:?}: {weak:?}");
        let person_id =
            invitations::accept(&db, &token, "kopi tubruk pagi hari", now).await.unwrap();
        assert_eq!(person_id, rudi.id);
        assert_eq!(
            verify_login(&db, "rudi@x.example", "kopi tubruk pagi hari").await.unwrap(),
            rudi.id
        );
        // Used once, it opens nothing again.
        assert_eq!(invitations::view(&db, &token, now).await, Err(AppError::NotFound));
        let again = invitations::accept(&db, &token, "teh manis sore hari", now).await;
        assert_eq!(again, Err(AppError::NotFound));
        assert_eq!(invitations::view(&db, "made-up", now).await, Err(AppError::NotFound));
    })
    .await;
}

#[tokio::test]
async fn an_expired_link_opens_nothing() {
    each_database("invite_expiry", |db, _backend| async move {
        seed_demo(&db).await.unwrap();
        let coordinator = actor(&db, "koordinator@unila.sinergi.example").await;
        let then = Utc::now() - INVITATION_VALIDITY - Duration::minutes(1);
        let new = NewInvitation {
            email: "dosen.baru@unila.example".into(),
            full_name: "Dosen Baru".into(),
            role: Role::Academic,
        };
        let token =
            invitations::invite(&db, &coordinator, "unila", new, "http://x", then).await.unwrap();
        let now = Utc::now();
        assert_eq!(invitations::view(&db, &token, now).await, Err(AppError::NotFound));
        let accepted = invitations::accept(&db, &token, "kopi tubruk pagi hari", now).await;
        assert_eq!(accepted, Err(AppError::NotFound));
    })
    .await;
}

#[tokio::test]
async fn inviting_someone_of_another_organisation_adds_nothing() {
    each_database("invite_tenant", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, "kabid@diskominfotik.sinergi.example").await;
        let fitri = asn("asn1@bkd.sinergi.example");
        let refused =
            invitations::invite(&db, &lead, "diskominfotik", fitri, "http://x", Utc::now()).await;
        let exists = AppError::Conflict(ConflictReason::AlreadyExists { field: "email".into() });
        assert_eq!(refused, Err(exists), "{backend:?}");
        let bkd_asn = actor(&db, "asn1@bkd.sinergi.example").await;
        assert_eq!(bkd_asn.grants.len(), 1, "still only in BKD");
        assert_eq!(invitation::Entity::find().count(&db).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn a_new_role_for_an_own_member_ends_their_sessions() {
    use app::backend::auth::sessions::{self, SessionPolicy};
    each_database("invite_role_change", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, "kabid@diskominfotik.sinergi.example").await;
        let agus = actor(&db, "asn2@diskominfotik.sinergi.example").await;
        let policy = SessionPolicy::default();
        let token = sessions::start(&db, Some(agus.person_id), Utc::now(), policy).await.unwrap();
        let promoted =
            NewInvitation { role: Role::AgencyLead, ..asn("asn2@diskominfotik.sinergi.example") };
        invitations::invite(&db, &lead, "diskominfotik", promoted, "http://x", Utc::now())
            .await
            .unwrap();
        let now = Utc::now();
        assert!(
            sessions::resolve(&db, &token, now, policy).await.unwrap().is_none(),
            "{backend:?}"
        );
        let agus = actor(&db, "asn2@diskominfotik.sinergi.example").await;
        assert!(agus.has_role(Role::AgencyLead) && agus.has_role(Role::Asn));
    })
    .await;
}
