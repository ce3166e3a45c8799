//! `Actor`: the signed-in person with their roles per organisation, as every service sees them.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::sessions::SessionToken;
use crate::backend::entities::{membership, person};
use crate::error::AppError;
use crate::model::{OrganisationKind, Role};

/// One role in one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleGrant {
    pub organisation_id: i32,
    pub role: Role,
}

/// A signed-in person. Services take it and check permissions themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub person_id: i32,
    pub full_name: String,
    pub grants: Vec<RoleGrant>,
}

impl Actor {
    /// Whether the actor holds `role` in `organisation_id`.
    pub fn has_role_in(&self, role: Role, organisation_id: i32) -> bool {
        self.grants.iter().any(|g| g.role == role && g.organisation_id == organisation_id)
    }

    /// Whether the actor holds `role` in any organisation.
    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    /// Whether the actor administers the organisation: a university's coordinator, an agency's
    /// lead, or a province administrator of the province office.
    pub fn administers(&self, organisation_id: i32, kind: OrganisationKind) -> bool {
        self.has_role_in(Role::administrator_of(kind), organisation_id)
    }

    /// The organisations where the actor holds `role`.
    pub fn organisations_as(&self, role: Role) -> Vec<i32> {
        self.grants.iter().filter(|g| g.role == role).map(|g| g.organisation_id).collect()
    }

    /// The agency the actor is a civil servant (ASN) of: where they enroll and keep their JP.
    pub fn staff_agency(&self) -> Option<i32> {
        self.grants.iter().find(|g| g.role == Role::Asn).map(|g| g.organisation_id)
    }

    /// Whether the actor is a province administrator (verifies organisations, sees all).
    pub fn is_province_admin(&self) -> bool {
        self.has_role(Role::ProvinceAdmin)
    }

    /// `Forbidden` unless `allowed`: the last line of every permission check.
    pub fn require(allowed: bool) -> Result<(), AppError> {
        if allowed { Ok(()) } else { Err(AppError::Forbidden) }
    }

    /// Loads the actor of an active person; `None` for unknown or deactivated people.
    pub async fn load<C: ConnectionTrait>(
        conn: &C,
        person_id: i32,
    ) -> Result<Option<Self>, AppError> {
        let Some(found) = person::Entity::find_by_id(person_id)
            .filter(person::Column::DeactivatedAt.is_null())
            .one(conn)
            .await?
        else {
            return Ok(None);
        };
        let grants = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(person_id))
            .all(conn)
            .await?
            .into_iter()
            .filter_map(|m| {
                Role::from_db(&m.role)
                    .map(|role| RoleGrant { organisation_id: m.organisation_id, role })
            })
            .collect();
        Ok(Some(Self { person_id, full_name: found.full_name, grants }))
    }
}

/// What the session middleware learned about a request, kept in its extensions.
#[derive(Debug, Clone, Default)]
pub struct CurrentSession {
    /// The token of a live session, if the request carried one.
    pub token: Option<SessionToken>,
    /// The signed-in person, if any.
    pub actor: Option<Actor>,
    /// The data (JSON) of a live session nobody has signed in to: e.g. an identity from a
    /// login provider waiting to request access.
    pub pre_login_data: Option<String>,
}

impl CurrentSession {
    /// The session of the request being handled (server functions and pages).
    pub fn of_request() -> Self {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Self>().cloned())
            .unwrap_or_default()
    }

    /// The signed-in actor, or `Unauthenticated`.
    pub fn require_actor(&self) -> Result<&Actor, AppError> {
        self.actor.as_ref().ok_or(AppError::Unauthenticated)
    }
}
