//! Another tab's change, one key at a time: per contact the later `updated_at` wins, and a
//! delete wins over edits older than it.

use super::keyed::{decode_meta, decode_record, encode_contact, Record};
use super::save::{Saved, Stamp};
use super::{SnapshotError, CONTACT_PREFIX, META_KEY};
use crate::domain::book::Book;
use crate::domain::contact::ContactId;

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
