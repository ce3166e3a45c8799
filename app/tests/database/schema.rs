//! The schema's constraints hold on both databases, and become the right `AppError`s.

use app::backend::db::begin_write;
use app::backend::entities::{competency, competency_level, membership, organisation, person};
use app::backend::services::seed::seed_demo;
use app::error::{AppError, ConflictReason};
use chrono::Utc;
use sea_orm::{ActiveValue::Set, EntityTrait, PaginatorTrait};

use crate::harness::each_database;

fn org(slug: &str) -> organisation::ActiveModel {
    organisation::ActiveModel {
        slug: Set(slug.into()),
        name: Set(format!("Organisasi {slug}")),
        short_name: Set(slug.into()),
        kind: Set("agency".into()),
        verified: Set(false),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_duplicate_unique_value_is_a_conflict_on_that_field() {
    each_database("unique", |db, backend| async move {
        let person = |email: &str, nip: Option<&str>| person::ActiveModel {
            full_name: Set("Uji".into()),
            email: Set(email.into()),
            nip: Set(nip.map(Into::into)),
            created_at: Set(Utc::now()),
            ..Default::default()
        };
        person::Entity::insert(person("a@x.example", Some("198503122010011003")))
            .exec(&db)
            .await
            .unwrap();
        let dup_email =
            person::Entity::insert(person("a@x.example", None)).exec(&db).await.unwrap_err();
        assert_eq!(
            AppError::from(dup_email),
            AppError::Conflict(ConflictReason::AlreadyExists { field: "email".into() }),
            "{backend:?}"
        );
        let dup_nip = person::Entity::insert(person("b@x.example", Some("198503122010011003")))
            .exec(&db)
            .await
            .unwrap_err();
        assert_eq!(
            AppError::from(dup_nip),
            AppError::Conflict(ConflictReason::AlreadyExists { field: "nip".into() }),
            "{backend:?}"
        );
        // People without a NIP do not clash with each other.
        person::Entity::insert(person("c@x.example", None)).exec(&db).await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn foreign_keys_and_checks_are_enforced() {
    each_database("constraints", |db, backend| async move {
        let orphan = membership::Entity::insert(membership::ActiveModel {
            person_id: Set(999),
            organisation_id: Set(999),
            role: Set("asn".into()),
            position: Set(None),
            unit: Set(None),
            created_at: Set(Utc::now()),
            ..Default::default()
        })
        .exec(&db)
        .await;
        assert!(orphan.is_err(), "{backend:?}: a membership of nobody was accepted");

        let mut bad_kind = org("x");
        bad_kind.kind = Set("company".into());
        assert!(organisation::Entity::insert(bad_kind).exec(&db).await.is_err(), "{backend:?}");

        // A real competency, so that only the level check can reject the row.
        seed_demo(&db).await.unwrap();
        let competency = competency::Entity::find().one(&db).await.unwrap().unwrap();
        let level_six = competency_level::Entity::insert(competency_level::ActiveModel {
            competency_id: Set(competency.id),
            level: Set(6),
            description_id: Set("x".into()),
            ..Default::default()
        })
        .exec(&db)
        .await;
        assert!(level_six.is_err(), "{backend:?}: level 6 was accepted");
    })
    .await;
}

#[tokio::test]
async fn concurrent_write_transactions_all_commit() {
    each_database("writers", |db, backend| async move {
        let writers = (0..24).map(|i| {
            let db = db.clone();
            tokio::spawn(async move {
                let txn = begin_write(&db).await?;
                // Read then write inside one transaction: the pattern that fails with
                // SQLITE_BUSY when the transaction does not begin IMMEDIATE.
                let before = organisation::Entity::find().count(&txn).await?;
                organisation::Entity::insert(org(&format!("org-{i}-{before}"))).exec(&txn).await?;
                txn.commit().await
            })
        });
        for writer in futures_join(writers).await {
            writer.expect("task").unwrap_or_else(|e| panic!("{backend:?}: {e}"));
        }
        assert_eq!(organisation::Entity::find().count(&db).await.unwrap(), 24, "{backend:?}");
    })
    .await;
}

async fn futures_join<T>(
    handles: impl Iterator<Item = tokio::task::JoinHandle<T>>,
) -> Vec<Result<T, tokio::task::JoinError>> {
    let mut results = Vec::new();
    for handle in handles.collect::<Vec<_>>() {
        results.push(handle.await);
    }
    results
}
