//! Translated names of domain values (roles, kinds of organisation) shared by several pages.

use chrono::{Datelike, NaiveDate};

use crate::i18n::{Locale, td_string};
use crate::model::{
    CollaborationStatus, DeliveryMode, EnrollmentStatus, NeedKind, NeedStatus, OfferKind,
    OfferStatus, OrganisationKind, ProposalKind, ProposalStatus, ResearchOutput, Role,
};

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

/// "Kursus" or "Riset".
pub fn offer_kind_label(locale: Locale, kind: OfferKind) -> &'static str {
    match kind {
        OfferKind::Course => td_string!(locale, offer.kind_course),
        OfferKind::Research => td_string!(locale, offer.kind_research),
    }
}

/// Tatap muka, daring or blended.
pub fn mode_label(locale: Locale, mode: DeliveryMode) -> &'static str {
    match mode {
        DeliveryMode::TatapMuka => td_string!(locale, offer.mode_tatap_muka),
        DeliveryMode::Daring => td_string!(locale, offer.mode_daring),
        DeliveryMode::Blended => td_string!(locale, offer.mode_blended),
    }
}

/// Where an offer is in its lifecycle.
pub fn status_label(locale: Locale, status: OfferStatus) -> &'static str {
    match status {
        OfferStatus::Draft => td_string!(locale, offer.status_draft),
        OfferStatus::Published => td_string!(locale, offer.status_published),
        OfferStatus::Closed => td_string!(locale, offer.status_closed),
        OfferStatus::Cancelled => td_string!(locale, offer.status_cancelled),
    }
}

/// "Kebutuhan kompetensi" or "Kebutuhan riset".
pub fn need_kind_label(locale: Locale, kind: NeedKind) -> &'static str {
    match kind {
        NeedKind::Competency => td_string!(locale, need.kind_competency),
        NeedKind::Research => td_string!(locale, need.kind_research),
    }
}

/// Where a need is in its lifecycle.
pub fn need_status_label(locale: Locale, status: NeedStatus) -> &'static str {
    match status {
        NeedStatus::Draft => td_string!(locale, need.status_draft),
        NeedStatus::Open => td_string!(locale, need.status_open),
        NeedStatus::Matched => td_string!(locale, need.status_matched),
        NeedStatus::Fulfilled => td_string!(locale, need.status_fulfilled),
        NeedStatus::Closed => td_string!(locale, need.status_closed),
    }
}

/// What a university proposed: an existing offer or a tailored programme.
pub fn proposal_kind_label(locale: Locale, kind: ProposalKind) -> &'static str {
    match kind {
        ProposalKind::Existing => td_string!(locale, proposal.kind_existing),
        ProposalKind::Tailored => td_string!(locale, proposal.kind_tailored),
    }
}

/// Where a proposal stands.
pub fn proposal_status_label(locale: Locale, status: ProposalStatus) -> &'static str {
    match status {
        ProposalStatus::Submitted => td_string!(locale, proposal.status_submitted),
        ProposalStatus::Accepted => td_string!(locale, proposal.status_accepted),
        ProposalStatus::Declined => td_string!(locale, proposal.status_declined),
        ProposalStatus::Withdrawn => td_string!(locale, proposal.status_withdrawn),
    }
}

/// Where a collaboration stands.
pub fn collaboration_status_label(locale: Locale, status: CollaborationStatus) -> &'static str {
    match status {
        CollaborationStatus::Agreed => td_string!(locale, collaboration.status_agreed),
        CollaborationStatus::Running => td_string!(locale, collaboration.status_running),
        CollaborationStatus::Completed => td_string!(locale, collaboration.status_completed),
        CollaborationStatus::Cancelled => td_string!(locale, collaboration.status_cancelled),
    }
}

/// Where an enrollment stands.
pub fn enrollment_status_label(locale: Locale, status: EnrollmentStatus) -> &'static str {
    match status {
        EnrollmentStatus::Pending => td_string!(locale, enrollment.status_pending),
        EnrollmentStatus::Enrolled => td_string!(locale, enrollment.status_enrolled),
        EnrollmentStatus::Waitlisted => td_string!(locale, enrollment.status_waitlisted),
        EnrollmentStatus::Refused => td_string!(locale, enrollment.status_refused),
        EnrollmentStatus::Cancelled => td_string!(locale, enrollment.status_cancelled),
        EnrollmentStatus::Completed => td_string!(locale, enrollment.status_completed),
        EnrollmentStatus::NotCompleted => td_string!(locale, enrollment.status_not_completed),
    }
}

/// An expected output of research.
pub fn output_label(locale: Locale, output: ResearchOutput) -> &'static str {
    match output {
        ResearchOutput::PolicyBrief => td_string!(locale, offer.output_policy_brief),
        ResearchOutput::Evaluation => td_string!(locale, offer.output_evaluation),
        ResearchOutput::Prototype => td_string!(locale, offer.output_prototype),
        ResearchOutput::Training => td_string!(locale, offer.output_training),
    }
}

/// An amount of rupiah the Indonesian way (`Rp1.500.000`); 0 is "free" when `zero_is_free`.
pub fn rupiah(locale: Locale, amount: i64, zero_is_free: bool) -> String {
    if amount == 0 && zero_is_free {
        return td_string!(locale, offer.free).to_owned();
    }
    let digits = amount.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    let sign = if amount < 0 { "-" } else { "" };
    format!("{sign}Rp{grouped}")
}

/// A date with the month's name: `18 Januari 2027` / `18 January 2027`.
pub fn long_date(locale: Locale, date: NaiveDate) -> String {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match locale {
        Locale::id => ID,
        Locale::en => EN,
    };
    let month = names.get(date.month0() as usize).copied().unwrap_or_default();
    format!("{} {month} {}", date.day(), date.year())
}

/// The name of a competency type (`manajerial`, `sosial_kultural`, `teknis`) in the page's
/// language; an unknown code as it is.
pub fn competency_type_label(locale: Locale, code: &str) -> String {
    match code {
        "manajerial" => td_string!(locale, catalogue.type_managerial).to_owned(),
        "teknis" => td_string!(locale, catalogue.type_technical).to_owned(),
        "sosial_kultural" => td_string!(locale, catalogue.type_socio_cultural).to_owned(),
        other => other.to_owned(),
    }
}

/// The name in the page's language.
pub fn localized_name<'a>(locale: Locale, id: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::id => id,
        Locale::en => en,
    }
}

/// A mean to one decimal, with the locale's decimal separator (4,3 in Indonesian).
pub fn one_decimal(locale: Locale, value: f64) -> String {
    let text = format!("{value:.1}");
    if locale == Locale::id { text.replace('.', ",") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rupiah_is_grouped_by_thousands() {
        assert_eq!(rupiah(Locale::id, 1_500_000, true), "Rp1.500.000");
        assert_eq!(rupiah(Locale::id, 750, true), "Rp750");
        assert_eq!(rupiah(Locale::id, 100_000, false), "Rp100.000");
        assert_eq!(rupiah(Locale::id, 0, false), "Rp0");
        assert_eq!(rupiah(Locale::en, 0, true), "Free");
    }

    #[test]
    fn dates_name_their_month() {
        let date = NaiveDate::from_ymd_opt(2027, 1, 18).unwrap();
        assert_eq!(long_date(Locale::id, date), "18 Januari 2027");
        assert_eq!(long_date(Locale::en, date), "18 January 2027");
    }
}
