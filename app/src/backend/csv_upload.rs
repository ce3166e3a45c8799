//! Reading an uploaded CSV file the way agencies and the province save them: UTF-8 (a
//! byte-order mark is fine), comma or semicolon separated (Excel in Indonesian settings writes
//! semicolons), cells trimmed, rows of any length.

use crate::model::{ImportRowError, ValidationCode};

/// A CSV reader over the file, or the one problem that stops reading it at all.
pub fn reader(bytes: &[u8]) -> Result<csv::Reader<&[u8]>, Vec<ImportRowError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(bytes).is_err() {
        return Err(vec![problem(0, "_file", ValidationCode::NotUtf8)]);
    }
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first_line.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') { b';' } else { b',' };
    Ok(csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes))
}

/// A problem at `line` (0: the file) in `field` (`_file`: the file as a whole).
pub fn problem(line: u32, field: &str, code: ValidationCode) -> ImportRowError {
    ImportRowError { line, field: field.to_owned(), code }
}
