//! Unit tests of each part of a match and of the total.

use chrono::NaiveDate;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn competency(code: &str, type_code: &str) -> CompetencyRef {
    CompetencyRef { code: code.into(), type_code: type_code.into() }
}

const TODAY: (i32, u32, u32) = (2027, 3, 1);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

/// Diskominfotik: 25 staff in Bandar Lampung to level 3 of public service by 30 June 2027,
/// Rp 50 million.
fn need() -> NeedProfile {
    NeedProfile {
        competency: Some((competency("MNJ-05", "manajerial"), 3)),
        headcount: Some(25),
        preferred_mode: None,
        region: Some("1871".into()),
        deadline: day(2027, 6, 30),
        budget: Some(50_000_000),
    }
}

/// A course that fits that need in every way.
fn course() -> OfferProfile {
    OfferProfile {
        competencies: vec![(competency("MNJ-05", "manajerial"), Some(3))],
        timing: OfferTiming::Course {
            last_day: day(2027, 6, 16),
            enrollment_closes: day(2027, 5, 31),
        },
        seats: Some(30),
        mode: Some(DeliveryMode::TatapMuka),
        region: Some("1871".into()),
        cost: OfferCost::PerParticipant(1_500_000),
        text_relevance: 1.0,
        track_record: None,
    }
}

fn scored(factor: Factor, need: &NeedProfile, offer: &OfferProfile) -> Part {
    score(need, offer, &Weights::default(), today())
        .parts
        .into_iter()
        .find(|p| p.factor == factor)
        .unwrap()
}

#[test]
fn a_course_that_fits_in_every_way_scores_100_and_says_why() {
    let found = score(&need(), &course(), &Weights::default(), today());
    assert_eq!(found.total, 100);
    let reasons: Vec<&Reason> = found.parts.iter().flat_map(|p| &p.reasons).collect();
    assert!(reasons.contains(&&Reason::BringsToLevel {
        code: "MNJ-05".into(),
        level: 3,
        target: 3
    }));
    assert!(reasons.contains(&&Reason::EndsBeforeDeadline { days: 14 }));
    assert!(reasons.contains(&&Reason::Seats { seats: 30, headcount: 25 }));
    assert!(reasons.contains(&&Reason::SameRegion));
    assert!(reasons.contains(&&Reason::WithinBudget { cost: 37_500_000, budget: 50_000_000 }));
    assert!(reasons.contains(&&Reason::NoRecordYet), "what is missing is said too");
}

#[test]
fn competency_fit_prefers_the_level_then_the_competency_then_its_type() {
    let at = |code: &str, kind: &str, level: Option<u8>| {
        let offer =
            OfferProfile { competencies: vec![(competency(code, kind), level)], ..course() };
        scored(Factor::Competency, &need(), &offer).score.unwrap()
    };
    let above = at("MNJ-05", "manajerial", Some(4));
    let below = at("MNJ-05", "manajerial", Some(2));
    let unstated = at("MNJ-05", "manajerial", None);
    let related = at("MNJ-03", "manajerial", Some(3));
    let other = at("TEK-DATA-01", "teknis", Some(5));
    assert_eq!(above, 1.0);
    assert!(
        unstated > below && below > related && related > other,
        "{above} {unstated} {below} {related} {other}"
    );
    assert_eq!(other, 0.0);
    let research_need = NeedProfile { competency: None, ..need() };
    assert_eq!(scored(Factor::Competency, &research_need, &course()).score, None);
}

#[test]
fn timing_wants_the_course_over_by_the_deadline_and_still_open() {
    let ending = |last_day| OfferProfile {
        timing: OfferTiming::Course { last_day, enrollment_closes: day(2027, 5, 31) },
        ..course()
    };
    let late = scored(Factor::Timing, &need(), &ending(day(2027, 7, 30)));
    assert_eq!(late.reasons, vec![Reason::EndsAfterDeadline { days: 30 }]);
    let very_late = scored(Factor::Timing, &need(), &ending(day(2027, 12, 1)));
    assert!(late.score.unwrap() > very_late.score.unwrap());
    assert_eq!(very_late.score, Some(0.0));
    let closed = OfferProfile {
        timing: OfferTiming::Course {
            last_day: day(2027, 6, 1),
            enrollment_closes: day(2027, 2, 1),
        },
        ..course()
    };
    let part = scored(Factor::Timing, &need(), &closed);
    assert_eq!(part.score, Some(0.0));
    assert!(part.reasons.contains(&Reason::EnrollmentClosed { on: day(2027, 2, 1) }));
}

#[test]
fn research_must_fit_in_the_months_left() {
    let research = |months| OfferProfile {
        timing: OfferTiming::Research { months },
        seats: None,
        cost: OfferCost::Range { min: 40_000_000, max: 60_000_000 },
        ..course()
    };
    // From 1 March to 30 June: three whole months.
    let fits = scored(Factor::Timing, &need(), &research(3));
    assert_eq!(fits.reasons, vec![Reason::FitsTimeline { months: 3, available: 3 }]);
    assert_eq!(fits.score, Some(1.0));
    let long = scored(Factor::Timing, &need(), &research(6));
    assert_eq!(long.score, Some(0.25));
    assert_eq!(scored(Factor::Capacity, &need(), &research(3)).score, None, "no seats to count");
    let nowhere = OfferProfile { mode: None, region: None, ..research(3) };
    assert_eq!(
        scored(Factor::Place, &need(), &nowhere).score,
        None,
        "research is not delivered somewhere"
    );
}

#[test]
fn fewer_seats_than_staff_score_in_proportion() {
    let small = OfferProfile { seats: Some(10), ..course() };
    let part = scored(Factor::Capacity, &need(), &small);
    assert_eq!(part.score, Some(0.4));
    assert_eq!(part.reasons, vec![Reason::Seats { seats: 10, headcount: 25 }]);
}

