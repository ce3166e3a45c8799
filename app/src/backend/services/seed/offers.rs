//! Demo catalogue: courses and research offers of the seeded universities (Indonesian titles,
//! plausible JP and fees, sessions in 2026–2027), written through the offers service's own
//! insert functions so that they carry search text like any other offer.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveTime, Utc};
use sea_orm::ConnectionTrait;

use crate::backend::entities::organisation;
use crate::backend::services::offers::{insert_course, insert_research, publish_seeded};
use crate::error::AppError;
use crate::model::{
    CourseDraft, DeliveryMode, OfferCompetency, OfferPerson, ResearchDraft, ResearchOutput,
    SessionDraft,
};

/// A demo course. `published_days_ago: None` leaves it a draft.
pub struct SeedCourse {
    pub university: &'static str,
    pub author: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub description: &'static str,
    pub competencies: &'static [(&'static str, u8)],
    pub jp: i64,
    pub mode: DeliveryMode,
    pub region: &'static str,
    pub fee_rupiah: i64,
    pub capacity: i64,
    /// First session (year, month, day); one session a day for `days` days, 08.00–16.00 WIB.
    pub start: (i32, u32, u32),
    pub days: u32,
    pub place: &'static str,
    pub instructors: &'static [(&'static str, &'static str)],
    pub published_days_ago: Option<i64>,
}

use DeliveryMode::{Blended, Daring, TatapMuka};

