//! How the book is laid out in storage, and how stored text becomes a book again.
//!
//! Two shapes exist:
//! - the **document**: the whole book as one JSON object, `{"version": 1, "contacts": [...],
//!   "events": [...], ...}`. Backups are documents, and storage version 1 kept one under
//!   [`LEGACY_KEY`];
//! - the **keyed layout** (storage version 2, [`VERSION`]): one key per contact
//!   (`followup.c.<id>`, holding the contact or a tombstone `{"deleted_at": ms}`) and one
//!   meta key ([`META_KEY`]) with the version, events, profile, templates and settings. A
//!   save writes only the contacts that changed, and another tab's change arrives as one
//!   key, merged by [`merge_remote`]: per contact, the later `updated_at` wins; a delete
//!   wins over edits older than it.
//!
//! [`decode_keys`] reads every key of either version (migrating version 1 forward) and
//! tells apart data it cannot read — broken JSON, a wrong shape, or a newer version, which
//! must never be overwritten. [`plan`] turns "what changed" into the writes to make.
//! Nothing here touches storage; `storage.rs` does.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::book::Book;
use super::contact::{Contact, ContactId};
use super::event::Event;
use super::profile::Profile;
use super::settings::Settings;
use super::templates::Templates;

/// The one key of storage version 1 (a whole document).
pub const LEGACY_KEY: &str = "followup.v1";
/// The meta key of the keyed layout: version, events, profile, templates, settings.
pub const META_KEY: &str = "followup.meta";
/// Each contact's key is this prefix and its id.
pub const CONTACT_PREFIX: &str = "followup.c.";
/// Every key the app owns starts with this.
pub const KEY_PREFIX: &str = "followup.";

/// The storage version written in the meta key.
pub const VERSION: u32 = 2;
/// The version of the whole-book document (backups).
pub const DOCUMENT_VERSION: u32 = 1;

/// Why stored data could not be read. The stored text must be kept, not overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// The text is not JSON at all.
    NotJson(String),
    /// JSON, but not Followup data (or damaged data).
    WrongShape(String),
    /// Written by a newer version of Followup than this one.
    Newer(u32),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotJson(detail) => write!(
                f,
                "Your saved contacts could not be read (the data is damaged: {detail}). \
                 They were kept as they are."
            ),
            SnapshotError::WrongShape(detail) => write!(
                f,
                "Your saved contacts are not in the expected format ({detail}). \
                 They were kept as they are."
            ),
            SnapshotError::Newer(version) => write!(
                f,
                "Your contacts were saved by a newer version of Followup (data format \
                 {version}). Reload the page to update."
            ),
        }
    }
}

impl std::error::Error for SnapshotError {}

// ---------------------------------------------------------------------------------------
// The document (backups, storage version 1)

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
    let value: Value =
        serde_json::from_str(text).map_err(|e| SnapshotError::NotJson(e.to_string()))?;
    version_of(&value, DOCUMENT_VERSION)?;
    let doc: DocumentIn =
        serde_json::from_value(value).map_err(|e| SnapshotError::WrongShape(e.to_string()))?;
    Ok(Book {
        contacts: doc.contacts,
        events: doc.events,
        profile: doc.profile,
        templates: doc.templates,
        settings: doc.settings,
    })
}

/// The `version` of a stored object, refused when missing, zero or above `newest`.
fn version_of(value: &Value, newest: u32) -> Result<u32, SnapshotError> {
    let Some(object) = value.as_object() else {
        return Err(SnapshotError::WrongShape("expected an object".into()));
    };
    let version = match object.get("version").and_then(Value::as_u64) {
        Some(v) => u32::try_from(v).unwrap_or(u32::MAX),
        None => return Err(SnapshotError::WrongShape("no version number".into())),
    };
    if version > newest {
        return Err(SnapshotError::Newer(version));
    }
    if version == 0 {
        return Err(SnapshotError::WrongShape("version 0 does not exist".into()));
    }
    Ok(version)
}

// ---------------------------------------------------------------------------------------
// The keyed layout (storage version 2)

#[derive(Serialize)]
struct MetaOut<'a> {
    version: u32,
    events: &'a [Event],
    profile: &'a Profile,
    templates: &'a Templates,
    settings: &'a Settings,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MetaIn {
    events: Vec<Event>,
    profile: Profile,
    templates: Templates,
    settings: Settings,
}

