//! What one save writes: this tab's memory of storage (`Saved`), which contacts changed
//! (`Dirty`, fed by `touched_contacts`), and the `Plan` of writes between them. Deciding
//! which contacts a command touches lives here, with persistence, so that the reducer
//! (`book`) and the commands (`command`) know nothing about storage.

use std::collections::{BTreeSet, HashMap};

use super::keyed::{encode_contact, encode_meta, Tombstone};
use super::{contact_key, META_KEY};
use crate::domain::book::Book;
use crate::domain::command::Command;
use crate::domain::contact::{Contact, ContactId};
use crate::domain::import::Import;

/// What storage holds for one contact, as far as this tab knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stamp {
    /// The contact, last changed at this time.
    Live(i64),
    /// A tombstone: deleted at this time.
    Deleted(i64),
}

/// What this tab last wrote or read for each key, so a save writes only what changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    pub(super) contacts: HashMap<ContactId, Stamp>,
    pub(super) meta: Option<String>,
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

/// The contacts this command may change in `book` (before it is applied). The storage
/// adapter rewrites only their keys; the rest of the book is small and compared whole.
pub fn touched_contacts(command: &Command, book: &Book) -> Vec<ContactId> {
    match command {
        Command::AddContact(fields) | Command::UpdateContact(fields) => {
            vec![fields.id.clone()]
        }
        Command::DeleteContact(id) => vec![id.clone()],
        Command::MergeContacts { keep, other, .. } => vec![keep.clone(), other.clone()],
        Command::RestoreContacts { contacts, .. } => {
            contacts.iter().map(|c| c.id.clone()).collect()
        }
        Command::MarkDone { contact, .. }
        | Command::SentAsMessage { contact, .. }
        | Command::Skip { contact, .. }
        | Command::Snooze { contact, .. }
        | Command::Reset { contact, .. }
        | Command::LogInteraction { contact, .. } => vec![contact.clone()],
        Command::RecordOutcome {
            contact, outcome, ..
        } => std::iter::once(contact.clone())
            .chain(outcome.linked().cloned())
            .collect(),
        Command::IntroduceNew { by, new, .. } => vec![by.clone(), new.id.clone()],
        Command::UndoOutcome { contact, entry, .. } => std::iter::once(contact.clone())
            .chain(entry.outcome.as_ref().and_then(|o| o.linked()).cloned())
            .collect(),
        Command::DeleteEvent { id, .. } => book
            .contacts
            .iter()
            .filter(|c| c.event.as_ref() == Some(id))
            .map(|c| c.id.clone())
            .collect(),
        Command::SaveEvent(_)
        | Command::SetProfile(_)
        | Command::SetTemplate { .. }
        | Command::ResetTemplate(_)
        | Command::RememberKind(_)
        | Command::SetTheme(_)
        | Command::SetupSeen
        | Command::SetPremium(_)
        | Command::SetDefaultCadence(_)
        | Command::SetCurrentEvent(_)
        | Command::RecordBackup(_)
        | Command::SetCard(_)
        | Command::SetBadge(_) => Vec::new(),
        Command::Import(import) => import.contact_ids().cloned().collect(),
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

/// How long a tombstone is kept: long enough that a tab left open since before the delete
/// cannot bring the contact back, short enough that years of deletes do not fill storage.
pub const TOMBSTONE_DAYS: i64 = 90;

impl Saved {
    /// Forgets tombstones older than [`TOMBSTONE_DAYS`] at `now` and returns their keys,
    /// for the shell to remove from storage.
    pub fn prune_tombstones(&mut self, now: i64) -> Vec<String> {
        let cutoff = now - TOMBSTONE_DAYS * 24 * 60 * 60 * 1000;
        let mut stale: Vec<ContactId> = self
            .contacts
            .iter()
            .filter(|(_, stamp)| matches!(stamp, Stamp::Deleted(at) if *at < cutoff))
            .map(|(id, _)| id.clone())
            .collect();
        stale.sort();
        for id in &stale {
            self.contacts.remove(id);
        }
        stale.iter().map(contact_key).collect()
    }

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

/// What a key and its text take in localStorage: browsers count UTF-16 code units, two
/// bytes each.
pub fn stored_bytes(key: &str, text: &str) -> usize {
    2 * (key.encode_utf16().count() + text.encode_utf16().count())
}

/// How many more bytes storage needs once `import` is applied to `book` and saved: new
/// contacts' keys, the growth of replaced contacts and of the meta key (a shrinking entry
/// frees nothing in this count, so the estimate errs on the side of "does not fit").
pub fn import_growth(book: &Book, import: &Import) -> usize {
    let current: HashMap<&ContactId, &Contact> = book.contacts.iter().map(|c| (&c.id, c)).collect();
    let new: usize = import
        .new
        .iter()
        .map(|c| stored_bytes(&contact_key(&c.id), &encode_contact(c)))
        .sum();
    let updated: usize = import
        .updated
        .iter()
        .map(|c| {
            let after = 2 * encode_contact(c).encode_utf16().count();
            let before = current
                .get(&c.id)
                .map_or(0, |old| 2 * encode_contact(old).encode_utf16().count());
            after.saturating_sub(before)
        })
        .sum();
    let meta = if import.events.is_empty() && import.setup.is_none() {
        0
    } else {
        let mut after = Book {
            contacts: Vec::new(),
            events: book.events.clone(),
            profile: book.profile.clone(),
            templates: book.templates.clone(),
            settings: book.settings.clone(),
        };
        after.events.extend(import.events.iter().cloned());
        if let Some((profile, templates, settings)) = &import.setup {
            (after.profile, after.templates, after.settings) =
                (profile.clone(), templates.clone(), settings.clone());
        }
        let before = encode_meta(book).encode_utf16().count();
        2 * encode_meta(&after)
            .encode_utf16()
            .count()
            .saturating_sub(before)
    };
    // Step changes add a few dozen bytes to a contact each.
    new + updated + meta + 64 * import.steps.len()
}

/// Every key and value a fresh save of `book` writes (for seeding storage in tests and
/// benchmarks).
pub fn encode_keys(book: &Book) -> Vec<(String, String)> {
    plan(book, &Saved::default(), &Dirty::All, 0).writes
}
