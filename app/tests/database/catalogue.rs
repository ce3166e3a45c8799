//! The public catalogue on both databases: relevance on a labelled set of queries, every filter
//! against the demo data, keyset pages that visit each result once, and the number of SQL
//! statements a page costs.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use app::backend::services::offers;
use app::backend::services::seed::{COURSES, RESEARCH, SeedCourse, demo_date, seed_day, seed_demo};
use app::model::{
    CATALOGUE_PAGE_SIZE, CatalogueQuery, CatalogueSort, DeliveryMode, OfferKind, OfferStatus, Price,
};
use chrono::{Datelike, NaiveDate};
use sea_orm::DatabaseConnection;

use crate::harness::each_database;
use crate::offers::course;
use crate::people::actor;

async fn titles(db: &DatabaseConnection, query: CatalogueQuery) -> Vec<String> {
    let page = offers::search(db, &query).await.unwrap();
    page.cards.into_iter().map(|c| c.title).collect()
}

fn words(q: &str) -> CatalogueQuery {
    CatalogueQuery { q: q.into(), ..Default::default() }
}

/// Query → the titles that must make up its top results (in any order), written from what the
/// offers are about, not from the engine's output.
const LABELLED: &[(&str, &[&str])] = &[
    (
        "pengaduan",
        &[
            "Pelayanan Publik Prima dan Penanganan Pengaduan SP4N-LAPOR!",
            "Evaluasi Penanganan Pengaduan SP4N-LAPOR! di Perangkat Daerah",
        ],
    ),
    // "layanan" must find "Pelayanan": the same stem.
    ("layanan publik", &["Pelayanan Publik Prima dan Penanganan Pengaduan SP4N-LAPOR!"]),
    (
        "arsip",
        &[
            "Pengelolaan Arsip Dinamis Berbasis Elektronik",
            "Digitalisasi Arsip Penyuluhan Pertanian",
        ],
    ),
    ("keamanan siber", &["Keamanan Informasi untuk Perangkat Daerah"]),
    (
        "integritas",
        &[
            "Integritas dan Budaya Antikorupsi di Birokrasi",
            "Kajian Budaya Integritas ASN Pemerintah Provinsi Lampung",
        ],
    ),
    (
        "data statistik",
        &[
            "Analisis Data Statistik Sektoral dengan Python",
            "Prototipe Integrasi Data Statistik Sektoral Satu Data Lampung",
        ],
    ),
    // A word still being typed finds its completions.
    ("kepemimpin", &["Kepemimpinan Perubahan bagi Pejabat Pengawas"]),
    ("coaching", &["Coaching dan Pengembangan Diri untuk Atasan Langsung"]),
];

#[tokio::test]
async fn searches_rank_what_they_are_about_first() {
    each_database("catalogue_relevance", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        for (query, expected) in LABELLED {
            let found = titles(&db, words(query)).await;
            let top: HashSet<&str> =
                found.iter().take(expected.len()).map(String::as_str).collect();
            let wanted: HashSet<&str> = expected.iter().copied().collect();
            assert_eq!(top, wanted, "{backend:?}: top of {query:?} was {found:?}");
        }
        assert!(titles(&db, words("kapal selam nuklir")).await.is_empty(), "{backend:?}");
        // Query syntax of either database is only text here.
        for hostile in ["\"arsip\" OR NEAR(", "arsip:* & !", "'; DROP TABLE offers; --", "***"] {
            offers::search(&db, &words(hostile)).await.unwrap();
        }
    })
    .await;
}

