//! The need form as the browser posts it (`NeedForm`: text fields, repeated figure rows), read
//! into a [`NeedDraft`]. One form serves both kinds; `kind` says which half of it counts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::validation::Checks;
use super::{
    CompetencyNeedDraft, DeliveryMode, FieldError, NeedDetails, NeedDraft, NeedFigure, NeedKind,
    ResearchNeedDraft, ResearchOutput, ValidationCode,
};

/// A figure row: unit, month (`YYYY-MM`, what a month input sends), what is counted, how many.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FigureRow {
    pub unit: String,
    pub month: String,
    pub measure: String,
    pub value: String,
}

/// Every field of the need form, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedForm {
    /// `competency` | `research`.
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub deadline: String,
    pub budget: String,
    /// A checkbox: present ("on") when ticked.
    pub public: Option<String>,
    pub figures: Vec<FigureRow>,
    // A competency need.
    pub competency: String,
    pub target_level: String,
    pub headcount: String,
    /// One unit per line.
    pub units: String,
    /// Empty: any mode.
    pub mode: String,
    pub region: String,
    // A research need.
    pub expected_output: String,
    /// The ticked output codes (one checkbox each).
    pub outputs: Vec<String>,
    pub starts_on: String,
}

/// The need form with what it needs to offer its choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedEditor {
    pub agency_slug: String,
    pub agency_name: String,
    /// None for a new need.
    pub slug: Option<String>,
    pub kind: NeedKind,
    pub form: NeedForm,
    /// (code, Indonesian name, English name) of every competency.
    pub competencies: Vec<(String, String, String)>,
    /// The agency's units known from its roster, offered as suggestions.
    pub known_units: Vec<String>,
}