#[test]
fn online_reaches_every_unit_and_in_person_elsewhere_costs_most() {
    let elsewhere =
        |mode| OfferProfile { mode: Some(mode), region: Some("1801".into()), ..course() };
    let online = scored(Factor::Place, &need(), &elsewhere(DeliveryMode::Daring)).score.unwrap();
    let blended = scored(Factor::Place, &need(), &elsewhere(DeliveryMode::Blended)).score.unwrap();
    let in_person =
        scored(Factor::Place, &need(), &elsewhere(DeliveryMode::TatapMuka)).score.unwrap();
    assert!(online > blended && blended > in_person);
    let wants_online = NeedProfile { preferred_mode: Some(DeliveryMode::Daring), ..need() };
    let part = scored(Factor::Place, &wants_online, &course());
    assert!(part.score.unwrap() < 1.0);
    assert!(part.reasons.contains(&Reason::ModeDiffers {
        wanted: DeliveryMode::Daring,
        offered: DeliveryMode::TatapMuka
    }));
}

#[test]
fn cost_is_the_fee_for_every_participant_against_the_ceiling() {
    let dear = OfferProfile { cost: OfferCost::PerParticipant(4_000_000), ..course() };
    let part = scored(Factor::Cost, &need(), &dear);
    assert_eq!(part.reasons, vec![Reason::OverBudget { cost: 100_000_000, budget: 50_000_000 }]);
    assert_eq!(part.score, Some(0.25));
    let free = OfferProfile { cost: OfferCost::PerParticipant(0), ..course() };
    assert_eq!(scored(Factor::Cost, &need(), &free).reasons, vec![Reason::Free]);
    let no_budget = NeedProfile { budget: None, ..need() };
    assert_eq!(scored(Factor::Cost, &no_budget, &course()).score, None);
    let range = |min, max| OfferProfile { cost: OfferCost::Range { min, max }, ..course() };
    let within = scored(Factor::Cost, &need(), &range(30_000_000, 45_000_000)).score.unwrap();
    let straddles = scored(Factor::Cost, &need(), &range(40_000_000, 80_000_000)).score.unwrap();
    let above = scored(Factor::Cost, &need(), &range(60_000_000, 90_000_000)).score.unwrap();
    assert!(within > straddles && straddles > above);
}

#[test]
fn the_track_record_counts_once_it_exists() {
    let record = |completion_rate, evaluation| OfferProfile {
        track_record: Some(TrackRecord { completion_rate, evaluation }),
        ..course()
    };
    let good = scored(Factor::TrackRecord, &need(), &record(0.9, 4.6));
    assert_eq!(
        good.reasons,
        vec![Reason::Record { completion_percent: 90, evaluation_tenths: 46 }]
    );
    let poor = scored(Factor::TrackRecord, &need(), &record(0.4, 2.0));
    assert!(good.score.unwrap() > poor.score.unwrap());
    // A poor record lowers the total; no record leaves it where the rest puts it.
    let total = |offer: &OfferProfile| score(&need(), offer, &Weights::default(), today()).total;
    assert!(total(&record(0.4, 2.0)) < total(&course()));
    assert_eq!(total(&course()), 100);
}

#[test]
fn weights_are_shared_over_the_parts_that_apply() {
    let only_competency = Weights {
        competency: 1,
        text: 0,
        timing: 0,
        capacity: 0,
        place: 0,
        cost: 0,
        track_record: 0,
    };
    let below = OfferProfile {
        competencies: vec![(competency("MNJ-05", "manajerial"), Some(2))],
        ..course()
    };
    let found = score(&need(), &below, &only_competency, today());
    assert_eq!(found.total, 33, "half of 2/3");
    let nothing = Weights { competency: 0, ..only_competency };
    assert_eq!(score(&need(), &course(), &nothing, today()).total, 0);
    // A research need names no competency: its topic is judged by the text, with that weight.
    let research_need = NeedProfile { competency: None, ..need() };
    let half_relevant = OfferProfile { text_relevance: 0.5, ..course() };
    assert_eq!(score(&research_need, &half_relevant, &only_competency, today()).total, 50);
}

#[test]
fn every_reason_of_a_perfect_course_speaks_for_it_and_a_poor_ones_against() {
    let perfect = score(&need(), &course(), &Weights::default(), today());
    for reason in perfect.parts.iter().flat_map(|p| &p.reasons) {
        assert_ne!(reason.fits(), Some(false), "{reason:?}");
    }
    let mut poor = course();
    poor.competencies = vec![(competency("MNJ-05", "manajerial"), Some(1))];
    poor.seats = Some(10);
    poor.cost = OfferCost::PerParticipant(10_000_000);
    poor.timing =
        OfferTiming::Course { last_day: day(2027, 9, 1), enrollment_closes: day(2027, 5, 1) };
    let found = score(&need(), &poor, &Weights::default(), today());
    let against: Vec<&Reason> =
        found.parts.iter().flat_map(|p| &p.reasons).filter(|r| r.fits() == Some(false)).collect();
    assert!(against.iter().any(|r| matches!(r, Reason::BelowTarget { .. })), "{against:?}");
    assert!(against.contains(&&Reason::Seats { seats: 10, headcount: 25 }), "{against:?}");
    assert!(against.iter().any(|r| matches!(r, Reason::OverBudget { .. })), "{against:?}");
    assert!(against.iter().any(|r| matches!(r, Reason::EndsAfterDeadline { .. })), "{against:?}");
    assert_eq!(Reason::NoRecordYet.fits(), None, "what is missing only informs");
}
