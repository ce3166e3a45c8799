//! What a university offers: the kinds, the lifecycle, delivery modes, Lampung's regions and the
//! expected outputs of research, shared by the forms, the catalogue and the services.

use serde::{Deserialize, Serialize};

/// A course (training programme) or a research offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OfferKind {
    Course,
    Research,
}

impl OfferKind {
    /// The value stored in `offers.kind`.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Course => "course",
            Self::Research => "research",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        [Self::Course, Self::Research].into_iter().find(|k| k.as_db() == value)
    }

    /// The catalogue path segment of this kind (`/katalog/kursus/…`, `/katalog/riset/…`).
    pub fn path_segment(self) -> &'static str {
        match self {
            Self::Course => "kursus",
            Self::Research => "riset",
        }
    }
}

/// Where an offer is in its life: drafted, published (in the catalogue), then closed (it ran, or
/// takes no one else) or cancelled (it will not run).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OfferStatus {
    Draft,
    Published,
    Closed,
    Cancelled,
}

impl OfferStatus {
    pub const ALL: [Self; 4] = [Self::Draft, Self::Published, Self::Closed, Self::Cancelled];

    /// The value stored in `offers.status`.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Published => "published",
            Self::Closed => "closed",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_db() == value)
    }

    /// The lifecycle's only moves: a draft is published or dropped (cancelled); a published
    /// offer is closed or cancelled; closed and cancelled are final.
    pub fn can_become(self, next: Self) -> bool {
        matches!(
            (self, next),
            (Self::Draft, Self::Published | Self::Cancelled)
                | (Self::Published, Self::Closed | Self::Cancelled)
        )
    }

    /// Whether the content may still be edited (a published offer may be corrected; a finished
    /// one is a record).
    pub fn is_editable(self) -> bool {
        matches!(self, Self::Draft | Self::Published)
    }
}

/// How a course is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeliveryMode {
    /// In person.
    TatapMuka,
    /// Online.
    Daring,
    Blended,
}

impl DeliveryMode {
    pub const ALL: [Self; 3] = [Self::TatapMuka, Self::Daring, Self::Blended];

    /// The value stored in `offers.mode` and used in catalogue URLs.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::TatapMuka => "tatap_muka",
            Self::Daring => "daring",
            Self::Blended => "blended",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_db() == value)
    }
}

/// What a research offer is expected to deliver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResearchOutput {
    PolicyBrief,
    Evaluation,
    Prototype,
    Training,
}

impl ResearchOutput {
    pub const ALL: [Self; 4] =
        [Self::PolicyBrief, Self::Evaluation, Self::Prototype, Self::Training];

    pub fn as_db(self) -> &'static str {
        match self {
            Self::PolicyBrief => "policy_brief",
            Self::Evaluation => "evaluation",
            Self::Prototype => "prototype",
            Self::Training => "training",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_db() == value)
    }

    /// The stored comma-separated list, unknown codes skipped.
    pub fn parse_list(stored: &str) -> Vec<Self> {
        stored.split(',').filter_map(|code| Self::from_db(code.trim())).collect()
    }

    pub fn join(outputs: &[Self]) -> String {
        outputs.iter().map(|o| o.as_db()).collect::<Vec<_>>().join(",")
    }
}

/// A kabupaten or kota of the Province of Lampung, by its BPS code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
}

impl Region {
    /// The fifteen kabupaten/kota of Lampung (BPS codes 18xx), the two kota first.
    pub const ALL: [Self; 15] = [
        Self { code: "1871", name: "Kota Bandar Lampung" },
        Self { code: "1872", name: "Kota Metro" },
        Self { code: "1801", name: "Kabupaten Lampung Barat" },
        Self { code: "1802", name: "Kabupaten Tanggamus" },
        Self { code: "1803", name: "Kabupaten Lampung Selatan" },
        Self { code: "1804", name: "Kabupaten Lampung Timur" },
        Self { code: "1805", name: "Kabupaten Lampung Tengah" },
        Self { code: "1806", name: "Kabupaten Lampung Utara" },
        Self { code: "1807", name: "Kabupaten Way Kanan" },
        Self { code: "1808", name: "Kabupaten Tulang Bawang" },
        Self { code: "1809", name: "Kabupaten Pesawaran" },
        Self { code: "1810", name: "Kabupaten Pringsewu" },
        Self { code: "1811", name: "Kabupaten Mesuji" },
        Self { code: "1812", name: "Kabupaten Tulang Bawang Barat" },
        Self { code: "1813", name: "Kabupaten Pesisir Barat" },
    ];

    pub fn by_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code == code)
    }
}

/// A person behind an offer: an instructor of a course, a member of a research team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferPerson {
    pub name: String,
    /// "Narasumber", "Ketua peneliti", an area of expertise…
    pub role: String,
}

/// A competency an offer develops; `level` is the level a course brings a participant to (none
/// for research).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferCompetency {
    pub code: String,
    pub level: Option<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lifecycle_only_moves_forward() {
        use OfferStatus::*;
        assert!(Draft.can_become(Published) && Draft.can_become(Cancelled));
        assert!(Published.can_become(Closed) && Published.can_become(Cancelled));
        assert!(!Draft.can_become(Closed), "a draft never ran, so it cannot close");
        for finished in [Closed, Cancelled] {
            assert!(OfferStatus::ALL.iter().all(|next| !finished.can_become(*next)));
        }
        assert!(!Published.can_become(Draft));
    }

    #[test]
    fn codes_round_trip_and_regions_are_lampung_s() {
        for s in OfferStatus::ALL {
            assert_eq!(OfferStatus::from_db(s.as_db()), Some(s));
        }
        for m in DeliveryMode::ALL {
            assert_eq!(DeliveryMode::from_db(m.as_db()), Some(m));
        }
        let outputs = [ResearchOutput::PolicyBrief, ResearchOutput::Prototype];
        assert_eq!(ResearchOutput::parse_list(&ResearchOutput::join(&outputs)), outputs);
        assert!(Region::ALL.iter().all(|r| r.code.starts_with("18") && r.code.len() == 4));
        assert_eq!(Region::by_code("1871").map(|r| r.name), Some("Kota Bandar Lampung"));
        assert_eq!(Region::by_code("3171"), None);
    }
}
