//! The matching engine's candidate index on both databases: it follows the catalogue through
//! the queue (a published course enters with one row per competency, an edit moves it, a
//! cancelled course leaves; research offers by their words), and a rebuild — the worker's, and
//! the one the migration queues — writes exactly what the incremental upkeep kept.

use app::backend::entities::offer;
use app::backend::services::seed::seed_demo;
use app::backend::services::{matching, offers};
use app::model::{DeliveryMode, OfferCompetency, OfferKind, OfferStatus};
use sea_orm::{DatabaseConnection, EntityTrait, FromQueryResult, Statement};
use sea_orm_migration::MigratorTrait;

use crate::harness::each_database;
use crate::matching::{drain, publish_course};
use crate::offers::course;
use crate::people::actor;

const UNILA_ACADEMIC: &str = "dosen@unila.sinergi.example";

#[derive(Debug, PartialEq, Eq, FromQueryResult)]
struct Row {
    offer_id: i32,
    code: String,
    type_code: String,
    level: Option<i16>,
    reach: String,
    closes: String,
}

/// Every row of the course index, in a stable order (dates as text on both databases).
async fn course_rows(db: &DatabaseConnection) -> Vec<Row> {
    let sql = "SELECT cc.offer_id, c.code, cc.type_code, cc.level, cc.reach, \
               CAST(cc.enrollment_closes_on AS TEXT) AS closes \
               FROM course_candidates cc JOIN competencies c ON c.id = cc.competency_id \
               ORDER BY cc.offer_id, c.code";
    let statement = Statement::from_string(db.get_database_backend(), sql);
    Row::find_by_statement(statement).all(db).await.unwrap()
}

/// Every row of the word index, in a stable order.
async fn word_rows(db: &DatabaseConnection) -> Vec<(i32, String, i16)> {
    #[derive(FromQueryResult)]
    struct Word {
        offer_id: i32,
        term: String,
        weight: i16,
    }
    let sql = "SELECT offer_id, term, weight FROM research_terms ORDER BY offer_id, term";
    let statement = Statement::from_string(db.get_database_backend(), sql);
    let rows = Word::find_by_statement(statement).all(db).await.unwrap();
    rows.into_iter().map(|w| (w.offer_id, w.term, w.weight)).collect()
}

fn rows_of(rows: &[Row], offer_id: i32) -> Vec<(&str, Option<i16>, &str)> {
    rows.iter()
        .filter(|r| r.offer_id == offer_id)
        .map(|r| (r.code.as_str(), r.level, r.reach.as_str()))
        .collect()
}

#[tokio::test]
async fn the_candidate_index_follows_the_catalogue_and_a_rebuild_agrees() {
    each_database("candidate_index", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        drain(&db).await;
        let demo = course_rows(&db).await;
        assert!(!demo.is_empty(), "{backend:?}: the demo's published courses are indexed");

        let mut draft = course("Pelayanan Publik Prima untuk Petugas Pengaduan");
        draft.competencies = vec![
            OfferCompetency { code: "MNJ-05".into(), level: Some(3) },
            OfferCompetency { code: "MNJ-01".into(), level: Some(2) },
        ];
        let id = publish_course(&db, draft.clone()).await;
        drain(&db).await;
        let rows = course_rows(&db).await;
        assert_eq!(
            rows_of(&rows, id),
            vec![("MNJ-01", Some(2), "1871"), ("MNJ-05", Some(3), "1871")],
            "{backend:?}: one row per competency taught, reachable in its kabupaten/kota"
        );
        assert!(rows.iter().filter(|r| r.offer_id == id).all(|r| r.closes.starts_with("2027-")));

        // Online now, teaching one competency at a higher level: the rows follow the edit.
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let slug = offer::Entity::find_by_id(id).one(&db).await.unwrap().unwrap().slug;
        draft.mode = DeliveryMode::Daring;
        draft.competencies = vec![OfferCompetency { code: "MNJ-05".into(), level: Some(4) }];
        offers::update_course(&db, &academic, &slug, &draft).await.unwrap();
        drain(&db).await;
        assert_eq!(
            rows_of(&course_rows(&db).await, id),
            vec![("MNJ-05", Some(4), "daring")],
            "{backend:?}: an edit moves the course in the index"
        );
        let kept = course_rows(&db).await;
        let words = word_rows(&db).await;
        let complaint = words.iter().find(|(_, term, _)| term == "adu");
        assert!(complaint.is_some_and(|(_, _, w)| *w == 10), "{backend:?}: title words weigh 10");

        // Rebuilt from the catalogue: the same rows.
        matching::rebuild_candidate_index(&db).await.unwrap();
        assert_eq!(course_rows(&db).await, kept, "{backend:?}: rebuild = upkeep");
        assert_eq!(word_rows(&db).await, words);

        // The migration's backfill over the same catalogue: the same rows again.
        // Back to before migration 000022 (and what came after it), then up again.
        let steps = migrations::Migrator::migrations()
            .iter()
            .rev()
            .position(|m| m.name() == "m20261129_000022_create_match_candidates")
            .expect("the candidate index migration")
            + 1;
        migrations::Migrator::down(&db, Some(steps as u32)).await.unwrap();
        migrations::Migrator::up(&db, None).await.unwrap();
        assert!(course_rows(&db).await.is_empty() && word_rows(&db).await.is_empty());
        drain(&db).await;
        assert_eq!(course_rows(&db).await, kept, "{backend:?}: queued rebuild = upkeep");
        assert_eq!(word_rows(&db).await, words);

        // Cancelled, it leaves the index.
        offers::change_status(&db, &academic, OfferKind::Course, &slug, OfferStatus::Cancelled, "")
            .await
            .unwrap();
        drain(&db).await;
        assert!(rows_of(&course_rows(&db).await, id).is_empty(), "{backend:?}: cancelled leaves");
    })
    .await;
}
