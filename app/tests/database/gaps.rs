//! The agency gap map on both databases, from a known state: who is required a competency by
//! their position (held or target), who is below it, who was never assessed, the mean gap and
//! the level a need closing it aims at; the people behind a cell in order; who may look; and the
//! province's figures, which are every agency's added up.

use std::collections::BTreeSet;

use app::backend::auth::Actor;
use app::backend::entities::{membership, organisation, person};
use app::backend::services::assessments;
use app::backend::services::seed::seed_demo;
use app::error::AppError;
use app::model::{AssessmentDraft, GapBasis, GapCell, GapMap, OrganisationKind};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::enrollments::{BKD_LEAD, staff};
use crate::harness::each_database;
use crate::people::actor;
use crate::proposals::{KOMINFO_ASN, KOMINFO_LEAD};

const PROVINCE: &str = "admin@pemprov.sinergi.example";
const UNIT: &str = "Unit Uji Kesenjangan";

async fn place(db: &DatabaseConnection, person: &Actor, position: &str) {
    membership::Entity::update_many()
        .col_expr(membership::Column::Position, Some(position.to_owned()).into())
        .col_expr(membership::Column::Unit, Some(UNIT.to_owned()).into())
        .filter(membership::Column::PersonId.eq(person.person_id))
        .exec(db)
        .await
        .unwrap();
}

fn level(level: i16) -> AssessmentDraft {
    AssessmentDraft { level, note: String::new() }
}

/// The cell of `code` in the test unit.
fn cell(map: &GapMap, code: &str) -> GapCell {
    let row = map.rows.iter().find(|r| r.code == code).unwrap_or_else(|| panic!("no {code}"));
    let at = map.units.iter().position(|u| u == UNIT).expect("the test unit");
    row.cells[at]
}

#[tokio::test]
async fn the_gap_map_counts_who_is_below_unassessed_and_by_how_much() {
    each_database("gap_map", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let people = staff(&db, "diskominfotik", "gm", 4).await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        // Three require TEK-DATA-01 at level 2 and MNJ-01 at 1; the fourth MNJ-01 at 2 only.
        for person in &people[..3] {
            place(&db, person, "Pranata Komputer Ahli Pertama").await;
        }
        place(&db, &people[3], "Kepala Subbagian Umum").await;
        let rate = |who: usize, code: &'static str, at: i16| {
            let (db, lead, person) = (&db, &lead, &people[who]);
            async move {
                assessments::rate(db, lead, person.person_id, code, &level(at)).await.unwrap()
            }
        };
        rate(0, "TEK-DATA-01", 1).await;
        assessments::self_assess(&db, &people[1], "TEK-DATA-01", &level(3)).await.unwrap();
        rate(3, "MNJ-01", 1).await;

        let map = assessments::gap_map(&db, &lead, "diskominfotik", GapBasis::Held).await.unwrap();
        assert!(map.may_act && map.staff >= 4, "{backend:?}");
        let data = cell(&map, "TEK-DATA-01");
        assert_eq!(
            data,
            GapCell {
                required_of: 3,
                below: 1,
                unassessed: 1,
                mean_gap: Some(0.5),
                top_required: Some(2)
            },
            "{backend:?}"
        );
        let managing = cell(&map, "MNJ-01");
        assert_eq!((managing.required_of, managing.below, managing.unassessed), (4, 1, 3));
        assert_eq!((managing.mean_gap, managing.top_required), (Some(1.0), Some(2)));
        // SK-01 is required of all four, assessed in none.
        let social = cell(&map, "SK-01");
        assert_eq!((social.required_of, social.below, social.unassessed), (4, 0, 4));
        assert_eq!(social.mean_gap, None);

        // The people behind a cell: below first, then the unassessed, then who meets it.
        let cell_people = assessments::gap_people(
            &db,
            &lead,
            "diskominfotik",
            "TEK-DATA-01",
            Some(UNIT),
            GapBasis::Held,
        )
        .await
        .unwrap();
        let order: Vec<i32> = cell_people.people.iter().map(|p| p.person_id).collect();
        let expected = [people[0].person_id, people[2].person_id, people[1].person_id];
        assert_eq!(order, expected, "{backend:?}");
        assert_eq!(cell_people.cell, data);

        // Against the target position: only those with one count.
        assessments::save_plan(&db, &lead, people[0].person_id, "", "Kepala Bidang Statistik")
            .await
            .unwrap();
        let target =
            assessments::gap_map(&db, &lead, "diskominfotik", GapBasis::Target).await.unwrap();
        let aimed = cell(&target, "TEK-DATA-01");
        assert_eq!(
            (aimed.required_of, aimed.below, aimed.mean_gap, aimed.top_required),
            (1, 1, Some(2.0), Some(3)),
            "{backend:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn only_the_agencys_leads_and_the_province_see_its_gaps() {
    each_database("gap_map_access", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        for outsider in [BKD_LEAD, KOMINFO_ASN] {
            let who = actor(&db, outsider).await;
            let seen = assessments::gap_map(&db, &who, "diskominfotik", GapBasis::Held).await;
            assert!(matches!(seen, Err(AppError::Forbidden)), "{backend:?} {outsider}: {seen:?}");
            let people =
                assessments::gap_people(&db, &who, "diskominfotik", "MNJ-01", None, GapBasis::Held)
                    .await;
            assert!(matches!(people, Err(AppError::Forbidden)), "{outsider}: {people:?}");
        }
        let province = actor(&db, PROVINCE).await;
        let seen = assessments::gap_map(&db, &province, "diskominfotik", GapBasis::Held).await;
        assert!(!seen.unwrap().may_act, "{backend:?}: the province looks, the lead acts");
        let missing = assessments::gap_map(&db, &province, "tidak-ada", GapBasis::Held).await;
        assert!(matches!(missing, Err(AppError::NotFound)), "{missing:?}");
    })
    .await;
}

