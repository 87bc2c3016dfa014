//! Another tab's change, one key at a time: per contact the later `updated_at` wins, and a
//! delete wins over edits older than it. A shard is merged contact by contact, so two tabs
//! that changed different contacts of the same shard both keep their change.

use std::collections::HashSet;

use super::keyed::{
    decode_meta, decode_record, decode_shard, encode_contact, shard_number, Record,
};
use super::save::{Saved, Stamp};
use super::{shard_of, SnapshotError, CONTACT_PREFIX, META_KEY};
use crate::domain::book::Book;
use crate::domain::contact::ContactId;

/// What a change made by another tab did here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Remote {
    /// Nothing to do (not our key, unreadable, or already known).
    Ignored,
    /// The book took the other tab's version.
    Applied,
    /// This tab's version of these contacts is newer (or the other tab's shard left them
    /// out): they must be written again (add them to the dirty set and save). The other
    /// tab's changes, if any, were applied.
    KeepOurs(Vec<ContactId>),
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
            Ok((meta, _)) => {
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
    if let Some(shard) = shard_number(key) {
        return merge_shard(book, saved, shard, value);
    }
    let Some(id) = key.strip_prefix(CONTACT_PREFIX) else {
        return Remote::Ignored;
    };
    // A tab still running storage version 2 wrote one contact.
    let id = ContactId::new(id);
    let Some(text) = value else {
        return remove(book, saved, &id);
    };
    match decode_record(text) {
        Err(_) => Remote::Ignored,
        Ok(Record::Live(theirs)) if theirs.id != id => Remote::Ignored,
        Ok(record) => merge_record(book, saved, id, record),
    }
}

/// The key was removed (the other tab started fresh).
fn remove(book: &mut Book, saved: &mut Saved, id: &ContactId) -> Remote {
    saved.contacts.remove(id);
    match book.contacts.iter().position(|c| &c.id == id) {
        Some(i) => {
            book.contacts.remove(i);
            Remote::Applied
        }
        None => Remote::Ignored,
    }
}

fn merge_shard(book: &mut Book, saved: &mut Saved, shard: u32, value: Option<&str>) -> Remote {
    let ours: Vec<ContactId> = book
        .contacts
        .iter()
        .map(|c| c.id.clone())
        .chain(saved.contacts.keys().cloned())
        .filter(|id| shard_of(id) == shard)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let Some(text) = value else {
        let mut outcome = Remote::Ignored;
        for id in &ours {
            if remove(book, saved, id) == Remote::Applied {
                outcome = Remote::Applied;
            }
        }
        return outcome;
    };
    let Ok(lines) = decode_shard(text) else {
        return Remote::Ignored;
    };
    let mut applied = false;
    let mut keep = Vec::new();
    let mut theirs = HashSet::new();
    for (id, record) in lines.into_iter().flatten() {
        theirs.insert(id.clone());
        match merge_record(book, saved, id, record) {
            Remote::Applied => applied = true,
            Remote::KeepOurs(ids) => keep.extend(ids),
            Remote::Ignored | Remote::Newer(_) => {}
        }
    }
    // What this tab stored in that shard and theirs left out (both wrote it at once):
    // written again.
    for id in ours {
        if !theirs.contains(&id) && saved.contacts.contains_key(&id) {
            keep.push(id);
        }
    }
    if !keep.is_empty() {
        keep.sort();
        Remote::KeepOurs(keep)
    } else if applied {
        Remote::Applied
    } else {
        Remote::Ignored
    }
}

/// Merges the other tab's record of one contact.
fn merge_record(book: &mut Book, saved: &mut Saved, id: ContactId, record: Record) -> Remote {
    let local = book.contacts.iter().position(|c| c.id == id);
    match record {
        Record::Deleted(t) => match local {
            Some(i) if book.contacts[i].updated_at > t.deleted_at => {
                saved
                    .contacts
                    .insert(id.clone(), Stamp::Deleted(t.deleted_at));
                Remote::KeepOurs(vec![id])
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
        Record::Live(theirs) => {
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
                            && encode_contact(ours) > encode_contact(&theirs));
                    saved
                        .contacts
                        .insert(id.clone(), Stamp::Live(theirs.updated_at));
                    if ours_wins {
                        Remote::KeepOurs(vec![id])
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
                        Remote::KeepOurs(vec![id])
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
