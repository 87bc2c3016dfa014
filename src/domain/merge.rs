//! Two contacts that are one person become one: field by field, nothing of the follow-up
//! lost, and undoable.
//!
//! Rules, applied by `merged`:
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
use super::contact::{Contact, ContactId};
use super::dates;
use super::interaction::{Interaction, InteractionKind};
use super::step::{Step, StepState};

/// A field the student may choose when both contacts have it, with different values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    Name,
    Company,
    Title,
    Kind,
    Email,
    Phone,
    LinkedIn,
    Met,
    Hook,
    Role,
    Notes,
    Cadence,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Name,
        Field::Company,
        Field::Title,
        Field::Kind,
        Field::Email,
        Field::Phone,
        Field::LinkedIn,
        Field::Met,
        Field::Hook,
        Field::Role,
        Field::Notes,
        Field::Cadence,
    ];

    /// A name for element ids: `merge-name-other`. Not `Debug`: the release build formats
    /// `Debug` as nothing (`-Zfmt-debug=none`).
    pub fn slug(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Company => "company",
            Field::Title => "title",
            Field::Kind => "kind",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::LinkedIn => "linkedin",
            Field::Met => "met",
            Field::Hook => "hook",
            Field::Role => "role",
            Field::Notes => "notes",
            Field::Cadence => "cadence",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Company => "Company",
            Field::Title => "Title",
            Field::Kind => "Kind",
            Field::Email => "Email",
            Field::Phone => "Phone",
            Field::LinkedIn => "LinkedIn",
            Field::Met => "Met",
            Field::Hook => "What you talked about",
            Field::Role => "Role or team",
            Field::Notes => "Notes",
            Field::Cadence => "Keep in touch every",
        }
    }

    /// The field's value as the merge screen shows it; empty when not set.
    pub fn show(self, book: &Book, c: &Contact) -> String {
        match self {
            Field::Name => c.name.clone(),
            Field::Company => c.company.clone(),
            Field::Title => c.title.clone(),
            Field::Kind => match c.kind {
                super::contact::Kind::Other => String::new(),
                kind => kind.label().to_string(),
            },
            Field::Email => c
                .email
                .as_ref()
                .map(|e| e.as_str().to_string())
                .unwrap_or_default(),
            Field::Phone => c.phone.clone(),
            Field::LinkedIn => c
                .linkedin
                .as_ref()
                .map(|l| l.url().to_string())
                .unwrap_or_default(),
            Field::Met => match book.event_of(c) {
                Some(event) => format!("{}, {}", event.name, dates::long(c.met_on)),
                None => dates::long(c.met_on),
            },
            Field::Hook => c.hook.clone(),
            Field::Role => c.role.clone(),
            Field::Notes => c.notes.clone(),
            Field::Cadence => c
                .cadence_days
                .map(|d| format!("{d} days"))
                .unwrap_or_default(),
        }
    }

    /// Whether two shown values are the same: email addresses ignore case.
    fn same(self, a: &str, b: &str) -> bool {
        match self {
            Field::Email => a.eq_ignore_ascii_case(b),
            _ => a == b,
        }
    }

    /// Copies this field from `from` into `into`.
    fn copy(self, into: &mut Contact, from: &Contact) {
        match self {
            Field::Name => into.name = from.name.clone(),
            Field::Company => into.company = from.company.clone(),
            Field::Title => into.title = from.title.clone(),
            Field::Kind => into.kind = from.kind,
            Field::Email => into.email = from.email.clone(),
            Field::Phone => into.phone = from.phone.clone(),
            Field::LinkedIn => into.linkedin = from.linkedin.clone(),
            Field::Met => {
                into.event = from.event.clone();
                into.met_on = from.met_on;
            }
            Field::Hook => into.hook = from.hook.clone(),
            Field::Role => into.role = from.role.clone(),
            Field::Notes => into.notes = from.notes.clone(),
            Field::Cadence => into.cadence_days = from.cadence_days,
        }
    }
}

/// The fields to take from the other contact where both differ; every other conflict
/// keeps the kept contact's value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    pub from_other: Vec<Field>,
}

impl Choices {
    pub fn takes_other(&self, field: Field) -> bool {
        self.from_other.contains(&field)
    }

    /// Takes `field` from the other contact (`true`) or from the kept one.
    pub fn set(&mut self, field: Field, other: bool) {
        self.from_other.retain(|f| *f != field);
        if other {
            self.from_other.push(field);
        }
    }
}

/// The fields set on both contacts with different values: the student's choices.
pub fn conflicts(book: &Book, kept: &Contact, other: &Contact) -> Vec<Field> {
    Field::ALL
        .into_iter()
        .filter(|field| {
            let (a, b) = (field.show(book, kept), field.show(book, other));
            !a.is_empty() && !b.is_empty() && !field.same(&a, &b)
        })
        .collect()
}

/// The one contact `kept` and `other` become, with `kept`'s id, changed at `at`.
pub fn merged(book: &Book, kept: &Contact, other: &Contact, choices: &Choices, at: i64) -> Contact {
    let mut out = kept.clone();
    for field in Field::ALL {
        let (mine, theirs) = (field.show(book, kept), field.show(book, other));
        let chosen = !field.same(&mine, &theirs) && choices.takes_other(field);
        if !theirs.is_empty() && (mine.is_empty() || chosen) {
            field.copy(&mut out, other);
        }
    }
    out.really_want = kept.really_want || other.really_want;
    out.tags = kept.tags.clone();
    for tag in &other.tags {
        if !out.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            out.tags.push(tag.clone());
        }
    }
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
