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
struct DocumentOut<'a> {
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

fn document(book: &Book) -> DocumentOut<'_> {
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
    serde_json::to_string_pretty(&document(book)).expect("a book always serialises to JSON")
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
