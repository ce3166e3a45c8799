//! Agency needs on both databases: who may write, see and move them, the lifecycle with its
//! history, the list per viewer, and validation that changes nothing.

use app::backend::entities::{need, need_figure, organisation};
use app::backend::services::needs;
use app::backend::services::seed::seed_demo;
use app::error::{AppError, ConflictReason};
use app::model::{
    CompetencyNeedDraft, DeliveryMode, FieldError, NeedDetails, NeedDraft, NeedFigure, NeedKind,
    NeedQuery, NeedStatus, ResearchNeedDraft, ResearchOutput, ValidationCode,
};
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

use crate::harness::each_database;
use crate::people::actor;

const KOMINFO_LEAD: &str = "kabid@diskominfotik.sinergi.example";
const KOMINFO_ASN: &str = "asn1@diskominfotik.sinergi.example";
const BKD_LEAD: &str = "kasubbag@bkd.sinergi.example";
const UNILA_ACADEMIC: &str = "dosen@unila.sinergi.example";
const PROVINCE: &str = "admin@pemprov.sinergi.example";

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A competency need that passes every rule, titled `title`.
pub fn competency_need(title: &str) -> NeedDraft {
    NeedDraft {
        title: title.into(),
        summary: "Petugas pengaduan perlu level 3 Pelayanan Publik.".into(),
        description: "Waktu tanggap pengaduan rata-rata 9 hari.".into(),
        deadline: day("2099-06-30"),
        budget_rupiah: 60_000_000,
        is_public: false,
        figures: vec![NeedFigure {
            unit: "Bidang Informasi Publik".into(),
            month: day("2026-10-01"),
            measure: "Pengaduan SP4N-LAPOR!".into(),
            value: 51,
        }],
        details: NeedDetails::Competency(CompetencyNeedDraft {
            competency: "MNJ-05".into(),
            target_level: 3,
            headcount: 25,
            units: vec!["Bidang Informasi Publik".into()],
            preferred_mode: Some(DeliveryMode::Blended),
            region_code: "1871".into(),
        }),
    }
}

pub fn research_need(title: &str) -> NeedDraft {
    NeedDraft {
        title: title.into(),
        summary: "Kajian alur pengaduan.".into(),
        description: "Pengaduan menumpuk di tiga unit.".into(),
        deadline: day("2099-09-30"),
        budget_rupiah: 150_000_000,
        is_public: true,
        figures: Vec::new(),
        details: NeedDetails::Research(ResearchNeedDraft {
            expected_output: "Rekomendasi kebijakan.".into(),
            outputs: vec![ResearchOutput::PolicyBrief],
            starts_on: day("2099-01-04"),
        }),
    }
}

