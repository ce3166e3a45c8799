//! The parts of a match, one function each: a score from 0.0 to 1.0 (or none, when the part
//! cannot be judged) and the reasons behind it.

use chrono::{Datelike, NaiveDate};

use super::{Factor, NeedProfile, OfferCost, OfferProfile, OfferTiming, Part, Reason};
use crate::model::DeliveryMode;

fn part(factor: Factor, score: Option<f32>, reasons: Vec<Reason>) -> Part {
    Part { factor, score, reasons }
}

/// Same competency at or above the target level: full marks. Same competency below it: in
/// proportion, at most half (a course to level 2 does not close a gap to level 4). Same
/// competency without a stated level (research): most. Another competency of the same type:
/// a little (the skills overlap). Nothing related: none.
pub fn competency(need: &NeedProfile, offer: &OfferProfile) -> Part {
    let Some((wanted, target)) = &need.competency else {
        return part(Factor::Competency, None, vec![Reason::NoCompetencyAsked]);
    };
    let target = *target;
    let same = offer.competencies.iter().find(|(c, _)| c.code == wanted.code);
    let (score, reason) = match same {
        Some((c, Some(level))) if *level >= target => {
            (1.0, Reason::BringsToLevel { code: c.code.clone(), level: *level, target })
        }
        Some((c, Some(level))) => (
            0.5 * f32::from(*level) / f32::from(target.max(1)),
            Reason::BelowTarget { code: c.code.clone(), level: *level, target },
        ),
        Some((c, None)) => (0.8, Reason::CoversCompetency { code: c.code.clone() }),
        None => match offer.competencies.iter().find(|(c, _)| c.type_code == wanted.type_code) {
            Some((c, _)) => (
                0.25,
                Reason::RelatedCompetency { code: c.code.clone(), wanted: wanted.code.clone() },
            ),
            None => (0.0, Reason::OtherCompetencies { wanted: wanted.code.clone() }),
        },
    };
    part(Factor::Competency, Some(score), vec![reason])
}

/// The full-text index's relevance, as given.
pub fn text(offer: &OfferProfile) -> Part {
    let relevance = offer.text_relevance.clamp(0.0, 1.0);
    let percent = (relevance * 100.0).round() as u8;
    part(Factor::Text, Some(relevance), vec![Reason::TextMatch { percent }])
}

/// A course must end by the deadline and still take enrollments; a research offer must fit in
/// the months left before the deadline. Late by a little is better than late by a lot.
pub fn timing(need: &NeedProfile, offer: &OfferProfile, today: NaiveDate) -> Part {
    match &offer.timing {
        OfferTiming::Course { last_day, enrollment_closes } => {
            let mut reasons = Vec::new();
            let days = (need.deadline - *last_day).num_days();
            let mut score = if days >= 0 {
                reasons.push(Reason::EndsBeforeDeadline { days });
                1.0
            } else {
                reasons.push(Reason::EndsAfterDeadline { days: -days });
                // A month late still helps somewhat; three months late, not at all.
                (1.0 - (-days) as f32 / 90.0).max(0.0) * 0.5
            };
            if *enrollment_closes < today {
                reasons.push(Reason::EnrollmentClosed { on: *enrollment_closes });
                score = 0.0;
            }
            part(Factor::Timing, Some(score), reasons)
        }
        OfferTiming::Research { months } => {
            let available = months_between(today, need.deadline);
            if *months <= available {
                let reason = Reason::FitsTimeline { months: *months, available };
                part(Factor::Timing, Some(1.0), vec![reason])
            } else {
                let score = available as f32 / (*months).max(1) as f32;
                let reason = Reason::TooLong { months: *months, available };
                part(Factor::Timing, Some(score * 0.5), vec![reason])
            }
        }
    }
}

/// Whole months from `from` to `to` (0 when `to` has passed).
fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    if to <= from {
        return 0;
    }
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let months = if to.day() < from.day() { months - 1 } else { months };
    u32::try_from(months).unwrap_or(0)
}

