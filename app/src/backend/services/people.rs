//! People: profiles and organisation member lists, under the tenant rules.
//!
//! A person is visible to themselves, to the administrators of an organisation they belong to,
//! and to province administrators. Anyone else is told the person does not exist (`NotFound`),
//! so an agency cannot even learn which people another agency has.

use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

use super::organisations::{administered_by, kind_of, summary};
use crate::backend::auth::{Actor, sessions};
use crate::backend::db;
use crate::backend::entities::{membership, organisation, person};
use crate::error::{AppError, ConflictReason};
use crate::model::{MemberRow, MembershipView, PersonProfile, Role};

/// The ids of the agency's civil servants, as a subquery: an agency may have thousands, so
/// callers filter with `in_subquery` rather than fetching a list of ids.
pub(crate) fn staff_ids(agency_id: i32) -> SelectStatement {
    Query::select()
        .column(membership::Column::PersonId)
        .from(membership::Entity)
        .and_where(membership::Column::OrganisationId.eq(agency_id))
        .and_where(membership::Column::Role.eq(Role::Asn.as_db()))
        .to_owned()
}

/// The agency's active civil servants (only those of `only`, when given), each with their
/// membership, in no particular order.
pub(crate) async fn active_staff<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
    only: Option<Vec<i32>>,
) -> Result<Vec<(membership::Model, person::Model)>, AppError> {
    let mut query = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(agency_id))
        .filter(membership::Column::Role.eq(Role::Asn.as_db()));
    if let Some(ids) = only {
        query = query.filter(membership::Column::PersonId.is_in(ids));
    }
    let rows = query.find_also_related(person::Entity).all(conn).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(m, p)| Some((m, p.filter(|p| p.deactivated_at.is_none())?)))
        .collect())
}

/// A person's memberships with their organisations.
async fn memberships_of<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<(membership::Model, organisation::Model)>, AppError> {
    let rows = membership::Entity::find()
        .filter(membership::Column::PersonId.eq(person_id))
        .find_also_related(organisation::Entity)
        .order_by_asc(membership::Column::Id)
        .all(conn)
        .await?;
    Ok(rows.into_iter().filter_map(|(m, o)| o.map(|o| (m, o))).collect())
}

/// Whether `actor` administers any of these organisations.
fn administers_any(
    actor: &Actor,
    memberships: &[(membership::Model, organisation::Model)],
) -> bool {
    memberships.iter().any(|(_, o)| kind_of(o).is_ok_and(|kind| actor.administers(o.id, kind)))
}

/// The profile of `person_id`, if `actor` may see it (else `NotFound`).
pub async fn profile<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    person_id: i32,
) -> Result<PersonProfile, AppError> {
    let found = person::Entity::find_by_id(person_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let memberships = memberships_of(conn, person_id).await?;
    let visible = actor.person_id == person_id
        || actor.is_province_admin()
        || administers_any(actor, &memberships);
    if !visible {
        return Err(AppError::NotFound);
    }
    // Administrators see the person's roles in their own organisations only; what the person
    // is elsewhere is that organisation's business.
    let sees_all = actor.person_id == person_id || actor.is_province_admin();
    let memberships = memberships
        .into_iter()
        .filter(|(_, o)| sees_all || kind_of(o).is_ok_and(|kind| actor.administers(o.id, kind)))
        .filter_map(|(m, o)| {
            let role = Role::from_db(&m.role)?;
            Some(summary(&o).map(|organisation| MembershipView {
                organisation,
                role,
                position: m.position,
                unit: m.unit,
                rank: m.rank,
            }))
        })
        .collect::<Result<_, _>>()?;
    Ok(PersonProfile {
        person_id: found.id,
        full_name: found.full_name,
        email: found.email,
        nip: found.nip,
        active: found.deactivated_at.is_none(),
        memberships,
    })
}

/// The organisation's administrators (and province administrators): everyone holding a role
/// there, by name.
pub async fn members<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<Vec<MemberRow>, AppError> {
    let (organisation, _) = administered_by(conn, actor, slug).await?;
    let rows = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation.id))
        .find_also_related(person::Entity)
        .order_by_asc(membership::Column::Id)
        .all(conn)
        .await?;
    let mut by_person: BTreeMap<(String, i32), MemberRow> = BTreeMap::new();
    for (m, p) in rows {
        let Some(p) = p else { continue };
        let row = by_person.entry((p.full_name.clone(), p.id)).or_insert_with(|| MemberRow {
            person_id: p.id,
            full_name: p.full_name,
            email: p.email,
            nip: p.nip,
            roles: Vec::new(),
            position: None,
            unit: None,
            active: p.deactivated_at.is_none(),
        });
        row.roles.extend(Role::from_db(&m.role));
        row.position = row.position.take().or(m.position);
        row.unit = row.unit.take().or(m.unit);
    }
    Ok(by_person.into_values().collect())
}

/// Deactivates (`active = false`) or reactivates a member's account. Deactivation ends every
/// session of the person at once.
///
/// Allowed to a province administrator, or to an administrator of `slug` when every
/// organisation the person belongs to is one the actor administers: an agency lead cannot lock
/// out a lecturer who also teaches at a university. Nobody deactivates their own account.
pub async fn set_active<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    person_id: i32,
    active: bool,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    let (organisation, _) = administered_by(conn, actor, slug).await?;
    let txn = db::begin_write(conn).await?;
    let memberships = memberships_of(&txn, person_id).await?;
    if !memberships.iter().any(|(_, o)| o.id == organisation.id) {
        return Err(AppError::NotFound);
    }
    if person_id == actor.person_id {
        return Err(AppError::Conflict(ConflictReason::OwnAccount));
    }
    let administers_all =
        memberships.iter().all(|(_, o)| kind_of(o).is_ok_and(|kind| actor.administers(o.id, kind)));
    Actor::require(actor.is_province_admin() || administers_all)?;
    let found = person::Entity::find_by_id(person_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    if found.deactivated_at.is_none() == active {
        return Ok(()); // already so: a repeated form post changes nothing
    }
    let mut change: person::ActiveModel = found.into();
    change.deactivated_at = Set(if active { None } else { Some(Utc::now()) });
    change.update(&txn).await?;
    if !active {
        sessions::end_all_for_person(&txn, person_id).await?;
    }
    txn.commit().await?;
    tracing::info!(person = person_id, active, by = actor.person_id, "account activation changed");
    Ok(())
}
