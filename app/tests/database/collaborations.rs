//! Collaborations on both databases: who sees an agreed collaboration, how its parties move it
//! along agreed → running → completed (or cancel it, saying why), the history kept, the other
//! party told, moves out of order refused, and a cancelled one giving its need back.

use app::backend::entities::{collaboration, need, need_status_change};
use app::backend::services::seed::seed_demo;
use app::backend::services::{collaborations, notifications, proposals};
use app::error::{AppError, ConflictReason};
use app::model::{CollaborationStatus, FieldError, NotificationEvent, ValidationCode};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::harness::each_database;
use crate::needs::competency_need;
use crate::people::actor;
use crate::proposals::{
    ITERA_ACADEMIC, KOMINFO_ASN, KOMINFO_LEAD, UNILA_ACADEMIC, open, status_of_need, tailored,
};

const PROVINCE: &str = "admin@pemprov.sinergi.example";

/// An agreed collaboration of Diskominfotik with Unila: its id.
async fn agreed(db: &DatabaseConnection, title: &str) -> i32 {
    let slug = open(db, &competency_need(title)).await;
    let unila = actor(db, UNILA_ACADEMIC).await;
    let lead = actor(db, KOMINFO_LEAD).await;
    let id = proposals::propose(db, &unila, &slug, "unila", &tailored()).await.unwrap();
    proposals::accept(db, &lead, id).await.unwrap()
}

#[tokio::test]
async fn the_parties_and_the_province_see_a_collaboration_and_nobody_else() {
    each_database("collaboration_access", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let id = agreed(&db, "Layanan Aduan Warga Kota").await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        let seen = collaborations::detail(&db, &lead, id).await.unwrap();
        assert_eq!(seen.status, CollaborationStatus::Agreed, "{backend:?}");
        assert_eq!(
            (seen.agency_slug.as_str(), seen.university_slug.as_str()),
            ("diskominfotik", "unila")
        );
        assert_eq!((seen.reserved_seats, seen.price_rupiah), (Some(25), 45_000_000));
        assert_eq!(seen.university_contact.email, UNILA_ACADEMIC);
        assert_eq!(seen.agency_contact.email, KOMINFO_LEAD);
        assert_eq!(seen.moves, [CollaborationStatus::Running, CollaborationStatus::Cancelled]);
        assert_eq!(seen.history.len(), 1, "the agreement itself");

        let province = collaborations::detail(&db, &actor(&db, PROVINCE).await, id).await.unwrap();
        assert!(province.moves.is_empty(), "the province watches, it does not move it");
        let unila = collaborations::detail(&db, &actor(&db, UNILA_ACADEMIC).await, id).await;
        assert_eq!(unila.map(|d| d.moves.len()), Ok(2));
        for outsider in [ITERA_ACADEMIC, KOMINFO_ASN] {
            let refused = collaborations::detail(&db, &actor(&db, outsider).await, id).await;
            assert_eq!(refused.err(), Some(AppError::NotFound), "{outsider}");
        }
        // The need's page links to it for a party only.
        let need_id =
            collaboration::Entity::find_by_id(id).one(&db).await.unwrap().unwrap().need_id;
        assert_eq!(collaborations::of_need(&db, &lead, need_id).await, Ok(Some(id)));
        let itera = actor(&db, ITERA_ACADEMIC).await;
        assert_eq!(collaborations::of_need(&db, &itera, need_id).await, Ok(None));
        // The university was told of the acceptance, with a link to the collaboration.
        let told = notifications::list(&db, &actor(&db, UNILA_ACADEMIC).await).await.unwrap();
        assert!(matches!(told.items[0].event, NotificationEvent::ProposalAccepted { .. }));
        assert_eq!(told.items[0].link, format!("/kolaborasi/{id}"));
    })
    .await;
}

