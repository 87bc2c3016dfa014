//! What one save writes: this tab's memory of storage (`Saved`), which contacts changed
//! (`Dirty`, fed by `touched_contacts`), and the `Plan` of writes between them. Deciding
//! which contacts a command touches lives here, with persistence, so that the reducer
//! (`book`) and the commands (`command`) know nothing about storage.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::digest::{digest_key, encode_digest};
use super::keyed::{contact_line, encode_meta, encode_shard, shard_key, shard_of, tombstone_line};
use super::pack::pack;
use super::{META_KEY, SHARDS};
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
        | Command::Restore { contact, .. }
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
        // Every keep-in-touch window moves, and with them every shard's digest.
        Command::SetDefaultCadence(_) => book.contacts.iter().map(|c| c.id.clone()).collect(),
        Command::DeleteEvent { id, .. } => book
            .contacts
            .iter()
            .filter(|c| c.event.as_ref() == Some(id))
            .map(|c| c.id.clone())
            .collect(),
        Command::SaveEvent(_)
        | Command::SetPrep { .. }
        | Command::SetProfile(_)
        | Command::SetTemplate { .. }
        | Command::ResetTemplate(_)
        | Command::RememberKind(_)
        | Command::SetTheme(_)
        | Command::SetupSeen
        | Command::SetPremium(_)
        | Command::SetCurrentEvent(_)
        | Command::RecordBackup(_)
        | Command::SetCard(_)
        | Command::SetBadge(_)
        | Command::SetReminders(_) => Vec::new(),
        Command::Import(import) => import.contact_ids().cloned().collect(),
    }
}

/// The writes one save makes, in order (contacts first, the meta key last), and what
/// [`Saved`] becomes once they all succeeded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub writes: Vec<(String, String)>,
    stamps: Vec<(ContactId, Stamp)>,
    /// Tombstones left out because they are older than [`TOMBSTONE_DAYS`].
    forget: Vec<ContactId>,
    meta: Option<String>,
    /// How many contacts the save is about (the dirty set), for the message should it be
    /// cut short.
    changed: usize,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// How many contacts the save is about.
    pub fn changed(&self) -> usize {
        self.changed
    }
}

/// How long a tombstone is kept: long enough that a tab left open since before the delete
/// cannot bring the contact back, short enough that years of deletes do not fill storage.
pub const TOMBSTONE_DAYS: i64 = 90;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

impl Saved {
    /// The contacts whose tombstones are older than [`TOMBSTONE_DAYS`] at `now`: marked
    /// dirty, their shards are written again without them.
    pub fn stale_tombstones(&self, now: i64) -> Vec<ContactId> {
        let cutoff = now - TOMBSTONE_DAYS * DAY_MS;
        let mut stale: Vec<ContactId> = self
            .contacts
            .iter()
            .filter(|(_, stamp)| matches!(stamp, Stamp::Deleted(at) if *at < cutoff))
            .map(|(id, _)| id.clone())
            .collect();
        stale.sort();
        stale
    }

    /// Records a plan whose writes all succeeded.
    pub fn commit(&mut self, plan: Plan) {
        for id in &plan.forget {
            self.contacts.remove(id);
        }
        self.contacts.extend(plan.stamps);
        if plan.meta.is_some() {
            self.meta = plan.meta;
        }
    }

    /// How many contacts (live or tombstones) this tab knows are stored.
    pub fn len(&self) -> usize {
        self.contacts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.contacts.is_empty() && self.meta.is_none()
    }
}

