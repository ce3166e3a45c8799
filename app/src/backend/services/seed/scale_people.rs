//! `seed --asn A --enrollments E`: a province at full size for the dashboards' benchmark. Forty
//! generated agencies share A civil servants (units, positions with a standard, some developed
//! for a target position), each rated in a few of their position's competencies (themselves,
//! some by their supervisor), then E enrollments in the courses there are
//! (`scale_enrollments.rs`). The same every time (a fixed random seed), written in bulk in one
//! transaction past the services, as `scale.rs` writes offers.

use std::collections::HashMap;

use chrono::{Duration, Utc};
use rand::seq::IndexedRandom as _;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};

use super::scale_enrollments::{ScaledStaff, seed_enrollments};
use crate::backend::db;
use crate::backend::entities::{
    competency_assessment, membership, organisation, person, position, position_requirement,
};
use crate::backend::services::assessments;
use crate::error::AppError;
use crate::model::{AssessmentKind, OrganisationKind, Role};

/// Rows per statement: far below every database's limit on bound values.
pub(super) const CHUNK: usize = 500;

/// The generated agencies' slugs: this and a number.
pub const AGENCY_SLUG_PREFIX: &str = "opd-";

/// The generated agencies, about as many as the province's own offices (OPD).
const AGENCIES: &[&str] = &[
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kesehatan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Sosial",
    "Dinas Tenaga Kerja dan Transmigrasi",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "Dinas Ketahanan Pangan",
    "Dinas Lingkungan Hidup",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Dinas Perhubungan",
    "Dinas Koperasi dan UKM",
    "Dinas Penanaman Modal dan PTSP",
    "Dinas Kepemudaan dan Olahraga",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Kelautan dan Perikanan",
    "Dinas Pariwisata dan Ekonomi Kreatif",
    "Dinas Tanaman Pangan dan Hortikultura",
    "Dinas Perkebunan",
    "Dinas Peternakan dan Kesehatan Hewan",
    "Dinas Kehutanan",
    "Dinas Energi dan Sumber Daya Mineral",
    "Dinas Perindustrian dan Perdagangan",
    "Satuan Polisi Pamong Praja",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Keuangan dan Aset Daerah",
    "Badan Pendapatan Daerah",
    "Badan Kepegawaian Daerah",
    "Badan Pengembangan Sumber Daya Manusia",
    "Badan Penanggulangan Bencana Daerah",
    "Badan Kesatuan Bangsa dan Politik",
    "Badan Penghubung",
    "Inspektorat",
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Rumah Sakit Umum Daerah",
    "Rumah Sakit Jiwa Daerah",
    "Biro Pengadaan Barang dan Jasa",
    "Biro Organisasi",
];

const UNITS: &[&str] = &[
    "Sekretariat",
    "Bidang Perencanaan",
    "Bidang Pelayanan",
    "Bidang Pengawasan",
    "Bidang Data dan Informasi",
    "UPTD",
];

/// What the scaled province holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaledProvince {
    pub agencies: usize,
    pub asn: usize,
    pub assessments: usize,
    pub enrollments: usize,
    pub certificates: usize,
}

/// Writes the generated agencies, `asn` civil servants and their ratings, then `enrollments`
/// enrollments in the courses there are (run `seed --scale N` first for enough of them). Needs
/// the demo data; run it once per database.
pub async fn seed_scale_people<C>(
    conn: &C,
    asn: usize,
    enrollments: usize,
) -> Result<ScaledProvince, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(0xA5_2026);
    let standards = standards(&txn).await?;
    let rater =
        person::Entity::find().order_by_asc(person::Column::Id).one(&txn).await?.ok_or_else(
            || AppError::internal("seed --asn needs the demo data: run `seed` first"),
        )?;
    let agencies = agencies(&txn).await?;
    let staff = civil_servants(&txn, &mut rng, &agencies, &standards, asn).await?;
    let assessments = rate(&txn, &mut rng, &staff, &standards, rater.id).await?;
    let certificates = seed_enrollments(&txn, &mut rng, &staff, enrollments).await?;
    // The rows above bypass the services that keep the current levels: derive them once here.
    assessments::refresh_levels(&txn, staff.iter().map(|s| s.person_id)).await?;
    txn.commit().await?;
    if conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        // What autovacuum does some time after a bulk load, at once: the planner's statistics.
        conn.execute_unprepared("ANALYZE").await?;
    }
    Ok(ScaledProvince {
        agencies: agencies.len(),
        asn: staff.len(),
        assessments,
        enrollments,
        certificates,
    })
}

/// Every position's name with its standard (competency id, level).
async fn standards<C: ConnectionTrait>(
    conn: &C,
) -> Result<Vec<(String, Vec<(i32, i16)>)>, AppError> {
    let mut by_position: HashMap<i32, Vec<(i32, i16)>> = HashMap::new();
    for r in position_requirement::Entity::find().all(conn).await? {
        by_position.entry(r.position_id).or_default().push((r.competency_id, r.level));
    }
    let positions = position::Entity::find().order_by_asc(position::Column::Id).all(conn).await?;
    let standards: Vec<_> =
        positions.into_iter().filter_map(|p| Some((p.name, by_position.remove(&p.id)?))).collect();
    if standards.is_empty() {
        return Err(AppError::internal("seed --asn needs the demo data: run `seed` first"));
    }
    Ok(standards)
}