#[tokio::test]
async fn a_need_goes_from_draft_to_fulfilled_and_every_move_is_recorded() {
    each_database("need_lifecycle", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, KOMINFO_LEAD).await;
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let province = actor(&db, PROVINCE).await;

        let slug =
            needs::create_need(&db, &lead, "diskominfotik", &competency_need("Layanan Aduan"))
                .await
                .unwrap();
        assert_eq!(slug, "layanan-aduan", "{backend:?}");
        // A draft is the agency's (and the province's) business.
        assert_eq!(needs::detail(&db, Some(&academic), &slug).await, Err(AppError::NotFound));
        let own = needs::detail(&db, Some(&lead), &slug).await.unwrap();
        assert_eq!(own.card.status, NeedStatus::Draft);
        assert!(own.editable);
        assert_eq!(own.moves, [NeedStatus::Open, NeedStatus::Closed]);
        assert_eq!(own.figures.len(), 1);
        assert_eq!(own.card.headcount, Some(25));
        let seen = needs::detail(&db, Some(&province), &slug).await.unwrap();
        assert_eq!(seen.moves, [NeedStatus::Closed], "the province may only close");

        needs::change_status(&db, &lead, &slug, NeedStatus::Open, "").await.unwrap();
        let answered = needs::detail(&db, Some(&academic), &slug).await.unwrap();
        assert!(!answered.editable && answered.moves.is_empty() && answered.history.is_empty());
        assert_eq!(needs::detail(&db, None, &slug).await, Err(AppError::NotFound), "not public");
        let twice = needs::change_status(&db, &lead, &slug, NeedStatus::Open, "").await;
        assert_eq!(twice, Err(AppError::Conflict(ConflictReason::Stale)), "{backend:?}");
        let by_hand = needs::change_status(&db, &lead, &slug, NeedStatus::Matched, "").await;
        assert_eq!(by_hand, Err(AppError::Forbidden), "matching follows a proposal");

        let stored = stored(&db, &slug).await;
        needs::mark_matched(&db, stored.id, lead.person_id).await.unwrap();
        let edit = needs::update_need(&db, &lead, &slug, &competency_need("Diubah")).await;
        assert_eq!(edit, Err(AppError::Conflict(ConflictReason::Stale)), "matched: a record");
        needs::change_status(&db, &lead, &slug, NeedStatus::Fulfilled, "25 ASN lulus")
            .await
            .unwrap();

        let history = needs::detail(&db, Some(&lead), &slug).await.unwrap().history;
        let steps: Vec<(NeedStatus, &str)> =
            history.iter().map(|h| (h.to, h.note.as_str())).collect();
        assert_eq!(
            steps,
            [
                (NeedStatus::Draft, ""),
                (NeedStatus::Open, ""),
                (NeedStatus::Matched, ""),
                (NeedStatus::Fulfilled, "25 ASN lulus"),
            ],
            "{backend:?}"
        );
        assert!(history.iter().all(|h| h.by == lead.full_name));
        assert_eq!(stored.status, "open");
        let fulfilled = self::stored(&db, &slug).await;
        assert_eq!(fulfilled.opened_at, stored.opened_at, "opening is dated once");
        assert!(fulfilled.opened_at.is_some());
    })
    .await;
}

#[tokio::test]
async fn only_the_agencys_leads_write_and_move_its_needs() {
    each_database("need_authorisation", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, KOMINFO_LEAD).await;
        for email in [KOMINFO_ASN, BKD_LEAD, UNILA_ACADEMIC, PROVINCE] {
            let outsider = actor(&db, email).await;
            let refused =
                needs::create_need(&db, &outsider, "diskominfotik", &competency_need("Titipan"))
                    .await;
            assert_eq!(refused, Err(AppError::Forbidden), "{backend:?} {email}");
        }
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let on_university =
            needs::create_need(&db, &academic, "unila", &competency_need("X")).await;
        assert_eq!(on_university, Err(AppError::Forbidden), "universities post no needs");

        let slug =
            needs::create_need(&db, &lead, "diskominfotik", &competency_need("Milik Kominfo"))
                .await
                .unwrap();
        let bkd = actor(&db, BKD_LEAD).await;
        // Another agency cannot even learn that the draft exists.
        let peek = needs::update_need(&db, &bkd, &slug, &competency_need("Diubah")).await;
        assert_eq!(peek, Err(AppError::NotFound), "{backend:?}");
        let open = needs::change_status(&db, &bkd, &slug, NeedStatus::Open, "").await;
        assert_eq!(open, Err(AppError::NotFound), "{backend:?}");

        needs::change_status(&db, &lead, &slug, NeedStatus::Open, "").await.unwrap();
        let close = needs::change_status(&db, &academic, &slug, NeedStatus::Closed, "").await;
        assert_eq!(close, Err(AppError::Forbidden), "open: visible, still not theirs");
        let province = actor(&db, PROVINCE).await;
        let fulfil = needs::change_status(&db, &province, &slug, NeedStatus::Open, "").await;
        assert_eq!(fulfil, Err(AppError::Forbidden), "the province only closes: {backend:?}");
        needs::change_status(&db, &province, &slug, NeedStatus::Closed, "Ganda").await.unwrap();
        let asn = actor(&db, KOMINFO_ASN).await;
        let seen = needs::detail(&db, Some(&asn), &slug).await.unwrap();
        assert!(seen.history.is_empty(), "the history is for leads and the province");
    })
    .await;
}

