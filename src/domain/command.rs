//! The changes a student can make to the book, as values: the actions of the reducer
//! `Book::apply`.
//!
//! Commands carry everything that would otherwise come from the outside world: the date
//! (`on`), the time of the change (`at`, milliseconds since the Unix epoch, which becomes
//! the contact's `updated_at`) and new ids. Building a command never reads the clock.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::card::CardKind;
use super::contact::{Contact, ContactId, Kind, NewContact};
use super::event::{Event, EventId};
use super::import::Import;
use super::interaction::{Interaction, InteractionKind};
use super::merge::Choices;
use super::outcome::Outcome;
use super::prep::Prep;
use super::profile::Profile;
use super::reminders::Reminders;
use super::settings::Theme;
use super::step::{Step, StepState};
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
    /// Stores an event's plan as given: made by `prep::PrepChange::command`, where the
    /// plan's rules run, so the reducer (in the first load) only stores it.
    SetPrep {
        event: EventId,
        prep: Prep,
    },
    /// Marks a step done on `on` and logs it as an interaction.
    MarkDone {
        contact: ContactId,
        step: Step,
        on: NaiveDate,
        at: i64,
    },
    /// The follow-up went out as a LinkedIn message: marks the email step done on `on` and
    /// logs it as such. Later steps follow from it as from an email.
    SentAsMessage {
        contact: ContactId,
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
    /// Puts a step back to pending (unsnooze). From done, it removes the log entry that
    /// marking it done added; entries logged by hand stay.
    Reset {
        contact: ContactId,
        step: Step,
        at: i64,
    },
    /// Puts a step back exactly as it was before an action (the toast's Undo of done, skip
    /// or snooze): `state`, a snooze's date included. From done, it removes the log entry
    /// that marking it done added, as `Reset` does.
    Restore {
        contact: ContactId,
        step: Step,
        state: StepState,
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
    /// Logs an outcome (see `outcome`) on `contact`. An introduction (`IntroducedTo` or
    /// `IntroducedBy`) links both contacts: the other half is logged on the other one,
    /// which must exist and be someone else.
    RecordOutcome {
        contact: ContactId,
        on: NaiveDate,
        outcome: Outcome,
        note: String,
        at: i64,
    },
    /// `by` introduced the student to someone new: adds `new` (its id must be new) and
    /// links both ways, as `RecordOutcome` with `IntroducedTo` does; all or nothing.
    IntroduceNew {
        by: ContactId,
        new: NewContact,
        on: NaiveDate,
        note: String,
        at: i64,
    },
    /// Takes an outcome back: removes the latest entry equal to `entry` from the log of
    /// `contact` and, for an introduction, its other half from the other contact's log
    /// (if that contact is still there). Everything the outcome changed in the playbook
    /// follows from the log, so it is undone too.
    UndoOutcome {
        contact: ContactId,
        entry: Interaction,
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
    /// The kind capture starts with next time ("They are" remembers the last choice).
    RememberKind(Kind),
    /// The first-run set-up was saved or skipped: it is not offered again.
    SetupSeen,
    /// Light, dark, or the device's setting.
    SetTheme(Theme),
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
    /// Morning reminders: on or off, the hour they start from, and whether the offer
    /// after the first capture was answered (`domain::reminders`).
    SetReminders(Reminders),
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
    /// An accepted import: contacts added or replaced, events, step changes, and a
    /// backup's setup; all of it or none (see `domain::import`).
    Import(Box<Import>),
}
