//! The competency dictionary as readers see it (Peraturan Menteri PANRB 38/2017 terms).

use serde::{Deserialize, Serialize};

/// A type of competency (managerial, socio-cultural, technical) with its competencies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyTypeView {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub competencies: Vec<CompetencyView>,
}

/// One competency with its five level descriptors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyView {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    /// In Indonesian (the regulation's language).
    pub definition_id: String,
    /// The agency owning a technical competency; `None` when shared.
    pub owner: Option<String>,
    /// Descriptors of levels 1 to 5, in order.
    pub levels: Vec<String>,
    /// The behavioural indicators of each level, in the same order (possibly none).
    pub indicators: Vec<Vec<String>>,
}

/// The dictionary as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyDictionary {
    pub types: Vec<CompetencyTypeView>,
    /// Whether the viewer maintains it (province administrators): the page offers the upload.
    pub maintainable: bool,
}

/// A position (jabatan) and the level its competency standard requires per competency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionView {
    pub code: String,
    pub name: String,
    /// By competency code.
    pub requirements: Vec<PositionRequirementView>,
}

/// One competency a position requires, at a level from 1 to 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionRequirementView {
    pub competency_code: String,
    pub name_id: String,
    pub name_en: String,
    /// `manajerial`, `sosial_kultural` or `teknis`.
    pub type_code: String,
    pub level: i16,
}

/// The positions page: every position, and whether the viewer maintains them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionList {
    pub positions: Vec<PositionView>,
    /// Province administrators: the page offers the upload.
    pub maintainable: bool,
}