/// Seats for every civil servant named: full marks; fewer: in proportion (the agency would
/// need a second class). Research needs have no headcount.
pub fn capacity(need: &NeedProfile, offer: &OfferProfile) -> Part {
    match (need.headcount, offer.seats) {
        (Some(headcount), Some(seats)) if headcount > 0 => {
            let score = (seats as f32 / headcount as f32).min(1.0);
            part(Factor::Capacity, Some(score), vec![Reason::Seats { seats, headcount }])
        }
        _ => part(Factor::Capacity, None, Vec::new()),
    }
}

/// Online reaches every unit; in person is best where the units are. A preferred mode the offer
/// does not use costs a little. Research offers (no mode) are not judged on it.
pub fn place(need: &NeedProfile, offer: &OfferProfile) -> Part {
    // Research is not delivered somewhere: nothing to judge.
    if offer.mode.is_none() {
        return part(Factor::Place, None, Vec::new());
    }
    let mut reasons = Vec::new();
    let same_region = need.region.is_some() && need.region == offer.region;
    let mut score = match offer.mode {
        Some(DeliveryMode::Daring) => {
            reasons.push(Reason::Online);
            1.0
        }
        _ if same_region || need.region.is_none() => {
            if same_region {
                reasons.push(Reason::SameRegion);
            }
            1.0
        }
        Some(DeliveryMode::Blended) => {
            reasons.push(Reason::OtherRegion {
                offer_region: offer.region.clone().unwrap_or_default(),
            });
            0.6
        }
        _ => {
            reasons.push(Reason::OtherRegion {
                offer_region: offer.region.clone().unwrap_or_default(),
            });
            0.3
        }
    };
    if let (Some(wanted), Some(offered)) = (need.preferred_mode, offer.mode)
        && wanted != offered
    {
        reasons.push(Reason::ModeDiffers { wanted, offered });
        score *= 0.7;
    }
    part(Factor::Place, Some(score), reasons)
}

/// The offer's cost for this need against the agency's ceiling: within it, full marks; over
/// it, in proportion. A course costs its fee times the headcount; a research offer, its range
/// (within if even its top is; partly if only its bottom is).
pub fn cost(need: &NeedProfile, offer: &OfferProfile) -> Part {
    let cost = match offer.cost {
        OfferCost::PerParticipant(0) => return part(Factor::Cost, Some(1.0), vec![Reason::Free]),
        OfferCost::PerParticipant(fee) => (fee * i64::from(need.headcount.unwrap_or(1)), None),
        OfferCost::Range { min, max } => (min, Some(max)),
    };
    let Some(budget) = need.budget else {
        return part(Factor::Cost, None, vec![Reason::NoBudgetGiven]);
    };
    let (low, high) = cost;
    let high = high.unwrap_or(low);
    let (score, reason) = if high <= budget {
        (1.0, Reason::WithinBudget { cost: high, budget })
    } else if low <= budget {
        (0.7, Reason::WithinBudget { cost: low, budget })
    } else {
        (0.5 * budget as f32 / low as f32, Reason::OverBudget { cost: low, budget })
    };
    part(Factor::Cost, Some(score), vec![reason])
}

/// Half completion rate, half the mean evaluation (1–5 mapped to 0–1); none yet: not judged.
pub fn track_record(offer: &OfferProfile) -> Part {
    let Some(record) = offer.track_record else {
        return part(Factor::TrackRecord, None, vec![Reason::NoRecordYet]);
    };
    let completion = record.completion_rate.clamp(0.0, 1.0);
    let evaluation = record.evaluation.clamp(1.0, 5.0);
    let score = 0.5 * completion + 0.5 * (evaluation - 1.0) / 4.0;
    let reason = Reason::Record {
        completion_percent: (completion * 100.0).round() as u8,
        evaluation_tenths: (evaluation * 10.0).round() as u8,
    };
    part(Factor::TrackRecord, Some(score), vec![reason])
}
