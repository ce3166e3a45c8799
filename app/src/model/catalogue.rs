//! The public catalogue: the search a visitor makes (`CatalogueQuery`, read from and written to
//! the URL's query string so every search is a link), and what comes back.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::evaluation::Summary;

use super::{DeliveryMode, OfferKind, OfferPerson, OfferStatus, Region, ResearchOutput};

/// Results per catalogue page.
pub const CATALOGUE_PAGE_SIZE: u64 = 20;

/// Results are counted exactly up to this many; beyond it the page says "more than".
pub const CATALOGUE_COUNT_CAP: u64 = 1_000;

/// Free courses, or paid ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Price {
    Free,
    Paid,
}

impl Price {
    /// The value of the `biaya` URL parameter.
    pub fn as_param(self) -> &'static str {
        match self {
            Self::Free => "gratis",
            Self::Paid => "berbayar",
        }
    }

    pub fn from_param(value: &str) -> Option<Self> {
        [Self::Free, Self::Paid].into_iter().find(|p| p.as_param() == value)
    }
}

/// The order of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CatalogueSort {
    /// Best match first (the default when there is a query, else newest).
    #[default]
    Relevance,
    /// Most recently published first.
    Newest,
    /// Earliest first session first (research offers, which have none, last).
    Soonest,
}

impl CatalogueSort {
    pub fn as_param(self) -> &'static str {
        match self {
            Self::Relevance => "relevan",
            Self::Newest => "terbaru",
            Self::Soonest => "terdekat",
        }
    }

    fn from_param(value: &str) -> Option<Self> {
        [Self::Relevance, Self::Newest, Self::Soonest].into_iter().find(|s| s.as_param() == value)
    }
}

/// A catalogue search. Unknown or malformed parameters are ignored rather than refused: a
/// hand-edited or outdated link still shows the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CatalogueQuery {
    /// Free text.
    pub q: String,
    pub kind: Option<OfferKind>,
    /// A competency code.
    pub competency: Option<String>,
    /// The least level the offer brings a participant to.
    pub level: Option<u8>,
    /// A competency type code (`manajerial`, `teknis`, `sosial_kultural`).
    pub competency_type: Option<String>,
    pub mode: Option<DeliveryMode>,
    /// A BPS kabupaten/kota code.
    pub region: Option<String>,
    /// A university's slug.
    pub university: Option<String>,
    pub price: Option<Price>,
    /// Courses whose first session falls in this month.
    pub month: Option<NaiveDate>,
    pub sort: CatalogueSort,
    /// The opaque position after which this page starts (keyset pagination).
    pub after: Option<String>,
}

impl CatalogueQuery {
    /// Reads the URL's query parameters (Indonesian names, as the form sends them).
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = Self::default();
        let some = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_owned());
        for (key, value) in params {
            match key {
                "q" => query.q = value.chars().take(200).collect(),
                "jenis" => {
                    query.kind = match value {
                        "kursus" => Some(OfferKind::Course),
                        "riset" => Some(OfferKind::Research),
                        _ => None,
                    }
                }
                "kompetensi" => query.competency = some(value),
                "level" => query.level = value.parse().ok().filter(|l| (1..=5).contains(l)),
                "tipe" => query.competency_type = some(value),
                "moda" => query.mode = DeliveryMode::from_db(value),
                "lokasi" => query.region = Region::by_code(value).map(|r| r.code.to_owned()),
                "kampus" => query.university = some(value),
                "biaya" => query.price = Price::from_param(value),
                "bulan" => {
                    query.month = NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok()
                }
                "urut" => query.sort = CatalogueSort::from_param(value).unwrap_or_default(),
                "setelah" => query.after = some(value),
                _ => {}
            }
        }
        query
    }

    /// The query parameters of this search (the inverse of [`Self::from_params`]).
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        let mut push = |key, value: Option<String>| {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                params.push((key, value));
            }
        };
        push("q", Some(self.q.clone()));
        push("jenis", self.kind.map(|k| k.path_segment().to_owned()));
        push("kompetensi", self.competency.clone());
        push("level", self.level.map(|l| l.to_string()));
        push("tipe", self.competency_type.clone());
        push("moda", self.mode.map(|m| m.as_db().to_owned()));
        push("lokasi", self.region.clone());
        push("kampus", self.university.clone());
        push("biaya", self.price.map(|p| p.as_param().to_owned()));
        push("bulan", self.month.map(|m| format!("{:04}-{:02}", m.year(), m.month())));
        if self.sort != CatalogueSort::default() {
            push("urut", Some(self.sort.as_param().to_owned()));
        }
        push("setelah", self.after.clone());
        params
    }

    /// The order actually used: relevance needs words to be relevant to.
    pub fn effective_sort(&self) -> CatalogueSort {
        match self.sort {
            CatalogueSort::Relevance if self.q.trim().is_empty() => CatalogueSort::Newest,
            sort => sort,
        }
    }
}

