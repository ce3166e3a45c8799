//! Mentoring between civil servants: an ASN at level 4 or above in a competency offers to mentor
//! it (`mentor_offers`); a junior asks for a mentor with a plan (competency, goal level, period),
//! which the mentor accepts or declines (`mentorships`); sessions are logged by one and confirmed
//! by the other (`mentoring_sessions`); a completed mentoring credits JP through the conversion
//! table's two new rows, `mentoring` (the mentee) and `mentoring-mentor` (the mentor; 0 = not
//! credited). The JP ledger learns a third source, `mentoring`, so `jp_entries` is rebuilt
//! (SQLite cannot change a CHECK in place).

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_organisations::Organisations;
use crate::m20261128_000002_create_people::People;
use crate::m20261128_000003_create_competency_dictionary::Competencies;
use crate::m20261128_000010_create_learning_forms::LearningForms;
use crate::m20261130_000027_create_jp_entries::{create_indexes, create_table};

/// Mentorship states: `requested` (by the mentee, the plan proposed), `active` (the mentor
/// agreed to the plan), `declined`, `cancelled` (by either before completion), `completed`.
const STATES: [&str; 5] = ["requested", "active", "declined", "cancelled", "completed"];

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// SQLite too: a failed migration must not leave the schema half-applied.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rebuild_jp_entries(manager, &["outside", "mentoring"]).await?;
        add_learning_forms(manager).await?;
        create_mentor_offers(manager).await?;
        create_mentorships(manager).await?;
        create_sessions(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["mentoring_sessions", "mentorships", "mentor_offers"] {
            manager.drop_table(Table::drop().table(Alias::new(table)).to_owned()).await?;
        }
        let rows = Query::delete()
            .from_table(LearningForms::Table)
            .and_where(Expr::col(LearningForms::Code).is_in(["mentoring", "mentoring-mentor"]))
            .to_owned();
        manager.exec_stmt(rows).await?;
        manager
            .get_connection()
            .execute_unprepared("DELETE FROM jp_entries WHERE source = 'mentoring'")
            .await?;
        rebuild_jp_entries(manager, &["outside"]).await
    }
}

/// Recreates `jp_entries` with `others` as the sources without a certificate, keeping every
/// row and id: renamed aside, created anew, copied, dropped.
async fn rebuild_jp_entries(manager: &SchemaManager<'_>, others: &[&str]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    db.execute_unprepared("ALTER TABLE jp_entries RENAME TO jp_entries_old").await?;
    let postgres = manager.get_database_backend() == DbBackend::Postgres;
    if postgres {
        // Index names are per schema in PostgreSQL: the old primary key's would clash.
        db.execute_unprepared("ALTER INDEX jp_entries_pkey RENAME TO jp_entries_old_pkey").await?;
    }
    create_table(manager, others).await?;
    db.execute_unprepared("INSERT INTO jp_entries SELECT * FROM jp_entries_old").await?;
    db.execute_unprepared("DROP TABLE jp_entries_old").await?;
    if postgres {
        // The copied ids were given, not drawn: the new sequence starts after them.
        db.execute_unprepared(
            "SELECT setval(pg_get_serial_sequence('jp_entries', 'id'), \
             COALESCE((SELECT MAX(id) FROM jp_entries), 0) + 1, false)",
        )
        .await?;
    }
    create_indexes(manager).await
}

