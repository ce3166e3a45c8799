//! The needs half of `seed --scale N`: one generated need for every five generated offers,
//! across the verified agencies, the same every time (a fixed random seed), written in bulk.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use rand::seq::IndexedRandom as _;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect,
};

use crate::backend::entities::{
    competency, competency_need_detail, need, organisation, research_need_detail,
};
use crate::error::AppError;
use crate::model::{DeliveryMode, NeedKind, NeedStatus, OrganisationKind, Region, ResearchOutput};

/// Needs written per bulk insert.
const SLICE: usize = 500;

const SUBJECTS: &[&str] = &[
    "Penanganan Pengaduan",
    "Tata Kelola Arsip",
    "Analisis Data Sektoral",
    "Keamanan Aplikasi",
    "Perencanaan Anggaran",
    "Pelayanan Perizinan",
    "Komunikasi Krisis",
    "Manajemen Talenta",
];
const UNITS: &[&str] =
    &["Sekretariat", "Bidang Pelayanan", "Bidang Data", "Bidang Program", "UPTD Wilayah I"];

/// Writes `count` generated needs (four competency needs to one research need, nine in ten
/// open) of the verified agencies, authored by `author_id`.
pub async fn seed_scale_needs<C: ConnectionTrait>(
    conn: &C,
    count: usize,
    author_id: i32,
) -> Result<(), AppError> {
    let agencies: Vec<organisation::Model> = organisation::Entity::find()
        .filter(organisation::Column::Kind.eq(OrganisationKind::Agency.as_db()))
        .filter(organisation::Column::Verified.eq(true))
        .all(conn)
        .await?;
    let competencies: Vec<i32> = competency::Entity::find()
        .select_only()
        .column(competency::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    if agencies.is_empty() || competencies.is_empty() {
        return Err(AppError::internal("seed --scale needs the demo data: run `seed` first"));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(0x4EED_5CA1);
    let start = need::Entity::find().count(conn).await? as usize;
    let opened = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).single().unwrap_or_default();
    let first_deadline = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default();
    for first in (0..count).step_by(SLICE) {
        let n = SLICE.min(count - first);
        let mut rows = Vec::with_capacity(n);
        let mut kinds = Vec::with_capacity(n);
        for i in 0..n {
            let number = start + first + i;
            let kind =
                if rng.random_range(0..5) == 0 { NeedKind::Research } else { NeedKind::Competency };
            let subject = SUBJECTS.choose(&mut rng).copied().unwrap_or("Pelayanan Publik");
            let agency = agencies.choose(&mut rng).cloned().ok_or(AppError::NotFound)?;
            let status =
                if rng.random_range(0..10) == 0 { NeedStatus::Draft } else { NeedStatus::Open };
            let at = opened + Duration::minutes(number as i64);
            let title = format!("{subject} {} #{number}", agency.short_name);
            rows.push(need::ActiveModel {
                slug: Set(format!("kebutuhan-skala-{number}")),
                kind: Set(kind.as_db().to_owned()),
                agency_id: Set(agency.id),
                summary: Set(format!(
                    "Kebutuhan {} {} untuk {}.",
                    kind.url_word(),
                    subject.to_lowercase(),
                    agency.name
                )),
                description: Set(format!("Dibuat oleh seed --scale untuk uji beban: {title}.")),
                title: Set(title),
                status: Set(status.as_db().to_owned()),
                is_public: Set(rng.random_range(0..3) == 0),
                deadline: Set(first_deadline + Duration::days(rng.random_range(0..300))),
                budget_rupiah: Set(rng.random_range(0..40) * 5_000_000),
                created_by: Set(author_id),
                created_at: Set(at),
                updated_at: Set(at),
                opened_at: Set((status == NeedStatus::Open).then_some(at)),
                ..Default::default()
            });
            kinds.push((format!("kebutuhan-skala-{number}"), kind));
        }
        need::Entity::insert_many(rows).exec_without_returning(conn).await?;
        let slugs: Vec<String> = kinds.iter().map(|(slug, _)| slug.clone()).collect();
        let ids: std::collections::HashMap<String, i32> = need::Entity::find()
            .select_only()
            .column(need::Column::Slug)
            .column(need::Column::Id)
            .filter(need::Column::Slug.is_in(slugs))
            .into_tuple::<(String, i32)>()
            .all(conn)
            .await?
            .into_iter()
            .collect();
        let (mut competency_rows, mut research_rows) = (Vec::new(), Vec::new());
        for (slug, kind) in kinds {
            let need_id = ids.get(&slug).copied().ok_or(AppError::NotFound)?;
            match kind {
                NeedKind::Competency => competency_rows.push(competency_need_detail::ActiveModel {
                    need_id: Set(need_id),
                    competency_id: Set(competencies.choose(&mut rng).copied().unwrap_or_default()),
                    target_level: Set(rng.random_range(2..=4)),
                    headcount: Set(rng.random_range(5..=60)),
                    units: Set(UNITS.choose(&mut rng).copied().unwrap_or("Sekretariat").to_owned()),
                    preferred_mode: Set(DeliveryMode::ALL
                        .choose(&mut rng)
                        .map(|m| m.as_db().to_owned())),
                    region_code: Set(Region::ALL.choose(&mut rng).map(|r| r.code.to_owned())),
                }),
                NeedKind::Research => research_rows.push(research_need_detail::ActiveModel {
                    need_id: Set(need_id),
                    expected_output: Set("Rekomendasi kebijakan berbasis data.".to_owned()),
                    outputs: Set(ResearchOutput::join(&[ResearchOutput::PolicyBrief])),
                    starts_on: Set(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap_or_default()),
                }),
            }
        }
        if !competency_rows.is_empty() {
            competency_need_detail::Entity::insert_many(competency_rows)
                .exec_without_returning(conn)
                .await?;
        }
        if !research_rows.is_empty() {
            research_need_detail::Entity::insert_many(research_rows)
                .exec_without_returning(conn)
                .await?;
        }
    }
    Ok(())
}
