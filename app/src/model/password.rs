//! The rule for a new password (NIST SP 800-63B style): long enough, not one of the commonest,
//! not the account's own email; no composition rules, long passphrases welcome.

use serde::{Deserialize, Serialize};

/// Fewest characters (Unicode scalar values, not bytes) a password may have.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Most characters accepted: passphrases are welcome, megabytes of input are not.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Why a new password is refused. Each variant has a translated message in the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PasswordError {
    #[error("a password has at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("a password has at most {MAX_PASSWORD_CHARS} characters")]
    TooLong,
    #[error("this password is one of the most common ones")]
    TooCommon,
    #[error("a password must not be the account's email address")]
    SameAsEmail,
}

/// Checks a new password for the account with `email`.
pub fn validate_new_password(password: &str, email: &str) -> Result<(), PasswordError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordError::TooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordError::TooLong);
    }
    let lowered = password.trim().to_lowercase();
    let email = email.trim().to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default();
    if lowered == email
        || (local_part.chars().count() >= MIN_PASSWORD_CHARS && lowered == local_part)
    {
        return Err(PasswordError::SameAsEmail);
    }
    if super::common_passwords::COMMON_PASSWORDS.contains(&lowered.as_str()) {
        return Err(PasswordError::TooCommon);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_the_rule_not_composition() {
        assert_eq!(validate_new_password("kopi7", "a@x.id"), Err(PasswordError::TooShort));
        assert_eq!(validate_new_password("sawahhijau", "a@x.id"), Ok(()));
        // Characters, not bytes: eight Javanese-script letters are eight characters.
        assert_eq!(validate_new_password("ꦱꦶꦤꦼꦂꦒꦶꦲꦶ", "a@x.id"), Ok(()));
        let passphrase = "kereta api berangkat pukul tujuh dari tanjung karang";
        assert_eq!(validate_new_password(passphrase, "a@x.id"), Ok(()));
        assert_eq!(validate_new_password(&"a".repeat(257), "a@x.id"), Err(PasswordError::TooLong));
    }

    #[test]
    fn refuses_the_commonest_and_the_email() {
        assert_eq!(validate_new_password("Password123", "a@x.id"), Err(PasswordError::TooCommon));
        assert_eq!(validate_new_password("bismillah", "a@x.id"), Err(PasswordError::TooCommon));
        assert_eq!(
            validate_new_password("Siti.Nurhaliza@x.id", "siti.nurhaliza@x.id"),
            Err(PasswordError::SameAsEmail)
        );
    }

    #[test]
    fn the_common_list_only_holds_lowercase_entries_long_enough_to_matter() {
        for entry in super::super::common_passwords::COMMON_PASSWORDS {
            assert_eq!(*entry, entry.to_lowercase());
            assert!(
                entry.chars().count() >= MIN_PASSWORD_CHARS,
                "{entry} is refused by length anyway"
            );
        }
    }
}