/// What a contact's key holds.
enum Record {
    Deleted(Tombstone),
    Live(Box<Contact>),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tombstone {
    deleted_at: i64,
}

/// Whether `key` holds part of the book (and not, say, a backup or a UI hint).
pub fn is_data_key(key: &str) -> bool {
    key == META_KEY || key == LEGACY_KEY || key.starts_with(CONTACT_PREFIX)
}

/// The key that holds one contact.
pub fn contact_key(id: &ContactId) -> String {
    format!("{CONTACT_PREFIX}{id}")
}

fn encode_meta(book: &Book) -> String {
    serde_json::to_string(&MetaOut {
        version: VERSION,
        events: &book.events,
        profile: &book.profile,
        templates: &book.templates,
        settings: &book.settings,
    })
    .expect("the book's meta always serialises")
}

fn decode_meta(text: &str) -> Result<MetaIn, SnapshotError> {
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

fn encode_contact(contact: &Contact) -> String {
    serde_json::to_string(contact).expect("a contact always serialises")
}

fn decode_record(text: &str) -> Result<Record, String> {
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

/// What storage holds for one contact, as far as this tab knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stamp {
    /// The contact, last changed at this time.
    Live(i64),
    /// A tombstone: deleted at this time.
    Deleted(i64),
}

/// What this tab last wrote or read for each key, so a save writes only what changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    contacts: HashMap<ContactId, Stamp>,
    meta: Option<String>,
}

/// Which contacts changed since the last successful save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dirty {
    /// These contacts (added, changed or deleted).
    Contacts(BTreeSet<ContactId>),
    /// Possibly every contact (after an import, a migration or a failed save).
    All,
}

impl Default for Dirty {
    fn default() -> Dirty {
        Dirty::Contacts(BTreeSet::new())
    }
}

impl Dirty {
    /// Adds contacts to the set.
    pub fn add(&mut self, ids: impl IntoIterator<Item = ContactId>) {
        if let Dirty::Contacts(set) = self {
            set.extend(ids);
        }
    }

    /// Adds everything in `other`.
    pub fn absorb(&mut self, other: Dirty) {
        match other {
            Dirty::All => *self = Dirty::All,
            Dirty::Contacts(ids) => self.add(ids),
        }
    }
}

/// The writes one save makes, in order (contacts first, the meta key last), and what
/// [`Saved`] becomes once they all succeeded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub writes: Vec<(String, String)>,
    stamps: Vec<(ContactId, Stamp)>,
    meta: Option<String>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }
}

impl Saved {
    /// Records a plan whose writes all succeeded.
    pub fn commit(&mut self, plan: Plan) {
        self.contacts.extend(plan.stamps);
        if plan.meta.is_some() {
            self.meta = plan.meta;
        }
    }

    /// How many contact keys (live or tombstones) this tab knows of.
    pub fn len(&self) -> usize {
        self.contacts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.contacts.is_empty() && self.meta.is_none()
    }
}

/// The writes that bring storage from `saved` to `book`, given which contacts changed.
/// A contact that is gone from the book but stored becomes a tombstone dated `now`.
pub fn plan(book: &Book, saved: &Saved, dirty: &Dirty, now: i64) -> Plan {
    let mut plan = Plan::default();
    let write_contact = |plan: &mut Plan, contact: &Contact| {
        plan.writes
            .push((contact_key(&contact.id), encode_contact(contact)));
        plan.stamps
            .push((contact.id.clone(), Stamp::Live(contact.updated_at)));
    };
    let tombstone = |plan: &mut Plan, id: &ContactId| {
        let text =
            serde_json::to_string(&Tombstone { deleted_at: now }).expect("a tombstone serialises");
        plan.writes.push((contact_key(id), text));
        plan.stamps.push((id.clone(), Stamp::Deleted(now)));
    };
    match dirty {
        Dirty::All => {
            for contact in &book.contacts {
                write_contact(&mut plan, contact);
            }
            let live: BTreeSet<&ContactId> = book.contacts.iter().map(|c| &c.id).collect();
            let mut gone: Vec<&ContactId> = saved
                .contacts
                .iter()
                .filter(|(id, stamp)| matches!(stamp, Stamp::Live(_)) && !live.contains(id))
                .map(|(id, _)| id)
                .collect();
            gone.sort();
            for id in gone {
                tombstone(&mut plan, id);
            }
        }
        Dirty::Contacts(ids) => {
            for id in ids {
                match book.contact(id) {
                    Some(contact) => write_contact(&mut plan, contact),
                    None => {
                        if matches!(saved.contacts.get(id), Some(Stamp::Live(_))) {
                            tombstone(&mut plan, id);
                        }
                    }
                }
            }
        }
    }
    let meta = encode_meta(book);
    if saved.meta.as_deref() != Some(meta.as_str()) {
        plan.writes.push((META_KEY.to_string(), meta.clone()));
        plan.meta = Some(meta);
    }
    plan
}

