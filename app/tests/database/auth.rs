//! Local accounts and sessions on both databases.

use app::backend::auth::passwords::{set_password, verify_login};
use app::backend::auth::sessions::{self, SessionPolicy};
use app::backend::entities::{person, session};
use app::backend::services::seed::{PEOPLE, seed_demo};
use app::error::AppError;
use app::model::{FieldError, PasswordError, ValidationCode};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

use crate::harness::each_database;

async fn seeded_person(db: &sea_orm::DatabaseConnection, index: usize) -> person::Model {
    seed_demo(db).await.unwrap();
    person::Entity::find()
        .filter(person::Column::Email.eq(PEOPLE[index].email))
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

fn wrong_credentials() -> AppError {
    AppError::Invalid(vec![FieldError::form(ValidationCode::WrongCredentials)])
}

#[tokio::test]
async fn sign_in_with_a_local_password_tells_nothing_on_failure() {
    each_database("login", |db, backend| async move {
        let siti = seeded_person(&db, 4).await;
        let other = seeded_person(&db, 5).await;
        set_password(&db, siti.id, "kopi tubruk pagi hari").await.unwrap();

        assert_eq!(verify_login(&db, &siti.email, "kopi tubruk pagi hari").await.unwrap(), siti.id);
        let shouted = siti.email.to_uppercase();
        assert_eq!(verify_login(&db, &shouted, "kopi tubruk pagi hari").await.unwrap(), siti.id);

        // Wrong password, unknown email, and a person without a local password: one answer.
        let wrong = verify_login(&db, &siti.email, "kopi tubruk sore hari").await.unwrap_err();
        let unknown =
            verify_login(&db, "nobody@x.example", "kopi tubruk pagi hari").await.unwrap_err();
        let no_password =
            verify_login(&db, &other.email, "kopi tubruk pagi hari").await.unwrap_err();
        for error in [wrong, unknown, no_password] {
            assert_eq!(error, wrong_credentials(), "{backend:?}");
        }

        // A deactivated account cannot sign in, even with the right password.
        let mut deactivated: person::ActiveModel = siti.clone().into();
        deactivated.deactivated_at = Set(Some(Utc::now()));
        deactivated.update(&db).await.unwrap();
        let error = verify_login(&db, &siti.email, "kopi tubruk pagi hari").await.unwrap_err();
        assert_eq!(error, wrong_credentials(), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn a_weak_password_is_refused_and_nothing_is_stored() {
    each_database("password_policy", |db, backend| async move {
        let siti = seeded_person(&db, 4).await;
        let error = set_password(&db, siti.id, "password123").await.unwrap_err();
        assert_eq!(
            error,
            AppError::Invalid(vec![FieldError::new(
                "password",
                ValidationCode::Password(PasswordError::TooCommon)
            )]),
            "{backend:?}"
        );
        assert_eq!(
            verify_login(&db, &siti.email, "password123").await.unwrap_err(),
            wrong_credentials()
        );
        // Replacing a password: the old one stops working.
        set_password(&db, siti.id, "gunung rajabasa 1281").await.unwrap();
        set_password(&db, siti.id, "pantai mutun berpasir").await.unwrap();
        assert!(verify_login(&db, &siti.email, "gunung rajabasa 1281").await.is_err());
        assert!(verify_login(&db, &siti.email, "pantai mutun berpasir").await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn sessions_rotate_time_out_and_end() {
    each_database("sessions", |db, backend| async move {
        let siti = seeded_person(&db, 4).await;
        let policy = SessionPolicy::default();
        let t0 = Utc::now();

        // A pre-login session, rotated at sign-in: the old token no longer opens anything.
        let anonymous = sessions::start(&db, None, t0, policy).await.unwrap();
        let signed_in = sessions::rotate(&db, Some(&anonymous), siti.id, t0, policy).await.unwrap();
        assert_ne!(anonymous, signed_in);
        assert!(sessions::resolve(&db, &anonymous, t0, policy).await.unwrap().is_none());
        let live = sessions::resolve(&db, &signed_in, t0, policy).await.unwrap().unwrap();
        assert_eq!(live.person_id, Some(siti.id), "{backend:?}");
        // Only the hash of the token is stored.
        let stored = session::Entity::find().all(&db).await.unwrap();
        assert!(stored.iter().all(|s| s.token_hash != signed_in.as_str()));

        // Activity keeps it alive past the idle limit, but not past the absolute one.
        for step in 1..=7 {
            let now = t0 + Duration::minutes(90 * step);
            assert!(
                sessions::resolve(&db, &signed_in, now, policy).await.unwrap().is_some(),
                "{now}"
            );
        }
        assert!(
            sessions::resolve(&db, &signed_in, t0 + policy.absolute, policy)
                .await
                .unwrap()
                .is_none()
        );

        // Idle too long: gone, and deleted.
        let idle = sessions::start(&db, Some(siti.id), t0, policy).await.unwrap();
        assert!(sessions::resolve(&db, &idle, t0 + policy.idle, policy).await.unwrap().is_none());

        // Sign-out ends one session; deactivation-style cleanup ends all of a person's.
        let a = sessions::start(&db, Some(siti.id), t0, policy).await.unwrap();
        let b = sessions::start(&db, Some(siti.id), t0, policy).await.unwrap();
        sessions::end(&db, &a).await.unwrap();
        assert!(sessions::resolve(&db, &a, t0, policy).await.unwrap().is_none());
        assert!(sessions::resolve(&db, &b, t0, policy).await.unwrap().is_some());
        assert_eq!(sessions::end_all_for_person(&db, siti.id).await.unwrap(), 1, "{backend:?}");
        assert_eq!(session::Entity::find().count(&db).await.unwrap(), 0, "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn a_deactivated_persons_sessions_stop_working() {
    each_database("deactivated", |db, backend| async move {
        let siti = seeded_person(&db, 4).await;
        let policy = SessionPolicy::default();
        let now = Utc::now();
        let token = sessions::start(&db, Some(siti.id), now, policy).await.unwrap();
        let mut deactivated: person::ActiveModel = siti.into();
        deactivated.deactivated_at = Set(Some(now));
        deactivated.update(&db).await.unwrap();
        assert!(
            sessions::resolve(&db, &token, now, policy).await.unwrap().is_none(),
            "{backend:?}"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_count_failures_together() {
    use app::backend::auth::rate_limit::{self, AttemptKeys, LoginLimits};
    crate::harness::each_database_shared("rate_limit", 2, |pools, backend| async move {
        let (a, b) = (&pools[0], &pools[1]);
        let limits = LoginLimits::default();
        let t0 = Utc::now();
        let keys = AttemptKeys::new("Kabid@Diskominfotik.example", "10.1.2.3");
        // Failures alternate between the two "servers"; both see the sum.
        for i in 0..limits.per_account {
            let pool = if i % 2 == 0 { a } else { b };
            rate_limit::check(pool, &keys, t0, limits).await.unwrap();
            rate_limit::record_failure(pool, &keys, t0 + Duration::seconds(i as i64), limits)
                .await
                .unwrap();
        }
        let now = t0 + Duration::seconds(10);
        for pool in [a, b] {
            match rate_limit::check(pool, &keys, now, limits).await {
                Err(AppError::RateLimited { retry_after_secs }) => {
                    // The oldest failure leaves the window 15 minutes after it happened.
                    assert_eq!(retry_after_secs, 890, "{backend:?}");
                }
                other => panic!("{backend:?}: expected RateLimited, got {other:?}"),
            }
        }
        // The same email in another case is the same account.
        let shouted = AttemptKeys::new("KABID@DISKOMINFOTIK.EXAMPLE", "10.9.9.9");
        assert!(rate_limit::check(a, &shouted, now, limits).await.is_err(), "{backend:?}");
        // Another account from another address is not affected.
        let other = AttemptKeys::new("asn1@bkd.example", "10.9.9.9");
        rate_limit::check(a, &other, now, limits).await.unwrap();
        // After the window, and after a success, the account is free again.
        let later = t0 + limits.window + Duration::seconds(5);
        rate_limit::check(b, &keys, later, limits).await.unwrap();
        rate_limit::record_success(b, &keys).await.unwrap();
        rate_limit::check(a, &keys, now, limits).await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn ended_sessions_are_purged_and_live_ones_kept() {
    each_database("purge", |db, backend| async move {
        let siti = seeded_person(&db, 4).await;
        let policy = SessionPolicy::default();
        let now = Utc::now();
        let live = sessions::start(&db, Some(siti.id), now, policy).await.unwrap();
        // Began 13 hours ago (past the absolute limit) and 3 hours idle (past the idle limit).
        let abandoned =
            sessions::start(&db, Some(siti.id), now - Duration::hours(13), policy).await.unwrap();
        let _idle = sessions::start(&db, None, now - Duration::hours(3), policy).await.unwrap();
        assert_eq!(session::Entity::find().count(&db).await.unwrap(), 3);
        assert_eq!(sessions::purge_expired(&db, now, policy).await.unwrap(), 2, "{backend:?}");
        assert!(sessions::resolve(&db, &live, now, policy).await.unwrap().is_some());
        assert!(sessions::resolve(&db, &abandoned, now, policy).await.unwrap().is_none());
        assert_eq!(session::Entity::find().count(&db).await.unwrap(), 1);
    })
    .await;
}
