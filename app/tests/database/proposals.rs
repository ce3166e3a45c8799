//! Proposals and collaborations on both databases: universities answer an open need, the
//! agency's lead accepts one (a collaboration, the others declined, the need matched) or
//! declines with a reason; who may do what; bad input changes nothing; two acceptances at once
//! leave one collaboration.

use app::backend::entities::{collaboration, need, organisation, proposal};
use app::backend::services::seed::seed_demo;
use app::backend::services::{needs, offers, proposals};
use app::error::{AppError, ConflictReason};
use app::model::{
    FieldError, NeedStatus, OfferKind, OfferStatus, ProposalDraft, ProposalKind, ResearchOutput,
    ValidationCode,
};
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};

use crate::harness::{each_database, each_database_shared};
use crate::needs::{competency_need, research_need};
use crate::offers::{course, research};
use crate::people::actor;

pub const KOMINFO_LEAD: &str = "kabid@diskominfotik.sinergi.example";
pub const KOMINFO_ASN: &str = "asn1@diskominfotik.sinergi.example";
pub const UNILA_ACADEMIC: &str = "dosen@unila.sinergi.example";
pub const ITERA_ACADEMIC: &str = "dosen@itera.sinergi.example";

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A tailored course programme for 25 ASN in March 2099.
pub fn tailored() -> ProposalDraft {
    ProposalDraft {
        kind: ProposalKind::Tailored,
        offer: None,
        seats: Some(25),
        price_rupiah: 45_000_000,
        starts_on: day("2099-03-01"),
        ends_on: day("2099-03-05"),
        outputs: Vec::new(),
        message: "Kelas khusus untuk petugas pengaduan.".into(),
    }
}

/// An open need of Diskominfotik from `draft`: its slug.
pub async fn open(db: &DatabaseConnection, draft: &app::model::NeedDraft) -> String {
    let lead = actor(db, KOMINFO_LEAD).await;
    let slug = needs::create_need(db, &lead, "diskominfotik", draft).await.unwrap();
    needs::change_status(db, &lead, &slug, NeedStatus::Open, "").await.unwrap();
    slug
}

pub async fn status_of_need(db: &DatabaseConnection, slug: &str) -> String {
    need::Entity::find().filter(need::Column::Slug.eq(slug)).one(db).await.unwrap().unwrap().status
}

pub async fn proposal_row(db: &DatabaseConnection, id: i32) -> proposal::Model {
    proposal::Entity::find_by_id(id).one(db).await.unwrap().unwrap()
}

#[tokio::test]
async fn the_lead_accepts_one_proposal_the_others_are_declined_and_the_need_is_matched() {
    each_database("proposal_accept", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open(&db, &competency_need("Pelayanan Aduan Terpadu")).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let itera = actor(&db, ITERA_ACADEMIC).await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        let course_slug =
            offers::create_course(&db, &unila, "unila", &course("Pelayanan Prima")).await.unwrap();
        offers::change_status(
            &db,
            &unila,
            OfferKind::Course,
            &course_slug,
            OfferStatus::Published,
            "",
        )
        .await
        .unwrap();
        let existing = ProposalDraft {
            kind: ProposalKind::Existing,
            offer: Some(course_slug),
            seats: Some(30),
            price_rupiah: 0,
            ..tailored()
        };
        let from_unila = proposals::propose(&db, &unila, &slug, "unila", &existing).await.unwrap();
        let from_itera =
            proposals::propose(&db, &itera, &slug, "itera", &tailored()).await.unwrap();

        let agreed = proposals::accept(&db, &lead, from_unila).await.unwrap();
        let made = collaboration::Entity::find_by_id(agreed).one(&db).await.unwrap().unwrap();
        assert_eq!(made.status, "agreed", "{backend:?}");
        assert_eq!((made.reserved_seats, made.price_rupiah), (Some(30), 0));
        assert_eq!((made.starts_on, made.ends_on), (day("2099-03-01"), day("2099-03-05")));
        assert_eq!(
            (made.agency_contact_id, made.university_contact_id),
            (lead.person_id, unila.person_id)
        );
        assert!(made.offer_id.is_some());
        assert_eq!(proposal_row(&db, from_unila).await.status, "accepted");
        let other = proposal_row(&db, from_itera).await;
        assert_eq!((other.status.as_str(), other.decision_note.as_str()), ("declined", ""));
        assert_eq!(status_of_need(&db, &slug).await, "matched", "{backend:?}");

        // The need is answered: no second acceptance, no new proposal.
        let again = proposals::accept(&db, &lead, from_itera).await;
        assert_eq!(again, Err(AppError::Conflict(ConflictReason::NeedNotOpen)));
        let late = proposals::propose(&db, &itera, &slug, "itera", &tailored()).await;
        assert_eq!(late, Err(AppError::Conflict(ConflictReason::NeedNotOpen)));
        assert_eq!(collaboration::Entity::find().count(&db).await.unwrap(), 1);
    })
    .await;
}

