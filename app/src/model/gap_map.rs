//! An agency's competency gaps as its leads see them: competencies × units, how many civil
//! servants each position requires it of, how many are below the standard, how many were never
//! assessed, and the mean gap; the people behind one cell; and what a gap turned into a
//! competency need starts with.

use serde::{Deserialize, Serialize};

use super::LevelView;

/// Which standard the gaps are measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum GapBasis {
    /// The position each civil servant holds.
    #[default]
    Held,
    /// The position each is developed for (only those with a target position count).
    Target,
}

impl GapBasis {
    /// The word in the URL (`?dasar=`): none for the position held.
    pub fn from_url_word(word: &str) -> Self {
        if word == "sasaran" { Self::Target } else { Self::Held }
    }

    pub fn url_word(self) -> &'static str {
        match self {
            Self::Held => "jabatan",
            Self::Target => "sasaran",
        }
    }
}

/// One group's standing in one competency (see `domain::profile::GroupGap`).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct GapCell {
    pub required_of: u32,
    pub below: u32,
    pub unassessed: u32,
    /// The mean shortfall of the assessed, in levels; none when nobody is assessed.
    pub mean_gap: Option<f64>,
    /// The highest level required of those below (what a need closing it aims at).
    pub top_required: Option<i16>,
}

/// One competency across the agency's units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapMapRow {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    /// One per unit, in the order of `GapMap::units`.
    pub cells: Vec<GapCell>,
    /// The whole agency.
    pub total: GapCell,
}

/// The agency's heatmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapMap {
    pub agency_slug: String,
    pub agency_name: String,
    pub basis: GapBasis,
    /// The units of the agency's civil servants, by name; "" stands for no unit recorded.
    pub units: Vec<String>,
    /// Competencies some position requires, those with the most below first.
    pub rows: Vec<GapMapRow>,
    /// Active civil servants of the agency.
    pub staff: u32,
    /// The viewer leads the agency: the page offers to turn a gap into a need.
    pub may_act: bool,
}

/// A civil servant in one cell of the heatmap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapPerson {
    pub person_id: i32,
    pub name: String,
    pub nip: Option<String>,
    pub unit: Option<String>,
    pub position: Option<String>,
    pub required: i16,
    pub current: Option<LevelView>,
}

/// Who stands where in one competency of one unit (or the whole agency).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapPeople {
    pub agency_slug: String,
    pub agency_name: String,
    pub basis: GapBasis,
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    /// None: the whole agency.
    pub unit: Option<String>,
    /// Below the standard first (largest gap first), then the unassessed, then those who meet it.
    pub people: Vec<GapPerson>,
    pub cell: GapCell,
    pub may_act: bool,
}

/// What "turn this gap into a need" fills in on a new competency need.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapPrefill {
    pub competency: String,
    pub target_level: String,
    pub headcount: String,
    /// One per unit.
    pub units: Vec<String>,
}

impl GapPrefill {
    /// The query of the new-need page's link (`/organisasi/{slug}/kebutuhan-baru?…`).
    pub fn query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("jenis", "kompetensi");
        query.append_pair("kompetensi", &self.competency);
        query.append_pair("level", &self.target_level);
        query.append_pair("jumlah", &self.headcount);
        for unit in &self.units {
            query.append_pair("unit", unit);
        }
        query.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefill_link_carries_every_unit_encoded() {
        let prefill = GapPrefill {
            competency: "MNJ-05".into(),
            target_level: "2".into(),
            headcount: "3".into(),
            units: vec!["Bidang Statistik".into(), "Sekretariat & Umum".into()],
        };
        assert_eq!(
            prefill.query(),
            "jenis=kompetensi&kompetensi=MNJ-05&level=2&jumlah=3\
             &unit=Bidang+Statistik&unit=Sekretariat+%26+Umum"
        );
        assert_eq!(GapBasis::from_url_word("sasaran"), GapBasis::Target);
        assert_eq!(GapBasis::from_url_word(""), GapBasis::Held);
    }
}
