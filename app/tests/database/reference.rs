//! Reference data every reader needs: the LAN conversion table (in every database after
//! migration, with its mentoring rows) and the competency dictionary.

use app::backend::services::learning_forms::{all, basis_of};
use app::domain::jp::{Learning, Scope};

use crate::harness::each_database;

#[tokio::test]
async fn the_conversion_table_of_domain_md_is_there_and_converts() {
    each_database("learning_forms", |db, backend| async move {
        let rows = all(&db).await.unwrap();
        let codes: Vec<_> = rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "pelatihan",
                "seminar",
                "lokakarya",
                "komunitas-belajar",
                "mentoring",
                "mentoring-mentor"
            ],
            "{backend:?}"
        );
        let credit = |code: &str, scope: Scope, programme_jp: u32, days: u32| {
            let row = rows.iter().find(|r| r.code == code).unwrap();
            basis_of(row).unwrap().credit(Learning { scope, programme_jp, days })
        };
        assert_eq!(credit("pelatihan", Scope::International, 40, 5), 48);
        assert_eq!(credit("seminar", Scope::National, 0, 2), 8);
        assert_eq!(credit("lokakarya", Scope::International, 0, 2), 14);
        assert_eq!(credit("komunitas-belajar", Scope::National, 12, 1), 12);
        // Mentoring: the confirmed hours to the mentee, half of them to the mentor.
        assert_eq!(credit("mentoring", Scope::National, 6, 0), 6);
        assert_eq!(credit("mentoring-mentor", Scope::National, 6, 0), 3);
    })
    .await;
}

#[tokio::test]
async fn the_dictionary_groups_the_seeded_competencies_by_type_with_five_levels() {
    use app::backend::services::competencies::dictionary;
    use app::backend::services::seed::{COMPETENCIES, seed_demo};
    each_database("dictionary", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let types = dictionary(&db).await.unwrap();
        let codes: Vec<_> = types.iter().map(|t| t.code.as_str()).collect();
        let seeded: Vec<_> = app::backend::services::seed::TYPES.iter().map(|t| t.0).collect();
        assert_eq!(codes, seeded, "{backend:?}: in the order of the seed");
        let total: usize = types.iter().map(|t| t.competencies.len()).sum();
        assert_eq!(total, COMPETENCIES.len());
        for t in &types {
            assert!(t.competencies.iter().all(|c| c.levels.len() == 5), "{}", t.code);
        }
        let owned =
            types.iter().flat_map(|t| &t.competencies).filter(|c| c.owner.is_some()).count();
        let expected = COMPETENCIES.iter().filter(|c| c.owner_slug.is_some()).count();
        assert_eq!(owned, expected, "{backend:?}: owners of technical competencies");
    })
    .await;
}

#[tokio::test]
async fn seeded_positions_require_real_competencies_at_real_levels() {
    use app::backend::entities::{membership, position, position_requirement};
    use app::backend::services::seed::{POSITIONS, seed_demo};
    use sea_orm::{EntityTrait, PaginatorTrait};
    each_database("positions", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let positions = position::Entity::find().all(&db).await.unwrap();
        assert_eq!(positions.len(), POSITIONS.len(), "{backend:?}");
        let expected: usize = POSITIONS.iter().map(|p| p.requires.len()).sum();
        let stored = position_requirement::Entity::find().count(&db).await.unwrap();
        assert_eq!(stored as usize, expected, "{backend:?}");
        let levels = position_requirement::Entity::find().all(&db).await.unwrap();
        assert!(levels.iter().all(|r| (1..=5).contains(&r.level)));
        // Every seeded civil servant's position has a standard to be measured against.
        let names: Vec<String> = positions.into_iter().map(|p| p.name).collect();
        for m in membership::Entity::find().all(&db).await.unwrap() {
            if (m.role == "asn" || m.role == "agency_lead")
                && let Some(held) = m.position
            {
                assert!(names.contains(&held), "{backend:?}: no standard for {held}");
            }
        }
    })
    .await;
}