pub const COURSES: &[SeedCourse] = &[
    SeedCourse {
        university: "unila",
        author: "dosen@unila.sinergi.example",
        title: "Pelayanan Publik Prima dan Penanganan Pengaduan SP4N-LAPOR!",
        summary: "Standar pelayanan, maklumat layanan dan tindak lanjut pengaduan masyarakat yang tuntas dan tepat waktu.",
        description: "## Materi\n\n- Standar pelayanan dan maklumat layanan\n- Alur pengaduan SP4N-LAPOR! dari disposisi sampai tindak lanjut\n- Survei kepuasan masyarakat\n\n## Metode\n\nStudi kasus pengaduan nyata dari perangkat daerah peserta.",
        competencies: &[("MNJ-05", 3), ("MNJ-03", 2)],
        jp: 24,
        mode: TatapMuka,
        region: "1871",
        fee_rupiah: 0,
        capacity: 30,
        start: (2027, 1, 18),
        days: 3,
        place: "Gedung Serba Guna LPPM Unila, Jl. Prof. Dr. Sumantri Brojonegoro No. 1, Bandar Lampung",
        instructors: &[
            ("Dr. Bayu Pratama, M.Kom.", "Narasumber"),
            ("Dr. Rina Kartikasari, M.Si.", "Fasilitator"),
        ],
        published_days_ago: Some(20),
    },
    SeedCourse {
        university: "unila",
        author: "dosen@unila.sinergi.example",
        title: "Analisis Data Statistik Sektoral dengan Python",
        summary: "Mengolah, menganalisis dan menyajikan data statistik sektoral perangkat daerah untuk Satu Data Lampung.",
        description: "Peserta membawa data unitnya sendiri.\n\n1. Membersihkan data dengan pandas\n2. Statistik deskriptif dan visualisasi\n3. Metadata dan publikasi ke portal data",
        competencies: &[("TEK-DATA-01", 3)],
        jp: 32,
        mode: Blended,
        region: "1871",
        fee_rupiah: 1_500_000,
        capacity: 25,
        start: (2027, 2, 8),
        days: 4,
        place: "Laboratorium Komputer FMIPA Unila / Zoom",
        instructors: &[("Dr. Bayu Pratama, M.Kom.", "Narasumber")],
        published_days_ago: Some(12),
    },
    SeedCourse {
        university: "itera",
        author: "dosen@itera.sinergi.example",
        title: "Keamanan Informasi untuk Perangkat Daerah",
        summary: "Mengenali ancaman siber, mengamankan akun dan perangkat, serta menangani insiden keamanan informasi.",
        description: "Pelatihan daring dengan simulasi phishing dan latihan penanganan insiden sesuai pedoman BSSN.",
        competencies: &[("TEK-SIBER-01", 2)],
        jp: 20,
        mode: Daring,
        region: "",
        fee_rupiah: 0,
        capacity: 100,
        start: (2026, 12, 14),
        days: 3,
        place: "Zoom ITERA (tautan dikirim setelah pendaftaran)",
        instructors: &[("Ir. Sekar Ayuningtyas, M.T.", "Narasumber")],
        published_days_ago: Some(30),
    },
    SeedCourse {
        university: "itera",
        author: "dosen@itera.sinergi.example",
        title: "Dasbor Data Pembangunan Daerah",
        summary: "Merancang dasbor indikator pembangunan daerah yang mudah dibaca pimpinan.",
        description: "Dari indikator RPJMD ke dasbor: memilih indikator, menyiapkan data, dan merancang tampilan.",
        competencies: &[("TEK-DATA-01", 2), ("TEK-RENC-01", 2)],
        jp: 24,
        mode: TatapMuka,
        region: "1803",
        fee_rupiah: 750_000,
        capacity: 30,
        start: (2027, 3, 1),
        days: 3,
        place: "Gedung Kuliah Umum ITERA, Way Hui, Lampung Selatan",
        instructors: &[("Ir. Sekar Ayuningtyas, M.T.", "Narasumber")],
        published_days_ago: Some(5),
    },
    SeedCourse {
        university: "uin-ril",
        author: "dosen@uin-ril.sinergi.example",
        title: "Integritas dan Budaya Antikorupsi di Birokrasi",
        summary: "Membangun integritas pribadi dan sistem kerja yang mencegah konflik kepentingan.",
        description: "Materi nilai dasar ASN BerAKHLAK, gratifikasi, konflik kepentingan dan whistleblowing.",
        competencies: &[("MNJ-01", 3)],
        jp: 16,
        mode: TatapMuka,
        region: "1871",
        fee_rupiah: 0,
        capacity: 40,
        start: (2027, 1, 25),
        days: 2,
        place: "Aula Fakultas Syariah UIN Raden Intan, Sukarame, Bandar Lampung",
        instructors: &[("Dr. Hj. Nurul Hidayah, M.Ag.", "Narasumber")],
        published_days_ago: Some(18),
    },
    SeedCourse {
        university: "polinela",
        author: "dosen@polinela.sinergi.example",
        title: "Pengelolaan Arsip Dinamis Berbasis Elektronik",
        summary: "Tata naskah dinas, klasifikasi dan retensi arsip, serta aplikasi SRIKANDI.",
        description: "Praktik langsung dengan aplikasi SRIKANDI dan jadwal retensi arsip perangkat daerah.",
        competencies: &[("TEK-ARSIP-01", 3)],
        jp: 30,
        mode: Blended,
        region: "1871",
        fee_rupiah: 1_000_000,
        capacity: 30,
        start: (2027, 2, 15),
        days: 4,
        place: "Ruang Sidang Polinela, Jl. Soekarno-Hatta No. 10, Bandar Lampung",
        instructors: &[("Ir. Made Sudarma, M.P.", "Narasumber")],
        published_days_ago: Some(9),
    },
    SeedCourse {
        university: "teknokrat",
        author: "dosen@teknokrat.sinergi.example",
        title: "Komunikasi Publik dan Media Sosial Instansi",
        summary: "Menulis informasi layanan yang jelas dan mengelola media sosial instansi.",
        description: "Menyusun pesan layanan, menjawab warganet, dan mengukur jangkauan konten.",
        competencies: &[("MNJ-03", 3)],
        jp: 20,
        mode: Daring,
        region: "",
        fee_rupiah: 500_000,
        capacity: 60,
        start: (2027, 1, 11),
        days: 3,
        place: "Google Meet Universitas Teknokrat Indonesia",
        instructors: &[("Andi Saputra, S.Kom., M.Kom.", "Narasumber")],
        published_days_ago: Some(25),
    },
    SeedCourse {
        university: "ubl",
        author: "dosen@ubl.sinergi.example",
        title: "Kepemimpinan Perubahan bagi Pejabat Pengawas",
        summary: "Memimpin perubahan di unit kerja dan mengambil keputusan berbasis data.",
        description: "Untuk pejabat pengawas: mengelola perubahan, mengambil keputusan dan mengawal kinerja tim.",
        competencies: &[("MNJ-07", 4), ("MNJ-08", 3)],
        jp: 40,
        mode: TatapMuka,
        region: "1871",
        fee_rupiah: 2_500_000,
        capacity: 25,
        start: (2027, 3, 8),
        days: 5,
        place: "Kampus UBL, Jl. Z.A. Pagar Alam No. 26, Bandar Lampung",
        instructors: &[("Dr. Ferdinand Simatupang, M.M.", "Narasumber")],
        published_days_ago: Some(3),
    },
    SeedCourse {
        university: "darmajaya",
        author: "dosen@darmajaya.sinergi.example",
        title: "Kerja Sama Tim dan Kolaborasi Lintas OPD",
        summary: "Membangun kerja sama antarunit dan antarperangkat daerah untuk program bersama.",
        description: "Simulasi proyek lintas OPD dan alat kolaborasi sederhana.",
        competencies: &[("MNJ-02", 3)],
        jp: 16,
        mode: TatapMuka,
        region: "1871",
        fee_rupiah: 0,
        capacity: 35,
        start: (2027, 4, 5),
        days: 2,
        place: "Auditorium IIB Darmajaya, Bandar Lampung",
        instructors: &[("Rizky Ramadhan, M.T.I.", "Fasilitator")],
        published_days_ago: Some(2),
    },
    SeedCourse {
        university: "ummetro",
        author: "dosen@ummetro.sinergi.example",
        title: "Perekat Bangsa: Wawasan Kebangsaan dalam Pelayanan",
        summary: "Menghargai keberagaman warga dan menjaga persatuan dalam pelayanan sehari-hari.",
        description: "Diskusi kasus pelayanan kepada warga yang beragam di Kota Metro dan sekitarnya.",
        competencies: &[("SK-01", 3)],
        jp: 12,
        mode: TatapMuka,
        region: "1872",
        fee_rupiah: 0,
        capacity: 40,
        start: (2027, 2, 22),
        days: 2,
        place: "Kampus 3 UM Metro, Kota Metro",
        instructors: &[("Drs. Slamet Riyadi, M.Pd.", "Narasumber")],
        published_days_ago: Some(7),
    },
    SeedCourse {
        university: "malahayati",
        author: "dosen@malahayati.sinergi.example",
        title: "Orientasi pada Hasil: Manajemen Kinerja ASN",
        summary: "Menyusun sasaran kinerja pegawai yang terukur dan memantau capaiannya.",
        description: "SKP, indikator kinerja, dan dialog kinerja antara atasan dan pegawai.",
        competencies: &[("MNJ-04", 3)],
        jp: 24,
        mode: Blended,
        region: "1871",
        fee_rupiah: 1_200_000,
        capacity: 30,
        start: (2027, 5, 10),
        days: 3,
        place: "Universitas Malahayati, Kemiling, Bandar Lampung / Zoom",
        instructors: &[("dr. Maya Anggraini, M.K.M.", "Narasumber")],
        published_days_ago: Some(1),
    },
    SeedCourse {
        university: "uml",
        author: "dosen@uml.sinergi.example",
        title: "Coaching dan Pengembangan Diri untuk Atasan Langsung",
        summary: "Atasan langsung belajar melatih dan membimbing stafnya (model 10:20:70).",
        description: "Teknik coaching GROW, umpan balik, dan rencana pengembangan individu.",
        competencies: &[("MNJ-06", 3)],
        jp: 20,
        mode: Daring,
        region: "",
        fee_rupiah: 0,
        capacity: 50,
        start: (2027, 6, 7),
        days: 3,
        place: "Zoom Universitas Muhammadiyah Lampung",
        instructors: &[("Dewi Kusumawati, M.Psi.", "Coach")],
        published_days_ago: Some(4),
    },
    SeedCourse {
        university: "unila",
        author: "dosen@unila.sinergi.example",
        title: "Literasi Data untuk Pimpinan Perangkat Daerah",
        summary: "Membaca data dan grafik untuk keputusan pimpinan (masih disusun).",
        description: "Draf: silabus sedang disusun.",
        competencies: &[("TEK-DATA-01", 2), ("MNJ-08", 2)],
        jp: 12,
        mode: TatapMuka,
        region: "1871",
        fee_rupiah: 0,
        capacity: 20,
        start: (2027, 7, 5),
        days: 2,
        place: "LPPM Unila",
        instructors: &[("Dr. Bayu Pratama, M.Kom.", "Narasumber")],
        published_days_ago: None,
    },
    SeedCourse {
        university: "itera",
        author: "dosen@itera.sinergi.example",
        title: "Pembelajaran Mesin untuk Data Pemerintahan",
        summary: "Mengenal klasifikasi dan prediksi sederhana atas data layanan (masih disusun).",
        description: "Draf: contoh kasus sedang dikumpulkan.",
        competencies: &[("TEK-DATA-01", 3)],
        jp: 32,
        mode: Daring,
        region: "",
        fee_rupiah: 1_000_000,
        capacity: 40,
        start: (2027, 7, 12),
        days: 4,
        place: "Zoom ITERA",
        instructors: &[("Ir. Sekar Ayuningtyas, M.T.", "Narasumber")],
        published_days_ago: None,
    },
];

