//! The authorisation matrix's rules for competency assessment and the gap map: a civil servant's
//! own profile, a profile as their agency's lead (or named supervisor) and the province see it,
//! rating and planning, and an agency's gaps; and for training evaluation.

use leptos::server_fn::ServerFn;

use super::personas::{Persona, Side};
use super::rules::Rule;

/// A lead of the target's agency (the target person is one of their civil servants).
fn leads(p: Persona, side: Side) -> bool {
    p.agency_lead() && side == Side::Own
}

pub fn rules() -> Vec<Rule> {
    use app::api::assessments::*;
    use app::api::evaluations::*;
    vec![
        Rule {
            // The fixture's enrollment is pending, not completed: only its holder gets as far
            // as the refusal that says so (a conflict, not a denial).
            path: EvaluateCourse::PATH,
            body: |_, f| format!("enrollment={}&level=4&comment=", f.enrollment),
            allowed: |_, _| false,
        },
        Rule {
            // Everyone signed in gets their own list (empty for most).
            path: GetPendingReviews::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| p.signed_in(),
        },
        Rule {
            // No review is open in the fixture: nobody may rate one.
            path: RateBehaviour::PATH,
            body: |_, f| format!("enrollment={}&level=4&comment=", f.enrollment),
            allowed: |_, _| false,
        },
        Rule {
            // Civil servants (the province administrator is also one, of BPSDM).
            path: GetOwnCompetencyProfile::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| matches!(p, Persona::Asn | Persona::ProvinceAdmin),
        },
        Rule {
            // The target is a civil servant only for a lead's own side and the province's other
            // side; a colleague's profile is not the ASN's to see.
            path: GetCompetencyProfile::PATH,
            body: |_, f| format!("person={}", f.person_id),
            allowed: |p, side| leads(p, side) || (p.province() && side == Side::Other),
        },
        Rule {
            path: GetAssessmentForm::PATH,
            body: |_, f| format!("person={}&code=MNJ-01", f.person_id),
            allowed: leads,
        },
        Rule {
            path: AssessCompetency::PATH,
            body: |_, f| format!("person={}&code=MNJ-01&level=3&note=", f.person_id),
            allowed: leads,
        },
        Rule {
            // Clears a plan nobody set: allowed calls change nothing.
            path: SaveStaffPlan::PATH,
            body: |_, f| format!("person={}&supervisor=&target_position=", f.person_id),
            allowed: leads,
        },
        Rule {
            path: GetGapMap::PATH,
            body: |t, _| format!("agency={}&basis=", t.slug),
            allowed: |p, side| leads(p, side) || p.province(),
        },
        Rule {
            path: GetGapPeople::PATH,
            body: |t, _| format!("agency={}&code=MNJ-01&basis=", t.slug),
            allowed: |p, side| leads(p, side) || p.province(),
        },
    ]
}
