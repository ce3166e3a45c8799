//! Stored matches on both databases: a need's list follows changes to needs, offers and
//! weights through the queue; what is stored equals a fresh ranking; only the province sets
//! weights; two workers at once corrupt nothing.

use app::backend::entities::{matching_queue, need, need_match, offer};
use app::backend::services::seed::seed_demo;
use app::backend::services::{matching, needs, offers};
use app::domain::matching::{Factor, Reason, Weights};
use app::error::AppError;
use app::model::{
    DeliveryMode, FieldError, NeedStatus, OfferCompetency, OfferKind, OfferStatus, ValidationCode,
};
use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use crate::harness::{each_database, each_database_shared};
use crate::needs::competency_need;
use crate::offers::course;
use crate::people::actor;

const KOMINFO_LEAD: &str = "kabid@diskominfotik.sinergi.example";
const UNILA_ACADEMIC: &str = "dosen@unila.sinergi.example";
const PROVINCE: &str = "admin@pemprov.sinergi.example";

/// The day the tests rank on: every test course still takes enrollments.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 7, 1).unwrap()
}

/// Works the queue until it is empty.
pub async fn drain(db: &DatabaseConnection) {
    for _ in 0..1000 {
        if matching::run_queue(db, today(), 100).await.unwrap() == 0 {
            return;
        }
    }
    panic!("the matching queue never emptied");
}

async fn need_id(db: &DatabaseConnection, slug: &str) -> i32 {
    need::Entity::find().filter(need::Column::Slug.eq(slug)).one(db).await.unwrap().unwrap().id
}

async fn offer_id(db: &DatabaseConnection, slug: &str) -> i32 {
    offer::Entity::find().filter(offer::Column::Slug.eq(slug)).one(db).await.unwrap().unwrap().id
}

/// The need's stored list, best first: (offer id, total).
async fn stored(db: &DatabaseConnection, need_id: i32) -> Vec<(i32, i16)> {
    need_match::Entity::find()
        .filter(need_match::Column::NeedId.eq(need_id))
        .order_by_desc(need_match::Column::Total)
        .order_by_asc(need_match::Column::OfferId)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.offer_id, m.total))
        .collect()
}

/// The need ranked now, as stored lists read.
async fn fresh(db: &DatabaseConnection, need_id: i32) -> Vec<(i32, i16)> {
    let weights = matching::current_weights(db).await.unwrap();
    let ranked = matching::rank_need(db, need_id, &weights, today()).await.unwrap().unwrap();
    ranked.into_iter().map(|(id, m)| (id, i16::from(m.total))).collect()
}

/// Creates and publishes a course by the Unila academic; its id.
pub async fn publish_course(db: &DatabaseConnection, draft: app::model::CourseDraft) -> i32 {
    let academic = actor(db, UNILA_ACADEMIC).await;
    let slug = offers::create_course(db, &academic, "unila", &draft).await.unwrap();
    offers::change_status(db, &academic, OfferKind::Course, &slug, OfferStatus::Published, "")
        .await
        .unwrap();
    offer_id(db, &slug).await
}

/// An open competency need of Diskominfotik: 25 ASN to level 3 of MNJ-05 in Bandar Lampung.
pub async fn open_need(db: &DatabaseConnection, title: &str) -> i32 {
    let lead = actor(db, KOMINFO_LEAD).await;
    let slug =
        needs::create_need(db, &lead, "diskominfotik", &competency_need(title)).await.unwrap();
    needs::change_status(db, &lead, &slug, NeedStatus::Open, "").await.unwrap();
    need_id(db, &slug).await
}