#[tokio::test]
async fn the_province_changes_and_adds_rows_of_the_conversion_table_and_no_one_else_may() {
    use app::backend::services::learning_forms::{save, views};
    use app::backend::services::seed::seed_demo;
    use app::error::{AppError, ConflictReason};
    use app::model::{JpBasisKind, LearningFormRow};

    each_database("learning_form_edit", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let province = crate::people::actor(&db, "admin@pemprov.sinergi.example").await;
        let lead = crate::people::actor(&db, "kabid@diskominfotik.sinergi.example").await;
        let seminar = views(&db).await.unwrap().into_iter().find(|v| v.row.code == "seminar");
        let mut seminar = seminar.expect("the seminar row is seeded").row;
        assert_eq!((seminar.national, seminar.international), (4, 6));

        seminar.international = 7;
        let refused = save(&db, &lead, &seminar, false).await;
        assert_eq!(refused, Err(AppError::Forbidden), "{backend:?}");
        save(&db, &province, &seminar, false).await.unwrap();
        let changed = views(&db).await.unwrap().into_iter().find(|v| v.row.code == "seminar");
        let changed = changed.unwrap();
        assert_eq!(changed.row.international, 7);
        assert_eq!(changed.updated_by.as_deref(), Some(province.full_name.as_str()));

        // A new row goes last; a new row under a taken code overwrites nothing.
        let coaching = LearningFormRow {
            code: "coaching".into(),
            name_id: "Coaching".into(),
            name_en: "Coaching".into(),
            basis: JpBasisKind::PerDay,
            national: 2,
            international: 3,
        };
        save(&db, &province, &coaching, true).await.unwrap();
        assert_eq!(views(&db).await.unwrap().last().map(|v| v.row.clone()), Some(coaching));
        let taken = save(&db, &province, &seminar, true).await;
        let expected = AppError::Conflict(ConflictReason::AlreadyExists { field: "code".into() });
        assert_eq!(taken, Err(expected), "{backend:?}");
        let mut unknown = seminar.clone();
        unknown.code = "tidak-ada".into();
        assert_eq!(save(&db, &province, &unknown, false).await, Err(AppError::NotFound));
        let mut too_many = seminar.clone();
        too_many.national = 30;
        assert!(matches!(save(&db, &province, &too_many, false).await, Err(AppError::Invalid(_))));
        let stored = views(&db).await.unwrap().into_iter().find(|v| v.row.code == "seminar");
        assert_eq!(stored.unwrap().row.national, 4, "a refused change changes nothing");
    })
    .await;
}

#[tokio::test]
async fn the_province_round_trips_the_dictionary_through_csv_all_or_nothing() {
    use app::backend::services::competencies::{dictionary, dictionary_csv};
    use app::backend::services::dictionary_import::import;
    use app::backend::services::seed::seed_demo;
    use app::error::AppError;
    use app::model::ValidationCode;

    each_database("dictionary_import", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let province = crate::people::actor(&db, "admin@pemprov.sinergi.example").await;
        let lead = crate::people::actor(&db, "kabid@diskominfotik.sinergi.example").await;
        let before = dictionary(&db).await.unwrap();
        let exported = String::from_utf8(dictionary_csv(&before).unwrap()).unwrap();
        let total: usize = before.iter().map(|t| t.competencies.len()).sum();

        // Unchanged, the export imports as "every row updated".
        let report = import(&db, &province, "kamus.csv", exported.as_bytes()).await.unwrap();
        assert_eq!((report.rows, report.created, report.updated), (total as u32, 0, total as u32));
        assert_eq!(
            dictionary(&db).await.unwrap(),
            before,
            "a round trip changes nothing: {backend:?}"
        );

        // A renamed competency with indicators, and a new technical one owned by Bappeda.
        let mut edited = exported.replace("Pelayanan Publik,", "Pelayanan Publik Prima,");
        edited.push_str(
            "TEK-GIS-01,teknis,Sistem Informasi Geografis,GIS,Mengolah data spasial.,Bappeda,\
             a,b,c,d,e,,,\"Membuat peta tematik\nMemeriksa akurasi\",,\n",
        );
        let refused = import(&db, &lead, "kamus.csv", edited.as_bytes()).await;
        assert_eq!(refused, Err(AppError::Forbidden), "{backend:?}");
        let report = import(&db, &province, "kamus.csv", edited.as_bytes()).await.unwrap();
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!((report.created, report.updated), (1, total as u32));
        let after = dictionary(&db).await.unwrap();
        let all: Vec<_> = after.iter().flat_map(|t| t.competencies.iter()).collect();
        let gis = all.iter().find(|c| c.code == "TEK-GIS-01").expect("the new competency");
        assert_eq!(gis.owner.as_deref(), Some("Bappeda"));
        assert_eq!(gis.indicators[2], ["Membuat peta tematik", "Memeriksa akurasi"]);
        assert!(all.iter().any(|c| c.code == "MNJ-05" && c.name_id == "Pelayanan Publik Prima"));

        // Bad rows (an unknown type, an owner for a managerial competency): nothing changes.
        let mut broken = edited
            .replace("Pelayanan Publik Prima,", "Pelayanan Publik Rusak,")
            .replace("TEK-GIS-01,teknis", "TEK-GIS-01,fiktif");
        broken.push_str("MNJ-99,manajerial,Baru,New,Definisi.,Bappeda,a,b,c,d,e\n");
        let report = import(&db, &province, "rusak.csv", broken.as_bytes()).await.unwrap();
        let problems: Vec<(&str, ValidationCode)> =
            report.errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        let unknown = ValidationCode::UnknownChoice;
        assert_eq!(
            problems,
            [("jenis", unknown), ("pemilik", unknown), ("pemilik", unknown)],
            "{backend:?}"
        );
        assert_eq!(dictionary(&db).await.unwrap(), after, "a refused file changes nothing");
    })
    .await;
}

