//! The keyed layout's keys (storage version 2): what a contact key and the meta key hold,
//! and how each is written and read. Which keys a save writes is `save`'s business.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{version_of, SnapshotError, CONTACT_PREFIX, LEGACY_KEY, META_KEY, VERSION};
use crate::domain::book::Book;
use crate::domain::contact::{Contact, ContactId};
use crate::domain::event::Event;
use crate::domain::profile::Profile;
use crate::domain::settings::Settings;
use crate::domain::templates::Templates;

#[derive(Serialize)]
pub(super) struct MetaOut<'a> {
    version: u32,
    events: &'a [Event],
    profile: &'a Profile,
    templates: &'a Templates,
    settings: &'a Settings,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct MetaIn {
    pub(super) events: Vec<Event>,
    pub(super) profile: Profile,
    pub(super) templates: Templates,
    pub(super) settings: Settings,
}

/// What a contact's key holds.
pub(super) enum Record {
    Deleted(Tombstone),
    Live(Box<Contact>),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Tombstone {
    pub(super) deleted_at: i64,
}

/// Whether `key` holds part of the book (and not, say, a backup or a UI hint).
pub fn is_data_key(key: &str) -> bool {
    key == META_KEY || key == LEGACY_KEY || key.starts_with(CONTACT_PREFIX)
}

/// The key that holds one contact.
pub fn contact_key(id: &ContactId) -> String {
    format!("{CONTACT_PREFIX}{id}")
}

pub(super) fn encode_meta(book: &Book) -> String {
    serde_json::to_string(&MetaOut {
        version: VERSION,
        events: &book.events,
        profile: &book.profile,
        templates: &book.templates,
        settings: &book.settings,
    })
    .expect("the book's meta always serialises")
}

pub(super) fn decode_meta(text: &str) -> Result<MetaIn, SnapshotError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| SnapshotError::NotJson(e.to_string()))?;
    let version = version_of(&value, VERSION)?;
    if version < 2 {
        return Err(SnapshotError::WrongShape(format!(
            "the meta key never had version {version}"
        )));
    }
    serde_json::from_value(value).map_err(|e| SnapshotError::WrongShape(e.to_string()))
}

pub(super) fn encode_contact(contact: &Contact) -> String {
    serde_json::to_string(contact).expect("a contact always serialises")
}

pub(super) fn decode_record(text: &str) -> Result<Record, String> {
    // Told apart by a look at the text rather than `#[serde(untagged)]`, which buffers
    // every contact through a generic value first: loading 20,000 contacts is twice as fast.
    let tombstone = text.len() < 64 && text.contains("\"deleted_at\"");
    if tombstone {
        if let Ok(t) = serde_json::from_str::<Tombstone>(text) {
            return Ok(Record::Deleted(t));
        }
    }
    serde_json::from_str::<Contact>(text)
        .map(|c| Record::Live(Box::new(c)))
        .map_err(|e| e.to_string())
}