/// A demo research offer (all published).
pub struct SeedResearch {
    pub university: &'static str,
    pub author: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub description: &'static str,
    pub expertise: &'static str,
    pub competencies: &'static [&'static str],
    pub sectors: &'static [&'static str],
    pub months: i64,
    pub budget: (i64, i64),
    pub outputs: &'static [ResearchOutput],
    pub team: &'static [(&'static str, &'static str)],
    pub published_days_ago: i64,
}

pub const RESEARCH: &[SeedResearch] = &[
    SeedResearch {
        university: "unila",
        author: "koordinator@unila.sinergi.example",
        title: "Evaluasi Penanganan Pengaduan SP4N-LAPOR! di Perangkat Daerah",
        summary: "Mengukur waktu tanggap dan tuntasnya pengaduan per unit, dan menemukan penyebab keterlambatan.",
        description: "Analisis data pengaduan 2024–2026 per unit per bulan, wawancara admin pengaduan, dan rekomendasi kebijakan.",
        expertise: "Kebijakan publik, analisis data pengaduan",
        competencies: &["MNJ-05"],
        sectors: &["Pelayanan publik"],
        months: 6,
        budget: (75_000_000, 150_000_000),
        outputs: &[ResearchOutput::Evaluation, ResearchOutput::PolicyBrief],
        team: &[
            ("Dr. Rina Kartikasari, M.Si.", "Ketua peneliti"),
            ("Dr. Bayu Pratama, M.Kom.", "Analis data"),
        ],
        published_days_ago: 15,
    },
    SeedResearch {
        university: "itera",
        author: "dosen@itera.sinergi.example",
        title: "Prototipe Integrasi Data Statistik Sektoral Satu Data Lampung",
        summary: "Purwarupa integrasi data sektoral antar-OPD dengan metadata baku.",
        description: "Merancang dan menguji purwarupa integrasi data statistik sektoral dari tiga OPD percontohan.",
        expertise: "Sains data, rekayasa perangkat lunak",
        competencies: &["TEK-DATA-01"],
        sectors: &["Statistik", "Tata kelola data"],
        months: 9,
        budget: (200_000_000, 400_000_000),
        outputs: &[ResearchOutput::Prototype, ResearchOutput::Training],
        team: &[("Ir. Sekar Ayuningtyas, M.T.", "Ketua peneliti")],
        published_days_ago: 10,
    },
    SeedResearch {
        university: "uin-ril",
        author: "dosen@uin-ril.sinergi.example",
        title: "Kajian Budaya Integritas ASN Pemerintah Provinsi Lampung",
        summary: "Survei dan diskusi kelompok tentang integritas dan gratifikasi di lingkungan kerja.",
        description: "Survei persepsi integritas di tujuh OPD dan rekomendasi penguatan sistem pengendalian gratifikasi.",
        expertise: "Etika pemerintahan",
        competencies: &["MNJ-01"],
        sectors: &["Reformasi birokrasi"],
        months: 5,
        budget: (50_000_000, 100_000_000),
        outputs: &[ResearchOutput::PolicyBrief],
        team: &[("Dr. Hj. Nurul Hidayah, M.Ag.", "Ketua peneliti")],
        published_days_ago: 6,
    },
    SeedResearch {
        university: "polinela",
        author: "dosen@polinela.sinergi.example",
        title: "Digitalisasi Arsip Penyuluhan Pertanian",
        summary: "Alih media dan temu kembali arsip penyuluhan pertanian untuk ketahanan pangan.",
        description: "Purwarupa alih media arsip penyuluhan dan evaluasi pemanfaatannya oleh penyuluh.",
        expertise: "Kearsipan, agribisnis",
        competencies: &["TEK-ARSIP-01"],
        sectors: &["Pertanian", "Kearsipan"],
        months: 8,
        budget: (100_000_000, 250_000_000),
        outputs: &[ResearchOutput::Prototype, ResearchOutput::Evaluation],
        team: &[("Ir. Made Sudarma, M.P.", "Ketua peneliti")],
        published_days_ago: 4,
    },
    SeedResearch {
        university: "unila",
        author: "dosen@unila.sinergi.example",
        title: "Evaluasi Dampak Pelatihan terhadap Kinerja ASN",
        summary: "Apakah pelatihan mengubah perilaku kerja? Evaluasi level 3 dan 4 Kirkpatrick.",
        description: "Desain evaluasi dampak pelatihan dengan data kinerja sebelum dan sesudah pelatihan.",
        expertise: "Evaluasi program, psikologi industri",
        competencies: &["MNJ-06", "MNJ-04"],
        sectors: &["Pengembangan SDM"],
        months: 6,
        budget: (80_000_000, 120_000_000),
        outputs: &[ResearchOutput::Evaluation, ResearchOutput::PolicyBrief],
        team: &[("Dr. Bayu Pratama, M.Kom.", "Ketua peneliti")],
        published_days_ago: 1,
    },
];