/// A competency as an offer lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyTag {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub level: Option<u8>,
}

/// One result of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferCard {
    pub kind: OfferKind,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub university: String,
    pub mode: Option<DeliveryMode>,
    pub region: Option<String>,
    pub fee_rupiah: Option<i64>,
    pub starts_on: Option<NaiveDate>,
    pub jp: Option<i32>,
    pub competencies: Vec<CompetencyTag>,
}

/// A page of results: the cards, how many match in all, and the link parameter of the next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CataloguePage {
    pub cards: Vec<OfferCard>,
    /// How many match, up to [`CATALOGUE_COUNT_CAP`].
    pub total: u64,
    /// More than the cap match.
    pub more: bool,
    pub next_after: Option<String>,
}

/// The choices the catalogue's filters offer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CatalogueFacets {
    /// (code, Indonesian name, English name, type code).
    pub competencies: Vec<(String, String, String, String)>,
    /// (slug, name) of universities with something published.
    pub universities: Vec<(String, String)>,
}

/// One meeting of a course, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// RFC 3339, shown in WIB.
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
}

/// What only a course shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseFacts {
    pub jp: i32,
    pub learning_form_id: String,
    pub learning_form_en: String,
    pub international: bool,
    pub capacity: i32,
    pub prerequisites: String,
    pub min_attendance_percent: i16,
    pub min_post_test_score: i16,
    pub enrollment_opens_on: NaiveDate,
    pub enrollment_closes_on: NaiveDate,
    pub sessions: Vec<SessionView>,
}

/// What only a research offer shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResearchFacts {
    pub expertise: String,
    pub sectors: Vec<String>,
    pub duration_months: i16,
    pub budget_min_rupiah: i64,
    pub budget_max_rupiah: i64,
    pub outputs: Vec<ResearchOutput>,
}

/// The kind-specific part of an offer's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum OfferFacts {
    Course(CourseFacts),
    Research(ResearchFacts),
}

/// How a course went for those who took it, beside how all its university's courses went (the
/// record the matching engine weighs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OfferEvaluation {
    pub course: Summary,
    pub university: Summary,
}

/// An offer's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferDetail {
    pub card: OfferCard,
    pub status: OfferStatus,
    /// The description rendered from markdown and sanitised on the server.
    pub description_html: String,
    pub university_slug: String,
    pub people: Vec<OfferPerson>,
    /// RFC 3339 of publication, if published.
    pub published_at: Option<String>,
    pub facts: OfferFacts,
    /// A course's evaluation, once any of its university's enrollments ended.
    pub evaluation: Option<OfferEvaluation>,
    /// Whether the viewer may edit it or move it along its lifecycle.
    pub manageable: bool,
    /// Whether the viewer may cancel it (its managers, and province administrators).
    pub cancellable: bool,
    /// The portal's public address (for canonical and Open Graph URLs), without a trailing `/`.
    pub site_url: String,
}

/// One step of an offer's lifecycle, as its managers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChangeView<S = OfferStatus> {
    pub to: S,
    pub by: String,
    /// RFC 3339.
    pub at: String,
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_survives_the_round_trip_through_its_url() {
        let query = CatalogueQuery {
            q: "arsip digital".into(),
            kind: Some(OfferKind::Course),
            competency: Some("TEK-ARSIP-01".into()),
            level: Some(3),
            competency_type: Some("teknis".into()),
            mode: Some(DeliveryMode::Blended),
            region: Some("1872".into()),
            university: Some("unila".into()),
            price: Some(Price::Free),
            month: NaiveDate::from_ymd_opt(2027, 3, 1),
            sort: CatalogueSort::Soonest,
            after: Some("x".into()),
        };
        let params = query.to_params();
        let back = CatalogueQuery::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, query);
    }

    #[test]
    fn bad_parameters_are_dropped_not_refused() {
        let query = CatalogueQuery::from_params([
            ("level", "9"),
            ("lokasi", "3171"),
            ("bulan", "2027-13"),
            ("moda", "teleport"),
            ("urut", "random"),
            ("jenis", "x"),
        ]);
        assert_eq!(query, CatalogueQuery::default());
        assert_eq!(query.effective_sort(), CatalogueSort::Newest);
    }
}
