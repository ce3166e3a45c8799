//! Who calls in the authorisation matrix: the personas and the organisation each call is aimed
//! at (the rows it names are built in `fixtures`).

use axum::http::StatusCode;

use crate::support::*;

/// Who is calling: anonymous, or a seeded person with one role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persona {
    Anonymous,
    UniversityCoordinator,
    Academic,
    AgencyLead,
    Asn,
    ProvinceAdmin,
}

pub const PERSONAS: [Persona; 6] = [
    Persona::Anonymous,
    Persona::UniversityCoordinator,
    Persona::Academic,
    Persona::AgencyLead,
    Persona::Asn,
    Persona::ProvinceAdmin,
];

/// Which organisation a call is aimed at, seen from the persona.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Own,
    Other,
}

/// The organisation and a fellow member (not the persona) a call is aimed at.
pub struct Target {
    pub slug: &'static str,
    pub person_email: &'static str,
}

impl Persona {
    /// The persona's own email (None: anonymous).
    pub fn email(self) -> Option<&'static str> {
        match self {
            Self::Anonymous => None,
            Self::UniversityCoordinator => Some("koordinator@unila.sinergi.example"),
            Self::Academic => Some("dosen@unila.sinergi.example"),
            Self::AgencyLead => Some("kabid@diskominfotik.sinergi.example"),
            Self::Asn => Some("asn1@diskominfotik.sinergi.example"),
            Self::ProvinceAdmin => Some("admin@pemprov.sinergi.example"),
        }
    }

    /// Its own organisation and a colleague there, or another organisation of the same kind
    /// (the province's "other" is an agency) and someone there.
    pub fn target(self, side: Side) -> Target {
        let (slug, person_email) = match (self, side) {
            (Self::UniversityCoordinator, Side::Own) => ("unila", "dosen@unila.sinergi.example"),
            (Self::Academic, Side::Own) => ("unila", "koordinator@unila.sinergi.example"),
            (Self::UniversityCoordinator | Self::Academic, Side::Other) => {
                ("itera", "dosen@itera.sinergi.example")
            }
            (Self::AgencyLead, Side::Own) => {
                ("diskominfotik", "asn1@diskominfotik.sinergi.example")
            }
            (Self::Asn | Self::Anonymous, Side::Own) => {
                ("diskominfotik", "asn2@diskominfotik.sinergi.example")
            }
            (Self::ProvinceAdmin, Side::Own) => {
                ("pemprov-lampung", "admin2@pemprov.sinergi.example")
            }
            (_, Side::Other) => ("bkd", "asn1@bkd.sinergi.example"),
        };
        Target { slug, person_email }
    }

    /// Whether the organisation on `side` is an agency (only agencies have an ASN roster).
    pub fn agency(self, side: Side) -> bool {
        matches!(self.target(side).slug, "diskominfotik" | "bkd")
    }

    /// Whether the persona administers the organisation on `side` (coordinator, lead, province).
    pub fn administers(self, side: Side) -> bool {
        side == Side::Own
            && matches!(self, Self::UniversityCoordinator | Self::AgencyLead | Self::ProvinceAdmin)
    }

    /// Whether the persona works at a university (coordinator or academic).
    pub fn university(self) -> bool {
        matches!(self, Self::UniversityCoordinator | Self::Academic)
    }

    /// Whether the persona leads an agency (and so posts its needs).
    pub fn agency_lead(self) -> bool {
        self == Self::AgencyLead
    }

    pub fn signed_in(self) -> bool {
        self != Self::Anonymous
    }

    pub fn province(self) -> bool {
        self == Self::ProvinceAdmin
    }
}

/// A role that exists in the organisation `slug`.
pub fn role_in(slug: &str) -> app::model::Role {
    use app::model::Role;
    match slug {
        "unila" | "itera" => Role::Academic,
        "pemprov-lampung" => Role::ProvinceAdmin,
        _ => Role::Asn,
    }
}

/// Its name in a form.
pub fn role_of(slug: &str) -> String {
    format!("{:?}", role_in(slug))
}

/// A unique string for subjects and emails.
pub fn uuid_like() -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    format!("tamu{}", NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

/// A fresh session cookie for the persona (sign-in and sign-out calls end sessions, so every
/// request gets its own).
pub async fn cookie(app: &TestApp, persona: Persona) -> Option<String> {
    Some(session_cookie_for(app, persona.email()?).await)
}

pub fn is_refusal(status: StatusCode) -> bool {
    matches!(status.as_u16(), 401 | 403 | 404)
}
