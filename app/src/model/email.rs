//! Email addresses as Sinergi stores them: checked against RFC 5321/5322 (email_address crate)
//! and lower-cased, so that one person is one address whatever the capitals.

use serde::{Deserialize, Serialize};

/// Why an email address is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EmailError {
    #[error("an email address is required")]
    Missing,
    #[error("not an email address")]
    Malformed,
}

/// The stored form of an email address: trimmed, lower-case, and valid; domains must have a
/// dot (no `user@localhost`).
pub fn normalise_email(input: &str) -> Result<String, EmailError> {
    let email = input.trim().to_lowercase();
    if email.is_empty() {
        return Err(EmailError::Missing);
    }
    let domain_has_dot = email.rsplit_once('@').is_some_and(|(_, domain)| domain.contains('.'));
    if email.len() > 254 || !domain_has_dot || !email_address::EmailAddress::is_valid(&email) {
        return Err(EmailError::Malformed);
    }
    Ok(email)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_lower_case_and_refuses_nonsense() {
        assert_eq!(
            normalise_email("  Siti@Diskominfotik.Example "),
            Ok("siti@diskominfotik.example".into())
        );
        assert_eq!(normalise_email(" "), Err(EmailError::Missing));
        for bad in
            ["siti", "siti@", "@x.example", "siti@localhost", "si ti@x.example", "a@b@c.example"]
        {
            assert_eq!(normalise_email(bad), Err(EmailError::Malformed), "{bad}");
        }
    }
}
