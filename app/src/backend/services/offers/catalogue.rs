//! The public catalogue: published courses and research offers found by words (the database's
//! full-text index), narrowed by filters, in a chosen order, a page at a time.
//!
//! Pages are keyset-paginated (the next page starts after the last row's sort key and id, so a
//! deep page costs what the first does and rows published meanwhile never repeat one). A page is
//! three statements whatever its size: the rows, the total, and the rows' competencies.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryOrder, QuerySelect, Statement,
    Value,
};

use super::detail::{card, tags};
use crate::backend::entities::competency;
use crate::backend::search::{Term, postgres_tsquery, query_terms, sqlite_match};
use crate::error::AppError;
use crate::model::{
    CATALOGUE_COUNT_CAP, CATALOGUE_PAGE_SIZE, CatalogueFacets, CataloguePage, CatalogueQuery,
    CatalogueSort, OfferCard, OfferStatus, Price,
};

/// One page of the catalogue for `query`.
pub async fn search<C: ConnectionTrait>(
    conn: &C,
    query: &CatalogueQuery,
) -> Result<CataloguePage, AppError> {
    let backend = conn.get_database_backend();
    // The URL reader caps the words at 200 characters; a direct call must not skip that.
    let words: String = query.q.chars().take(200).collect();
    let terms = query_terms(&words);
    // Relevance needs words; without them the newest come first.
    let sort = match query.effective_sort() {
        CatalogueSort::Relevance if terms.is_empty() => CatalogueSort::Newest,
        sort => sort,
    };
    let after = query.after.as_deref().and_then(|raw| Cursor::decode(raw, sort));

    let mut page = Sql::new(backend);
    page.push("SELECT * FROM (SELECT o.id, o.kind, o.slug, o.title, o.summary, o.mode, ");
    page.push("o.region_code, o.fee_rupiah, o.starts_on, o.published_at, u.name AS university, ");
    page.push("cd.jp, ");
    page.push_score(&terms, sort);
    page.push(" AS score, ");
    // Research offers have no first day: they sort after every course.
    let far = page.bind(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX));
    page.push(&format!("COALESCE(o.starts_on, {far}) AS first_day"));
    page.push_from_and_filters(query, &terms, true);
    page.push(") t");
    if let Some(after) = &after {
        page.push_keyset(after);
    }
    page.push(match sort {
        CatalogueSort::Relevance => " ORDER BY t.score DESC, t.id DESC",
        CatalogueSort::Newest => " ORDER BY t.published_at DESC, t.id DESC",
        CatalogueSort::Soonest => " ORDER BY t.first_day, t.id",
    });
    page.push(&format!(" LIMIT {}", CATALOGUE_PAGE_SIZE + 1));
    let mut rows = Row::find_by_statement(page.statement()).all(conn).await?;

    let mut count = Sql::new(backend);
    // Counted up to one past the cap: the cost of a page stays bounded however many match.
    count.push("SELECT COUNT(*) AS total FROM (SELECT 1");
    count.push_from_and_filters(query, &terms, false);
    count.push(&format!(" LIMIT {}) capped", CATALOGUE_COUNT_CAP + 1));
    let total = Total::find_by_statement(count.statement())
        .one(conn)
        .await?
        .map_or(0, |t| u64::try_from(t.total).unwrap_or(0));

    let next_after = (rows.len() as u64 > CATALOGUE_PAGE_SIZE).then(|| {
        rows.truncate(CATALOGUE_PAGE_SIZE as usize);
        rows.last().map(|last| Cursor::of(last, sort).encode())
    });
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let mut competencies = if ids.is_empty() { Vec::new() } else { tags(conn, &ids).await? };
    let cards: Vec<OfferCard> = rows
        .into_iter()
        .map(|row| {
            let mine = competencies
                .extract_if(.., |(offer_id, _)| *offer_id == row.id)
                .map(|(_, tag)| tag)
                .collect();
            row.into_card(mine)
        })
        .collect();
    Ok(CataloguePage {
        cards,
        total: total.min(CATALOGUE_COUNT_CAP),
        more: total > CATALOGUE_COUNT_CAP,
        next_after: next_after.flatten(),
    })
}

/// The choices of the catalogue's filters: every competency, and the universities that have
/// something published.
pub async fn facets<C: ConnectionTrait>(conn: &C) -> Result<CatalogueFacets, AppError> {
    let competencies = competency::Entity::find()
        .select_only()
        .column(competency::Column::Code)
        .column(competency::Column::NameId)
        .column(competency::Column::NameEn)
        .column(competency::Column::TypeCode)
        .order_by_asc(competency::Column::Code)
        .into_tuple()
        .all(conn)
        .await?;
    let mut sql = Sql::new(conn.get_database_backend());
    // One index probe per university (a join would read every published offer).
    let university = crate::model::OrganisationKind::University.as_db();
    sql.push_bound("SELECT u.slug, u.name FROM organisations u WHERE u.kind = ", university);
    sql.push_bound(
        " AND EXISTS (SELECT 1 FROM offers o WHERE o.university_id = u.id AND o.status = ",
        OfferStatus::Published.as_db(),
    );
    sql.push(") ORDER BY u.name");
    let universities = University::find_by_statement(sql.statement())
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.slug, u.name))
        .collect();
    Ok(CatalogueFacets { competencies, universities })
}

#[derive(FromQueryResult)]
struct University {
    slug: String,
    name: String,
}

#[derive(FromQueryResult)]
struct Total {
    total: i64,
}

