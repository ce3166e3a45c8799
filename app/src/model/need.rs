//! An agency's need as its lead describes it (`NeedDraft`): a competency need — bring so many
//! civil servants to a level in a competency — or a research need — a problem to study — with the
//! rules of every field and the lifecycle draft → open → matched → fulfilled | closed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::course::limits;
use super::validation::Checks;
use super::{
    DeliveryMode, FieldError, MAX_RESEARCH_BUDGET, Region, ResearchOutput, ValidationCode,
};

/// The two kinds of need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NeedKind {
    Competency,
    Research,
}

impl NeedKind {
    pub const ALL: [Self; 2] = [Self::Competency, Self::Research];

    /// The value stored in `needs.kind`.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Competency => "competency",
            Self::Research => "research",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_db() == value)
    }

    /// The word the URLs use (`?jenis=kompetensi`).
    pub fn url_word(self) -> &'static str {
        match self {
            Self::Competency => "kompetensi",
            Self::Research => "riset",
        }
    }

    pub fn from_url_word(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.url_word() == word)
    }
}

/// Where a need stands. Open: universities may answer it. Matched: a proposal was accepted.
/// Fulfilled: the agency's civil servants completed it (or the research was delivered). Closed:
/// withdrawn, or ended without being met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NeedStatus {
    Draft,
    Open,
    Matched,
    Fulfilled,
    Closed,
}

impl NeedStatus {
    pub const ALL: [Self; 5] =
        [Self::Draft, Self::Open, Self::Matched, Self::Fulfilled, Self::Closed];

    /// The value stored in `needs.status`.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Open => "open",
            Self::Matched => "matched",
            Self::Fulfilled => "fulfilled",
            Self::Closed => "closed",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_db() == value)
    }

    /// The lifecycle's only moves: a draft is opened or withdrawn (closed); an open need is
    /// matched (a proposal accepted) or closed; a matched need is fulfilled or closed.
    pub fn can_become(self, next: Self) -> bool {
        matches!(
            (self, next),
            (Self::Draft, Self::Open | Self::Closed)
                | (Self::Open, Self::Matched | Self::Closed)
                | (Self::Matched, Self::Fulfilled | Self::Closed)
        )
    }

    /// The moves the agency makes by hand; `Matched` happens when it accepts a proposal.
    pub fn manual_moves(self) -> impl Iterator<Item = Self> {
        Self::ALL.into_iter().filter(move |next| *next != Self::Matched && self.can_become(*next))
    }

    /// Whether the content may still be changed: until a university has been chosen.
    pub fn is_editable(self) -> bool {
        matches!(self, Self::Draft | Self::Open)
    }
}

/// A figure given as evidence: what was counted, in which unit, in which month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedFigure {
    pub unit: String,
    /// The first day of the month counted.
    pub month: NaiveDate,
    /// E.g. "Pengaduan SP4N-LAPOR!".
    pub measure: String,
    pub value: i64,
}

/// What only a competency need says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyNeedDraft {
    /// The dictionary code, e.g. `MNJ-05`.
    pub competency: String,
    pub target_level: i64,
    /// How many civil servants are to reach the level.
    pub headcount: i64,
    pub units: Vec<String>,
    /// None when any mode suits.
    pub preferred_mode: Option<DeliveryMode>,
    /// BPS code of the preferred kabupaten/kota; empty for anywhere.
    pub region_code: String,
}

/// What only a research need says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResearchNeedDraft {
    pub expected_output: String,
    pub outputs: Vec<ResearchOutput>,
    /// The earliest start; the need's deadline ends the timeline.
    pub starts_on: NaiveDate,
}

/// The part that depends on the kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NeedDetails {
    Competency(CompetencyNeedDraft),
    Research(ResearchNeedDraft),
}

/// Everything an agency lead writes about a need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedDraft {
    pub title: String,
    pub summary: String,
    /// The justification (competency) or the problem statement (research).
    pub description: String,
    /// Training completed, or results delivered, by this day.
    pub deadline: NaiveDate,
    /// The budget ceiling (competency) or the budget (research); 0 when none is set aside.
    pub budget_rupiah: i64,
    /// Visible to everyone once open, not only to verified universities.
    pub is_public: bool,
    pub figures: Vec<NeedFigure>,
    pub details: NeedDetails,
}

/// Limits of a need's fields (the shared text limits are the course's).
pub mod need_limits {
    pub const DESCRIPTION: u32 = 10_000;
    pub const UNITS: u32 = 20;
    pub const UNIT: u32 = 200;
    pub const MAX_HEADCOUNT: i64 = 100_000;
    pub const FIGURES: u32 = 60;
    pub const MEASURE: u32 = 200;
    pub const MAX_FIGURE: i64 = 1_000_000_000;
    pub const EXPECTED_OUTPUT: u32 = 2_000;
}

impl NeedDraft {
    pub fn kind(&self) -> NeedKind {
        match self.details {
            NeedDetails::Competency(_) => NeedKind::Competency,
            NeedDetails::Research(_) => NeedKind::Research,
        }
    }

