//! Certificates: issued when a course closes (`issue`), verified by anyone who has the code
//! (the page, its QR code, the PDF and the Open Badges credential all carry it), and revoked by
//! the university with a reason. A revoked certificate still verifies — as revoked — but is no
//! longer handed out as a PDF or a credential.

mod badge;
mod issue;
mod pdf;
pub mod qr;

use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QuerySelect,
    TransactionTrait,
};

pub(crate) use issue::issue_for;
pub use issue::{credited_jp, new_code};

use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{
    certificate, competency, course_detail, offer, offer_competency, organisation,
};
use crate::backend::services::{assessments, jp_ledger};
use crate::error::{AppError, ConflictReason};
use crate::model::{
    CertificateView, CertifiedCompetency, Checks, MAX_REVOKE_REASON, Revocation, Role,
    certificate_number, normalise_certificate_code,
};

/// The public address of the certificate `code`'s verification page.
pub fn verification_url(base_url: &str, code: &str) -> String {
    format!("{}/verifikasi/{code}", base_url.trim_end_matches('/'))
}

/// The certificate `code` (typed in any accepted form); `NotFound` for an unknown code.
async fn find<C: ConnectionTrait>(conn: &C, code: &str) -> Result<certificate::Model, AppError> {
    let code = normalise_certificate_code(code).ok_or(AppError::NotFound)?;
    certificate::Entity::find()
        .filter(certificate::Column::Code.eq(code))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether `actor` speaks for the university that issued a certificate.
fn of_university(actor: &Actor, university_id: i32) -> bool {
    actor.has_role_in(Role::Academic, university_id)
        || actor.has_role_in(Role::UniversityCoordinator, university_id)
}

/// Public: what the verification page shows about the certificate `code`.
pub async fn verify<C: ConnectionTrait>(
    conn: &C,
    viewer: Option<&Actor>,
    code: &str,
    base_url: &str,
) -> Result<CertificateView, AppError> {
    let found = find(conn, code).await?;
    let course = offer::Entity::find_by_id(found.offer_id).one(conn).await?;
    let competencies = competencies_of(conn, found.offer_id).await?;
    let qr_svg = qr::svg(&verification_url(base_url, &found.code))?;
    Ok(CertificateView {
        number: certificate_number(found.id, found.issued_at),
        may_revoke: found.revoked_at.is_none()
            && viewer.is_some_and(|a| of_university(a, found.university_id)),
        revoked: found.revoked_at.map(|at| Revocation { at, reason: found.revoke_reason.clone() }),
        course_slug: course.map(|c| c.slug).unwrap_or_default(),
        code: found.code,
        holder_name: found.holder_name,
        course_title: found.course_title,
        university_name: found.university_name,
        jp: found.jp,
        first_day: found.first_day,
        last_day: found.last_day,
        completed_on: found.completed_on,
        issued_at: found.issued_at,
        competencies,
        qr_svg,
    })
}

async fn competencies_of<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
) -> Result<Vec<CertifiedCompetency>, AppError> {
    let ids: Vec<i32> = offer_competency::Entity::find()
        .select_only()
        .column(offer_competency::Column::CompetencyId)
        .filter(offer_competency::Column::OfferId.eq(offer_id))
        .into_tuple()
        .all(conn)
        .await?;
    let mut rows: Vec<CertifiedCompetency> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| CertifiedCompetency { code: c.code, name_id: c.name_id, name_en: c.name_en })
        .collect();
    rows.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(rows)
}

/// The university revokes the certificate `code`, saying why: once only, and its JP no longer
/// count (same transaction).
pub async fn revoke<C>(conn: &C, actor: &Actor, code: &str, reason: &str) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let found = find(conn, code).await?;
    if !of_university(actor, found.university_id) {
        return Err(AppError::Forbidden);
    }
    let mut checks = Checks::default();
    checks.text("reason", reason, true, MAX_REVOKE_REASON as u32);
    checks.finish().map_err(AppError::Invalid)?;
    let reason = reason.trim();
    // Conditional on not yet revoked: of two revocations at once, one wins.
    let txn = db::begin_write(conn).await?;
    let changed = certificate::Entity::update_many()
        .col_expr(certificate::Column::RevokedAt, Some(Utc::now()).into())
        .col_expr(certificate::Column::RevokedBy, Some(actor.person_id).into())
        .col_expr(certificate::Column::RevokeReason, reason.to_owned().into())
        .filter(certificate::Column::Id.eq(found.id))
        .filter(certificate::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if changed.rows_affected == 0 {
        return Err(AppError::Conflict(ConflictReason::CertificateRevoked));
    }
    jp_ledger::void_course(&txn, found.id).await?;
    // Nor does the level the course brought.
    assessments::refresh_levels(&txn, [found.person_id]).await?;
    txn.commit().await?;
    Ok(())
}

/// Everything a certificate's documents (PDF, credential) print, for a valid certificate.
pub struct Document {
    pub certificate: certificate::Model,
    pub number: String,
    pub url: String,
    pub course_slug: String,
    pub course_summary: String,
    pub university_slug: String,
    pub competencies: Vec<CertifiedCompetency>,
    pub min_attendance_percent: i16,
    pub min_post_test: i16,
}

/// The certificate `code` for its documents; a revoked one is a `Conflict`.
async fn document<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    base_url: &str,
) -> Result<Document, AppError> {
    let found = find(conn, code).await?;
    if found.revoked_at.is_some() {
        return Err(AppError::Conflict(ConflictReason::CertificateRevoked));
    }
    let course =
        offer::Entity::find_by_id(found.offer_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let details = course_detail::Entity::find_by_id(found.offer_id).one(conn).await?;
    let university = organisation::Entity::find_by_id(found.university_id).one(conn).await?;
    Ok(Document {
        number: certificate_number(found.id, found.issued_at),
        url: verification_url(base_url, &found.code),
        competencies: competencies_of(conn, found.offer_id).await?,
        course_slug: course.slug,
        course_summary: course.summary,
        university_slug: university.map(|u| u.slug).unwrap_or_default(),
        min_attendance_percent: details.as_ref().map_or(0, |d| d.min_attendance_percent),
        min_post_test: details.as_ref().map_or(0, |d| d.min_post_test_score),
        certificate: found,
    })
}

/// The certificate `code` as an A4 PDF in Indonesian, with its QR code.
pub async fn pdf<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    base_url: &str,
) -> Result<(String, Vec<u8>), AppError> {
    let document = document(conn, code, base_url).await?;
    let bytes = pdf::render(&document)?;
    Ok((document.number, bytes))
}

/// The certificate `code` as an Open Badges 3.0 `OpenBadgeCredential`.
pub async fn open_badge<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    base_url: &str,
) -> Result<serde_json::Value, AppError> {
    let document = document(conn, code, base_url).await?;
    Ok(badge::credential(&document, base_url))
}

/// The certificate codes of the given enrollments, by enrollment id.
pub async fn codes_of<C: ConnectionTrait>(
    conn: &C,
    enrollment_ids: impl IntoIterator<Item = i32>,
) -> Result<std::collections::HashMap<i32, String>, AppError> {
    let ids: Vec<i32> = enrollment_ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    Ok(certificate::Entity::find()
        .select_only()
        .column(certificate::Column::EnrollmentId)
        .column(certificate::Column::Code)
        .filter(certificate::Column::EnrollmentId.is_in(ids))
        .into_tuple::<(i32, String)>()
        .all(conn)
        .await?
        .into_iter()
        .collect())
}
