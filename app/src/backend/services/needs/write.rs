//! Writing a need: create a draft, save changes (while draft or open), with its details and the
//! figures given as evidence.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionTrait,
};

use super::{authoring_agency, for_editing, record_status};
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{
    competency, competency_need_detail, need, need_figure, organisation, research_need_detail,
};
use crate::backend::services::slugs::free_slug;
use crate::domain::calendar::WIB;
use crate::error::AppError;
use crate::model::{
    FieldError, NeedDetails, NeedDraft, NeedStatus, Region, ResearchOutput, ValidationCode,
};

/// Creates a draft need of the agency `agency_slug`; returns its slug.
pub async fn create_need<C>(
    conn: &C,
    actor: &Actor,
    agency_slug: &str,
    draft: &NeedDraft,
) -> Result<String, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    check(draft)?;
    let txn = db::begin_write(conn).await?;
    let agency = authoring_agency(&txn, actor, agency_slug).await?;
    let (_, slug) = insert_need(&txn, &agency, actor.person_id, draft).await?;
    txn.commit().await?;
    Ok(slug)
}

/// Writes a validated draft need by `author_id`; its id and slug. The caller checked that the
/// author may and holds the transaction (the demo seed writes many in one).
pub(crate) async fn insert_need<C: ConnectionTrait>(
    conn: &C,
    agency: &organisation::Model,
    author_id: i32,
    draft: &NeedDraft,
) -> Result<(i32, String), AppError> {
    let competency = resolve_competency(conn, draft).await?;
    let slug =
        free_slug::<need::Entity, _>(conn, need::Column::Slug, &draft.title, "kebutuhan").await?;
    let now = Utc::now();
    let mut row = need::ActiveModel {
        slug: Set(slug.clone()),
        kind: Set(draft.kind().as_db().to_owned()),
        agency_id: Set(agency.id),
        status: Set(NeedStatus::Draft.as_db().to_owned()),
        created_by: Set(author_id),
        created_at: Set(now),
        opened_at: Set(None),
        ..Default::default()
    };
    fill(&mut row, draft);
    let created = row.insert(conn).await?;
    write_details(conn, created.id, draft, competency.as_ref()).await?;
    record_status(conn, created.id, None, NeedStatus::Draft, author_id, "").await?;
    Ok((created.id, slug))
}

/// Saves a new version of the need `slug` (its slug and kind stay).
pub async fn update_need<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    draft: &NeedDraft,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    check(draft)?;
    let txn = db::begin_write(conn).await?;
    let found = for_editing(&txn, actor, slug).await?;
    if found.kind != draft.kind().as_db() {
        return Err(AppError::Invalid(vec![FieldError::new("kind", ValidationCode::Malformed)]));
    }
    let competency = resolve_competency(&txn, draft).await?;
    let id = found.id;
    let mut row: need::ActiveModel = found.into();
    fill(&mut row, draft);
    row.update(&txn).await?;
    competency_need_detail::Entity::delete_by_id(id).exec(&txn).await?;
    research_need_detail::Entity::delete_by_id(id).exec(&txn).await?;
    need_figure::Entity::delete_many()
        .filter(need_figure::Column::NeedId.eq(id))
        .exec(&txn)
        .await?;
    write_details(&txn, id, draft, competency.as_ref()).await?;
    txn.commit().await?;
    Ok(())
}

/// The draft's own rules, and the deadline still ahead (in Lampung's calendar).
fn check(draft: &NeedDraft) -> Result<(), AppError> {
    let mut errors = draft.validate().err().unwrap_or_default();
    let today = Utc::now().with_timezone(&WIB).date_naive();
    if draft.deadline < today && !errors.iter().any(|e| e.field == "deadline") {
        errors.push(FieldError::new("deadline", ValidationCode::InThePast));
    }
    if errors.is_empty() { Ok(()) } else { Err(AppError::Invalid(errors)) }
}

/// The dictionary entry a competency need names; an unknown code is a field error.
async fn resolve_competency<C: ConnectionTrait>(
    conn: &C,
    draft: &NeedDraft,
) -> Result<Option<competency::Model>, AppError> {
    let NeedDetails::Competency(need) = &draft.details else { return Ok(None) };
    competency::Entity::find()
        .filter(competency::Column::Code.eq(need.competency.trim()))
        .one(conn)
        .await?
        .map(Some)
        .ok_or_else(|| {
            AppError::Invalid(vec![FieldError::new("competency", ValidationCode::UnknownChoice)])
        })
}

/// The `needs` columns of a draft.
fn fill(row: &mut need::ActiveModel, draft: &NeedDraft) {
    row.title = Set(draft.title.trim().to_owned());
    row.summary = Set(draft.summary.trim().to_owned());
    row.description = Set(draft.description.trim().to_owned());
    row.is_public = Set(draft.is_public);
    row.deadline = Set(draft.deadline);
    row.budget_rupiah = Set(draft.budget_rupiah);
    row.updated_at = Set(Utc::now());
}

/// The kind's details and the figures of the need `need_id`.
async fn write_details<C: ConnectionTrait>(
    conn: &C,
    need_id: i32,
    draft: &NeedDraft,
    competency: Option<&competency::Model>,
) -> Result<(), AppError> {
    crate::backend::services::matching::need_changed(conn, need_id).await?;
    // The draft was validated: these narrowing conversions cannot fail.
    let narrow = |value: i64| i32::try_from(value).map_err(AppError::internal);
    match (&draft.details, competency) {
        (NeedDetails::Competency(need), Some(competency)) => {
            competency_need_detail::ActiveModel {
                need_id: Set(need_id),
                competency_id: Set(competency.id),
                target_level: Set(i16::try_from(need.target_level).map_err(AppError::internal)?),
                headcount: Set(narrow(need.headcount)?),
                units: Set(need.units.iter().map(|u| u.trim()).collect::<Vec<_>>().join("\n")),
                preferred_mode: Set(need.preferred_mode.map(|m| m.as_db().to_owned())),
                region_code: Set(
                    Region::by_code(need.region_code.trim()).map(|r| r.code.to_owned())
                ),
            }
            .insert(conn)
            .await?;
        }
        (NeedDetails::Research(need), _) => {
            research_need_detail::ActiveModel {
                need_id: Set(need_id),
                expected_output: Set(need.expected_output.trim().to_owned()),
                outputs: Set(ResearchOutput::join(&need.outputs)),
                starts_on: Set(need.starts_on),
            }
            .insert(conn)
            .await?;
        }
        (NeedDetails::Competency(_), None) => {
            return Err(AppError::internal("competency need without its competency"));
        }
    }
    if draft.figures.is_empty() {
        return Ok(());
    }
    need_figure::Entity::insert_many(draft.figures.iter().zip(0i16..).map(|(f, position)| {
        need_figure::ActiveModel {
            need_id: Set(need_id),
            position: Set(position),
            unit: Set(f.unit.trim().to_owned()),
            month: Set(f.month),
            measure: Set(f.measure.trim().to_owned()),
            value: Set(f.value),
        }
    }))
    .exec_without_returning(conn)
    .await?;
    Ok(())
}
