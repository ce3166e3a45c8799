//! What the pages of matching show: a need's ranked offers with the parts of each score, the
//! filters of that list as URL parameters, and the needs a university's offers match.

use serde::{Deserialize, Serialize};

use super::{DeliveryMode, NeedCard, OfferCard, OfferKind, Price};
use crate::domain::matching::Part;

/// Filters of a need's ranked offers. Unknown or malformed parameters are ignored: an old link
/// still shows the list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchQuery {
    pub mode: Option<DeliveryMode>,
    pub price: Option<Price>,
    /// Only the offers on the need's shortlist (`daftar=pendek`).
    pub shortlist_only: bool,
}

impl MatchQuery {
    /// Reads the URL's query parameters (the catalogue's names: `moda`, `biaya`).
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = Self::default();
        for (key, value) in params {
            match key {
                "moda" => query.mode = DeliveryMode::from_db(value),
                "biaya" => query.price = Price::from_param(value),
                "daftar" => query.shortlist_only = value == "pendek",
                _ => {}
            }
        }
        query
    }

    /// Whether `card` passes the filters.
    pub fn admits(&self, card: &OfferCard) -> bool {
        let mode = self.mode.is_none_or(|mode| card.mode == Some(mode));
        let price = match self.price {
            None => true,
            Some(Price::Free) => card.fee_rupiah.unwrap_or(0) == 0,
            Some(Price::Paid) => card.fee_rupiah.unwrap_or(0) > 0,
        };
        mode && price
    }
}

/// One offer on a need's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchedOffer {
    /// 1 = the best of the whole list (before filters).
    pub rank: u32,
    pub card: OfferCard,
    /// 0–100.
    pub total: u8,
    pub parts: Vec<Part>,
    /// On the need's shortlist.
    pub shortlisted: bool,
    /// The offer's university was invited to propose it.
    pub invited: bool,
}

/// A need's ranked offers, as its agency's leads see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedMatchList {
    pub need: NeedCard,
    /// The offers passing the filters, best first.
    pub offers: Vec<MatchedOffer>,
    /// How many the list holds before filters.
    pub listed: u32,
    /// The need changed (or offers did) and its list is being computed again.
    pub pending: bool,
    /// (code, Indonesian name, English name) of the competencies the reasons name.
    pub competencies: Vec<(String, String, String)>,
    /// The viewer leads the need's agency and the need is open: shortlist and invite.
    pub may_act: bool,
}

/// One open need on a university's list: the need, its best-ranked offer of the university and
/// that offer's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchedNeed {
    pub need: NeedCard,
    pub offer_slug: String,
    pub offer_title: String,
    pub offer_kind: OfferKind,
    /// 0–100.
    pub total: u8,
    /// The university has a proposal waiting on the need.
    pub proposed: bool,
}

/// The open needs a university's offers match, best first, as its staff see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UniversityMatchList {
    pub university_slug: String,
    pub university_name: String,
    pub needs: Vec<MatchedNeed>,
}

/// How many needs a university's list shows.
pub const UNIVERSITY_MATCHES_SHOWN: usize = 50;

#[cfg(test)]
mod tests {
    use super::*;

    fn card(mode: DeliveryMode, fee: i64) -> OfferCard {
        OfferCard {
            kind: OfferKind::Course,
            slug: "k".into(),
            title: "K".into(),
            summary: String::new(),
            university: "U".into(),
            mode: Some(mode),
            region: None,
            fee_rupiah: Some(fee),
            starts_on: None,
            jp: None,
            competencies: Vec::new(),
        }
    }

    #[test]
    fn filters_read_from_the_url_admit_only_what_they_name() {
        let query = MatchQuery::from_params([("moda", "daring"), ("biaya", "gratis"), ("x", "y")]);
        assert_eq!(
            query,
            MatchQuery {
                mode: Some(DeliveryMode::Daring),
                price: Some(Price::Free),
                shortlist_only: false
            }
        );
        assert!(query.admits(&card(DeliveryMode::Daring, 0)));
        assert!(!query.admits(&card(DeliveryMode::Daring, 100_000)), "paid");
        assert!(!query.admits(&card(DeliveryMode::TatapMuka, 0)), "other mode");
        let lenient = MatchQuery::from_params([("moda", "terbang"), ("biaya", "mahal")]);
        assert_eq!(lenient, MatchQuery::default(), "unknown values are ignored");
        assert!(lenient.admits(&card(DeliveryMode::Blended, 5)));
    }
}
