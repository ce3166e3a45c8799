//! Learning forms: the rows of the LAN conversion table (Peraturan LAN 10/2018) that turn a piece
//! of learning into JP. Data, not code: the rows DOMAIN.md gives are inserted here (they are
//! regulation, needed in every database, not demo data), and province administrators edit them.

use sea_orm_migration::{prelude::*, schema::*};

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
        manager
            .create_table(
                Table::create()
                    .table(LearningForms::Table)
                    .col(pk_auto(LearningForms::Id))
                    .col(string_len(LearningForms::Code, 40))
                    .col(string_len(LearningForms::NameId, 200))
                    .col(string_len(LearningForms::NameEn, 200))
                    // `programme_percent`: the programme's JP × national/international %;
                    // `per_day`: national/international JP per day attended.
                    .col(string_len(LearningForms::Basis, 20).check(
                        Expr::col(LearningForms::Basis).is_in(["programme_percent", "per_day"]),
                    ))
                    .col(
                        integer(LearningForms::National)
                            .check(Expr::col(LearningForms::National).gte(0)),
                    )
                    .col(
                        integer(LearningForms::International)
                            .check(Expr::col(LearningForms::International).gte(0)),
                    )
                    .col(small_integer(LearningForms::SortOrder))
                    .col(timestamp_with_time_zone(LearningForms::UpdatedAt))
                    // Null for seeded rows; the province administrator who last changed it.
                    .col(integer_null(LearningForms::UpdatedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_learning_forms_updater")
                            .from(LearningForms::Table, LearningForms::UpdatedBy)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_learning_forms_code")
                    .table(LearningForms::Table)
                    .col(LearningForms::Code)
                    .unique()
                    .to_owned(),
            )
            .await?;
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
        for (order, (code, name_id, name_en, basis, national, international)) in
            ROWS.iter().enumerate()
        {
            insert.values_panic([
                (*code).into(),
                (*name_id).into(),
                (*name_en).into(),
                (*basis).into(),
                (*national).into(),
                (*international).into(),
                (order as i16 + 1).into(),
                Expr::current_timestamp(),
            ]);
        }
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(LearningForms::Table).to_owned()).await
    }
}

/// The rows of DOMAIN.md: code, Indonesian and English name, basis, national, international.
const ROWS: &[(&str, &str, &str, &str, i32, i32)] = &[
    (
        "pelatihan",
        "Pelatihan kepemimpinan, manajerial, teknis, fungsional, sosial kultural",
        "Leadership, managerial, technical, functional or socio-cultural training",
        "programme_percent",
        100,
        120,
    ),
    (
        "seminar",
        "Seminar, konferensi, sarasehan",
        "Seminar, conference, sarasehan",
        "per_day",
        4,
        6,
    ),
    ("lokakarya", "Workshop, lokakarya", "Workshop", "per_day", 5, 7),
    (
        "komunitas-belajar",
        "Komunitas belajar, pembelajaran alam terbuka",
        "Learning community, outdoor learning",
        "programme_percent",
        100,
        120,
    ),
];

#[derive(DeriveIden)]
pub enum LearningForms {
    Table,
    Id,
    Code,
    NameId,
    NameEn,
    Basis,
    National,
    International,
    SortOrder,
    UpdatedAt,
    UpdatedBy,
}