/// The generated agencies, verified, in the order of `AGENCIES`.
async fn agencies<C: ConnectionTrait>(conn: &C) -> Result<Vec<organisation::Model>, AppError> {
    let now = Utc::now();
    organisation::Entity::insert_many(AGENCIES.iter().enumerate().map(|(n, name)| {
        organisation::ActiveModel {
            slug: Set(format!("{AGENCY_SLUG_PREFIX}{}", n + 1)),
            name: Set(format!("{name} Provinsi Lampung")),
            short_name: Set(format!("OPD {}", n + 1)),
            kind: Set(OrganisationKind::Agency.as_db().to_owned()),
            verified: Set(true),
            enrollment_approval: Set(false),
            created_at: Set(now),
            ..Default::default()
        }
    }))
    .exec_without_returning(conn)
    .await?;
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Slug.like(format!("{AGENCY_SLUG_PREFIX}%")))
        .order_by_asc(organisation::Column::Id)
        .all(conn)
        .await?)
}

/// `count` civil servants spread evenly over `agencies`, each in a unit, holding a position
/// with a standard, one in five developed for another (the target position).
async fn civil_servants<C: ConnectionTrait>(
    conn: &C,
    rng: &mut ChaCha8Rng,
    agencies: &[organisation::Model],
    standards: &[(String, Vec<(i32, i16)>)],
    count: usize,
) -> Result<Vec<ScaledStaff>, AppError> {
    let now = Utc::now();
    let mut staff = Vec::with_capacity(count);
    for first in (0..count).step_by(CHUNK) {
        let numbers: Vec<usize> = (first..count.min(first + CHUNK)).collect();
        person::Entity::insert_many(numbers.iter().map(|n| person::ActiveModel {
            full_name: Set(format!("ASN Skala {}", n + 1)),
            email: Set(format!("asn-{}@skala.test", n + 1)),
            // 18 digits, as a NIP has; "2000…" keeps them apart from the demo's.
            nip: Set(Some(format!("2000{:014}", n + 1))),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(conn)
        .await?;
        let emails: Vec<String> =
            numbers.iter().map(|n| format!("asn-{}@skala.test", n + 1)).collect();
        let ids: HashMap<String, i32> = person::Entity::find()
            .select_only()
            .column(person::Column::Email)
            .column(person::Column::Id)
            .filter(person::Column::Email.is_in(emails.clone()))
            .into_tuple::<(String, i32)>()
            .all(conn)
            .await?
            .into_iter()
            .collect();
        let mut rows = Vec::with_capacity(numbers.len());
        for (n, email) in numbers.iter().zip(&emails) {
            let agency = &agencies[n % agencies.len()];
            let position = rng.random_range(0..standards.len());
            let target = rng.random_bool(0.2).then(|| rng.random_range(0..standards.len()));
            let member = ScaledStaff {
                person_id: ids.get(email).copied().unwrap_or_default(),
                agency_id: agency.id,
                name: format!("ASN Skala {}", n + 1),
                nip: format!("2000{:014}", n + 1),
                position,
            };
            rows.push(membership::ActiveModel {
                person_id: Set(member.person_id),
                organisation_id: Set(agency.id),
                role: Set(Role::Asn.as_db().to_owned()),
                position: Set(Some(standards[position].0.clone())),
                unit: Set(UNITS.choose(rng).map(|u| (*u).to_owned())),
                target_position: Set(target.map(|t| standards[t].0.clone())),
                created_at: Set(now),
                ..Default::default()
            });
            staff.push(member);
        }
        membership::Entity::insert_many(rows).exec_without_returning(conn).await?;
    }
    Ok(staff)
}

/// Each civil servant rates themselves in three competencies of their position's standard;
/// their supervisor rates one of those in half the cases. Levels scatter around the required
/// one, so some meet it and some fall short. Returns the ratings written.
async fn rate<C: ConnectionTrait>(
    conn: &C,
    rng: &mut ChaCha8Rng,
    staff: &[ScaledStaff],
    standards: &[(String, Vec<(i32, i16)>)],
    rater: i32,
) -> Result<usize, AppError> {
    let mut written = 0;
    for chunk in staff.chunks(CHUNK / 4) {
        let mut rows = Vec::with_capacity(chunk.len() * 4);
        for member in chunk {
            let standard = &standards[member.position].1;
            let chosen: Vec<&(i32, i16)> = standard.choose_multiple(rng, 3).collect();
            for pair in &chosen {
                rows.push(rating(
                    rng,
                    member.person_id,
                    **pair,
                    AssessmentKind::SelfAssessed,
                    member.person_id,
                ));
            }
            if let Some(pair) = chosen.first().filter(|_| rng.random_bool(0.5)) {
                rows.push(rating(rng, member.person_id, **pair, AssessmentKind::Supervisor, rater));
            }
        }
        written += rows.len();
        competency_assessment::Entity::insert_many(rows).exec_without_returning(conn).await?;
    }
    Ok(written)
}

/// One rating of `person_id` in the competency of `(competency, required)`, at a level around the
/// required one, some day in the last two years.
fn rating(
    rng: &mut ChaCha8Rng,
    person_id: i32,
    (competency, required): (i32, i16),
    kind: AssessmentKind,
    by: i32,
) -> competency_assessment::ActiveModel {
    let level = (required + rng.random_range(-2..=1)).clamp(1, 5);
    competency_assessment::ActiveModel {
        person_id: Set(person_id),
        competency_id: Set(competency),
        kind: Set(kind.as_db().to_owned()),
        level: Set(level),
        assessed_by: Set(by),
        note: Set(String::new()),
        created_at: Set(Utc::now() - Duration::days(rng.random_range(1..730))),
        ..Default::default()
    }
}
