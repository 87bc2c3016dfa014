//! LinkedIn's `Connections.csv` (Settings → Data privacy → Get a copy of your data →
//! Connections), and what importing it would change.
//!
//! The real file starts with a few "Notes:" lines before the header
//! `First Name,Last Name,URL,Email Address,Company,Position,Connected On`; dates look like
//! `12 Nov 2024`; most emails are empty. The header is found wherever it is; First Name,
//! Last Name and URL are required, the other columns are read when present. A row with a
//! bad email, URL or date keeps its other fields and gets a `RowError`; a row without a
//! name, or cut short, is skipped with one. A cell guarded against formula injection
//! (`'=…`, see `csv`) is read without its guard.
//!
//! Matching: a connection whose normalised LinkedIn URL is already on a contact marks that
//! contact's "connect on LinkedIn" step done (as `Command::MarkDone`, on the connection
//! date); the others are proposed as new contacts, already connected, unless their email
//! is on a contact (then they are shown as possible duplicates). Pure; ids, today and the
//! edit time are arguments.
//!
//! A new contact has met you on the connection date, and its "connect" step is done on
//! that date. A connection made more than `FRESH_DAYS` days before the import's `today`
//! is old: its follow-up email (due 1–3 days after meeting) and bonus LinkedIn message no
//! longer make sense, so both are marked skipped on `today`, and the preview says so in a
//! note. Keep-in-touch and the referral stay pending and come due from `today`, so a
//! file of several hundred old connections does not flood the agenda with overdue steps.

use chrono::NaiveDate;

use super::csv::unescape_cell;
use std::collections::HashSet;

use super::preview::{BookIndex, ImportPreview};
use super::{text_of, FormatError, RowError};
use crate::domain::book::Book;
use crate::domain::command::Command;
use crate::domain::contact::{Contact, ContactId, NewContact};
use crate::domain::email::Email;
use crate::domain::interaction::{Interaction, InteractionKind};
use crate::domain::linkedin::LinkedIn;
use crate::domain::step::{Step, StepState};

/// One row of `Connections.csv`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Connection {
    /// The row's number in the file (as a spreadsheet numbers it).
    pub row: usize,
    pub first_name: String,
    pub last_name: String,
    pub linkedin: Option<LinkedIn>,
    pub email: Option<Email>,
    pub company: String,
    pub position: String,
    pub connected_on: Option<NaiveDate>,
}

impl Connection {
    /// "First Last", trimmed.
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name.trim(), self.last_name.trim())
            .trim()
            .to_string()
    }
}

/// A connection made more than this many days before the import is old: its first
/// follow-ups are marked skipped.
pub const FRESH_DAYS: i64 = 14;

const REQUIRED: [&str; 3] = ["First Name", "Last Name", "URL"];

