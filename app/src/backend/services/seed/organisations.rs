//! Demo organisations (real names, DOMAIN.md) and invented people for every persona.

use crate::model::OrganisationKind::{self, Agency, Province, University};

/// slug, full name, short name, kind, verified.
pub const ORGANISATIONS: &[(&str, &str, &str, OrganisationKind, bool)] = &[
    ("unila", "Universitas Lampung", "Unila", University, true),
    ("itera", "Institut Teknologi Sumatera", "ITERA", University, true),
    ("uin-ril", "UIN Raden Intan Lampung", "UIN RIL", University, true),
    ("polinela", "Politeknik Negeri Lampung", "Polinela", University, true),
    ("teknokrat", "Universitas Teknokrat Indonesia", "Teknokrat", University, true),
    ("ubl", "Universitas Bandar Lampung", "UBL", University, true),
    ("darmajaya", "IIB Darmajaya", "Darmajaya", University, true),
    ("malahayati", "Universitas Malahayati", "Malahayati", University, true),
    ("ummetro", "Universitas Muhammadiyah Metro", "UM Metro", University, true),
    ("uml", "Universitas Muhammadiyah Lampung", "UML", University, true),
    ("saburai", "Universitas Sang Bumi Ruwa Jurai", "Saburai", University, false),
    ("umko", "Universitas Muhammadiyah Kalianda", "UMKO", University, false),
    ("bkd", "Badan Kepegawaian Daerah Provinsi Lampung", "BKD", Agency, true),
    ("bpsdm", "Badan Pengembangan Sumber Daya Manusia Provinsi Lampung", "BPSDM", Agency, true),
    (
        "diskominfotik",
        "Dinas Komunikasi, Informatika dan Statistik Provinsi Lampung",
        "Diskominfotik",
        Agency,
        true,
    ),
    ("bappeda", "Badan Perencanaan Pembangunan Daerah Provinsi Lampung", "Bappeda", Agency, true),
    ("disdik", "Dinas Pendidikan Provinsi Lampung", "Disdik", Agency, true),
    ("dispusip", "Dinas Perpustakaan dan Kearsipan Provinsi Lampung", "Dispusip", Agency, true),
    ("setda", "Sekretariat Daerah Provinsi Lampung", "Setda", Agency, false),
    (
        "pemprov-lampung",
        "Pemerintah Provinsi Lampung (BPSDM/BKD)",
        "Pemprov Lampung",
        Province,
        true,
    ),
];

/// The password of every demo account (demo data only; README lists the accounts).
pub const DEMO_PASSWORD: &str = "demo sinergi lampung";

/// An invented person: name, email, NIP (PNS only), organisation slug, role, position (jabatan)
/// and unit; optionally a rank (pangkat/golongan) and further roles elsewhere.
pub struct SeedPerson {
    pub full_name: &'static str,
    pub email: &'static str,
    pub nip: Option<&'static str>,
    pub organisation: &'static str,
    pub role: &'static str,
    pub position: Option<&'static str>,
    pub unit: Option<&'static str>,
    pub rank: Option<&'static str>,
    /// Further roles: (organisation slug, role), with no position or unit.
    pub also: &'static [(&'static str, &'static str)],
}

impl SeedPerson {
    const fn rank(self, rank: &'static str) -> Self {
        Self { rank: Some(rank), ..self }
    }

    const fn also(self, also: &'static [(&'static str, &'static str)]) -> Self {
        Self { also, ..self }
    }
}

const fn person(
    full_name: &'static str,
    email: &'static str,
    nip: Option<&'static str>,
    organisation: &'static str,
    role: &'static str,
    position: Option<&'static str>,
    unit: Option<&'static str>,
) -> SeedPerson {
    SeedPerson { full_name, email, nip, organisation, role, position, unit, rank: None, also: &[] }
}

