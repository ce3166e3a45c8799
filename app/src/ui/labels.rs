//! Translated names of domain values (roles, kinds of organisation) shared by several pages.

use crate::i18n::{Locale, td_string};
use crate::model::{OrganisationKind, Role};

/// The name of a role in the page's language.
pub fn role_label(locale: Locale, role: Role) -> &'static str {
    match role {
        Role::UniversityCoordinator => td_string!(locale, role.university_coordinator),
        Role::Academic => td_string!(locale, role.academic),
        Role::AgencyLead => td_string!(locale, role.agency_lead),
        Role::Asn => td_string!(locale, role.asn),
        Role::ProvinceAdmin => td_string!(locale, role.province_admin),
    }
}

/// The name of a kind of organisation in the page's language.
pub fn kind_label(locale: Locale, kind: OrganisationKind) -> &'static str {
    match kind {
        OrganisationKind::University => td_string!(locale, kind.university),
        OrganisationKind::Agency => td_string!(locale, kind.agency),
        OrganisationKind::Province => td_string!(locale, kind.province),
    }
}

/// "Verified" or "Not verified".
pub fn verified_label(locale: Locale, verified: bool) -> &'static str {
    if verified {
        td_string!(locale, organisation.verified)
    } else {
        td_string!(locale, organisation.unverified)
    }
}
