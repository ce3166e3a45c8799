//! Attendance, assessment and completion: who was present at each session of a course (ticked
//! by the academic on a list, or checked in by the participant with the session's code inside
//! its window), each participant's pre- and post-test scores, and what the course's close found
//! (the attendance share, and when it was completed).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000002_create_people::People;
use crate::m20261129_000024_create_enrollments::Enrollments;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// SQLite too: a failed migration must not leave the schema half-applied.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let to_sessions = |name: &str, table: Attendance| {
            ForeignKey::create()
                .name(name)
                .from(Attendance::Table, table)
                .to(Alias::new("course_sessions"), Alias::new("id"))
                .to_owned()
        };
        manager
            .create_table(
                Table::create()
                    .table(Attendance::Table)
                    .col(integer(Attendance::SessionId))
                    .col(integer(Attendance::EnrollmentId))
                    // `list`: ticked by the academic; `code`: the participant checked in.
                    .col(
                        string_len(Attendance::Method, 8)
                            .check(Expr::col(Attendance::Method).is_in(["list", "code"])),
                    )
                    .col(integer(Attendance::RecordedBy))
                    .col(timestamp_with_time_zone(Attendance::RecordedAt))
                    .primary_key(
                        Index::create().col(Attendance::SessionId).col(Attendance::EnrollmentId),
                    )
                    .foreign_key(&mut to_sessions("fk_attendance_session", Attendance::SessionId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_enrollment")
                            .from(Attendance::Table, Attendance::EnrollmentId)
                            .to(Enrollments::Table, Enrollments::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_recorder")
                            .from(Attendance::Table, Attendance::RecordedBy)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_attendance_enrollment")
                    .table(Attendance::Table)
                    .col(Attendance::EnrollmentId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CheckInCodes::Table)
                    .col(integer(CheckInCodes::SessionId).primary_key())
                    .col(string_len(CheckInCodes::Code, 12))
                    .col(timestamp_with_time_zone(CheckInCodes::OpensAt))
                    .col(timestamp_with_time_zone(CheckInCodes::ClosesAt))
                    .col(integer(CheckInCodes::CreatedBy))
                    .check(Expr::col(CheckInCodes::OpensAt).lt(Expr::col(CheckInCodes::ClosesAt)))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_check_in_codes_session")
                            .from(CheckInCodes::Table, CheckInCodes::SessionId)
                            .to(Alias::new("course_sessions"), Alias::new("id")),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_check_in_codes_creator")
                            .from(CheckInCodes::Table, CheckInCodes::CreatedBy)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for column in [Scores::PreTest, Scores::PostTest] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Enrollments::Table)
                        .add_column(
                            small_integer_null(column.clone()).check(
                                Expr::col(column.clone())
                                    .is_null()
                                    .or(Expr::col(column).between(0, 100)),
                            ),
                        )
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Enrollments::Table)
                    .add_column(small_integer_null(Scores::AttendancePercent))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Enrollments::Table)
                    .add_column(timestamp_with_time_zone_null(Scores::CompletedAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in
            [Scores::PreTest, Scores::PostTest, Scores::AttendancePercent, Scores::CompletedAt]
        {
            manager
                .alter_table(
                    Table::alter().table(Enrollments::Table).drop_column(column).to_owned(),
                )
                .await?;
        }
        for table in [CheckInCodes::Table.into_iden(), Attendance::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Attendance {
    Table,
    SessionId,
    EnrollmentId,
    Method,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum CheckInCodes {
    Table,
    SessionId,
    Code,
    OpensAt,
    ClosesAt,
    CreatedBy,
}

/// The columns added to `enrollments`: the scores, and what the course's close found.
#[derive(DeriveIden, Clone)]
enum Scores {
    PreTest,
    PostTest,
    /// The share of sessions attended, in whole percent, when the course closed.
    AttendancePercent,
    CompletedAt,
}
