//! A university's dashboard for its members and the province: the evaluation of all its
//! courses, its offers and their enrollments by status, completion per course, and its
//! collaborations by status.

use std::collections::BTreeMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
};

use crate::backend::auth::Actor;
use crate::backend::entities::{collaboration, offer, organisation};
use crate::backend::services::evaluations;
use crate::backend::sql::Sql;
use crate::error::AppError;
use crate::model::{
    Chart, ChartKey, ChartLabel, ChartRow, CollaborationStatus, EnrollmentStatus, OfferStatus,
    OrganisationKind, Role, UniversityDashboard, percent,
};

/// Courses the completion chart lists: those with the most ended enrollments.
const COURSES_SHOWN: u64 = 10;

/// The dashboard of the university `slug`; its coordinators, its academics and the province.
pub async fn university_dashboard<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<UniversityDashboard, AppError> {
    let university = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .filter(organisation::Column::Kind.eq(OrganisationKind::University.as_db()))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let id = university.id;
    let member =
        actor.has_role_in(Role::UniversityCoordinator, id) || actor.has_role_in(Role::Academic, id);
    Actor::require(member || actor.is_province_admin())?;
    let evaluation =
        evaluations::university_summaries(conn, &[id]).await?.remove(&id).unwrap_or_default();
    Ok(UniversityDashboard {
        slug: university.slug,
        name: university.name,
        evaluation,
        charts: vec![
            Chart::new(ChartKey::OffersByStatus, offers_by_status(conn, id).await?),
            Chart::new(ChartKey::EnrollmentsByStatus, enrollments_by_status(conn, id).await?),
            Chart::new(ChartKey::CompletionByCourse, completion_by_course(conn, id).await?),
            Chart::new(ChartKey::CollaborationsByStatus, collaborations_by_status(conn, id).await?),
        ],
    })
}

async fn offers_by_status<C: ConnectionTrait>(
    conn: &C,
    university_id: i32,
) -> Result<Vec<ChartRow>, AppError> {
    let counts: BTreeMap<String, i64> = offer::Entity::find()
        .select_only()
        .column(offer::Column::Status)
        .column_as(offer::Column::Id.count(), "n")
        .filter(offer::Column::UniversityId.eq(university_id))
        .group_by(offer::Column::Status)
        .into_tuple::<(String, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    Ok(OfferStatus::ALL
        .into_iter()
        .filter_map(|s| Some(row(ChartLabel::Offer(s), *counts.get(s.as_db())?)))
        .collect())
}

async fn collaborations_by_status<C: ConnectionTrait>(
    conn: &C,
    university_id: i32,
) -> Result<Vec<ChartRow>, AppError> {
    let counts: BTreeMap<String, i64> = collaboration::Entity::find()
        .select_only()
        .column(collaboration::Column::Status)
        .column_as(collaboration::Column::Id.count(), "n")
        .filter(collaboration::Column::UniversityId.eq(university_id))
        .group_by(collaboration::Column::Status)
        .into_tuple::<(String, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    Ok([
        CollaborationStatus::Agreed,
        CollaborationStatus::Running,
        CollaborationStatus::Completed,
        CollaborationStatus::Cancelled,
    ]
    .into_iter()
    .filter_map(|s| Some(row(ChartLabel::Collaboration(s), *counts.get(s.as_db())?)))
    .collect())
}

/// Enrollments in the university's courses by status: one grouped statement.
async fn enrollments_by_status<C: ConnectionTrait>(
    conn: &C,
    university_id: i32,
) -> Result<Vec<ChartRow>, AppError> {
    #[derive(FromQueryResult)]
    struct Count {
        status: String,
        n: i64,
    }
    let mut sql = Sql::new(conn.get_database_backend());
    sql.push(
        "SELECT e.status AS status, CAST(COUNT(*) AS BIGINT) AS n FROM enrollments e \
         JOIN offers o ON o.id = e.offer_id WHERE ",
    );
    sql.push_bound("o.university_id = ", university_id);
    sql.push(" GROUP BY e.status");
    let counts: BTreeMap<String, i64> = Count::find_by_statement(sql.statement())
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.status, c.n))
        .collect();
    Ok(EnrollmentStatus::ALL
        .into_iter()
        .filter_map(|s| Some(row(ChartLabel::Enrollment(s), *counts.get(s.as_db())?)))
        .collect())
}

/// The completion rate (percent, one decimal) of the courses with the most ended enrollments.
async fn completion_by_course<C: ConnectionTrait>(
    conn: &C,
    university_id: i32,
) -> Result<Vec<ChartRow>, AppError> {
    #[derive(FromQueryResult)]
    struct Ended {
        title: String,
        ended: i64,
        completed: i64,
    }
    let mut sql = Sql::new(conn.get_database_backend());
    sql.push(
        "SELECT o.title AS title, CAST(COUNT(*) AS BIGINT) AS ended, \
         CAST(SUM(CASE WHEN e.status = ",
    );
    sql.push_bound("", EnrollmentStatus::Completed.as_db());
    sql.push(
        " THEN 1 ELSE 0 END) AS BIGINT) AS completed FROM enrollments e \
         JOIN offers o ON o.id = e.offer_id WHERE e.status IN ",
    );
    sql.push_list([EnrollmentStatus::Completed.as_db(), EnrollmentStatus::NotCompleted.as_db()]);
    sql.push_bound(" AND o.university_id = ", university_id);
    sql.push(&format!(
        " GROUP BY o.id, o.title ORDER BY ended DESC, o.title LIMIT {COURSES_SHOWN}"
    ));
    Ok(Ended::find_by_statement(sql.statement())
        .all(conn)
        .await?
        .into_iter()
        .map(|c| ChartRow {
            label: ChartLabel::Named { id: c.title.clone(), en: c.title },
            value: (percent(c.completed, c.ended) * 10.0).round() / 10.0,
        })
        .collect())
}

fn row(label: ChartLabel, n: i64) -> ChartRow {
    ChartRow { label, value: n as f64 }
}
