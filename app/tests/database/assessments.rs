//! Competency assessment on both databases: the profile follows the documented rule
//! (supervisor over certificate evidence over self, the most recent within a kind) and keeps
//! every rating; a revoked certificate stops counting; the positions give the gaps; only the
//! person, their agency's leads, their named supervisor and the province see a profile, and
//! only leads and the supervisor rate it; bad input changes nothing; the schema holds the rules.

use app::backend::auth::Actor;
use app::backend::entities::{
    certificate, competency, competency_assessment, membership, supervision,
};
use app::backend::services::assessments;
use app::backend::services::certificates;
use app::backend::services::seed::seed_demo;
use app::error::AppError;
use app::model::{
    AssessmentDraft, AssessmentKind, CompetencyProfile, FieldError, Role, ValidationCode,
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};

use crate::certificates::closed_course;
use crate::enrollments::{BKD_LEAD, staff};
use crate::harness::each_database;
use crate::offers::course;
use crate::people::actor;
use crate::proposals::{KOMINFO_LEAD, UNILA_ACADEMIC};

const PROVINCE: &str = "admin@pemprov.sinergi.example";

fn level(level: i16) -> AssessmentDraft {
    AssessmentDraft { level, note: String::new() }
}

/// The row of `code` in the profile.
fn row<'a>(profile: &'a CompetencyProfile, code: &str) -> &'a app::model::ProfileRow {
    profile.rows.iter().find(|r| r.code == code).unwrap_or_else(|| panic!("no {code} row"))
}

/// The level that counts in `code`, and its source.
fn current(profile: &CompetencyProfile, code: &str) -> Option<(i16, AssessmentKind)> {
    row(profile, code).current.map(|c| (c.level, c.kind))
}

async fn set_position(db: &DatabaseConnection, person: &Actor, position: &str) {
    membership::Entity::update_many()
        .col_expr(membership::Column::Position, Some(position.to_owned()).into())
        .filter(membership::Column::PersonId.eq(person.person_id))
        .exec(db)
        .await
        .unwrap();
}

async fn ratings_count(db: &DatabaseConnection) -> u64 {
    competency_assessment::Entity::find().count(db).await.unwrap()
}

#[tokio::test]
async fn the_profile_follows_the_rule_and_keeps_every_rating() {
    each_database("assessment_rule", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        // The course brings MNJ-05 to level 3; the first of the two completes it.
        let (_, people) = closed_course(&db, course("Kelas Profil"), &[10], "pr").await;
        let person = &people[0];
        let lead = actor(&db, KOMINFO_LEAD).await;

        let evidence = assessments::own_profile(&db, person).await.unwrap();
        assert_eq!(
            current(&evidence, "MNJ-05"),
            Some((3, AssessmentKind::Evidence)),
            "{backend:?}"
        );
        assert!(evidence.own && !evidence.may_rate && evidence.plan.is_none());

        // A higher claim does not outweigh the certificate...
        assessments::self_assess(&db, person, "MNJ-05", &level(5)).await.unwrap();
        assessments::self_assess(&db, person, "MNJ-02", &level(2)).await.unwrap();
        let claimed = assessments::own_profile(&db, person).await.unwrap();
        assert_eq!(current(&claimed, "MNJ-05"), Some((3, AssessmentKind::Evidence)));
        assert_eq!(current(&claimed, "MNJ-02"), Some((2, AssessmentKind::SelfAssessed)));

        // ...until the certificate is revoked: the evidence goes with it.
        let cert = certificate::Entity::find()
            .filter(certificate::Column::PersonId.eq(person.person_id))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let unila = actor(&db, UNILA_ACADEMIC).await;
        certificates::revoke(&db, &unila, &cert.code, "Nilai salah dimasukkan.").await.unwrap();
        let revoked = assessments::own_profile(&db, person).await.unwrap();
        assert_eq!(current(&revoked, "MNJ-05"), Some((5, AssessmentKind::SelfAssessed)));

        // The supervisor outweighs both; the most recent of theirs counts, even when lower.
        assessments::rate(&db, &lead, person.person_id, "MNJ-05", &level(4)).await.unwrap();
        let noted = AssessmentDraft { level: 2, note: "Belum memimpin rapat koordinasi.".into() };
        assessments::rate(&db, &lead, person.person_id, "MNJ-05", &noted).await.unwrap();
        let rated = assessments::profile(&db, &lead, person.person_id).await.unwrap();
        assert_eq!(current(&rated, "MNJ-05"), Some((2, AssessmentKind::Supervisor)));
        assert!(rated.may_rate && !rated.own && rated.plan.is_some(), "{backend:?}");

        // Nothing is overwritten: the history holds every rating, newest first.
        let history: Vec<(&str, i16, AssessmentKind)> =
            rated.history.iter().map(|h| (h.code.as_str(), h.level, h.kind)).collect();
        assert_eq!(
            history,
            [
                ("MNJ-05", 2, AssessmentKind::Supervisor),
                ("MNJ-05", 4, AssessmentKind::Supervisor),
                ("MNJ-02", 2, AssessmentKind::SelfAssessed),
                ("MNJ-05", 5, AssessmentKind::SelfAssessed),
            ],
            "{backend:?}"
        );
        assert_eq!(rated.history[0].note, "Belum memimpin rapat koordinasi.");
        assert_eq!(rated.history[0].by, lead.full_name);
        assert_eq!(ratings_count(&db).await, 4);
    })
    .await;
}

