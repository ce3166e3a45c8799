//! The session cookie: its name and attributes in one place.

/// Over TLS the `__Host-` prefix pins the cookie to this exact host, path `/`, Secure.
pub fn name(secure: bool) -> &'static str {
    if secure { "__Host-sinergi_session" } else { "sinergi_session" }
}

/// `Set-Cookie` value carrying a session token. HttpOnly (no script reads it), SameSite=Lax (not
/// sent with cross-site posts), lives as long as the session's absolute limit.
pub fn set(token: &str, max_age_secs: i64, secure: bool) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{secure_attr}",
        name(secure)
    )
}

/// `Set-Cookie` value that removes the session cookie.
pub fn clear(secure: bool) -> String {
    set("", 0, secure)
}

/// The session token in a `Cookie` header, if present.
pub fn find(cookie_header: &str, secure: bool) -> Option<&str> {
    value(cookie_header, name(secure))
}

/// The value of the cookie called `name` in a `Cookie` header (`a=1; b=2`), if present.
pub fn value<'h>(cookie_header: &'h str, name: &str) -> Option<&'h str> {
    cookie_header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secure_cookies_are_host_prefixed_and_flagged() {
        let cookie = set("abc", 60, true);
        assert!(cookie.starts_with("__Host-sinergi_session=abc; Path=/;"));
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
                && cookie.ends_with("; Secure")
        );
        assert!(!set("abc", 60, false).contains("Secure"));
        assert!(clear(false).contains("Max-Age=0"));
        assert_eq!(find("a=1; sinergi_session=tok; b=2", false), Some("tok"));
        assert_eq!(find("sinergi_session=tok", true), None);
    }
}
