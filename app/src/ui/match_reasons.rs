//! The reasons of a match as sentences in the reader's language ("Membawa ke level 3 Pelayanan
//! Publik (target 3)", "30 kursi untuk 25 ASN"), and the names of the parts of a score.

use super::labels::{localized_name, long_date, mode_label, rupiah};
use crate::domain::matching::{Factor, Reason};
use crate::i18n::{Locale, td_string};
use crate::model::Region;

/// The competency names a list's reasons need: (code, Indonesian, English).
pub type CompetencyNames = [(String, String, String)];

/// The reason as a sentence; `None` for reasons that say nothing worth a line (a research need
/// has no competency to compare).
pub fn reason_text(locale: Locale, names: &CompetencyNames, reason: &Reason) -> Option<String> {
    let name = |code: &str| -> String {
        names.iter().find(|(c, _, _)| c == code).map_or_else(
            || code.to_owned(),
            |(_, id, en)| localized_name(locale, id, en).to_owned(),
        )
    };
    Some(match reason {
        Reason::BringsToLevel { code, level, target } => {
            let name = name(code);
            td_string!(
                locale,
                matching.brings_to_level,
                level = level,
                name = name,
                target = target
            )
            .to_string()
        }
        Reason::BelowTarget { code, level, target } => {
            let name = name(code);
            td_string!(locale, matching.below_target, level = level, name = name, target = target)
                .to_string()
        }
        Reason::CoversCompetency { code } => {
            let name = name(code);
            td_string!(locale, matching.covers, name = name).to_string()
        }
        Reason::RelatedCompetency { code, wanted } => {
            let (name, wanted) = (name(code), name(wanted));
            td_string!(locale, matching.related, name = name, wanted = wanted).to_string()
        }
        Reason::OtherCompetencies { wanted } => {
            let wanted = name(wanted);
            td_string!(locale, matching.other_competencies, wanted = wanted).to_string()
        }
        Reason::NoCompetencyAsked => return None,
        Reason::TextMatch { percent } => {
            td_string!(locale, matching.text_match, percent = percent).to_string()
        }
        Reason::EndsBeforeDeadline { days: 0 } => {
            td_string!(locale, matching.ends_on_deadline).to_owned()
        }
        Reason::EndsBeforeDeadline { days } if days % 7 == 0 && *days >= 14 => {
            let weeks = days / 7;
            td_string!(locale, matching.ends_weeks_before, weeks = weeks).to_string()
        }
        Reason::EndsBeforeDeadline { days } => {
            td_string!(locale, matching.ends_days_before, days = days).to_string()
        }
        Reason::EndsAfterDeadline { days } => {
            td_string!(locale, matching.ends_days_after, days = days).to_string()
        }
        Reason::EnrollmentClosed { on } => {
            let date = long_date(locale, *on);
            td_string!(locale, matching.enrollment_closed, date = date).to_string()
        }
        Reason::FitsTimeline { months, available } => {
            td_string!(locale, matching.fits_timeline, months = months, available = available)
                .to_string()
        }
        Reason::TooLong { months, available } => {
            td_string!(locale, matching.too_long, months = months, available = available)
                .to_string()
        }
        Reason::Seats { seats, headcount } => {
            td_string!(locale, matching.seats, seats = seats, headcount = headcount).to_string()
        }
        Reason::SameRegion => td_string!(locale, matching.same_region).to_owned(),
        Reason::Online => td_string!(locale, matching.online).to_owned(),
        Reason::OtherRegion { offer_region } => {
            let region = Region::by_code(offer_region).map_or(offer_region.as_str(), |r| r.name);
            td_string!(locale, matching.other_region, region = region).to_string()
        }
        Reason::ModeDiffers { wanted, offered } => {
            let (wanted, offered) = (mode_label(locale, *wanted), mode_label(locale, *offered));
            td_string!(locale, matching.mode_differs, wanted = wanted, offered = offered)
                .to_string()
        }
        Reason::Free => td_string!(locale, matching.free).to_owned(),
        Reason::WithinBudget { cost, budget } => {
            let (cost, budget) = (rupiah(locale, *cost, false), rupiah(locale, *budget, false));
            td_string!(locale, matching.within_budget, cost = cost, budget = budget).to_string()
        }
        Reason::OverBudget { cost, budget } => {
            let (cost, budget) = (rupiah(locale, *cost, false), rupiah(locale, *budget, false));
            td_string!(locale, matching.over_budget, cost = cost, budget = budget).to_string()
        }
        Reason::NoBudgetGiven => td_string!(locale, matching.no_budget).to_owned(),
        Reason::Record { completion_percent, evaluation_tenths } => {
            let evaluation = format!("{}.{}", evaluation_tenths / 10, evaluation_tenths % 10);
            td_string!(
                locale,
                matching.record,
                completion = completion_percent,
                evaluation = evaluation
            )
            .to_string()
        }
        Reason::NoRecordYet => td_string!(locale, matching.no_record).to_owned(),
    })
}

/// The name of a part of the score.
pub fn factor_label(locale: Locale, factor: Factor) -> &'static str {
    match factor {
        Factor::Competency => td_string!(locale, matching.factor_competency),
        Factor::Text => td_string!(locale, matching.factor_text),
        Factor::Timing => td_string!(locale, matching.factor_timing),
        Factor::Capacity => td_string!(locale, matching.factor_capacity),
        Factor::Place => td_string!(locale, matching.factor_place),
        Factor::Cost => td_string!(locale, matching.factor_cost),
        Factor::TrackRecord => td_string!(locale, matching.factor_track_record),
    }
}
