//! Organisations and people under the tenant rules, on both databases: who may verify, see,
//! list and deactivate whom.

use app::backend::auth::Actor;
use app::backend::auth::sessions::{self, SessionPolicy};
use app::backend::entities::{membership, organisation_review};
use app::backend::services::organisations::{self, ensure_may_publish, find_by_slug};
use app::backend::services::people;
use app::backend::services::seed::seed_demo;
use app::error::{AppError, ConflictReason};
use app::model::{Role, ValidationCode};
use chrono::Utc;
use sea_orm::{ActiveValue::Set, EntityTrait, PaginatorTrait};

use crate::harness::each_database;
use crate::people::actor;

const PROVINCE: &str = "admin@pemprov.sinergi.example";
const KOMINFO_LEAD: &str = "kabid@diskominfotik.sinergi.example";
const KOMINFO_ASN: &str = "asn1@diskominfotik.sinergi.example";
const KOMINFO_ASN2: &str = "asn2@diskominfotik.sinergi.example";
const BKD_LEAD: &str = "kasubbag@bkd.sinergi.example";
const UNILA_COORDINATOR: &str = "koordinator@unila.sinergi.example";
const UNILA_ACADEMIC: &str = "dosen@unila.sinergi.example";
const ITERA_ACADEMIC: &str = "dosen@itera.sinergi.example";

#[tokio::test]
async fn only_province_administrators_verify_and_each_decision_is_kept() {
    each_database("verify", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let admin = actor(&db, PROVINCE).await;

        let rows = organisations::list_for_review(&db, &admin).await.unwrap();
        assert!(!rows.is_empty(), "{backend:?}");
        let first_verified = rows.iter().position(|r| r.organisation.verified).unwrap();
        assert!(
            rows[..first_verified].iter().all(|r| !r.organisation.verified),
            "unverified first"
        );
        assert!(rows.iter().all(|r| r.organisation.slug != "pemprov-lampung"), "{backend:?}");

        for email in [KOMINFO_LEAD, UNILA_COORDINATOR, KOMINFO_ASN, UNILA_ACADEMIC] {
            let other = actor(&db, email).await;
            let refused = organisations::set_verified(&db, &other, "setda", true, None).await;
            assert_eq!(refused, Err(AppError::Forbidden), "{backend:?} {email}");
            let listed = organisations::list_for_review(&db, &other).await;
            assert_eq!(listed, Err(AppError::Forbidden), "{backend:?} {email}");
        }
        assert!(!find_by_slug(&db, "setda").await.unwrap().verified, "{backend:?}");

        let verified =
            organisations::set_verified(&db, &admin, "setda", true, Some("  SK ada ".into()))
                .await
                .unwrap();
        assert!(verified.verified);
        let rows = organisations::list_for_review(&db, &admin).await.unwrap();
        let setda = rows.iter().find(|r| r.organisation.slug == "setda").unwrap();
        let decision = setda.last_review.as_ref().unwrap();
        assert!(decision.verified);
        assert_eq!(decision.note.as_deref(), Some("SK ada"));
        assert_eq!(decision.reviewer_name, admin.full_name);

        organisations::set_verified(&db, &admin, "setda", false, None).await.unwrap();
        assert!(!find_by_slug(&db, "setda").await.unwrap().verified);
        assert_eq!(organisation_review::Entity::find().count(&db).await.unwrap(), 2, "{backend:?}");

        // The province office is not reviewed; unknown slugs are not found; long notes refused.
        let own = organisations::set_verified(&db, &admin, "pemprov-lampung", false, None).await;
        assert_eq!(own, Err(AppError::Forbidden));
        let missing = organisations::set_verified(&db, &admin, "no-such", true, None).await;
        assert_eq!(missing, Err(AppError::NotFound));
        let long = Some("x".repeat(1001));
        let Err(AppError::Invalid(fields)) =
            organisations::set_verified(&db, &admin, "setda", true, long).await
        else {
            panic!("a long note must be refused")
        };
        assert_eq!(fields[0].code, ValidationCode::TooLong { max: 1000 });
        assert!(!find_by_slug(&db, "setda").await.unwrap().verified, "nothing changed");
        assert_eq!(organisation_review::Entity::find().count(&db).await.unwrap(), 2);
    })
    .await;
}

