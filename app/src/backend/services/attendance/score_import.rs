//! Scores imported from a CSV file on the participant sheet: a header naming the participant
//! column (`nip` or `email`) and the score columns (`pre_test`, `post_test`; either may be left
//! out and then stays as it is), one participant per line. All or nothing: every line is
//! checked first, each problem reported with its line number, and only a clean file is written
//! (through `set_scores`, in one transaction).

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, TransactionTrait,
};

use super::{participating, set_scores, taught_course};
use crate::backend::auth::Actor;
use crate::backend::entities::{enrollment, person};
use crate::error::AppError;
use crate::model::{FieldError, ScoreRow, ValidationCode};

/// The largest file taken, in bytes.
pub const MAX_SCORE_FILE_BYTES: usize = 1024 * 1024;
/// The most lines one file takes.
pub const MAX_SCORE_LINES: usize = 20_000;

/// Imports the scores in `bytes` into the course `slug`: how many participants it set.
pub async fn import_scores<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    bytes: &[u8],
) -> Result<usize, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let course = taught_course(conn, actor, slug).await?;
    let file_error = |code| AppError::Invalid(vec![FieldError::new("file", code)]);
    if bytes.len() > MAX_SCORE_FILE_BYTES {
        return Err(file_error(ValidationCode::FileTooLarge {
            max_kib: u32::try_from(MAX_SCORE_FILE_BYTES / 1024).unwrap_or(u32::MAX),
        }));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| file_error(ValidationCode::NotUtf8))?;
    let text = text.trim_start_matches('\u{feff}');
    let places = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(course.id))
        .filter(enrollment::Column::Status.is_in(participating()))
        .all(conn)
        .await?;
    let people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(person::Column::Id.is_in(places.iter().map(|p| p.person_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    // A participant is found by NIP or by e-mail, as the file names them.
    let mut by_key: HashMap<String, &enrollment::Model> = HashMap::new();
    for place in &places {
        if let Some(who) = people.get(&place.person_id) {
            by_key.insert(who.email.to_lowercase(), place);
            if let Some(nip) = &who.nip {
                by_key.insert(nip.clone(), place);
            }
        }
    }
    let rows = parse(text, |key| by_key.get(key).map(|p| (p.id, p.pre_test, p.post_test)))?;
    let count = rows.len();
    set_scores(conn, actor, slug, &rows).await?;
    Ok(count)
}

/// The file's rows as scores, looking each participant up with `find` (by NIP or lower-case
/// e-mail: their enrollment id and current scores); every problem by line (`line_<n>`).
fn parse(text: &str, find: impl Fn(&str) -> Option<ScoreRow>) -> Result<Vec<ScoreRow>, AppError> {
    let file_error = |code| AppError::Invalid(vec![FieldError::new("file", code)]);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(if text.lines().next().is_some_and(|l| l.contains(';')) { b';' } else { b',' })
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|_| file_error(ValidationCode::Malformed))?
        .iter()
        .map(|h| h.to_lowercase().replace(['-', ' '], "_"))
        .collect();
    let column = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let key = column(&["nip", "email", "e_mail"]);
    let (pre, post) = (column(&["pre_test", "pre"]), column(&["post_test", "post"]));
    let Some(key) = key.filter(|_| pre.is_some() || post.is_some()) else {
        return Err(file_error(ValidationCode::MissingColumn));
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<i32, u32> = HashMap::new();
    for (index, record) in reader.records().enumerate() {
        // Line 1 is the header.
        let line = u32::try_from(index).unwrap_or(u32::MAX).saturating_add(2);
        if index >= MAX_SCORE_LINES {
            return Err(file_error(ValidationCode::TooManyRows {
                max: u32::try_from(MAX_SCORE_LINES).unwrap_or(u32::MAX),
            }));
        }
        let field = format!("line_{line}");
        let Ok(record) = record else {
            errors.push(FieldError::new(field, ValidationCode::Malformed));
            continue;
        };
        let name = record.get(key).unwrap_or_default().to_lowercase();
        let Some((id, old_pre, old_post)) = find(&name) else {
            errors.push(FieldError::new(field, ValidationCode::UnknownChoice));
            continue;
        };
        if let Some(first_line) = seen.insert(id, line) {
            errors.push(FieldError::new(field, ValidationCode::DuplicateInFile { first_line }));
            continue;
        }
        let mut read = |column: Option<usize>, old: Option<i16>| -> Option<Option<i16>> {
            let Some(column) = column else { return Some(old) };
            let text = record.get(column).unwrap_or_default();
            if text.is_empty() {
                return Some(None);
            }
            match text.parse::<i16>() {
                Ok(score) if (0..=100).contains(&score) => Some(Some(score)),
                Ok(_) => {
                    errors.push(FieldError::new(
                        field.clone(),
                        ValidationCode::OutOfRange { min: 0, max: 100 },
                    ));
                    None
                }
                Err(_) => {
                    errors.push(FieldError::new(field.clone(), ValidationCode::NotANumber));
                    None
                }
            }
        };
        let (pre, post) = (read(pre, old_pre), read(post, old_post));
        if let (Some(pre), Some(post)) = (pre, post) {
            rows.push((id, pre, post));
        }
    }
    if rows.is_empty() && errors.is_empty() {
        return Err(file_error(ValidationCode::NoRows));
    }
    if errors.is_empty() { Ok(rows) } else { Err(AppError::Invalid(errors)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(key: &str) -> Option<ScoreRow> {
        match key {
            "198703152010011002" => Some((1, Some(40), Some(60))),
            "rina@bkd.example" => Some((2, None, None)),
            _ => None,
        }
    }

    fn codes(result: Result<Vec<ScoreRow>, AppError>) -> Vec<(String, ValidationCode)> {
        match result {
            Err(AppError::Invalid(fields)) => {
                fields.into_iter().map(|f| (f.field, f.code)).collect()
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_clean_file_sets_its_columns_and_keeps_the_others() {
        let rows = parse("NIP,Post-test\n198703152010011002,85\n", lookup).unwrap();
        assert_eq!(rows, [(1, Some(40), Some(85))], "the pre-test stays");
        let semicolons = parse("email;pre_test;post_test\nRINA@bkd.example;;70\n", lookup).unwrap();
        assert_eq!(semicolons, [(2, None, Some(70))], "a spreadsheet's semicolons, any case");
    }

    #[test]
    fn every_bad_line_is_reported_by_its_number_and_nothing_is_kept() {
        let text = "nip,pre,post\n198703152010011002,50,101\nnobody,1,2\n\
                    rina@bkd.example,x,3\n198703152010011002,1,1\n";
        assert_eq!(
            codes(parse(text, lookup)),
            [
                ("line_2".to_owned(), ValidationCode::OutOfRange { min: 0, max: 100 }),
                ("line_3".to_owned(), ValidationCode::UnknownChoice),
                ("line_4".to_owned(), ValidationCode::NotANumber),
                ("line_5".to_owned(), ValidationCode::DuplicateInFile { first_line: 2 }),
            ]
        );
        assert_eq!(
            codes(parse("name,score\nx,1\n", lookup)),
            [("file".to_owned(), ValidationCode::MissingColumn)]
        );
        assert_eq!(
            codes(parse("nip,post\n", lookup)),
            [("file".to_owned(), ValidationCode::NoRows)]
        );
    }
}
