//! Matching: how well a university's offer closes an agency's need, scored 0–100 from parts
//! that each say why (Issue 5). Pure: the caller brings both sides as profiles, the database's
//! text relevance, the weights (data the province tunes) and today's date.
//!
//! Each part scores 0.0–1.0 and carries its reasons, including what does not fit. A part that
//! cannot be judged (no budget given, no track record yet, seats for a research need) is left
//! out and its weight shared by the others, so that a young university or a need without a
//! budget ceiling is neither rewarded nor punished for it.

mod factors;
pub mod text;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::DeliveryMode;

/// A competency as matching sees it: its code and its type (`manajerial`, `sosial_kultural`,
/// `teknis`), for "related competencies of the same type count less".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyRef {
    pub code: String,
    pub type_code: String,
}

/// What an agency asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedProfile {
    /// A competency need names one competency and the level to reach; a research need none.
    pub competency: Option<(CompetencyRef, u8)>,
    /// Civil servants to train (competency needs).
    pub headcount: Option<u32>,
    pub preferred_mode: Option<DeliveryMode>,
    /// Kabupaten/kota code where the units are.
    pub region: Option<String>,
    pub deadline: NaiveDate,
    /// Rupiah the agency can spend in all, if it said.
    pub budget: Option<i64>,
}

/// What a university offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferProfile {
    /// Each competency with the level a course brings a participant to (research offers name
    /// competencies without a level).
    pub competencies: Vec<(CompetencyRef, Option<u8>)>,
    pub timing: OfferTiming,
    /// Seats of a course; `None` for research.
    pub seats: Option<u32>,
    pub mode: Option<DeliveryMode>,
    pub region: Option<String>,
    pub cost: OfferCost,
    /// 0.0–1.0: how well the offer's text matches the need's, from the full-text index.
    pub text_relevance: f32,
    pub track_record: Option<TrackRecord>,
}

/// When the offer can be done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum OfferTiming {
    /// A course: its last session day and its enrollment window.
    Course { last_day: NaiveDate, enrollment_closes: NaiveDate },
    /// A research offer: how many months it takes from the start.
    Research { months: u32 },
}

/// What the offer costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OfferCost {
    /// A course's fee per participant (0 = free).
    PerParticipant(i64),
    /// A research offer's budget range.
    Range { min: i64, max: i64 },
}

/// How a university's past offers went (once enrollments and evaluations exist).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrackRecord {
    /// Completed / enrolled, 0.0–1.0.
    pub completion_rate: f32,
    /// Mean reaction score, 1.0–5.0.
    pub evaluation: f32,
}

/// The weight of each part, as the province sets them (any non-negative numbers: they are
/// shared out over the parts that apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weights {
    pub competency: u32,
    pub text: u32,
    pub timing: u32,
    pub capacity: u32,
    pub place: u32,
    pub cost: u32,
    pub track_record: u32,
}

impl Default for Weights {
    /// Competency fit leads: a need *is* a competency gap, and an offer that does not close it
    /// is no match however convenient. Timing next: training after the deadline is useless to
    /// the agency. Seats, place and cost decide between offers that close the gap in time. Text
    /// relevance only breaks ties the structured data cannot (and finds candidates) — except
    /// for a research need, which names no competency: there the text judges the topic and
    /// carries the competency's weight. The track record counts as much as cost once it exists.
    fn default() -> Self {
        Self {
            competency: 40,
            text: 5,
            timing: 15,
            capacity: 10,
            place: 10,
            cost: 10,
            track_record: 10,
        }
    }
}

/// Which part of a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Factor {
    Competency,
    Text,
    Timing,
    Capacity,
    Place,
    Cost,
    TrackRecord,
}

