//! Training evaluation: a participant's reaction to a course they completed (1–5 and a comment,
//! once per enrollment), and their supervisor's rating of the behaviour on the job some weeks
//! later (a review falls due on a set day, the supervisor is told once, and rates it once).
//! Learning (the post − pre test change) needs no table: the scores are on the enrollment.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_organisations::Organisations;
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
        let to = |name: &str, from: (DynIden, DynIden), table: DynIden, column: DynIden| {
            ForeignKey::create().name(name).from(from.0, from.1).to(table, column).to_owned()
        };
        let reactions = CourseEvaluations::Table.into_iden();
        manager
            .create_table(
                Table::create()
                    .table(CourseEvaluations::Table)
                    .col(pk_auto(CourseEvaluations::Id))
                    .col(integer(CourseEvaluations::EnrollmentId))
                    .col(integer(CourseEvaluations::OfferId))
                    .col(
                        small_integer(CourseEvaluations::Reaction)
                            .check(Expr::col(CourseEvaluations::Reaction).between(1, 5)),
                    )
                    .col(text(CourseEvaluations::Comment).default(""))
                    .col(timestamp_with_time_zone(CourseEvaluations::CreatedAt))
                    .foreign_key(&mut to(
                        "fk_course_evaluations_enrollment",
                        (reactions.clone(), CourseEvaluations::EnrollmentId.into_iden()),
                        Enrollments::Table.into_iden(),
                        Enrollments::Id.into_iden(),
                    ))
                    .foreign_key(&mut to(
                        "fk_course_evaluations_offer",
                        (reactions, CourseEvaluations::OfferId.into_iden()),
                        Alias::new("offers").into_iden(),
                        Alias::new("id").into_iden(),
                    ))
                    .to_owned(),
            )
            .await?;
        // Named, so that a second reaction is told apart from other errors (`AlreadyExists`).
        manager
            .create_index(
                Index::create()
                    .name("uq_course_evaluations_enrollment")
                    .table(CourseEvaluations::Table)
                    .col(CourseEvaluations::EnrollmentId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_course_evaluations_offer")
                    .table(CourseEvaluations::Table)
                    .col(CourseEvaluations::OfferId)
                    .to_owned(),
            )
            .await?;
        let reviews = BehaviourReviews::Table.into_iden();
        let level = Expr::col(BehaviourReviews::Level);
        manager
            .create_table(
                Table::create()
                    .table(BehaviourReviews::Table)
                    .col(integer(BehaviourReviews::EnrollmentId).primary_key())
                    .col(integer(BehaviourReviews::OfferId))
                    .col(integer(BehaviourReviews::PersonId))
                    .col(integer(BehaviourReviews::AgencyId))
                    .col(date(BehaviourReviews::DueOn))
                    .col(timestamp_with_time_zone_null(BehaviourReviews::NotifiedAt))
                    .col(integer_null(BehaviourReviews::RatedBy))
                    .col(
                        small_integer_null(BehaviourReviews::Level)
                            .check(level.clone().between(1, 5)),
                    )
                    .col(text(BehaviourReviews::Comment).default(""))
                    .col(timestamp_with_time_zone_null(BehaviourReviews::RatedAt))
                    // Rated all at once: who, how and when, or none of them.
                    .check(
                        level
                            .clone()
                            .is_null()
                            .and(Expr::col(BehaviourReviews::RatedBy).is_null())
                            .and(Expr::col(BehaviourReviews::RatedAt).is_null())
                            .or(level
                                .is_not_null()
                                .and(Expr::col(BehaviourReviews::RatedBy).is_not_null())
                                .and(Expr::col(BehaviourReviews::RatedAt).is_not_null())),
                    )
                    // Nobody reviews their own behaviour.
                    .check(Expr::col(BehaviourReviews::RatedBy).is_null().or(
                        Expr::col(BehaviourReviews::RatedBy).not_equals(BehaviourReviews::PersonId),
                    ))
                    .foreign_key(&mut to(
                        "fk_behaviour_reviews_enrollment",
                        (reviews.clone(), BehaviourReviews::EnrollmentId.into_iden()),
                        Enrollments::Table.into_iden(),
                        Enrollments::Id.into_iden(),
                    ))
                    .foreign_key(&mut to(
                        "fk_behaviour_reviews_offer",
                        (reviews.clone(), BehaviourReviews::OfferId.into_iden()),
                        Alias::new("offers").into_iden(),
                        Alias::new("id").into_iden(),
                    ))
                    .foreign_key(&mut to(
                        "fk_behaviour_reviews_person",
                        (reviews.clone(), BehaviourReviews::PersonId.into_iden()),
                        People::Table.into_iden(),
                        People::Id.into_iden(),
                    ))
                    .foreign_key(&mut to(
                        "fk_behaviour_reviews_rater",
                        (reviews.clone(), BehaviourReviews::RatedBy.into_iden()),
                        People::Table.into_iden(),
                        People::Id.into_iden(),
                    ))
                    .foreign_key(&mut to(
                        "fk_behaviour_reviews_agency",
                        (reviews, BehaviourReviews::AgencyId.into_iden()),
                        Organisations::Table.into_iden(),
                        Organisations::Id.into_iden(),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_behaviour_reviews_due")
                    .table(BehaviourReviews::Table)
                    .col(BehaviourReviews::DueOn)
                    .col(BehaviourReviews::NotifiedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [BehaviourReviews::Table.into_iden(), CourseEvaluations::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
enum CourseEvaluations {
    Table,
    Id,
    /// One reaction per enrollment that completed.
    EnrollmentId,
    OfferId,
    /// 1 to 5.
    Reaction,
    Comment,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum BehaviourReviews {
    Table,
    /// One review per enrollment that completed, created when it falls due.
    EnrollmentId,
    OfferId,
    PersonId,
    /// The participant's agency, whose leads (or the named supervisor) rate it.
    AgencyId,
    /// The day the review falls due (completion plus the set number of days).
    DueOn,
    /// When the supervisor was told.
    NotifiedAt,
    RatedBy,
    /// 1 to 5: how far what was learned shows in the work.
    Level,
    Comment,
    RatedAt,
}
