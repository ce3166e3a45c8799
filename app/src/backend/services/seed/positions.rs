//! Demo positions (jabatan) held by the seeded people, with the level each requires per
//! competency — plausible standards written for Sinergi, not quoted from an agency's document.

/// A position: code, name, and (competency code, required level) pairs.
pub struct SeedPosition {
    pub code: &'static str,
    pub name: &'static str,
    pub requires: &'static [(&'static str, i16)],
}

/// The eight managerial competencies and the socio-cultural one, at one level.
const fn core(level: i16) -> [(&'static str, i16); 9] {
    [
        ("MNJ-01", level),
        ("MNJ-02", level),
        ("MNJ-03", level),
        ("MNJ-04", level),
        ("MNJ-05", level),
        ("MNJ-06", level),
        ("MNJ-07", level),
        ("MNJ-08", level),
        ("SK-01", level),
    ]
}

const AHLI_PERTAMA: [(&str, i16); 9] = core(1);
const PENGAWAS: [(&str, i16); 9] = core(2);
const ADMINISTRATOR: [(&str, i16); 9] = core(3);

/// Positions of the seeded civil servants (`memberships.position` names them).
pub const POSITIONS: &[SeedPosition] = &[
    SeedPosition {
        code: "kepala-bidang",
        name: "Kepala Bidang Statistik",
        requires: &[
            ADMINISTRATOR[0],
            ADMINISTRATOR[1],
            ADMINISTRATOR[2],
            ADMINISTRATOR[3],
            ADMINISTRATOR[4],
            ADMINISTRATOR[5],
            ADMINISTRATOR[6],
            ADMINISTRATOR[7],
            ADMINISTRATOR[8],
            ("TEK-DATA-01", 3),
        ],
    },
    SeedPosition { code: "kepala-subbagian", name: "Kepala Subbagian Umum", requires: &PENGAWAS },
    SeedPosition {
        code: "pranata-komputer-ahli-pertama",
        name: "Pranata Komputer Ahli Pertama",
        requires: &[
            AHLI_PERTAMA[0],
            AHLI_PERTAMA[1],
            AHLI_PERTAMA[2],
            AHLI_PERTAMA[3],
            AHLI_PERTAMA[4],
            AHLI_PERTAMA[5],
            AHLI_PERTAMA[6],
            AHLI_PERTAMA[7],
            AHLI_PERTAMA[8],
            ("TEK-DATA-01", 2),
            ("TEK-SIBER-01", 2),
        ],
    },
    SeedPosition {
        code: "statistisi-terampil",
        name: "Statistisi Terampil",
        requires: &[("MNJ-01", 1), ("MNJ-02", 1), ("MNJ-05", 1), ("SK-01", 1), ("TEK-DATA-01", 2)],
    },
    SeedPosition {
        code: "pranata-humas-ahli-pertama",
        name: "Pranata Humas Ahli Pertama",
        requires: &[
            AHLI_PERTAMA[0],
            AHLI_PERTAMA[1],
            AHLI_PERTAMA[2],
            AHLI_PERTAMA[3],
            ("MNJ-05", 2),
            AHLI_PERTAMA[5],
            AHLI_PERTAMA[6],
            AHLI_PERTAMA[7],
            ("SK-01", 2),
        ],
    },
    SeedPosition {
        code: "analis-kepegawaian-ahli-pertama",
        name: "Analis Kepegawaian Ahli Pertama",
        requires: &[
            AHLI_PERTAMA[0],
            AHLI_PERTAMA[1],
            AHLI_PERTAMA[2],
            AHLI_PERTAMA[3],
            AHLI_PERTAMA[4],
            AHLI_PERTAMA[5],
            AHLI_PERTAMA[6],
            AHLI_PERTAMA[7],
            AHLI_PERTAMA[8],
        ],
    },
];
