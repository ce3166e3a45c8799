//! The request's locale and locale-aware paths.
//!
//! Indonesian pages live at unprefixed paths, English ones under `/en`. The server strips the
//! prefix before routing and hands the locale over as a [`RequestLocale`] request extension, so
//! every route is declared once.

use leptos::prelude::*;

use crate::i18n::Locale;

/// The locale the server chose for this request (URL prefix, else cookie, else Accept-Language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestLocale(pub Locale);

/// Path prefix of each non-default locale.
pub const ENGLISH_PREFIX: &str = "/en";
/// Path prefix that selects Indonesian explicitly (the switch link); answered by a redirect.
pub const INDONESIAN_PREFIX: &str = "/id";

/// The locale of the page being rendered.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// Reads the locale the server attached to the request (SSR); Indonesian elsewhere.
pub fn request_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<RequestLocale>().map(|l| l.0))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Locale::default()
    }
}

/// The URL of an (unprefixed) app path in `locale`: `/katalog` → `/en/katalog` in English.
pub fn localized(locale: Locale, path: &str) -> String {
    match locale {
        Locale::id => path.to_owned(),
        Locale::en if path == "/" => format!("{ENGLISH_PREFIX}/"),
        Locale::en => format!("{ENGLISH_PREFIX}{path}"),
    }
}

/// The link that switches the current page to `target`, working without JavaScript: `/en/…`
/// shows English, `/id/…` records the choice and redirects to the unprefixed Indonesian page.
pub fn switch_href(target: Locale, path: &str) -> String {
    match target {
        Locale::en => localized(Locale::en, path),
        Locale::id if path == "/" => format!("{INDONESIAN_PREFIX}/"),
        Locale::id => format!("{INDONESIAN_PREFIX}{path}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_paths_carry_the_prefix_and_indonesian_ones_do_not() {
        assert_eq!(localized(Locale::id, "/katalog"), "/katalog");
        assert_eq!(localized(Locale::en, "/katalog"), "/en/katalog");
        assert_eq!(localized(Locale::en, "/"), "/en/");
        assert_eq!(switch_href(Locale::id, "/katalog"), "/id/katalog");
        assert_eq!(switch_href(Locale::en, "/"), "/en/");
    }
}
