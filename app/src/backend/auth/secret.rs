//! Bearer secrets (session cookies, invitation links): 256 random bits in base64url, and the
//! SHA-256 the database keeps instead, so that a copy of a table opens nothing.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// A fresh secret: 32 bytes from the OS generator, base64url without padding (43 characters).
pub fn generate() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored of a secret: its SHA-256, in lower-case hex.
pub fn stored_hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
