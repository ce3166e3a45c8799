//! `seed --scale N`: N generated offers (and N/5 needs, `scale_needs.rs`) on top of the demo
//! data, the same every time (a fixed random seed), for benchmarks. Written in slices of bulk inserts inside one transaction, so a
//! large N takes seconds and an interrupted run leaves nothing behind.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use rand::seq::IndexedRandom as _;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect, TransactionTrait,
};

use crate::backend::db;
use crate::backend::entities::{
    competency, course_detail, course_session, learning_form, offer, offer_competency,
    offer_person, organisation, person, research_detail, seat_pool,
};
use crate::backend::search::analyse;
use crate::error::AppError;
use crate::model::{DeliveryMode, OfferKind, OfferStatus, OrganisationKind, Region};

/// Offers written per bulk insert.
const SLICE: usize = 500;

const TOPICS: &[&str] = &[
    "Pelayanan Publik",
    "Pengelolaan Arsip",
    "Analisis Data",
    "Keamanan Informasi",
    "Perencanaan Daerah",
    "Kepemimpinan",
    "Komunikasi Publik",
    "Manajemen Kinerja",
    "Pengadaan Barang dan Jasa",
    "Keuangan Daerah",
    "Statistik Sektoral",
    "Layanan Digital",
    "Penanganan Pengaduan",
    "Integritas",
    "Kerja Sama Tim",
    "Coaching",
];
const FORMATS: &[&str] =
    &["Pelatihan", "Lokakarya", "Kursus Singkat", "Bimbingan Teknis", "Kajian"];
const AUDIENCES: &[&str] = &[
    "untuk Perangkat Daerah",
    "bagi Pejabat Pengawas",
    "untuk ASN Fungsional",
    "bagi Operator",
    "di Kabupaten/Kota",
    "Tingkat Lanjut",
    "Tingkat Dasar",
];

/// Writes `count` generated offers (three courses to one research offer, nine in ten
/// published) across the verified universities, and `count / 5` needs of the verified
/// agencies. Needs the demo data loaded first.
pub async fn seed_scale<C>(conn: &C, count: usize) -> Result<usize, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    let universities: Vec<organisation::Model> = organisation::Entity::find()
        .filter(organisation::Column::Kind.eq(OrganisationKind::University.as_db()))
        .filter(organisation::Column::Verified.eq(true))
        .all(&txn)
        .await?;
    let competencies = competency::Entity::find().all(&txn).await?;
    let form = learning_form::Entity::find()
        .filter(learning_form::Column::Code.eq("pelatihan"))
        .one(&txn)
        .await?;
    let author = person::Entity::find().one(&txn).await?;
    let (Some(form), Some(author)) = (form, author) else {
        return Err(AppError::internal("seed --scale needs the demo data: run `seed` first"));
    };
    if universities.is_empty() || competencies.is_empty() {
        return Err(AppError::internal("seed --scale needs the demo data: run `seed` first"));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(0x5131_E261);
    let start = offer::Entity::find().count(&txn).await? as usize;
    for first in (0..count).step_by(SLICE) {
        let n = SLICE.min(count - first);
        let generated: Vec<Generated> = (0..n)
            .map(|i| Generated::new(&mut rng, start + first + i, &universities, &competencies))
            .collect();
        offer::Entity::insert_many(generated.iter().map(|g| g.offer_row(author.id)))
            .exec_without_returning(&txn)
            .await?;
        let slugs: Vec<String> = generated.iter().map(|g| g.slug.clone()).collect();
        let ids: HashMap<String, i32> = offer::Entity::find()
            .select_only()
            .column(offer::Column::Slug)
            .column(offer::Column::Id)
            .filter(offer::Column::Slug.is_in(slugs))
            .into_tuple::<(String, i32)>()
            .all(&txn)
            .await?
            .into_iter()
            .collect();
        let id_of = |g: &Generated| ids.get(&g.slug).copied().unwrap_or_default();
        write_children(&txn, &generated, &id_of, form.id).await?;
    }
    super::scale_needs::seed_scale_needs(&txn, count / 5, author.id).await?;
    // Written in bulk, past the services' hooks, and not queued for matching: ranking thousands
    // of needs would run under every benchmark of the server. `server bench-matching` ranks them.
    // The candidate index is built here, as the hooks would have kept it.
    crate::backend::services::matching::rebuild_candidate_index(&txn).await?;
    txn.commit().await?;
    if conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        // What autovacuum does some time after a bulk load, at once: the planner's statistics.
        conn.execute_unprepared("ANALYZE").await?;
    }
    Ok(count)
}