#[tokio::test]
async fn the_province_round_trips_the_positions_through_csv_all_or_nothing() {
    use app::backend::entities::{position, position_requirement};
    use app::backend::services::dictionary_import::positions::{import_positions, positions_csv};
    use app::backend::services::seed::seed_demo;
    use app::error::AppError;
    use app::model::ValidationCode;
    use sea_orm::{EntityTrait, PaginatorTrait};

    each_database("positions_import", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let province = crate::people::actor(&db, "admin@pemprov.sinergi.example").await;
        let lead = crate::people::actor(&db, "kabid@diskominfotik.sinergi.example").await;
        let exported = String::from_utf8(positions_csv(&db).await.unwrap()).unwrap();
        let requirements = position_requirement::Entity::find().count(&db).await.unwrap();
        assert_eq!(exported.lines().count() as u64, requirements + 1, "a row per requirement");

        let report = import_positions(&db, &province, "j.csv", exported.as_bytes()).await.unwrap();
        assert!(report.errors.is_empty() && report.positions, "{:?}", report.errors);
        assert_eq!(report.created, 0);
        assert_eq!(positions_csv(&db).await.unwrap(), exported.as_bytes(), "{backend:?}");

        let mut more = exported.clone();
        more.push_str("ANALIS-DATA,Analis Data Ahli Muda,TEK-DATA-01,3\nANALIS-DATA,Analis Data Ahli Muda,MNJ-05,2\n");
        assert_eq!(
            import_positions(&db, &lead, "j.csv", more.as_bytes()).await,
            Err(AppError::Forbidden)
        );
        let report = import_positions(&db, &province, "j.csv", more.as_bytes()).await.unwrap();
        assert_eq!(report.created, 1, "{:?}", report.errors);
        let positions = position::Entity::find().count(&db).await.unwrap();

        let broken = format!(
            "{more}ANALIS-DATA,Analis Data Ahli Muda,TEK-DATA-01,4\nBARU,Baru,TIDAK-ADA,6\n"
        );
        let report = import_positions(&db, &province, "j.csv", broken.as_bytes()).await.unwrap();
        let problems: Vec<(&str, ValidationCode)> =
            report.errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert!(problems.contains(&("kode_kompetensi", ValidationCode::UnknownChoice)));
        assert!(problems.contains(&("level", ValidationCode::OutOfRange { min: 1, max: 5 })));
        assert!(problems.iter().any(|(f, c)| *f == "kode_kompetensi"
            && matches!(c, ValidationCode::DuplicateInFile { .. })));
        assert_eq!(position::Entity::find().count(&db).await.unwrap(), positions, "{backend:?}");
    })
    .await;
}
