//! The keyed layout's keys: what the meta key, a shard (storage version 3) and a contact
//! key (version 2) hold, and how each is written and read. Which keys a save writes is
//! `save`'s business.
//!
//! A shard holds the contacts whose id hashes to it ([`shard_of`]), one JSON record per
//! line (the contact as serde writes it, or a tombstone `{"id":…,"deleted_at":ms}`),
//! packed by `pack`. Records stay plain serde JSON so that the stored shape follows the
//! `Contact` type's fields without a second description of them.

use serde::{Deserialize, Serialize};

use super::pack::{pack, unpack};
use super::{
    version_in, SnapshotError, CONTACT_PREFIX, LEGACY_KEY, META_KEY, SHARDS, SHARD_PREFIX, VERSION,
};
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

impl MetaIn {
    /// The book with this meta key and `contacts`.
    pub(super) fn into_book(self, contacts: Vec<Contact>) -> Book {
        Book {
            contacts,
            events: self.events,
            profile: self.profile,
            templates: self.templates,
            settings: self.settings,
        }
    }
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

/// A tombstone inside a shard, which names its contact.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShardTombstone {
    id: String,
    deleted_at: i64,
}

/// Whether `key` holds part of the book (and not, say, a backup or a UI hint).
pub fn is_data_key(key: &str) -> bool {
    key == META_KEY
        || key == LEGACY_KEY
        || key == super::JOURNAL_KEY
        || key.starts_with(CONTACT_PREFIX)
        || key.starts_with(SHARD_PREFIX)
        || key.starts_with(super::DIGEST_PREFIX)
}

/// The shard a contact is stored in: FNV-1a of its id, modulo [`SHARDS`]. Every tab and
/// every version 3 agree on it, so a contact is always in the same key.
pub fn shard_of(id: &ContactId) -> u32 {
    let hash = id.as_str().bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash % u64::from(SHARDS)) as u32
}

/// The key of shard `n`.
pub fn shard_key(n: u32) -> String {
    format!("{SHARD_PREFIX}{n:02}")
}

/// The shard number a key names, if it is a shard key.
pub(super) fn shard_number(key: &str) -> Option<u32> {
    let n: u32 = key.strip_prefix(SHARD_PREFIX)?.parse().ok()?;
    (n < SHARDS && shard_key(n) == key).then_some(n)
}

/// The keys of `obsolete` (version 2's contact keys) whose contacts live in the shard
/// `written`: once that shard is written they may be removed, which frees room for the
/// next shard when a migration runs close to the quota.
pub fn obsolete_in<'a>(written: &str, obsolete: &'a [String]) -> Vec<&'a str> {
    let Some(shard) = shard_number(written) else {
        return Vec::new();
    };
    obsolete
        .iter()
        .filter(|key| {
            key.strip_prefix(CONTACT_PREFIX)
                .is_some_and(|id| shard_of(&ContactId::new(id)) == shard)
        })
        .map(String::as_str)
        .collect()
}

/// A shard's line for a live contact.
pub(super) fn contact_line(contact: &Contact) -> String {
    encode_contact(contact)
}

/// A shard's line for a tombstone.
pub(super) fn tombstone_line(id: &ContactId, deleted_at: i64) -> String {
    serde_json::to_string(&ShardTombstone {
        id: id.to_string(),
        deleted_at,
    })
    .expect("a tombstone serialises")
}

/// A shard's stored text: its lines, packed.
pub(super) fn encode_shard(lines: &[String]) -> String {
    pack(&lines.join("\n"))
}

/// One line of a shard: the contact it is about and what it holds, or why it is unreadable.
pub(super) type Line = Result<(ContactId, Record), (String, String)>;

/// A shard's records, or why its text cannot be unpacked at all. A line that cannot be
/// read comes back as `Err((line, reason))`.
pub(super) fn decode_shard(text: &str) -> Result<Vec<Line>, String> {
    let lines = unpack(text)?;
    Ok(lines
        .split('\n')
        .filter(|line| !line.is_empty())
        .map(|line| decode_line(line).map_err(|reason| (line.to_string(), reason)))
        .collect())
}

fn decode_line(line: &str) -> Result<(ContactId, Record), String> {
    if line.len() < 160 && line.contains("\"deleted_at\"") {
        if let Ok(t) = serde_json::from_str::<ShardTombstone>(line) {
            return Ok((
                ContactId::new(t.id),
                Record::Deleted(Tombstone {
                    deleted_at: t.deleted_at,
                }),
            ));
        }
    }
    let contact: Contact = serde_json::from_str(line).map_err(|e| e.to_string())?;
    Ok((contact.id.clone(), Record::Live(Box::new(contact))))
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

/// The meta key's content and the storage version it was written in (2 or 3).
pub(super) fn decode_meta(text: &str) -> Result<(MetaIn, u32), SnapshotError> {
    let version = version_in(text, VERSION)?;
    if version < 2 {
        return Err(SnapshotError::WrongShape(format!(
            "the meta key never had version {version}"
        )));
    }
    let meta = serde_json::from_str(text).map_err(|e| SnapshotError::WrongShape(e.to_string()))?;
    Ok((meta, version))
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