#[tokio::test]
async fn research_needs_take_research_with_outputs_and_no_seats() {
    each_database("proposal_research", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open(&db, &research_need("Kajian Alur Pengaduan")).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        let with_seats = ProposalDraft { outputs: vec![ResearchOutput::PolicyBrief], ..tailored() };
        let refused = proposals::propose(&db, &unila, &slug, "unila", &with_seats).await;
        assert_eq!(
            refused,
            Err(AppError::Invalid(vec![FieldError::new("seats", ValidationCode::Malformed)])),
            "{backend:?}"
        );
        let no_outputs = ProposalDraft { seats: None, ..tailored() };
        let refused = proposals::propose(&db, &unila, &slug, "unila", &no_outputs).await;
        assert_eq!(
            refused,
            Err(AppError::Invalid(vec![FieldError::new(
                "outputs",
                ValidationCode::TooFew { min: 1 }
            )]))
        );
        let study = offers::create_research(&db, &unila, "unila", &research("Kajian Pengaduan"))
            .await
            .unwrap();
        offers::change_status(&db, &unila, OfferKind::Research, &study, OfferStatus::Published, "")
            .await
            .unwrap();
        let draft = ProposalDraft {
            kind: ProposalKind::Existing,
            offer: Some(study),
            seats: None,
            price_rupiah: 80_000_000,
            outputs: vec![ResearchOutput::PolicyBrief, ResearchOutput::Evaluation],
            ..tailored()
        };
        let id = proposals::propose(&db, &unila, &slug, "unila", &draft).await.unwrap();
        let agreed = proposals::accept(&db, &lead, id).await.unwrap();
        let made = collaboration::Entity::find_by_id(agreed).one(&db).await.unwrap().unwrap();
        assert_eq!(made.reserved_seats, None, "{backend:?}");
        assert_eq!(made.outputs, ResearchOutput::join(&draft.outputs));
        assert_eq!(status_of_need(&db, &slug).await, "matched");
    })
    .await;
}

#[tokio::test]
async fn only_its_universities_propose_and_only_the_agencys_leads_decide() {
    each_database("proposal_access", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open(&db, &competency_need("Layanan Informasi Publik")).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let itera = actor(&db, ITERA_ACADEMIC).await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        let asn = actor(&db, KOMINFO_ASN).await;

        // Speaking for another university, or as an agency member: refused.
        let refused = proposals::propose(&db, &itera, &slug, "unila", &tailored()).await;
        assert_eq!(refused, Err(AppError::Forbidden), "{backend:?}");
        let refused = proposals::propose(&db, &asn, &slug, "unila", &tailored()).await;
        assert_eq!(refused, Err(AppError::Forbidden));

        let id = proposals::propose(&db, &unila, &slug, "unila", &tailored()).await.unwrap();
        let twice = proposals::propose(&db, &unila, &slug, "unila", &tailored()).await;
        assert_eq!(twice, Err(AppError::Conflict(ConflictReason::ProposalPending)));

        // Deciding is for the agency's leads: the ASN sees the need but may not.
        assert_eq!(proposals::accept(&db, &asn, id).await, Err(AppError::Forbidden));
        assert_eq!(proposals::accept(&db, &itera, id).await, Err(AppError::Forbidden));
        assert_eq!(proposals::decline(&db, &itera, id, "Tidak").await, Err(AppError::Forbidden));
        // Withdrawing is for its university.
        assert_eq!(proposals::withdraw(&db, &itera, id).await, Err(AppError::NotFound));
        assert_eq!(proposal_row(&db, id).await.status, "submitted");

        // Declining needs a reason, and then the university may propose anew.
        let silent = proposals::decline(&db, &lead, id, "  ").await;
        assert_eq!(
            silent,
            Err(AppError::Invalid(vec![FieldError::new("note", ValidationCode::Required)]))
        );
        proposals::decline(&db, &lead, id, "Jadwal bentrok dengan anggaran.").await.unwrap();
        let declined = proposal_row(&db, id).await;
        assert_eq!(
            (declined.status.as_str(), declined.decision_note.as_str()),
            ("declined", "Jadwal bentrok dengan anggaran.")
        );
        let anew = proposals::propose(&db, &unila, &slug, "unila", &tailored()).await.unwrap();
        proposals::withdraw(&db, &unila, anew).await.unwrap();
        assert_eq!(
            proposals::withdraw(&db, &unila, anew).await,
            Err(AppError::Conflict(ConflictReason::Stale))
        );
        assert_eq!(
            proposals::accept(&db, &lead, anew).await,
            Err(AppError::Conflict(ConflictReason::Stale))
        );
        assert_eq!(status_of_need(&db, &slug).await, "open", "{backend:?}");

        // An unverified university may not propose.
        let model = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq("unila"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let mut unverified: organisation::ActiveModel = model.into();
        unverified.verified = Set(false);
        unverified.update(&db).await.unwrap();
        let refused = proposals::propose(&db, &unila, &slug, "unila", &tailored()).await;
        assert_eq!(refused, Err(AppError::Conflict(ConflictReason::OrganisationNotVerified)));
    })
    .await;
}

