//! Demo data: loaded into an empty database by `serve` (unless disabled) and by `seed`.

mod competencies;
mod courses;
pub mod crowd;
mod dates;
mod indicators;
mod indicators_technical;
mod needs;
mod offers;
mod organisations;
mod positions;
mod research;
mod scale;
mod scale_enrollments;
mod scale_needs;
mod scale_people;

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, PaginatorTrait, TransactionTrait};

use crate::backend::db;
use crate::backend::entities::{
    competency, competency_level, competency_type, local_credential, membership, organisation,
    person, position, position_requirement,
};
use crate::error::AppError;
use crate::model::Nip;

pub use competencies::{COMPETENCIES, TYPES};
pub use courses::{COURSES, SeedCourse};
pub use dates::{demo_date, seed_day};
pub use organisations::{DEMO_PASSWORD, ORGANISATIONS, PEOPLE};
pub use positions::POSITIONS;
pub use research::{RESEARCH, SeedResearch};
pub use scale::seed_scale;
pub use scale_people::{AGENCY_SLUG_PREFIX, ScaledProvince, seed_scale_people};

/// What `seed_demo` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    /// The database was empty and now holds the demo data.
    Loaded,
    /// The database already had organisations; nothing was written.
    AlreadyPopulated,
}

/// Loads the demo data into an empty database, all in one transaction: either everything is
/// there afterwards or nothing is.
pub async fn seed_demo<C>(conn: &C) -> Result<SeedOutcome, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    // Servers starting together on one empty PostgreSQL database: one seeds, the others wait and
    // then find the data there.
    db::lock_for_transaction(&txn, db::Lock::DemoSeed).await?;
    if organisation::Entity::find().count(&txn).await? > 0 {
        return Ok(SeedOutcome::AlreadyPopulated);
    }
    let now = Utc::now();

    organisation::Entity::insert_many(ORGANISATIONS.iter().map(
        |(slug, name, short, kind, verified)| organisation::ActiveModel {
            slug: Set((*slug).to_owned()),
            name: Set((*name).to_owned()),
            short_name: Set((*short).to_owned()),
            kind: Set(kind.as_db().to_owned()),
            verified: Set(*verified),
            created_at: Set(now),
            ..Default::default()
        },
    ))
    .exec(&txn)
    .await?;
    let org_ids: HashMap<String, i32> =
        organisation::Entity::find().all(&txn).await?.into_iter().map(|o| (o.slug, o.id)).collect();
    let org_id = |slug: &str| {
        org_ids
            .get(slug)
            .copied()
            .ok_or_else(|| AppError::internal(format!("seed names unknown organisation {slug}")))
    };

    // One hash for all demo accounts: they share the documented demo password.
    let demo_hash =
        crate::backend::auth::passwords::hash_password(DEMO_PASSWORD.to_owned()).await?;
    for person_seed in PEOPLE {
        let nip = match person_seed.nip {
            Some(raw) => Some(Nip::parse(raw).map_err(AppError::internal)?.to_string()),
            None => None,
        };
        let created = person::Entity::insert(person::ActiveModel {
            full_name: Set(person_seed.full_name.to_owned()),
            email: Set(person_seed.email.to_owned()),
            nip: Set(nip),
            created_at: Set(now),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
        local_credential::Entity::insert(local_credential::ActiveModel {
            person_id: Set(created.last_insert_id),
            password_hash: Set(demo_hash.clone()),
            updated_at: Set(now),
        })
        .exec(&txn)
        .await?;
        membership::Entity::insert(membership::ActiveModel {
            person_id: Set(created.last_insert_id),
            organisation_id: Set(org_id(person_seed.organisation)?),
            role: Set(person_seed.role.to_owned()),
            position: Set(person_seed.position.map(str::to_owned)),
            unit: Set(person_seed.unit.map(str::to_owned)),
            rank: Set(person_seed.rank.map(str::to_owned)),
            created_at: Set(now),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
        for (organisation, role) in person_seed.also {
            membership::Entity::insert(membership::ActiveModel {
                person_id: Set(created.last_insert_id),
                organisation_id: Set(org_id(organisation)?),
                role: Set((*role).to_owned()),
                created_at: Set(now),
                ..Default::default()
            })
            .exec(&txn)
            .await?;
        }
    }

    competency_type::Entity::insert_many(competencies::TYPES.iter().zip(1i16..).map(
        |((code, name_id, name_en), sort_order)| competency_type::ActiveModel {
            code: Set((*code).to_owned()),
            name_id: Set((*name_id).to_owned()),
            name_en: Set((*name_en).to_owned()),
            sort_order: Set(sort_order),
        },
    ))
    .exec(&txn)
    .await?;

    for seed in COMPETENCIES {
        let owner = seed.owner_slug.map(org_id).transpose()?;
        let created = competency::Entity::insert(competency::ActiveModel {
            code: Set(seed.code.to_owned()),
            type_code: Set(seed.type_code.to_owned()),
            name_id: Set(seed.name_id.to_owned()),
            name_en: Set(seed.name_en.to_owned()),
            definition_id: Set(seed.definition_id.to_owned()),
            owner_organisation_id: Set(owner),
            created_at: Set(now),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
        let indicators = indicators::INDICATORS
            .iter()
            .chain(indicators_technical::TECHNICAL_INDICATORS)
            .find(|(code, _)| *code == seed.code);
        competency_level::Entity::insert_many(seed.levels.iter().zip(1i16..).map(
            |(description, level)| {
                competency_level::ActiveModel {
                    competency_id: Set(created.last_insert_id),
                    level: Set(level),
                    description_id: Set((*description).to_owned()),
                    indicators: Set(indicators
                        .and_then(|(_, by_level)| by_level.get(usize::try_from(level - 1).ok()?))
                        .map(|lines| lines.join("\n"))
                        .unwrap_or_default()),
                    ..Default::default()
                }
            },
        ))
        .exec(&txn)
        .await?;
    }

    let competency_ids: HashMap<String, i32> =
        competency::Entity::find().all(&txn).await?.into_iter().map(|c| (c.code, c.id)).collect();
    for seed in POSITIONS {
        let created = position::Entity::insert(position::ActiveModel {
            code: Set(seed.code.to_owned()),
            name: Set(seed.name.to_owned()),
            created_at: Set(now),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
        let mut requirements = Vec::new();
        for (code, level) in seed.requires {
            let competency_id = competency_ids.get(*code).copied().ok_or_else(|| {
                AppError::internal(format!(
                    "position {} names unknown competency {code}",
                    seed.code
                ))
            })?;
            requirements.push(position_requirement::ActiveModel {
                position_id: Set(created.last_insert_id),
                competency_id: Set(competency_id),
                level: Set(*level),
                ..Default::default()
            });
        }
        position_requirement::Entity::insert_many(requirements).exec(&txn).await?;
    }

    let organisations: HashMap<String, organisation::Model> = organisation::Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|o| (o.slug.clone(), o))
        .collect();
    let people: HashMap<String, i32> =
        person::Entity::find().all(&txn).await?.into_iter().map(|p| (p.email, p.id)).collect();
    // One day for every demo date, so courses and needs move by the same weeks.
    let today = seed_day();
    offers::seed_offers(&txn, &organisations, &people, today).await?;
    needs::seed_needs(&txn, &organisations, &people, today).await?;

    txn.commit().await?;
    tracing::info!(
        organisations = ORGANISATIONS.len(),
        people = PEOPLE.len(),
        competencies = COMPETENCIES.len(),
        "demo data loaded"
    );
    Ok(SeedOutcome::Loaded)
}
