//! Two contacts that are one person become one: field by field, nothing of the follow-up
//! lost, and undoable.
//!
//! Rules, applied by `merged` to every field of `ContactField::ALL` by its `Merge` rule:
//! - A field set on one side only is taken from that side; equal fields stay.
//! - A field set on both sides with different values (a *conflict*) comes from the kept
//!   contact unless the student chose the other one (`Choices`).
//! - Tags are joined; "a job I really want" is kept if either says so.
//! - Both logs are kept, in date order. The meeting that is not chosen is kept as a "Met
//!   again" entry naming its event, so every event they were met at stays on the contact.
//! - A step done on either side is done (the earlier date). Otherwise the kept contact's
//!   skipped or snoozed state wins, then the other's.
//!
//! `Command::MergeContacts` replaces the kept contact with the result and removes the
//! other; `Command::RestoreContacts` puts both back as they were (undo). Pure: the time of
//! the change arrives in the command.

use serde::{Deserialize, Serialize};

use super::book::{Book, BookError};
use super::contact::{Contact, ContactId, NewContact};
use super::contact_field::{ContactField, Merge};
use super::dates;
use super::interaction::{Interaction, InteractionKind};
use super::step::{Step, StepState};

/// The fields the student may choose between (`Merge::Choose`), in the table's order.
pub fn choosable() -> impl Iterator<Item = ContactField> {
    ContactField::ALL
        .into_iter()
        .filter(|f| f.merge() == Merge::Choose)
}

/// The field's value as the merge screen shows it; empty when not set. The date met shows
/// with its event.
pub fn show(book: &Book, field: ContactField, c: &NewContact) -> String {
    if !field.is_set(c) {
        return String::new();
    }
    match field {
        ContactField::MetOn => match c.event.as_ref().and_then(|e| book.event(e)) {
            Some(event) => format!("{}, {}", event.name, dates::long(c.met_on)),
            None => dates::long(c.met_on),
        },
        _ => field.show(c),
    }
}

/// Whether two shown values are the same: email addresses ignore case.
fn same(field: ContactField, a: &str, b: &str) -> bool {
    match field {
        ContactField::Email => a.eq_ignore_ascii_case(b),
        _ => a == b,
    }
}

/// The fields to take from the other contact where both differ; every other conflict
/// keeps the kept contact's value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    pub from_other: Vec<ContactField>,
}

impl Choices {
    pub fn takes_other(&self, field: ContactField) -> bool {
        self.from_other.contains(&field)
    }

    /// Takes `field` from the other contact (`true`) or from the kept one.
    pub fn set(&mut self, field: ContactField, other: bool) {
        self.from_other.retain(|f| *f != field);
        if other {
            self.from_other.push(field);
        }
    }
}

/// The fields set on both contacts with different values: the student's choices.
pub fn conflicts(book: &Book, kept: &Contact, other: &Contact) -> Vec<ContactField> {
    let (kept, other) = (kept.fields(), other.fields());
    choosable()
        .filter(|&field| {
            let (a, b) = (show(book, field, &kept), show(book, field, &other));
            !a.is_empty() && !b.is_empty() && !same(field, &a, &b)
        })
        .collect()
}

/// The typed fields `kept` and `other` become: each field of the table by its `Merge` rule.
fn merged_fields(
    book: &Book,
    kept: &NewContact,
    other: &NewContact,
    choices: &Choices,
) -> NewContact {
    let mut out = kept.clone();
    for field in ContactField::ALL {
        match field.merge() {
            Merge::Choose => {
                let (mine, theirs) = (show(book, field, kept), show(book, field, other));
                let chosen = !same(field, &mine, &theirs) && choices.takes_other(field);
                if !theirs.is_empty() && (mine.is_empty() || chosen) {
                    field.copy(other, &mut out);
                    for follower in ContactField::ALL {
                        if follower.merge() == Merge::With(field) {
                            follower.copy(other, &mut out);
                        }
                    }
                }
            }
            Merge::Join => field.join(other, &mut out),
            Merge::With(_) => {}
        }
    }
    out
}

/// The one contact `kept` and `other` become, with `kept`'s id, changed at `at`.
pub fn merged(book: &Book, kept: &Contact, other: &Contact, choices: &Choices, at: i64) -> Contact {
    let mut out = kept.clone();
    out.set_fields(merged_fields(
        book,
        &kept.fields(),
        &other.fields(),
        choices,
    ));
    out.interactions = kept.interactions.clone();
    out.interactions.extend(other.interactions.iter().cloned());
    // The meeting not chosen stays in the log.
    let dropped = if out.met_on == kept.met_on && out.event == kept.event {
        other
    } else {
        kept
    };
    if dropped.met_on != out.met_on || dropped.event != out.event {
        let note = match book.event_of(dropped) {
            Some(event) => format!("Met at {}", event.name),
            None => String::new(),
        };
        out.interactions.push(Interaction {
            on: dropped.met_on,
            kind: InteractionKind::MetAgain,
            note,
            outcome: None,
        });
    }
    out.interactions.sort_by_key(|i| i.on);
    for step in Step::ALL {
        out.steps.set(
            step,
            merge_step(kept.steps.get(step), other.steps.get(step)),
        );
    }
    out.updated_at = at;
    out
}

fn merge_step(kept: StepState, other: StepState) -> StepState {
    match (kept, other) {
        (StepState::Done(a), StepState::Done(b)) => StepState::Done(a.min(b)),
        (done @ StepState::Done(_), _) | (_, done @ StepState::Done(_)) => done,
        (StepState::Pending, theirs) => theirs,
        (mine, _) => mine,
    }
}

impl Book {
    /// `Command::MergeContacts`: `keep` becomes the merge of both, `other` is removed.
    pub(super) fn merge_contacts(
        &mut self,
        keep: &ContactId,
        other: &ContactId,
        choices: &Choices,
        at: i64,
    ) -> Result<(), BookError> {
        if keep == other {
            return Err(BookError::MergeWithItself);
        }
        let kept = self
            .contact(keep)
            .ok_or_else(|| BookError::NoSuchContact(keep.clone()))?;
        let gone = self
            .contact(other)
            .ok_or_else(|| BookError::NoSuchContact(other.clone()))?;
        let result = merged(self, kept, gone, choices, at);
        self.contacts.retain(|c| &c.id != other);
        if let Some(slot) = self.contacts.iter_mut().find(|c| &c.id == keep) {
            *slot = result;
        }
        Ok(())
    }

    /// `Command::RestoreContacts`: puts contacts back as they were (the undo of a merge),
    /// replacing those with the same id, stamped with `at` so the restore wins over the
    /// merge in every tab. An event deleted since is dropped from them.
    pub(super) fn restore_contacts(
        &mut self,
        contacts: &[Contact],
        at: i64,
    ) -> Result<(), BookError> {
        if contacts.iter().any(|c| c.id.as_str().trim().is_empty()) {
            return Err(BookError::BlankId);
        }
        if contacts.iter().any(|c| c.name.trim().is_empty()) {
            return Err(BookError::BlankName);
        }
        for contact in contacts {
            let mut contact = contact.clone();
            contact.updated_at = at;
            if contact
                .event
                .as_ref()
                .is_some_and(|e| self.event(e).is_none())
            {
                contact.event = None;
            }
            match self.contacts.iter_mut().find(|c| c.id == contact.id) {
                Some(slot) => *slot = contact,
                None => self.contacts.push(contact),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
