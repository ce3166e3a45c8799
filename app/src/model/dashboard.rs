//! The dashboards' figures as their pages draw them: each chart a titled list of labelled
//! values (bars), drawn as SVG on the server, shown as a table and exported as CSV from the
//! same rows, so the three never disagree.

use serde::{Deserialize, Serialize};

use super::{CollaborationStatus, EnrollmentStatus, NeedStatus, OfferStatus};
use crate::domain::evaluation::Summary;

/// Which chart: its title, column headings and file name come from this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChartKey {
    /// A civil servant's credited JP per year, against the 20 JP floor.
    JpByYear,
    /// A civil servant's competencies below the standard of the position held, by levels missing.
    OwnGaps,
    /// A civil servant's enrollments by status.
    EnrollmentsByStatus,
    /// A civil servant's certificates (not revoked) per year of issue.
    CertificatesByYear,
    /// An agency's civil servants by credited JP this year, in bands up to the floor.
    JpCoverage,
    /// The competencies with the most civil servants below standard (agency or province).
    LargestGaps,
    /// Competency needs by status (agency or province).
    NeedsByStatus,
    /// An agency's agreed collaboration prices by year, in millions of rupiah.
    SpendByYear,
    /// The share of each agency's civil servants at the 20 JP floor this year, in percent.
    CoverageByAgency,
    /// The JP each university delivered this year (its certificates' JP).
    UniversityContribution,
    /// A university's offers by status.
    OffersByStatus,
    /// A university's courses with the most ended enrollments, by completion rate in percent.
    CompletionByCourse,
    /// A university's collaborations by status.
    CollaborationsByStatus,
}

impl ChartKey {
    pub const ALL: [Self; 13] = [
        Self::JpByYear,
        Self::OwnGaps,
        Self::EnrollmentsByStatus,
        Self::CertificatesByYear,
        Self::JpCoverage,
        Self::LargestGaps,
        Self::NeedsByStatus,
        Self::SpendByYear,
        Self::CoverageByAgency,
        Self::UniversityContribution,
        Self::OffersByStatus,
        Self::CompletionByCourse,
        Self::CollaborationsByStatus,
    ];

    /// The CSV file's name without `.csv`, and the anchor of the chart on its page.
    pub fn slug(self) -> &'static str {
        match self {
            Self::JpByYear => "jp-per-tahun",
            Self::OwnGaps => "kesenjangan",
            Self::EnrollmentsByStatus => "pendaftaran",
            Self::CertificatesByYear => "sertifikat",
            Self::JpCoverage => "cakupan-jp",
            Self::LargestGaps => "kesenjangan-terbesar",
            Self::NeedsByStatus => "kebutuhan",
            Self::SpendByYear => "anggaran",
            Self::CoverageByAgency => "cakupan-jp-per-instansi",
            Self::UniversityContribution => "kontribusi-kampus",
            Self::OffersByStatus => "penawaran",
            Self::CompletionByCourse => "penyelesaian-kursus",
            Self::CollaborationsByStatus => "kolaborasi",
        }
    }

    /// What a whole bar stands for, where that is fixed: 100 for the charts in percent, so
    /// that 40 % never looks complete. Other charts run to their largest value.
    pub fn full_scale(self) -> Option<f64> {
        matches!(self, Self::CoverageByAgency | Self::CompletionByCourse).then_some(100.0)
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

/// What a bar stands for; translated where it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChartLabel {
    Year(i32),
    /// A name kept in both languages (a competency).
    Named {
        id: String,
        en: String,
    },
    Enrollment(EnrollmentStatus),
    Need(NeedStatus),
    Offer(OfferStatus),
    Collaboration(CollaborationStatus),
    /// Credited JP from `from` to `to` (`None`: or more).
    JpBand {
        from: i32,
        to: Option<i32>,
    },
}

/// One bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartRow {
    pub label: ChartLabel,
    pub value: f64,
}

/// One chart of a dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub key: ChartKey,
    pub rows: Vec<ChartRow>,
    /// A line across the bars (the 20 JP floor), if the chart has one.
    pub target: Option<f64>,
}

impl Chart {
    pub fn new(key: ChartKey, rows: Vec<ChartRow>) -> Self {
        Self { key, rows, target: None }
    }
}

/// A civil servant's own dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AsnDashboard {
    pub name: String,
    /// The ledger year the headline figures are for.
    pub year: i32,
    /// Credited JP of `year`.
    pub jp: i32,
    pub minimum: i32,
    /// Competencies the position held requires that were never assessed (not drawn as gaps).
    pub unassessed: usize,
    pub charts: Vec<Chart>,
}

/// An agency's dashboard, for its leads and the province.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyDashboard {
    pub slug: String,
    pub name: String,
    pub year: i32,
    /// Active civil servants, and those at the floor this year.
    pub staff: i64,
    pub covered: i64,
    pub minimum: i32,
    pub charts: Vec<Chart>,
}

/// The province's dashboard, for its administrators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvinceDashboard {
    pub year: i32,
    /// Active civil servants of every agency, and those at the floor this year.
    pub staff: i64,
    pub covered: i64,
    pub minimum: i32,
    pub charts: Vec<Chart>,
}

/// A university's dashboard, for its members and the province.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UniversityDashboard {
    pub slug: String,
    pub name: String,
    /// The evaluation of all its courses (completion, ratings, learning, use at work).
    pub evaluation: Summary,
    pub charts: Vec<Chart>,
}

/// The charts of a dashboard, whichever it is (for the CSV export).
pub trait Charts {
    fn charts(&self) -> &[Chart];

    fn chart(&self, key: ChartKey) -> Option<&Chart> {
        self.charts().iter().find(|c| c.key == key)
    }
}

/// Every dashboard keeps its charts in a `charts` field.
macro_rules! charts_in_field {
    ($($dashboard:ty),*) => {
        $(impl Charts for $dashboard {
            fn charts(&self) -> &[Chart] {
                &self.charts
            }
        })*
    };
}

charts_in_field!(AsnDashboard, AgencyDashboard, UniversityDashboard, ProvinceDashboard);

/// The share of `part` in `whole`, in percent (0 when `whole` is 0).
pub fn percent(part: i64, whole: i64) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 * 100.0 / whole as f64 }
}