/// Every key and value a fresh save of `book` writes (for seeding storage in tests and
/// benchmarks).
pub fn encode_keys(book: &Book) -> Vec<(String, String)> {
    plan(book, &Saved::default(), &Dirty::All, 0).writes
}

/// A key whose text could not be read; it is kept (backed up) and reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

/// Everything read from storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    pub book: Book,
    pub saved: Saved,
    /// Contact keys that could not be read: left out of the book, reported to the user.
    pub unreadable: Vec<Unreadable>,
    /// The storage version the data was written in, when older than [`VERSION`]: the
    /// whole book must be written in the current layout (`Dirty::All`), then
    /// [`Stored::obsolete`] removed.
    pub migrated_from: Option<u32>,
    /// Keys of an older layout that a finished migration left behind; safe to remove.
    pub obsolete: Vec<String>,
}

/// Reads the app's keys (any others are ignored). `Ok(None)` when nothing is stored.
/// An error means the whole data is unreadable (the meta key or a version-1 document is
/// broken or newer): nothing may be written until the user has had a chance to keep it.
pub fn decode_keys<I, K, V>(entries: I) -> Result<Option<Stored>, SnapshotError>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut meta = None;
    let mut legacy = None;
    let mut records = Vec::new();
    for (key, value) in entries {
        let (key, value) = (key.as_ref(), value.as_ref());
        if key == META_KEY {
            meta = Some(value.to_string());
        } else if key == LEGACY_KEY {
            legacy = Some(value.to_string());
        } else if let Some(id) = key.strip_prefix(CONTACT_PREFIX) {
            records.push((id.to_string(), key.to_string(), value.to_string()));
        }
    }
    match (meta, legacy) {
        (Some(meta), legacy) => {
            // A version-1 document next to a meta key is what a migration leaves when the
            // page closed before the old key was removed: the keyed data is complete.
            let mut stored = read_keyed(&meta, records)?;
            stored.obsolete = legacy.map(|_| LEGACY_KEY.to_string()).into_iter().collect();
            Ok(Some(stored))
        }
        (None, Some(document)) => {
            // Version 1. Contact keys without a meta key are a migration that did not
            // finish; the document is still the truth, and rewriting replaces them.
            let book = decode(&document)?;
            Ok(Some(Stored {
                book,
                migrated_from: Some(1),
                obsolete: vec![LEGACY_KEY.to_string()],
                ..Stored::default()
            }))
        }
        (None, None) if records.is_empty() => Ok(None),
        (None, None) => Err(SnapshotError::WrongShape(format!(
            "{} contact entries but no {META_KEY} entry",
            records.len()
        ))),
    }
}

fn read_keyed(
    meta: &str,
    mut records: Vec<(String, String, String)>,
) -> Result<Stored, SnapshotError> {
    let MetaIn {
        events,
        profile,
        templates,
        settings,
    } = decode_meta(meta)?;
    // Keys come in the browser's order; ids are time-ordered, so sorting by id keeps the
    // order contacts were added in and makes loading deterministic.
    records.sort();
    let mut stored = Stored::default();
    stored.saved.meta = Some(meta.to_string());
    let mut contacts = Vec::with_capacity(records.len());
    for (id, key, raw) in records {
        match decode_record(&raw) {
            Ok(Record::Live(contact)) if contact.id.as_str() == id => {
                stored
                    .saved
                    .contacts
                    .insert(contact.id.clone(), Stamp::Live(contact.updated_at));
                contacts.push(*contact);
            }
            Ok(Record::Live(contact)) => stored.unreadable.push(Unreadable {
                key,
                raw,
                reason: format!("it holds the contact {} under another id", contact.id),
            }),
            Ok(Record::Deleted(t)) => {
                stored
                    .saved
                    .contacts
                    .insert(ContactId::new(id), Stamp::Deleted(t.deleted_at));
            }
            Err(reason) => stored.unreadable.push(Unreadable { key, raw, reason }),
        }
    }
    stored.book = Book {
        contacts,
        events,
        profile,
        templates,
        settings,
    };
    Ok(stored)
}

