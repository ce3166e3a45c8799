//! Headline counts of the portal, for the home page.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};

use crate::backend::entities::{competency, membership, organisation};
use crate::error::AppError;
use crate::model::{OrganisationKind, PortalCounts, Role};

/// Counts verified universities and agencies, civil servants (a person in two agencies counts
/// once) and dictionary competencies.
pub async fn portal_counts<C: ConnectionTrait>(conn: &C) -> Result<PortalCounts, AppError> {
    let organisations = |kind: OrganisationKind| {
        organisation::Entity::find()
            .filter(organisation::Column::Kind.eq(kind.as_db()))
            .filter(organisation::Column::Verified.eq(true))
            .count(conn)
    };
    Ok(PortalCounts {
        universities: organisations(OrganisationKind::University).await?,
        agencies: organisations(OrganisationKind::Agency).await?,
        civil_servants: membership::Entity::find()
            .filter(membership::Column::Role.eq(Role::Asn.as_db()))
            .select_only()
            .column(membership::Column::PersonId)
            .distinct()
            .count(conn)
            .await?,
        competencies: competency::Entity::find().count(conn).await?,
    })
}