#[tokio::test]
async fn the_parties_run_and_complete_it_and_each_move_is_recorded_and_told() {
    each_database("collaboration_lifecycle", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let id = agreed(&db, "Pelayanan Aduan Terpadu Desa").await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        notifications::mark_all_read(&db, &lead).await.unwrap();

        // Out of order: completing what has not started.
        let early =
            collaborations::change_status(&db, &unila, id, CollaborationStatus::Completed, "")
                .await;
        assert_eq!(early, Err(AppError::Conflict(ConflictReason::Stale)), "{backend:?}");
        // Not a party: the province may look but not move it.
        let province = actor(&db, PROVINCE).await;
        let refused =
            collaborations::change_status(&db, &province, id, CollaborationStatus::Running, "")
                .await;
        assert_eq!(refused, Err(AppError::Forbidden));

        collaborations::change_status(
            &db,
            &unila,
            id,
            CollaborationStatus::Running,
            "Kelas dimulai.",
        )
        .await
        .unwrap();
        let told = notifications::list(&db, &lead).await.unwrap();
        assert_eq!(told.unread, 1, "{backend:?}: the agency hears of the start");
        assert!(matches!(
            &told.items[0].event,
            NotificationEvent::CollaborationChanged { status: CollaborationStatus::Running, by, .. }
                if by == "Universitas Lampung"
        ));
        collaborations::change_status(&db, &lead, id, CollaborationStatus::Completed, "")
            .await
            .unwrap();
        let done = collaborations::detail(&db, &lead, id).await.unwrap();
        assert_eq!(done.status, CollaborationStatus::Completed);
        assert!(done.moves.is_empty(), "completed is final");
        let steps: Vec<CollaborationStatus> = done.history.iter().map(|s| s.to).collect();
        assert_eq!(
            steps,
            [
                CollaborationStatus::Agreed,
                CollaborationStatus::Running,
                CollaborationStatus::Completed
            ]
        );
        assert_eq!(done.history[1].note, "Kelas dimulai.");
        let late =
            collaborations::change_status(&db, &lead, id, CollaborationStatus::Cancelled, "Batal")
                .await;
        assert_eq!(late, Err(AppError::Conflict(ConflictReason::Stale)));
    })
    .await;
}

#[tokio::test]
async fn cancelling_needs_a_reason_and_the_university_is_told_it() {
    each_database("collaboration_cancel", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let id = agreed(&db, "Pengelolaan Aduan Terpadu").await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        let silent =
            collaborations::change_status(&db, &lead, id, CollaborationStatus::Cancelled, " ")
                .await;
        assert_eq!(
            silent,
            Err(AppError::Invalid(vec![FieldError::new("note", ValidationCode::Required)])),
            "{backend:?}"
        );
        let still = collaborations::detail(&db, &lead, id).await.unwrap();
        assert_eq!((still.status, still.history.len()), (CollaborationStatus::Agreed, 1));

        collaborations::change_status(
            &db,
            &lead,
            id,
            CollaborationStatus::Cancelled,
            "Anggaran ditunda.",
        )
        .await
        .unwrap();
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let told = notifications::list(&db, &unila).await.unwrap();
        assert_eq!(
            told.items[0].event,
            NotificationEvent::CollaborationChanged {
                need: "Pengelolaan Aduan Terpadu".into(),
                status: CollaborationStatus::Cancelled,
                by: "Dinas Komunikasi, Informatika dan Statistik Provinsi Lampung".into(),
                note: "Anggaran ditunda.".into(),
            }
        );
        assert_eq!(told.items[0].link, format!("/kolaborasi/{id}"));
    })
    .await;
}

#[tokio::test]
async fn a_cancelled_collaboration_reopens_its_need_for_another_university() {
    each_database("collaboration_reopen", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let title = "Tata Kelola Arsip Dinamis";
        let first = agreed(&db, title).await;
        let need_id = collaboration::Entity::find_by_id(first).one(&db).await.unwrap().unwrap();
        let need_id = need_id.need_id;
        let slug = need::Entity::find_by_id(need_id).one(&db).await.unwrap().unwrap().slug;
        assert_eq!(status_of_need(&db, &slug).await, "matched", "{backend:?}");

        // The university withdraws from it: the need is open again, with the reason.
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let reason = "Narasumber berhalangan sepanjang semester.";
        collaborations::change_status(&db, &unila, first, CollaborationStatus::Cancelled, reason)
            .await
            .unwrap();
        assert_eq!(status_of_need(&db, &slug).await, "open", "{backend:?}");
        let history = need_status_change::Entity::find()
            .filter(need_status_change::Column::NeedId.eq(need_id))
            .order_by_desc(need_status_change::Column::Id)
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (history.from_status.as_deref(), history.to_status.as_str(), history.note.as_str()),
            (Some("matched"), "open", reason)
        );

        // Another university proposes and is accepted: a second collaboration, now the need's.
        let lead = actor(&db, KOMINFO_LEAD).await;
        let itera = actor(&db, ITERA_ACADEMIC).await;
        let proposal = proposals::propose(&db, &itera, &slug, "itera", &tailored()).await.unwrap();
        let second = proposals::accept(&db, &lead, proposal).await.unwrap();
        assert_ne!(first, second);
        assert_eq!(status_of_need(&db, &slug).await, "matched");
        assert_eq!(collaborations::of_need(&db, &lead, need_id).await.unwrap(), Some(second));
        // The cancelled one stays, with its history, on its own page.
        let cancelled = collaborations::detail(&db, &lead, first).await.unwrap();
        assert_eq!(cancelled.status, CollaborationStatus::Cancelled, "{backend:?}");
    })
    .await;
}
