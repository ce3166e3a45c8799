//! Competency assessment: the ratings of a civil servant's level in a competency, by themselves
//! (self-assessment) or by their supervisor (an agency lead or a named supervisor), kept as a
//! history and never overwritten; who supervises whom; and the position a civil servant is being
//! developed for (their target position), measured against as well as the one they hold.
//! Evidence from courses is not stored here: it is read from the certificates that stand.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_organisations::Organisations;
use crate::m20261128_000002_create_people::{Memberships, People};
use crate::m20261128_000003_create_competency_dictionary::Competencies;

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
            .alter_table(
                Table::alter()
                    .table(Memberships::Table)
                    // The name of the position a civil servant is developed for, if any.
                    .add_column(text_null(Alias::new("target_position")))
                    .to_owned(),
            )
            .await?;
        create_assessments(manager).await?;
        create_supervisions(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [CompetencyAssessments::Table.into_iden(), Supervisions::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Memberships::Table)
                    .drop_column(Alias::new("target_position"))
                    .to_owned(),
            )
            .await
    }
}

async fn create_assessments(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let to_people = |name: &str, column: CompetencyAssessments| {
        ForeignKey::create()
            .name(name)
            .from(CompetencyAssessments::Table, column)
            .to(People::Table, People::Id)
            .to_owned()
    };
    let kind = Expr::col(CompetencyAssessments::Kind);
    let by = Expr::col(CompetencyAssessments::AssessedBy);
    manager
        .create_table(
            Table::create()
                .table(CompetencyAssessments::Table)
                .col(pk_auto(CompetencyAssessments::Id))
                .col(integer(CompetencyAssessments::PersonId))
                .col(integer(CompetencyAssessments::CompetencyId))
                .col(
                    string_len(CompetencyAssessments::Kind, 12)
                        .check(kind.clone().is_in(["self", "supervisor"])),
                )
                .col(
                    small_integer(CompetencyAssessments::Level)
                        .check(Expr::col(CompetencyAssessments::Level).between(1, 5)),
                )
                .col(integer(CompetencyAssessments::AssessedBy))
                .col(text(CompetencyAssessments::Note).default(""))
                .col(timestamp_with_time_zone(CompetencyAssessments::CreatedAt))
                // A self-assessment is made by the person rated; a supervisor never rates
                // themselves.
                .check(
                    kind.clone()
                        .eq("self")
                        .and(by.clone().equals(CompetencyAssessments::PersonId))
                        .or(kind
                            .eq("supervisor")
                            .and(by.not_equals(CompetencyAssessments::PersonId))),
                )
                .foreign_key(&mut to_people(
                    "fk_competency_assessments_person",
                    CompetencyAssessments::PersonId,
                ))
                .foreign_key(&mut to_people(
                    "fk_competency_assessments_assessor",
                    CompetencyAssessments::AssessedBy,
                ))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_competency_assessments_competency")
                        .from(CompetencyAssessments::Table, CompetencyAssessments::CompetencyId)
                        .to(Competencies::Table, Competencies::Id),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_competency_assessments_person")
                .table(CompetencyAssessments::Table)
                .col(CompetencyAssessments::PersonId)
                .col(CompetencyAssessments::CompetencyId)
                .to_owned(),
        )
        .await
}

async fn create_supervisions(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let to_people = |name: &str, column: Supervisions| {
        ForeignKey::create()
            .name(name)
            .from(Supervisions::Table, column)
            .to(People::Table, People::Id)
            .to_owned()
    };
    manager
        .create_table(
            Table::create()
                .table(Supervisions::Table)
                .col(integer(Supervisions::AgencyId))
                .col(integer(Supervisions::PersonId))
                .col(integer(Supervisions::SupervisorId))
                .col(timestamp_with_time_zone(Supervisions::CreatedAt))
                // One named supervisor per civil servant per agency.
                .primary_key(
                    Index::create().col(Supervisions::AgencyId).col(Supervisions::PersonId),
                )
                .check(Expr::col(Supervisions::SupervisorId).not_equals(Supervisions::PersonId))
                .foreign_key(&mut to_people("fk_supervisions_person", Supervisions::PersonId))
                .foreign_key(&mut to_people(
                    "fk_supervisions_supervisor",
                    Supervisions::SupervisorId,
                ))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_supervisions_agency")
                        .from(Supervisions::Table, Supervisions::AgencyId)
                        .to(Organisations::Table, Organisations::Id),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_supervisions_supervisor")
                .table(Supervisions::Table)
                .col(Supervisions::SupervisorId)
                .to_owned(),
        )
        .await
}

#[derive(DeriveIden, Clone)]
enum CompetencyAssessments {
    Table,
    Id,
    PersonId,
    CompetencyId,
    /// `self` or `supervisor`.
    Kind,
    /// 1 to 5, the level whose behavioural indicators fit.
    Level,
    AssessedBy,
    Note,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum Supervisions {
    Table,
    AgencyId,
    PersonId,
    SupervisorId,
    CreatedAt,
}
