//! The certificate as an Open Badges 3.0 `OpenBadgeCredential` (a W3C verifiable credential):
//! the course as the achievement, aligned to its competencies, its JP as credits, the
//! university as issuer. It is not signed: it names the verification page, which is where its
//! validity (and any revocation) is read.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::Document;

/// The credential of `document`.
pub fn credential(document: &Document, base_url: &str) -> Value {
    let base = base_url.trim_end_matches('/');
    let cert = &document.certificate;
    let alignment: Vec<Value> = document
        .competencies
        .iter()
        .map(|c| {
            json!({
                "type": ["Alignment"],
                "targetType": "ceasn:Competency",
                "targetCode": c.code,
                "targetName": c.name_id,
                "targetFramework": "Kamus Kompetensi ASN",
                "targetUrl": format!("{base}/kompetensi#{}", c.code),
            })
        })
        .collect();
    let criteria = format!(
        "Menghadiri sekurang-kurangnya {}% sesi dan memperoleh nilai post-test sekurang-kurangnya {}.",
        document.min_attendance_percent, document.min_post_test
    );
    json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": document.url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": format!("Sertifikat {}", cert.course_title),
        "issuer": {
            "id": format!("{base}/organisasi/{}", document.university_slug),
            "type": ["Profile"],
            "name": cert.university_name,
        },
        "validFrom": cert.issued_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [identity(cert.holder_nip.as_deref(), &cert.holder_name, &cert.code)],
            "creditsEarned": cert.jp,
            "achievement": {
                "id": format!("{base}/katalog/kursus/{}", document.course_slug),
                "type": ["Achievement"],
                "achievementType": "Course",
                "name": cert.course_title,
                "description": document.course_summary,
                "criteria": { "narrative": criteria },
                "creditsAvailable": cert.jp,
                "alignment": alignment,
                "humanCode": document.number,
            },
        },
    })
}

/// Who holds it: the NIP, salted and hashed as the specification allows (a credential may be
/// passed on; the NIP need not travel with it), or else the name as printed.
fn identity(nip: Option<&str>, name: &str, salt: &str) -> Value {
    match nip {
        Some(nip) => {
            let digest: String = Sha256::digest(format!("{nip}{salt}").as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            json!({
                "type": "IdentityObject",
                "identityType": "identifier",
                "hashed": true,
                "identityHash": format!("sha256${digest}"),
                "salt": salt,
            })
        }
        None => json!({
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": false,
            "identityHash": name,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nip_travels_only_salted_and_hashed() {
        let hashed = identity(Some("198703152010011002"), "Rina", "ABC");
        let text = hashed.to_string();
        assert!(!text.contains("198703152010011002"), "{text}");
        let expected: String =
            Sha256::digest(b"198703152010011002ABC").iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hashed["identityHash"], format!("sha256${expected}"));
        assert_eq!(identity(None, "Rina", "ABC")["identityHash"], "Rina");
    }
}
