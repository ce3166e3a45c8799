//! Proposals as pages read them, on both databases: who sees which proposals on a need and what
//! they may do with them, and the proposal form of a university (its offers of the need's kind,
//! filled in from the need; posted as text and read with the need's kind).

use app::backend::entities::proposal;
use app::backend::services::seed::seed_demo;
use app::backend::services::{needs, offers, proposals};
use app::error::{AppError, ConflictReason};
use app::model::{
    NeedStatus, OfferKind, OfferStatus, ProposalForm, ProposalKind, ProposalStatus, ValidationCode,
};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use crate::harness::each_database;
use crate::needs::{competency_need, research_need};
use crate::offers::{course, research};
use crate::people::actor;
use crate::proposals::{
    ITERA_ACADEMIC, KOMINFO_ASN, KOMINFO_LEAD, UNILA_ACADEMIC, open, proposal_row, tailored,
};

const PROVINCE: &str = "admin@pemprov.sinergi.example";
const UNILA_COORDINATOR: &str = "koordinator@unila.sinergi.example";

/// Who sees how many proposals, whether they may decide, and for which university they may
/// propose now.
async fn seen_by(
    db: &DatabaseConnection,
    email: &str,
    slug: &str,
) -> (usize, bool, Option<String>) {
    let viewer = actor(db, email).await;
    let seen = proposals::for_need(db, Some(&viewer), slug).await.unwrap();
    (seen.proposals.len(), seen.may_decide, seen.may_propose_for)
}

#[tokio::test]
async fn each_viewer_sees_the_proposals_that_are_theirs_to_see() {
    each_database("proposal_views", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open(&db, &competency_need("Pelayanan Aduan Warga")).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let itera = actor(&db, ITERA_ACADEMIC).await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        assert_eq!(seen_by(&db, UNILA_ACADEMIC, &slug).await, (0, false, Some("unila".into())));

        let from_unila =
            proposals::propose(&db, &unila, &slug, "unila", &tailored()).await.unwrap();
        proposals::propose(&db, &itera, &slug, "itera", &tailored()).await.unwrap();

        // The agency's lead sees both and decides; the province sees both and does not.
        assert_eq!(seen_by(&db, KOMINFO_LEAD, &slug).await, (2, true, None), "{backend:?}");
        assert_eq!(seen_by(&db, PROVINCE, &slug).await, (2, false, None));
        // A university sees its own only, and proposes no second one while it waits.
        assert_eq!(seen_by(&db, UNILA_ACADEMIC, &slug).await, (1, false, None));
        assert_eq!(seen_by(&db, ITERA_ACADEMIC, &slug).await, (1, false, None));
        // The agency's other staff see none; a visitor on a need not public: not found.
        assert_eq!(seen_by(&db, KOMINFO_ASN, &slug).await, (0, false, None));
        assert_eq!(proposals::for_need(&db, None, &slug).await, Err(AppError::NotFound));

        let own = proposals::for_need(&db, Some(&unila), &slug).await.unwrap();
        let card = &own.proposals[0];
        assert_eq!((card.id, card.university_slug.as_str()), (from_unila, "unila"));
        assert_eq!(
            (card.seats, card.price_rupiah, card.kind),
            (Some(25), 45_000_000, ProposalKind::Tailored)
        );
        assert!(card.may_withdraw, "its author's university may withdraw it");
        let colleague = actor(&db, UNILA_COORDINATOR).await;
        let as_colleague = proposals::for_need(&db, Some(&colleague), &slug).await.unwrap();
        assert!(as_colleague.proposals[0].may_withdraw, "so may a colleague there");
        let as_lead = proposals::for_need(&db, Some(&lead), &slug).await.unwrap();
        assert!(as_lead.proposals.iter().all(|p| !p.may_withdraw));

        // Withdrawn, the university may propose again.
        proposals::withdraw(&db, &unila, from_unila).await.unwrap();
        assert_eq!(seen_by(&db, UNILA_ACADEMIC, &slug).await, (1, false, Some("unila".into())));

        // Once one is accepted, nobody decides or proposes any more; the rest read as declined.
        let itera_id = as_lead.proposals.iter().find(|p| p.university_slug == "itera").unwrap().id;
        proposals::accept(&db, &lead, itera_id).await.unwrap();
        assert_eq!(seen_by(&db, KOMINFO_LEAD, &slug).await, (2, false, None));
        assert_eq!(seen_by(&db, UNILA_ACADEMIC, &slug).await, (1, false, None));
        let after = proposals::for_need(&db, Some(&lead), &slug).await.unwrap();
        let statuses: Vec<ProposalStatus> = after.proposals.iter().map(|p| p.status).collect();
        assert!(statuses.contains(&ProposalStatus::Accepted), "{statuses:?}");
        assert!(statuses.contains(&ProposalStatus::Withdrawn), "{statuses:?}");
    })
    .await;
}