#[tokio::test]
async fn bad_proposals_are_refused_field_by_field_and_nothing_is_saved() {
    each_database("proposal_validation", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open(&db, &competency_need("Pengelolaan Pengaduan")).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let itera = actor(&db, ITERA_ACADEMIC).await;
        let theirs =
            offers::create_course(&db, &itera, "itera", &course("Kursus ITERA")).await.unwrap();
        offers::change_status(&db, &itera, OfferKind::Course, &theirs, OfferStatus::Published, "")
            .await
            .unwrap();
        let past = ProposalDraft {
            starts_on: day("2020-01-01"),
            ends_on: day("2020-01-02"),
            seats: None,
            offer: Some(theirs),
            ..tailored()
        };
        let refused = proposals::propose(&db, &unila, &slug, "unila", &past).await;
        let Err(AppError::Invalid(errors)) = refused else { panic!("{backend:?}: {refused:?}") };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["seats", "starts_on", "offer"], "{backend:?}");
        let backwards = ProposalDraft { ends_on: day("2099-02-01"), ..tailored() };
        let refused = proposals::propose(&db, &unila, &slug, "unila", &backwards).await;
        assert_eq!(
            refused,
            Err(AppError::Invalid(vec![FieldError::new(
                "ends_on",
                ValidationCode::EndsBeforeStart
            )]))
        );
        assert_eq!(proposal::Entity::find().count(&db).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn two_acceptances_at_once_make_one_collaboration() {
    each_database_shared("proposal_race", 2, |pools, backend| async move {
        let db = pools[0].clone();
        seed_demo(&db).await.unwrap();
        let slug = open(&db, &competency_need("Pelayanan Serentak")).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let itera = actor(&db, ITERA_ACADEMIC).await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        let first = proposals::propose(&db, &unila, &slug, "unila", &tailored()).await.unwrap();
        let second = proposals::propose(&db, &itera, &slug, "itera", &tailored()).await.unwrap();
        let (a, b) = tokio::join!(
            proposals::accept(&pools[0], &lead, first),
            proposals::accept(&pools[1], &lead, second)
        );
        let won = [&a, &b].iter().filter(|r| r.is_ok()).count();
        assert_eq!(won, 1, "{backend:?}: {a:?} {b:?}");
        for lost in [a, b].into_iter().filter(Result::is_err) {
            assert!(
                matches!(
                    lost,
                    Err(AppError::Conflict(ConflictReason::NeedNotOpen | ConflictReason::Stale))
                ),
                "{backend:?}: {lost:?}"
            );
        }
        assert_eq!(collaboration::Entity::find().count(&db).await.unwrap(), 1);
        let accepted = proposal::Entity::find()
            .filter(proposal::Column::Status.eq("accepted"))
            .count(&db)
            .await
            .unwrap();
        assert_eq!(accepted, 1);
        assert_eq!(status_of_need(&db, &slug).await, "matched");
    })
    .await;
}