/// A result row.
#[derive(FromQueryResult)]
struct Row {
    id: i32,
    kind: String,
    slug: String,
    title: String,
    summary: String,
    mode: Option<String>,
    region_code: Option<String>,
    fee_rupiah: Option<i64>,
    starts_on: Option<NaiveDate>,
    published_at: Option<DateTime<Utc>>,
    university: String,
    jp: Option<i32>,
    score: i64,
    first_day: NaiveDate,
}

impl Row {
    fn into_card(self, competencies: Vec<crate::model::CompetencyTag>) -> OfferCard {
        let model = crate::backend::entities::offer::Model {
            id: self.id,
            slug: self.slug,
            kind: self.kind,
            university_id: 0,
            title: self.title,
            summary: self.summary,
            description: String::new(),
            status: OfferStatus::Published.as_db().to_owned(),
            mode: self.mode,
            region_code: self.region_code,
            fee_rupiah: self.fee_rupiah,
            starts_on: self.starts_on,
            search_title: String::new(),
            search_keywords: String::new(),
            search_body: String::new(),
            created_by: 0,
            created_at: DateTime::UNIX_EPOCH,
            updated_at: DateTime::UNIX_EPOCH,
            published_at: self.published_at,
        };
        card(model, self.university, self.jp, competencies)
    }
}

/// Where a page starts: the sort key and id of the previous page's last row.
#[derive(Debug, Clone, PartialEq)]
enum Cursor {
    Score(i64, i32),
    Published(DateTime<Utc>, i32),
    FirstDay(NaiveDate, i32),
}

impl Cursor {
    fn of(row: &Row, sort: CatalogueSort) -> Self {
        match sort {
            CatalogueSort::Relevance => Self::Score(row.score, row.id),
            CatalogueSort::Newest => {
                Self::Published(row.published_at.unwrap_or(DateTime::UNIX_EPOCH), row.id)
            }
            CatalogueSort::Soonest => Self::FirstDay(row.first_day, row.id),
        }
    }

    /// `key~id`.
    fn encode(&self) -> String {
        match self {
            Self::Score(score, id) => format!("{score}~{id}"),
            Self::Published(at, id) => format!("{}~{id}", at.to_rfc3339()),
            Self::FirstDay(day, id) => format!("{day}~{id}"),
        }
    }

    /// The cursor in `raw`, if it is one of `sort`'s (a stale or foreign one starts over).
    fn decode(raw: &str, sort: CatalogueSort) -> Option<Self> {
        let (key, id) = raw.rsplit_once('~')?;
        let id = id.parse().ok()?;
        Some(match sort {
            CatalogueSort::Relevance => Self::Score(key.parse().ok()?, id),
            CatalogueSort::Newest => {
                Self::Published(DateTime::parse_from_rfc3339(key).ok()?.to_utc(), id)
            }
            CatalogueSort::Soonest => Self::FirstDay(key.parse().ok()?, id),
        })
    }
}

/// SQL text with its bound values, in either database's placeholder style.
struct Sql {
    backend: DbBackend,
    text: String,
    values: Vec<Value>,
}

impl Sql {
    fn new(backend: DbBackend) -> Self {
        Self { backend, text: String::with_capacity(1024), values: Vec::new() }
    }

    fn push(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Binds `value` and returns its placeholder (to be pushed right away: `?` is positional).
    fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        match self.backend {
            DbBackend::Postgres => format!("${}", self.values.len()),
            _ => "?".to_owned(),
        }
    }

    fn push_bound(&mut self, sql_before: &str, value: impl Into<Value>) {
        self.push(sql_before);
        let placeholder = self.bind(value);
        self.push(&placeholder);
    }

    /// The relevance of a row, or 0 when not sorting by it. Each query word adds 10 when it
    /// is in the title, 4 in the keywords (summary, competencies, university), 1 in the body:
    /// what an offer is about outranks what it mentions, and both databases score alike. The
    /// full-text index has already narrowed the rows to those containing every word.
    fn push_score(&mut self, terms: &[Term], sort: CatalogueSort) {
        if sort != CatalogueSort::Relevance || terms.is_empty() {
            self.push("CAST(0 AS BIGINT)");
            return;
        }
        self.push("CAST(0");
        for term in terms {
            for (column, weight) in
                [("o.search_title", 10), ("o.search_keywords", 4), ("o.search_body", 1)]
            {
                // Tokens are space-separated: " " before the column makes every token start
                // after a space, so `% latih%` finds a token beginning with "latih".
                self.push_bound(
                    &format!(" + CASE WHEN (' ' || {column}) LIKE "),
                    format!("% {}%", term.stem),
                );
                self.push_bound(
                    &format!(" OR (' ' || {column}) LIKE "),
                    format!("% {}%", term.word),
                );
                self.push(&format!(" THEN {weight} ELSE 0 END"));
            }
        }
        self.push(" AS BIGINT)");
    }

    /// `FROM … WHERE …` of a catalogue query: published offers matching the words and filters.
    /// The page joins the university's name and the course's JP; the count needs no join.
    fn push_from_and_filters(&mut self, query: &CatalogueQuery, terms: &[Term], page: bool) {
        self.push(" FROM offers o");
        if page {
            self.push(" JOIN organisations u ON u.id = o.university_id");
            self.push(" LEFT JOIN course_details cd ON cd.offer_id = o.id");
        }
        self.push_bound(" WHERE o.status = ", OfferStatus::Published.as_db());
        // The full-text index as a set: SQLite evaluates the subquery once, where a join let
        // the planner probe the index once per published offer (minutes at 50,000 offers).
        if !terms.is_empty() && self.backend != DbBackend::Postgres {
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
    fn push_keyset(&mut self, after: &Cursor) {
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

    fn statement(self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text, self.values)
    }
}
