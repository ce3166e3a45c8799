//! The matrix's fixtures around a course: an open course with reserved seats and a pending
//! enrollment, a certificate on it, and a line of the JP ledger waiting for verification —
//! written directly (the services that make them are tested in the database tests).

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::fixtures::person_id;
use super::personas::{Target, uuid_like};
use crate::support::*;

/// A fresh published course open for enrollment today, 5 of its seats reserved by
/// `collaboration`, and a pending enrollment in it: its slug and the enrollment's id. The pools
/// and the enrollment are written directly (the services are tested elsewhere).
pub(super) async fn open_course(
    app: &TestApp,
    target: &Target,
    collaboration: i32,
) -> (String, i32) {
    use app::backend::entities::{enrollment, organisation, seat_pool};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let university = if target.slug == "unila" { "unila" } else { "itera" };
    let author = actor_for(app, &format!("dosen@{university}.sinergi.example")).await;
    let today = chrono::Utc::now().date_naive();
    let mut draft = app::model::CourseDraft {
        title: format!("Kursus Terbuka {}", uuid_like()),
        ..crate::support::draft_course()
    };
    draft.enrollment_opens_on = today - chrono::Duration::days(2);
    draft.enrollment_closes_on = today + chrono::Duration::days(5);
    draft.sessions[0].date = today + chrono::Duration::days(10);
    let db = &app.state.db;
    let slug = app::backend::services::offers::create_course(db, &author, university, &draft)
        .await
        .unwrap();
    app::backend::services::offers::change_status(
        db,
        &author,
        app::model::OfferKind::Course,
        &slug,
        app::model::OfferStatus::Published,
        "",
    )
    .await
    .unwrap();
    let course = app::backend::entities::offer::Entity::find()
        .filter(app::backend::entities::offer::Column::Slug.eq(&slug))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    seat_pool::ActiveModel {
        offer_id: Set(course.id),
        collaboration_id: Set(Some(collaboration)),
        capacity: Set(5),
        taken: Set(0),
        waiting: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let open = seat_pool::Entity::find()
        .filter(seat_pool::Column::OfferId.eq(course.id))
        .filter(seat_pool::Column::CollaborationId.is_null())
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut taken: seat_pool::ActiveModel = open.clone().into();
    taken.taken = Set(open.taken + 1);
    taken.update(db).await.unwrap();
    // Not the target person: a lead nominates that one into this very course.
    let (agency, email) = match target.slug {
        "diskominfotik" => ("diskominfotik", "asn3@diskominfotik.sinergi.example"),
        _ => ("bkd", "asn1@bkd.sinergi.example"),
    };
    let agency = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(agency))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let now = chrono::Utc::now();
    let pending = enrollment::ActiveModel {
        pool_id: Set(open.id),
        offer_id: Set(course.id),
        person_id: Set(person_id(app, email).await),
        agency_id: Set(agency.id),
        status: Set("pending".into()),
        note: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    (slug, pending.id)
}

/// A certificate of the course `slug` on `enrollment`, written directly (issuing is tested in
/// the database tests): its code.
pub(super) async fn certificate(app: &TestApp, slug: &str, enrollment: i32) -> String {
    use app::backend::entities::{certificate, enrollment as place, offer};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let db = &app.state.db;
    let course =
        offer::Entity::find().filter(offer::Column::Slug.eq(slug)).one(db).await.unwrap().unwrap();
    let holder = place::Entity::find_by_id(enrollment).one(db).await.unwrap().unwrap();
    let now = chrono::Utc::now();
    certificate::ActiveModel {
        code: Set(app::backend::services::certificates::new_code()),
        enrollment_id: Set(enrollment),
        person_id: Set(holder.person_id),
        offer_id: Set(course.id),
        university_id: Set(course.university_id),
        holder_name: Set("Pemegang Uji".into()),
        holder_nip: Set(None),
        course_title: Set(course.title),
        university_name: Set("Universitas Uji".into()),
        jp: Set(24),
        first_day: Set(None),
        last_day: Set(None),
        completed_on: Set(now.date_naive()),
        issued_at: Set(now),
        revoked_at: Set(None),
        revoked_by: Set(None),
        revoke_reason: Set(String::new()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .code
}

/// A pending outside-learning line of the person and agency of `enrollment`: its id.
pub(super) async fn jp_entry(app: &TestApp, enrollment: i32) -> i32 {
    use app::backend::entities::{enrollment as place, jp_entry, learning_form};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let db = &app.state.db;
    let holder = place::Entity::find_by_id(enrollment).one(db).await.unwrap().unwrap();
    let seminar = learning_form::Entity::find()
        .filter(learning_form::Column::Code.eq("seminar"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let day = chrono::Utc::now().date_naive() - chrono::Duration::days(1);
    jp_entry::ActiveModel {
        person_id: Set(holder.person_id),
        agency_id: Set(holder.agency_id),
        year: Set(chrono::Datelike::year(&day)),
        source: Set("outside".into()),
        certificate_id: Set(None),
        learning_form_id: Set(seminar.id),
        title: Set("Seminar Uji".into()),
        organiser: Set("Penyelenggara Uji".into()),
        international: Set(false),
        started_on: Set(day),
        ended_on: Set(day),
        programme_jp: Set(0),
        jp: Set(4),
        status: Set("pending".into()),
        evidence: Set("https://example.org/bukti".into()),
        decided_by: Set(None),
        decided_at: Set(None),
        note: Set(String::new()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}
