//! University offers: courses and research offers in one `offers` table (what the catalogue lists,
//! searches and sorts), with the fields only one kind has in `course_details` / `research_details`,
//! their competencies, a course's sessions, the people behind an offer, and every status change.
//! The full-text index over the `search_*` columns comes in the next migration.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_organisations::Organisations;
use crate::m20261128_000002_create_people::People;

// The tables' identifiers, apart so that this file reads as the schema it creates.
mod tables;
use tables::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// SQLite too: a failed migration must not leave the schema half-applied.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_offers(manager).await?;
        create_details(manager).await?;
        create_children(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OfferStatusChanges::Table.into_iden(),
            OfferPeople::Table.into_iden(),
            CourseSessions::Table.into_iden(),
            OfferCompetencies::Table.into_iden(),
            ResearchDetails::Table.into_iden(),
            CourseDetails::Table.into_iden(),
            Offers::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

async fn create_offers(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Offers::Table)
                .col(pk_auto(Offers::Id))
                .col(string_len(Offers::Slug, 120))
                .col(string_len(Offers::Kind, 10).check(Expr::col(Offers::Kind).is_in(KINDS)))
                .col(integer(Offers::UniversityId))
                .col(string_len(Offers::Title, 200))
                .col(string_len(Offers::Summary, 500))
                // Markdown for a course's description, plain text for a research abstract.
                .col(text(Offers::Description))
                .col(
                    string_len(Offers::Status, 12).check(Expr::col(Offers::Status).is_in(STATUSES)),
                )
                // Filterable facts copied from the details so that the catalogue filters one
                // table: a course's mode, place, fee and first session day.
                .col(string_len_null(Offers::Mode, 12).check(
                    Expr::col(Offers::Mode).is_null().or(Expr::col(Offers::Mode).is_in(MODES)),
                ))
                .col(string_len_null(Offers::RegionCode, 4))
                .col(big_integer_null(Offers::FeeRupiah).check(
                    Expr::col(Offers::FeeRupiah).is_null().or(Expr::col(Offers::FeeRupiah).gte(0)),
                ))
                .col(date_null(Offers::StartsOn))
                .col(text(Offers::SearchTitle))
                .col(text(Offers::SearchKeywords))
                .col(text(Offers::SearchBody))
                .col(integer(Offers::CreatedBy))
                .col(timestamp_with_time_zone(Offers::CreatedAt))
                .col(timestamp_with_time_zone(Offers::UpdatedAt))
                .col(timestamp_with_time_zone_null(Offers::PublishedAt))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_offers_university")
                        .from(Offers::Table, Offers::UniversityId)
                        .to(Organisations::Table, Organisations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_offers_creator")
                        .from(Offers::Table, Offers::CreatedBy)
                        .to(People::Table, People::Id),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("uq_offers_slug")
                .table(Offers::Table)
                .col(Offers::Slug)
                .unique()
                .to_owned(),
        )
        .await?;
    // The catalogue's default order (newest published first) and its keyset.
    manager
        .create_index(
            Index::create()
                .name("ix_offers_status_published")
                .table(Offers::Table)
                .col(Offers::Status)
                .col(Offers::PublishedAt)
                .col(Offers::Id)
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_offers_university")
                .table(Offers::Table)
                .col(Offers::UniversityId)
                .col(Offers::Status)
                .to_owned(),
        )
        .await
}

async fn create_details(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(CourseDetails::Table)
                .col(integer(CourseDetails::OfferId).primary_key())
                .col(integer(CourseDetails::Jp).check(Expr::col(CourseDetails::Jp).gt(0)))
                .col(integer(CourseDetails::LearningFormId))
                .col(boolean(CourseDetails::International))
                .col(
                    integer(CourseDetails::Capacity)
                        .check(Expr::col(CourseDetails::Capacity).gt(0)),
                )
                .col(text(CourseDetails::Prerequisites))
                .col(
                    small_integer(CourseDetails::MinAttendancePercent)
                        .check(Expr::col(CourseDetails::MinAttendancePercent).between(0, 100)),
                )
                .col(
                    small_integer(CourseDetails::MinPostTestScore)
                        .check(Expr::col(CourseDetails::MinPostTestScore).between(0, 100)),
                )
                .col(date(CourseDetails::EnrollmentOpensOn))
                .col(date(CourseDetails::EnrollmentClosesOn))
                .check(
                    Expr::col(CourseDetails::EnrollmentOpensOn)
                        .lte(Expr::col(CourseDetails::EnrollmentClosesOn)),
                )
                .foreign_key(&mut belongs_to_offer("fk_course_details_offer", CourseDetails::Table))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_course_details_learning_form")
                        .from(CourseDetails::Table, CourseDetails::LearningFormId)
                        .to(Alias::new("learning_forms"), Alias::new("id")),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(ResearchDetails::Table)
                .col(integer(ResearchDetails::OfferId).primary_key())
                .col(text(ResearchDetails::Expertise))
                // Sectors, one per line (e.g. "Pelayanan publik").
                .col(text(ResearchDetails::Sectors))
                .col(
                    small_integer(ResearchDetails::DurationMonths)
                        .check(Expr::col(ResearchDetails::DurationMonths).between(1, 60)),
                )
                .col(
                    big_integer(ResearchDetails::BudgetMinRupiah)
                        .check(Expr::col(ResearchDetails::BudgetMinRupiah).gte(0)),
                )
                .col(big_integer(ResearchDetails::BudgetMaxRupiah))
                // Expected outputs, comma-separated codes (policy_brief, evaluation, …).
                .col(string_len(ResearchDetails::Outputs, 200))
                .check(
                    Expr::col(ResearchDetails::BudgetMinRupiah)
                        .lte(Expr::col(ResearchDetails::BudgetMaxRupiah)),
                )
                .foreign_key(&mut belongs_to_offer(
                    "fk_research_details_offer",
                    ResearchDetails::Table,
                ))
                .to_owned(),
        )
        .await
}

