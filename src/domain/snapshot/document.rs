//! The whole book as one JSON document: the backup file, and what storage version 1 kept
//! under `LEGACY_KEY`. Pure text to book and back; no storage.

use serde::{Deserialize, Serialize};

use super::{version_in, SnapshotError, DOCUMENT_VERSION};
use crate::domain::book::Book;
use crate::domain::contact::Contact;
use crate::domain::event::Event;
use crate::domain::profile::Profile;
use crate::domain::settings::Settings;
use crate::domain::templates::Templates;

// The document's fields are spelled out rather than `#[serde(flatten)]`ed from `Book`:
// flatten makes serde buffer every value through a generic map, which cost ~30 KB of wasm
// and a slower load.
#[derive(Serialize)]
pub(super) struct DocumentOut<'a> {
    version: u32,
    contacts: &'a [Contact],
    events: &'a [Event],
    profile: &'a Profile,
    templates: &'a Templates,
    settings: &'a Settings,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DocumentIn {
    contacts: Vec<Contact>,
    events: Vec<Event>,
    profile: Profile,
    templates: Templates,
    settings: Settings,
}

pub(super) fn document(book: &Book) -> DocumentOut<'_> {
    DocumentOut {
        version: DOCUMENT_VERSION,
        contacts: &book.contacts,
        events: &book.events,
        profile: &book.profile,
        templates: &book.templates,
        settings: &book.settings,
    }
}

/// The whole book as one compact JSON document.
pub fn encode(book: &Book) -> String {
    serde_json::to_string(&document(book)).expect("a book always serialises to JSON")
}

/// The whole book as one pretty-printed JSON document (the backup file).
pub fn encode_pretty(book: &Book) -> String {
    pretty(&encode(book))
}

/// Compact JSON (as `serde_json::to_string` writes it) laid out exactly as
/// `serde_json::to_string_pretty` would: two-space indents, `": "`, and `[]`/`{}` when
/// empty. Re-laying out the compact text, rather than serialising a second time with the
/// pretty formatter, keeps a second copy of every type's serialiser out of the wasm.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                while let Some(c) = chars.next() {
                    out.push(c);
                    match c {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
    out
}

/// Reads a whole-book document (a backup, or storage version 1).
pub fn decode(text: &str) -> Result<Book, SnapshotError> {
    version_in(text, DOCUMENT_VERSION)?;
    let doc: DocumentIn =
        serde_json::from_str(text).map_err(|e| SnapshotError::WrongShape(e.to_string()))?;
    Ok(Book {
        contacts: doc.contacts,
        events: doc.events,
        profile: doc.profile,
        templates: doc.templates,
        settings: doc.settings,
    })
}
