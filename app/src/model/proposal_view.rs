//! Proposals as pages show them (the proposals on a need, for whoever may see which) and the
//! proposal form as the browser posts it, read into a [`ProposalDraft`].

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{
    Checks, FieldError, NeedKind, ProposalDraft, ProposalKind, ProposalStatus, ResearchOutput,
    ValidationCode,
};

/// One proposal on a need's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalCard {
    pub id: i32,
    pub university_slug: String,
    pub university_name: String,
    pub kind: ProposalKind,
    /// The offer proposed (or adapted): its slug and title.
    pub offer: Option<(String, String)>,
    pub seats: Option<i32>,
    pub price_rupiah: i64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub outputs: Vec<ResearchOutput>,
    pub message: String,
    pub status: ProposalStatus,
    /// Why it was declined; empty for a proposal declined because another was accepted.
    pub decision_note: String,
    /// Who wrote it, and when.
    pub author: String,
    pub created_at: DateTime<Utc>,
    /// The viewer speaks for its university and it still waits.
    pub may_withdraw: bool,
}

/// The proposals on a need, as far as the viewer may see them: all of them for the agency's
/// leads and the province, their own university's for a university's staff, none for others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedProposals {
    pub proposals: Vec<ProposalCard>,
    /// The viewer leads the need's agency and the need is open: waiting proposals may be
    /// accepted or declined.
    pub may_decide: bool,
    /// The university (slug) the viewer may propose for now: the need is open, the university
    /// verified and no proposal of it waiting.
    pub may_propose_for: Option<String>,
    /// The collaboration the need became, if the viewer may see it: its id.
    pub collaboration: Option<i32>,
}

/// Every field of the proposal form, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposalForm {
    /// `existing` | `tailored`.
    pub kind: String,
    /// The slug of one of the university's offers; empty for a tailored programme of its own.
    pub offer: String,
    pub seats: String,
    pub price: String,
    pub starts_on: String,
    pub ends_on: String,
    /// The ticked output codes.
    pub outputs: Vec<String>,
    pub message: String,
}

impl ProposalForm {
    /// The draft the form describes, or every field it gets wrong (unreadable values first,
    /// then the proposal's own rules). `need_kind` says whether seats or outputs count.
    pub fn parse(&self, need_kind: NeedKind) -> Result<ProposalDraft, Vec<FieldError>> {
        let mut checks = Checks::default();
        let kind = ProposalKind::from_db(self.kind.trim()).unwrap_or_else(|| {
            checks.fail("kind", ValidationCode::UnknownChoice);
            ProposalKind::Tailored
        });
        let (seats, outputs) = match need_kind {
            NeedKind::Competency => {
                (Some(checks.whole_number("seats", &self.seats, true)), Vec::new())
            }
            NeedKind::Research => {
                let outputs = self
                    .outputs
                    .iter()
                    .filter_map(|code| {
                        let output = ResearchOutput::from_db(code.trim());
                        if output.is_none() {
                            checks.fail("outputs", ValidationCode::UnknownChoice);
                        }
                        output
                    })
                    .collect();
                (None, outputs)
            }
        };
        let draft = ProposalDraft {
            kind,
            offer: Some(self.offer.trim().to_owned()).filter(|s| !s.is_empty()),
            seats,
            price_rupiah: checks.whole_number("price", &self.price, true),
            starts_on: checks.date("starts_on", &self.starts_on),
            ends_on: checks.date("ends_on", &self.ends_on),
            outputs,
            message: self.message.trim().to_owned(),
        };
        checks.finish()?;
        draft.validate().map(|()| draft)
    }
}

/// The proposal form with what it needs to offer its choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalEditor {
    pub need_slug: String,
    pub need_title: String,
    pub need_kind: NeedKind,
    pub agency_name: String,
    pub university_slug: String,
    pub university_name: String,
    /// The university's published offers of the need's kind: slug and title.
    pub offers: Vec<(String, String)>,
    pub form: ProposalForm,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProposalForm {
        ProposalForm {
            kind: "tailored".into(),
            seats: "25".into(),
            price: "45.000.000".into(),
            starts_on: "2099-03-01".into(),
            ends_on: "2099-03-05".into(),
            outputs: vec!["policy_brief".into()],
            message: "Kelas khusus.".into(),
            ..ProposalForm::default()
        }
    }

    #[test]
    fn a_competency_proposal_reads_seats_and_ignores_outputs() {
        let draft = form().parse(NeedKind::Competency).unwrap();
        assert_eq!((draft.seats, draft.price_rupiah), (Some(25), 45_000_000));
        assert!(draft.outputs.is_empty() && draft.offer.is_none());
    }

    #[test]
    fn a_research_proposal_reads_outputs_and_ignores_seats() {
        let draft = form().parse(NeedKind::Research).unwrap();
        assert_eq!((draft.seats, draft.outputs), (None, vec![ResearchOutput::PolicyBrief]));
    }

    #[test]
    fn unreadable_fields_are_named_before_the_rules_run() {
        let broken = ProposalForm {
            kind: "gratis".into(),
            seats: "dua puluh".into(),
            price: String::new(),
            starts_on: "besok".into(),
            outputs: vec!["novel".into()],
            ..form()
        };
        let fields: Vec<String> =
            broken.parse(NeedKind::Research).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["kind", "outputs", "price", "starts_on"]);
        let existing_without_offer = ProposalForm { kind: "existing".into(), ..form() };
        let fields: Vec<String> = existing_without_offer
            .parse(NeedKind::Competency)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["offer"]);
    }
}