/// The conversion table's mentoring rows: the programme's JP is the confirmed sessions' time
/// in 45-minute lesson hours; the mentee gets it all, the mentor half (the province edits both).
async fn add_learning_forms(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let rows = [
        ("mentoring", "Mentoring (sebagai mentee)", "Mentoring (as the mentee)", 100, 120, 5),
        ("mentoring-mentor", "Mentoring (sebagai mentor)", "Mentoring (as the mentor)", 50, 60, 6),
    ];
    let mut insert = Query::insert()
        .into_table(LearningForms::Table)
        .columns([
            LearningForms::Code,
            LearningForms::NameId,
            LearningForms::NameEn,
            LearningForms::Basis,
            LearningForms::National,
            LearningForms::International,
            LearningForms::SortOrder,
            LearningForms::UpdatedAt,
        ])
        .to_owned();
    for (code, name_id, name_en, national, international, order) in rows {
        insert.values_panic([
            code.into(),
            name_id.into(),
            name_en.into(),
            "programme_percent".into(),
            national.into(),
            international.into(),
            (order as i16).into(),
            Expr::current_timestamp(),
        ]);
    }
    manager.exec_stmt(insert).await
}

async fn create_mentor_offers(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(MentorOffers::Table)
                .col(integer(MentorOffers::PersonId))
                .col(integer(MentorOffers::CompetencyId))
                .col(integer(MentorOffers::AgencyId))
                // How many mentees at once.
                .col(
                    small_integer(MentorOffers::Capacity)
                        .check(Expr::col(MentorOffers::Capacity).between(1, 5)),
                )
                .col(text(MentorOffers::Note).default(""))
                .col(boolean(MentorOffers::Active).default(true))
                .col(timestamp_with_time_zone(MentorOffers::CreatedAt))
                .primary_key(
                    Index::create().col(MentorOffers::PersonId).col(MentorOffers::CompetencyId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_mentor_offers_person")
                        .from(MentorOffers::Table, MentorOffers::PersonId)
                        .to(People::Table, People::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_mentor_offers_competency")
                        .from(MentorOffers::Table, MentorOffers::CompetencyId)
                        .to(Competencies::Table, Competencies::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_mentor_offers_agency")
                        .from(MentorOffers::Table, MentorOffers::AgencyId)
                        .to(Organisations::Table, Organisations::Id),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_mentor_offers_competency")
                .table(MentorOffers::Table)
                .col(MentorOffers::CompetencyId)
                .col(MentorOffers::Active)
                .to_owned(),
        )
        .await
}

async fn create_mentorships(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let to_people = |name: &str, column: Mentorships| {
        ForeignKey::create()
            .name(name)
            .from(Mentorships::Table, column)
            .to(People::Table, People::Id)
            .to_owned()
    };
    manager
        .create_table(
            Table::create()
                .table(Mentorships::Table)
                .col(pk_auto(Mentorships::Id))
                .col(integer(Mentorships::MentorId))
                .col(integer(Mentorships::MenteeId))
                .col(integer(Mentorships::CompetencyId))
                // The mentee's agency, whose leads see it.
                .col(integer(Mentorships::AgencyId))
                .col(
                    small_integer(Mentorships::GoalLevel)
                        .check(Expr::col(Mentorships::GoalLevel).between(1, 5)),
                )
                .col(date(Mentorships::StartsOn))
                .col(date(Mentorships::EndsOn))
                .col(
                    string_len(Mentorships::Status, 12)
                        .check(Expr::col(Mentorships::Status).is_in(STATES)),
                )
                .col(text(Mentorships::RequestNote).default(""))
                .col(text(Mentorships::AnswerNote).default(""))
                .col(timestamp_with_time_zone(Mentorships::CreatedAt))
                .col(timestamp_with_time_zone_null(Mentorships::AnsweredAt))
                .col(timestamp_with_time_zone_null(Mentorships::CompletedAt))
                .check(Expr::col(Mentorships::MentorId).not_equals(Mentorships::MenteeId))
                .check(Expr::col(Mentorships::StartsOn).lte(Expr::col(Mentorships::EndsOn)))
                .foreign_key(&mut to_people("fk_mentorships_mentor", Mentorships::MentorId))
                .foreign_key(&mut to_people("fk_mentorships_mentee", Mentorships::MenteeId))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_mentorships_competency")
                        .from(Mentorships::Table, Mentorships::CompetencyId)
                        .to(Competencies::Table, Competencies::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_mentorships_agency")
                        .from(Mentorships::Table, Mentorships::AgencyId)
                        .to(Organisations::Table, Organisations::Id),
                )
                .to_owned(),
        )
        .await?;
    for (name, column) in [
        ("ix_mentorships_mentor", Mentorships::MentorId),
        ("ix_mentorships_mentee", Mentorships::MenteeId),
        ("ix_mentorships_agency", Mentorships::AgencyId),
    ] {
        manager
            .create_index(
                Index::create()
                    .name(name)
                    .table(Mentorships::Table)
                    .col(column)
                    .col(Mentorships::Status)
                    .to_owned(),
            )
            .await?;
    }
    // One open request or mentoring per mentee and competency (named: `AlreadyExists`). A
    // partial index, written out: the same text in both databases.
    manager
        .get_connection()
        .execute_unprepared(
            "CREATE UNIQUE INDEX uq_mentorships_open ON mentorships (mentee_id, competency_id) \
             WHERE status IN ('requested', 'active')",
        )
        .await?;
    Ok(())
}

async fn create_sessions(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let to_people = |name: &str, column: MentoringSessions| {
        ForeignKey::create()
            .name(name)
            .from(MentoringSessions::Table, column)
            .to(People::Table, People::Id)
            .to_owned()
    };
    let confirmed_by = Expr::col(MentoringSessions::ConfirmedBy);
    manager
        .create_table(
            Table::create()
                .table(MentoringSessions::Table)
                .col(pk_auto(MentoringSessions::Id))
                .col(integer(MentoringSessions::MentorshipId))
                .col(date(MentoringSessions::HeldOn))
                .col(
                    small_integer(MentoringSessions::Minutes)
                        .check(Expr::col(MentoringSessions::Minutes).between(15, 480)),
                )
                .col(string_len(MentoringSessions::Topic, 300))
                .col(integer(MentoringSessions::LoggedBy))
                .col(integer_null(MentoringSessions::ConfirmedBy))
                .col(timestamp_with_time_zone_null(MentoringSessions::ConfirmedAt))
                .col(timestamp_with_time_zone(MentoringSessions::CreatedAt))
                // Confirmed by the other one of the pair, who and when together.
                .check(
                    confirmed_by
                        .clone()
                        .is_null()
                        .and(Expr::col(MentoringSessions::ConfirmedAt).is_null())
                        .or(confirmed_by
                            .clone()
                            .not_equals(MentoringSessions::LoggedBy)
                            .and(Expr::col(MentoringSessions::ConfirmedAt).is_not_null())),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_mentoring_sessions_mentorship")
                        .from(MentoringSessions::Table, MentoringSessions::MentorshipId)
                        .to(Mentorships::Table, Mentorships::Id),
                )
                .foreign_key(&mut to_people(
                    "fk_mentoring_sessions_logger",
                    MentoringSessions::LoggedBy,
                ))
                .foreign_key(&mut to_people(
                    "fk_mentoring_sessions_confirmer",
                    MentoringSessions::ConfirmedBy,
                ))
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_mentoring_sessions_mentorship")
                .table(MentoringSessions::Table)
                .col(MentoringSessions::MentorshipId)
                .to_owned(),
        )
        .await
}

#[derive(DeriveIden)]
enum MentorOffers {
    Table,
    PersonId,
    CompetencyId,
    AgencyId,
    Capacity,
    Note,
    Active,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Mentorships {
    Table,
    Id,
    MentorId,
    MenteeId,
    CompetencyId,
    AgencyId,
    GoalLevel,
    StartsOn,
    EndsOn,
    Status,
    RequestNote,
    AnswerNote,
    CreatedAt,
    AnsweredAt,
    CompletedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum MentoringSessions {
    Table,
    Id,
    MentorshipId,
    HeldOn,
    Minutes,
    Topic,
    LoggedBy,
    ConfirmedBy,
    ConfirmedAt,
    CreatedAt,
}
