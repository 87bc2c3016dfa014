//! The file formats students move contacts in and out with: the JSON backup, a CSV for
//! spreadsheets, vCard for phone contacts, an iCalendar file of pending follow-ups, and
//! LinkedIn's own `Connections.csv`.
//!
//! Every importer follows the same path: bytes → checked text (`text_of`) → parsed values
//! plus `RowError`s → an `ImportPreview` ("N new, M updated, K possible duplicates, J rows
//! with errors") → a new `Book` built only when the student confirms. A whole-file problem
//! (empty, not UTF-8, a binary, too large, missing columns) is a `FormatError` and nothing
//! is imported. This module is pure: it never reads the clock, never makes ids and never
//! touches the browser; `today`, timestamps and id generators are arguments.
//!
//! Code map:
//! - `content_line`: escaping, folding and unfolding shared by vCard and iCalendar.
//! - `backup`: the JSON backup, merged by contact id, optionally with the resume PDF.
//! - `base64`: base64 both ways (vCard values, the resume in a backup).
//! - `csv`: the spreadsheet export.
//! - `vcard`: vCard 3.0 export, vCard 2.1/3.0/4.0 import.
//! - `vcard_decode`: a vCard's bytes to text: quoted-printable, base64, charsets.
//! - `ics`: the calendar of pending follow-ups.
//! - `ics_step`: one step as a one-event `.ics` and a Google Calendar link.
//! - `ics_update`: what changed since the calendar was last exported, and the file that
//!   updates it (same UIDs, SEQUENCE raised, done steps cancelled).
//! - `linkedin_csv`: LinkedIn's `Connections.csv` and matching it against the book.
//! - `preview`: `ImportPreview`, what an import would change, and applying it at once.

pub mod backup;
pub(crate) mod base64;
mod content_line;
pub mod csv;
pub mod ics;
pub mod ics_step;
pub mod ics_update;
#[cfg(test)]
mod interop_tests;
pub mod linkedin_csv;
pub mod plan_csv;
pub mod preview;
#[cfg(test)]
pub(crate) mod test_support;
pub mod vcard;
mod vcard_decode;

use std::fmt;

use chrono::NaiveDate;

use super::dates;

pub use backup::{export_backup, preview_backup_import};
pub use csv::export_csv;
pub use ics::export_ics;
pub use linkedin_csv::{import_linkedin_connections, plan_linkedin_import, Connection};
pub use preview::{BookIndex, Duplicate, ImportPreview, LISTED};
pub use vcard::{export_vcard, import_vcard};

/// Files larger than this are refused before parsing: a real export of a student's network
/// is a few hundred kilobytes at most.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The limit for Followup's own backups, which must come back whatever the book's size:
/// a backup of 20,000 contacts (more than the browser's storage holds) is about 20 MB, and
/// reading is linear, so the limit only stops a file that cannot be a backup of ours.
pub const MAX_BACKUP_BYTES: usize = 64 * 1024 * 1024;

/// One row, line or entry of an imported file that could not be used as it was. The rest
/// of the file is still imported; the message says what was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The file's name as the student chose it, such as `Connections.csv`.
    pub file: String,
    /// What `line` counts: "row" in a CSV, "line" in a vCard, "contact" in a backup.
    pub unit: &'static str,
    /// 1-based.
    pub line: usize,
    pub message: String,
}

impl RowError {
    pub(crate) fn new(
        file: &str,
        unit: &'static str,
        line: usize,
        message: impl Into<String>,
    ) -> RowError {
        RowError {
            file: file.to_string(),
            unit,
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {} {}: {}",
            self.file, self.unit, self.line, self.message
        )
    }
}

impl std::error::Error for RowError {}

/// Why a whole file could not be imported. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The file has no content.
    Empty { file: String },
    /// Over the limit for its kind (`MAX_BYTES`, or `MAX_BACKUP_BYTES` for a backup).
    TooLarge {
        file: String,
        bytes: usize,
        limit: usize,
    },
    /// Not UTF-8 text; `line` is where the first bad byte is.
    NotUtf8 { file: String, line: usize },
    /// A binary file (an image, a zip, …) rather than text.
    Binary { file: String },
    /// A CSV without the columns this import needs; `line` is the header row, if found.
    MissingColumns {
        file: String,
        line: Option<usize>,
        missing: Vec<String>,
    },
    /// Text, but not the format expected (`expected` names it, `detail` says what was wrong).
    WrongFormat {
        file: String,
        expected: &'static str,
        detail: String,
    },
    /// A backup written by a newer version of Followup.
    Newer { file: String, version: u32 },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Empty { file } => {
                write!(f, "{file} is empty. Nothing was imported.")
            }
            FormatError::TooLarge { file, bytes, limit } => write!(
                f,
                "{file} is {:.1} MB, larger than the {} MB Followup can import. \
                 Check you picked the right file. Nothing was imported.",
                *bytes as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            FormatError::NotUtf8 { file, line } => write!(
                f,
                "{file}, line {line}: the file is not UTF-8 text. Export it again as UTF-8 \
                 (in a spreadsheet: Save as → CSV UTF-8). Nothing was imported."
            ),
            FormatError::Binary { file } => write!(
                f,
                "{file} is not a text file (it may be an image or an archive). \
                 Nothing was imported."
            ),
            FormatError::MissingColumns {
                file,
                line,
                missing,
            } => {
                let place = match line {
                    Some(line) => format!("{file}, row {line}"),
                    None => file.clone(),
                };
                write!(
                    f,
                    "{place}: the columns {} are missing. Use the Connections.csv file from \
                     LinkedIn's data export, unchanged. Nothing was imported.",
                    missing.join(", ")
                )
            }
            FormatError::WrongFormat {
                file,
                expected,
                detail,
            } => write!(
                f,
                "{file} is not {expected} ({detail}). Nothing was imported."
            ),
            FormatError::Newer { file, version } => write!(
                f,
                "{file} was made by a newer version of Followup (format {version}). \
                 Reload the page to update, then import it again. Nothing was imported."
            ),
        }
    }
}

