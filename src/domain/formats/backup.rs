//! The JSON backup: everything in the book (contacts, events, profile, templates,
//! settings), versioned and pretty-printed, in the same shape as the stored snapshot so
//! `snapshot::decode` (and its migrations) reads backups of any earlier version.
//!
//! Importing merges by contact id: a contact the book lacks is new; one with the same id
//! replaces the book's copy only when the backup's is at least as recent (`updated_at`), so
//! an edit made after the backup is kept; one with a new id but the same email or LinkedIn
//! profile as a contact in the book is a possible duplicate, shown and not added. Events the
//! book lacks are added. Into an empty book the profile, templates and settings come too.
//!
//! Links are checked as if typed: a contact whose email or LinkedIn link does not validate
//! (a `javascript:` URL, say) is kept without that field, with a `RowError` saying so; a
//! profile resume or LinkedIn link that is not a web link is left out with a note. A
//! contact that cannot be read for any other reason is left out with a `RowError`.
//!
//! The resume PDF comes only when the student ticks it on export: a `"resume"` member
//! after everything else (name, type, size, the day it was kept, the bytes as base64).
//! Without it the file is exactly what it always was, and older versions of the app,
//! which ignore members they do not know, still restore a backup that has it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::preview::{stored_contacts, stored_events, BookIndex, ImportPreview};
use super::{text_of_up_to, FormatError, RowError, MAX_BACKUP_BYTES};
use crate::domain::book::Book;
use crate::domain::contact::Contact;
use crate::domain::email::Email;
use crate::domain::linkedin::LinkedIn;
use crate::domain::profile::{web_link, Profile};
use crate::domain::resume::{self, Resume, ResumeFile, PDF_TYPE};
use crate::domain::snapshot::{self, SnapshotError};

/// The backup file's text.
pub fn export_backup(book: &Book) -> String {
    let mut text = snapshot::encode_pretty(book);
    text.push('\n');
    text
}

/// The backup file's text, carrying `resume` when given (see the module header).
pub fn export_backup_with_resume(book: &Book, resume: Option<&Resume>) -> String {
    let text = export_backup(book);
    let Some(resume) = resume else {
        return text;
    };
    let block = ResumeBlock {
        name: resume.file.name.clone(),
        media_type: PDF_TYPE.to_string(),
        size: resume.bytes.len(),
        saved_on: resume.file.saved_on,
        base64: super::base64::encode(&resume.bytes),
    };
    let block =
        snapshot::pretty(&serde_json::to_string(&block).expect("a resume always serialises"))
            .replace('\n', "\n  ");
    // The document is a pretty-printed object: its last line is its closing brace.
    let body = text
        .trim_end()
        .strip_suffix('}')
        .unwrap_or(&text)
        .trim_end();
    format!("{body},\n  \"resume\": {block}\n}}\n")
}

/// The resume a backup carries: the member written by [`export_backup_with_resume`].
#[derive(Serialize, Deserialize)]
struct ResumeBlock {
    name: String,
    #[serde(rename = "type")]
    media_type: String,
    size: usize,
    #[serde(deserialize_with = "crate::domain::dates::read::date")]
    saved_on: NaiveDate,
    base64: String,
}

/// The resume in a backup: `None` when it has none, `Some(Err(note))` when it has one that
/// cannot be used (the rest of the backup still imports; the note says so).
pub fn resume_in_backup(bytes: &[u8], file_name: &str) -> Option<Result<Resume, String>> {
    #[derive(Deserialize)]
    struct Outer {
        resume: Option<Value>,
    }
    let outer: Outer = serde_json::from_slice(bytes).ok()?;
    let block = outer.resume.filter(|v| !v.is_null())?;
    let left_out = |why: &str| format!("The resume in {file_name} was left out: {why}.");
    let Ok(block) = serde_json::from_value::<ResumeBlock>(block) else {
        return Some(Err(left_out("its details are damaged")));
    };
    let Some(pdf) = super::base64::decode(block.base64.as_bytes()) else {
        return Some(Err(left_out("its content is damaged")));
    };
    if pdf.len() != block.size {
        return Some(Err(left_out("its content is cut short or damaged")));
    }
    if let Err(e) = resume::check(&block.name, &pdf) {
        return Some(Err(format!("The resume in {file_name} was left out: {e}")));
    }
    Some(Ok(Resume {
        file: ResumeFile {
            name: block.name,
            size: pdf.len(),
            saved_on: block.saved_on,
        },
        bytes: pdf,
    }))
}

