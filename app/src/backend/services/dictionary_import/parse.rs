//! Reading a competency dictionary file (the CSV `/kompetensi.csv` exports) into rows, or every
//! problem in it. No database here: the rules a file breaks by itself.

use std::collections::HashMap;

use crate::backend::csv_upload::{problem, reader};
use crate::model::{ImportRowError, ValidationCode};

/// Rows one import takes: far more than a dictionary has.
pub const MAX_ROWS: usize = 2_000;
/// Bytes one upload may have.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// A readable row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictionaryRow {
    /// The file line it came from.
    pub line: u32,
    pub code: String,
    pub type_code: String,
    pub name_id: String,
    pub name_en: String,
    pub definition_id: String,
    /// An agency's short name or slug; empty when shared.
    pub owner: String,
    pub levels: [String; 5],
    /// One indicator per line, per level.
    pub indicators: [String; 5],
}

const REQUIRED: [&str; 10] = [
    "kode", "jenis", "nama", "name_en", "definisi", "level_1", "level_2", "level_3", "level_4",
    "level_5",
];

/// Reads the file: a header naming at least the required columns (any order, any case), then
/// one competency per row.
pub fn parse(bytes: &[u8]) -> Result<Vec<DictionaryRow>, Vec<ImportRowError>> {
    if bytes.len() > MAX_BYTES {
        let max = (MAX_BYTES / 1024) as u32;
        return Err(vec![problem(0, "_file", ValidationCode::FileTooLarge { max_kib: max })]);
    }
    let mut reader = reader(bytes)?;
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_lowercase()).collect(),
        Err(_) => return Err(vec![problem(1, "_file", ValidationCode::Malformed)]),
    };
    let index = |name: &str| headers.iter().position(|h| h == name);
    let missing: Vec<ImportRowError> = REQUIRED
        .iter()
        .filter(|name| index(name).is_none())
        .map(|name| problem(1, name, ValidationCode::MissingColumn))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let (mut rows, mut errors, mut codes) = (Vec::new(), Vec::new(), HashMap::new());
    for (count, record) in reader.records().enumerate() {
        if count >= MAX_ROWS {
            let max = MAX_ROWS as u32;
            return Err(vec![problem(0, "_file", ValidationCode::TooManyRows { max })]);
        }
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as u32);
                errors.push(problem(line, "_file", ValidationCode::Malformed));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as u32);
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |name: &str| {
            index(name).and_then(|i| record.get(i)).unwrap_or_default().trim().to_owned()
        };
        let mut check = |name: &str, value: &str, required: bool, max: u32| {
            if required && value.is_empty() {
                errors.push(problem(line, name, ValidationCode::Required));
            } else if value.chars().count() > max as usize {
                errors.push(problem(line, name, ValidationCode::TooLong { max }));
            }
        };
        let code = cell("kode");
        check("kode", &code, true, 40);
        let row = DictionaryRow {
            line,
            type_code: cell("jenis"),
            name_id: cell("nama"),
            name_en: cell("name_en"),
            definition_id: cell("definisi"),
            owner: cell("pemilik"),
            levels: std::array::from_fn(|i| cell(&format!("level_{}", i + 1))),
            indicators: std::array::from_fn(|i| cell(&format!("indikator_{}", i + 1))),
            code,
        };
        check("jenis", &row.type_code, true, 20);
        check("nama", &row.name_id, true, 200);
        check("name_en", &row.name_en, true, 200);
        check("definisi", &row.definition_id, true, 5_000);
        for i in 0..5 {
            check(&format!("level_{}", i + 1), &row.levels[i], true, 2_000);
            check(&format!("indikator_{}", i + 1), &row.indicators[i], false, 2_000);
        }
        let well_formed =
            row.code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if !row.code.is_empty() && !well_formed {
            errors.push(problem(line, "kode", ValidationCode::Malformed));
        } else if let Some(first_line) = codes.insert(row.code.clone(), line) {
            codes.insert(row.code.clone(), first_line);
            errors.push(problem(line, "kode", ValidationCode::DuplicateInFile { first_line }));
        }
        rows.push(row);
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(problem(0, "_file", ValidationCode::NoRows));
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "kode;jenis;nama;name_en;definisi;pemilik;level_1;level_2;level_3;level_4;level_5;indikator_3\n";

    #[test]
    fn a_semicolon_file_with_a_bom_and_indicators_is_read() {
        let file = format!(
            "\u{feff}{HEADER}TEK-GIS-01;teknis;Sistem Informasi Geografis;GIS;Mengolah peta.;Bappeda;a;b;c;d;e;\"Membuat peta tematik\nMemeriksa akurasi\"\n"
        );
        let rows = parse(file.as_bytes()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].code, "TEK-GIS-01");
        assert_eq!(rows[0].owner, "Bappeda");
        assert_eq!(rows[0].indicators[2], "Membuat peta tematik\nMemeriksa akurasi");
        assert_eq!(rows[0].indicators[0], "", "an absent column is empty");
    }

    #[test]
    fn every_problem_is_named_with_its_line() {
        let file = format!(
            "{HEADER}tek kecil;teknis;A;A;D;;a;b;c;d;e;\nTEK-A;teknis;A;A;D;;a;b;c;d;;\nTEK-A;teknis;A;A;D;;a;b;c;d;e;\n"
        );
        let errors: Vec<(u32, String, ValidationCode)> = parse(file.as_bytes())
            .unwrap_err()
            .into_iter()
            .map(|e| (e.line, e.field, e.code))
            .collect();
        assert_eq!(
            errors,
            [
                (2, "kode".to_owned(), ValidationCode::Malformed),
                (3, "level_5".to_owned(), ValidationCode::Required),
                (4, "kode".to_owned(), ValidationCode::DuplicateInFile { first_line: 3 }),
            ]
        );
        let missing = parse(b"kode,nama\n").unwrap_err();
        assert!(missing.iter().all(|e| e.code == ValidationCode::MissingColumn));
        assert_eq!(missing.len(), 8);
    }
}