#[tokio::test]
async fn gaps_are_measured_against_the_position_held_and_the_target() {
    each_database("assessment_gaps", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let person = staff(&db, "diskominfotik", "gp", 1).await.remove(0);
        let lead = actor(&db, KOMINFO_LEAD).await;
        // Requires every managerial competency at level 1, TEK-DATA-01 and TEK-SIBER-01 at 2.
        set_position(&db, &person, "Pranata Komputer Ahli Pertama").await;
        assessments::save_plan(&db, &lead, person.person_id, "", "Kepala Bidang Statistik")
            .await
            .unwrap();
        assessments::rate(&db, &lead, person.person_id, "TEK-DATA-01", &level(2)).await.unwrap();
        assessments::rate(&db, &lead, person.person_id, "MNJ-01", &level(1)).await.unwrap();

        let profile = assessments::own_profile(&db, &person).await.unwrap();
        assert_eq!(profile.target_position.as_deref(), Some("Kepala Bidang Statistik"));
        let data = row(&profile, "TEK-DATA-01");
        assert_eq!((data.required, data.target_required), (Some(2), Some(3)), "{backend:?}");
        assert_eq!(data.gap().and_then(|g| g.shortfall()), Some(0));
        assert_eq!(data.target_gap().and_then(|g| g.shortfall()), Some(1));
        let lead_comp = row(&profile, "MNJ-01");
        assert_eq!(lead_comp.target_gap().and_then(|g| g.shortfall()), Some(2));
        // Never assessed is unknown, not zero; the target alone does not require TEK-SIBER-01.
        let cyber = row(&profile, "TEK-SIBER-01");
        assert_eq!(cyber.gap(), Some(app::domain::profile::Gap::Unassessed));
        assert_eq!(cyber.target_required, None);
        // Every competency either position requires, once each.
        assert_eq!(profile.rows.len(), 11, "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn only_the_person_their_leads_supervisor_and_the_province_see_a_profile() {
    each_database("assessment_access", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let mut people = staff(&db, "diskominfotik", "ac", 3).await;
        let (person, supervisor, other) = (people.remove(0), people.remove(0), people.remove(0));
        let lead = actor(&db, KOMINFO_LEAD).await;
        let id = person.person_id;

        // Strangers are told it does not exist, whoever they are.
        for stranger in
            [&supervisor, &actor(&db, BKD_LEAD).await, &actor(&db, UNILA_ACADEMIC).await]
        {
            let seen = assessments::profile(&db, stranger, id).await;
            assert!(matches!(seen, Err(AppError::NotFound)), "{backend:?}: {seen:?}");
            let rated = assessments::rate(&db, stranger, id, "MNJ-01", &level(3)).await;
            assert!(matches!(rated, Err(AppError::NotFound)), "{backend:?}: {rated:?}");
        }
        // The province sees but does not rate.
        let province = actor(&db, PROVINCE).await;
        let seen = assessments::profile(&db, &province, id).await.unwrap();
        assert!(!seen.may_rate && seen.plan.is_none());
        let rated = assessments::rate(&db, &province, id, "MNJ-01", &level(3)).await;
        assert!(matches!(rated, Err(AppError::Forbidden)), "{rated:?}");
        // Nobody rates themselves as their supervisor.
        let own = assessments::rate(&db, &person, id, "MNJ-01", &level(5)).await;
        assert!(matches!(own, Err(AppError::Forbidden)), "{own:?}");
        // Only leads plan.
        let planned = assessments::save_plan(&db, &province, id, "", "").await;
        assert!(matches!(planned, Err(AppError::Forbidden)), "{planned:?}");

        // Once named, the supervisor sees and rates their own staff, and only them.
        let named = supervisor.person_id.to_string();
        assessments::save_plan(&db, &lead, id, &named, "").await.unwrap();
        let theirs = assessments::profile(&db, &supervisor, id).await.unwrap();
        assert!(theirs.may_rate && theirs.plan.is_none(), "{backend:?}");
        assert_eq!(theirs.supervisor.as_deref(), Some(supervisor.full_name.as_str()));
        assessments::rate(&db, &supervisor, id, "MNJ-01", &level(3)).await.unwrap();
        let form = assessments::assessment_form(&db, &supervisor, id, "MNJ-01").await.unwrap();
        assert_eq!((form.own, form.levels.len()), (false, 5));
        assert_eq!(form.current.map(|c| c.level), Some(3));
        let elsewhere = assessments::profile(&db, &supervisor, other.person_id).await;
        assert!(matches!(elsewhere, Err(AppError::NotFound)), "{elsewhere:?}");

        // Naming another supervisor ends the first one's access.
        assessments::save_plan(&db, &lead, id, &other.person_id.to_string(), "").await.unwrap();
        let ended = assessments::profile(&db, &supervisor, id).await;
        assert!(matches!(ended, Err(AppError::NotFound)), "{backend:?}: {ended:?}");
        assert_eq!(supervision::Entity::find().count(&db).await.unwrap(), 1);
        // A lead who is not a civil servant has no profile of their own to rate.
        let not_staff = assessments::self_assess(&db, &lead, "MNJ-01", &level(3)).await;
        assert!(matches!(not_staff, Err(AppError::Forbidden)), "{not_staff:?}");
    })
    .await;
}

#[tokio::test]
async fn bad_input_is_refused_in_full_and_changes_nothing() {
    each_database("assessment_refusals", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let person = staff(&db, "diskominfotik", "rf", 1).await.remove(0);
        let lead = actor(&db, KOMINFO_LEAD).await;
        let invalid = |result: Result<(), AppError>| match result {
            Err(AppError::Invalid(fields)) => fields,
            other => panic!("{backend:?}: {other:?}"),
        };
        let range = ValidationCode::OutOfRange { min: 1, max: 5 };
        for bad in [0, 6] {
            let fields =
                invalid(assessments::self_assess(&db, &person, "MNJ-01", &level(bad)).await);
            assert_eq!(fields, [FieldError::new("level", range)]);
        }
        let long = AssessmentDraft { level: 3, note: "x".repeat(501) };
        let fields =
            invalid(assessments::rate(&db, &lead, person.person_id, "MNJ-01", &long).await);
        assert_eq!(fields, [FieldError::new("note", ValidationCode::TooLong { max: 500 })]);
        let unknown = assessments::self_assess(&db, &person, "MNJ-99", &level(3)).await;
        assert!(matches!(unknown, Err(AppError::NotFound)), "{unknown:?}");
        assert_eq!(ratings_count(&db).await, 0, "{backend:?}");

        // The plan: all or nothing.
        let id = person.person_id;
        let bkd_lead = actor(&db, BKD_LEAD).await.person_id.to_string();
        let cases = [
            (id.to_string(), "", "supervisor", ValidationCode::SupervisesThemselves),
            (bkd_lead, "", "supervisor", ValidationCode::UnknownChoice),
            ("seseorang".to_owned(), "", "supervisor", ValidationCode::UnknownChoice),
            (
                lead.person_id.to_string(),
                "Jabatan Khayalan",
                "target_position",
                ValidationCode::UnknownChoice,
            ),
        ];
        for (supervisor, target, field, code) in cases {
            let fields = invalid(assessments::save_plan(&db, &lead, id, &supervisor, target).await);
            assert_eq!(fields, [FieldError::new(field, code)], "{backend:?}");
        }
        assert_eq!(supervision::Entity::find().count(&db).await.unwrap(), 0);
        let unchanged = assessments::profile(&db, &lead, id).await.unwrap();
        assert_eq!((unchanged.target_position, unchanged.supervisor), (None, None));
    })
    .await;
}

