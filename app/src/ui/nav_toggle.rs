//! Island: collapses the header navigation behind a menu button on narrow screens.
//!
//! Without JavaScript the navigation is simply always shown; once hydrated, the button appears
//! and the panel starts closed on small screens (CSS decides what "small" is).

use leptos::prelude::*;

/// The header's navigation panel with its menu button. `label` is the button's translated text.
#[island]
pub fn NavToggle(label: String, children: Children) -> impl IntoView {
    let (hydrated, set_hydrated) = signal(false);
    let (open, set_open) = signal(false);
    // Effects run only in the browser: the button is shown once it can actually work.
    Effect::new(move |_| set_hydrated.set(true));
    view! {
        <button
            type="button"
            class="nav-toggle"
            aria-controls="site-nav"
            aria-expanded=move || open.get().to_string()
            hidden=move || !hydrated.get()
            on:click=move |_| set_open.update(|o| *o = !*o)
        >
            {label}
        </button>
        <div
            id="site-nav"
            class="nav-panel"
            class:collapsible=hydrated
            class:open=open
        >
            {children()}
        </div>
    }
}
