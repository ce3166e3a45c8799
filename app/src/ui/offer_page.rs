//! `/katalog/kursus/{slug}` and `/katalog/riset/{slug}`: an offer's public page, with the search
//! engine metadata (description, Open Graph, canonical link, JSON-LD) and, for its managers, the
//! lifecycle buttons and history.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::enrollment_box::EnrollmentBox;
use super::error_view::{FormError, form_error};
use super::labels::{
    localized_name, long_date, mode_label, offer_kind_label, output_label, rupiah, status_label,
};
use super::locale::{localized, use_locale};
use super::offer_evaluation::OfferEvaluationView;
use crate::api::{ChangeOfferStatus, get_offer, get_offer_history};
use crate::domain::calendar::format_wib;
use crate::i18n::td_string;
use crate::model::{CourseFacts, OfferDetail, OfferFacts, OfferKind, OfferStatus, ResearchFacts};

/// `/katalog/kursus/{slug}`.
#[component]
pub fn CoursePage() -> impl IntoView {
    view! { <OfferPage kind=OfferKind::Course /> }
}

/// `/katalog/riset/{slug}`.
#[component]
pub fn ResearchPage() -> impl IntoView {
    view! { <OfferPage kind=OfferKind::Research /> }
}

#[component]
fn OfferPage(kind: OfferKind) -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let change = ServerAction::<ChangeOfferStatus>::new();
    let offer = Resource::new(
        move || (slug(), change.version().get()),
        move |(slug, _)| get_offer(kind, slug),
    );
    view! {
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    offer.await.map(|detail| view! { <OfferView detail change /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn OfferView(detail: OfferDetail, change: ServerAction<ChangeOfferStatus>) -> impl IntoView {
    let locale = use_locale();
    let card = &detail.card;
    let path = format!("/katalog/{}/{}", card.kind.path_segment(), card.slug);
    let canonical = format!("{}{}", detail.site_url, localized(locale, &path));
    let banner = (detail.status != OfferStatus::Published).then(|| {
        view! {
            <p class="status-banner" data-status=detail.status.as_db()>
                {td_string!(locale, offer.status_is)}" "
                <strong>{status_label(locale, detail.status)}</strong>
            </p>
        }
    });
    let competencies = card
        .competencies
        .iter()
        .map(|tag| {
            let name = localized_name(locale, &tag.name_id, &tag.name_en).to_owned();
            let level = tag.level.map(|l| {
                td_string!(locale, offer.brings_to_level, level = l).to_string()
            });
            view! {
                <li>
                    <a href=localized(locale, &format!("/katalog?kompetensi={}", tag.code))>{name}</a>
                    {level.map(|l| view! { " — " {l} })}
                </li>
            }
        })
        .collect_view();
    let people = detail
        .people
        .iter()
        .map(|p| view! { <li>{p.name.clone()}{(!p.role.is_empty()).then(|| format!(" — {}", p.role))}</li> })
        .collect_view();
    let facts = match &detail.facts {
        OfferFacts::Course(course) => view! { <CourseFactsView course=course.clone() fee=card.fee_rupiah mode=card.mode region=card.region.clone() /> }.into_any(),
        OfferFacts::Research(research) => view! { <ResearchFactsView research=research.clone() /> }.into_any(),
    };
    let people_heading = match card.kind {
        OfferKind::Course => td_string!(locale, offer.instructors),
        OfferKind::Research => td_string!(locale, offer.team),
    };
    view! {
        <Title text=card.title.clone() />
        <Meta name="description" content=card.summary.clone() />
        <Meta property="og:type" content="website" />
        <Meta property="og:title" content=card.title.clone() />
        <Meta property="og:description" content=card.summary.clone() />
        <Meta property="og:url" content=canonical.clone() />
        <Meta property="og:site_name" content=td_string!(locale, site.name) />
        <Link rel="canonical" href=canonical.clone() />
        <script type="application/ld+json" inner_html=json_ld(&detail, &canonical)></script>
        <p class="breadcrumb">
            <a href=localized(locale, "/katalog")>{td_string!(locale, catalogue.title)}</a>
            " / "
            {offer_kind_label(locale, card.kind)}
        </p>
        <h1>{card.title.clone()}</h1>
        <p class="offer-university">
            <a href=localized(locale, &format!("/organisasi/{}", detail.university_slug))>
                {card.university.clone()}
            </a>
        </p>
        {banner}
        <p class="lead">{card.summary.clone()}</p>
        {facts}
        {(card.kind == OfferKind::Course && detail.status == OfferStatus::Published)
            .then(|| view! { <EnrollmentBox slug=card.slug.clone() /> })}
        <section aria-labelledby="competencies-heading">
            <h2 id="competencies-heading">{td_string!(locale, catalogue.competencies)}</h2>
            <ul>{competencies}</ul>
        </section>
        <section aria-labelledby="description-heading">
            <h2 id="description-heading">{td_string!(locale, offer.description)}</h2>
            // Rendered from markdown and sanitised by the server (backend::markdown).
            <div class="prose" inner_html=detail.description_html.clone()></div>
        </section>
        <section aria-labelledby="people-heading">
            <h2 id="people-heading">{people_heading}</h2>
            <ul>{people}</ul>
        </section>
        {detail
            .evaluation
            .map(|evaluation| {
                view! { <OfferEvaluationView evaluation university=card.university.clone() /> }
            })}
        {(detail.manageable || detail.cancellable)
            .then(|| view! { <Manage detail=detail.clone() change /> })}
    }
}

#[component]
fn CourseFactsView(
    course: CourseFacts,
    fee: Option<i64>,
    mode: Option<crate::model::DeliveryMode>,
    region: Option<String>,
) -> impl IntoView {
    let locale = use_locale();
    let scope = if course.international {
        td_string!(locale, offer.international)
    } else {
        td_string!(locale, offer.national)
    };
    let learning_form =
        localized_name(locale, &course.learning_form_id, &course.learning_form_en).to_owned();
    let sessions = course
        .sessions
        .iter()
        .map(|s| {
            view! {
                <li>
                    {format_wib(&s.starts_at)}" – "{format_wib(&s.ends_at)}<br />
                    <span class="hint">{s.place.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <dl class="facts">
            <dt>{td_string!(locale, offer.jp)}</dt>
            <dd>{format!("{} JP · {learning_form} ({scope})", course.jp)}</dd>
            <dt>{td_string!(locale, catalogue.mode)}</dt>
            <dd>
                {mode.map(|m| mode_label(locale, m))}
                {region.map(|r| format!(" · {r}"))}
            </dd>
            <dt>{td_string!(locale, catalogue.price)}</dt>
            <dd>{fee.map(|f| rupiah(locale, f, true))}</dd>
            <dt>{td_string!(locale, offer.capacity)}</dt>
            <dd>{td_string!(locale, offer.seats, count = course.capacity).to_string()}</dd>
            <dt>{td_string!(locale, offer.enrollment)}</dt>
            <dd>
                {long_date(locale, course.enrollment_opens_on)}" – "
                {long_date(locale, course.enrollment_closes_on)}
            </dd>
            <dt>{td_string!(locale, offer.completion)}</dt>
            <dd>
                {td_string!(
                    locale, offer.completion_rule,
                    attendance = course.min_attendance_percent,
                    score = course.min_post_test_score
                ).to_string()}
            </dd>
            {(!course.prerequisites.is_empty()).then(|| view! {
                <dt>{td_string!(locale, offer.prerequisites)}</dt>
                <dd>{course.prerequisites.clone()}</dd>
            })}
        </dl>
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{td_string!(locale, offer.sessions)}</h2>
            <ol class="sessions">{sessions}</ol>
        </section>
    }
}

#[component]
fn ResearchFactsView(research: ResearchFacts) -> impl IntoView {
    let locale = use_locale();
    let outputs: Vec<&str> = research.outputs.iter().map(|o| output_label(locale, *o)).collect();
    view! {
        <dl class="facts">
            <dt>{td_string!(locale, offer.expertise)}</dt>
            <dd>{research.expertise.clone()}</dd>
            <dt>{td_string!(locale, offer.sectors)}</dt>
            <dd>{research.sectors.join(", ")}</dd>
            <dt>{td_string!(locale, offer.duration)}</dt>
            <dd>{td_string!(locale, offer.months, count = research.duration_months).to_string()}</dd>
            <dt>{td_string!(locale, offer.budget)}</dt>
            <dd>
                {rupiah(locale, research.budget_min_rupiah, false)}" – "
                {rupiah(locale, research.budget_max_rupiah, false)}
            </dd>
            <dt>{td_string!(locale, offer.outputs)}</dt>
            <dd>{outputs.join(", ")}</dd>
        </dl>
    }
}

/// The lifecycle buttons (each a plain form) and the history, for the offer's managers.
#[component]
fn Manage(detail: OfferDetail, change: ServerAction<ChangeOfferStatus>) -> impl IntoView {
    let locale = use_locale();
    let kind = detail.card.kind;
    let slug = detail.card.slug.clone();
    let history_slug = slug.clone();
    let history = Resource::new(
        move || change.version().get(),
        move |_| get_offer_history(kind, history_slug.clone()),
    );
    let error = move || form_error(change.value().get());
    let moves = [OfferStatus::Published, OfferStatus::Closed, OfferStatus::Cancelled]
        .into_iter()
        .filter(|next| detail.status.can_become(*next))
        // The province may only cancel; the offer's managers make every move.
        .filter(|next| detail.manageable || *next == OfferStatus::Cancelled)
        .map(|next| {
            let label = match next {
                OfferStatus::Published => td_string!(locale, offer.publish),
                OfferStatus::Closed => td_string!(locale, offer.close),
                _ => td_string!(locale, offer.cancel),
            };
            let kind_value = format!("{kind:?}");
            let status_value = format!("{next:?}");
            let slug_value = slug.clone();
            view! {
                <ActionForm action=change attr:class="inline-form">
                    <input type="hidden" name="kind" value=kind_value />
                    <input type="hidden" name="slug" value=slug_value />
                    <input type="hidden" name="status" value=status_value />
                    <input type="hidden" name="note" value="" />
                    <button class="button button-small" type="submit">{label}</button>
                </ActionForm>
            }
        })
        .collect_view();
    view! {
        <section class="manage" aria-labelledby="manage-heading">
            <h2 id="manage-heading">{td_string!(locale, offer.manage)}</h2>
            {move || view! { <FormError error=error() /> }}
            <div class="actions">
                {(detail.manageable && detail.status.is_editable()).then(|| {
                    let (segment, label) = match kind {
                        OfferKind::Course => ("kursus", td_string!(locale, editor.edit)),
                        OfferKind::Research => ("riset", td_string!(locale, research_editor.edit)),
                    };
                    view! {
                        <a class="button button-small button-link" href=localized(locale, &format!("/katalog/{segment}/{slug}/ubah"))>
                            {label}
                        </a>
                    }
                })}
                {(detail.manageable && kind == OfferKind::Course && detail.status != OfferStatus::Draft)
                    .then(|| view! {
                        <a class="button button-small button-link" href=localized(locale, &format!("/katalog/kursus/{slug}/peserta"))>
                            {td_string!(locale, attendance.participants_link)}
                        </a>
                    })}
                {moves}
            </div>
            <h3>{td_string!(locale, offer.history)}</h3>
            <Suspense>
                {move || Suspend::new(async move {
                    history.await.map(|steps| view! {
                        <ol class="history">
                            {steps.into_iter().map(|step| view! {
                                <li>
                                    {format_wib(&step.at)}" · "
                                    <strong>{status_label(locale, step.to)}</strong>" · "
                                    {step.by}
                                    {(!step.note.is_empty()).then(|| format!(" — {}", step.note))}
                                </li>
                            }).collect_view()}
                        </ol>
                    })
                })}
            </Suspense>
        </section>
    }
}

/// schema.org metadata for search engines: a `Course` (with its instance and price) or a
/// `ResearchProject`. `<` is escaped so no text can close the script element.
fn json_ld(detail: &OfferDetail, url: &str) -> String {
    let card = &detail.card;
    let provider = serde_json::json!({ "@type": "CollegeOrUniversity", "name": card.university });
    let value = match &detail.facts {
        OfferFacts::Course(course) => {
            let mode = match card.mode {
                Some(crate::model::DeliveryMode::Daring) => "online",
                Some(crate::model::DeliveryMode::Blended) => "blended",
                _ => "onsite",
            };
            serde_json::json!({
                "@context": "https://schema.org",
                "@type": "Course",
                "name": card.title,
                "description": card.summary,
                "url": url,
                "inLanguage": "id",
                "provider": provider,
                // One JP (jam pelajaran) is 45 minutes.
                "timeRequired": format!("PT{}M", course.jp * 45),
                "hasCourseInstance": {
                    "@type": "CourseInstance",
                    "courseMode": mode,
                    "startDate": course.sessions.first().map(|s| s.starts_at.clone()),
                    "endDate": course.sessions.last().map(|s| s.ends_at.clone()),
                    "location": course.sessions.first().map(|s| s.place.clone()),
                },
                "offers": {
                    "@type": "Offer",
                    "price": card.fee_rupiah.unwrap_or(0),
                    "priceCurrency": "IDR",
                    "category": if card.fee_rupiah == Some(0) { "Free" } else { "Paid" },
                },
            })
        }
        OfferFacts::Research(_) => serde_json::json!({
            "@context": "https://schema.org",
            "@type": "ResearchProject",
            "name": card.title,
            "description": card.summary,
            "url": url,
            "parentOrganization": provider,
        }),
    };
    value.to_string().replace('<', "\\u003c")
}
