//! An agency lead's working list on a need's ranking: offers kept on a shortlist, and the
//! universities invited to propose one of their offers (once per offer and need).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000002_create_people::People;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// SQLite too: a failed migration must not leave the schema half-applied.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ShortlistedOffers::Table)
                    .col(integer(ShortlistedOffers::NeedId))
                    .col(integer(ShortlistedOffers::OfferId))
                    .col(integer(ShortlistedOffers::AddedBy))
                    .col(timestamp_with_time_zone(ShortlistedOffers::AddedAt))
                    .primary_key(
                        Index::create()
                            .col(ShortlistedOffers::NeedId)
                            .col(ShortlistedOffers::OfferId),
                    )
                    .foreign_key(&mut to_table(
                        "fk_shortlisted_offers_need",
                        ShortlistedOffers::Table,
                        ShortlistedOffers::NeedId,
                        "needs",
                    ))
                    .foreign_key(&mut to_table(
                        "fk_shortlisted_offers_offer",
                        ShortlistedOffers::Table,
                        ShortlistedOffers::OfferId,
                        "offers",
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_shortlisted_offers_person")
                            .from(ShortlistedOffers::Table, ShortlistedOffers::AddedBy)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProposalInvitations::Table)
                    .col(pk_auto(ProposalInvitations::Id))
                    .col(integer(ProposalInvitations::NeedId))
                    .col(integer(ProposalInvitations::OfferId))
                    .col(integer(ProposalInvitations::InvitedBy))
                    .col(timestamp_with_time_zone(ProposalInvitations::InvitedAt))
                    .foreign_key(&mut to_table(
                        "fk_proposal_invitations_need",
                        ProposalInvitations::Table,
                        ProposalInvitations::NeedId,
                        "needs",
                    ))
                    .foreign_key(&mut to_table(
                        "fk_proposal_invitations_offer",
                        ProposalInvitations::Table,
                        ProposalInvitations::OfferId,
                        "offers",
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_proposal_invitations_person")
                            .from(ProposalInvitations::Table, ProposalInvitations::InvitedBy)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One invitation per offer and need: inviting twice would only send the mail twice.
        manager
            .create_index(
                Index::create()
                    .name("uq_proposal_invitations_need_offer")
                    .table(ProposalInvitations::Table)
                    .col(ProposalInvitations::NeedId)
                    .col(ProposalInvitations::OfferId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [ProposalInvitations::Table.into_iden(), ShortlistedOffers::Table.into_iden()]
        {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

fn to_table(
    name: &str,
    table: impl IntoIden,
    column: impl IntoIden,
    target: &str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Alias::new(target), Alias::new("id"))
        .to_owned()
}

#[derive(DeriveIden)]
enum ShortlistedOffers {
    Table,
    NeedId,
    OfferId,
    AddedBy,
    AddedAt,
}

#[derive(DeriveIden)]
enum ProposalInvitations {
    Table,
    Id,
    NeedId,
    OfferId,
    InvitedBy,
    InvitedAt,
}