#[tokio::test]
async fn the_proposal_form_offers_the_universitys_own_offers_of_the_needs_kind() {
    each_database("proposal_editor", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let competency = open(&db, &competency_need("Pelayanan Aduan Daerah")).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let published =
            offers::create_course(&db, &unila, "unila", &course("Pelayanan Prima Terbit"))
                .await
                .unwrap();
        offers::change_status(
            &db,
            &unila,
            OfferKind::Course,
            &published,
            OfferStatus::Published,
            "",
        )
        .await
        .unwrap();
        offers::create_course(&db, &unila, "unila", &course("Pelayanan Prima Draf")).await.unwrap();
        let study =
            offers::create_research(&db, &unila, "unila", &research("Kajian Aduan")).await.unwrap();
        offers::change_status(&db, &unila, OfferKind::Research, &study, OfferStatus::Published, "")
            .await
            .unwrap();

        let editor =
            proposals::proposal_editor(&db, &unila, &competency, "unila", None).await.unwrap();
        let slugs: Vec<&str> = editor.offers.iter().map(|(s, _)| s.as_str()).collect();
        assert!(slugs.contains(&published.as_str()), "{backend:?}: {slugs:?}");
        assert!(editor.offers.iter().all(|(_, title)| title != "Pelayanan Prima Draf"));
        assert!(!slugs.contains(&study.as_str()), "research is not offered for a course need");
        assert_eq!((editor.form.kind.as_str(), editor.form.seats.as_str()), ("existing", "25"));

        let research_slug = open(&db, &research_need("Kajian Alur Aduan")).await;
        let editor =
            proposals::proposal_editor(&db, &unila, &research_slug, "unila", None).await.unwrap();
        let slugs: Vec<&str> = editor.offers.iter().map(|(s, _)| s.as_str()).collect();
        assert!(
            slugs.contains(&study.as_str()) && !slugs.contains(&published.as_str()),
            "{slugs:?}"
        );
        assert_eq!(editor.form.outputs, ["policy_brief"]);

        // Not for the agency, nor for another university's staff, nor on a need no longer open.
        let lead = actor(&db, KOMINFO_LEAD).await;
        let itera = actor(&db, ITERA_ACADEMIC).await;
        for (who, university) in [(&lead, "unila"), (&itera, "unila")] {
            let refused = proposals::proposal_editor(&db, who, &competency, university, None).await;
            assert_eq!(refused.err(), Some(AppError::Forbidden));
        }
        needs::change_status(&db, &lead, &competency, NeedStatus::Closed, "Anggaran dialihkan.")
            .await
            .unwrap();
        let closed = proposals::proposal_editor(&db, &unila, &competency, "unila", None).await;
        assert_eq!(closed.err(), Some(AppError::Conflict(ConflictReason::NeedNotOpen)));
    })
    .await;
}

#[tokio::test]
async fn a_posted_form_is_read_with_the_needs_kind_and_bad_input_saves_nothing() {
    each_database("proposal_submit", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open(&db, &competency_need("Aduan Terpadu Kota")).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let form = ProposalForm {
            kind: "tailored".into(),
            seats: "30".into(),
            price: "45.000.000".into(),
            starts_on: "2099-03-01".into(),
            ends_on: "2099-03-05".into(),
            // A course need takes no outputs: a stray one is ignored, not saved.
            outputs: vec!["policy_brief".into()],
            message: "Kelas khusus.".into(),
            ..ProposalForm::default()
        };

        let broken = ProposalForm {
            seats: "tiga puluh".into(),
            ends_on: "2099-02-01".into(),
            ..form.clone()
        };
        match proposals::submit(&db, &unila, &slug, "unila", &broken).await {
            Err(AppError::Invalid(fields)) => {
                assert_eq!(fields[0].field, "seats", "{backend:?}");
                assert_eq!(fields[0].code, ValidationCode::NotANumber);
            }
            other => panic!("{backend:?}: expected Invalid, got {other:?}"),
        }
        assert_eq!(proposal::Entity::find().count(&db).await.unwrap(), 0);

        let id = proposals::submit(&db, &unila, &slug, "unila", &form).await.unwrap();
        let saved = proposal_row(&db, id).await;
        assert_eq!((saved.seats, saved.price_rupiah), (Some(30), 45_000_000));
        assert_eq!((saved.outputs.as_str(), saved.kind.as_str()), ("", "tailored"));

        // Someone who does not speak for the university is refused before the form is read.
        let lead = actor(&db, KOMINFO_LEAD).await;
        let refused = proposals::submit(&db, &lead, &slug, "unila", &broken).await;
        assert_eq!(refused, Err(AppError::Forbidden));
    })
    .await;
}

#[tokio::test]
async fn closing_a_need_declines_its_waiting_proposals_with_the_reason_given() {
    each_database("proposal_need_closed", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open(&db, &competency_need("Aduan Terpadu Ditutup")).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        let id = proposals::propose(&db, &unila, &slug, "unila", &tailored()).await.unwrap();

        // The universities waiting are owed a reason: none given, nothing changes.
        let silent = needs::change_status(&db, &lead, &slug, NeedStatus::Closed, " ").await;
        assert_eq!(
            silent,
            Err(AppError::Invalid(vec![app::model::FieldError::new(
                "note",
                ValidationCode::Required
            )])),
            "{backend:?}"
        );
        assert_eq!(proposal_row(&db, id).await.status, "submitted");

        needs::change_status(&db, &lead, &slug, NeedStatus::Closed, "Anggaran dialihkan.")
            .await
            .unwrap();
        let declined = proposal_row(&db, id).await;
        assert_eq!(
            (declined.status.as_str(), declined.decision_note.as_str()),
            ("declined", "Anggaran dialihkan."),
            "{backend:?}"
        );
        let told = app::backend::services::notifications::list(&db, &unila).await.unwrap();
        assert!(matches!(
            &told.items[0].event,
            app::model::NotificationEvent::ProposalDeclined { note, .. } if note == "Anggaran dialihkan."
        ));
    })
    .await;
}
