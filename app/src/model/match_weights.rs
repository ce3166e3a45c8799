//! The matching weights page: the weights in force, the defaults and their history, and the
//! province's form to change them (read as typed, so an unreadable number is a field error).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Checks, FieldError};
use crate::domain::matching::{Factor, Weights};

/// What `/bobot-pencocokan` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchWeightsPage {
    /// In force now (the defaults until the province changes them).
    pub current: Weights,
    /// The engine's defaults, whose reasons the page explains.
    pub defaults: Weights,
    /// Changes, newest first (the latest few).
    pub history: Vec<WeightsChange>,
    /// Whether the reader may change them (province administrators).
    pub editable: bool,
    /// The form's contents: the weights in force, or what a refused plain post typed.
    pub form: WeightsForm,
}

/// The weights form as typed: one text per part in [`WEIGHT_FIELDS`] order, and the note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightsForm {
    pub values: [String; 7],
    pub note: String,
}

impl WeightsForm {
    /// The form filled with `weights` and no note.
    pub fn of(weights: &Weights) -> Self {
        Self {
            values: WEIGHT_FIELDS.map(|(factor, _)| weight_of(weights, factor).to_string()),
            note: String::new(),
        }
    }
}

/// One change of the weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightsChange {
    pub weights: Weights,
    pub note: String,
    pub changed_by: String,
    pub changed_at: DateTime<Utc>,
}

/// The parts in the order the page lists them, with their form field names.
pub const WEIGHT_FIELDS: [(Factor, &str); 7] = [
    (Factor::Competency, "competency"),
    (Factor::Timing, "timing"),
    (Factor::Capacity, "capacity"),
    (Factor::Place, "place"),
    (Factor::Cost, "cost"),
    (Factor::TrackRecord, "track_record"),
    (Factor::Text, "text"),
];

/// The weight of `factor` in `weights`.
pub fn weight_of(weights: &Weights, factor: Factor) -> u32 {
    match factor {
        Factor::Competency => weights.competency,
        Factor::Text => weights.text,
        Factor::Timing => weights.timing,
        Factor::Capacity => weights.capacity,
        Factor::Place => weights.place,
        Factor::Cost => weights.cost,
        Factor::TrackRecord => weights.track_record,
    }
}

/// The weights as the form typed them, in [`WEIGHT_FIELDS`] order. A blank, negative or
/// unreadable number is an error on its field; the ranges are the service's to check.
pub fn parse_weights(typed: [&str; 7]) -> Result<Weights, Vec<FieldError>> {
    // (`WeightsForm::values` holds the same texts, owned.)
    let mut checks = Checks::default();
    let mut read = [0u32; 7];
    for (slot, ((_, field), text)) in read.iter_mut().zip(WEIGHT_FIELDS.iter().zip(typed)) {
        let number = checks.whole_number(field, text, false);
        *slot = u32::try_from(number).unwrap_or_else(|_| {
            checks.range(field, number, 0, i64::from(u32::MAX));
            0
        });
    }
    checks.finish()?;
    let [competency, timing, capacity, place, cost, track_record, text] = read;
    Ok(Weights { competency, text, timing, capacity, place, cost, track_record })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ValidationCode;

    #[test]
    fn typed_weights_are_read_in_the_pages_order() {
        let weights = parse_weights(["40", "15", "10", " 10 ", "10", "10", "5"]).unwrap();
        assert_eq!(weights, Weights::default());
        let form = WeightsForm::of(&weights);
        assert_eq!(parse_weights(form.values.each_ref().map(String::as_str)), Ok(weights));
    }

    #[test]
    fn blank_negative_and_unreadable_weights_are_errors_on_their_fields() {
        let errors = parse_weights(["", "-1", "abc", "1", "1", "1", "1"]).unwrap_err();
        let code = |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.code);
        assert_eq!(code("competency"), Some(ValidationCode::Required));
        assert!(code("timing").is_some(), "{errors:?}");
        assert_eq!(code("capacity"), Some(ValidationCode::NotANumber));
        assert_eq!(errors.len(), 3, "{errors:?}");
    }
}