#[tokio::test]
async fn an_unverified_organisation_may_not_publish_and_is_told_why() {
    each_database("publish_gate", |db, _backend| async move {
        seed_demo(&db).await.unwrap();
        let setda = find_by_slug(&db, "setda").await.unwrap();
        assert_eq!(
            ensure_may_publish(&setda),
            Err(AppError::Conflict(ConflictReason::OrganisationNotVerified))
        );
        let unila = find_by_slug(&db, "unila").await.unwrap();
        assert_eq!(ensure_may_publish(&unila), Ok(()));
    })
    .await;
}

#[tokio::test]
async fn people_are_visible_only_within_their_organisations() {
    each_database("visibility", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let asn = actor(&db, KOMINFO_ASN).await;
        let academic = actor(&db, ITERA_ACADEMIC).await;
        // (viewer, person, visible?)
        let cases = [
            (KOMINFO_ASN, KOMINFO_ASN, true),   // oneself
            (KOMINFO_LEAD, KOMINFO_ASN, true),  // own agency's lead
            (PROVINCE, KOMINFO_ASN, true),      // the province sees everyone
            (BKD_LEAD, KOMINFO_ASN, false),     // another agency's lead
            (KOMINFO_ASN2, KOMINFO_ASN, false), // a colleague is not an administrator
            (UNILA_COORDINATOR, KOMINFO_ASN, false),
            (UNILA_COORDINATOR, UNILA_ACADEMIC, true),
            (UNILA_COORDINATOR, ITERA_ACADEMIC, false), // another university's academic
            (KOMINFO_LEAD, ITERA_ACADEMIC, false),
        ];
        for (viewer, subject, visible) in cases {
            let viewer_actor = actor(&db, viewer).await;
            let subject_id = actor(&db, subject).await.person_id;
            let result = people::profile(&db, &viewer_actor, subject_id).await;
            if visible {
                assert_eq!(result.unwrap().person_id, subject_id, "{backend:?} {viewer}→{subject}");
            } else {
                assert_eq!(result, Err(AppError::NotFound), "{backend:?} {viewer}→{subject}");
            }
        }
        // The ASN's profile carries what an agency records: NIP, position, unit, rank.
        let own = people::profile(&db, &asn, asn.person_id).await.unwrap();
        assert_eq!(own.nip.as_deref(), Some("199203152019032001"));
        let membership = &own.memberships[0];
        assert_eq!(membership.role, Role::Asn);
        assert_eq!(membership.rank.as_deref(), Some("Penata Muda, III/a"));
        // Two roles in two organisations.
        let admin = actor(&db, PROVINCE).await;
        let roles: Vec<_> = people::profile(&db, &admin, admin.person_id)
            .await
            .unwrap()
            .memberships
            .iter()
            .map(|m| (m.organisation.slug.clone(), m.role))
            .collect();
        assert_eq!(
            roles,
            [("pemprov-lampung".to_owned(), Role::ProvinceAdmin), ("bpsdm".to_owned(), Role::Asn)]
        );
        assert_eq!(people::profile(&db, &academic, 999_999).await, Err(AppError::NotFound));
    })
    .await;
}

