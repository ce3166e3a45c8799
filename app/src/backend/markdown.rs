//! Markdown written by users (course descriptions) as HTML that is safe to put in a page:
//! rendered by pulldown-cmark, then cleaned by ammonia's allow-list, so script, event handlers,
//! `javascript:` links and raw HTML tricks never reach a visitor.

use pulldown_cmark::{Options, Parser, html};

/// The sanitised HTML of `markdown`.
pub fn to_safe_html(markdown: &str) -> String {
    let mut rendered = String::with_capacity(markdown.len() * 2);
    html::push_html(
        &mut rendered,
        Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH),
    );
    ammonia::Builder::default()
        // Images would load from anywhere (tracking visitors) and the CSP refuses them anyway.
        .rm_tags(["img"])
        .link_rel(Some("nofollow noopener noreferrer"))
        .clean(&rendered)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        let html = to_safe_html("## Materi\n\n- **Standar** pelayanan\n- [LAN](https://lan.go.id)");
        assert!(html.contains("<h2>Materi</h2>"), "{html}");
        assert!(html.contains("<strong>Standar</strong>"));
        assert!(
            html.contains(r#"<a href="https://lan.go.id" rel="nofollow noopener noreferrer">"#)
        );
    }

    #[test]
    fn scripts_and_tricks_are_removed() {
        let html = to_safe_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n\
             [klik](javascript:alert(3)) <a href=\"#\" onclick=\"alert(4)\">x</a>",
        );
        for bad in ["<script", "onerror", "javascript:", "onclick", "<img"] {
            assert!(!html.contains(bad), "{bad} survived in {html}");
        }
    }
}
