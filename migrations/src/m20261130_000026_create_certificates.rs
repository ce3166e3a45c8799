//! Certificates: one per completed enrollment, found by an unguessable code that the public
//! verification page, the QR code and the PDF carry. What the certificate says (holder, course,
//! university, JP, dates) is kept as it was on the day it was issued, so a later rename of the
//! course or of the person does not change a document already handed out. A university may
//! revoke it, with a reason; the row stays, so the verification page can say it was revoked.

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
        let to_people = |name: &str, column: Certificates| {
            ForeignKey::create()
                .name(name)
                .from(Certificates::Table, column)
                .to(People::Table, People::Id)
                .to_owned()
        };
        manager
            .create_table(
                Table::create()
                    .table(Certificates::Table)
                    .col(pk_auto(Certificates::Id))
                    .col(string_len(Certificates::Code, 24))
                    .col(integer(Certificates::EnrollmentId))
                    .col(integer(Certificates::PersonId))
                    .col(integer(Certificates::OfferId))
                    .col(integer(Certificates::UniversityId))
                    .col(string_len(Certificates::HolderName, 200))
                    .col(string_len_null(Certificates::HolderNip, 18))
                    .col(text(Certificates::CourseTitle))
                    .col(text(Certificates::UniversityName))
                    .col(integer(Certificates::Jp).check(Expr::col(Certificates::Jp).gte(0)))
                    .col(date_null(Certificates::FirstDay))
                    .col(date_null(Certificates::LastDay))
                    .col(date(Certificates::CompletedOn))
                    .col(timestamp_with_time_zone(Certificates::IssuedAt))
                    .col(timestamp_with_time_zone_null(Certificates::RevokedAt))
                    .col(integer_null(Certificates::RevokedBy))
                    .col(text(Certificates::RevokeReason).default(""))
                    // A revocation always says who and why.
                    .check(
                        Expr::col(Certificates::RevokedAt).is_null().or(Expr::col(
                            Certificates::RevokedBy,
                        )
                        .is_not_null()
                        .and(Expr::col(Certificates::RevokeReason).ne(""))),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_certificates_enrollment")
                            .from(Certificates::Table, Certificates::EnrollmentId)
                            .to(Enrollments::Table, Enrollments::Id),
                    )
                    .foreign_key(&mut to_people("fk_certificates_person", Certificates::PersonId))
                    .foreign_key(&mut to_people("fk_certificates_revoker", Certificates::RevokedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_certificates_offer")
                            .from(Certificates::Table, Certificates::OfferId)
                            .to(Alias::new("offers"), Alias::new("id")),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_certificates_university")
                            .from(Certificates::Table, Certificates::UniversityId)
                            .to(Organisations::Table, Organisations::Id),
                    )
                    .to_owned(),
            )
            .await?;
        let indexes = [
            ("uq_certificates_code", Certificates::Code, true),
            ("uq_certificates_enrollment", Certificates::EnrollmentId, true),
            ("ix_certificates_person", Certificates::PersonId, false),
            ("ix_certificates_offer", Certificates::OfferId, false),
        ];
        for (name, column, unique) in indexes {
            let mut index = Index::create();
            index.name(name).table(Certificates::Table).col(column);
            if unique {
                index.unique();
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Certificates::Table).to_owned()).await
    }
}

#[derive(DeriveIden, Clone)]
pub enum Certificates {
    Table,
    Id,
    /// 20 characters of Crockford base32 from the OS generator (100 bits).
    Code,
    EnrollmentId,
    PersonId,
    OfferId,
    UniversityId,
    HolderName,
    HolderNip,
    CourseTitle,
    UniversityName,
    Jp,
    /// The first and last session's days (WIB), for the training history.
    FirstDay,
    LastDay,
    CompletedOn,
    IssuedAt,
    RevokedAt,
    RevokedBy,
    RevokeReason,
}
