//! An import as one change to the book: `Command::Import(Import)`, applied by
//! `Book::apply` like anything typed, all at once or not at all.
//!
//! Every incoming contact passes the checks a typed one does (a name, an id, an id not
//! already taken, a keep-in-touch gap of at least a day), and so does every event; the
//! first failure refuses the whole import and the book is unchanged. Checks use an index of
//! the book's ids, so importing 5,000 contacts into 15,000 is linear, not a scan per
//! contact. Only the contacts it adds or replaces (and those its step changes touch) are
//! changed, so storage rewrites only their keys.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::book::{Book, BookError};
use super::command::Command;
use super::contact::{Contact, ContactId};
use super::event::Event;
use super::profile::Profile;
use super::settings::Settings;
use super::templates::Templates;

/// What an accepted import preview changes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Import {
    /// Contacts to add; their ids must be new.
    pub new: Vec<Contact>,
    /// Contacts that replace the contact with the same id.
    pub updated: Vec<Contact>,
    /// Events to add or replace (by id).
    pub events: Vec<Event>,
    /// Step changes on contacts (a LinkedIn import marks "connect" done); applied after
    /// the contacts, so they may name a contact this import adds.
    pub steps: Vec<Command>,
    /// From a backup into an empty book: its profile, templates and settings.
    pub setup: Option<(Profile, Templates, Settings)>,
}

impl Import {
    /// The contacts this import adds, replaces or changes a step of.
    pub fn contact_ids(&self) -> impl Iterator<Item = &ContactId> {
        let steps = self.steps.iter().filter_map(|c| match c {
            Command::MarkDone { contact, .. }
            | Command::Skip { contact, .. }
            | Command::Snooze { contact, .. }
            | Command::Reset { contact, .. }
            | Command::Restore { contact, .. }
            | Command::LogInteraction { contact, .. } => Some(contact),
            _ => None,
        });
        self.new
            .iter()
            .chain(&self.updated)
            .map(|c| &c.id)
            .chain(steps)
    }
}

/// The checks a typed contact passes, for a whole stored contact.
fn check_contact(contact: &Contact) -> Result<(), BookError> {
    if contact.id.as_str().trim().is_empty() {
        return Err(BookError::BlankId);
    }
    if contact.name.trim().is_empty() {
        return Err(BookError::BlankName);
    }
    if contact.cadence_days == Some(0) {
        return Err(BookError::ZeroCadence);
    }
    Ok(())
}

impl Book {
    /// Applies an import; on error nothing changed.
    pub(super) fn import(&mut self, import: Import) -> Result<(), BookError> {
        let index: HashMap<&ContactId, usize> = self
            .contacts
            .iter()
            .enumerate()
            .map(|(i, c)| (&c.id, i))
            .collect();
        let mut replace = Vec::with_capacity(import.updated.len());
        for contact in &import.updated {
            check_contact(contact)?;
            match index.get(&contact.id) {
                Some(&i) => replace.push(i),
                None => return Err(BookError::NoSuchContact(contact.id.clone())),
            }
        }
        let mut adding = HashSet::with_capacity(import.new.len());
        for contact in &import.new {
            check_contact(contact)?;
            if index.contains_key(&contact.id) || !adding.insert(&contact.id) {
                return Err(BookError::DuplicateId(contact.id.clone()));
            }
        }
        for event in &import.events {
            if event.id.as_str().trim().is_empty() {
                return Err(BookError::BlankId);
            }
            if event.name.trim().is_empty() {
                return Err(BookError::BlankEventName);
            }
        }
        drop((index, adding));
        if import.steps.is_empty() {
            self.import_checked(import, replace);
            return Ok(());
        }
        // Step changes can still be refused; they run on a copy that replaces the book
        // only when every one succeeded.
        let mut import = import;
        let steps = std::mem::take(&mut import.steps);
        let mut next = self.clone();
        next.import_checked(import, replace);
        for command in steps {
            next.apply(command)?;
        }
        *self = next;
        Ok(())
    }

    /// Makes the changes of an import whose contacts and events passed the checks;
    /// `replace[i]` is where `import.updated[i]` goes.
    fn import_checked(&mut self, import: Import, replace: Vec<usize>) {
        for (contact, i) in import.updated.into_iter().zip(replace) {
            self.contacts[i] = contact;
        }
        self.contacts.extend(import.new);
        for event in import.events {
            self.apply(Command::SaveEvent(event))
                .expect("an event that passed the checks saves");
        }
        if let Some((profile, templates, settings)) = import.setup {
            self.profile = profile;
            self.templates = templates;
            self.settings = settings;
        }
    }
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