/// Every agency's heatmap totals for `code` added up (what the province's figure must be):
/// (required of, below, unassessed, levels missing, top required).
fn add_up(maps: &[GapMap], code: &str) -> (u32, u32, u32, f64, Option<i16>) {
    let mut sum = (0, 0, 0, 0.0, None);
    for total in maps.iter().flat_map(|m| m.rows.iter().filter(|r| r.code == code)).map(|r| r.total)
    {
        sum.0 += total.required_of;
        sum.1 += total.below;
        sum.2 += total.unassessed;
        sum.3 += total.mean_gap.unwrap_or(0.0) * f64::from(total.required_of - total.unassessed);
        sum.4 = sum.4.max(total.top_required);
    }
    sum
}

#[tokio::test]
async fn the_provinces_gaps_are_every_agencys_gaps_added_up() {
    each_database("province_gaps", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let kominfo = staff(&db, "diskominfotik", "pk", 3).await;
        let bkd = staff(&db, "bkd", "pb", 2).await;
        for person in kominfo.iter().chain(&bkd) {
            place(&db, person, "Pranata Komputer Ahli Pertama").await;
        }
        let lead = actor(&db, KOMINFO_LEAD).await;
        let bkd_lead = actor(&db, BKD_LEAD).await;
        assessments::rate(&db, &lead, kominfo[0].person_id, "TEK-DATA-01", &level(1))
            .await
            .unwrap();
        assessments::self_assess(&db, &kominfo[1], "TEK-DATA-01", &level(3)).await.unwrap();
        assessments::rate(&db, &bkd_lead, bkd[0].person_id, "TEK-DATA-01", &level(1))
            .await
            .unwrap();
        assessments::rate(&db, &bkd_lead, bkd[1].person_id, "TEK-DATA-01", &level(1))
            .await
            .unwrap();
        assessments::save_plan(&db, &lead, kominfo[2].person_id, "", "Kepala Bidang Statistik")
            .await
            .unwrap();
        // Someone who left counts nowhere.
        let mut gone: person::ActiveModel =
            person::Entity::find_by_id(bkd[1].person_id).one(&db).await.unwrap().unwrap().into();
        gone.deactivated_at = Set(Some(Utc::now()));
        gone.update(&db).await.unwrap();

        let province = actor(&db, PROVINCE).await;
        let agencies: Vec<String> = organisation::Entity::find()
            .filter(organisation::Column::Kind.ne(OrganisationKind::University.as_db()))
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.slug)
            .collect();
        for basis in [GapBasis::Held, GapBasis::Target] {
            let mut maps = Vec::new();
            for slug in &agencies {
                maps.push(assessments::gap_map(&db, &province, slug, basis).await.unwrap());
            }
            let rows = assessments::province_gaps(&db, &province, basis).await.unwrap();
            assert!(!rows.is_empty(), "{backend:?} {basis:?}");
            for row in &rows {
                let total = row.total;
                let (required_of, below, unassessed, missing, top) = add_up(&maps, &row.code);
                let assessed = f64::from(total.required_of - total.unassessed);
                let label = format!("{backend:?} {basis:?} {}", row.code);
                assert_eq!(
                    (total.required_of, total.below, total.unassessed, total.top_required),
                    (required_of, below, unassessed, top),
                    "{label}"
                );
                let province_missing = total.mean_gap.unwrap_or(0.0) * assessed;
                assert!((province_missing - missing).abs() < 1e-9, "{label}");
                assert_eq!(row.cells, vec![total], "{label}");
            }
            // Every competency some agency's heatmap has, the province has, the most below first.
            let codes: Vec<&str> = maps
                .iter()
                .flat_map(|m| m.rows.iter().map(|r| r.code.as_str()))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let mut listed: Vec<&str> = rows.iter().map(|r| r.code.as_str()).collect();
            assert!(rows.windows(2).all(|w| w[0].total.below >= w[1].total.below), "{basis:?}");
            listed.sort_unstable();
            assert_eq!(listed, codes, "{backend:?} {basis:?}");
        }
        // The known figures: in TEK-DATA-01 (level 2) three are assessed (the demo data rates
        // nobody, and the one at level 1 who left no longer counts): two at 1, one at 3.
        let held = assessments::province_gaps(&db, &province, GapBasis::Held).await.unwrap();
        let data = held.iter().find(|r| r.code == "TEK-DATA-01").expect("TEK-DATA-01").total;
        let assessed = data.required_of - data.unassessed;
        assert_eq!((assessed, data.below, data.top_required), (3, 2, Some(2)), "{backend:?}");
        assert_eq!(data.mean_gap, Some(2.0 / 3.0), "{backend:?}");
        // Only the province reads them.
        let refused = assessments::province_gaps(&db, &lead, GapBasis::Held).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
    })
    .await;
}
