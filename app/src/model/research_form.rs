//! The research offer form as the browser posts it (`ResearchForm`: text fields, repeated rows),
//! read into a [`ResearchDraft`]; blank spare rows are skipped.

use serde::{Deserialize, Serialize};

use super::validation::Checks;
use super::{
    FieldError, OfferCompetency, OfferPerson, PersonRow, ResearchDraft, ResearchOutput,
    ValidationCode,
};

/// Every field of the research offer form, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResearchForm {
    pub title: String,
    pub summary: String,
    /// The abstract.
    pub description: String,
    pub expertise: String,
    pub team: Vec<PersonRow>,
    /// Competency codes (one select each).
    pub competencies: Vec<String>,
    /// One sector per line.
    pub sectors: String,
    pub duration_months: String,
    pub budget_min: String,
    pub budget_max: String,
    /// The ticked output codes (one checkbox each).
    pub outputs: Vec<String>,
}

/// The research offer form with what it needs to offer its choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResearchEditor {
    pub university_slug: String,
    pub university_name: String,
    /// None for a new research offer.
    pub slug: Option<String>,
    pub form: ResearchForm,
    /// (code, Indonesian name, English name) of every competency.
    pub competencies: Vec<(String, String, String)>,
}

impl ResearchForm {
    /// The draft the form describes, or every field it gets wrong (unreadable values first,
    /// then the offer's rules).
    pub fn parse(&self) -> Result<ResearchDraft, Vec<FieldError>> {
        let mut checks = Checks::default();
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
        let draft = ResearchDraft {
            title: self.title.trim().to_owned(),
            summary: self.summary.trim().to_owned(),
            description: self.description.trim().to_owned(),
            expertise: self.expertise.trim().to_owned(),
            team: self
                .team
                .iter()
                .filter(|row| !row.name.trim().is_empty() || !row.role.trim().is_empty())
                .map(|row| OfferPerson {
                    name: row.name.trim().to_owned(),
                    role: row.role.trim().to_owned(),
                })
                .collect(),
            competencies: self
                .competencies
                .iter()
                .map(|code| code.trim())
                .filter(|code| !code.is_empty())
                .map(|code| OfferCompetency { code: code.to_owned(), level: None })
                .collect(),
            sectors: self
                .sectors
                .lines()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            duration_months: checks.whole_number("duration_months", &self.duration_months, false),
            budget_min_rupiah: checks.whole_number("budget_min", &self.budget_min, true),
            budget_max_rupiah: checks.whole_number("budget_max", &self.budget_max, true),
            outputs,
        };
        checks.finish()?;
        draft.validate().map(|()| draft)
    }

    /// The form showing a saved research offer, for editing.
    pub fn from_draft(draft: &ResearchDraft) -> Self {
        Self {
            title: draft.title.clone(),
            summary: draft.summary.clone(),
            description: draft.description.clone(),
            expertise: draft.expertise.clone(),
            team: draft
                .team
                .iter()
                .map(|p| PersonRow { name: p.name.clone(), role: p.role.clone() })
                .collect(),
            competencies: draft.competencies.iter().map(|c| c.code.clone()).collect(),
            sectors: draft.sectors.join("\n"),
            duration_months: draft.duration_months.to_string(),
            budget_min: draft.budget_min_rupiah.to_string(),
            budget_max: draft.budget_max_rupiah.to_string(),
            outputs: draft.outputs.iter().map(|o| o.as_db().to_owned()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::research::tests::valid_research;

    #[test]
    fn a_saved_offer_survives_the_form_round_trip() {
        let research = valid_research();
        let mut form = ResearchForm::from_draft(&research);
        // Spare blank rows and lines are ignored.
        form.team.push(PersonRow::default());
        form.competencies.push(String::new());
        form.sectors.push_str("\n\n");
        assert_eq!(form.parse(), Ok(research));
    }

    #[test]
    fn unreadable_values_are_field_errors() {
        let mut form = ResearchForm::from_draft(&valid_research());
        form.duration_months = "enam".into();
        form.budget_min = "50.000.000".into();
        form.budget_max = "seratus juta".into();
        form.outputs.push("mukjizat".into());
        let errors: Vec<(String, ValidationCode)> =
            form.parse().unwrap_err().into_iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            errors,
            [
                ("outputs".to_owned(), ValidationCode::UnknownChoice),
                ("duration_months".to_owned(), ValidationCode::NotANumber),
                ("budget_max".to_owned(), ValidationCode::NotANumber),
            ]
        );
    }
}
