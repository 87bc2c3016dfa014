//! The spreadsheet export: one row per contact, UTF-8 with a byte order mark so Excel
//! shows accents correctly, written with the `csv` crate (quoting, embedded line breaks).
//!
//! Columns, in order (`columns()`): one per field of `ContactField::ALL` that has a CSV
//! column, as the form types it (Name, Company, Title, Kind, Email, Phone, LinkedIn, Event
//! (its name), Met on (YYYY-MM-DD), Hook, Role, Really want (yes/no), Tags (joined with
//! "; "), Notes, Pronouns), then one column per playbook step in playbook order with its state
//! ("pending", "done 2026-11-20", "skipped 2026-11-20", "snoozed until 2026-12-01", or
//! empty when the step does not apply to the contact), Last interaction (YYYY-MM-DD) and
//! Id (the contact's id in Followup); then, added with outcomes, Referral (its state:
//! Asked, Introduced, Applied, Interviewing, Offer, Not now, or empty), Referral since
//! (YYYY-MM-DD), Introduced by and Introduced to (names joined with "; "), and Outcomes
//! (each "YYYY-MM-DD what", oldest first, joined with "; ").
//! Rows follow the contacts list: newest meeting first. No clock, no IO.
//!
//! Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with
//! `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so a contact named
//! `=HYPERLINK(…)` could run code on the student's computer. Every cell of every column
//! that begins with one of those characters is written with a leading `'`, which makes
//! Excel, LibreOffice and Google Sheets show it as text (a phone number `+1 555 0100` is
//! written `'+1 555 0100`). So that reading a cell back is exact, a cell that already
//! begins with `'`s followed by one of those characters gets one more `'`; `unescape_cell`
//! (used by every CSV this app reads) removes exactly that one `'`, so
//! `unescape_cell(escape_cell(s)) == s` for every `s`.

use crate::domain::book::Book;
use crate::domain::contact::{Contact, ContactId, NewContact};
use crate::domain::contact_field::ContactField;
use crate::domain::dates::iso;
use crate::domain::outcome;
use crate::domain::playbook::applies;
use crate::domain::step::{Step, StepState};

/// The columns after the contact's fields.
const FOLLOW_UP_COLUMNS: [&str; 12] = [
    "Connect on LinkedIn",
    "Send the follow-up email",
    "Send a LinkedIn message",
    "Ask for an intro to a recruiter",
    "Keep in touch",
    "Last interaction",
    "Id",
    "Referral",
    "Referral since",
    "Introduced by",
    "Introduced to",
    "Outcomes",
];

/// The fields with a column, in the table's order.
pub fn field_columns() -> impl Iterator<Item = (ContactField, &'static str)> {
    ContactField::ALL
        .into_iter()
        .filter_map(|f| f.csv().map(|column| (f, column)))
}

/// The header row.
pub fn columns() -> Vec<&'static str> {
    field_columns()
        .map(|(_, column)| column)
        .chain(FOLLOW_UP_COLUMNS)
        .collect()
}

/// The CSV file's text, starting with the UTF-8 byte order mark.
pub fn export_csv(book: &Book) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer
        .write_record(columns())
        .expect("writing to memory cannot fail");
    for contact in book.contacts() {
        writer
            .write_record(
                row(book, contact)
                    .iter()
                    .map(|cell| escape_cell(cell).as_bytes().to_vec()),
            )
            .expect("writing to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    let text = String::from_utf8(bytes).expect("the csv crate writes the UTF-8 it is given");
    format!("\u{feff}{text}")
}

/// A field's cell: the event by its name, tags joined with "; ", anything else as the form
/// types it.
pub fn cell(book: &Book, field: ContactField, fields: &NewContact) -> String {
    match field {
        ContactField::Event => fields
            .event
            .as_ref()
            .and_then(|e| book.event(e))
            .map(|e| e.name.clone())
            .unwrap_or_default(),
        ContactField::Tags => fields.tags.join("; "),
        _ => field.text(fields),
    }
}

fn row(book: &Book, c: &Contact) -> Vec<String> {
    let fields = c.fields();
    let mut row: Vec<String> = field_columns()
        .map(|(field, _)| cell(book, field, &fields))
        .collect();
    for step in Step::PLAYBOOK {
        row.push(if applies(c, step) {
            state_text(c.steps.get(step))
        } else {
            String::new()
        });
    }
    row.push(c.last_interaction().map(iso).unwrap_or_default());
    row.push(c.id.to_string());
    let referral = book.referral(c);
    row.push(
        referral
            .map(|r| r.state.label().to_string())
            .unwrap_or_default(),
    );
    row.push(referral.map(|r| iso(r.since)).unwrap_or_default());
    let name = |id: &ContactId| book.contact(id).map(|c| c.name.clone()).unwrap_or_default();
    let names = |ids: Vec<&ContactId>| {
        ids.into_iter()
            .map(name)
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
    };
    row.push(names(outcome::introduced_by(c)));
    row.push(names(outcome::introduced_to(c)));
    row.push(
        c.interactions
            .iter()
            .filter_map(|i| {
                let what = i.outcome.as_ref()?.describe(name);
                Some(format!("{} {what}", iso(i.on)))
            })
            .collect::<Vec<_>>()
            .join("; "),
    );
    row
}

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `cell` is `'`* followed by a formula character.
fn needs_guard(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_START)
}

/// The cell as written: with one more leading `'` if a spreadsheet could read it as a
/// formula (see the module header).
pub fn escape_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_guard(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The cell as it was before `escape_cell`: one leading `'` fewer when what follows the
/// `'`s is a formula character; anything else unchanged.
pub fn unescape_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

/// A step's stored state in words a spreadsheet can sort.
pub fn state_text(state: StepState) -> String {
    match state {
        StepState::Pending => "pending".into(),
        StepState::Done(on) => format!("done {}", iso(on)),
        StepState::Skipped(on) => format!("skipped {}", iso(on)),
        StepState::Snoozed(until) => format!("snoozed until {}", iso(until)),
    }
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
