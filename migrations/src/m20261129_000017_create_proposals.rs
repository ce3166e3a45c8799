//! From a match to a collaboration: a university's proposal for a need (an existing offer as it
//! is, or a programme tailored for the agency), and the collaboration an accepted proposal
//! becomes — at most one per need.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_organisations::Organisations;
use crate::m20261128_000002_create_people::People;

#[derive(DeriveMigrationName)]
pub struct Migration;

const KINDS: [&str; 2] = ["existing", "tailored"];
const PROPOSAL_STATUSES: [&str; 4] = ["submitted", "accepted", "declined", "withdrawn"];
const COLLABORATION_STATUSES: [&str; 4] = ["agreed", "running", "completed", "cancelled"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// SQLite too: a failed migration must not leave the schema half-applied.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_proposals(manager).await?;
        create_collaborations(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Collaborations::Table.into_iden(), Proposals::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

fn to_needs(name: &str, table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Alias::new("needs"), Alias::new("id"))
        .to_owned()
}

fn to_offers(name: &str, table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Alias::new("offers"), Alias::new("id"))
        .to_owned()
}

fn to_people(name: &str, table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create().name(name).from(table, column).to(People::Table, People::Id).to_owned()
}

fn to_organisations(
    name: &str,
    table: impl IntoIden,
    column: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Organisations::Table, Organisations::Id)
        .to_owned()
}

async fn create_proposals(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Proposals::Table)
                .col(pk_auto(Proposals::Id))
                .col(integer(Proposals::NeedId))
                .col(integer(Proposals::UniversityId))
                // `existing`: the offer as published; `tailored`: adapted for this agency.
                .col(string_len(Proposals::Kind, 10).check(Expr::col(Proposals::Kind).is_in(KINDS)))
                // The offer proposed, or the one a tailored programme builds on (may be none).
                .col(integer_null(Proposals::OfferId))
                // Competency needs: seats reserved for the agency's staff; research: none.
                .col(
                    integer_null(Proposals::Seats).check(
                        Expr::col(Proposals::Seats)
                            .is_null()
                            .or(Expr::col(Proposals::Seats).between(1, 100_000)),
                    ),
                )
                // What the agency pays in all.
                .col(
                    big_integer(Proposals::PriceRupiah)
                        .check(Expr::col(Proposals::PriceRupiah).gte(0)),
                )
                .col(date(Proposals::StartsOn))
                .col(date(Proposals::EndsOn))
                // Research: the outputs promised, comma-separated codes; courses: empty.
                .col(string_len(Proposals::Outputs, 200))
                .col(text(Proposals::Message))
                .col(
                    string_len(Proposals::Status, 10)
                        .check(Expr::col(Proposals::Status).is_in(PROPOSAL_STATUSES)),
                )
                // Why it was declined (by the agency, or because another was accepted).
                .col(string_len(Proposals::DecisionNote, 1000))
                .col(integer(Proposals::CreatedBy))
                .col(timestamp_with_time_zone(Proposals::CreatedAt))
                .col(integer_null(Proposals::DecidedBy))
                .col(timestamp_with_time_zone_null(Proposals::DecidedAt))
                .foreign_key(&mut to_needs(
                    "fk_proposals_need",
                    Proposals::Table,
                    Proposals::NeedId,
                ))
                .foreign_key(&mut to_organisations(
                    "fk_proposals_university",
                    Proposals::Table,
                    Proposals::UniversityId,
                ))
                .foreign_key(&mut to_offers(
                    "fk_proposals_offer",
                    Proposals::Table,
                    Proposals::OfferId,
                ))
                .foreign_key(&mut to_people(
                    "fk_proposals_creator",
                    Proposals::Table,
                    Proposals::CreatedBy,
                ))
                .foreign_key(&mut to_people(
                    "fk_proposals_decider",
                    Proposals::Table,
                    Proposals::DecidedBy,
                ))
                .to_owned(),
        )
        .await?;
    // One proposal under consideration per university and need: a second is a change of mind,
    // made by withdrawing the first.
    manager
        .get_connection()
        .execute_unprepared(
            "CREATE UNIQUE INDEX uq_proposals_submitted ON proposals (need_id, university_id) \
             WHERE status = 'submitted'",
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_proposals_need")
                .table(Proposals::Table)
                .col(Proposals::NeedId)
                .col(Proposals::Status)
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_proposals_university")
                .table(Proposals::Table)
                .col(Proposals::UniversityId)
                .col(Proposals::Status)
                .to_owned(),
        )
        .await
}

