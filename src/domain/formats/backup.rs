//! The JSON backup: everything in the book (contacts, events, profile, templates,
//! settings), versioned and pretty-printed, in the same shape as the stored snapshot so
//! `snapshot::decode` (and its migrations) reads backups of any earlier version.
//!
//! Importing merges by contact id: a contact the book lacks is new; one with the same id
//! replaces the book's copy only when the backup's is at least as recent (`updated_at`), so
//! an edit made after the backup is kept; one with a new id but the same email or LinkedIn
//! profile as a contact in the book is a possible duplicate, shown and not added. Events the
//! book lacks are added. Into an empty book the profile, templates and settings come too.

use serde_json::Value;

use super::preview::{resembles, stored_contacts, stored_events, Duplicate, ImportPreview};
use super::{text_of, FormatError, RowError};
use crate::domain::book::Book;
use crate::domain::contact::Contact;
use crate::domain::snapshot::{self, SnapshotError};

/// The backup file's text.
pub fn export_backup(book: &Book) -> String {
    let mut text = snapshot::encode_pretty(book);
    text.push('\n');
    text
}

/// Reads a backup and says what importing it into `book` would change.
pub fn preview_backup_import(
    book: &Book,
    bytes: &[u8],
    file_name: &str,
) -> Result<ImportPreview, FormatError> {
    let text = text_of(bytes, file_name)?;
    let (incoming, errors) = read(text, file_name)?;
    let mut preview = ImportPreview::new(file_name);
    preview.errors = errors;
    for contact in stored_contacts(&incoming) {
        match book.contact(&contact.id) {
            Some(existing) if existing == &contact => {}
            Some(existing) if existing.updated_at > contact.updated_at => {}
            Some(_) => preview.updated.push(contact),
            None => match resembles(book, &contact) {
                Some((existing, reason)) => preview.duplicates.push(Duplicate {
                    incoming: contact,
                    existing,
                    reason,
                }),
                None => preview.new.push(contact),
            },
        }
    }
    preview.events = stored_events(&incoming)
        .into_iter()
        .filter(|e| book.event(&e.id).is_none())
        .collect();
    let setup = (
        incoming.profile().clone(),
        incoming.templates().clone(),
        incoming.settings().clone(),
    );
    let current = (
        book.profile().clone(),
        book.templates().clone(),
        book.settings().clone(),
    );
    if book.contact_count() == 0 && setup != current {
        preview.setup = Some(setup);
    }
    Ok(preview)
}

/// Decodes a backup; contacts that cannot be read are left out with a `RowError` each.
fn read(text: &str, file: &str) -> Result<(Book, Vec<RowError>), FormatError> {
    let wrong = |detail: String| FormatError::WrongFormat {
        file: file.to_string(),
        expected: "a Followup backup",
        detail,
    };
    match snapshot::decode(text) {
        Ok(book) => return Ok((book, Vec::new())),
        Err(SnapshotError::Newer(version)) => {
            return Err(FormatError::Newer {
                file: file.to_string(),
                version,
            })
        }
        Err(SnapshotError::NotJson(detail)) => {
            return Err(wrong(format!("the JSON is damaged: {detail}")))
        }
        Err(SnapshotError::WrongShape(_)) => {}
    }
    // The shape is wrong somewhere: keep every contact that reads, report the others.
    let mut value: Value = serde_json::from_str(text).map_err(|e| wrong(e.to_string()))?;
    let mut errors = Vec::new();
    if let Some(Value::Array(contacts)) = value.get_mut("contacts") {
        let mut kept = Vec::new();
        for (index, json) in contacts.drain(..).enumerate() {
            let name = json
                .get("name")
                .and_then(Value::as_str)
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            match serde_json::from_value::<Contact>(json.clone()) {
                Ok(_) => kept.push(json),
                Err(e) => errors.push(RowError::new(
                    file,
                    "contact",
                    index + 1,
                    format!("this contact{name} could not be read ({e}), so it was left out."),
                )),
            }
        }
        *contacts = kept;
    }
    let book = snapshot::decode(&value.to_string()).map_err(|e| wrong(e.to_string()))?;
    Ok((book, errors))
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
