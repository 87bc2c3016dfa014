//! What Settings → "Your data" computes and says: which importer a picked file goes to,
//! the preview of importing it, the export buttons and every sentence about a file (saved,
//! not shared, not imported, the resume a backup carries). Plain Rust, host-tested; the
//! page only wires these to the file input, the downloads and the book.
//!
//! Nothing here reads the clock or makes ids: `today`, `at` and `new_id` are arguments.

use crate::domain::formats::{
    import_linkedin_connections, import_vcard, plan_linkedin_import, preview_backup_import,
    BookIndex, ExportKind, FormatError, ImportPreview, LISTED,
};
use crate::domain::resume::ResumeFile;
use crate::domain::{Book, Contact, ContactId};
use crate::view::sizes::size;
use chrono::NaiveDate;

/// Which importer a picked file goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    Backup,
    LinkedIn,
    VCard,
}

/// Chooses the importer by the file's extension, else by its first bytes.
pub fn detect(name: &str, bytes: &[u8]) -> ImportKind {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".json") {
        return ImportKind::Backup;
    }
    if lower.ends_with(".vcf") || lower.ends_with(".vcard") {
        return ImportKind::VCard;
    }
    if lower.ends_with(".csv") {
        return ImportKind::LinkedIn;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') {
        ImportKind::Backup
    } else if head.to_ascii_uppercase().contains("BEGIN:VCARD") {
        ImportKind::VCard
    } else {
        ImportKind::LinkedIn
    }
}

/// The preview of importing `bytes` (the file `name`) into `book`; new contacts get ids
/// from `new_id` and are dated `today` / `at`.
pub fn preview(
    book: &Book,
    name: &str,
    bytes: &[u8],
    today: NaiveDate,
    at: i64,
    new_id: impl FnMut() -> String,
) -> Result<ImportPreview, FormatError> {
    match detect(name, bytes) {
        ImportKind::Backup => preview_backup_import(book, bytes, name),
        ImportKind::LinkedIn => {
            let (connections, errors) = import_linkedin_connections(bytes, name)?;
            Ok(plan_linkedin_import(
                book,
                name,
                connections,
                errors,
                new_id,
                today,
                at,
            ))
        }
        ImportKind::VCard => {
            let (cards, errors) = import_vcard(bytes, name, new_id, today, at)?;
            let mut preview = ImportPreview::new(name);
            preview.errors = errors;
            let index = BookIndex::new(book);
            for card in cards {
                preview.offer(&index, Contact::new(card));
            }
            Ok(preview)
        }
    }
}

/// The export buttons: what each saves, its label and its hint.
pub const EXPORTS: [(ExportKind, &str, &str); 4] = [
    (
        ExportKind::Backup,
        "Backup (JSON)",
        "Everything, to restore here or on another device.",
    ),
    (
        ExportKind::Spreadsheet,
        "Spreadsheet (CSV)",
        "One row per contact, for Excel or Google Sheets.",
    ),
    (
        ExportKind::Contacts,
        "Contacts (vCard)",
        "For your phone's contacts app.",
    ),
    (
        ExportKind::Calendar,
        "Follow-ups calendar (.ics)",
        "Each pending follow-up as a calendar event, so your phone reminds you.",
    ),
];

/// The export button's id: "data-export-json".
pub fn export_id(kind: ExportKind) -> String {
    format!("data-export-{}", kind.extension())
}

/// The id of the export's hint: "data-export-json-hint".
pub fn export_hint_id(kind: ExportKind) -> String {
    format!("data-export-{}-hint", kind.extension())
}

/// The Share… button's accessible name: "Share Backup (JSON)".
pub fn share_label(label: &str) -> String {
    format!("Share {label}")
}

/// After a download: "Saved followup-….json to your downloads."
pub fn saved(name: &str) -> String {
    format!("Saved {name} to your downloads.")
}

/// A download the browser refused.
pub fn not_saved(name: &str, error: &str) -> String {
    format!("Couldn't save {name}: {error}.")
}

/// A share the browser refused.
pub fn not_shared(name: &str) -> String {
    format!("This browser couldn't share {name}. Use the download button instead.")
}

/// The kept resume could not be read for the backup.
pub fn resume_unreadable(error: &str) -> String {
    format!("Your resume couldn't be read: {error}.")
}

/// The box that puts the kept resume in the backup.
pub fn resume_choice(file: &ResumeFile) -> String {
    format!(
        "Put my resume in the backup ({}, {})",
        file.name,
        size(file.size)
    )
}

/// A list's class: "data-list data-new".
pub fn list_class(class: &str) -> String {
    format!("data-list {class}")
}

/// A list's title with its count: "New (3)".
pub fn list_summary(title: &str, count: usize) -> String {
    format!("{title} ({count})")
}

/// A file that could not be read at all.
pub fn not_imported(error: &str) -> String {
    format!("{error} Nothing was imported.")
}

/// An import the book refused.
pub fn import_refused(file: &str, error: &str) -> String {
    format!("{file} couldn't be imported: {error}. Nothing was changed.")
}

/// Import tapped on a preview with nothing new (a backup that only brings a resume).
pub fn nothing_else(file: &str) -> String {
    format!("{file}: nothing else to import.")
}

/// The backup's resume, kept after the import.
pub fn resume_kept(name: &str) -> String {
    format!("Your resume, {name}, is kept on this device.")
}

/// The backup's resume could not be kept.
pub fn resume_not_kept(error: &str) -> String {
    format!("The resume in the backup wasn't kept: {error}.")
}

/// What the preview says about a backup's resume: kept on import (and what it replaces,
/// `kept` being the name of the resume kept now), or why it was left out.
pub fn resume_note(
    incoming: Option<Result<&ResumeFile, &str>>,
    kept: Option<&str>,
) -> Option<String> {
    incoming.map(|r| match r {
        Ok(file) => {
            let replacing = match kept {
                Some(kept) if kept != file.name => format!(", in place of {kept}"),
                _ => String::new(),
            };
            format!(
                "This backup has your resume, {} ({}): importing keeps it on this device{replacing}.",
                file.name,
                size(file.size)
            )
        }
        Err(note) => note.to_string(),
    })
}

/// One incoming person who may already be in the book.
#[derive(Clone, Debug, PartialEq)]
pub struct DuplicateRow {
    pub incoming: String,
    pub existing: ContactId,
    pub existing_name: String,
    pub reason: &'static str,
}

/// The first `LISTED` possible duplicates of a preview, with the name each would join.
pub fn duplicate_rows(book: &Book, p: &ImportPreview) -> Vec<DuplicateRow> {
    p.duplicates
        .iter()
        .take(LISTED)
        .map(|d| DuplicateRow {
            incoming: d.incoming.name.clone(),
            existing: d.existing.clone(),
            existing_name: book
                .contact(&d.existing)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            reason: d.reason,
        })
        .collect()
}

#[cfg(test)]
#[path = "data_tests.rs"]
mod tests;
