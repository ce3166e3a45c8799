//! Headline counts of the portal, for the home page.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::backend::entities::{competency, membership, organisation};
use crate::error::AppError;
use crate::model::{OrganisationKind, PortalCounts};

/// Counts verified universities and agencies, ASN members and dictionary competencies.
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
            .filter(membership::Column::Role.eq("asn"))
            .count(conn)
            .await?,
        competencies: competency::Entity::find().count(conn).await?,
    })
}
