//! The changes a student can make to the book, as values: the actions of the reducer
//! `Book::apply`.
//!
//! Commands carry everything that would otherwise come from the outside world: the date
//! (`on`), the time of the change (`at`, milliseconds since the Unix epoch, which becomes
//! the contact's `updated_at`) and new ids. Building a command never reads the clock.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::card::CardKind;
use super::contact::{Contact, ContactId, NewContact};
use super::event::{Event, EventId};
use super::interaction::InteractionKind;
use super::merge::Choices;
use super::profile::Profile;
use super::step::Step;
use super::templates::TemplateKind;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Adds a contact; its id must be new and its name not blank.
    AddContact(NewContact),
    /// Replaces the typed fields of the contact with `fields.id`, keeping its log and steps.
    UpdateContact(NewContact),
    DeleteContact(ContactId),
    /// Adds an event, or replaces the event with the same id.
    SaveEvent(Event),
    /// Deletes an event; contacts met there keep their date and lose the link (a change to
    /// them made at `at`).
    DeleteEvent {
        id: EventId,
        at: i64,
    },
    /// Marks a step done on `on` and logs it as an interaction.
    MarkDone {
        contact: ContactId,
        step: Step,
        on: NaiveDate,
        at: i64,
    },
    /// Marks a step as not going to happen.
    Skip {
        contact: ContactId,
        step: Step,
        on: NaiveDate,
        at: i64,
    },
    /// Moves a step's due date to `until`.
    Snooze {
        contact: ContactId,
        step: Step,
        until: NaiveDate,
        at: i64,
    },
    /// Puts a step back to pending (undo of done, skip or snooze). Undoing "done" removes
    /// the log entry that marking it done added; entries logged by hand stay.
    Reset {
        contact: ContactId,
        step: Step,
        at: i64,
    },
    /// Adds an entry to the interaction log ("they replied", "coffee chat", …).
    LogInteraction {
        contact: ContactId,
        on: NaiveDate,
        kind: InteractionKind,
        note: String,
        at: i64,
    },
    SetProfile(Profile),
    /// Replaces a template with the text typed; refused if it does not parse.
    SetTemplate {
        kind: TemplateKind,
        text: String,
    },
    /// Puts a template back to its default text.
    ResetTemplate(TemplateKind),
    SetPremium(bool),
    /// The default keep-in-touch cadence in days (at least 1).
    SetDefaultCadence(u32),
    /// The event new captures are prefilled with; `None` leaves event mode.
    SetCurrentEvent(Option<EventId>),
    /// A backup of everything was exported on this date (for the reminder).
    RecordBackup(NaiveDate),
    /// What the student's QR card holds.
    SetCard(CardKind),
    /// Turns the app icon's badge on (`true`) or off.
    SetBadge(bool),
    /// Makes two contacts one (see `merge`): `keep` takes the merge, `other` is removed.
    MergeContacts {
        keep: ContactId,
        other: ContactId,
        choices: Choices,
        at: i64,
    },
    /// Puts contacts back exactly as given, replacing those with the same id (the undo
    /// of a merge); they are stamped with `at`.
    RestoreContacts {
        contacts: Vec<Contact>,
        at: i64,
    },
}

impl Command {
    /// The contacts this command may change in `book` (before it is applied). The storage
    /// adapter rewrites only their keys; the rest of the book is small and compared whole.
    pub fn touched_contacts(&self, book: &super::book::Book) -> Vec<ContactId> {
        match self {
            Command::AddContact(fields) | Command::UpdateContact(fields) => {
                vec![fields.id.clone()]
            }
            Command::DeleteContact(id) => vec![id.clone()],
            Command::MergeContacts { keep, other, .. } => vec![keep.clone(), other.clone()],
            Command::RestoreContacts { contacts, .. } => {
                contacts.iter().map(|c| c.id.clone()).collect()
            }
            Command::MarkDone { contact, .. }
            | Command::Skip { contact, .. }
            | Command::Snooze { contact, .. }
            | Command::Reset { contact, .. }
            | Command::LogInteraction { contact, .. } => vec![contact.clone()],
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
            | Command::SetPremium(_)
            | Command::SetDefaultCadence(_)
            | Command::SetCurrentEvent(_)
            | Command::RecordBackup(_)
            | Command::SetCard(_)
            | Command::SetBadge(_) => Vec::new(),
        }
    }
}
