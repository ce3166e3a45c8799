//! The LAN conversion table as every database holds it after migration (not demo data).

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
            ["pelatihan", "seminar", "lokakarya", "komunitas-belajar"],
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
    })
    .await;
}