#[tokio::test]
async fn the_schema_refuses_ratings_and_supervisions_that_break_its_rules() {
    each_database("assessment_schema", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let mut people = staff(&db, "diskominfotik", "sc", 2).await;
        let (person, other) = (people.remove(0), people.remove(0));
        let competency = competency::Entity::find()
            .filter(competency::Column::Code.eq("MNJ-01"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let rating = |kind: &str, by: i32, level: i16| competency_assessment::ActiveModel {
            person_id: Set(person.person_id),
            competency_id: Set(competency.id),
            kind: Set(kind.to_owned()),
            level: Set(level),
            assessed_by: Set(by),
            note: Set(String::new()),
            created_at: Set(Utc::now()),
            ..Default::default()
        };
        for (kind, by, level) in [
            ("self", other.person_id, 3),
            ("supervisor", person.person_id, 3),
            ("self", person.person_id, 6),
            ("peer", other.person_id, 3),
        ] {
            let refused = rating(kind, by, level).insert(&db).await;
            assert!(refused.is_err(), "{backend:?}: {kind} by {by} at {level}");
        }
        rating("supervisor", other.person_id, 3).insert(&db).await.unwrap();
        let agency = actor(&db, KOMINFO_LEAD).await.organisations_as(Role::AgencyLead)[0];
        let themselves = supervision::ActiveModel {
            agency_id: Set(agency),
            person_id: Set(person.person_id),
            supervisor_id: Set(person.person_id),
            created_at: Set(Utc::now()),
        }
        .insert(&db)
        .await;
        assert!(themselves.is_err(), "{backend:?}");
    })
    .await;
}