#[tokio::test]
async fn open_needs_are_seen_by_verified_universities_and_public_ones_by_everyone() {
    each_database("need_visibility", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, KOMINFO_LEAD).await;
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let bkd = actor(&db, BKD_LEAD).await;
        let closed = needs::create_need(&db, &lead, "diskominfotik", &competency_need("Tertutup"))
            .await
            .unwrap();
        let public = needs::create_need(&db, &lead, "diskominfotik", &research_need("Terbuka"))
            .await
            .unwrap();
        for slug in [&closed, &public] {
            needs::change_status(&db, &lead, slug, NeedStatus::Open, "").await.unwrap();
        }
        let titles = |page: app::model::NeedPage| -> Vec<String> {
            page.needs.into_iter().map(|n| n.slug).collect()
        };
        let everyone = NeedQuery::default();
        let anonymous = titles(needs::list(&db, None, &everyone).await.unwrap());
        assert!(anonymous.contains(&public) && !anonymous.contains(&closed), "{backend:?}");
        let by_university = titles(needs::list(&db, Some(&academic), &everyone).await.unwrap());
        assert!(by_university.contains(&public) && by_university.contains(&closed));
        let by_other_agency = titles(needs::list(&db, Some(&bkd), &everyone).await.unwrap());
        assert!(!by_other_agency.contains(&closed), "{backend:?}");
        assert_eq!(needs::detail(&db, None, &public).await.unwrap().card.kind, NeedKind::Research);

        // A university the province has not verified sees public needs only.
        let unila = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq("unila"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let mut unverified: organisation::ActiveModel = unila.into();
        unverified.verified = Set(false);
        unverified.update(&db).await.unwrap();
        assert_eq!(needs::detail(&db, Some(&academic), &closed).await, Err(AppError::NotFound));
        let listed = titles(needs::list(&db, Some(&academic), &everyone).await.unwrap());
        assert!(!listed.contains(&closed), "{backend:?}");

        // The agency's own list shows its leads the drafts too; others only what is open.
        let draft = needs::create_need(&db, &lead, "diskominfotik", &competency_need("Konsep"))
            .await
            .unwrap();
        let own = NeedQuery { agency: Some("diskominfotik".into()), ..NeedQuery::default() };
        assert!(titles(needs::list(&db, Some(&lead), &own).await.unwrap()).contains(&draft));
        assert!(!titles(needs::list(&db, Some(&bkd), &own).await.unwrap()).contains(&draft));
        let research = NeedQuery { kind: Some(NeedKind::Research), ..NeedQuery::default() };
        let only_research = needs::list(&db, Some(&lead), &research).await.unwrap();
        assert!(only_research.needs.iter().all(|n| n.kind == NeedKind::Research));
        let service = NeedQuery { competency: Some("MNJ-05".into()), ..NeedQuery::default() };
        let by_competency = titles(needs::list(&db, Some(&lead), &service).await.unwrap());
        assert!(by_competency.contains(&closed) && !by_competency.contains(&public));
    })
    .await;
}

