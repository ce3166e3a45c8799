//! Agency needs: competency needs (train N civil servants in a competency up to a level) and
//! research needs (a problem an agency wants studied), in one `needs` table with the fields only
//! one kind has in `competency_need_details` / `research_need_details`, the figures an agency
//! attaches as evidence, and every status change.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_organisations::Organisations;
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
        create_needs(manager).await?;
        create_details(manager).await?;
        create_children(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            NeedStatusChanges::Table.into_iden(),
            NeedFigures::Table.into_iden(),
            ResearchNeedDetails::Table.into_iden(),
            CompetencyNeedDetails::Table.into_iden(),
            Needs::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

async fn create_needs(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Needs::Table)
                .col(pk_auto(Needs::Id))
                .col(string_len(Needs::Slug, 120))
                .col(string_len(Needs::Kind, 12).check(Expr::col(Needs::Kind).is_in(KINDS)))
                .col(integer(Needs::AgencyId))
                .col(string_len(Needs::Title, 200))
                .col(string_len(Needs::Summary, 500))
                // The justification of a competency need, the problem statement of a research need.
                .col(text(Needs::Description))
                .col(string_len(Needs::Status, 12).check(Expr::col(Needs::Status).is_in(STATUSES)))
                // Open needs are seen by verified universities; public ones by everyone.
                .col(boolean(Needs::IsPublic))
                // By when the need must be met: training completed, research results delivered.
                .col(date(Needs::Deadline))
                // The budget ceiling (competency) or the budget (research); 0 = none set aside.
                .col(big_integer(Needs::BudgetRupiah).check(Expr::col(Needs::BudgetRupiah).gte(0)))
                .col(integer(Needs::CreatedBy))
                .col(timestamp_with_time_zone(Needs::CreatedAt))
                .col(timestamp_with_time_zone(Needs::UpdatedAt))
                .col(timestamp_with_time_zone_null(Needs::OpenedAt))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_needs_agency")
                        .from(Needs::Table, Needs::AgencyId)
                        .to(Organisations::Table, Organisations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_needs_creator")
                        .from(Needs::Table, Needs::CreatedBy)
                        .to(People::Table, People::Id),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("uq_needs_slug")
                .table(Needs::Table)
                .col(Needs::Slug)
                .unique()
                .to_owned(),
        )
        .await?;
    // The needs list (open needs, newest first) and its keyset.
    manager
        .create_index(
            Index::create()
                .name("ix_needs_status")
                .table(Needs::Table)
                .col(Needs::Status)
                .col(Needs::Id)
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_needs_agency")
                .table(Needs::Table)
                .col(Needs::AgencyId)
                .col(Needs::Id)
                .to_owned(),
        )
        .await
}

async fn create_details(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(CompetencyNeedDetails::Table)
                .col(integer(CompetencyNeedDetails::NeedId).primary_key())
                .col(integer(CompetencyNeedDetails::CompetencyId))
                .col(
                    small_integer(CompetencyNeedDetails::TargetLevel)
                        .check(Expr::col(CompetencyNeedDetails::TargetLevel).between(1, 5)),
                )
                // How many civil servants are to reach the level.
                .col(
                    integer(CompetencyNeedDetails::Headcount)
                        .check(Expr::col(CompetencyNeedDetails::Headcount).between(1, 100_000)),
                )
                // The units concerned, one per line.
                .col(text(CompetencyNeedDetails::Units))
                // Null: any mode suits the agency.
                .col(
                    string_len_null(CompetencyNeedDetails::PreferredMode, 12).check(
                        Expr::col(CompetencyNeedDetails::PreferredMode)
                            .is_null()
                            .or(Expr::col(CompetencyNeedDetails::PreferredMode).is_in(MODES)),
                    ),
                )
                // BPS code of the preferred kabupaten/kota; null: anywhere in Lampung.
                .col(string_len_null(CompetencyNeedDetails::RegionCode, 4))
                .foreign_key(&mut belongs_to_need(
                    "fk_competency_need_details_need",
                    CompetencyNeedDetails::Table,
                ))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_competency_need_details_competency")
                        .from(CompetencyNeedDetails::Table, CompetencyNeedDetails::CompetencyId)
                        .to(Alias::new("competencies"), Alias::new("id")),
                )
                .to_owned(),
        )
        .await?;
    // Matching reads needs by competency and level.
    manager
        .create_index(
            Index::create()
                .name("ix_competency_need_details_competency")
                .table(CompetencyNeedDetails::Table)
                .col(CompetencyNeedDetails::CompetencyId)
                .col(CompetencyNeedDetails::TargetLevel)
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(ResearchNeedDetails::Table)
                .col(integer(ResearchNeedDetails::NeedId).primary_key())
                // What the agency expects to receive, in its own words.
                .col(text(ResearchNeedDetails::ExpectedOutput))
                // The kinds of output, comma-separated codes (policy_brief, evaluation, …).
                .col(string_len(ResearchNeedDetails::Outputs, 200))
                // The earliest start; the need's deadline ends the timeline.
                .col(date(ResearchNeedDetails::StartsOn))
                .foreign_key(&mut belongs_to_need(
                    "fk_research_need_details_need",
                    ResearchNeedDetails::Table,
                ))
                .to_owned(),
        )
        .await
}