#[tokio::test]
async fn a_published_course_enters_the_needs_list_with_its_reasons_and_leaves_when_cancelled() {
    each_database("matching_follow", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        drain(&db).await;
        let need = open_need(&db, "Layanan Aduan Cepat").await;
        drain(&db).await;
        let before = stored(&db, need).await;

        let fits = publish_course(&db, course("Pelayanan Publik Prima")).await;
        drain(&db).await;
        let list = stored(&db, need).await;
        assert_eq!(list.len(), before.len() + 1, "{backend:?}: {list:?}");
        assert!(list.iter().any(|(id, _)| *id == fits), "{backend:?}: {list:?}");
        let row = need_match::Entity::find_by_id((need, fits)).one(&db).await.unwrap().unwrap();
        let parts: Vec<app::domain::matching::Part> = serde_json::from_str(&row.parts).unwrap();
        let reasons: Vec<&Reason> = parts.iter().flat_map(|p| &p.reasons).collect();
        assert!(
            reasons.contains(&&Reason::BringsToLevel {
                code: "MNJ-05".into(),
                level: 3,
                target: 3
            }),
            "{backend:?}: {reasons:?}"
        );
        assert!(reasons.contains(&&Reason::Seats { seats: 30, headcount: 25 }), "{reasons:?}");
        assert!(reasons.contains(&&Reason::SameRegion), "{reasons:?}");
        assert_eq!(list, fresh(&db, need).await, "{backend:?}: stored = ranked now");

        let academic = actor(&db, UNILA_ACADEMIC).await;
        let slug = offer::Entity::find_by_id(fits).one(&db).await.unwrap().unwrap().slug;
        offers::change_status(&db, &academic, OfferKind::Course, &slug, OfferStatus::Cancelled, "")
            .await
            .unwrap();
        drain(&db).await;
        assert_eq!(stored(&db, need).await, before, "{backend:?}: a cancelled course leaves");

        let lead = actor(&db, KOMINFO_LEAD).await;
        let need_slug = need::Entity::find_by_id(need).one(&db).await.unwrap().unwrap().slug;
        needs::change_status(&db, &lead, &need_slug, NeedStatus::Closed, "").await.unwrap();
        drain(&db).await;
        assert!(stored(&db, need).await.is_empty(), "{backend:?}: a closed need keeps no list");
    })
    .await;
}

#[tokio::test]
async fn the_course_that_closes_the_gap_ranks_above_weaker_ones_and_unrelated_ones_stay_out() {
    each_database("matching_order", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let need = open_need(&db, "Standar Pelayanan").await;
        // Published one by one: each enters the list through the offer path.
        let closes_gap = publish_course(&db, course("Pelayanan Prima Level Tiga")).await;
        let mut low = course("Pengantar Pelayanan");
        low.competencies = vec![OfferCompetency { code: "MNJ-05".into(), level: Some(1) }];
        let too_low = publish_course(&db, low).await;
        let mut other = course("Pengelolaan Arsip Dinamis");
        other.competencies = vec![OfferCompetency { code: "TEK-DATA-01".into(), level: Some(3) }];
        let unrelated = publish_course(&db, other).await;
        let mut late = course("Pelayanan Prima Gelombang Akhir");
        late.enrollment_closes_on = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
        late.enrollment_opens_on = NaiveDate::from_ymd_opt(2027, 5, 1).unwrap();
        let closed = publish_course(&db, late).await;
        drain(&db).await;

        let list = stored(&db, need).await;
        let rank = |id: i32| list.iter().position(|(o, _)| *o == id);
        let (Some(best), Some(weaker)) = (rank(closes_gap), rank(too_low)) else {
            panic!("{backend:?}: both MNJ-05 courses listed: {list:?}");
        };
        assert!(best < weaker, "{backend:?}: {list:?}");
        assert_eq!(rank(unrelated), None, "{backend:?}: another type of competency is no answer");
        assert_eq!(rank(closed), None, "{backend:?}: enrollment closed before today");
        assert_eq!(list, fresh(&db, need).await, "{backend:?}: the offer path = a fresh ranking");
        assert!(list.len() <= matching::TOP_K);
    })
    .await;
}

