//! The mentoring rows a call of the authorisation matrix names: a fresh mentor of the target
//! agency with an open offer, an active mentorship of theirs with a session waiting for the
//! mentee's confirmation; and the civil-servant personas made able to offer and ask (rated 4,
//! an offer to withdraw, no open request left from an earlier call).

use app::backend::entities::{
    competency, competency_assessment, membership, mentor_offer, mentoring_session, mentorship,
    person,
};
use app::model::MentorshipStatus;
use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::fixtures::person_id;
use super::personas::{PERSONAS, Target, uuid_like};
use crate::support::*;

/// The competency mentoring calls name.
pub const MENTORING_CODE: &str = "MNJ-02";

/// The mentoring ids a call names.
pub struct MentoringFixture {
    /// A fresh civil servant of the target agency (BKD when the target is not an agency), at
    /// level 4 in `MENTORING_CODE`, offering five places.
    pub mentor: i32,
    /// An active mentorship of `mentor` with a fresh colleague.
    pub mentorship: i32,
    /// A session of `mentorship` logged by the mentor, not yet confirmed.
    pub session: i32,
}

pub async fn mentoring_fixture(app: &TestApp, target: &Target) -> MentoringFixture {
    let db = &app.state.db;
    let code = competency::Entity::find()
        .filter(competency::Column::Code.eq(MENTORING_CODE))
        .one(db)
        .await
        .unwrap()
        .expect("the demo dictionary has the mentoring competency")
        .id;
    let slug = if matches!(target.slug, "diskominfotik" | "bkd") { target.slug } else { "bkd" };
    let agency = app::backend::services::organisations::find_by_slug(db, slug).await.unwrap().id;
    personas_may_mentor_and_ask(app, code).await;
    let mentor = fresh_staff(app, agency).await;
    rate_four(app, mentor, code).await;
    offer(app, mentor, agency, code).await;
    let mentee = fresh_staff(app, agency).await;
    let today = Utc::now().with_timezone(&app::domain::calendar::WIB).date_naive();
    let mentorship = mentorship::ActiveModel {
        mentor_id: Set(mentor),
        mentee_id: Set(mentee),
        competency_id: Set(code),
        agency_id: Set(agency),
        goal_level: Set(3),
        starts_on: Set(today),
        ends_on: Set(today + chrono::Duration::days(60)),
        status: Set(MentorshipStatus::Active.as_db().into()),
        request_note: Set(String::new()),
        answer_note: Set(String::new()),
        created_at: Set(Utc::now()),
        answered_at: Set(Some(Utc::now())),
        completed_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    let session = mentoring_session::ActiveModel {
        mentorship_id: Set(mentorship),
        held_on: Set(today),
        minutes: Set(60),
        topic: Set("Rapat koordinasi".into()),
        logged_by: Set(mentor),
        confirmed_by: Set(None),
        confirmed_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    MentoringFixture { mentor, mentorship, session }
}

/// Every persona who is a civil servant (the ASN, the province administrator of BPSDM) is at
/// level 4 in the competency and has an offer (so that offering and withdrawing succeed), and
/// has no open request in it (so that asking succeeds, whatever was asked before).
async fn personas_may_mentor_and_ask(app: &TestApp, code: i32) {
    let db = &app.state.db;
    for email in PERSONAS.iter().filter_map(|p| p.email()) {
        let id = person_id(app, email).await;
        let Some(staff) = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(id))
            .filter(membership::Column::Role.eq("asn"))
            .one(db)
            .await
            .unwrap()
        else {
            continue;
        };
        let rated = competency_assessment::Entity::find()
            .filter(competency_assessment::Column::PersonId.eq(id))
            .filter(competency_assessment::Column::CompetencyId.eq(code))
            .one(db)
            .await
            .unwrap();
        if rated.is_none() {
            rate_four(app, id, code).await;
        }
        offer(app, id, staff.organisation_id, code).await;
        let open = [MentorshipStatus::Requested.as_db(), MentorshipStatus::Active.as_db()];
        mentorship::Entity::update_many()
            .col_expr(mentorship::Column::Status, MentorshipStatus::Cancelled.as_db().into())
            .filter(mentorship::Column::MenteeId.eq(id))
            .filter(mentorship::Column::CompetencyId.eq(code))
            .filter(mentorship::Column::Status.is_in(open))
            .exec(db)
            .await
            .unwrap();
    }
}

/// A fresh civil servant of `agency`.
async fn fresh_staff(app: &TestApp, agency: i32) -> i32 {
    let db = &app.state.db;
    let tag = uuid_like();
    let created = person::ActiveModel {
        full_name: Set(format!("ASN {tag}")),
        email: Set(format!("{tag}@asn.example")),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    membership::ActiveModel {
        person_id: Set(created),
        organisation_id: Set(agency),
        role: Set("asn".into()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    created
}

/// A supervisor's rating of level 4 (by a province administrator, as the rows need someone).
async fn rate_four(app: &TestApp, person: i32, code: i32) {
    let admin = person_id(app, "admin2@pemprov.sinergi.example").await;
    competency_assessment::ActiveModel {
        person_id: Set(person),
        competency_id: Set(code),
        kind: Set(app::model::AssessmentKind::Supervisor.as_db().into()),
        level: Set(4),
        assessed_by: Set(admin),
        note: Set(String::new()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap();
}

/// An active offer of five places (an existing one is left as it is).
async fn offer(app: &TestApp, person: i32, agency: i32, code: i32) {
    let row = mentor_offer::ActiveModel {
        person_id: Set(person),
        competency_id: Set(code),
        agency_id: Set(agency),
        capacity: Set(5),
        note: Set(String::new()),
        active: Set(true),
        created_at: Set(Utc::now()),
    };
    mentor_offer::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                mentor_offer::Column::PersonId,
                mentor_offer::Column::CompetencyId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(&app.state.db)
        .await
        .unwrap();
}
