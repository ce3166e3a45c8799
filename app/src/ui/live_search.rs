//! The catalogue's filters applied as they change, without a page load. The [`LiveSearch`]
//! island sits inside the (plain GET) filter form: when a filter changes or a word is typed, it
//! fetches the same catalogue URL the form would open, swaps in its results and updates the
//! address bar. Without JavaScript nothing of this runs and the form submits as usual.

use leptos::prelude::*;

/// Attaches to the form `form_id` and the results element `results_id`; announces each new
/// result count to screen readers.
#[island]
pub fn LiveSearch(form_id: String, results_id: String) -> impl IntoView {
    let (announcement, set_announcement) = signal(String::new());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::attach(&form_id, &results_id, set_announcement));
    #[cfg(not(feature = "hydrate"))]
    let _ = (&form_id, &results_id, set_announcement);
    view! { <p class="visually-hidden" aria-live="polite">{announcement}</p> }
}

#[cfg(feature = "hydrate")]
mod browser {
    //! The browser half: listen, fetch the results page, swap its results in.

    use std::cell::Cell;
    use std::rc::Rc;

    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    /// How long typing pauses before the search runs.
    const TYPING_PAUSE_MS: i32 = 300;

    pub fn attach(form_id: &str, results_id: &str, announce: WriteSignal<String>) {
        let Some(form) = document()
            .get_element_by_id(form_id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        // Every request gets a number; an answer that is not the latest is dropped.
        let latest = Rc::new(Cell::new(0u32));
        let timer = Rc::new(Cell::new(None::<i32>));
        let results_id = results_id.to_owned();
        let run = {
            let form = form.clone();
            Rc::new(move || refresh(&form, &results_id, latest.clone(), announce))
        };

        // A change or submit reads the whole form, typed words included: a typing pause still
        // pending would only fetch the same page again later.
        let cancel_pending = {
            let timer = timer.clone();
            move || {
                if let Some(pending) = timer.take() {
                    window().clear_timeout_with_handle(pending);
                }
            }
        };
        let on_change = {
            let run = run.clone();
            let cancel_pending = cancel_pending.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
                cancel_pending();
                run();
            })
        };
        let on_input = {
            let run = run.clone();
            let timer = timer.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
                if let Some(pending) = timer.take() {
                    window().clear_timeout_with_handle(pending);
                }
                let run = run.clone();
                let fire = Closure::once_into_js(move || run());
                let handle = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                    fire.unchecked_ref(),
                    TYPING_PAUSE_MS,
                );
                timer.set(handle.ok());
            })
        };
        let on_submit = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            cancel_pending();
            run();
        });
        for (name, listener) in
            [("change", &on_change), ("input", &on_input), ("submit", &on_submit)]
        {
            let _ = form.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        // They live as long as the page.
        on_change.forget();
        on_input.forget();
        on_submit.forget();
    }

    /// The catalogue URL the form describes now (empty fields left out, like a tidy link).
    fn url_of(form: &web_sys::HtmlFormElement) -> Option<String> {
        let data = web_sys::FormData::new_with_form(form).ok()?;
        let params = web_sys::UrlSearchParams::new().ok()?;
        let entries = js_sys_entries(&data)?;
        for (key, value) in entries {
            if !value.trim().is_empty() {
                params.append(&key, &value);
            }
        }
        let query = String::from(params.to_string());
        let action = form.action();
        Some(if query.is_empty() { action } else { format!("{action}?{query}") })
    }

    /// The text entries of a form's data.
    fn js_sys_entries(data: &web_sys::FormData) -> Option<Vec<(String, String)>> {
        let mut entries = Vec::new();
        let iterator = data.entries();
        while let Ok(next) = iterator.next() {
            if next.done() {
                break;
            }
            let pair: web_sys::js_sys::Array = next.value().unchecked_into();
            let key = pair.get(0).as_string()?;
            entries.push((key, pair.get(1).as_string().unwrap_or_default()));
        }
        Some(entries)
    }

    fn refresh(
        form: &web_sys::HtmlFormElement,
        results_id: &str,
        latest: Rc<Cell<u32>>,
        announce: WriteSignal<String>,
    ) {
        let Some(url) = url_of(form) else { return };
        let Ok(request) = web_sys::XmlHttpRequest::new() else { return };
        if request.open("GET", &url).is_err() {
            return;
        }
        request.set_response_type(web_sys::XmlHttpRequestResponseType::Document);
        let ticket = latest.get().wrapping_add(1);
        latest.set(ticket);
        let results_id = results_id.to_owned();
        let answered = request.clone();
        let done = Closure::once_into_js(move || {
            if latest.get() != ticket || answered.status().unwrap_or(0) != 200 {
                return;
            }
            let fresh = answered
                .response_xml()
                .ok()
                .flatten()
                .and_then(|page| page.get_element_by_id(&results_id));
            let current = document().get_element_by_id(&results_id);
            if let (Some(fresh), Some(current)) = (fresh, current) {
                // Results that did not change stay in place: replacing them anyway would move
                // the link under a pointer mid-click and re-announce the same count.
                let html = fresh.inner_html();
                if current.inner_html() != html {
                    current.set_inner_html(&html);
                    if let Some(count) = fresh.query_selector(".result-count").ok().flatten() {
                        announce.set(count.text_content().unwrap_or_default());
                    }
                }
                if let Ok(history) = window().history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&url),
                    );
                }
            }
        });
        request.set_onload(Some(done.unchecked_ref()));
        let _ = request.send();
    }
}
