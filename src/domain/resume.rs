//! The student's resume: one PDF kept on the device, to send with a follow-up email.
//!
//! This module says what a resume may be — a PDF (its bytes start with `%PDF-`), not
//! empty, at most [`MAX_RESUME_BYTES`] — and describes a kept one ([`ResumeFile`]: name,
//! size, the day it was picked). It never stores anything: the bytes live in the browser's
//! IndexedDB (`resume_store.rs`, the only code that touches it), never in localStorage,
//! whose few megabytes are kept for contacts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest resume kept: 2 MB (decimal, as sizes are shown). A one-page resume is
/// 50–300 KB; 2 MB leaves room for one with a photo while keeping a backup small.
pub const MAX_RESUME_BYTES: usize = 2_000_000;

/// The media type of every resume.
pub const PDF_TYPE: &str = "application/pdf";

/// A PDF's first bytes. Readers accept a few bytes of junk before it, so it is looked for
/// in the first kilobyte, as Acrobat does.
const PDF_MAGIC: &[u8] = b"%PDF-";
const MAGIC_WITHIN: usize = 1024;

/// A kept resume, without its bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResumeFile {
    /// The file name as the student's device showed it.
    pub name: String,
    /// Its size in bytes.
    pub size: usize,
    /// The day it was picked (or restored from a backup).
    #[serde(deserialize_with = "super::dates::read::date")]
    pub saved_on: NaiveDate,
}

/// A resume with its bytes: what is stored, shared and carried by a backup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resume {
    pub file: ResumeFile,
    pub bytes: Vec<u8>,
}

/// Why a picked file cannot be the resume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResumeError {
    /// The file has no bytes.
    Empty { name: String },
    /// The file is not a PDF (no `%PDF-` at its start).
    NotPdf { name: String },
    /// The file is over [`MAX_RESUME_BYTES`].
    TooLarge { name: String, bytes: usize },
}

impl fmt::Display for ResumeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResumeError::Empty { name } => {
                write!(f, "{name} is empty. Pick your resume as a PDF file.")
            }
            ResumeError::NotPdf { name } => write!(
                f,
                "{name} isn't a PDF. Save or export your resume as a PDF (in Word or Google \
                 Docs: File → Download → PDF) and pick that file."
            ),
            ResumeError::TooLarge { name, bytes } => write!(
                f,
                "{name} is {}, over the {} limit. Export it again with smaller images (\"Reduce \
                 file size\" or a lower image quality) and pick the new file.",
                megabytes(*bytes),
                megabytes(MAX_RESUME_BYTES)
            ),
        }
    }
}

/// A size in megabytes with one decimal, rounded half up: "2.4 MB".
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Checks that `bytes`, picked as `name`, can be the resume.
pub fn check(name: &str, bytes: &[u8]) -> Result<(), ResumeError> {
    let name = name.to_string();
    if bytes.is_empty() {
        return Err(ResumeError::Empty { name });
    }
    too_large(&name, bytes.len())?;
    let head = &bytes[..bytes.len().min(MAGIC_WITHIN)];
    if !head.windows(PDF_MAGIC.len()).any(|w| w == PDF_MAGIC) {
        return Err(ResumeError::NotPdf { name });
    }
    Ok(())
}

/// The size check alone, for a file too large to read at all.
pub fn too_large(name: &str, size: usize) -> Result<(), ResumeError> {
    if size > MAX_RESUME_BYTES {
        return Err(ResumeError::TooLarge {
            name: name.to_string(),
            bytes: size,
        });
    }
    Ok(())
}

impl Resume {
    /// A checked resume picked as `name` on `today`.
    pub fn new(name: &str, bytes: Vec<u8>, today: NaiveDate) -> Result<Resume, ResumeError> {
        check(name, &bytes)?;
        let name = name.trim();
        let name = if name.is_empty() { "Resume.pdf" } else { name };
        Ok(Resume {
            file: ResumeFile {
                name: name.to_string(),
                size: bytes.len(),
                saved_on: today,
            },
            bytes,
        })
    }
}

