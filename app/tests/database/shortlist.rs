//! Both sides of a ranking, on both databases. The agency lead's shortlist and invitations: the
//! marks show on the list and filter it, an invitation tells the offer's university once, and
//! only the need's agency leads may do either while the need is open. The university's list of
//! the open needs its offers match, best first.

use app::backend::entities::{need, offer};
use app::backend::services::seed::seed_demo;
use app::backend::services::{matching, needs, notifications};
use app::error::{AppError, ConflictReason};
use app::model::{MatchQuery, NeedStatus, NotificationEvent, ValidationCode};
use sea_orm::EntityTrait;

use crate::harness::each_database;
use crate::matching::{drain, open_need, publish_course};
use crate::offers::course;
use crate::people::actor;
use crate::proposals::{KOMINFO_LEAD, UNILA_ACADEMIC};

const PROVINCE: &str = "admin@pemprov.sinergi.example";

#[tokio::test]
async fn the_lead_shortlists_and_invites_and_the_university_is_told_once() {
    each_database("shortlist", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        drain(&db).await;
        let need_id = open_need(&db, "Aduan Cepat Kota").await;
        let course_id = publish_course(&db, course("Pelayanan Publik Prima Kota")).await;
        drain(&db).await;
        let slug = need::Entity::find_by_id(need_id).one(&db).await.unwrap().unwrap().slug;
        let offer_slug = offer::Entity::find_by_id(course_id).one(&db).await.unwrap().unwrap().slug;
        let lead = actor(&db, KOMINFO_LEAD).await;

        let all =
            matching::offers_for_need(&db, &lead, &slug, &MatchQuery::default()).await.unwrap();
        assert!(all.may_act, "{backend:?}");
        assert!(all.offers.iter().all(|o| !o.shortlisted && !o.invited));
        matching::set_shortlisted(&db, &lead, &slug, &offer_slug, true).await.unwrap();
        // Twice on is still once on.
        matching::set_shortlisted(&db, &lead, &slug, &offer_slug, true).await.unwrap();
        let only = MatchQuery { shortlist_only: true, ..MatchQuery::default() };
        let short = matching::offers_for_need(&db, &lead, &slug, &only).await.unwrap();
        let slugs: Vec<&str> = short.offers.iter().map(|o| o.card.slug.as_str()).collect();
        assert_eq!(slugs, [offer_slug.as_str()], "{backend:?}");
        assert!(short.offers[0].shortlisted);
        assert_eq!(short.listed, all.listed, "the filter narrows what is shown, not the list");

        matching::invite(&db, &lead, &slug, &offer_slug).await.unwrap();
        let again = matching::invite(&db, &lead, &slug, &offer_slug).await;
        assert_eq!(
            again,
            Err(AppError::Conflict(ConflictReason::AlreadyExists { field: "offer".into() })),
            "{backend:?}"
        );
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let told = notifications::list(&db, &academic).await.unwrap();
        assert_eq!(told.unread, 1, "{backend:?}: told once");
        assert_eq!(
            told.items[0].event,
            NotificationEvent::InvitedToPropose {
                need: "Aduan Cepat Kota".into(),
                agency: "Dinas Komunikasi, Informatika dan Statistik Provinsi Lampung".into(),
                offer: "Pelayanan Publik Prima Kota".into(),
            }
        );
        assert_eq!(told.items[0].link, format!("/kebutuhan/{slug}"));
        let marked = matching::offers_for_need(&db, &lead, &slug, &only).await.unwrap();
        assert!(marked.offers[0].invited);

        matching::set_shortlisted(&db, &lead, &slug, &offer_slug, false).await.unwrap();
        let none = matching::offers_for_need(&db, &lead, &slug, &only).await.unwrap();
        assert!(none.offers.is_empty(), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn only_the_needs_leads_act_and_only_on_an_open_need_and_a_fitting_offer() {
    each_database("shortlist_access", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let need_id = open_need(&db, "Aduan Cepat Desa").await;
        let course_id = publish_course(&db, course("Pelayanan Publik Prima Desa")).await;
        let slug = need::Entity::find_by_id(need_id).one(&db).await.unwrap().unwrap().slug;
        let offer_slug = offer::Entity::find_by_id(course_id).one(&db).await.unwrap().unwrap().slug;

        let province = actor(&db, PROVINCE).await;
        let watched =
            matching::offers_for_need(&db, &province, &slug, &MatchQuery::default()).await;
        assert!(!watched.unwrap().may_act, "{backend:?}: the province watches");
        for who in [PROVINCE, UNILA_ACADEMIC] {
            let refused = matching::invite(&db, &actor(&db, who).await, &slug, &offer_slug).await;
            assert_eq!(refused, Err(AppError::Forbidden), "{who}");
        }
        let lead = actor(&db, KOMINFO_LEAD).await;
        let wrong = matching::set_shortlisted(&db, &lead, &slug, "tidak-ada", true).await;
        match wrong {
            Err(AppError::Invalid(fields)) => {
                assert_eq!(fields[0].code, ValidationCode::UnknownChoice, "{backend:?}")
            }
            other => panic!("{backend:?}: {other:?}"),
        }
        needs::change_status(&db, &lead, &slug, NeedStatus::Closed, "Sudah tertangani.")
            .await
            .unwrap();
        let closed = matching::invite(&db, &lead, &slug, &offer_slug).await;
        assert_eq!(closed, Err(AppError::Conflict(ConflictReason::NeedNotOpen)));
    })
    .await;
}

#[tokio::test]
async fn a_university_sees_the_open_needs_its_offers_match_best_first() {
    each_database("university_matches", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        drain(&db).await;
        let need_id = open_need(&db, "Aduan Cepat Kabupaten").await;
        let course_id = publish_course(&db, course("Pelayanan Publik Prima Kabupaten")).await;
        drain(&db).await;
        let slug = need::Entity::find_by_id(need_id).one(&db).await.unwrap().unwrap().slug;
        let offer_slug = offer::Entity::find_by_id(course_id).one(&db).await.unwrap().unwrap().slug;
        let academic = actor(&db, UNILA_ACADEMIC).await;

        let list = matching::needs_for_university(&db, &academic, "unila").await.unwrap();
        let mine = list.needs.iter().find(|n| n.need.slug == slug).expect("the new need");
        assert_eq!(mine.offer_slug, offer_slug, "{backend:?}: its best offer for it");
        assert!(!mine.proposed);
        let totals: Vec<u8> = list.needs.iter().map(|n| n.total).collect();
        assert!(totals.windows(2).all(|w| w[0] >= w[1]), "best first: {totals:?}");
        let mut slugs: Vec<&str> = list.needs.iter().map(|n| n.need.slug.as_str()).collect();
        slugs.dedup();
        assert_eq!(slugs.len(), list.needs.len(), "each need once");

        app::backend::services::proposals::propose(
            &db,
            &academic,
            &slug,
            "unila",
            &crate::proposals::tailored(),
        )
        .await
        .unwrap();
        let list = matching::needs_for_university(&db, &academic, "unila").await.unwrap();
        assert!(list.needs.iter().any(|n| n.need.slug == slug && n.proposed), "{backend:?}");

        // Another university's staff may not read it; a closed need leaves it.
        let itera = actor(&db, "dosen@itera.sinergi.example").await;
        let refused = matching::needs_for_university(&db, &itera, "unila").await;
        assert_eq!(refused.err(), Some(AppError::Forbidden));
        let lead = actor(&db, KOMINFO_LEAD).await;
        needs::change_status(&db, &lead, &slug, NeedStatus::Closed, "Sudah tertangani.")
            .await
            .unwrap();
        let list = matching::needs_for_university(&db, &academic, "unila").await.unwrap();
        assert!(list.needs.iter().all(|n| n.need.slug != slug), "{backend:?}");
    })
    .await;
}