#[tokio::test]
async fn member_lists_are_for_the_organisations_administrators() {
    each_database("members", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, KOMINFO_LEAD).await;
        let members = people::members(&db, &lead, "diskominfotik").await.unwrap();
        assert_eq!(members.len(), 5, "{backend:?}: the lead and four ASN");
        assert!(members.windows(2).all(|w| w[0].full_name <= w[1].full_name), "sorted by name");
        for (email, slug) in [
            (BKD_LEAD, "diskominfotik"),
            (KOMINFO_ASN, "diskominfotik"),
            (KOMINFO_LEAD, "bkd"),
            (UNILA_ACADEMIC, "unila"),
            (UNILA_COORDINATOR, "itera"),
        ] {
            let other = actor(&db, email).await;
            assert_eq!(
                people::members(&db, &other, slug).await,
                Err(AppError::Forbidden),
                "{email}"
            );
        }
        let admin = actor(&db, PROVINCE).await;
        assert_eq!(people::members(&db, &admin, "diskominfotik").await.unwrap().len(), 5);
    })
    .await;
}

#[tokio::test]
async fn deactivation_ends_sessions_and_stays_within_the_tenant() {
    each_database("deactivate", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let (lead, asn) = (actor(&db, KOMINFO_LEAD).await, actor(&db, KOMINFO_ASN).await);
        let policy = SessionPolicy::default();
        let token = sessions::start(&db, Some(asn.person_id), Utc::now(), policy).await.unwrap();

        // Refused: another agency's lead, through either organisation; oneself; a colleague.
        let bkd = actor(&db, BKD_LEAD).await;
        let refused = people::set_active(&db, &bkd, "diskominfotik", asn.person_id, false).await;
        assert_eq!(refused, Err(AppError::Forbidden), "{backend:?}");
        let refused = people::set_active(&db, &bkd, "bkd", asn.person_id, false).await;
        assert_eq!(refused, Err(AppError::NotFound), "{backend:?}: not a BKD member");
        let own = people::set_active(&db, &lead, "diskominfotik", lead.person_id, false).await;
        assert_eq!(own, Err(AppError::Conflict(ConflictReason::OwnAccount)));
        let colleague = actor(&db, KOMINFO_ASN2).await;
        let refused =
            people::set_active(&db, &colleague, "diskominfotik", asn.person_id, false).await;
        assert_eq!(refused, Err(AppError::Forbidden));
        assert!(sessions::resolve(&db, &token, Utc::now(), policy).await.unwrap().is_some());

        people::set_active(&db, &lead, "diskominfotik", asn.person_id, false).await.unwrap();
        assert!(sessions::resolve(&db, &token, Utc::now(), policy).await.unwrap().is_none());
        assert!(Actor::load(&db, asn.person_id).await.unwrap().is_none(), "{backend:?}");
        let listed = people::members(&db, &lead, "diskominfotik").await.unwrap();
        assert!(!listed.iter().find(|m| m.person_id == asn.person_id).unwrap().active);

        // The province reactivates.
        let admin = actor(&db, PROVINCE).await;
        people::set_active(&db, &admin, "diskominfotik", asn.person_id, true).await.unwrap();
        assert!(Actor::load(&db, asn.person_id).await.unwrap().is_some(), "{backend:?}");

        // A lead cannot lock out a civil servant who also lectures at a university.
        let unila = find_by_slug(&db, "unila").await.unwrap();
        membership::Entity::insert(membership::ActiveModel {
            person_id: Set(asn.person_id),
            organisation_id: Set(unila.id),
            role: Set(Role::Academic.as_db().to_owned()),
            created_at: Set(Utc::now()),
            ..Default::default()
        })
        .exec(&db)
        .await
        .unwrap();
        let refused = people::set_active(&db, &lead, "diskominfotik", asn.person_id, false).await;
        assert_eq!(refused, Err(AppError::Forbidden), "{backend:?}");
        assert!(Actor::load(&db, asn.person_id).await.unwrap().is_some());
        people::set_active(&db, &admin, "unila", asn.person_id, false).await.unwrap();
        assert!(Actor::load(&db, asn.person_id).await.unwrap().is_none(), "{backend:?}");
    })
    .await;
}