#[tokio::test]
async fn every_filter_narrows_to_the_matching_demo_offers() {
    each_database("catalogue_filters", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let published: Vec<_> = COURSES.iter().filter(|c| c.published_days_ago.is_some()).collect();
        let total = |query: CatalogueQuery| {
            let db = db.clone();
            async move { offers::search(&db, &query).await.unwrap().total as usize }
        };
        let all = total(CatalogueQuery::default()).await;
        assert_eq!(all, published.len() + RESEARCH.len(), "{backend:?}: drafts stay out");

        let research = CatalogueQuery { kind: Some(OfferKind::Research), ..Default::default() };
        assert_eq!(total(research).await, RESEARCH.len(), "{backend:?}");
        let online = CatalogueQuery { mode: Some(DeliveryMode::Daring), ..Default::default() };
        let expected = published.iter().filter(|c| c.mode == DeliveryMode::Daring).count();
        assert_eq!(total(online).await, expected, "{backend:?}");
        let metro = CatalogueQuery { region: Some("1872".into()), ..Default::default() };
        assert_eq!(total(metro).await, published.iter().filter(|c| c.region == "1872").count());
        let free = CatalogueQuery { price: Some(Price::Free), ..Default::default() };
        assert_eq!(total(free).await, published.iter().filter(|c| c.fee_rupiah == 0).count());
        let paid = CatalogueQuery { price: Some(Price::Paid), ..Default::default() };
        assert_eq!(total(paid).await, published.iter().filter(|c| c.fee_rupiah > 0).count());
        let itera = CatalogueQuery { university: Some("itera".into()), ..Default::default() };
        let expected = published.iter().filter(|c| c.university == "itera").count()
            + RESEARCH.iter().filter(|r| r.university == "itera").count();
        assert_eq!(total(itera).await, expected, "{backend:?}");

        // The month of a demo course, its dates moved to the week of seeding.
        let today = seed_day();
        let start_of = |c: &&SeedCourse| demo_date(c.start, today).unwrap();
        let month_of = |d: NaiveDate| (d.year(), d.month());
        let (year, month) = month_of(demo_date((2027, 2, 8), today).unwrap());
        let one_month =
            CatalogueQuery { month: NaiveDate::from_ymd_opt(year, month, 1), ..Default::default() };
        let expected = published.iter().filter(|c| month_of(start_of(c)) == (year, month)).count();
        assert!(expected > 0);
        assert_eq!(total(one_month).await, expected, "{backend:?}");

        let data = CatalogueQuery { competency: Some("TEK-DATA-01".into()), ..Default::default() };
        let expected = published
            .iter()
            .filter(|c| c.competencies.iter().any(|(k, _)| *k == "TEK-DATA-01"))
            .count()
            + RESEARCH.iter().filter(|r| r.competencies.contains(&"TEK-DATA-01")).count();
        assert_eq!(total(data).await, expected, "{backend:?}");
        // A level is what a course brings participants to: research offers have none.
        let data_3 = CatalogueQuery {
            competency: Some("TEK-DATA-01".into()),
            level: Some(3),
            ..Default::default()
        };
        let expected = published
            .iter()
            .filter(|c| c.competencies.iter().any(|(k, l)| *k == "TEK-DATA-01" && *l >= 3))
            .count();
        assert_eq!(total(data_3).await, expected, "{backend:?}");
        let technical =
            CatalogueQuery { competency_type: Some("teknis".into()), ..Default::default() };
        let expected = published
            .iter()
            .filter(|c| c.competencies.iter().any(|(k, _)| k.starts_with("TEK")))
            .count()
            + RESEARCH
                .iter()
                .filter(|r| r.competencies.iter().any(|k| k.starts_with("TEK")))
                .count();
        assert_eq!(total(technical).await, expected, "{backend:?}");

        let combined = CatalogueQuery {
            q: "data".into(),
            kind: Some(OfferKind::Course),
            price: Some(Price::Paid),
            ..Default::default()
        };
        let found = titles(&db, combined).await;
        // Those about data (in the title) first; one that mentions it in its description after.
        assert!(
            found.len() >= 2 && found[..2].iter().all(|t| t.contains("Data")),
            "{backend:?} {found:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn keyset_pages_visit_every_result_exactly_once_in_each_order() {
    each_database("catalogue_pages", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let academic = actor(&db, "dosen@unila.sinergi.example").await;
        // 45 more, with equal text (equal relevance) and days shared by several courses: ties
        // that only the id breaks.
        for n in 0..45u32 {
            let mut draft = course(&format!("Pelatihan Berkala {n}"));
            draft.sessions[0].date = NaiveDate::from_ymd_opt(2027, 9, 1 + n % 5).unwrap();
            draft.enrollment_closes_on = NaiveDate::from_ymd_opt(2027, 8, 31).unwrap();
            let slug = offers::create_course(&db, &academic, "unila", &draft).await.unwrap();
            offers::change_status(
                &db,
                &academic,
                OfferKind::Course,
                &slug,
                OfferStatus::Published,
                "",
            )
            .await
            .unwrap();
        }
        // One that has begun: "soonest" puts it after every course still to come.
        let mut begun = course("Pelatihan Sudah Berjalan");
        begun.sessions[0].date = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap();
        begun.enrollment_opens_on = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        begun.enrollment_closes_on = NaiveDate::from_ymd_opt(2025, 3, 9).unwrap();
        let slug = offers::create_course(&db, &academic, "unila", &begun).await.unwrap();
        offers::change_status(&db, &academic, OfferKind::Course, &slug, OfferStatus::Published, "")
            .await
            .unwrap();
        let today = chrono::Utc::now().with_timezone(&app::domain::calendar::WIB).date_naive();
        for (q, sort) in [
            ("", CatalogueSort::Newest),
            ("", CatalogueSort::Soonest),
            ("pelatihan", CatalogueSort::Relevance),
            ("pelatihan", CatalogueSort::Soonest),
        ] {
            let mut query = CatalogueQuery { q: q.into(), sort, ..Default::default() };
            let mut seen = Vec::new();
            let mut starts = Vec::new();
            let mut total = None;
            loop {
                let page = offers::search(&db, &query).await.unwrap();
                assert!(page.cards.len() as u64 <= CATALOGUE_PAGE_SIZE);
                total.get_or_insert(page.total);
                seen.extend(page.cards.iter().map(|c| c.slug.clone()));
                starts.extend(page.cards.into_iter().map(|c| c.starts_on));
                match page.next_after {
                    Some(after) => query.after = Some(after),
                    None => break,
                }
            }
            let unique: HashSet<&String> = seen.iter().collect();
            assert_eq!(unique.len(), seen.len(), "{backend:?} {q:?} {sort:?}: a result repeated");
            assert_eq!(Some(seen.len() as u64), total, "{backend:?} {q:?} {sort:?}: one missed");
            assert!(
                seen.len() > 2 * CATALOGUE_PAGE_SIZE as usize,
                "{backend:?} {q:?}: three pages"
            );
            if sort == CatalogueSort::Soonest {
                // Coming courses by first day; then the begun ones and research, by id.
                let key = |day: &Option<NaiveDate>| day.filter(|d| *d >= today);
                let coming: Vec<NaiveDate> = starts.iter().map_while(key).collect();
                assert!(coming.is_sorted(), "{backend:?} {q:?}: {coming:?}");
                assert!(starts[coming.len()..].iter().all(|d| key(d).is_none()), "{starts:?}");
                assert!(seen.contains(&slug), "{backend:?} {q:?}: the begun course is listed");
            }
        }
    })
    .await;
}

#[tokio::test]
async fn a_catalogue_page_costs_five_statements_whatever_it_shows() {
    each_database("catalogue_statements", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let mut db = db;
        let statements = Arc::new(AtomicUsize::new(0));
        let counter = statements.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        for query in [
            CatalogueQuery::default(),
            words("pelayanan publik"),
            CatalogueQuery {
                competency: Some("MNJ-05".into()),
                level: Some(2),
                ..Default::default()
            },
        ] {
            statements.store(0, Ordering::SeqCst);
            let page = offers::search(&db, &query).await.unwrap();
            offers::facets(&db).await.unwrap();
            assert!(!page.cards.is_empty(), "{backend:?} {query:?}");
            // Rows, total, the rows' competencies; the filters' competencies and universities.
            assert_eq!(statements.load(Ordering::SeqCst), 5, "{backend:?} {query:?}");
        }
    })
    .await;
}

