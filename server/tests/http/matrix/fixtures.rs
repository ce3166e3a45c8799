//! The rows a call of the authorisation matrix names (a person, an access request, an
//! invitation, drafts, an open need, a proposal, a collaboration, an open course with a pending
//! enrollment), built for each target and built afresh once a call may have used them up.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use app::backend::entities::person;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::course_fixtures::{certificate, jp_entry, open_course};
use super::mentoring_fixtures::{MentoringFixture, mentoring_fixture};
use super::personas::{Persona, Target, role_in, uuid_like};
use crate::support::*;

/// Ids in the database that a call aimed at a target names.
pub struct Fixture {
    /// The target person.
    pub person_id: i32,
    /// A fresh pending access request to the target organisation.
    pub request_id: i32,
    /// The token of a fresh invitation into the target organisation.
    pub invitation: String,
    /// A stored roster import of the target organisation.
    pub roster_import: i32,
    /// The slug of a fresh draft course of the target university (of ITERA when the target is
    /// not a university), written by an academic there.
    pub draft_course: String,
    /// The slug of a fresh draft need of the target agency (of BKD when the target is not an
    /// agency), written by its lead.
    pub draft_need: String,
    /// A stored dictionary import (by a province administrator).
    pub dictionary_import: i32,
    /// The slug of a fresh open public research need of the target agency (of BKD when the
    /// target is not an agency).
    pub open_need: String,
    /// A fresh waiting proposal on another such need, from the target university (from ITERA
    /// when the target is not a university).
    pub proposal: i32,
    /// A fresh agreed collaboration between the target agency (BKD when the target is not an
    /// agency) and the target university (ITERA when the target is not a university).
    pub collaboration: i32,
    /// The slug of a published research offer (from the demo data).
    pub research_offer: String,
    /// The slug of a fresh published course of the target university (of ITERA when the target
    /// is not a university) whose enrollment is open today; `collaboration` reserved 5 of its
    /// seats.
    pub open_course: String,
    /// A pending enrollment in `open_course` of a Diskominfotik civil servant other than the
    /// target person when the target is Diskominfotik, else of a BKD civil servant.
    pub enrollment: i32,
    /// The first session of `open_course`.
    pub open_session: i32,
    /// A fresh outside-learning line of the JP ledger waiting for verification, of the
    /// `enrollment`'s person and agency.
    pub jp_entry: i32,
    /// The code of a fresh certificate of `open_course` (issued by its university) on
    /// `enrollment`.
    pub certificate: String,
    /// A mentor, their active mentorship and its session waiting for confirmation.
    pub mentoring: MentoringFixture,
}

/// The fixtures of each target (organisation and person), reused while nothing may have
/// changed them.
///
/// Building a fixture is most of the matrix's cost (it opens needs, accepts a proposal, enrolls
/// and certifies), and most calls are refused. A refused call changes nothing (that is the rule
/// every service keeps), so the next call reuses the rows; an answered call may have used them
/// up (accepted the request, withdrawn the offer) or changed what every fixture sets up for the
/// personas (an open mentoring request), so every later call gets fresh rows, as every call
/// always did.
#[derive(Default)]
pub struct Fixtures(HashMap<(&'static str, &'static str), Fixture>);

impl Fixtures {
    /// The target's fixture, built if there is none since the last answered call.
    pub async fn get(&mut self, app: &TestApp, target: &Target) -> &Fixture {
        match self.0.entry((target.slug, target.person_email)) {
            Entry::Occupied(built) => built.into_mut(),
            Entry::Vacant(slot) => slot.insert(fixture(app, target).await),
        }
    }

    /// Forgets every fixture: a call was answered and may have changed them.
    pub fn spend(&mut self) {
        self.0.clear();
    }
}