impl NeedForm {
    /// Starts a new competency need from a gap: the competency, the level to reach, how many
    /// are below it and their units, with a title naming the competency (`competency_name`).
    pub fn apply_gap(&mut self, gap: &super::GapPrefill, competency_name: Option<&str>) {
        self.competency = gap.competency.trim().to_owned();
        self.target_level = gap.target_level.trim().to_owned();
        self.headcount = gap.headcount.trim().to_owned();
        self.units = gap
            .units
            .iter()
            .map(|u| u.trim())
            .filter(|u| !u.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if let Some(name) = competency_name {
            self.title = format!("Peningkatan kompetensi {name} ke level {}", self.target_level);
        }
    }

    /// The draft the form describes, or every field it gets wrong (unreadable values first,
    /// then the need's rules).
    pub fn parse(&self) -> Result<NeedDraft, Vec<FieldError>> {
        let mut checks = Checks::default();
        let kind = NeedKind::from_db(self.kind.trim()).unwrap_or_else(|| {
            checks.fail("kind", ValidationCode::UnknownChoice);
            NeedKind::Competency
        });
        let figures = self
            .figures
            .iter()
            .filter(|row| {
                [&row.unit, &row.month, &row.measure, &row.value]
                    .iter()
                    .any(|v| !v.trim().is_empty())
            })
            .map(|row| NeedFigure {
                unit: row.unit.trim().to_owned(),
                month: month(&mut checks, &row.month),
                measure: row.measure.trim().to_owned(),
                value: checks.whole_number("figures", &row.value, true),
            })
            .collect();
        let details = match kind {
            NeedKind::Competency => NeedDetails::Competency(CompetencyNeedDraft {
                competency: self.competency.trim().to_owned(),
                target_level: checks.whole_number("target_level", &self.target_level, false),
                headcount: checks.whole_number("headcount", &self.headcount, true),
                units: self
                    .units
                    .lines()
                    .map(str::trim)
                    .filter(|u| !u.is_empty())
                    .map(str::to_owned)
                    .collect(),
                preferred_mode: match self.mode.trim() {
                    "" => None,
                    code => Some(DeliveryMode::from_db(code).unwrap_or_else(|| {
                        checks.fail("mode", ValidationCode::UnknownChoice);
                        DeliveryMode::Daring
                    })),
                },
                region_code: self.region.trim().to_owned(),
            }),
            NeedKind::Research => NeedDetails::Research(ResearchNeedDraft {
                expected_output: self.expected_output.trim().to_owned(),
                outputs: self
                    .outputs
                    .iter()
                    .filter_map(|code| {
                        let output = ResearchOutput::from_db(code.trim());
                        if output.is_none() {
                            checks.fail("outputs", ValidationCode::UnknownChoice);
                        }
                        output
                    })
                    .collect(),
                starts_on: checks.date("starts_on", &self.starts_on),
            }),
        };
        let draft = NeedDraft {
            title: self.title.trim().to_owned(),
            summary: self.summary.trim().to_owned(),
            description: self.description.trim().to_owned(),
            deadline: checks.date("deadline", &self.deadline),
            budget_rupiah: checks.whole_number("budget", &self.budget, true),
            is_public: self.public.is_some(),
            figures,
            details,
        };
        checks.finish()?;
        draft.validate().map(|()| draft)
    }

    /// The form showing a saved need, for editing.
    pub fn from_draft(draft: &NeedDraft) -> Self {
        let mut form = Self {
            kind: draft.kind().as_db().to_owned(),
            title: draft.title.clone(),
            summary: draft.summary.clone(),
            description: draft.description.clone(),
            deadline: draft.deadline.format("%Y-%m-%d").to_string(),
            budget: draft.budget_rupiah.to_string(),
            public: draft.is_public.then(|| "on".to_owned()),
            figures: draft
                .figures
                .iter()
                .map(|f| FigureRow {
                    unit: f.unit.clone(),
                    month: f.month.format("%Y-%m").to_string(),
                    measure: f.measure.clone(),
                    value: f.value.to_string(),
                })
                .collect(),
            ..Self::default()
        };
        match &draft.details {
            NeedDetails::Competency(need) => {
                form.competency = need.competency.clone();
                form.target_level = need.target_level.to_string();
                form.headcount = need.headcount.to_string();
                form.units = need.units.join("\n");
                form.mode = need.preferred_mode.map(|m| m.as_db().to_owned()).unwrap_or_default();
                form.region = need.region_code.clone();
            }
            NeedDetails::Research(need) => {
                form.expected_output = need.expected_output.clone();
                form.outputs = need.outputs.iter().map(|o| o.as_db().to_owned()).collect();
                form.starts_on = need.starts_on.format("%Y-%m-%d").to_string();
            }
        }
        form
    }
}

/// A month as a month input sends it (`YYYY-MM`): its first day.
fn month(checks: &mut Checks, text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d").unwrap_or_else(|_| {
        checks.fail("figures", ValidationCode::BadDate);
        NaiveDate::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::need::tests::{valid_competency_need, valid_research_need};

    #[test]
    fn a_gap_starts_a_competency_need_with_its_level_headcount_and_units() {
        let gap = crate::model::GapPrefill {
            competency: " SK-01 ".into(),
            target_level: "2".into(),
            headcount: "7".into(),
            units: vec!["Bidang Statistik".into(), " ".into(), "Sekretariat".into()],
        };
        let mut form = NeedForm { kind: "competency".into(), ..NeedForm::default() };
        form.apply_gap(&gap, Some("Perekat Bangsa"));
        assert_eq!(
            (form.competency.as_str(), form.target_level.as_str(), form.headcount.as_str()),
            ("SK-01", "2", "7")
        );
        assert_eq!(form.units, "Bidang Statistik\nSekretariat");
        assert_eq!(form.title, "Peningkatan kompetensi Perekat Bangsa ke level 2");
    }

    #[test]
    fn saved_needs_survive_the_form_round_trip() {
        for need in [valid_competency_need(), valid_research_need()] {
            let mut form = NeedForm::from_draft(&need);
            // Spare blank rows and blank unit lines are ignored.
            form.figures.push(FigureRow::default());
            form.units.push_str("\n\n");
            assert_eq!(form.parse(), Ok(need));
        }
    }

    #[test]
    fn unreadable_values_are_field_errors() {
        let mut form = NeedForm::from_draft(&valid_competency_need());
        form.headcount = "dua puluh".into();
        form.budget = "75.000.000".into();
        form.deadline = "akhir tahun".into();
        form.mode = "hologram".into();
        form.figures[0].month = "Oktober".into();
        let errors: Vec<(String, ValidationCode)> =
            form.parse().unwrap_err().into_iter().map(|e| (e.field, e.code)).collect();
        assert!(errors.contains(&("headcount".into(), ValidationCode::NotANumber)));
        assert!(errors.contains(&("deadline".into(), ValidationCode::BadDate)));
        assert!(errors.contains(&("mode".into(), ValidationCode::UnknownChoice)));
        assert!(errors.contains(&("figures".into(), ValidationCode::BadDate)));
        assert!(!errors.iter().any(|(f, _)| f == "budget"), "Rp grouping dots are accepted");

        let mut form = NeedForm::from_draft(&valid_research_need());
        form.kind = "wish".into();
        form.outputs.push("miracle".into());
        let fields: Vec<String> = form.parse().unwrap_err().into_iter().map(|e| e.field).collect();
        assert!(fields.contains(&"kind".to_owned()), "{fields:?}");
    }
}
