//! Reading every stored key back into a book: any storage version, the migrations of
//! versions 1 and 2, and the keys or lines that cannot be read (kept and reported, never
//! overwritten).
//!
//! Version 2's contact keys and version 3's shards are read together and merged per
//! contact (the later change wins, as between tabs): a migration from version 2 removes
//! each shard's old keys as soon as the shard is written, so a page closed half-way
//! leaves some contacts in each layout and loses none.

use std::collections::HashMap;

use super::digest::{digest_matches, digest_number};
use super::keyed::{decode_meta, decode_record, decode_shard, shard_number, Record};
use super::save::{Saved, Stamp};
use super::{decode, SnapshotError, CONTACT_PREFIX, LEGACY_KEY, META_KEY, SHARDS, VERSION};
use crate::domain::book::Book;
use crate::domain::contact::{Contact, ContactId};

/// A key (or one line of a shard) whose text could not be read; it is kept (backed up)
/// and reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub reason: String,
    /// Whether `raw` is the key's whole text, so the key may be removed once a copy is
    /// kept. A shard with one bad line keeps its key; the next save rewrites it.
    pub whole_key: bool,
}

/// Everything read from storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    pub book: Book,
    pub saved: Saved,
    /// Keys or lines that could not be read: left out of the book, reported to the user.
    pub unreadable: Vec<Unreadable>,
    /// The storage version the data was written in, when older than [`VERSION`]: the
    /// whole book must be written in the current layout (`Dirty::All`), then
    /// [`Stored::obsolete`] removed.
    pub migrated_from: Option<u32>,
    /// Keys of an older layout that a finished migration leaves behind; safe to remove
    /// once their contacts are written in the current layout.
    pub obsolete: Vec<String>,
    /// Contacts whose shard must be written again: it held a line that could not be read,
    /// or its digest is missing or does not match it.
    pub rewrite: Vec<ContactId>,
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
    decode_all(entries, true)
}

/// [`decode_keys`] of keys whose digests [`super::glance`] has just accepted: every one
/// matches its shard, so they are not decoded and checked a second time.
pub fn decode_glanced<I, K, V>(entries: I) -> Result<Option<Stored>, SnapshotError>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    decode_all(entries, false)
}

/// The keys of a glance ([`decode_glanced`]'s input) in parts of about `bytes` of shard
/// text each, every part with the meta key, so that a start can read the book a few
/// shards per task. Only the meta key and the shards are kept (a glance has no other
/// data keys; digests are not read again). Decoding each part with [`decode_glanced`]
/// and merging them with [`Stored::absorb`] then [`Stored::finish`] gives what
/// [`decode_glanced`] gives for all the keys at once: every contact lives in one shard.
pub fn glanced_parts(entries: Vec<(String, String)>, bytes: usize) -> Vec<Vec<(String, String)>> {
    let Some(meta) = entries.iter().find(|(k, _)| k == META_KEY).cloned() else {
        return vec![entries];
    };
    let mut parts: Vec<Vec<(String, String)>> = Vec::new();
    let mut size = usize::MAX;
    for (key, value) in entries {
        if shard_number(&key).is_none() {
            continue;
        }
        if size >= bytes {
            parts.push(vec![meta.clone()]);
            size = 0;
        }
        size += value.len();
        if let Some(part) = parts.last_mut() {
            part.push((key, value));
        }
    }
    if parts.is_empty() {
        parts.push(vec![meta]);
    }
    parts
}

impl Stored {
    /// Adds what another part of the same glanced keys held (see [`glanced_parts`]).
    pub fn absorb(&mut self, part: Stored) {
        self.book.contacts.extend(part.book.contacts);
        self.saved.contacts.extend(part.saved.contacts);
        self.unreadable.extend(part.unreadable);
        self.rewrite.extend(part.rewrite);
        self.obsolete.extend(part.obsolete);
        self.migrated_from = self.migrated_from.or(part.migrated_from);
    }

    /// After the last [`Stored::absorb`]: the contacts in the order a whole read gives.
    pub fn finish(&mut self) {
        self.book.contacts.sort_by(|a, b| a.id.cmp(&b.id));
        self.rewrite.sort();
        self.rewrite.dedup();
    }
}