async fn create_children(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    // Evidence: e.g. SP4N-LAPOR! complaints per unit per month.
    manager
        .create_table(
            Table::create()
                .table(NeedFigures::Table)
                .col(integer(NeedFigures::NeedId))
                .col(small_integer(NeedFigures::Position))
                .col(string_len(NeedFigures::Unit, 200))
                // The first day of the month the figure counts.
                .col(date(NeedFigures::Month))
                .col(string_len(NeedFigures::Measure, 200))
                .col(big_integer(NeedFigures::Value).check(Expr::col(NeedFigures::Value).gte(0)))
                .primary_key(Index::create().col(NeedFigures::NeedId).col(NeedFigures::Position))
                .foreign_key(&mut belongs_to_need("fk_need_figures_need", NeedFigures::Table))
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(NeedStatusChanges::Table)
                .col(pk_auto(NeedStatusChanges::Id))
                .col(integer(NeedStatusChanges::NeedId))
                .col(string_len_null(NeedStatusChanges::FromStatus, 12))
                .col(string_len(NeedStatusChanges::ToStatus, 12))
                .col(integer(NeedStatusChanges::ChangedBy))
                .col(timestamp_with_time_zone(NeedStatusChanges::ChangedAt))
                .col(string_len(NeedStatusChanges::Note, 1000))
                .foreign_key(&mut belongs_to_need(
                    "fk_need_status_changes_need",
                    NeedStatusChanges::Table,
                ))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_need_status_changes_person")
                        .from(NeedStatusChanges::Table, NeedStatusChanges::ChangedBy)
                        .to(People::Table, People::Id),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_need_status_changes_need")
                .table(NeedStatusChanges::Table)
                .col(NeedStatusChanges::NeedId)
                .to_owned(),
        )
        .await
}

/// A row that lives and dies with its need.
fn belongs_to_need(name: &str, table: impl IntoTableRef) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, Alias::new("need_id"))
        .to(Needs::Table, Needs::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

const KINDS: [&str; 2] = ["competency", "research"];
const STATUSES: [&str; 5] = ["draft", "open", "matched", "fulfilled", "closed"];
const MODES: [&str; 3] = ["tatap_muka", "daring", "blended"];

#[derive(DeriveIden)]
pub enum Needs {
    Table,
    Id,
    Slug,
    Kind,
    AgencyId,
    Title,
    Summary,
    Description,
    Status,
    IsPublic,
    Deadline,
    BudgetRupiah,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    OpenedAt,
}

#[derive(DeriveIden)]
pub enum CompetencyNeedDetails {
    Table,
    NeedId,
    CompetencyId,
    TargetLevel,
    Headcount,
    Units,
    PreferredMode,
    RegionCode,
}

#[derive(DeriveIden)]
pub enum ResearchNeedDetails {
    Table,
    NeedId,
    ExpectedOutput,
    Outputs,
    StartsOn,
}

#[derive(DeriveIden)]
pub enum NeedFigures {
    Table,
    NeedId,
    Position,
    Unit,
    Month,
    Measure,
    Value,
}

#[derive(DeriveIden)]
pub enum NeedStatusChanges {
    Table,
    Id,
    NeedId,
    FromStatus,
    ToStatus,
    ChangedBy,
    ChangedAt,
    Note,
}