impl std::error::Error for FormatError {}

/// Checks an uploaded file's size, that it is not a binary and not blank, and returns its
/// bytes without a UTF-8 byte order mark. vCard decodes charsets per value from here.
pub(crate) fn checked_bytes<'a>(bytes: &'a [u8], file: &str) -> Result<&'a [u8], FormatError> {
    checked_bytes_up_to(bytes, file, MAX_BYTES)
}

/// `checked_bytes` with another size limit.
pub(crate) fn checked_bytes_up_to<'a>(
    bytes: &'a [u8],
    file: &str,
    limit: usize,
) -> Result<&'a [u8], FormatError> {
    if bytes.len() > limit {
        return Err(FormatError::TooLarge {
            file: file.to_string(),
            bytes: bytes.len(),
            limit,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(FormatError::Binary {
            file: file.to_string(),
        });
    }
    if bytes.trim_ascii().is_empty() {
        return Err(FormatError::Empty {
            file: file.to_string(),
        });
    }
    Ok(bytes)
}

/// Checks an uploaded file and returns its text without a UTF-8 byte order mark.
pub(crate) fn text_of<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, FormatError> {
    text_of_up_to(bytes, file, MAX_BYTES)
}

/// `text_of` with another size limit (a backup's).
pub(crate) fn text_of_up_to<'a>(
    bytes: &'a [u8],
    file: &str,
    limit: usize,
) -> Result<&'a str, FormatError> {
    let bytes = checked_bytes_up_to(bytes, file, limit)?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        FormatError::NotUtf8 {
            file: file.to_string(),
            line: 1 + valid.iter().filter(|b| **b == b'\n').count(),
        }
    })?;
    if text.trim().is_empty() {
        return Err(FormatError::Empty {
            file: file.to_string(),
        });
    }
    Ok(text)
}

/// What a download holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Backup,
    Spreadsheet,
    Contacts,
    Calendar,
}

impl ExportKind {
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Backup => "json",
            ExportKind::Spreadsheet => "csv",
            ExportKind::Contacts => "vcf",
            ExportKind::Calendar => "ics",
        }
    }

    pub fn mime_type(self) -> &'static str {
        match self {
            ExportKind::Backup => "application/json",
            ExportKind::Spreadsheet => "text/csv;charset=utf-8",
            ExportKind::Contacts => "text/vcard;charset=utf-8",
            ExportKind::Calendar => "text/calendar;charset=utf-8",
        }
    }
}

/// The download's name: `followup-2026-11-26.json`.
pub fn file_name(kind: ExportKind, today: NaiveDate) -> String {
    format!("followup-{}.{}", dates::iso(today), kind.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_carry_the_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let check = |kind, expected: &str| assert_eq!(file_name(kind, today), expected);
        check(ExportKind::Backup, "followup-2026-11-26.json");
        check(ExportKind::Spreadsheet, "followup-2026-11-26.csv");
        check(ExportKind::Contacts, "followup-2026-11-26.vcf");
        check(ExportKind::Calendar, "followup-2026-11-26.ics");
    }

    #[test]
    fn uploaded_files_are_checked_before_parsing() {
        fn check(bytes: &[u8], expected: Result<&str, &str>) {
            let got = text_of(bytes, "f.csv").map_err(|e| e.to_string());
            match expected {
                Ok(text) => assert_eq!(got.as_deref(), Ok(text), "{bytes:?}"),
                Err(fragment) => {
                    let err = got.expect_err("should fail");
                    assert!(err.contains(fragment), "{bytes:?}: {err}");
                    assert!(err.contains("f.csv"), "{err}");
                }
            }
        }
        check(b"a,b\n", Ok("a,b\n"));
        check(b"\xEF\xBB\xBFa,b", Ok("a,b"));
        check("Jos\u{e9}".as_bytes(), Ok("Jos\u{e9}"));
        check(b"", Err("is empty"));
        check(b"  \r\n\n", Err("is empty"));
        check(b"\xEF\xBB\xBF", Err("is empty"));
        check(b"a\nb\nJos\xE9", Err("line 3: the file is not UTF-8"));
        check(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Err("not a text file"));
        check(b"abc\0def", Err("not a text file"));
        check(&vec![b'a'; MAX_BYTES + 1], Err("larger than the 5 MB"));
    }

    #[test]
    fn row_errors_name_the_file_and_row() {
        let e = RowError::new("Connections.csv", "row", 7, "The date was skipped.");
        assert_eq!(
            e.to_string(),
            "Connections.csv, row 7: The date was skipped."
        );
    }
}