/// Writes the demo catalogue, with the seeded organisations by slug and people by email.
pub async fn seed_offers<C: ConnectionTrait>(
    conn: &C,
    organisations: &HashMap<String, organisation::Model>,
    people: &HashMap<String, i32>,
) -> Result<(), AppError> {
    let org = |slug: &str| {
        organisations
            .get(slug)
            .cloned()
            .ok_or_else(|| AppError::internal(format!("seed names unknown organisation {slug}")))
    };
    let person = |email: &str| {
        people
            .get(email)
            .copied()
            .ok_or_else(|| AppError::internal(format!("seed names unknown person {email}")))
    };
    let now = Utc::now();
    for seed in COURSES {
        let author = person(seed.author)?;
        let (id, _) =
            insert_course(conn, &org(seed.university)?, author, &course_draft(seed)?).await?;
        if let Some(days) = seed.published_days_ago {
            publish_seeded(conn, id, author, now - Duration::days(days)).await?;
        }
    }
    for seed in RESEARCH {
        let author = person(seed.author)?;
        let (id, _) =
            insert_research(conn, &org(seed.university)?, author, &research_draft(seed)).await?;
        publish_seeded(conn, id, author, now - Duration::days(seed.published_days_ago)).await?;
    }
    Ok(())
}

fn course_draft(seed: &SeedCourse) -> Result<CourseDraft, AppError> {
    let (year, month, day) = seed.start;
    let start = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        AppError::internal(format!("seed course {} starts on no date", seed.title))
    })?;
    let hour = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default();
    let draft = CourseDraft {
        title: seed.title.to_owned(),
        summary: seed.summary.to_owned(),
        description: seed.description.to_owned(),
        competencies: seed
            .competencies
            .iter()
            .map(|(code, level)| OfferCompetency { code: (*code).to_owned(), level: Some(*level) })
            .collect(),
        jp: seed.jp,
        learning_form: "pelatihan".to_owned(),
        international: false,
        mode: seed.mode,
        region_code: seed.region.to_owned(),
        sessions: (0..seed.days)
            .map(|d| SessionDraft {
                date: start + Duration::days(d.into()),
                starts: hour(8),
                ends: hour(16),
                place: seed.place.to_owned(),
            })
            .collect(),
        capacity: seed.capacity,
        fee_rupiah: seed.fee_rupiah,
        instructors: team(seed.instructors),
        prerequisites: String::new(),
        min_attendance_percent: 80,
        min_post_test_score: 70,
        enrollment_opens_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or(start),
        enrollment_closes_on: start - Duration::days(3),
    };
    draft
        .validate()
        .map_err(|e| AppError::internal(format!("seed course {}: {e:?}", seed.title)))?;
    Ok(draft)
}

fn research_draft(seed: &SeedResearch) -> ResearchDraft {
    ResearchDraft {
        title: seed.title.to_owned(),
        summary: seed.summary.to_owned(),
        description: seed.description.to_owned(),
        expertise: seed.expertise.to_owned(),
        team: team(seed.team),
        competencies: seed
            .competencies
            .iter()
            .map(|code| OfferCompetency { code: (*code).to_owned(), level: None })
            .collect(),
        sectors: seed.sectors.iter().map(|s| (*s).to_owned()).collect(),
        duration_months: seed.months,
        budget_min_rupiah: seed.budget.0,
        budget_max_rupiah: seed.budget.1,
        outputs: seed.outputs.to_vec(),
    }
}

fn team(list: &[(&str, &str)]) -> Vec<OfferPerson> {
    list.iter()
        .map(|(name, role)| OfferPerson { name: (*name).to_owned(), role: (*role).to_owned() })
        .collect()
}
