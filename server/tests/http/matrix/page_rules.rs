//! The page rules of the authorisation matrix: who may open each page the router lists.

use super::fixtures::Fixture;
use super::personas::{Persona, Side, Target};

/// Who may open one page, and its URL for a target.
pub struct PageRule {
    /// The route as the router lists it.
    pub route: &'static str,
    pub url: fn(&Target, &Fixture) -> String,
    pub allowed: fn(Persona, Side) -> bool,
}

pub fn page_rules() -> Vec<PageRule> {
    let mut rules = vec![
        PageRule { route: "/", url: |_, _| "/".into(), allowed: |_, _| true },
        PageRule { route: "/masuk", url: |_, _| "/masuk".into(), allowed: |_, _| true },
        PageRule {
            route: "/katalog/kursus/:slug/peserta",
            url: |_, f| format!("/katalog/kursus/{}/peserta", f.open_course),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        PageRule {
            route: "/kursus-saya",
            url: |_, _| "/kursus-saya".into(),
            allowed: |p, _| p.signed_in(),
        },
        PageRule {
            route: "/jp-saya",
            url: |_, _| "/jp-saya".into(),
            allowed: |p, _| p.signed_in(),
        },
        PageRule {
            route: "/jp-staf",
            url: |_, _| "/jp-staf?tahun=2026".into(),
            allowed: |p, _| p.agency_lead(),
        },
        PageRule {
            route: "/penilaian-perilaku",
            url: |_, _| "/penilaian-perilaku".into(),
            allowed: |p, _| p.signed_in(),
        },
        PageRule {
            route: "/kompetensi-saya",
            url: |_, _| "/kompetensi-saya".into(),
            allowed: |p, _| matches!(p, Persona::Asn | Persona::ProvinceAdmin),
        },
        PageRule {
            route: "/kompetensi-saya/:code",
            url: |_, _| "/kompetensi-saya/MNJ-01".into(),
            allowed: |p, _| matches!(p, Persona::Asn | Persona::ProvinceAdmin),
        },
        PageRule {
            route: "/orang/:id/kompetensi",
            url: |_, f| format!("/orang/{}/kompetensi", f.person_id),
            allowed: |p, side| {
                (p.agency_lead() && side == Side::Own) || (p.province() && side == Side::Other)
            },
        },
        PageRule {
            route: "/orang/:id/kompetensi/:code",
            url: |_, f| format!("/orang/{}/kompetensi/MNJ-01", f.person_id),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        PageRule {
            route: "/organisasi/:slug/kesenjangan",
            url: |t, _| format!("/organisasi/{}/kesenjangan", t.slug),
            allowed: |p, side| (p.agency_lead() && side == Side::Own) || p.province(),
        },
        PageRule {
            route: "/organisasi/:slug/kesenjangan/:code",
            url: |t, _| format!("/organisasi/{}/kesenjangan/MNJ-01", t.slug),
            allowed: |p, side| (p.agency_lead() && side == Side::Own) || p.province(),
        },
        PageRule {
            route: "/persetujuan-pendaftaran",
            url: |_, _| "/persetujuan-pendaftaran".into(),
            allowed: |p, _| p.agency_lead(),
        },
        PageRule { route: "/kompetensi", url: |_, _| "/kompetensi".into(), allowed: |_, _| true },
        PageRule { route: "/katalog", url: |_, _| "/katalog?q=data".into(), allowed: |_, _| true },
        PageRule {
            route: "/katalog/kursus/:slug",
            url: |_, f| format!("/katalog/kursus/{}", f.draft_course),
            allowed: |p, side| p.province() || (p.university() && side == Side::Own),
        },
        PageRule {
            route: "/katalog/kursus/:slug/ubah",
            url: |_, f| format!("/katalog/kursus/{}/ubah", f.draft_course),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        PageRule {
            route: "/organisasi/:slug/kursus-baru",
            url: |t, _| format!("/organisasi/{}/kursus-baru", t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        PageRule {
            route: "/katalog/riset/:slug",
            url: |_, _| {
                "/katalog/riset/kajian-budaya-integritas-asn-pemerintah-provinsi-lampung".into()
            },
            allowed: |_, _| true,
        },
        PageRule {
            route: "/organisasi/:slug/riset-baru",
            url: |t, _| format!("/organisasi/{}/riset-baru", t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        PageRule {
            // A published research offer of the target university (of ITERA when the target is
            // not Unila), by the Unila academic persona at Unila: its author and coordinator.
            route: "/katalog/riset/:slug/ubah",
            url: |t, _| {
                match t.slug {
                "unila" => "/katalog/riset/evaluasi-dampak-pelatihan-terhadap-kinerja-asn/ubah".into(),
                _ => "/katalog/riset/prototipe-integrasi-data-statistik-sektoral-satu-data-lampung/ubah"
                    .into(),
            }
            },
            allowed: |p, side| p.university() && side == Side::Own,
        },
        PageRule {
            route: "/kompetensi/impor/:id",
            url: |_, f| format!("/kompetensi/impor/{}", f.dictionary_import),
            allowed: |p, _| p.province(),
        },
        PageRule { route: "/tabel-jp", url: |_, _| "/tabel-jp".into(), allowed: |_, _| true },
        PageRule {
            route: "/bobot-pencocokan",
            url: |_, _| "/bobot-pencocokan".into(),
            allowed: |_, _| true,
        },
        PageRule { route: "/jabatan", url: |_, _| "/jabatan".into(), allowed: |_, _| true },
        PageRule { route: "/kebutuhan", url: |_, _| "/kebutuhan".into(), allowed: |_, _| true },
        PageRule {
            route: "/kebutuhan/:slug",
            url: |_, f| format!("/kebutuhan/{}", f.draft_need),
            allowed: |p, side| p.province() || (p.agency_lead() && side == Side::Own),
        },
        PageRule {
            route: "/kebutuhan/:slug/penawaran",
            url: |_, f| format!("/kebutuhan/{}/penawaran", f.draft_need),
            allowed: |p, side| p.province() || (p.agency_lead() && side == Side::Own),
        },
        PageRule {
            route: "/kolaborasi/:id",
            url: |_, f| format!("/kolaborasi/{}", f.collaboration),
            allowed: |p, side| {
                p.province() || ((p.agency_lead() || p.university()) && side == Side::Own)
            },
        },
        PageRule {
            route: "/organisasi/:slug/kebutuhan-cocok",
            url: |t, _| format!("/organisasi/{}/kebutuhan-cocok", t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        PageRule {
            route: "/notifikasi",
            url: |_, _| "/notifikasi".into(),
            allowed: |p, _| p.signed_in(),
        },
        PageRule {
            route: "/kebutuhan/:slug/proposal-baru",
            url: |t, f| format!("/kebutuhan/{}/proposal-baru?universitas={}", f.open_need, t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        PageRule {
            route: "/kebutuhan/:slug/ubah",
            url: |_, f| format!("/kebutuhan/{}/ubah", f.draft_need),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        PageRule {
            route: "/organisasi/:slug/kebutuhan-baru",
            url: |t, _| format!("/organisasi/{}/kebutuhan-baru?jenis=riset", t.slug),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        PageRule { route: "/akun", url: |_, _| "/akun".into(), allowed: |p, _| p.signed_in() },
        PageRule {
            route: "/orang/:id",
            url: |_, f| format!("/orang/{}", f.person_id),
            allowed: |p, side| p.province() || p.administers(side),
        },
        PageRule {
            route: "/organisasi/:slug",
            url: |t, _| format!("/organisasi/{}", t.slug),
            allowed: |_, _| true,
        },
        PageRule {
            route: "/organisasi/:slug/impor-asn/:id",
            url: |t, f| format!("/organisasi/{}/impor-asn/{}", t.slug, f.roster_import),
            allowed: |p, side| (p.province() || p.administers(side)) && p.agency(side),
        },
        PageRule {
            route: "/undangan/:token",
            url: |_, f| format!("/undangan/{}", f.invitation),
            allowed: |_, _| true,
        },
        PageRule {
            route: "/minta-akses",
            url: |_, _| "/minta-akses".into(),
            allowed: |_, _| false,
        },
        PageRule { route: "/verifikasi", url: |_, _| "/verifikasi".into(), allowed: |_, _| true },
        PageRule {
            route: "/verifikasi/:code",
            url: |_, f| format!("/verifikasi/{}", f.certificate),
            allowed: |_, _| true,
        },
        PageRule {
            route: "/admin/organisasi",
            url: |_, _| "/admin/organisasi".into(),
            allowed: |p, _| p.province(),
        },
    ];
    rules.extend(super::mentoring_rules::pages());
    rules.extend(super::dashboard_rules::pages());
    rules
}