async fn create_collaborations(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Collaborations::Table)
                .col(pk_auto(Collaborations::Id))
                .col(integer(Collaborations::NeedId))
                .col(integer(Collaborations::ProposalId))
                .col(integer_null(Collaborations::OfferId))
                .col(integer(Collaborations::UniversityId))
                .col(integer(Collaborations::AgencyId))
                .col(integer_null(Collaborations::ReservedSeats))
                .col(big_integer(Collaborations::PriceRupiah))
                .col(date(Collaborations::StartsOn))
                .col(date(Collaborations::EndsOn))
                .col(string_len(Collaborations::Outputs, 200))
                .col(
                    string_len(Collaborations::Status, 10)
                        .check(Expr::col(Collaborations::Status).is_in(COLLABORATION_STATUSES)),
                )
                // The people each side talks to: the lead who accepted, the proposal's author.
                .col(integer(Collaborations::AgencyContactId))
                .col(integer(Collaborations::UniversityContactId))
                .col(timestamp_with_time_zone(Collaborations::CreatedAt))
                .col(timestamp_with_time_zone(Collaborations::UpdatedAt))
                .foreign_key(&mut to_needs(
                    "fk_collaborations_need",
                    Collaborations::Table,
                    Collaborations::NeedId,
                ))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_collaborations_proposal")
                        .from(Collaborations::Table, Collaborations::ProposalId)
                        .to(Proposals::Table, Proposals::Id),
                )
                .foreign_key(&mut to_offers(
                    "fk_collaborations_offer",
                    Collaborations::Table,
                    Collaborations::OfferId,
                ))
                .foreign_key(&mut to_organisations(
                    "fk_collaborations_university",
                    Collaborations::Table,
                    Collaborations::UniversityId,
                ))
                .foreign_key(&mut to_organisations(
                    "fk_collaborations_agency",
                    Collaborations::Table,
                    Collaborations::AgencyId,
                ))
                .foreign_key(&mut to_people(
                    "fk_collaborations_agency_contact",
                    Collaborations::Table,
                    Collaborations::AgencyContactId,
                ))
                .foreign_key(&mut to_people(
                    "fk_collaborations_university_contact",
                    Collaborations::Table,
                    Collaborations::UniversityContactId,
                ))
                .to_owned(),
        )
        .await?;
    // A need is answered once: the second acceptance of a race fails here.
    for (name, column) in [
        ("uq_collaborations_need", Collaborations::NeedId),
        ("uq_collaborations_proposal", Collaborations::ProposalId),
    ] {
        manager
            .create_index(
                Index::create()
                    .name(name)
                    .table(Collaborations::Table)
                    .col(column)
                    .unique()
                    .to_owned(),
            )
            .await?;
    }
    for (name, column) in [
        ("ix_collaborations_university", Collaborations::UniversityId),
        ("ix_collaborations_agency", Collaborations::AgencyId),
    ] {
        manager
            .create_index(
                Index::create()
                    .name(name)
                    .table(Collaborations::Table)
                    .col(column)
                    .col(Collaborations::Status)
                    .to_owned(),
            )
            .await?;
    }
    Ok(())
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
    NeedId,
    UniversityId,
    Kind,
    OfferId,
    Seats,
    PriceRupiah,
    StartsOn,
    EndsOn,
    Outputs,
    Message,
    Status,
    DecisionNote,
    CreatedBy,
    CreatedAt,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Collaborations {
    Table,
    Id,
    NeedId,
    ProposalId,
    OfferId,
    UniversityId,
    AgencyId,
    ReservedSeats,
    PriceRupiah,
    StartsOn,
    EndsOn,
    Outputs,
    Status,
    AgencyContactId,
    UniversityContactId,
    CreatedAt,
    UpdatedAt,
}
