//! Demo needs of the seeded agencies (Diskominfotik and BKD, whose leads are demo accounts):
//! competency needs with evidence, research needs, one still a draft, two public. Written
//! through the needs service's own insert function.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, Utc};
use sea_orm::ConnectionTrait;

use super::dates::demo_date;
use crate::backend::entities::organisation;
use crate::backend::services::needs::{insert_need, open_seeded};
use crate::error::AppError;
use crate::model::{
    CompetencyNeedDraft, DeliveryMode, NeedDetails, NeedDraft, NeedFigure, ResearchNeedDraft,
    ResearchOutput,
};

/// A demo need: whose, what, and how many days ago it was opened (None: still a draft).
struct SeedNeed {
    agency: &'static str,
    author: &'static str,
    title: &'static str,
    summary: &'static str,
    description: &'static str,
    deadline: (i32, u32, u32),
    budget_rupiah: i64,
    public: bool,
    opened_days_ago: Option<i64>,
    kind: SeedKind,
}

enum SeedKind {
    /// Competency code, target level, headcount, units, mode, region, figures
    /// (unit, year, month, measure, value).
    Competency {
        competency: &'static str,
        level: i64,
        headcount: i64,
        units: &'static [&'static str],
        mode: Option<DeliveryMode>,
        region: &'static str,
        figures: &'static [(&'static str, i32, u32, &'static str, i64)],
    },
    Research {
        expected: &'static str,
        outputs: &'static [ResearchOutput],
        starts: (i32, u32, u32),
    },
}

const KOMINFO: &str = "kabid@diskominfotik.sinergi.example";
const BKD: &str = "kasubbag@bkd.sinergi.example";
const LAPOR: &str = "Pengaduan SP4N-LAPOR!";

const NEEDS: &[SeedNeed] = &[
    SeedNeed {
        agency: "diskominfotik",
        author: KOMINFO,
        title: "Pelayanan Publik bagi Petugas Layanan Informasi",
        summary: "25 petugas layanan informasi perlu mencapai level 3 Pelayanan Publik.",
        description: "Waktu tanggap pengaduan SP4N-LAPOR! di Bidang Informasi Publik rata-rata \
            9 hari kerja, jauh di atas standar 5 hari. Hasil analisis kesenjangan kompetensi \
            menunjukkan sebagian besar petugas berada di level 2 Pelayanan Publik.",
        deadline: (2027, 6, 30),
        budget_rupiah: 75_000_000,
        public: true,
        opened_days_ago: Some(12),
        kind: SeedKind::Competency {
            competency: "MNJ-05",
            level: 3,
            headcount: 25,
            units: &["Bidang Informasi Publik", "Sekretariat"],
            mode: Some(DeliveryMode::Blended),
            region: "1871",
            figures: &[
                ("Bidang Informasi Publik", 2026, 8, LAPOR, 38),
                ("Bidang Informasi Publik", 2026, 9, LAPOR, 44),
                ("Bidang Informasi Publik", 2026, 10, LAPOR, 51),
                ("Sekretariat", 2026, 10, LAPOR, 9),
            ],
        },
    },
    SeedNeed {
        agency: "diskominfotik",
        author: KOMINFO,
        title: "Analisis Data Statistik Sektoral",
        summary: "Statistisi dan pranata komputer perlu level 3 analisis data.",
        description: "Portal Satu Data Lampung menuntut analisis dan visualisasi data sektoral \
            oleh OPD sendiri; saat ini hanya dua pegawai yang mampu.",
        deadline: (2027, 4, 30),
        budget_rupiah: 40_000_000,
        public: false,
        opened_days_ago: Some(20),
        kind: SeedKind::Competency {
            competency: "TEK-DATA-01",
            level: 3,
            headcount: 12,
            units: &["Bidang Statistik"],
            mode: None,
            region: "",
            figures: &[],
        },
    },
    SeedNeed {
        agency: "diskominfotik",
        author: KOMINFO,
        title: "Keamanan Siber untuk Pengelola Aplikasi",
        summary: "Pengelola aplikasi OPD perlu dasar keamanan siber (level 2).",
        description: "Tiga insiden deface situs OPD pada 2026 menunjukkan kebutuhan dasar \
            pengamanan aplikasi dan server.",
        deadline: (2027, 8, 31),
        budget_rupiah: 0,
        public: false,
        opened_days_ago: None,
        kind: SeedKind::Competency {
            competency: "TEK-SIBER-01",
            level: 2,
            headcount: 15,
            units: &["Bidang Aplikasi Informatika"],
            mode: Some(DeliveryMode::Daring),
            region: "",
            figures: &[],
        },
    },
    SeedNeed {
        agency: "diskominfotik",
        author: KOMINFO,
        title: "Kajian Waktu Tanggap Pengaduan Masyarakat",
        summary: "Mengapa pengaduan lambat ditanggapi, dan apa yang perlu diubah.",
        description: "Pengaduan menumpuk di tiga unit. Kami belum tahu apakah sebabnya alur \
            disposisi, beban kerja atau kompetensi petugas.",
        deadline: (2027, 9, 30),
        budget_rupiah: 150_000_000,
        public: true,
        opened_days_ago: Some(5),
        kind: SeedKind::Research {
            expected: "Evaluasi alur layanan pengaduan dan rekomendasi kebijakan.",
            outputs: &[ResearchOutput::Evaluation, ResearchOutput::PolicyBrief],
            starts: (2027, 1, 4),
        },
    },
    SeedNeed {
        agency: "bkd",
        author: BKD,
        title: "Integritas dan Etika bagi Pejabat Pengawas",
        summary: "40 pejabat pengawas perlu mencapai level 4 Integritas.",
        description: "Standar kompetensi jabatan pengawas menuntut Integritas level 4; hasil \
            asesmen 2026 menempatkan 40 pejabat di level 3.",
        deadline: (2027, 5, 31),
        budget_rupiah: 120_000_000,
        public: false,
        opened_days_ago: Some(30),
        kind: SeedKind::Competency {
            competency: "MNJ-01",
            level: 4,
            headcount: 40,
            units: &["Bidang Pengembangan Karier", "Bidang Mutasi"],
            mode: Some(DeliveryMode::TatapMuka),
            region: "1871",
            figures: &[],
        },
    },
    SeedNeed {
        agency: "bkd",
        author: BKD,
        title: "Pengarsipan Digital Dokumen Kepegawaian",
        summary: "Arsiparis BKD perlu level 3 pengelolaan arsip digital.",
        description: "Digitalisasi 60.000 berkas kepegawaian dimulai 2027; arsiparis belum \
            terlatih alih media dan metadata.",
        deadline: (2027, 3, 31),
        budget_rupiah: 30_000_000,
        public: false,
        opened_days_ago: Some(8),
        kind: SeedKind::Competency {
            competency: "TEK-ARSIP-01",
            level: 3,
            headcount: 8,
            units: &["Sekretariat"],
            mode: None,
            region: "",
            figures: &[],
        },
    },
    SeedNeed {
        agency: "bkd",
        author: BKD,
        title: "Model Pemetaan Talenta ASN Provinsi",
        summary: "Purwarupa pemetaan talenta dari data kinerja dan kompetensi.",
        description: "Manajemen talenta menuntut nine-box dari data kinerja dan kompetensi; \
            data ada di tiga sistem yang belum terhubung.",
        deadline: (2027, 12, 15),
        budget_rupiah: 250_000_000,
        public: false,
        opened_days_ago: Some(3),
        kind: SeedKind::Research {
            expected: "Purwarupa aplikasi pemetaan talenta dan pelatihan operator.",
            outputs: &[ResearchOutput::Prototype, ResearchOutput::Training],
            starts: (2027, 2, 1),
        },
    },
];