async fn create_children(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(OfferCompetencies::Table)
                .col(integer(OfferCompetencies::OfferId))
                .col(integer(OfferCompetencies::CompetencyId))
                // The level a course brings a participant to; null for a research offer.
                .col(
                    small_integer_null(OfferCompetencies::Level).check(
                        Expr::col(OfferCompetencies::Level)
                            .is_null()
                            .or(Expr::col(OfferCompetencies::Level).between(1, 5)),
                    ),
                )
                .primary_key(
                    Index::create()
                        .col(OfferCompetencies::OfferId)
                        .col(OfferCompetencies::CompetencyId),
                )
                .foreign_key(&mut belongs_to_offer(
                    "fk_offer_competencies_offer",
                    OfferCompetencies::Table,
                ))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_offer_competencies_competency")
                        .from(OfferCompetencies::Table, OfferCompetencies::CompetencyId)
                        .to(Alias::new("competencies"), Alias::new("id")),
                )
                .to_owned(),
        )
        .await?;
    // The catalogue's competency filter: offers with this competency at or above a level.
    manager
        .create_index(
            Index::create()
                .name("ix_offer_competencies_competency")
                .table(OfferCompetencies::Table)
                .col(OfferCompetencies::CompetencyId)
                .col(OfferCompetencies::Level)
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(CourseSessions::Table)
                .col(pk_auto(CourseSessions::Id))
                .col(integer(CourseSessions::OfferId))
                .col(timestamp_with_time_zone(CourseSessions::StartsAt))
                .col(timestamp_with_time_zone(CourseSessions::EndsAt))
                // A room and address for tatap muka, a meeting link for daring; blended has either.
                .col(string_len(CourseSessions::Place, 300))
                .check(Expr::col(CourseSessions::StartsAt).lt(Expr::col(CourseSessions::EndsAt)))
                .foreign_key(&mut belongs_to_offer(
                    "fk_course_sessions_offer",
                    CourseSessions::Table,
                ))
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_course_sessions_offer")
                .table(CourseSessions::Table)
                .col(CourseSessions::OfferId)
                .col(CourseSessions::StartsAt)
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(OfferPeople::Table)
                .col(integer(OfferPeople::OfferId))
                .col(small_integer(OfferPeople::Position))
                .col(string_len(OfferPeople::Name, 200))
                // "Narasumber", "Ketua peneliti", an area of expertise…
                .col(string_len(OfferPeople::Role, 200))
                .primary_key(Index::create().col(OfferPeople::OfferId).col(OfferPeople::Position))
                .foreign_key(&mut belongs_to_offer("fk_offer_people_offer", OfferPeople::Table))
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(OfferStatusChanges::Table)
                .col(pk_auto(OfferStatusChanges::Id))
                .col(integer(OfferStatusChanges::OfferId))
                .col(string_len_null(OfferStatusChanges::FromStatus, 12))
                .col(string_len(OfferStatusChanges::ToStatus, 12))
                .col(integer(OfferStatusChanges::ChangedBy))
                .col(timestamp_with_time_zone(OfferStatusChanges::ChangedAt))
                .col(string_len(OfferStatusChanges::Note, 1000))
                .foreign_key(&mut belongs_to_offer(
                    "fk_offer_status_changes_offer",
                    OfferStatusChanges::Table,
                ))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_offer_status_changes_person")
                        .from(OfferStatusChanges::Table, OfferStatusChanges::ChangedBy)
                        .to(People::Table, People::Id),
                )
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_offer_status_changes_offer")
                .table(OfferStatusChanges::Table)
                .col(OfferStatusChanges::OfferId)
                .to_owned(),
        )
        .await
}

/// A row that lives and dies with its offer.
fn belongs_to_offer(name: &str, table: impl IntoTableRef) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, Alias::new("offer_id"))
        .to(Offers::Table, Offers::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

const KINDS: [&str; 2] = ["course", "research"];
const STATUSES: [&str; 4] = ["draft", "published", "closed", "cancelled"];
const MODES: [&str; 3] = ["tatap_muka", "daring", "blended"];
