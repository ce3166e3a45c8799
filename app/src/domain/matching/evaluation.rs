//! The labelled evaluation set: needs of Lampung's agencies, each with candidate offers graded
//! by what an agency lead would say of them (3: closes the gap as asked; 2: closes it with a
//! compromise; 1: helps a little; 0: does not help), written from the domain before the engine
//! ranked anything. The engine's order must reach NDCG@5 ≥ 0.9 on every need.

use chrono::NaiveDate;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn competency(code: &str) -> CompetencyRef {
    let type_code = match code.split('-').next() {
        Some("MNJ") => "manajerial",
        Some("SK") => "sosial_kultural",
        _ => "teknis",
    };
    CompetencyRef { code: code.into(), type_code: type_code.into() }
}

fn competency_need(
    code: &str,
    target: u8,
    headcount: u32,
    region: &str,
    deadline: NaiveDate,
    budget: Option<i64>,
) -> NeedProfile {
    NeedProfile {
        competency: Some((competency(code), target)),
        headcount: Some(headcount),
        preferred_mode: None,
        region: Some(region.into()),
        deadline,
        budget,
    }
}

/// A course: competency and level, last day, seats, mode, place, fee, text relevance.
#[allow(clippy::too_many_arguments)]
fn course(
    code: &str,
    level: u8,
    last_day: NaiveDate,
    seats: u32,
    mode: DeliveryMode,
    region: &str,
    fee: i64,
    text: f32,
) -> OfferProfile {
    OfferProfile {
        competencies: vec![(competency(code), Some(level))],
        timing: OfferTiming::Course {
            last_day,
            enrollment_closes: last_day - chrono::Days::new(14),
        },
        seats: Some(seats),
        mode: Some(mode),
        region: Some(region.into()),
        cost: OfferCost::PerParticipant(fee),
        text_relevance: text,
        track_record: None,
    }
}

fn research(codes: &[&str], months: u32, min: i64, max: i64, text: f32) -> OfferProfile {
    OfferProfile {
        competencies: codes.iter().map(|c| (competency(c), None)).collect(),
        timing: OfferTiming::Research { months },
        seats: None,
        mode: None,
        region: None,
        cost: OfferCost::Range { min, max },
        text_relevance: text,
        track_record: None,
    }
}

const BANDAR_LAMPUNG: &str = "1871";
const METRO: &str = "1872";
const LAMPUNG_SELATAN: &str = "1801";
const TODAY: (i32, u32, u32) = (2027, 2, 1);

use DeliveryMode::{Blended, Daring, TatapMuka};