/// Both of the above: `check_digests` says whether a shard's digest is checked against it
/// (and the shard marked for rewriting when it does not match).
fn decode_all<I, K, V>(entries: I, check_digests: bool) -> Result<Option<Stored>, SnapshotError>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut meta = None;
    let mut legacy = None;
    let mut records = Vec::new();
    let mut shards = Vec::new();
    let mut digests: Vec<Option<String>> = vec![None; SHARDS as usize];
    for (key, value) in entries {
        let (key, value) = (key.as_ref(), value.as_ref());
        if key == META_KEY {
            meta = Some(value.to_string());
        } else if key == LEGACY_KEY {
            legacy = Some(value.to_string());
        } else if let Some(id) = key.strip_prefix(CONTACT_PREFIX) {
            records.push((id.to_string(), key.to_string(), value.to_string()));
        } else if shard_number(key).is_some() {
            shards.push((key.to_string(), value.to_string()));
        } else if let Some(n) = digest_number(key) {
            digests[n as usize] = Some(value.to_string());
        }
    }
    match (meta, legacy) {
        (Some(meta), legacy) => {
            // A version-1 document next to a meta key is what a migration leaves when the
            // page closed before the old key was removed: the keyed data is complete.
            let digests = check_digests.then_some(digests.as_slice());
            let mut stored = read_keyed(&meta, records, shards, digests)?;
            stored
                .obsolete
                .extend(legacy.map(|_| LEGACY_KEY.to_string()));
            Ok(Some(stored))
        }
        (None, Some(document)) => {
            // Version 1. Keys without a meta key are a migration that did not finish; the
            // document is still the truth, and rewriting replaces them.
            let book = decode(&document)?;
            Ok(Some(Stored {
                book,
                migrated_from: Some(1),
                obsolete: vec![LEGACY_KEY.to_string()],
                ..Stored::default()
            }))
        }
        (None, None) if records.is_empty() && shards.is_empty() => Ok(None),
        (None, None) => Err(SnapshotError::WrongShape(format!(
            "{} contact entries but no {META_KEY} entry",
            records.len() + shards.len()
        ))),
    }
}

/// The newest record of each contact, from every key that holds one.
#[derive(Default)]
struct Newest(HashMap<ContactId, Record>);

impl Newest {
    fn offer(&mut self, id: ContactId, record: Record) {
        let stamp = |r: &Record| match r {
            // A delete wins over an edit made at the same moment or before.
            Record::Live(c) => (c.updated_at, 0),
            Record::Deleted(t) => (t.deleted_at, 1),
        };
        match self.0.get(&id) {
            Some(known) if stamp(known) >= stamp(&record) => {}
            _ => {
                self.0.insert(id, record);
            }
        }
    }
}

fn read_keyed(
    meta: &str,
    records: Vec<(String, String, String)>,
    shards: Vec<(String, String)>,
    digests: Option<&[Option<String>]>,
) -> Result<Stored, SnapshotError> {
    let (meta_in, version) = decode_meta(meta)?;
    let cadence = meta_in.settings.default_cadence_days;
    let mut stored = Stored::default();
    let mut newest = Newest::default();
    for (key, text) in shards {
        let lines = match decode_shard(&text) {
            Ok(lines) => lines,
            Err(reason) => {
                stored.unreadable.push(Unreadable {
                    key,
                    raw: text,
                    reason,
                    whole_key: true,
                });
                continue;
            }
        };
        let bad = lines.iter().filter(|l| l.is_err()).count();
        let whole_key = bad == lines.len();
        // A shard without a digest that matches it (written by an older version, or a
        // save cut short) is written again, digest included.
        let stale = match (digests, shard_number(&key)) {
            (Some(digests), Some(n)) => {
                !digest_matches(&text, digests[n as usize].as_deref(), cadence)
            }
            _ => false,
        };
        for line in lines {
            match line {
                Ok((id, record)) => {
                    if bad > 0 || stale {
                        stored.rewrite.push(id.clone());
                    }
                    newest.offer(id, record);
                }
                Err((raw, reason)) => stored.unreadable.push(Unreadable {
                    key: key.clone(),
                    raw,
                    reason,
                    whole_key,
                }),
            }
        }
    }
    let old_keys = !records.is_empty();
    for (id, key, raw) in records {
        match decode_record(&raw) {
            Ok(Record::Live(contact)) if contact.id.as_str() != id => {
                stored.unreadable.push(Unreadable {
                    key,
                    raw,
                    reason: format!("it holds the contact {} under another id", contact.id),
                    whole_key: true,
                })
            }
            Ok(record) => {
                newest.offer(ContactId::new(id), record);
                stored.obsolete.push(key);
            }
            Err(reason) => stored.unreadable.push(Unreadable {
                key,
                raw,
                reason,
                whole_key: true,
            }),
        }
    }
    // Version-2 keys next to a version-3 meta key are a migration that did not finish.
    if version < VERSION || old_keys {
        stored.migrated_from = Some(version);
    }
    if version == VERSION {
        stored.saved.meta = Some(meta.to_string());
    }
    let mut contacts: Vec<Contact> = Vec::with_capacity(newest.0.len());
    for (id, record) in newest.0 {
        match record {
            Record::Live(contact) => {
                stored
                    .saved
                    .contacts
                    .insert(id, Stamp::Live(contact.updated_at));
                contacts.push(*contact);
            }
            Record::Deleted(t) => {
                stored
                    .saved
                    .contacts
                    .insert(id, Stamp::Deleted(t.deleted_at));
            }
        }
    }
    // Ids are time-ordered, so sorting by id keeps the order contacts were added in and
    // makes loading deterministic.
    contacts.sort_by(|a, b| a.id.cmp(&b.id));
    stored.rewrite.sort();
    stored.rewrite.dedup();
    stored.book = meta_in.into_book(contacts);
    Ok(stored)
}