/// One generated offer.
struct Generated {
    slug: String,
    kind: OfferKind,
    title: String,
    summary: String,
    university: organisation::Model,
    competencies: Vec<(competency::Model, i16)>,
    mode: DeliveryMode,
    region: Option<&'static str>,
    fee: i64,
    starts_on: NaiveDate,
    days: u32,
    jp: i32,
    published: bool,
}

impl Generated {
    fn new(
        rng: &mut ChaCha8Rng,
        n: usize,
        universities: &[organisation::Model],
        competencies: &[competency::Model],
    ) -> Self {
        let pick = |rng: &mut ChaCha8Rng, list: &[&'static str]| *list.choose(rng).unwrap_or(&"");
        let topic = pick(rng, TOPICS);
        let kind = if n % 4 == 3 { OfferKind::Research } else { OfferKind::Course };
        let format = if kind == OfferKind::Research { "Kajian" } else { pick(rng, FORMATS) };
        let title = format!("{format} {topic} {} {}", pick(rng, AUDIENCES), n + 1);
        let university = universities[rng.random_range(0..universities.len())].clone();
        let mut chosen: Vec<(competency::Model, i16)> = Vec::new();
        for _ in 0..rng.random_range(1..=3) {
            let c = &competencies[rng.random_range(0..competencies.len())];
            if !chosen.iter().any(|(k, _)| k.id == c.id) {
                chosen.push((c.clone(), rng.random_range(1..=5)));
            }
        }
        let mode = DeliveryMode::ALL[rng.random_range(0..3)];
        let region = (mode != DeliveryMode::Daring)
            .then(|| Region::ALL[rng.random_range(0..Region::ALL.len())].code);
        let starts_on = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap_or_default()
            + Duration::days(rng.random_range(0..540));
        Self {
            slug: format!("{}-s{}", slug::slugify(&title), n + 1),
            summary: format!("{topic}: materi, praktik dan studi kasus {}.", pick(rng, AUDIENCES)),
            kind,
            title,
            university,
            competencies: chosen,
            mode,
            region,
            fee: if rng.random_bool(0.4) { 0 } else { rng.random_range(1..=50) * 100_000 },
            starts_on,
            days: rng.random_range(1..=5),
            jp: rng.random_range(1..=10) * 8,
            published: rng.random_bool(0.9),
        }
    }

    fn offer_row(&self, author: i32) -> offer::ActiveModel {
        let course = self.kind == OfferKind::Course;
        let mut keywords = vec![self.summary.clone(), self.university.name.clone()];
        keywords.extend(self.competencies.iter().map(|(c, _)| c.name_id.clone()));
        let published_at = Utc.timestamp_opt(1_780_000_000 + self.days as i64 * 3600, 0).single();
        offer::ActiveModel {
            slug: Set(self.slug.clone()),
            kind: Set(self.kind.as_db().to_owned()),
            university_id: Set(self.university.id),
            title: Set(self.title.clone()),
            summary: Set(self.summary.clone()),
            description: Set(format!("## Materi\n\n{}", self.summary)),
            status: Set(if self.published { OfferStatus::Published } else { OfferStatus::Draft }
                .as_db()
                .to_owned()),
            mode: Set(course.then(|| self.mode.as_db().to_owned())),
            region_code: Set(if course { self.region.map(str::to_owned) } else { None }),
            fee_rupiah: Set(course.then_some(self.fee)),
            starts_on: Set(course.then_some(self.starts_on)),
            search_title: Set(analyse(&self.title)),
            search_keywords: Set(analyse(&keywords.join(" "))),
            search_body: Set(analyse(&self.summary)),
            created_by: Set(author),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            published_at: Set(if self.published { published_at } else { None }),
            ..Default::default()
        }
    }
}

async fn write_children<C: ConnectionTrait>(
    conn: &C,
    generated: &[Generated],
    id_of: &dyn Fn(&Generated) -> i32,
    learning_form_id: i32,
) -> Result<(), AppError> {
    let mut competencies = Vec::new();
    let mut people = Vec::new();
    let mut courses = Vec::new();
    let mut sessions = Vec::new();
    let mut research = Vec::new();
    let mut pools = Vec::new();
    for g in generated {
        let id = id_of(g);
        let course = g.kind == OfferKind::Course;
        competencies.extend(g.competencies.iter().map(|(c, level)| {
            offer_competency::ActiveModel {
                offer_id: Set(id),
                competency_id: Set(c.id),
                level: Set(course.then_some(*level)),
            }
        }));
        people.push(offer_person::ActiveModel {
            offer_id: Set(id),
            position: Set(0),
            name: Set(format!("Narasumber {}", g.university.short_name)),
            role: Set("Narasumber".to_owned()),
        });
        if course {
            pools.push(seat_pool::ActiveModel {
                offer_id: Set(id),
                collaboration_id: Set(None),
                capacity: Set(30),
                taken: Set(0),
                waiting: Set(0),
                ..Default::default()
            });
            courses.push(course_detail::ActiveModel {
                offer_id: Set(id),
                jp: Set(g.jp),
                learning_form_id: Set(learning_form_id),
                international: Set(false),
                capacity: Set(30),
                prerequisites: Set(String::new()),
                min_attendance_percent: Set(80),
                min_post_test_score: Set(70),
                enrollment_opens_on: Set(g.starts_on - Duration::days(30)),
                enrollment_closes_on: Set(g.starts_on - Duration::days(2)),
            });
            for day in 0..g.days {
                let date = g.starts_on + Duration::days(day.into());
                let at =
                    |hour| Utc.from_utc_datetime(&date.and_hms_opt(hour, 0, 0).unwrap_or_default());
                sessions.push(course_session::ActiveModel {
                    offer_id: Set(id),
                    // 08.00–16.00 WIB.
                    starts_at: Set(at(1)),
                    ends_at: Set(at(9)),
                    place: Set(g
                        .region
                        .and_then(Region::by_code)
                        .map_or("Daring", |r| r.name)
                        .to_owned()),
                    ..Default::default()
                });
            }
        } else {
            research.push(research_detail::ActiveModel {
                offer_id: Set(id),
                expertise: Set("Kebijakan publik".to_owned()),
                sectors: Set("Pelayanan publik".to_owned()),
                duration_months: Set(6),
                budget_min_rupiah: Set(50_000_000),
                budget_max_rupiah: Set(150_000_000),
                outputs: Set("policy_brief,evaluation".to_owned()),
            });
        }
    }
    offer_competency::Entity::insert_many(competencies).exec_without_returning(conn).await?;
    offer_person::Entity::insert_many(people).exec_without_returning(conn).await?;
    if !courses.is_empty() {
        course_detail::Entity::insert_many(courses).exec_without_returning(conn).await?;
        course_session::Entity::insert_many(sessions).exec_without_returning(conn).await?;
        seat_pool::Entity::insert_many(pools).exec_without_returning(conn).await?;
    }
    if !research.is_empty() {
        research_detail::Entity::insert_many(research).exec_without_returning(conn).await?;
    }
    Ok(())
}
