//! The stored current levels on both databases: after each change that moves a level (a
//! certificate issued when its course closes, a self-assessment, a supervisor's rating, a
//! revocation) they are exactly what the profile rule gives from every rating, and a rebuild
//! from nothing gives the same rows.

use app::backend::auth::Actor;
use app::backend::entities::{
    certificate, competency, competency_assessment, current_level, offer_competency,
};
use app::backend::services::seed::seed_demo;
use app::backend::services::{assessments, certificates};
use app::model::AssessmentDraft;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use crate::certificates::closed_course;
use crate::harness::each_database;
use crate::offers::course;
use crate::people::actor;
use crate::proposals::{KOMINFO_LEAD, UNILA_ACADEMIC};

const PROVINCE: &str = "admin@pemprov.sinergi.example";

/// (competency code, level, kind) as stored or as a profile shows it, by code.
type Levels = Vec<(String, i16, String)>;

fn level(level: i16) -> AssessmentDraft {
    AssessmentDraft { level, note: String::new() }
}

/// The stored current levels of `person`.
async fn stored(db: &DatabaseConnection, person: &Actor) -> Levels {
    let rows = current_level::Entity::find()
        .filter(current_level::Column::PersonId.eq(person.person_id))
        .find_also_related(competency::Entity)
        .all(db)
        .await
        .unwrap();
    let mut levels: Levels = rows
        .into_iter()
        .map(|(row, c)| (c.expect("a competency").code, row.level, row.kind))
        .collect();
    levels.sort();
    levels
}

/// The current levels of `person` by the rule, read live from every rating (their profile).
async fn by_the_rule(db: &DatabaseConnection, person: &Actor) -> Levels {
    let province = actor(db, PROVINCE).await;
    let profile = assessments::profile(db, &province, person.person_id).await.unwrap();
    let mut levels: Levels = profile
        .rows
        .into_iter()
        .filter_map(|r| {
            let current = r.current?;
            Some((r.code, current.level, current.kind.as_db().to_owned()))
        })
        .collect();
    levels.sort();
    levels
}

/// Asserts the stored levels of `person` are `expected` and what the rule gives.
async fn assert_levels(db: &DatabaseConnection, person: &Actor, expected: &[(&str, i16, &str)]) {
    let expected: Levels =
        expected.iter().map(|(c, l, k)| ((*c).to_owned(), *l, (*k).to_owned())).collect();
    assert_eq!(stored(db, person).await, expected, "stored levels of {}", person.full_name);
    assert_eq!(by_the_rule(db, person).await, expected, "the rule for {}", person.full_name);
}

/// Every stored row, in key order.
async fn all_rows(db: &DatabaseConnection) -> Vec<current_level::Model> {
    current_level::Entity::find()
        .order_by_asc(current_level::Column::PersonId)
        .order_by_asc(current_level::Column::CompetencyId)
        .all(db)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_stored_levels_follow_every_change_and_a_rebuild_gives_them_again() {
    each_database("current_levels", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        assert!(all_rows(&db).await.is_empty(), "{backend:?}: the demo data rates nobody");
        // The course brings MNJ-05 to level 3; only the first of the two completes it.
        let (_, people) = closed_course(&db, course("Kelas Tingkat"), &[10], "cl").await;
        let (done, failed) = (&people[0], &people[1]);
        assert_levels(&db, done, &[("MNJ-05", 3, "evidence")]).await;
        assert_levels(&db, failed, &[]).await;

        // A higher claim does not outweigh the certificate; another competency's does count.
        assessments::self_assess(&db, done, "MNJ-05", &level(5)).await.unwrap();
        assessments::self_assess(&db, failed, "MNJ-02", &level(2)).await.unwrap();
        assert_levels(&db, done, &[("MNJ-05", 3, "evidence")]).await;
        assert_levels(&db, failed, &[("MNJ-02", 2, "self")]).await;

        // Revoked, the certificate no longer counts: the claim does.
        let cert = certificate::Entity::find()
            .filter(certificate::Column::PersonId.eq(done.person_id))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let unila = actor(&db, UNILA_ACADEMIC).await;
        certificates::revoke(&db, &unila, &cert.code, "Nilai salah dimasukkan.").await.unwrap();
        assert_levels(&db, done, &[("MNJ-05", 5, "self")]).await;

        // The supervisor outweighs it, the most recent of theirs even when lower.
        let lead = actor(&db, KOMINFO_LEAD).await;
        assessments::rate(&db, &lead, done.person_id, "MNJ-05", &level(4)).await.unwrap();
        assessments::rate(&db, &lead, done.person_id, "MNJ-05", &level(2)).await.unwrap();
        assessments::rate(&db, &lead, done.person_id, "MNJ-01", &level(3)).await.unwrap();
        assert_levels(&db, done, &[("MNJ-01", 3, "supervisor"), ("MNJ-05", 2, "supervisor")]).await;
        assert_levels(&db, failed, &[("MNJ-02", 2, "self")]).await;

        // A rating refused changes nothing.
        let refused = assessments::rate(&db, &lead, done.person_id, "MNJ-05", &level(9)).await;
        assert!(refused.is_err(), "{backend:?}");
        assert_levels(&db, done, &[("MNJ-01", 3, "supervisor"), ("MNJ-05", 2, "supervisor")]).await;

        // Filling a table that has rows leaves it as it is; from nothing, it comes back whole.
        let before = all_rows(&db).await;
        assert_eq!(before.len(), 3, "{backend:?}");
        assert_eq!(assessments::fill_levels_if_empty(&db).await.unwrap(), None, "{backend:?}");
        assert_eq!(all_rows(&db).await, before, "{backend:?}");
        current_level::Entity::delete_many().exec(&db).await.unwrap();
        assert_eq!(assessments::fill_levels_if_empty(&db).await.unwrap(), Some(2), "{backend:?}");
        assert_eq!(all_rows(&db).await, before, "{backend:?}");
        assert_eq!(assessments::rebuild_levels(&db).await.unwrap(), 2, "{backend:?}");
        assert_eq!(all_rows(&db).await, before, "{backend:?}");

        // Valid certificates of courses that bring no level give nothing to fill: an empty
        // table then stays empty without a rebuild at every start.
        competency_assessment::Entity::delete_many().exec(&db).await.unwrap();
        offer_competency::Entity::update_many()
            .col_expr(offer_competency::Column::Level, Expr::value(Option::<i16>::None))
            .exec(&db)
            .await
            .unwrap();
        current_level::Entity::delete_many().exec(&db).await.unwrap();
        // The certificate revoked above, valid again, is the one left of a course with no level.
        certificate::Entity::update_many()
            .col_expr(certificate::Column::RevokedAt, Expr::value(Option::<DateTime<Utc>>::None))
            .exec(&db)
            .await
            .unwrap();
        let valid = certificate::Entity::find()
            .filter(certificate::Column::RevokedAt.is_null())
            .count(&db)
            .await
            .unwrap();
        assert!(valid > 0, "{backend:?}: the case needs a valid certificate");
        assert_eq!(assessments::fill_levels_if_empty(&db).await.unwrap(), None, "{backend:?}");
        assert_eq!(all_rows(&db).await, Vec::new(), "{backend:?}");
    })
    .await;
}
