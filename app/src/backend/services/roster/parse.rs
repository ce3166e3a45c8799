//! Reading an ASN roster file (CSV: NIP, name, email, position, unit, optional rank) into
//! validated rows, or every problem in it. No database here: the rules a file can break by
//! itself (encoding, columns, NIP, email, duplicates within the file).

use std::collections::HashMap;

use crate::backend::csv_upload::problem;
use crate::model::{ImportRowError, Nip, ValidationCode, normalise_email};

/// Rows one import takes.
pub const MAX_ROWS: usize = 20_000;
/// Bytes one upload may have.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// A valid row of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterRow {
    /// The file line it came from.
    pub line: u32,
    pub nip: Nip,
    pub full_name: String,
    /// Lower-case.
    pub email: String,
    pub position: Option<String>,
    pub unit: Option<String>,
    pub rank: Option<String>,
}

/// The columns, by the names agencies use for them (case and spacing ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Nip,
    Name,
    Email,
    Position,
    Unit,
    Rank,
}

impl Column {
    fn from_header(header: &str) -> Option<Self> {
        let key: String =
            header.trim().to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
        match key.as_str() {
            "nip" => Some(Self::Nip),
            "nama" | "nama lengkap" | "name" | "full name" => Some(Self::Name),
            "email" | "e-mail" | "surel" => Some(Self::Email),
            "jabatan" | "position" => Some(Self::Position),
            "unit" | "unit kerja" => Some(Self::Unit),
            "pangkat" | "golongan" | "pangkat/golongan" | "rank" => Some(Self::Rank),
            _ => None,
        }
    }

    /// The name errors use (Indonesian, as in the template).
    fn field(self) -> &'static str {
        match self {
            Self::Nip => "nip",
            Self::Name => "nama",
            Self::Email => "email",
            Self::Position => "jabatan",
            Self::Unit => "unit",
            Self::Rank => "pangkat",
        }
    }
}

