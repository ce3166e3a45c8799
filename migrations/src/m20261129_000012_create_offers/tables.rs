//! Identifiers of the tables and columns migration 000012 creates.

use sea_orm_migration::prelude::*;

#[derive(DeriveIden)]
pub enum Offers {
    Table,
    Id,
    Slug,
    Kind,
    UniversityId,
    Title,
    Summary,
    Description,
    Status,
    Mode,
    RegionCode,
    FeeRupiah,
    StartsOn,
    SearchTitle,
    SearchKeywords,
    SearchBody,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
pub enum CourseDetails {
    Table,
    OfferId,
    Jp,
    LearningFormId,
    International,
    Capacity,
    Prerequisites,
    MinAttendancePercent,
    MinPostTestScore,
    EnrollmentOpensOn,
    EnrollmentClosesOn,
}

#[derive(DeriveIden)]
pub enum ResearchDetails {
    Table,
    OfferId,
    Expertise,
    Sectors,
    DurationMonths,
    BudgetMinRupiah,
    BudgetMaxRupiah,
    Outputs,
}

#[derive(DeriveIden)]
pub enum OfferCompetencies {
    Table,
    OfferId,
    CompetencyId,
    Level,
}

#[derive(DeriveIden)]
pub enum CourseSessions {
    Table,
    Id,
    OfferId,
    StartsAt,
    EndsAt,
    Place,
}

#[derive(DeriveIden)]
pub enum OfferPeople {
    Table,
    OfferId,
    Position,
    Name,
    Role,
}

#[derive(DeriveIden)]
pub enum OfferStatusChanges {
    Table,
    Id,
    OfferId,
    FromStatus,
    ToStatus,
    ChangedBy,
    ChangedAt,
    Note,
}
