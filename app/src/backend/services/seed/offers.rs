//! Demo catalogue: writes the courses (`courses.rs`) and research offers (`research.rs`) of the
//! seeded universities through the offers service's own insert functions, so that they carry
//! search text like any other offer.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveTime, Utc};
use sea_orm::ConnectionTrait;

use super::courses::{COURSES, SeedCourse};
use super::dates::demo_date;
use super::research::{RESEARCH, SeedResearch};
use crate::backend::entities::organisation;
use crate::backend::services::offers::{insert_course, insert_research, publish_seeded};
use crate::error::AppError;
use crate::model::{CourseDraft, OfferCompetency, OfferPerson, ResearchDraft, SessionDraft};

/// Writes the demo catalogue, with the seeded organisations by slug and people by email, its
/// dates moved to the week of `today`.
pub async fn seed_offers<C: ConnectionTrait>(
    conn: &C,
    organisations: &HashMap<String, organisation::Model>,
    people: &HashMap<String, i32>,
    today: NaiveDate,
) -> Result<(), AppError> {
    let org = |slug: &str| {
        organisations
            .get(slug)
            .cloned()
            .ok_or_else(|| AppError::internal(format!("seed names unknown organisation {slug}")))
    };
    let person = |email: &str| {
        people
            .get(email)
            .copied()
            .ok_or_else(|| AppError::internal(format!("seed names unknown person {email}")))
    };
    let now = Utc::now();
    for seed in COURSES {
        let author = person(seed.author)?;
        let draft = course_draft(seed, today)?;
        let (id, _) = insert_course(conn, &org(seed.university)?, author, &draft).await?;
        if let Some(days) = seed.published_days_ago {
            publish_seeded(conn, id, author, now - Duration::days(days)).await?;
        }
    }
    for seed in RESEARCH {
        let author = person(seed.author)?;
        let (id, _) =
            insert_research(conn, &org(seed.university)?, author, &research_draft(seed)).await?;
        publish_seeded(conn, id, author, now - Duration::days(seed.published_days_ago)).await?;
    }
    Ok(())
}

fn course_draft(seed: &SeedCourse, today: NaiveDate) -> Result<CourseDraft, AppError> {
    let start = demo_date(seed.start, today)?;
    let hour = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default();
    let draft = CourseDraft {
        title: seed.title.to_owned(),
        summary: seed.summary.to_owned(),
        description: seed.description.to_owned(),
        competencies: seed
            .competencies
            .iter()
            .map(|(code, level)| OfferCompetency { code: (*code).to_owned(), level: Some(*level) })
            .collect(),
        jp: seed.jp,
        learning_form: "pelatihan".to_owned(),
        international: false,
        mode: seed.mode,
        region_code: seed.region.to_owned(),
        sessions: (0..seed.days)
            .map(|d| SessionDraft {
                date: start + Duration::days(d.into()),
                starts: hour(8),
                ends: hour(16),
                place: seed.place.to_owned(),
            })
            .collect(),
        capacity: seed.capacity,
        fee_rupiah: seed.fee_rupiah,
        instructors: team(seed.instructors),
        prerequisites: String::new(),
        min_attendance_percent: 80,
        min_post_test_score: 70,
        enrollment_opens_on: demo_date((2026, 11, 1), today)?,
        enrollment_closes_on: start - Duration::days(3),
    };
    draft
        .validate()
        .map_err(|e| AppError::internal(format!("seed course {}: {e:?}", seed.title)))?;
    Ok(draft)
}

fn research_draft(seed: &SeedResearch) -> ResearchDraft {
    ResearchDraft {
        title: seed.title.to_owned(),
        summary: seed.summary.to_owned(),
        description: seed.description.to_owned(),
        expertise: seed.expertise.to_owned(),
        team: team(seed.team),
        competencies: seed
            .competencies
            .iter()
            .map(|code| OfferCompetency { code: (*code).to_owned(), level: None })
            .collect(),
        sectors: seed.sectors.iter().map(|s| (*s).to_owned()).collect(),
        duration_months: seed.months,
        budget_min_rupiah: seed.budget.0,
        budget_max_rupiah: seed.budget.1,
        outputs: seed.outputs.to_vec(),
    }
}

fn team(list: &[(&str, &str)]) -> Vec<OfferPerson> {
    list.iter()
        .map(|(name, role)| OfferPerson { name: (*name).to_owned(), role: (*role).to_owned() })
        .collect()
}