/// Why a part scored as it did, with the figures the sentence shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reason {
    /// "Membawa ke level 3 Pelayanan Publik (target 3)".
    BringsToLevel {
        code: String,
        level: u8,
        target: u8,
    },
    /// Same competency, not high enough.
    BelowTarget {
        code: String,
        level: u8,
        target: u8,
    },
    /// Same competency, the level not stated (research offers).
    CoversCompetency {
        code: String,
    },
    /// Another competency of the same type.
    RelatedCompetency {
        code: String,
        wanted: String,
    },
    /// Nothing of the wanted competency or its type.
    OtherCompetencies {
        wanted: String,
    },
    /// Research need: no competency to compare.
    NoCompetencyAsked,
    TextMatch {
        percent: u8,
    },
    /// "Selesai 14 hari sebelum tenggat".
    EndsBeforeDeadline {
        days: i64,
    },
    EndsAfterDeadline {
        days: i64,
    },
    EnrollmentClosed {
        on: NaiveDate,
    },
    /// Research: months the work takes against months left before the deadline.
    FitsTimeline {
        months: u32,
        available: u32,
    },
    TooLong {
        months: u32,
        available: u32,
    },
    /// "30 kursi untuk 25 ASN".
    Seats {
        seats: u32,
        headcount: u32,
    },
    SameRegion,
    /// Online: fine wherever the units are.
    Online,
    /// In person elsewhere than the units.
    OtherRegion {
        offer_region: String,
    },
    /// The need prefers a mode the offer does not use.
    ModeDiffers {
        wanted: DeliveryMode,
        offered: DeliveryMode,
    },
    Free,
    WithinBudget {
        cost: i64,
        budget: i64,
    },
    OverBudget {
        cost: i64,
        budget: i64,
    },
    NoBudgetGiven,
    Record {
        completion_percent: u8,
        evaluation_tenths: u8,
    },
    NoRecordYet,
}

impl Reason {
    /// Whether the reason speaks for the offer (`Some(true)`), against it (`Some(false)`), or
    /// only informs (`None`: nothing to compare, no record yet), so a page can list what fits
    /// apart from what does not.
    pub fn fits(&self) -> Option<bool> {
        match self {
            Self::BringsToLevel { .. }
            | Self::CoversCompetency { .. }
            | Self::EndsBeforeDeadline { .. }
            | Self::FitsTimeline { .. }
            | Self::SameRegion
            | Self::Online
            | Self::Free
            | Self::WithinBudget { .. } => Some(true),
            Self::BelowTarget { .. }
            | Self::RelatedCompetency { .. }
            | Self::OtherCompetencies { .. }
            | Self::EndsAfterDeadline { .. }
            | Self::EnrollmentClosed { .. }
            | Self::TooLong { .. }
            | Self::OtherRegion { .. }
            | Self::ModeDiffers { .. }
            | Self::OverBudget { .. } => Some(false),
            Self::Seats { seats, headcount } => Some(seats >= headcount),
            // Half the topic words or more: the text speaks for it; less says little either way.
            Self::TextMatch { percent } => (*percent >= 50).then_some(true),
            Self::Record { completion_percent, .. } => Some(*completion_percent >= 75),
            Self::NoCompetencyAsked | Self::NoBudgetGiven | Self::NoRecordYet => None,
        }
    }
}

/// One part of a match: its score, the weight it carried, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub factor: Factor,
    /// 0.0–1.0, or `None` when the part could not be judged (left out of the total).
    pub score: Option<f32>,
    pub reasons: Vec<Reason>,
}

/// A need against an offer: 0–100 and its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    pub total: u8,
    pub parts: Vec<Part>,
}

/// Scores `offer` for `need` on `today`.
pub fn score(
    need: &NeedProfile,
    offer: &OfferProfile,
    weights: &Weights,
    today: NaiveDate,
) -> Match {
    let parts = vec![
        factors::competency(need, offer),
        factors::text(offer),
        factors::timing(need, offer, today),
        factors::capacity(need, offer),
        factors::place(need, offer),
        factors::cost(need, offer),
        factors::track_record(offer),
    ];
    // A need that names no competency (research) is judged on its topic by the text alone:
    // the text carries the competency's weight too.
    let topic_by_text = if need.competency.is_none() { weights.competency } else { 0 };
    let weight = |factor: Factor| match factor {
        Factor::Competency => weights.competency,
        Factor::Text => weights.text + topic_by_text,
        Factor::Timing => weights.timing,
        Factor::Capacity => weights.capacity,
        Factor::Place => weights.place,
        Factor::Cost => weights.cost,
        Factor::TrackRecord => weights.track_record,
    };
    let (mut earned, mut possible) = (0.0f64, 0.0f64);
    for part in &parts {
        if let Some(score) = part.score {
            let w = f64::from(weight(part.factor));
            earned += w * f64::from(score.clamp(0.0, 1.0));
            possible += w;
        }
    }
    let total = if possible > 0.0 { (100.0 * earned / possible).round() } else { 0.0 };
    // 0–100 by construction: the scores are clamped and the weights non-negative.
    Match { total: total.clamp(0.0, 100.0) as u8, parts }
}

#[cfg(test)]
mod evaluation;
#[cfg(test)]
mod tests;
