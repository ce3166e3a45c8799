//! The authorisation matrix's rules for the dashboards: a civil servant's own is for civil
//! servants (the ASN and the province administrator, of BPSDM); an agency's for its leads and
//! the province; a university's for its members and the province (no persona's targets make
//! the province see one: theirs are not universities); the province's for its administrators.

use leptos::server_fn::ServerFn;

use super::page_rules::PageRule;
use super::personas::{Persona, Side};
use super::rules::Rule;

/// A civil servant of some agency.
fn staff(p: Persona, _: Side) -> bool {
    matches!(p, Persona::Asn | Persona::ProvinceAdmin)
}

/// A lead of the agency, or the province.
fn oversees(p: Persona, side: Side) -> bool {
    (p.agency_lead() && side == Side::Own) || p.province()
}

pub fn rules() -> Vec<Rule> {
    use app::api::dashboards::*;
    vec![
        Rule { path: GetAsnDashboard::PATH, body: |_, _| String::new(), allowed: staff },
        Rule {
            path: GetAgencyDashboard::PATH,
            body: |t, _| format!("slug={}", t.slug),
            allowed: oversees,
        },
        Rule {
            path: GetUniversityDashboard::PATH,
            body: |t, _| format!("slug={}", t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            path: GetProvinceDashboard::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| p.province(),
        },
    ]
}

pub fn pages() -> Vec<PageRule> {
    vec![
        PageRule { route: "/dasbor-saya", url: |_, _| "/dasbor-saya".into(), allowed: staff },
        PageRule {
            route: "/organisasi/:slug/dasbor",
            url: |t, _| format!("/organisasi/{}/dasbor", t.slug),
            allowed: oversees,
        },
        PageRule {
            route: "/organisasi/:slug/dasbor-kampus",
            url: |t, _| format!("/organisasi/{}/dasbor-kampus", t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        PageRule {
            route: "/dasbor-provinsi",
            url: |_, _| "/dasbor-provinsi".into(),
            allowed: |p, _| p.province(),
        },
    ]
}
