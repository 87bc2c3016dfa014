//! Reading every stored key back into a book: either storage version, the migration of
//! version 1, and the keys that cannot be read (kept and reported, never overwritten).

use super::keyed::{decode_meta, decode_record, MetaIn, Record};
use super::save::{Saved, Stamp};
use super::{decode, SnapshotError, CONTACT_PREFIX, LEGACY_KEY, META_KEY};
use crate::domain::book::Book;
use crate::domain::contact::ContactId;

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