#[tokio::test]
async fn an_unverified_agency_writes_drafts_but_cannot_open_them() {
    each_database("need_unverified", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, KOMINFO_LEAD).await;
        let slug = needs::create_need(&db, &lead, "diskominfotik", &research_need("Kajian"))
            .await
            .unwrap();
        let agency = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq("diskominfotik"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let mut unverified: organisation::ActiveModel = agency.into();
        unverified.verified = Set(false);
        unverified.update(&db).await.unwrap();
        let refused = needs::change_status(&db, &lead, &slug, NeedStatus::Open, "").await;
        assert_eq!(refused, Err(AppError::Conflict(ConflictReason::OrganisationNotVerified)));
        assert_eq!(stored(&db, &slug).await.status, "draft", "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn invalid_needs_are_refused_field_by_field_and_nothing_is_saved() {
    each_database("need_validation", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, KOMINFO_LEAD).await;
        let needs_before = need::Entity::find().count(&db).await.unwrap();
        let figures_before = need_figure::Entity::find().count(&db).await.unwrap();

        let mut bad = competency_need("Rusak");
        bad.budget_rupiah = -5;
        if let NeedDetails::Competency(c) = &mut bad.details {
            c.headcount = 0;
        }
        let refused = needs::create_need(&db, &lead, "diskominfotik", &bad).await;
        assert!(
            matches!(&refused, Err(AppError::Invalid(errors)) if errors.iter().map(|e| e.field.as_str()).eq(["budget", "headcount"])),
            "{refused:?} {backend:?}"
        );

        let mut late = competency_need("Terlambat");
        late.deadline = day("2020-01-31");
        let refused = needs::create_need(&db, &lead, "diskominfotik", &late).await;
        let expected = FieldError::new("deadline", ValidationCode::InThePast);
        assert_eq!(refused, Err(AppError::Invalid(vec![expected])), "{backend:?}");

        let mut unknown = competency_need("Kompetensi Tak Dikenal");
        if let NeedDetails::Competency(c) = &mut unknown.details {
            c.competency = "TIDAK-ADA".into();
        }
        let refused = needs::create_need(&db, &lead, "diskominfotik", &unknown).await;
        let expected = FieldError::new("competency", ValidationCode::UnknownChoice);
        assert_eq!(refused, Err(AppError::Invalid(vec![expected])), "{backend:?}");

        // An edit that fails leaves the saved need as it was, figures included.
        let slug = needs::create_need(&db, &lead, "diskominfotik", &competency_need("Utuh"))
            .await
            .unwrap();
        let kind_change = needs::update_need(&db, &lead, &slug, &research_need("Utuh")).await;
        assert!(matches!(kind_change, Err(AppError::Invalid(_))), "{backend:?}");
        let refused = needs::update_need(&db, &lead, &slug, &unknown).await;
        assert!(matches!(refused, Err(AppError::Invalid(_))));
        let kept = needs::detail(&db, Some(&lead), &slug).await.unwrap();
        assert_eq!(kept.card.title, "Utuh");
        assert_eq!(kept.figures.len(), 1, "{backend:?}");

        assert_eq!(need::Entity::find().count(&db).await.unwrap(), needs_before + 1);
        assert_eq!(need_figure::Entity::find().count(&db).await.unwrap(), figures_before + 1);
    })
    .await;
}

#[tokio::test]
async fn an_edit_replaces_details_and_figures_and_keeps_the_slug() {
    each_database("need_edit", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, KOMINFO_LEAD).await;
        let slug = needs::create_need(&db, &lead, "diskominfotik", &competency_need("Awal"))
            .await
            .unwrap();
        let mut changed = competency_need("Judul Baru");
        changed.figures.clear();
        if let NeedDetails::Competency(c) = &mut changed.details {
            c.headcount = 40;
            c.preferred_mode = None;
            c.region_code.clear();
        }
        needs::update_need(&db, &lead, &slug, &changed).await.unwrap();
        let after = needs::detail(&db, Some(&lead), &slug).await.unwrap();
        assert_eq!(
            (after.card.slug.as_str(), after.card.title.as_str()),
            (slug.as_str(), "Judul Baru")
        );
        assert_eq!(after.card.headcount, Some(40), "{backend:?}");
        assert!(after.figures.is_empty());
        let editor =
            needs::need_editor(&db, &lead, "", Some(&slug), NeedKind::Research).await.unwrap();
        assert_eq!(editor.kind, NeedKind::Competency, "the saved kind wins");
        assert_eq!(editor.form.parse(), Ok(changed), "the form shows what was saved");
        assert!(editor.known_units.contains(&"Bidang Statistik".to_owned()), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn the_demo_needs_are_open_except_one_draft() {
    each_database("need_seed", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let open =
            need::Entity::find().filter(need::Column::Status.eq("open")).count(&db).await.unwrap();
        let drafts =
            need::Entity::find().filter(need::Column::Status.eq("draft")).count(&db).await.unwrap();
        assert_eq!((open, drafts), (6, 1), "{backend:?}");
        let public = needs::list(&db, None, &NeedQuery::default()).await.unwrap();
        assert_eq!(public.needs.len(), 2, "two are public: {backend:?}");
    })
    .await;
}

async fn stored(db: &sea_orm::DatabaseConnection, slug: &str) -> need::Model {
    need::Entity::find().filter(need::Column::Slug.eq(slug)).one(db).await.unwrap().unwrap()
}