/// The target's person id, and a fresh pending access request to the target organisation.
async fn fixture(app: &TestApp, target: &Target) -> Fixture {
    use app::backend::entities::access_request;
    use app::backend::services::organisations::find_by_slug;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let organisation = find_by_slug(&app.state.db, target.slug).await.unwrap();
    let request = access_request::ActiveModel {
        provider: Set("uji".into()),
        subject: Set(uuid_like()),
        email: Set(format!("{}@tamu.example", uuid_like())),
        full_name: Set("Tamu".into()),
        organisation_id: Set(organisation.id),
        role: Set("asn".into()),
        status: Set("pending".into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    let admin = actor_for(app, Persona::ProvinceAdmin.email().unwrap_or_default()).await;
    let invitation = app::backend::services::invitations::invite(
        &app.state.db,
        &admin,
        target.slug,
        app::backend::services::invitations::NewInvitation {
            email: format!("{}@tamu.example", uuid_like()),
            full_name: "Tamu Undangan".into(),
            role: role_in(target.slug),
        },
        "http://127.0.0.1",
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let roster_import = app::backend::entities::roster_import::ActiveModel {
        organisation_id: Set(organisation.id),
        uploaded_by: Set(admin.person_id),
        file_name: Set("asn.csv".into()),
        rows: Set(0),
        created: Set(0),
        updated: Set(0),
        errors: Set("[]".into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap()
    .id;
    let collaboration = collaboration(app, target).await;
    let (open_course, enrollment) = open_course(app, target, collaboration).await;
    let open_session = {
        use app::backend::entities::{course_session, offer};
        let course = offer::Entity::find()
            .filter(offer::Column::Slug.eq(&open_course))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap();
        course_session::Entity::find()
            .filter(course_session::Column::OfferId.eq(course.id))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let certificate = certificate(app, &open_course, enrollment).await;
    let jp_entry = jp_entry(app, enrollment).await;
    Fixture {
        mentoring: mentoring_fixture(app, target).await,
        jp_entry,
        certificate,
        person_id: person_id(app, target.person_email).await,
        request_id: request.id,
        invitation,
        roster_import,
        draft_course: draft_course(app, target).await,
        draft_need: draft_need(app, target).await,
        dictionary_import: app::backend::entities::dictionary_import::ActiveModel {
            kind: Set("competencies".into()),
            uploaded_by: Set(admin.person_id),
            file_name: Set("kamus.csv".into()),
            rows: Set(0),
            created: Set(0),
            updated: Set(0),
            errors: Set("[]".into()),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&app.state.db)
        .await
        .unwrap()
        .id,
        open_need: open_need(app, target).await,
        proposal: proposal(app, target).await,
        collaboration,
        open_course,
        enrollment,
        open_session,
        research_offer: app::backend::entities::offer::Entity::find()
            .filter(app::backend::entities::offer::Column::Kind.eq("research"))
            .filter(app::backend::entities::offer::Column::Status.eq("published"))
            .one(&app.state.db)
            .await
            .unwrap()
            .expect("the demo data has a published research offer")
            .slug,
    }
}

/// A fresh waiting proposal, accepted by the lead of its need's agency.
async fn collaboration(app: &TestApp, target: &Target) -> i32 {
    let waiting = proposal(app, target).await;
    let lead = actor_for(app, lead_of(target)).await;
    app::backend::services::proposals::accept(&app.state.db, &lead, waiting).await.unwrap()
}

/// A fresh public research need of the target agency, opened by its lead.
async fn open_need(app: &TestApp, target: &Target) -> String {
    let slug = draft_need(app, target).await;
    let mut need = app::backend::entities::need::Entity::find()
        .filter(app::backend::entities::need::Column::Slug.eq(&slug))
        .one(&app.state.db)
        .await
        .unwrap()
        .map(app::backend::entities::need::ActiveModel::from)
        .unwrap();
    need.is_public = sea_orm::ActiveValue::Set(true);
    sea_orm::ActiveModelTrait::update(need, &app.state.db).await.unwrap();
    let lead = actor_for(app, lead_of(target)).await;
    app::backend::services::needs::change_status(
        &app.state.db,
        &lead,
        &slug,
        app::model::NeedStatus::Open,
        "",
    )
    .await
    .unwrap();
    slug
}

/// A waiting tailored proposal of the target university on a fresh open need.
async fn proposal(app: &TestApp, target: &Target) -> i32 {
    let need = open_need(app, target).await;
    let university = if target.slug == "unila" { "unila" } else { "itera" };
    let author = actor_for(app, &format!("dosen@{university}.sinergi.example")).await;
    let day = |m| chrono::NaiveDate::from_ymd_opt(2099, m, 1).unwrap();
    let draft = app::model::ProposalDraft {
        kind: app::model::ProposalKind::Tailored,
        offer: None,
        seats: None,
        price_rupiah: 0,
        starts_on: day(3),
        ends_on: day(8),
        outputs: vec![app::model::ResearchOutput::Evaluation],
        message: String::new(),
    };
    app::backend::services::proposals::propose(&app.state.db, &author, &need, university, &draft)
        .await
        .unwrap()
}

/// The lead of the target agency (of BKD when the target is not an agency).
fn lead_of(target: &Target) -> &'static str {
    match target.slug {
        "diskominfotik" => "kabid@diskominfotik.sinergi.example",
        _ => "kasubbag@bkd.sinergi.example",
    }
}

async fn draft_need(app: &TestApp, target: &Target) -> String {
    use app::model::{NeedDetails, NeedDraft, ResearchNeedDraft, ResearchOutput};
    let agency = if target.slug == "diskominfotik" { "diskominfotik" } else { "bkd" };
    let lead = actor_for(app, lead_of(target)).await;
    let day = |m| chrono::NaiveDate::from_ymd_opt(2099, m, 1).unwrap();
    let draft = NeedDraft {
        title: format!("Kebutuhan Uji {}", uuid_like()),
        summary: "Ringkasan.".into(),
        description: "Masalahnya.".into(),
        deadline: day(9),
        budget_rupiah: 0,
        is_public: false,
        figures: Vec::new(),
        details: NeedDetails::Research(ResearchNeedDraft {
            expected_output: "Kajian.".into(),
            outputs: vec![ResearchOutput::Evaluation],
            starts_on: day(2),
        }),
    };
    app::backend::services::needs::create_need(&app.state.db, &lead, agency, &draft).await.unwrap()
}

async fn draft_course(app: &TestApp, target: &Target) -> String {
    let university = if target.slug == "unila" { "unila" } else { "itera" };
    let author = actor_for(app, &format!("dosen@{university}.sinergi.example")).await;
    let draft = app::model::CourseDraft {
        title: format!("Kursus Uji {}", uuid_like()),
        ..crate::support::draft_course()
    };
    app::backend::services::offers::create_course(&app.state.db, &author, university, &draft)
        .await
        .unwrap()
}

pub(super) async fn person_id(app: &TestApp, email: &str) -> i32 {
    person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no seeded person {email}"))
        .id
}