impl ResumeFile {
    /// The name to share or download it under: always ending in `.pdf`, which share
    /// targets and mail apps need to recognise it.
    pub fn file_name(&self) -> String {
        if self.name.to_ascii_lowercase().ends_with(".pdf") {
            self.name.clone()
        } else {
            format!("{}.pdf", self.name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    fn pdf(len: usize) -> Vec<u8> {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.resize(len.max(bytes.len()), b' ');
        bytes
    }

    #[test]
    fn which_files_can_be_the_resume() {
        let mut junk_first = vec![0u8; 100];
        junk_first.extend_from_slice(b"%PDF-1.4");
        let mut magic_too_late = vec![b' '; MAGIC_WITHIN];
        magic_too_late.extend_from_slice(b"%PDF-1.4");
        let check_row = |name: &str, bytes: &[u8], expected: Result<(), ResumeError>| {
            assert_eq!(check(name, bytes), expected, "{name}");
        };
        check_row("cv.pdf", &pdf(9), Ok(()));
        check_row("cv.pdf", &pdf(MAX_RESUME_BYTES), Ok(()));
        check_row("cv", &junk_first, Ok(()));
        check_row(
            "cv.pdf",
            b"",
            Err(ResumeError::Empty {
                name: "cv.pdf".into(),
            }),
        );
        check_row(
            "cv.pdf",
            &pdf(MAX_RESUME_BYTES + 1),
            Err(ResumeError::TooLarge {
                name: "cv.pdf".into(),
                bytes: MAX_RESUME_BYTES + 1,
            }),
        );
        for (name, bytes) in [
            ("cv.docx", &b"PK\x03\x04word/document.xml"[..]),
            ("photo.png", &b"\x89PNG\r\n\x1a\n"[..]),
            ("cv.pdf", &b"%PDF"[..]),
            ("cv.pdf", &b"%pdf-1.4"[..]),
            ("late.pdf", &magic_too_late[..]),
        ] {
            check_row(name, bytes, Err(ResumeError::NotPdf { name: name.into() }));
        }
    }

    #[test]
    fn messages_say_what_to_do() {
        let not_pdf = ResumeError::NotPdf {
            name: "cv.docx".into(),
        };
        assert!(not_pdf.to_string().starts_with("cv.docx isn't a PDF."));
        let large = ResumeError::TooLarge {
            name: "cv.pdf".into(),
            bytes: 2_400_000,
        };
        assert_eq!(
            large.to_string(),
            "cv.pdf is 2.4 MB, over the 2.0 MB limit. Export it again with smaller images \
             (\"Reduce file size\" or a lower image quality) and pick the new file."
        );
        assert_eq!(
            too_large("big.pdf", 2_000_001),
            Err(large_of("big.pdf", 2_000_001))
        );
        assert_eq!(too_large("ok.pdf", 2_000_000), Ok(()));
    }

    fn large_of(name: &str, bytes: usize) -> ResumeError {
        ResumeError::TooLarge {
            name: name.into(),
            bytes,
        }
    }

    #[test]
    fn a_new_resume_records_name_size_and_day() {
        let resume = Resume::new(" Sam Lee CV.pdf ", pdf(1234), day()).unwrap();
        assert_eq!(
            resume.file,
            ResumeFile {
                name: "Sam Lee CV.pdf".into(),
                size: 1234,
                saved_on: day(),
            }
        );
        assert_eq!(
            Resume::new("", pdf(10), day()).unwrap().file.name,
            "Resume.pdf"
        );
        assert!(Resume::new("cv.txt", b"hello".to_vec(), day()).is_err());
    }

    #[test]
    fn shared_names_end_in_pdf() {
        for (name, expected) in [
            ("cv.pdf", "cv.pdf"),
            ("CV.PDF", "CV.PDF"),
            ("Resume", "Resume.pdf"),
            ("resume.pdf.download", "resume.pdf.download.pdf"),
        ] {
            let file = ResumeFile {
                name: name.into(),
                size: 1,
                saved_on: day(),
            };
            assert_eq!(file.file_name(), expected);
        }
    }
}
