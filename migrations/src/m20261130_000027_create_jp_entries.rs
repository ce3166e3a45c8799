//! The JP ledger: each row credits (or asks to credit) hours of learning to one civil servant's
//! calendar year (WIB). A completed course's certificate credits its JP at once; learning done
//! elsewhere (a seminar, a workshop, e-learning) is submitted by the civil servant with its
//! evidence and counts once a lead of their agency verifies it. Both are converted by the same
//! row of the LAN conversion table. Only `credited` rows count toward the year's 20 JP.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_organisations::Organisations;
use crate::m20261128_000002_create_people::People;
use crate::m20261128_000010_create_learning_forms::LearningForms;
use crate::m20261130_000026_create_certificates::Certificates;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// SQLite too: a failed migration must not leave the schema half-applied.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_table(manager, &["outside"]).await?;
        create_indexes(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(JpEntries::Table).to_owned()).await
    }
}

/// Creates `jp_entries` whose `source` is `course` (with its certificate) or one of `others`
/// (without one). Shared with the migration that adds mentoring, which rebuilds the table.
pub(crate) async fn create_table(
    manager: &SchemaManager<'_>,
    others: &[&str],
) -> Result<(), DbErr> {
    let to_people = |name: &str, column: JpEntries| {
        ForeignKey::create()
            .name(name)
            .from(JpEntries::Table, column)
            .to(People::Table, People::Id)
            .to_owned()
    };
    manager
        .create_table(
            Table::create()
                .table(JpEntries::Table)
                .col(pk_auto(JpEntries::Id))
                .col(integer(JpEntries::PersonId))
                .col(integer(JpEntries::AgencyId))
                .col(integer(JpEntries::Year))
                .col(string_len(JpEntries::Source, 12).check(
                    Expr::col(JpEntries::Source).is_in(["course"].iter().chain(others).copied()),
                ))
                .col(integer_null(JpEntries::CertificateId))
                .col(integer(JpEntries::LearningFormId))
                .col(string_len(JpEntries::Title, 200))
                .col(string_len(JpEntries::Organiser, 200))
                .col(boolean(JpEntries::International))
                .col(date(JpEntries::StartedOn))
                .col(date(JpEntries::EndedOn))
                .col(
                    integer(JpEntries::ProgrammeJp).check(Expr::col(JpEntries::ProgrammeJp).gte(0)),
                )
                .col(integer(JpEntries::Jp).check(Expr::col(JpEntries::Jp).gte(0)))
                // credited: counts; pending: waits for the lead; rejected: refused by the
                // lead; void: its certificate was revoked.
                .col(string_len(JpEntries::Status, 12).check(
                    Expr::col(JpEntries::Status).is_in(["credited", "pending", "rejected", "void"]),
                ))
                .col(text(JpEntries::Evidence).default(""))
                .col(integer_null(JpEntries::DecidedBy))
                .col(timestamp_with_time_zone_null(JpEntries::DecidedAt))
                .col(text(JpEntries::Note).default(""))
                .col(timestamp_with_time_zone(JpEntries::CreatedAt))
                .check(Expr::col(JpEntries::StartedOn).lte(Expr::col(JpEntries::EndedOn)))
                // A course's entry comes with its certificate; the others have none.
                .check(
                    Expr::col(JpEntries::Source)
                        .eq("course")
                        .and(Expr::col(JpEntries::CertificateId).is_not_null())
                        .or(Expr::col(JpEntries::Source)
                            .is_in(others.iter().copied())
                            .and(Expr::col(JpEntries::CertificateId).is_null())),
                )
                .foreign_key(&mut to_people("fk_jp_entries_person", JpEntries::PersonId))
                .foreign_key(&mut to_people("fk_jp_entries_decider", JpEntries::DecidedBy))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_jp_entries_agency")
                        .from(JpEntries::Table, JpEntries::AgencyId)
                        .to(Organisations::Table, Organisations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_jp_entries_certificate")
                        .from(JpEntries::Table, JpEntries::CertificateId)
                        .to(Certificates::Table, Certificates::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_jp_entries_learning_form")
                        .from(JpEntries::Table, JpEntries::LearningFormId)
                        .to(LearningForms::Table, LearningForms::Id),
                )
                .to_owned(),
        )
        .await?;
    Ok(())
}

/// The indexes of `jp_entries`.
pub(crate) async fn create_indexes(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_index(
            Index::create()
                .name("uq_jp_entries_certificate")
                .table(JpEntries::Table)
                .col(JpEntries::CertificateId)
                .unique()
                .to_owned(),
        )
        .await?;
    let indexes = [
        ("ix_jp_entries_person_year", [JpEntries::PersonId, JpEntries::Year]),
        ("ix_jp_entries_agency_status", [JpEntries::AgencyId, JpEntries::Status]),
    ];
    for (name, [first, second]) in indexes {
        manager
            .create_index(
                Index::create()
                    .name(name)
                    .table(JpEntries::Table)
                    .col(first)
                    .col(second)
                    .to_owned(),
            )
            .await?;
    }
    Ok(())
}

#[derive(DeriveIden, Clone)]
pub(crate) enum JpEntries {
    Table,
    Id,
    PersonId,
    /// The agency whose lead verifies it (the person's agency when it was recorded).
    AgencyId,
    /// The WIB calendar year it counts toward.
    Year,
    Source,
    CertificateId,
    LearningFormId,
    Title,
    Organiser,
    International,
    StartedOn,
    EndedOn,
    /// The programme's own JP as declared (used by the table's percentage rows).
    ProgrammeJp,
    /// The JP credited, by the conversion table.
    Jp,
    Status,
    Evidence,
    DecidedBy,
    DecidedAt,
    Note,
    CreatedAt,
}