/// Writes the demo needs, with the seeded organisations by slug and people by email, their
/// dates moved to the week of `today`.
pub async fn seed_needs<C: ConnectionTrait>(
    conn: &C,
    organisations: &HashMap<String, organisation::Model>,
    people: &HashMap<String, i32>,
    today: NaiveDate,
) -> Result<(), AppError> {
    let now = Utc::now();
    for seed in NEEDS {
        let agency = organisations.get(seed.agency).ok_or_else(|| {
            AppError::internal(format!("seed names unknown organisation {}", seed.agency))
        })?;
        let author = people.get(seed.author).copied().ok_or_else(|| {
            AppError::internal(format!("seed names unknown person {}", seed.author))
        })?;
        let draft = need_draft(seed, today)?;
        let (id, _) = insert_need(conn, agency, author, &draft).await?;
        if let Some(days) = seed.opened_days_ago {
            open_seeded(conn, id, author, now - Duration::days(days)).await?;
        }
    }
    Ok(())
}

fn day((year, month, day): (i32, u32, u32)) -> Result<NaiveDate, AppError> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| AppError::internal(format!("seed need date {year}-{month}-{day}")))
}

fn need_draft(seed: &SeedNeed, today: NaiveDate) -> Result<NeedDraft, AppError> {
    let (details, figures) = match &seed.kind {
        SeedKind::Competency { competency, level, headcount, units, mode, region, figures } => {
            let figures = figures
                .iter()
                .map(|(unit, year, month, measure, value)| {
                    Ok(NeedFigure {
                        unit: (*unit).to_owned(),
                        month: day((*year, *month, 1))?,
                        measure: (*measure).to_owned(),
                        value: *value,
                    })
                })
                .collect::<Result<Vec<_>, AppError>>()?;
            let details = NeedDetails::Competency(CompetencyNeedDraft {
                competency: (*competency).to_owned(),
                target_level: *level,
                headcount: *headcount,
                units: units.iter().map(|u| (*u).to_owned()).collect(),
                preferred_mode: *mode,
                region_code: (*region).to_owned(),
            });
            (details, figures)
        }
        SeedKind::Research { expected, outputs, starts } => {
            let details = NeedDetails::Research(ResearchNeedDraft {
                expected_output: (*expected).to_owned(),
                outputs: outputs.to_vec(),
                starts_on: demo_date(*starts, today)?,
            });
            (details, Vec::new())
        }
    };
    let draft = NeedDraft {
        title: seed.title.to_owned(),
        summary: seed.summary.to_owned(),
        description: seed.description.to_owned(),
        deadline: demo_date(seed.deadline, today)?,
        budget_rupiah: seed.budget_rupiah,
        is_public: seed.public,
        figures,
        details,
    };
    draft.validate().map_err(|e| AppError::internal(format!("seed need {}: {e:?}", seed.title)))?;
    Ok(draft)
}