/// Every persona of DOMAIN.md at least once. Emails use the reserved `.example` domain.
pub const PEOPLE: &[SeedPerson] = &[
    person(
        "Dr. Rina Kartikasari, M.Si.",
        "koordinator@unila.sinergi.example",
        None,
        "unila",
        "university_coordinator",
        Some("Koordinator Program Kemitraan"),
        Some("LPPM"),
    ),
    person(
        "Dr. Bayu Pratama, M.Kom.",
        "dosen@unila.sinergi.example",
        None,
        "unila",
        "academic",
        Some("Dosen Ilmu Komputer"),
        Some("FMIPA"),
    ),
    person(
        "Ir. Sekar Ayuningtyas, M.T.",
        "dosen@itera.sinergi.example",
        None,
        "itera",
        "academic",
        Some("Dosen Sains Data"),
        Some("Jurusan Sains"),
    ),
    person(
        "Hendra Wijaya, S.Kom., M.T.",
        "kabid@diskominfotik.sinergi.example",
        Some("197804122005011002"),
        "diskominfotik",
        "agency_lead",
        Some("Kepala Bidang Statistik"),
        Some("Bidang Statistik"),
    )
    .rank("Pembina, IV/a"),
    person(
        "Siti Nurhaliza, S.Stat.",
        "asn1@diskominfotik.sinergi.example",
        Some("199203152019032001"),
        "diskominfotik",
        "asn",
        Some("Pranata Komputer Ahli Pertama"),
        Some("Bidang Statistik"),
    )
    .rank("Penata Muda, III/a"),
    person(
        "Agus Setiawan, A.Md.",
        "asn2@diskominfotik.sinergi.example",
        Some("198806202014031003"),
        "diskominfotik",
        "asn",
        Some("Statistisi Terampil"),
        Some("Bidang Statistik"),
    )
    .rank("Pengatur, II/c"),
    person(
        "Dewi Anggraini, S.Sos.",
        "asn3@diskominfotik.sinergi.example",
        Some("199510082020122004"),
        "diskominfotik",
        "asn",
        Some("Pranata Humas Ahli Pertama"),
        Some("Bidang Informasi Publik"),
    )
    .rank("Penata Muda, III/a"),
    // asn4@diskominfotik and asn2@bkd are the civil servants of the whole-loop end-to-end test
    // (nominated, attend, certified, credited); no other test uses them.
    person(
        "Rina Marlina, S.Kom.",
        "asn4@diskominfotik.sinergi.example",
        Some("199601172021022003"),
        "diskominfotik",
        "asn",
        Some("Pranata Komputer Ahli Pertama"),
        Some("Bidang Statistik"),
    )
    .rank("Penata Muda, III/a"),
    person(
        "Rahmat Hidayat, S.H.",
        "kasubbag@bkd.sinergi.example",
        Some("198101052006041001"),
        "bkd",
        "agency_lead",
        Some("Kepala Subbagian Umum"),
        Some("Sekretariat"),
    )
    .rank("Penata Tingkat I, III/d"),
    person(
        "Fitri Handayani, S.A.P.",
        "asn1@bkd.sinergi.example",
        Some("199307222018012002"),
        "bkd",
        "asn",
        Some("Analis Kepegawaian Ahli Pertama"),
        Some("Bidang Pengembangan Karier"),
    )
    .rank("Penata Muda Tingkat I, III/b"),
    person(
        "Bayu Pratama, S.E.",
        "asn2@bkd.sinergi.example",
        Some("199403092019031002"),
        "bkd",
        "asn",
        Some("Analis Kepegawaian Ahli Pertama"),
        Some("Bidang Pengembangan Karier"),
    )
    .rank("Penata Muda Tingkat I, III/b"),
    person(
        "Yusuf Maulana, S.IP., M.Si.",
        "admin@pemprov.sinergi.example",
        Some("197911302003121001"),
        "pemprov-lampung",
        "province_admin",
        Some("Administrator Sinergi"),
        Some("BPSDM"),
    )
    .rank("Pembina, IV/a")
    // A province administrator is a civil servant of BPSDM too: two roles, two organisations.
    .also(&[("bpsdm", "asn")]),
    person(
        "Lestari Wulandari, S.Kom.",
        "admin2@pemprov.sinergi.example",
        Some("198507142010012005"),
        "pemprov-lampung",
        "province_admin",
        Some("Administrator Sinergi"),
        Some("BKD"),
    )
    .rank("Penata Tingkat I, III/d"),
    // Authors of the demo catalogue, one academic per further university.
    academic("Dr. Hj. Nurul Hidayah, M.Ag.", "dosen@uin-ril.sinergi.example", "uin-ril"),
    academic("Ir. Made Sudarma, M.P.", "dosen@polinela.sinergi.example", "polinela"),
    academic("Andi Saputra, S.Kom., M.Kom.", "dosen@teknokrat.sinergi.example", "teknokrat"),
    academic("Dr. Ferdinand Simatupang, M.M.", "dosen@ubl.sinergi.example", "ubl"),
    academic("Rizky Ramadhan, M.T.I.", "dosen@darmajaya.sinergi.example", "darmajaya"),
    academic("dr. Maya Anggraini, M.K.M.", "dosen@malahayati.sinergi.example", "malahayati"),
    academic("Drs. Slamet Riyadi, M.Pd.", "dosen@ummetro.sinergi.example", "ummetro"),
    academic("Dewi Kusumawati, M.Psi.", "dosen@uml.sinergi.example", "uml"),
];

/// An academic with no unit or position given.
const fn academic(
    full_name: &'static str,
    email: &'static str,
    organisation: &'static str,
) -> SeedPerson {
    person(full_name, email, None, organisation, "academic", Some("Dosen"), None)
}