/// A need, described, with its candidates and their grades.
type Labelled = (&'static str, NeedProfile, Vec<(u8, OfferProfile)>);

/// Each need with its graded candidates.
fn labelled() -> Vec<Labelled> {
    let june = day(2027, 6, 30);
    vec![
        (
            "Diskominfotik: 25 staff to level 3 of public service by June, Rp 50 million",
            competency_need("MNJ-05", 3, 25, BANDAR_LAMPUNG, june, Some(50_000_000)),
            vec![
                (
                    3,
                    course(
                        "MNJ-05",
                        3,
                        day(2027, 6, 10),
                        30,
                        TatapMuka,
                        BANDAR_LAMPUNG,
                        1_500_000,
                        0.9,
                    ),
                ),
                (3, course("MNJ-05", 4, day(2027, 5, 20), 40, Daring, METRO, 2_000_000, 0.7)),
                (2, course("MNJ-05", 3, day(2027, 5, 15), 25, TatapMuka, METRO, 1_000_000, 0.8)),
                (1, course("MNJ-05", 2, day(2027, 5, 10), 30, TatapMuka, BANDAR_LAMPUNG, 0, 0.8)),
                (
                    1,
                    course("MNJ-03", 3, day(2027, 4, 30), 30, Daring, BANDAR_LAMPUNG, 500_000, 0.4),
                ),
                (
                    1,
                    course(
                        "MNJ-05",
                        3,
                        day(2027, 9, 15),
                        30,
                        TatapMuka,
                        BANDAR_LAMPUNG,
                        1_500_000,
                        0.9,
                    ),
                ),
                (0, course("TEK-DATA-01", 3, day(2027, 5, 1), 30, Daring, BANDAR_LAMPUNG, 0, 0.2)),
            ],
        ),
        (
            "BKD: 12 analysts to level 4 of data literacy by September, no budget given",
            competency_need("TEK-DATA-01", 4, 12, BANDAR_LAMPUNG, day(2027, 9, 30), None),
            vec![
                (
                    3,
                    course(
                        "TEK-DATA-01",
                        4,
                        day(2027, 8, 20),
                        15,
                        Blended,
                        BANDAR_LAMPUNG,
                        3_000_000,
                        0.9,
                    ),
                ),
                (3, course("TEK-DATA-01", 5, day(2027, 7, 1), 20, Daring, METRO, 4_500_000, 0.8)),
                (
                    2,
                    course(
                        "TEK-DATA-01",
                        4,
                        day(2027, 8, 1),
                        8,
                        Daring,
                        BANDAR_LAMPUNG,
                        2_000_000,
                        0.9,
                    ),
                ),
                (1, course("TEK-DATA-01", 2, day(2027, 6, 1), 30, Daring, BANDAR_LAMPUNG, 0, 0.9)),
                (1, course("TEK-SIBER-01", 4, day(2027, 8, 1), 20, Daring, BANDAR_LAMPUNG, 0, 0.3)),
                (0, course("MNJ-01", 4, day(2027, 8, 1), 20, Daring, BANDAR_LAMPUNG, 0, 0.1)),
            ],
        ),
        (
            "Lampung Selatan archive office: 40 staff to level 2 of records management by May, Rp 30 million",
            competency_need(
                "TEK-ARSIP-01",
                2,
                40,
                LAMPUNG_SELATAN,
                day(2027, 5, 31),
                Some(30_000_000),
            ),
            vec![
                (
                    3,
                    course(
                        "TEK-ARSIP-01",
                        2,
                        day(2027, 4, 15),
                        40,
                        TatapMuka,
                        LAMPUNG_SELATAN,
                        500_000,
                        0.9,
                    ),
                ),
                (
                    3,
                    course(
                        "TEK-ARSIP-01",
                        3,
                        day(2027, 4, 30),
                        50,
                        Daring,
                        BANDAR_LAMPUNG,
                        600_000,
                        0.8,
                    ),
                ),
                (
                    2,
                    course(
                        "TEK-ARSIP-01",
                        2,
                        day(2027, 4, 15),
                        40,
                        TatapMuka,
                        BANDAR_LAMPUNG,
                        700_000,
                        0.9,
                    ),
                ),
                (2, course("TEK-ARSIP-01", 2, day(2027, 5, 20), 20, Daring, METRO, 0, 0.7)),
                (
                    1,
                    course(
                        "TEK-ARSIP-01",
                        2,
                        day(2027, 5, 10),
                        40,
                        Daring,
                        BANDAR_LAMPUNG,
                        2_500_000,
                        0.9,
                    ),
                ),
                (0, course("TEK-RENC-01", 2, day(2027, 4, 1), 40, Daring, BANDAR_LAMPUNG, 0, 0.2)),
                (0, course("SK-01", 2, day(2027, 4, 1), 40, TatapMuka, LAMPUNG_SELATAN, 0, 0.1)),
            ],
        ),
        (
            "Bappeda: 6 planners to level 3 of development planning by July, Rp 20 million",
            competency_need(
                "TEK-RENC-01",
                3,
                6,
                BANDAR_LAMPUNG,
                day(2027, 7, 31),
                Some(20_000_000),
            ),
            vec![
                (
                    3,
                    course(
                        "TEK-RENC-01",
                        3,
                        day(2027, 6, 30),
                        10,
                        TatapMuka,
                        BANDAR_LAMPUNG,
                        2_500_000,
                        0.9,
                    ),
                ),
                (
                    2,
                    course(
                        "TEK-RENC-01",
                        3,
                        day(2027, 6, 30),
                        10,
                        TatapMuka,
                        BANDAR_LAMPUNG,
                        5_000_000,
                        0.9,
                    ),
                ),
                (
                    2,
                    course(
                        "TEK-RENC-01",
                        3,
                        day(2027, 8, 10),
                        10,
                        Daring,
                        BANDAR_LAMPUNG,
                        1_000_000,
                        0.9,
                    ),
                ),
                (1, course("TEK-RENC-01", 1, day(2027, 5, 1), 30, Daring, BANDAR_LAMPUNG, 0, 0.8)),
                (1, course("TEK-DATA-01", 3, day(2027, 6, 1), 10, Daring, BANDAR_LAMPUNG, 0, 0.5)),
                (0, course("MNJ-08", 3, day(2027, 6, 1), 10, Daring, BANDAR_LAMPUNG, 0, 0.3)),
            ],
        ),
        (
            "Dinas Kesehatan: a research need on complaint handling, evaluation by December, Rp 150 million",
            NeedProfile {
                competency: None,
                headcount: None,
                preferred_mode: None,
                region: Some(BANDAR_LAMPUNG.into()),
                deadline: day(2027, 12, 31),
                budget: Some(150_000_000),
            },
            vec![
                (3, research(&["MNJ-05"], 6, 90_000_000, 140_000_000, 0.9)),
                (2, research(&["MNJ-05", "MNJ-03"], 8, 120_000_000, 200_000_000, 0.8)),
                (2, research(&["MNJ-05"], 14, 80_000_000, 120_000_000, 0.9)),
                (1, research(&["TEK-DATA-01"], 6, 60_000_000, 100_000_000, 0.4)),
                (0, research(&["TEK-ARSIP-01"], 6, 300_000_000, 400_000_000, 0.1)),
            ],
        ),
    ]
}

/// Normalised discounted cumulative gain of the first `k` in `ranked` (grades, best first).
fn ndcg_at(k: usize, ranked: &[u8]) -> f64 {
    let dcg = |grades: &[u8]| -> f64 {
        grades
            .iter()
            .take(k)
            .enumerate()
            .map(|(i, g)| (2f64.powi(i32::from(*g)) - 1.0) / ((i + 2) as f64).log2())
            .sum()
    };
    let mut ideal = ranked.to_vec();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best = dcg(&ideal);
    if best == 0.0 { 1.0 } else { dcg(ranked) / best }
}

#[test]
fn the_engine_ranks_the_labelled_set_as_agency_leads_would() {
    let today = day(TODAY.0, TODAY.1, TODAY.2);
    let sets = labelled();
    let pairs: usize = sets.iter().map(|(_, _, offers)| offers.len()).sum();
    assert!(pairs >= 30, "at least 30 labelled pairs, found {pairs}");
    for (name, need, offers) in sets {
        let mut ranked: Vec<(u8, u8)> = offers
            .iter()
            .map(|(grade, offer)| (score(&need, offer, &Weights::default(), today).total, *grade))
            .collect();
        // Best score first; on a tie the worse grade first, so ties never flatter the engine.
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let grades: Vec<u8> = ranked.iter().map(|(_, grade)| *grade).collect();
        let ndcg = ndcg_at(5, &grades);
        assert!(ndcg >= 0.9, "{name}: NDCG@5 {ndcg:.3}, order {ranked:?}");
    }
}

#[test]
fn ndcg_is_one_for_the_ideal_order_and_less_otherwise() {
    assert_eq!(ndcg_at(5, &[3, 2, 1, 0]), 1.0);
    assert!(ndcg_at(5, &[0, 1, 2, 3]) < 0.6);
}
