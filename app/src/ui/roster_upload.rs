//! The roster upload form of an agency's page. A plain multipart form (works without
//! JavaScript); the [`UploadProgress`] island, when it runs, sends it with a progress bar, which
//! matters for a large file on a slow connection.

use leptos::prelude::*;

use super::locale::{localized, use_locale};
use crate::i18n::td_string;

/// The section.
#[component]
pub fn RosterUpload(slug: String) -> impl IntoView {
    let locale = use_locale();
    let action = localized(locale, &format!("/organisasi/{slug}/impor-asn"));
    view! {
        <section aria-labelledby="roster-title" class="form-page">
            <h2 id="roster-title">{td_string!(locale, roster.heading)}</h2>
            <p class="hint" id="roster-hint">{td_string!(locale, roster.hint)}</p>
            <form method="post" action=action enctype="multipart/form-data" id="roster-form">
                <div class="field">
                    <label for="roster-file">{td_string!(locale, roster.file)}</label>
                    <input
                        id="roster-file"
                        name="file"
                        type="file"
                        accept=".csv,text/csv"
                        required
                        aria-describedby="roster-hint"
                    />
                </div>
                <UploadProgress
                    form_id="roster-form".to_owned()
                    sending=td_string!(locale, roster.sending).to_owned()
                    failed=td_string!(locale, roster.failed).to_owned()
                />
                <button type="submit" class="button">{td_string!(locale, roster.submit)}</button>
            </form>
        </section>
    }
}

/// Sends the form `form_id` with XMLHttpRequest and shows the upload's progress; when the server
/// answers, goes to the page it redirected to. Renders nothing on the server, so without
/// JavaScript the form posts normally.
#[island]
pub fn UploadProgress(form_id: String, sending: String, failed: String) -> impl IntoView {
    let (percent, set_percent) = signal(None::<u32>);
    let (error, set_error) = signal(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::attach(&form_id, set_percent, set_error));
    #[cfg(not(feature = "hydrate"))]
    let _ = (&form_id, set_percent, set_error);
    view! {
        <div class="upload-progress" aria-live="polite">
            {move || {
                percent
                    .get()
                    .map(|p| {
                        view! {
                            <label>
                                {sending.clone()} " " {p} "%"
                                <progress max="100" value=p></progress>
                            </label>
                        }
                    })
            }}
            {move || error.get().then(|| view! { <p class="error-box" role="alert">{failed.clone()}</p> })}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    //! The browser half: intercept the submit, send with progress events, follow the answer.

    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    pub fn attach(
        form_id: &str,
        set_percent: WriteSignal<Option<u32>>,
        set_error: WriteSignal<bool>,
    ) {
        let Some(form) = document()
            .get_element_by_id(form_id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        let submit_form = form.clone();
        let on_submit = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Ok(data) = web_sys::FormData::new_with_form(&submit_form) else { return };
            let Ok(request) = web_sys::XmlHttpRequest::new() else { return };
            event.prevent_default();
            if request.open("POST", &submit_form.action()).is_err() {
                return;
            }
            set_error.set(false);
            set_percent.set(Some(0));
            if let Ok(upload) = request.upload() {
                let progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(
                    move |e: web_sys::ProgressEvent| {
                        if e.length_computable() && e.total() > 0.0 {
                            set_percent.set(Some((e.loaded() / e.total() * 100.0).round() as u32));
                        }
                    },
                );
                upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
                progress.forget(); // lives as long as the page
            }
            let done_request = request.clone();
            let done = Closure::<dyn FnMut()>::new(move || {
                let status = done_request.status().unwrap_or(0);
                match done_request.response_url() {
                    // The browser followed the redirect to the report page: go there.
                    url if (200..300).contains(&status) && !url.is_empty() => {
                        let _ = window().location().set_href(&url);
                    }
                    _ => {
                        set_percent.set(None);
                        set_error.set(true);
                    }
                }
            });
            request.set_onloadend(Some(done.as_ref().unchecked_ref()));
            done.forget();
            if request.send_with_opt_form_data(Some(&data)).is_err() {
                set_percent.set(None);
                set_error.set(true);
            }
        });
        let _ = form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        on_submit.forget();
    }
}