/// What a change made by another tab did here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Remote {
    /// Nothing to do (not our key, unreadable, or already known).
    Ignored,
    /// The book took the other tab's version.
    Applied,
    /// This tab's version is newer: the key must be written again (add the contact to the
    /// dirty set and save).
    KeepOurs(ContactId),
    /// The other tab runs a newer version of the app; this one must reload before saving.
    Newer(u32),
}

/// Merges one key written (`Some`) or removed (`None`) by another tab into `book`.
pub fn merge_remote(book: &mut Book, saved: &mut Saved, key: &str, value: Option<&str>) -> Remote {
    if key == META_KEY {
        let Some(text) = value else {
            return Remote::Ignored;
        };
        return match decode_meta(text) {
            Ok(meta) => {
                if saved.meta.as_deref() == Some(text) {
                    return Remote::Ignored;
                }
                book.events = meta.events;
                book.profile = meta.profile;
                book.templates = meta.templates;
                book.settings = meta.settings;
                saved.meta = Some(text.to_string());
                Remote::Applied
            }
            Err(SnapshotError::Newer(v)) => Remote::Newer(v),
            Err(_) => Remote::Ignored,
        };
    }
    let Some(id) = key.strip_prefix(CONTACT_PREFIX) else {
        return Remote::Ignored;
    };
    let id = ContactId::new(id);
    let local = book.contacts.iter().position(|c| c.id == id);
    let Some(text) = value else {
        // The key was removed (the other tab started fresh).
        saved.contacts.remove(&id);
        return match local {
            Some(i) => {
                book.contacts.remove(i);
                Remote::Applied
            }
            None => Remote::Ignored,
        };
    };
    match decode_record(text) {
        Err(_) => Remote::Ignored,
        Ok(Record::Live(theirs)) if theirs.id != id => Remote::Ignored,
        Ok(Record::Deleted(t)) => match local {
            Some(i) if book.contacts[i].updated_at > t.deleted_at => {
                saved
                    .contacts
                    .insert(id.clone(), Stamp::Deleted(t.deleted_at));
                Remote::KeepOurs(id)
            }
            Some(i) => {
                book.contacts.remove(i);
                saved.contacts.insert(id, Stamp::Deleted(t.deleted_at));
                Remote::Applied
            }
            None => {
                saved.contacts.insert(id, Stamp::Deleted(t.deleted_at));
                Remote::Ignored
            }
        },
        Ok(Record::Live(theirs)) => {
            let theirs = *theirs;
            match local {
                Some(i) => {
                    let ours = &book.contacts[i];
                    if *ours == theirs {
                        saved.contacts.insert(id, Stamp::Live(theirs.updated_at));
                        return Remote::Ignored;
                    }
                    let ours_wins = ours.updated_at > theirs.updated_at
                        || (ours.updated_at == theirs.updated_at
                            && encode_contact(ours).as_str() > text);
                    saved
                        .contacts
                        .insert(id.clone(), Stamp::Live(theirs.updated_at));
                    if ours_wins {
                        Remote::KeepOurs(id)
                    } else {
                        book.contacts[i] = theirs;
                        Remote::Applied
                    }
                }
                None => match saved.contacts.get(&id) {
                    Some(Stamp::Deleted(at)) if *at > theirs.updated_at => {
                        // Deleted here after their edit: the delete stands. Marking the
                        // key live makes the next save write the tombstone again.
                        saved
                            .contacts
                            .insert(id.clone(), Stamp::Live(theirs.updated_at));
                        Remote::KeepOurs(id)
                    }
                    _ => {
                        saved.contacts.insert(id, Stamp::Live(theirs.updated_at));
                        // Where loading would put it: contacts read back sorted by id.
                        let at = book.contacts.partition_point(|c| c.id < theirs.id);
                        book.contacts.insert(at, theirs);
                        Remote::Applied
                    }
                },
            }
        }
    }
}

#[cfg(test)]
#[path = "snapshot_tests.rs"]
mod tests;