    /// Every rule the need breaks (form field names), or `Ok`. Whether the competency exists and
    /// whether the deadline is still ahead are the service's checks (database, clock).
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        use need_limits::*;
        let mut checks = Checks::default();
        checks.text("title", &self.title, true, limits::TITLE);
        checks.text("summary", &self.summary, true, limits::SUMMARY);
        checks.text("description", &self.description, true, DESCRIPTION);
        checks.range("budget", self.budget_rupiah, 0, MAX_RESEARCH_BUDGET);
        checks.count("figures", self.figures.len(), 0, FIGURES);
        for figure in &self.figures {
            checks.text("figures", &figure.unit, true, UNIT);
            checks.text("figures", &figure.measure, true, MEASURE);
            checks.range("figures", figure.value, 0, MAX_FIGURE);
        }
        match &self.details {
            NeedDetails::Competency(need) => need.check(&mut checks),
            NeedDetails::Research(need) => {
                checks.text("expected_output", &need.expected_output, true, EXPECTED_OUTPUT);
                checks.count("outputs", need.outputs.len(), 1, ResearchOutput::ALL.len() as u32);
                for (i, output) in need.outputs.iter().enumerate() {
                    if need.outputs[..i].contains(output) {
                        checks.fail("outputs", ValidationCode::DuplicateEntry);
                    }
                }
                if self.deadline <= need.starts_on {
                    checks.fail("deadline", ValidationCode::EndsBeforeStart);
                }
            }
        }
        checks.finish()
    }
}

impl CompetencyNeedDraft {
    fn check(&self, checks: &mut Checks) {
        use need_limits::*;
        checks.text("competency", &self.competency, true, 40);
        checks.range("target_level", self.target_level, 1, 5);
        checks.range("headcount", self.headcount, 1, MAX_HEADCOUNT);
        checks.count("units", self.units.len(), 1, UNITS);
        for (i, unit) in self.units.iter().enumerate() {
            checks.text("units", unit, true, UNIT);
            // Stored one per line.
            if unit.contains(['\n', '\r']) {
                checks.fail("units", ValidationCode::Malformed);
            } else if self.units[..i].iter().any(|u| u.trim() == unit.trim()) {
                checks.fail("units", ValidationCode::DuplicateEntry);
            }
        }
        let region = self.region_code.trim();
        if !region.is_empty() && Region::by_code(region).is_none() {
            checks.fail("region", ValidationCode::UnknownChoice);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    pub fn valid_competency_need() -> NeedDraft {
        NeedDraft {
            title: "Pelayanan publik untuk petugas pengaduan".into(),
            summary: "Petugas pengaduan perlu mencapai level 3 Pelayanan Publik.".into(),
            description: "Waktu tanggap pengaduan SP4N-LAPOR! rata-rata 9 hari.".into(),
            deadline: day("2027-06-30"),
            budget_rupiah: 75_000_000,
            is_public: false,
            figures: vec![NeedFigure {
                unit: "Bidang Layanan Informasi".into(),
                month: day("2026-10-01"),
                measure: "Pengaduan SP4N-LAPOR!".into(),
                value: 42,
            }],
            details: NeedDetails::Competency(CompetencyNeedDraft {
                competency: "MNJ-05".into(),
                target_level: 3,
                headcount: 25,
                units: vec!["Bidang Layanan Informasi".into(), "Sekretariat".into()],
                preferred_mode: Some(DeliveryMode::Blended),
                region_code: "1871".into(),
            }),
        }
    }

    pub fn valid_research_need() -> NeedDraft {
        NeedDraft {
            title: "Kajian waktu tanggap pengaduan".into(),
            summary: "Mengapa pengaduan lambat ditanggapi, dan apa yang bisa diubah.".into(),
            description: "Pengaduan menumpuk di tiga unit; kami belum tahu sebabnya.".into(),
            deadline: day("2027-09-30"),
            budget_rupiah: 150_000_000,
            is_public: true,
            figures: Vec::new(),
            details: NeedDetails::Research(ResearchNeedDraft {
                expected_output: "Rekomendasi kebijakan dan evaluasi alur layanan.".into(),
                outputs: vec![ResearchOutput::PolicyBrief, ResearchOutput::Evaluation],
                starts_on: day("2027-01-04"),
            }),
        }
    }

    #[test]
    fn complete_needs_pass_and_broken_fields_are_named() {
        assert_eq!(valid_competency_need().validate(), Ok(()));
        assert_eq!(valid_research_need().validate(), Ok(()));

        let mut need = valid_competency_need();
        need.description = " ".into();
        need.budget_rupiah = -1;
        need.figures[0].measure.clear();
        if let NeedDetails::Competency(c) = &mut need.details {
            c.target_level = 6;
            c.headcount = 0;
            c.units = vec!["Sekretariat".into(), " Sekretariat ".into()];
            c.region_code = "9999".into();
        }
        let fields: Vec<String> =
            need.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            ["description", "budget", "figures", "target_level", "headcount", "units", "region"]
        );
    }

    #[test]
    fn a_research_timeline_must_end_after_it_starts() {
        let mut need = valid_research_need();
        need.deadline = day("2027-01-04");
        if let NeedDetails::Research(r) = &mut need.details {
            r.outputs = vec![ResearchOutput::Training, ResearchOutput::Training];
        }
        let errors: Vec<(String, ValidationCode)> =
            need.validate().unwrap_err().into_iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            errors,
            [
                ("outputs".to_owned(), ValidationCode::DuplicateEntry),
                ("deadline".to_owned(), ValidationCode::EndsBeforeStart)
            ]
        );
    }

    #[test]
    fn the_lifecycle_moves_forward_only() {
        use NeedStatus::*;
        assert!(
            Draft.can_become(Open) && Open.can_become(Matched) && Matched.can_become(Fulfilled)
        );
        assert!(!Fulfilled.can_become(Closed) && !Closed.can_become(Open));
        assert!(!Draft.can_become(Matched) && !Open.can_become(Fulfilled));
        assert_eq!(Open.manual_moves().collect::<Vec<_>>(), [Closed]);
        assert_eq!(Matched.manual_moves().collect::<Vec<_>>(), [Fulfilled, Closed]);
        assert!(Open.is_editable() && !Matched.is_editable());
    }
}
