//! The SQL of catalogue queries, written for either database: the filters, the relevance score
//! of the words and the keyset condition, as methods of [`Sql`].

use chrono::NaiveDate;
use sea_orm::DbBackend;

use super::catalogue::Cursor;
use crate::backend::search::{Term, postgres_tsquery, postgres_weighted_tsquery, sqlite_match};
use crate::backend::sql::Sql;
use crate::model::{CatalogueQuery, CatalogueSort, OfferStatus, Price};

/// How much a query word found in a column adds to an offer's relevance: what an offer is
/// about (its title) outranks what it is tagged with (summary, competencies, university),
/// which outranks what it mentions (the body). Column of `offers`, PostgreSQL weight.
const SCORED_COLUMNS: [(&str, char, i64); 3] =
    [("search_title", 'A', 10), ("search_keywords", 'B', 4), ("search_body", 'C', 1)];

impl Sql {
    /// The relevance of a row, or 0 when not sorting by it: each query word adds the weight
    /// of every column it is found in ([`SCORED_COLUMNS`]), so both databases score alike.
    /// PostgreSQL asks the lexemes' weights in the `search` vector it reads for the match
    /// anyway; SQLite tests the matching rows' stemmed columns with `LIKE` — measured at 50,000
    /// offers, cheaper than one FTS5 column-filter set per word and column, which costs the
    /// whole column's matches even when few offers match every word.
    pub(super) fn push_score(&mut self, terms: &[Term], sort: CatalogueSort) {
        if sort != CatalogueSort::Relevance || terms.is_empty() {
            self.push("CAST(0 AS BIGINT)");
            return;
        }
        self.push("CAST(0");
        for term in terms {
            for (column, weight_letter, weight) in SCORED_COLUMNS {
                if self.backend() == DbBackend::Postgres {
                    self.push_bound(
                        " + CASE WHEN o.search @@ to_tsquery('simple', ",
                        postgres_weighted_tsquery(term, weight_letter),
                    );
                    self.push(")");
                } else {
                    // Tokens are space-separated: " " before the column makes every token
                    // start after a space, so `% latih%` finds a token beginning with "latih".
                    self.push_bound(
                        &format!(" + CASE WHEN (' ' || o.{column}) LIKE "),
                        format!("% {}%", term.stem),
                    );
                    self.push_bound(
                        &format!(" OR (' ' || o.{column}) LIKE "),
                        format!("% {}%", term.word),
                    );
                }
                self.push(&format!(" THEN {weight} ELSE 0 END"));
            }
        }
        self.push(" AS BIGINT)");
    }

    /// `FROM … WHERE …` of a catalogue query: published offers matching the words and filters.
    pub(super) fn push_from_and_filters(&mut self, query: &CatalogueQuery, terms: &[Term]) {
        self.push(" FROM offers o");
        // With words on SQLite, `+` keeps the planner off the status index: scanning every
        // published offer to probe the word matches cost more than looking up each match.
        let status = if !terms.is_empty() && self.backend() != DbBackend::Postgres {
            " WHERE +o.status = "
        } else {
            " WHERE o.status = "
        };
        self.push_bound(status, OfferStatus::Published.as_db());
        // The full-text index as a set: SQLite evaluates the subquery once, where a join let
        // the planner probe the index once per published offer (minutes at 50,000 offers).
        if !terms.is_empty() && self.backend() != DbBackend::Postgres {
            self.push_bound(
                " AND o.id IN (SELECT rowid FROM offers_fts WHERE offers_fts MATCH ",
                sqlite_match(terms),
            );
            self.push(")");
        } else if !terms.is_empty() {
            self.push_bound(" AND o.search @@ to_tsquery('simple', ", postgres_tsquery(terms));
            self.push(")");
        }
        if let Some(kind) = query.kind {
            self.push_bound(" AND o.kind = ", kind.as_db());
        }
        if let Some(mode) = query.mode {
            self.push_bound(" AND o.mode = ", mode.as_db());
        }
        if let Some(region) = &query.region {
            self.push_bound(" AND o.region_code = ", region.as_str());
        }
        if let Some(university) = &query.university {
            self.push_bound(
                " AND o.university_id IN (SELECT id FROM organisations WHERE slug = ",
                university.as_str(),
            );
            self.push(")");
        }
        match query.price {
            Some(Price::Free) => self.push(" AND o.fee_rupiah = 0"),
            Some(Price::Paid) => self.push(" AND o.fee_rupiah > 0"),
            None => {}
        }
        if let Some(month) = query.month {
            self.push_bound(" AND o.starts_on >= ", month);
            let next = month.checked_add_months(chrono::Months::new(1)).unwrap_or(NaiveDate::MAX);
            self.push_bound(" AND o.starts_on < ", next);
        }
        if query.competency.is_some() || query.level.is_some() || query.competency_type.is_some() {
            self.push(" AND EXISTS (SELECT 1 FROM offer_competencies oc JOIN competencies c");
            self.push(" ON c.id = oc.competency_id WHERE oc.offer_id = o.id");
            if let Some(code) = &query.competency {
                self.push_bound(" AND c.code = ", code.as_str());
            }
            if let Some(level) = query.level {
                self.push_bound(" AND oc.level >= ", i16::from(level));
            }
            if let Some(kind) = &query.competency_type {
                self.push_bound(" AND c.type_code = ", kind.as_str());
            }
            self.push(")");
        }
    }

    /// Rows after the cursor, in the direction of its sort.
    pub(super) fn push_keyset(&mut self, after: &Cursor) {
        let (column, operator, id) = match after {
            Cursor::Score(_, id) => ("t.score", "<", *id),
            Cursor::Published(_, id) => ("t.published_at", "<", *id),
            Cursor::FirstDay(_, id) => ("t.first_day", ">", *id),
        };
        let bind_key = |sql: &mut Self| match after {
            Cursor::Score(score, _) => sql.bind(*score),
            Cursor::Published(at, _) => sql.bind(*at),
            Cursor::FirstDay(day, _) => sql.bind(*day),
        };
        let key = bind_key(self);
        self.push(&format!(" WHERE ({column} {operator} {key} OR ({column} = "));
        let key = bind_key(self);
        self.push(&key);
        self.push_bound(&format!(" AND t.id {operator} "), id);
        self.push("))");
    }
}
