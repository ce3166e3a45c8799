//! Enrollment: the seats of a course and who holds them. A course has an open pool of seats (its
//! capacity, for any ASN) and each collaboration on it a pool of the seats it reserved for the
//! agency's nominees. An enrollment is one person's place in one pool: pending the agency's
//! approval, enrolled, waitlisted (first come, first served), or ended. Taking the course again
//! is a new row, never an overwrite. The counters of a pool are guarded by CHECKs, and one active
//! enrollment per person and course by a partial unique index: the second line behind the
//! service's conditional updates.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_organisations::Organisations;
use crate::m20261128_000002_create_people::People;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `pending`, `enrolled`: hold a seat; `waitlisted`: in line for one; the rest have ended.
const STATUSES: [&str; 7] =
    ["pending", "enrolled", "waitlisted", "refused", "cancelled", "completed", "not_completed"];

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
                    .table(Organisations::Table)
                    // Agencies: whether their staff's own enrollments wait for a lead's approval.
                    .add_column(boolean(Alias::new("enrollment_approval")).default(false))
                    .to_owned(),
            )
            .await?;
        create_seat_pools(manager).await?;
        create_enrollments(manager).await?;
        let conn = manager.get_connection();
        // Every course and every live collaboration on a course gets its pool.
        conn.execute_unprepared(
            "INSERT INTO seat_pools (offer_id, collaboration_id, capacity, taken, waiting) \
             SELECT offer_id, NULL, capacity, 0, 0 FROM course_details",
        )
        .await?;
        conn.execute_unprepared(
            "INSERT INTO seat_pools (offer_id, collaboration_id, capacity, taken, waiting) \
             SELECT c.offer_id, c.id, c.reserved_seats, 0, 0 FROM collaborations c \
             JOIN course_details d ON d.offer_id = c.offer_id \
             WHERE c.reserved_seats IS NOT NULL AND c.status <> 'cancelled'",
        )
        .await
        .map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Enrollments::Table.into_iden(), SeatPools::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Organisations::Table)
                    .drop_column(Alias::new("enrollment_approval"))
                    .to_owned(),
            )
            .await
    }
}

async fn create_seat_pools(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(SeatPools::Table)
                .col(pk_auto(SeatPools::Id))
                .col(integer(SeatPools::OfferId))
                // Null: the course's open seats; else the collaboration whose seats these are.
                .col(integer_null(SeatPools::CollaborationId))
                .col(integer(SeatPools::Capacity))
                .col(integer(SeatPools::Taken))
                .col(integer(SeatPools::Waiting))
                .check(Expr::col(SeatPools::Taken).gte(0))
                .check(Expr::col(SeatPools::Waiting).gte(0))
                // Never more seats taken than there are.
                .check(Expr::col(SeatPools::Taken).lte(Expr::col(SeatPools::Capacity)))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_seat_pools_offer")
                        .from(SeatPools::Table, SeatPools::OfferId)
                        .to(Alias::new("offers"), Alias::new("id")),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_seat_pools_collaboration")
                        .from(SeatPools::Table, SeatPools::CollaborationId)
                        .to(Alias::new("collaborations"), Alias::new("id")),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("uq_seat_pools_collaboration")
                .table(SeatPools::Table)
                .col(SeatPools::CollaborationId)
                .unique()
                .to_owned(),
        )
        .await?;
    manager
        .get_connection()
        .execute_unprepared(
            "CREATE UNIQUE INDEX uq_seat_pools_open ON seat_pools (offer_id) \
             WHERE collaboration_id IS NULL",
        )
        .await
        .map(|_| ())
}

async fn create_enrollments(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let to_people = |name: &str, column: Enrollments| {
        ForeignKey::create()
            .name(name)
            .from(Enrollments::Table, column)
            .to(People::Table, People::Id)
            .to_owned()
    };
    manager
        .create_table(
            Table::create()
                .table(Enrollments::Table)
                .col(pk_auto(Enrollments::Id))
                .col(integer(Enrollments::PoolId))
                // The pool's course, repeated so one active enrollment per course can be a
                // constraint and a person's courses one index away.
                .col(integer(Enrollments::OfferId))
                .col(integer(Enrollments::PersonId))
                // The agency the person enrolled as staff of (who approves, whose figures).
                .col(integer(Enrollments::AgencyId))
                .col(
                    string_len(Enrollments::Status, 14)
                        .check(Expr::col(Enrollments::Status).is_in(STATUSES)),
                )
                // The agency lead who nominated the person into a collaboration's seats.
                .col(integer_null(Enrollments::NominatedBy))
                .col(integer_null(Enrollments::DecidedBy))
                .col(timestamp_with_time_zone_null(Enrollments::DecidedAt))
                // Why it was refused or cancelled (empty otherwise).
                .col(string_len(Enrollments::Note, 1000))
                .col(timestamp_with_time_zone(Enrollments::CreatedAt))
                .col(timestamp_with_time_zone(Enrollments::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_enrollments_pool")
                        .from(Enrollments::Table, Enrollments::PoolId)
                        .to(SeatPools::Table, SeatPools::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_enrollments_offer")
                        .from(Enrollments::Table, Enrollments::OfferId)
                        .to(Alias::new("offers"), Alias::new("id")),
                )
                .foreign_key(&mut to_people("fk_enrollments_person", Enrollments::PersonId))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_enrollments_agency")
                        .from(Enrollments::Table, Enrollments::AgencyId)
                        .to(Organisations::Table, Organisations::Id),
                )
                .foreign_key(&mut to_people("fk_enrollments_nominator", Enrollments::NominatedBy))
                .foreign_key(&mut to_people("fk_enrollments_decider", Enrollments::DecidedBy))
                .to_owned(),
        )
        .await?;
    let conn = manager.get_connection();
    // One active enrollment per person and course, whichever pool it is in.
    conn.execute_unprepared(
        "CREATE UNIQUE INDEX uq_enrollments_active ON enrollments (person_id, offer_id) \
         WHERE status IN ('pending', 'enrolled', 'waitlisted')",
    )
    .await?;
    for (name, columns) in [
        // The waitlist of a pool in arrival order, and its seat holders.
        (
            "ix_enrollments_pool_status",
            vec![Enrollments::PoolId, Enrollments::Status, Enrollments::Id],
        ),
        ("ix_enrollments_person", vec![Enrollments::PersonId, Enrollments::Id]),
        ("ix_enrollments_agency_status", vec![Enrollments::AgencyId, Enrollments::Status]),
        ("ix_enrollments_offer_status", vec![Enrollments::OfferId, Enrollments::Status]),
    ] {
        let mut index = Index::create().name(name).table(Enrollments::Table).to_owned();
        for column in columns {
            index.col(column);
        }
        manager.create_index(index).await?;
    }
    Ok(())
}

#[derive(DeriveIden)]
pub enum SeatPools {
    Table,
    Id,
    OfferId,
    CollaborationId,
    Capacity,
    Taken,
    Waiting,
}

#[derive(DeriveIden)]
pub enum Enrollments {
    Table,
    Id,
    PoolId,
    OfferId,
    PersonId,
    AgencyId,
    Status,
    NominatedBy,
    DecidedBy,
    DecidedAt,
    Note,
    CreatedAt,
    UpdatedAt,
}
