//! A research offer as its team describes it (`ResearchDraft`), and the rules of its fields.

use serde::{Deserialize, Serialize};

use super::course::{check_competencies, check_people, limits};
use super::validation::Checks;
use super::{FieldError, OfferCompetency, OfferPerson, ResearchOutput, ValidationCode};

/// Everything a university writes about a research offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResearchDraft {
    pub title: String,
    pub summary: String,
    /// The abstract.
    pub description: String,
    pub expertise: String,
    pub team: Vec<OfferPerson>,
    /// Competency codes (no level: research develops, it does not certify).
    pub competencies: Vec<OfferCompetency>,
    /// Sectors served, e.g. "Pelayanan publik", "Pertanian".
    pub sectors: Vec<String>,
    pub duration_months: i64,
    pub budget_min_rupiah: i64,
    pub budget_max_rupiah: i64,
    pub outputs: Vec<ResearchOutput>,
}

/// The largest research budget accepted: ten billion rupiah.
pub const MAX_RESEARCH_BUDGET: i64 = 10_000_000_000;

impl ResearchDraft {
    /// Every rule the offer breaks (form field names), or `Ok`.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut checks = Checks::default();
        checks.text("title", &self.title, true, limits::TITLE);
        checks.text("summary", &self.summary, true, limits::SUMMARY);
        checks.text("description", &self.description, true, limits::DESCRIPTION);
        checks.text("expertise", &self.expertise, true, 1_000);
        check_people(&mut checks, "team", &self.team);
        check_competencies(&mut checks, &self.competencies, false);
        checks.count("sectors", self.sectors.len(), 1, 10);
        for sector in &self.sectors {
            checks.text("sectors", sector, true, 100);
            // Stored one per line.
            if sector.contains(['\n', '\r']) {
                checks.fail("sectors", ValidationCode::Malformed);
            }
        }
        checks.range("duration_months", self.duration_months, 1, 60);
        checks.range("budget_min", self.budget_min_rupiah, 0, MAX_RESEARCH_BUDGET);
        checks.range("budget_max", self.budget_max_rupiah, 0, MAX_RESEARCH_BUDGET);
        if self.budget_max_rupiah < self.budget_min_rupiah {
            checks.fail("budget_max", ValidationCode::EndsBeforeStart);
        }
        checks.count("outputs", self.outputs.len(), 1, ResearchOutput::ALL.len() as u32);
        for (i, output) in self.outputs.iter().enumerate() {
            if self.outputs[..i].contains(output) {
                checks.fail("outputs", ValidationCode::DuplicateEntry);
            }
        }
        checks.finish()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn valid_research() -> ResearchDraft {
        ResearchDraft {
            title: "Evaluasi Layanan Pengaduan".into(),
            summary: "Kajian penanganan pengaduan SP4N-LAPOR!".into(),
            description: "Kami menelaah waktu tanggap pengaduan per unit.".into(),
            expertise: "Kebijakan publik".into(),
            team: vec![OfferPerson { name: "Prof. Budi".into(), role: "Ketua".into() }],
            competencies: vec![OfferCompetency { code: "MNJ-05".into(), level: None }],
            sectors: vec!["Pelayanan publik".into()],
            duration_months: 6,
            budget_min_rupiah: 50_000_000,
            budget_max_rupiah: 150_000_000,
            outputs: vec![ResearchOutput::PolicyBrief, ResearchOutput::Evaluation],
        }
    }

    #[test]
    fn a_complete_offer_passes_and_broken_fields_are_named() {
        assert_eq!(valid_research().validate(), Ok(()));
        let mut r = valid_research();
        r.budget_max_rupiah = 10_000_000;
        r.outputs = vec![ResearchOutput::Prototype, ResearchOutput::Prototype];
        r.sectors.clear();
        r.duration_months = 0;
        let fields: Vec<String> = r.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["sectors", "duration_months", "budget_max", "outputs"]);
    }
}