/// Reads the file (see `csv_upload::reader` for the encodings and separators it takes).
pub fn parse(bytes: &[u8]) -> Result<Vec<RosterRow>, Vec<ImportRowError>> {
    let mut reader = crate::backend::csv_upload::reader(bytes)?;
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(_) => return Err(vec![problem(1, "_file", ValidationCode::Malformed)]),
    };
    let columns: Vec<Option<Column>> = headers.iter().map(Column::from_header).collect();
    let index = |wanted: Column| columns.iter().position(|c| *c == Some(wanted));
    let missing: Vec<ImportRowError> = [Column::Nip, Column::Name, Column::Email]
        .into_iter()
        .filter(|c| index(*c).is_none())
        .map(|c| problem(1, c.field(), ValidationCode::MissingColumn))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }

    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    let (mut nips, mut emails) = (HashMap::new(), HashMap::new());
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
            continue; // a blank line at the end of a spreadsheet export
        }
        let cell = |column: Column| {
            index(column).and_then(|i| record.get(i)).map(str::to_owned).filter(|v| !v.is_empty())
        };
        let mut row_errors = Vec::new();
        let mut check_len = |column: Column, value: &Option<String>, max: u32| {
            if value.as_ref().is_some_and(|v| v.chars().count() > max as usize) {
                row_errors.push(problem(line, column.field(), ValidationCode::TooLong { max }));
            }
        };
        let (position, unit, rank) =
            (cell(Column::Position), cell(Column::Unit), cell(Column::Rank));
        check_len(Column::Position, &position, 200);
        check_len(Column::Unit, &unit, 200);
        check_len(Column::Rank, &rank, 80);
        let full_name = cell(Column::Name);
        check_len(Column::Name, &full_name, 200);
        if full_name.is_none() {
            row_errors.push(problem(line, "nama", ValidationCode::Required));
        }
        let nip = match cell(Column::Nip).map(|raw| Nip::parse(&raw)) {
            None => {
                row_errors.push(problem(line, "nip", ValidationCode::Required));
                None
            }
            Some(Err(e)) => {
                row_errors.push(problem(line, "nip", ValidationCode::Nip(e)));
                None
            }
            Some(Ok(nip)) => match nips.insert(nip.as_str().to_owned(), line) {
                Some(first_line) => {
                    nips.insert(nip.as_str().to_owned(), first_line);
                    let code = ValidationCode::DuplicateInFile { first_line };
                    row_errors.push(problem(line, "nip", code));
                    None
                }
                None => Some(nip),
            },
        };
        let email = match normalise_email(&cell(Column::Email).unwrap_or_default()) {
            Err(e) => {
                row_errors.push(problem(line, "email", ValidationCode::Email(e)));
                None
            }
            Ok(email) => match emails.insert(email.clone(), line) {
                Some(first_line) => {
                    emails.insert(email, first_line);
                    let code = ValidationCode::DuplicateInFile { first_line };
                    row_errors.push(problem(line, "email", code));
                    None
                }
                None => Some(email),
            },
        };
        match (nip, email, full_name, row_errors.is_empty()) {
            (Some(nip), Some(email), Some(full_name), true) => {
                rows.push(RosterRow { line, nip, full_name, email, position, unit, rank })
            }
            _ => errors.extend(row_errors),
        }
    }
    if errors.is_empty() && rows.is_empty() {
        errors.push(problem(0, "_file", ValidationCode::NoRows));
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EmailError, NipError};

    const HEADER: &str = "NIP,Nama,Email,Jabatan,Unit,Pangkat\n";

    fn codes(errors: &[ImportRowError]) -> Vec<(u32, &str, ValidationCode)> {
        errors.iter().map(|e| (e.line, e.field.as_str(), e.code)).collect()
    }

    #[test]
    fn reads_a_good_roster_with_either_separator_and_a_bom() {
        let comma = format!(
            "{HEADER}199203152019032001,Siti Nurhaliza,Siti@X.Example,Pranata Komputer,Bidang Statistik,\"Penata Muda, III/a\"\n\n"
        );
        let rows = parse(comma.as_bytes()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].email, "siti@x.example");
        assert_eq!(rows[0].rank.as_deref(), Some("Penata Muda, III/a"));

        let semicolon =
            "\u{feff}nip;nama lengkap;e-mail\n1992 0315 2019 03 2 001;Siti;siti@x.example\n";
        let rows = parse(semicolon.as_bytes()).unwrap();
        assert_eq!(rows[0].nip.as_str(), "199203152019032001");
        assert_eq!(rows[0].position, None);
    }

    #[test]
    fn lists_every_problem_with_its_line() {
        let file = format!(
            "{HEADER}\
             199203152019032001,Siti,siti@x.example,,,\n\
             199203152019033001,Agus,agus@x.example,,,\n\
             199213152019032001,Dewi,,,,\n\
             199203152019032001,Rina,siti@x.example,,,\n\
             ,,bayu@x.example,,,\n"
        );
        let errors = parse(file.as_bytes()).unwrap_err();
        assert_eq!(
            codes(&errors),
            vec![
                (3, "nip", ValidationCode::Nip(NipError::Sex)),
                (4, "nip", ValidationCode::Nip(NipError::BirthDate)),
                (4, "email", ValidationCode::Email(EmailError::Missing)),
                (5, "nip", ValidationCode::DuplicateInFile { first_line: 2 }),
                (5, "email", ValidationCode::DuplicateInFile { first_line: 2 }),
                (6, "nama", ValidationCode::Required),
                (6, "nip", ValidationCode::Required),
            ]
        );
    }

    #[test]
    fn refuses_files_it_cannot_read() {
        let latin1 = b"nip,nama,email\n199203152019032001,Sri Wahyuni S\xE9,sri@x.example\n";
        assert_eq!(codes(&parse(latin1).unwrap_err()), vec![(0, "_file", ValidationCode::NotUtf8)]);
        let no_email = "nip,nama\n199203152019032001,Siti\n";
        assert_eq!(
            codes(&parse(no_email.as_bytes()).unwrap_err()),
            vec![(1, "email", ValidationCode::MissingColumn)]
        );
        assert_eq!(
            codes(&parse(HEADER.as_bytes()).unwrap_err()),
            vec![(0, "_file", ValidationCode::NoRows)]
        );
    }
}
