//! A university's proposal for a need and the collaboration an accepted one becomes: their kinds
//! and lifecycles, and the proposal as submitted with its own rules (the browser and the server
//! reject the same bad input; the rules that need the need itself are the service's).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Checks, FieldError, ResearchOutput, ValidationCode};

/// The most a proposal may ask in all (Rp 100 milyar): a bound against typing errors.
pub const MAX_PROPOSAL_PRICE: i64 = 100_000_000_000;
/// The longest message to the agency.
pub const MAX_PROPOSAL_MESSAGE: u32 = 4_000;
/// The longest reason for declining.
pub const MAX_DECISION_NOTE: u32 = 1_000;

/// What is proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProposalKind {
    /// A published offer as it is.
    Existing,
    /// A programme adapted for the agency: its own dates, seats and price.
    Tailored,
}

impl ProposalKind {
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Existing => "existing",
            Self::Tailored => "tailored",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        [Self::Existing, Self::Tailored].into_iter().find(|k| k.as_db() == value)
    }
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProposalStatus {
    /// Waiting for the agency.
    Submitted,
    Accepted,
    /// By the agency, with a reason, or because it accepted another.
    Declined,
    /// By the university.
    Withdrawn,
}

impl ProposalStatus {
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        [Self::Submitted, Self::Accepted, Self::Declined, Self::Withdrawn]
            .into_iter()
            .find(|s| s.as_db() == value)
    }
}

/// Where a collaboration stands: agreed → running → completed, or cancelled before completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CollaborationStatus {
    Agreed,
    Running,
    Completed,
    Cancelled,
}

impl CollaborationStatus {
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Agreed => "agreed",
            Self::Running => "running",
            Self::Completed => "completed",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        [Self::Agreed, Self::Running, Self::Completed, Self::Cancelled]
            .into_iter()
            .find(|s| s.as_db() == value)
    }

    /// Whether a collaboration may move from `self` to `next`.
    pub fn can_become(self, next: Self) -> bool {
        matches!(
            (self, next),
            (Self::Agreed, Self::Running)
                | (Self::Running, Self::Completed)
                | (Self::Agreed | Self::Running, Self::Cancelled)
        )
    }
}

/// A proposal as a university submits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalDraft {
    pub kind: ProposalKind,
    /// The slug of the university's offer: the one proposed, or the base of a tailored
    /// programme (optional there).
    pub offer: Option<String>,
    /// Competency needs: seats reserved for the agency's staff. Research needs: none.
    pub seats: Option<i64>,
    /// What the agency pays in all.
    pub price_rupiah: i64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Research needs: the outputs promised.
    pub outputs: Vec<ResearchOutput>,
    pub message: String,
}

impl ProposalDraft {
    /// The rules of the proposal on its own.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut checks = Checks::default();
        if self.kind == ProposalKind::Existing && self.offer.as_deref().is_none_or(str::is_empty) {
            checks.fail("offer", ValidationCode::Required);
        }
        if let Some(seats) = self.seats {
            checks.range("seats", seats, 1, 100_000);
        }
        checks.range("price", self.price_rupiah, 0, MAX_PROPOSAL_PRICE);
        if self.ends_on < self.starts_on {
            checks.fail("ends_on", ValidationCode::EndsBeforeStart);
        }
        for (i, output) in self.outputs.iter().enumerate() {
            if self.outputs[..i].contains(output) {
                checks.fail("outputs", ValidationCode::DuplicateEntry);
            }
        }
        checks.text("message", &self.message, false, MAX_PROPOSAL_MESSAGE);
        checks.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProposalDraft {
        ProposalDraft {
            kind: ProposalKind::Tailored,
            offer: None,
            seats: Some(25),
            price_rupiah: 45_000_000,
            starts_on: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            ends_on: NaiveDate::from_ymd_opt(2027, 3, 5).unwrap(),
            outputs: Vec::new(),
            message: "Kelas khusus untuk 25 petugas pengaduan.".into(),
        }
    }

    #[test]
    fn a_sound_proposal_passes_and_each_broken_rule_names_its_field() {
        assert_eq!(draft().validate(), Ok(()));
        let broken = ProposalDraft {
            kind: ProposalKind::Existing,
            seats: Some(0),
            price_rupiah: -1,
            ends_on: NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
            outputs: vec![ResearchOutput::PolicyBrief, ResearchOutput::PolicyBrief],
            message: "x".repeat(4_001),
            ..draft()
        };
        let fields: Vec<String> =
            broken.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["offer", "seats", "price", "ends_on", "outputs", "message"]);
    }

    #[test]
    fn collaborations_move_forward_or_are_cancelled_before_completion() {
        use CollaborationStatus::*;
        assert!(Agreed.can_become(Running) && Running.can_become(Completed));
        assert!(Agreed.can_become(Cancelled) && Running.can_become(Cancelled));
        assert!(!Completed.can_become(Cancelled) && !Cancelled.can_become(Agreed));
        assert!(!Agreed.can_become(Completed), "a collaboration runs before it completes");
    }
}