#[tokio::test]
async fn seed_scale_writes_the_same_offers_on_every_database() {
    static FIRST: std::sync::Mutex<Option<Vec<String>>> = std::sync::Mutex::new(None);
    each_database("seed_scale", |db, backend| async move {
        use app::backend::entities::{need, offer};
        use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};
        seed_demo(&db).await.unwrap();
        let before = offer::Entity::find().count(&db).await.unwrap();
        let needs_before = need::Entity::find().count(&db).await.unwrap();
        // More than one slice of bulk inserts.
        app::backend::services::seed::seed_scale(&db, 600).await.unwrap();
        assert_eq!(offer::Entity::find().count(&db).await.unwrap(), before + 600, "{backend:?}");
        assert_eq!(need::Entity::find().count(&db).await.unwrap(), needs_before + 120);
        let mut titles: Vec<String> = offer::Entity::find()
            .order_by_asc(offer::Column::Id)
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.title)
            .collect();
        titles.extend(
            need::Entity::find()
                .order_by_asc(need::Column::Id)
                .all(&db)
                .await
                .unwrap()
                .into_iter()
                .map(|n| format!("{} {} {}", n.title, n.status, n.deadline)),
        );
        // Generated needs open like any other: a university sees them listed.
        let academic = crate::people::actor(&db, "dosen@unila.sinergi.example").await;
        let listed = app::backend::services::needs::list(&db, Some(&academic), &Default::default())
            .await
            .unwrap();
        assert_eq!(listed.needs.len(), 20, "{backend:?}");
        assert!(listed.next_after.is_some());
        {
            let mut first = FIRST.lock().unwrap();
            match first.as_ref() {
                Some(earlier) => assert_eq!(earlier, &titles, "{backend:?}: not deterministic"),
                None => *first = Some(titles),
            }
        }
        let page = offers::search(&db, &words("pelayanan publik")).await.unwrap();
        assert!(page.total > 20, "{backend:?}: generated offers are searchable");
        let paid = CatalogueQuery {
            price: Some(Price::Paid),
            kind: Some(OfferKind::Course),
            ..Default::default()
        };
        assert!(
            offers::search(&db, &paid).await.unwrap().cards.iter().all(|c| c.fee_rupiah > Some(0))
        );
    })
    .await;
}

#[tokio::test]
async fn counts_stop_at_the_cap_and_say_so() {
    each_database("catalogue_cap", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        app::backend::services::seed::seed_scale(&db, 1_200).await.unwrap();
        let page = offers::search(&db, &CatalogueQuery::default()).await.unwrap();
        assert_eq!((page.total, page.more), (app::model::CATALOGUE_COUNT_CAP, true), "{backend:?}");
        let few = offers::search(
            &db,
            &CatalogueQuery { region: Some("1872".into()), ..Default::default() },
        )
        .await
        .unwrap();
        assert!(!few.more && few.total < app::model::CATALOGUE_COUNT_CAP, "{backend:?}");
    })
    .await;
}