/// The writes that bring storage from `saved` to `book`, given which contacts changed:
/// every shard holding a changed contact is written whole, from the book (live contacts)
/// and `saved` (tombstones), followed by its digest. A contact that is gone from the book but stored becomes a
/// tombstone dated `now`; tombstones older than [`TOMBSTONE_DAYS`] are left out.
pub fn plan(book: &Book, saved: &Saved, dirty: &Dirty, now: i64) -> Plan {
    let mut plan = Plan {
        changed: match dirty {
            Dirty::All => book.contacts.len(),
            Dirty::Contacts(ids) => ids.len(),
        },
        ..Plan::default()
    };
    // By shard number, the shards to write (a vector, not a map: no sort or tree code in
    // the first load for 64 slots).
    let mut shards: Vec<Option<ShardOut>> = (0..SHARDS).map(|_| None).collect();
    let mut mark = |id: &ContactId| {
        shards[shard_of(id) as usize].get_or_insert_with(ShardOut::default);
    };
    match dirty {
        Dirty::All => book
            .contacts
            .iter()
            .map(|c| &c.id)
            .chain(saved.contacts.keys())
            .for_each(&mut mark),
        Dirty::Contacts(ids) => ids.iter().for_each(&mut mark),
    }
    if shards.iter().any(Option::is_some) {
        let cutoff = now - TOMBSTONE_DAYS * DAY_MS;
        let mut live: HashSet<&ContactId> = HashSet::with_capacity(book.contacts.len());
        for contact in &book.contacts {
            live.insert(&contact.id);
            if let Some(shard) = shards[shard_of(&contact.id) as usize].as_mut() {
                shard.live.push(contact);
                shard.records.push((&contact.id, contact_line(contact)));
                plan.stamps
                    .push((contact.id.clone(), Stamp::Live(contact.updated_at)));
            }
        }
        for (id, stamp) in &saved.contacts {
            if live.contains(id) {
                continue;
            }
            let Some(shard) = shards[shard_of(id) as usize].as_mut() else {
                continue;
            };
            let deleted_at = match stamp {
                Stamp::Live(_) => now,
                Stamp::Deleted(at) if *at < cutoff => {
                    plan.forget.push(id.clone());
                    continue;
                }
                Stamp::Deleted(at) => *at,
            };
            shard.records.push((id, tombstone_line(id, deleted_at)));
            plan.stamps.push((id.clone(), Stamp::Deleted(deleted_at)));
        }
        for (n, shard) in shards.into_iter().enumerate() {
            let Some(ShardOut { mut records, live }) = shard else {
                continue;
            };
            records.sort_by(|a, b| a.0.cmp(b.0));
            let records: Vec<String> = records.into_iter().map(|(_, line)| line).collect();
            let text = encode_shard(&records);
            let digest = encode_digest(&text, live, book.settings.default_cadence_days);
            let n = n as u32;
            plan.writes.push((shard_key(n), text));
            // After its shard: a save cut short between the two leaves a digest that no
            // longer matches, which the next start notices (see `digest`).
            plan.writes.push((digest_key(n), digest));
        }
    }
    let meta = encode_meta(book);
    if saved.meta.as_deref() != Some(meta.as_str()) {
        plan.writes.push((META_KEY.to_string(), meta.clone()));
        plan.meta = Some(meta);
    }
    plan
}

/// One shard a save writes: its lines (contacts and tombstones, by id) and its live
/// contacts (for its digest).
#[derive(Default)]
struct ShardOut<'a> {
    records: Vec<(&'a ContactId, String)>,
    live: Vec<&'a Contact>,
}

/// What a key and its text take in localStorage: browsers count UTF-16 code units, two
/// bytes each.
pub fn stored_bytes(key: &str, text: &str) -> usize {
    2 * (key.encode_utf16().count() + text.encode_utf16().count())
}

/// How many more bytes storage needs once `import` is applied to `book` and saved: the
/// contacts it adds or replaces packed together, less the replaced versions packed
/// together, each counted one and a half times (spread over shards they compress a little
/// less than in one run), so the estimate errs on the side of "does not fit".
pub fn import_growth(book: &Book, import: &Import) -> usize {
    let current: HashMap<&ContactId, &Contact> = book.contacts.iter().map(|c| (&c.id, c)).collect();
    let packed = |contacts: &mut dyn Iterator<Item = &Contact>| -> usize {
        let lines: Vec<String> = contacts.map(contact_line).collect();
        if lines.is_empty() {
            0
        } else {
            3 * stored_bytes("", &pack(&lines.join("\n"))) / 2
        }
    };
    // Their digests likewise (see `digest`).
    let cadence = book.settings.default_cadence_days;
    let digest = |contacts: &mut dyn Iterator<Item = &Contact>| -> usize {
        3 * stored_bytes("", &encode_digest("", contacts, cadence)) / 2
    };
    let replaced = || {
        import
            .updated
            .iter()
            .filter_map(|c| current.get(&c.id).copied())
    };
    let after = packed(&mut import.new.iter().chain(import.updated.iter()))
        + digest(&mut import.new.iter().chain(import.updated.iter()));
    let before = packed(&mut replaced()) + digest(&mut replaced());
    let contacts = after.saturating_sub(before);
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
    // Step changes add a few bytes to a packed contact each.
    contacts + meta + 16 * import.steps.len()
}

/// The keys saving `import` writes (its contacts' shards and their digests): their stored
/// text now, plus the import's growth, is what the save's journal copies.
pub fn import_keys(import: &Import) -> Vec<String> {
    let mut shards: Vec<u32> = import.contact_ids().map(shard_of).collect();
    shards.sort_unstable();
    shards.dedup();
    shards
        .into_iter()
        .flat_map(|n| [shard_key(n), digest_key(n)])
        .collect()
}

/// Every key and value a fresh save of `book` writes (for seeding storage in tests and
/// benchmarks).
pub fn encode_keys(book: &Book) -> Vec<(String, String)> {
    plan(book, &Saved::default(), &Dirty::All, 0).writes
}