/// Reads the file. Row errors are returned beside the connections that were read.
pub fn import_linkedin_connections(
    bytes: &[u8],
    file_name: &str,
) -> Result<(Vec<Connection>, Vec<RowError>), FormatError> {
    let text = text_of(bytes, file_name)?;
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header: Option<(usize, Vec<String>)> = None;
    let mut connections = Vec::new();
    let mut errors = Vec::new();
    let error = |row: usize, message: String| RowError::new(file_name, "row", row, message);
    for result in reader.records() {
        let record = match result {
            Ok(record) => record,
            Err(e) => {
                let row = e.position().map(|p| line_at(text, p.byte())).unwrap_or(0);
                errors.push(error(
                    row,
                    format!("this row could not be read ({e}); it was skipped."),
                ));
                continue;
            }
        };
        let row = record
            .position()
            .map(|p| line_at(text, p.byte()))
            .unwrap_or(0);
        let Some((_, columns)) = &header else {
            let names: Vec<String> = record.iter().map(|f| f.trim().to_string()).collect();
            let is_header = names.iter().any(|n| n.eq_ignore_ascii_case("First Name"))
                && names.iter().any(|n| n.eq_ignore_ascii_case("URL"));
            if is_header {
                let missing: Vec<String> = REQUIRED
                    .iter()
                    .filter(|r| !names.iter().any(|n| n.eq_ignore_ascii_case(r)))
                    .map(|r| r.to_string())
                    .collect();
                if !missing.is_empty() {
                    return Err(FormatError::MissingColumns {
                        file: file_name.to_string(),
                        line: Some(row),
                        missing,
                    });
                }
                header = Some((row, names));
            }
            continue;
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() < columns.len() {
            errors.push(error(
                row,
                format!(
                    "this row has {} of the {} columns (it may be cut off), so it was skipped.",
                    record.len(),
                    columns.len()
                ),
            ));
            continue;
        }
        let get = |name: &str| -> String {
            columns
                .iter()
                .position(|c| c.eq_ignore_ascii_case(name))
                .and_then(|i| record.get(i))
                .map(unescape_cell)
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let mut connection = Connection {
            row,
            first_name: get("First Name"),
            last_name: get("Last Name"),
            company: get("Company"),
            position: get("Position"),
            ..Connection::default()
        };
        if connection.name().is_empty() {
            errors.push(error(
                row,
                "this row has no name, so it was skipped.".into(),
            ));
            continue;
        }
        let who = connection.name();
        let url = get("URL");
        if !url.is_empty() {
            match LinkedIn::parse(&url) {
                Ok(profile) => connection.linkedin = Some(profile),
                Err(e) => errors.push(error(
                    row,
                    format!("the profile link for {who} was left out: {e}"),
                )),
            }
        }
        let email = get("Email Address");
        if !email.is_empty() {
            match Email::parse(&email) {
                Ok(address) => connection.email = Some(address),
                Err(e) => errors.push(error(
                    row,
                    format!("the email address for {who} was left out: {e}"),
                )),
            }
        }
        let date = get("Connected On");
        if !date.is_empty() {
            match parse_date(&date) {
                Some(on) => connection.connected_on = Some(on),
                None => errors.push(error(
                    row,
                    format!(
                        "the date \u{201c}{date}\u{201d} for {who} was not understood \
                         (expected a date like 12 Nov 2024), so today is used."
                    ),
                )),
            }
        }
        connections.push(connection);
    }
    if header.is_none() {
        return Err(FormatError::MissingColumns {
            file: file_name.to_string(),
            line: None,
            missing: REQUIRED.iter().map(|r| r.to_string()).collect(),
        });
    }
    Ok((connections, errors))
}

/// The 1-based line of a byte offset (the csv crate's own count skips blank lines).
fn line_at(text: &str, byte: u64) -> usize {
    let bytes = text.as_bytes();
    let mut end = (byte as usize).min(bytes.len());
    // With CRLF the reported start can be the `\n` that ends the previous line.
    while end < bytes.len() && (bytes[end] == b'\r' || bytes[end] == b'\n') {
        end += 1;
    }
    1 + bytes[..end].iter().filter(|b| **b == b'\n').count()
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `12 Nov 2024` (LinkedIn's form, also with a full month name) or `2024-11-12`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    if let Some(date) = crate::domain::dates::parse_iso(text) {
        return Some(date);
    }
    let mut parts = text.split([' ', '-']).filter(|p| !p.is_empty());
    let day: u32 = parts.next()?.parse().ok()?;
    let month = parts.next()?.to_ascii_lowercase();
    let year: i32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || month.len() < 3 || !month.is_ascii() {
        return None;
    }
    let index = MONTHS.iter().position(|m| month.starts_with(m))?;
    NaiveDate::from_ymd_opt(year, index as u32 + 1, day)
}

/// What importing `connections` would change. `new_id` names each proposed contact;
/// `today` stands in for a missing connection date; `at` is the edit time (milliseconds
/// since the Unix epoch). `errors` are the row errors from reading the file.
pub fn plan_linkedin_import(
    book: &Book,
    file_name: &str,
    connections: Vec<Connection>,
    errors: Vec<RowError>,
    mut new_id: impl FnMut() -> String,
    today: NaiveDate,
    at: i64,
) -> ImportPreview {
    let mut preview = ImportPreview::new(file_name);
    preview.errors = errors;
    let index = BookIndex::new(book);
    // Looked up, not scanned: a preview stays linear in the file and the book.
    let mut marked: HashSet<ContactId> = HashSet::new();
    let mut proposed: HashSet<LinkedIn> = HashSet::new();
    let mut older = 0;
    for connection in connections {
        let on = connection.connected_on.unwrap_or(today);
        let existing = connection
            .linkedin
            .as_ref()
            .and_then(|profile| index.with_linkedin(profile));
        if let Some(existing) = existing {
            if !matches!(existing.steps.connect, StepState::Done(_))
                && marked.insert(existing.id.clone())
            {
                preview.commands.push(Command::MarkDone {
                    contact: existing.id.clone(),
                    step: Step::Connect,
                    on,
                    at,
                });
            }
            continue;
        }
        let repeated = connection
            .linkedin
            .as_ref()
            .is_some_and(|profile| proposed.contains(profile));
        if repeated {
            continue;
        }
        let mut contact = Contact::new(NewContact {
            id: ContactId::new(new_id()),
            name: connection.name(),
            company: connection.company.clone(),
            title: connection.position.clone(),
            email: connection.email.clone(),
            linkedin: connection.linkedin.clone(),
            met_on: on,
            updated_at: at,
            ..NewContact::default()
        });
        contact.steps.connect = StepState::Done(on);
        contact.interactions.push(Interaction {
            on,
            kind: InteractionKind::Step(Step::Connect),
            note: String::new(),
            outcome: None,
        });
        let old = (today - on).num_days() > FRESH_DAYS;
        if old {
            contact.steps.email = StepState::Skipped(today);
            contact.steps.bonus_message = StepState::Skipped(today);
        }
        let before = preview.new.len();
        preview.offer(&index, contact);
        if preview.new.len() > before {
            proposed.extend(preview.new[before].linkedin.clone());
            older += usize::from(old);
        }
    }
    if older > 0 {
        preview.notes.push(older_note(older));
    }
    preview
}

/// The preview's note about old connections.
fn older_note(older: usize) -> String {
    let (who, their) = if older == 1 {
        ("1 older connection".to_string(), "its")
    } else {
        (format!("{older} older connections"), "their")
    };
    format!(
        "{who}: {their} first follow-ups are marked as skipped (the email and the LinkedIn \
         message, since you connected more than {FRESH_DAYS} days ago). Keep-in-touch \
         reminders stay on."
    )
}

#[cfg(test)]
#[path = "linkedin_csv_tests.rs"]
mod tests;
