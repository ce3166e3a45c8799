//! `/jabatan`: the competency standard of every position (the level each requires per
//! competency), public, with its CSV export; for the province, the CSV import.

use leptos::prelude::*;
use leptos_meta::Title;

use super::ErrorView;
use super::dictionary_page::ImportForm;
use super::labels::{competency_type_label, localized_name};
use super::locale::{localized, use_locale};
use crate::api::get_positions;
use crate::i18n::td_string;
use crate::model::PositionView;

/// The page.
#[component]
pub fn PositionsPage() -> impl IntoView {
    let locale = use_locale();
    let list = Resource::new(|| (), |_| get_positions());
    view! {
        <Title text=td_string!(locale, positions.title) />
        <h1>{td_string!(locale, positions.title)}</h1>
        <p class="lead">{td_string!(locale, positions.lead)}</p>
        <p>
            <a href=localized(locale, "/jabatan.csv") download="">
                {td_string!(locale, dictionary.download_positions)}
            </a>
            " · "
            <a href=localized(locale, "/kompetensi")>{td_string!(locale, nav.dictionary)}</a>
        </p>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    list.await.map(|list| {
                        let upload = list.maintainable.then(|| view! {
                            <ImportForm
                                id="positions"
                                action="/jabatan/impor"
                                heading=td_string!(locale, dictionary.positions_heading)
                                hint=td_string!(locale, dictionary.positions_hint)
                                file=td_string!(locale, dictionary.positions_file)
                                submit=td_string!(locale, dictionary.positions_submit)
                            />
                        });
                        let positions = if list.positions.is_empty() {
                            view! { <p class="empty">{td_string!(locale, positions.empty)}</p> }
                                .into_any()
                        } else {
                            view! {
                                <ul class="dictionary" id="positions-list">
                                    {list
                                        .positions
                                        .into_iter()
                                        .map(|p| view! { <PositionEntry position=p /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        };
                        view! {
                            {upload}
                            {positions}
                        }
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// One position, folded: its name, and the table of its requirements.
#[component]
fn PositionEntry(position: PositionView) -> impl IntoView {
    let locale = use_locale();
    let caption_id = format!("position-{}", position.code);
    let count = position.requirements.len();
    let table = if position.requirements.is_empty() {
        view! { <p class="hint">{td_string!(locale, positions.none)}</p> }.into_any()
    } else {
        let rows = position
            .requirements
            .into_iter()
            .map(|r| {
                let name = localized_name(locale, &r.name_id, &r.name_en).to_owned();
                view! {
                    <tr data-code=r.competency_code.clone()>
                        <th scope="row">
                            {name} " " <span class="hint">{r.competency_code.clone()}</span>
                        </th>
                        <td>{competency_type_label(locale, &r.type_code)}</td>
                        <td class="number">{r.level}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table aria-labelledby=caption_id.clone()>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, positions.competency)}</th>
                            <th scope="col">{td_string!(locale, positions.competency_type)}</th>
                            <th scope="col">{td_string!(locale, positions.level)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <li data-code=position.code.clone()>
            <details>
                <summary id=caption_id>
                    <strong>{position.name}</strong>
                    " "
                    <span class="hint">{position.code.clone()}</span>
                    " · "
                    <span class="hint">{td_string!(locale, positions.requirements, n = count)}</span>
                </summary>
                {table}
            </details>
        </li>
    }
}