#[tokio::test]
async fn only_the_province_sets_weights_bad_ones_change_nothing_and_new_ones_rerank() {
    each_database("matching_weights", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let need = open_need(&db, "Pelayanan Terpadu").await;
        let mut paid = course("Pelayanan Level Tiga Berbayar");
        paid.fee_rupiah = 5_000_000; // 25 × 5 juta, over the 60 juta budget.
        let paid = publish_course(&db, paid).await;
        let mut free = course("Pelayanan Level Dua Gratis");
        free.competencies = vec![OfferCompetency { code: "MNJ-05".into(), level: Some(2) }];
        let free = publish_course(&db, free).await;
        drain(&db).await;
        let position = |list: &[(i32, i16)], id: i32| list.iter().position(|(o, _)| *o == id);
        let list = stored(&db, need).await;
        assert!(position(&list, paid) < position(&list, free), "{backend:?}: level first");

        let cost_first = Weights { competency: 10, cost: 100, ..Weights::default() };
        let lead = actor(&db, KOMINFO_LEAD).await;
        let refused = matching::set_weights(&db, &lead, &cost_first, "").await;
        assert_eq!(refused, Err(AppError::Forbidden), "{backend:?}");
        let province = actor(&db, PROVINCE).await;
        let bad = Weights { timing: 101, ..Weights::default() };
        let refused = matching::set_weights(&db, &province, &bad, "").await;
        let range = ValidationCode::OutOfRange { min: 0, max: 100 };
        assert_eq!(refused, Err(AppError::Invalid(vec![FieldError::new("timing", range)])));
        let zero = Weights {
            competency: 0,
            text: 0,
            timing: 0,
            capacity: 0,
            place: 0,
            cost: 0,
            track_record: 0,
        };
        assert!(matches!(
            matching::set_weights(&db, &province, &zero, "").await,
            Err(AppError::Invalid(_))
        ));
        assert_eq!(matching::current_weights(&db).await.unwrap(), Weights::default());

        matching::set_weights(&db, &province, &cost_first, "Anggaran 2027 ketat").await.unwrap();
        assert_eq!(matching::current_weights(&db).await.unwrap(), cost_first);
        drain(&db).await;
        let list = stored(&db, need).await;
        assert!(position(&list, free) < position(&list, paid), "{backend:?}: cost first");
        assert_eq!(list, fresh(&db, need).await, "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn research_needs_rank_research_offers_by_their_topic() {
    each_database("matching_research", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        drain(&db).await;
        let research: Vec<need::Model> = need::Entity::find()
            .filter(need::Column::Kind.eq("research"))
            .filter(need::Column::Status.eq(NeedStatus::Open.as_db()))
            .all(&db)
            .await
            .unwrap();
        assert!(!research.is_empty(), "the demo data has open research needs");
        let mut listed = 0;
        for need in research {
            let list = stored(&db, need.id).await;
            listed += list.len();
            assert_eq!(list, fresh(&db, need.id).await, "{backend:?}: {}", need.title);
            let kinds: Vec<String> = offer::Entity::find()
                .filter(offer::Column::Id.is_in(list.iter().map(|(id, _)| *id)))
                .all(&db)
                .await
                .unwrap()
                .into_iter()
                .map(|o| o.kind)
                .collect();
            assert!(kinds.iter().all(|k| k == "research"), "{backend:?}: {kinds:?}");
            for row in need_match::Entity::find()
                .filter(need_match::Column::NeedId.eq(need.id))
                .all(&db)
                .await
                .unwrap()
            {
                let parts: Vec<app::domain::matching::Part> =
                    serde_json::from_str(&row.parts).unwrap();
                let text = parts.iter().find(|p| p.factor == Factor::Text).unwrap();
                assert!(text.score.unwrap() > 0.0, "{backend:?}: a listed offer shares a word");
            }
        }
        assert!(listed > 0, "{backend:?}: some research need lists research offers");
    })
    .await;
}

#[tokio::test]
async fn two_workers_at_once_leave_the_same_lists_as_one() {
    each_database_shared("matching_workers", 2, |pools, backend| async move {
        let db = pools[0].clone();
        seed_demo(&db).await.unwrap();
        let need = open_need(&db, "Pelayanan Bersama").await;
        for n in 0..6 {
            let mut draft = course(&format!("Pelayanan Publik Angkatan {n}"));
            draft.capacity = 10 + 5 * n;
            draft.mode = if n % 2 == 0 { DeliveryMode::Daring } else { DeliveryMode::TatapMuka };
            publish_course(&db, draft).await;
        }
        matching::everything_changed(&db).await.unwrap();
        let work = |conn: DatabaseConnection| async move {
            let mut rounds = 0;
            while matching::run_queue(&conn, today(), 3).await.unwrap() > 0 {
                rounds += 1;
                assert!(rounds < 1000);
            }
        };
        tokio::join!(work(pools[0].clone()), work(pools[1].clone()));
        drain(&db).await;
        assert_eq!(matching_queue::Entity::find().count(&db).await.unwrap(), 0);
        let list = stored(&db, need).await;
        assert!(list.len() >= 6, "{backend:?}: {list:?}");
        assert_eq!(list, fresh(&db, need).await, "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn a_full_list_keeps_the_best_and_agrees_with_a_fresh_ranking() {
    each_database("matching_full", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let need = open_need(&db, "Pelayanan Publik Penuh").await;
        drain(&db).await;
        // More courses than a list keeps, entering one by one through the offer path: seats
        // from 5 to 38 for 25 ASN, so totals climb and tie.
        for n in 0..(matching::TOP_K as i64 + 4) {
            let mut draft = course(&format!("Pelayanan Publik Kelas {n}"));
            draft.capacity = 5 + n;
            publish_course(&db, draft).await;
            drain(&db).await;
        }
        let list = stored(&db, need).await;
        assert_eq!(list.len(), matching::TOP_K, "{backend:?}");
        assert_eq!(list, fresh(&db, need).await, "{backend:?}: the offer path = a fresh ranking");
    })
    .await;
}
