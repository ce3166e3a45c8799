//! The public catalogue: published courses and research offers found by words (the database's
//! full-text index), narrowed by filters, in a chosen order, a page at a time.
//!
//! Pages are keyset-paginated (the next page starts after the last row's sort key and id, so a
//! deep page costs what the first does and rows published meanwhile never repeat one). A page is
//! three statements whatever its size: the rows, the total, and the rows' competencies. The SQL
//! itself is built in `catalogue_sql`.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, FromQueryResult, QueryOrder, QuerySelect};

use super::detail::{card, tags};
use crate::backend::entities::competency;
use crate::backend::search::query_terms;
use crate::backend::sql::Sql;
use crate::domain::calendar::WIB;
use crate::error::AppError;
use crate::model::{
    CATALOGUE_COUNT_CAP, CATALOGUE_PAGE_SIZE, CatalogueFacets, CataloguePage, CatalogueQuery,
    CatalogueSort, OfferCard, OfferStatus,
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
    // The page's rows are chosen from the offers alone (id and sort keys); only those twenty
    // are then joined with their university and course details. Joining every match first
    // cost two more row reads per match of a common word.
    page.push("SELECT o.id, o.kind, o.slug, o.title, o.summary, o.mode, o.region_code, ");
    page.push("o.fee_rupiah, o.starts_on, o.published_at, u.name AS university, cd.jp, ");
    page.push("p.score, p.first_day FROM (SELECT * FROM (SELECT o.id, o.published_at, ");
    page.push_score(&terms, sort);
    page.push(" AS score, ");
    // "Soonest" means the next to start: courses that have begun (still listed while they
    // run) sort after the coming ones, with research offers, which have no first day.
    let today = page.bind(Utc::now().with_timezone(&WIB).date_naive());
    page.push(&format!("COALESCE(CASE WHEN o.starts_on >= {today} THEN o.starts_on END, "));
    let far = page.bind(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX));
    page.push(&format!("{far}) AS first_day"));
    page.push_from_and_filters(query, &terms);
    page.push(") t");
    if let Some(after) = &after {
        page.push_keyset(after);
    }
    page.push(&order_by(sort, "t"));
    page.push(&format!(" LIMIT {}) p", CATALOGUE_PAGE_SIZE + 1));
    page.push(" JOIN offers o ON o.id = p.id JOIN organisations u ON u.id = o.university_id");
    page.push(" LEFT JOIN course_details cd ON cd.offer_id = o.id");
    page.push(&order_by(sort, "p"));
    let mut rows = Row::find_by_statement(page.statement()).all(conn).await?;

    let mut count = Sql::new(backend);
    // Counted up to one past the cap: the cost of a page stays bounded however many match.
    count.push("SELECT COUNT(*) AS total FROM (SELECT 1");
    count.push_from_and_filters(query, &terms);
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

/// ` ORDER BY …` of `sort` over the columns of the derived table `alias`.
fn order_by(sort: CatalogueSort, alias: &str) -> String {
    match sort {
        CatalogueSort::Relevance => format!(" ORDER BY {alias}.score DESC, {alias}.id DESC"),
        CatalogueSort::Newest => format!(" ORDER BY {alias}.published_at DESC, {alias}.id DESC"),
        CatalogueSort::Soonest => format!(" ORDER BY {alias}.first_day, {alias}.id"),
    }
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
pub(super) enum Cursor {
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