/// Reads a backup and says what importing it into `book` would change.
pub fn preview_backup_import(
    book: &Book,
    bytes: &[u8],
    file_name: &str,
) -> Result<ImportPreview, FormatError> {
    let text = text_of_up_to(bytes, file_name, MAX_BACKUP_BYTES)?;
    let (incoming, errors) = read(text, file_name)?;
    let mut preview = ImportPreview::new(file_name);
    preview.errors = errors;
    let index = BookIndex::new(book);
    for contact in stored_contacts(&incoming) {
        match index.contact(&contact.id) {
            Some(existing) if existing == &contact => {}
            Some(existing) if existing.updated_at > contact.updated_at => {}
            Some(_) => preview.updated.push(contact),
            None => preview.offer(&index, contact),
        }
    }
    preview.events = stored_events(&incoming)
        .into_iter()
        .filter(|e| book.event(&e.id).is_none())
        .collect();
    let (profile, dropped) = checked_profile(incoming.profile());
    let setup = (
        profile,
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
        preview.notes.extend(dropped);
    }
    Ok(preview)
}

/// The profile with any link that is not a web link left out, and a note per link.
fn checked_profile(profile: &Profile) -> (Profile, Vec<String>) {
    let mut profile = profile.clone();
    let mut notes = Vec::new();
    match web_link(&profile.resume_url) {
        Ok(url) => profile.resume_url = url,
        Err(e) => {
            notes.push(format!(
                "The resume link in this backup's profile was left out: {e}"
            ));
            profile.resume_url.clear();
        }
    }
    match LinkedIn::parse_optional(&profile.linkedin_url) {
        Ok(url) => profile.linkedin_url = url.map(|l| l.url().to_string()).unwrap_or_default(),
        Err(e) => {
            notes.push(format!(
                "The LinkedIn link in this backup's profile was left out: {e}"
            ));
            profile.linkedin_url.clear();
        }
    }
    (profile, notes)
}

/// `json` (a contact) without an email address or LinkedIn link that does not validate,
/// with a sentence per field left out; `None` when there was no such field to drop.
fn without_bad_links(json: &Value) -> Option<(Value, Vec<String>)> {
    let mut fixed = json.clone();
    let name = json
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("this contact");
    let mut dropped = Vec::new();
    let shown = |text: &str| -> String {
        let short: String = text.chars().take(60).collect();
        if short.len() < text.len() {
            format!("{short}…")
        } else {
            short
        }
    };
    if let Some(text) = json.get("linkedin").and_then(Value::as_str) {
        if let Err(e) = LinkedIn::parse(text) {
            dropped.push(format!(
                "the LinkedIn link of {name} (\u{201c}{}\u{201d}) was left out: {e}",
                shown(text)
            ));
            fixed["linkedin"] = Value::Null;
        }
    }
    if let Some(text) = json.get("email").and_then(Value::as_str) {
        if let Err(e) = Email::parse(text) {
            dropped.push(format!(
                "the email address of {name} (\u{201c}{}\u{201d}) was left out: {e}",
                shown(text)
            ));
            fixed["email"] = Value::Null;
        }
    }
    (!dropped.is_empty()).then_some((fixed, dropped))
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
            let error = |message: String| RowError::new(file, "contact", index + 1, message);
            if serde_json::from_value::<Contact>(json.clone()).is_err() {
                if let Some((fixed, dropped)) = without_bad_links(&json) {
                    if serde_json::from_value::<Contact>(fixed.clone()).is_ok() {
                        errors.extend(dropped.into_iter().map(error));
                        kept.push(fixed);
                        continue;
                    }
                }
            }
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

#[cfg(test)]
#[path = "backup_resume_tests.rs"]
mod resume_tests;
