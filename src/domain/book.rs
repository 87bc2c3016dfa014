//! The book: every contact and event, the profile, the templates and the settings, and
//! the one reducer that changes them, `Book::apply(Command)`.
//!
//! `apply` is all-or-nothing: on error the book is unchanged. It never reads the clock or
//! makes ids; both arrive inside the command. The UI calls
//! `state.book.update(|b| b.apply(cmd))` and derives views with pure functions such as
//! `agenda(&book, today)`.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::command::Command;
use super::contact::{Contact, ContactId, NewContact};
use super::event::{Event, EventId};
use super::interaction::{Interaction, InteractionKind};
use super::outcome::{self, Outcome, Referral};
use super::placeholder::Context;
use super::playbook::{self, StepView};
use super::prep::PrepError;
use super::profile::Profile;
use super::reminders;
use super::settings::Settings;
use super::step::{Step, StepState};
use super::template::{Template, TemplateError};
use super::templates::{Draft, Templates};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Book {
    // `pub(super)` so `snapshot` can store contacts one key each and merge another tab's
    // changes; everything else goes through `apply`.
    pub(super) contacts: Vec<Contact>,
    pub(super) events: Vec<Event>,
    pub(super) profile: Profile,
    pub(super) templates: Templates,
    pub(super) settings: Settings,
}

/// Days without a backup after which the agenda suggests one.
pub const BACKUP_REMINDER_DAYS: i64 = 14;

/// Why the agenda suggests a backup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupReminder {
    /// No backup was ever made.
    Never,
    /// The last backup was this many days ago.
    DaysAgo(i64),
}

/// Why a command was refused. Each message is a sentence the UI can show as is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BookError {
    /// A contact's name is empty after trimming.
    BlankName,
    /// An event's name is empty after trimming.
    BlankEventName,
    /// A new contact or event came without an id (a bug in the caller).
    BlankId,
    /// A contact with this id is already in the book.
    DuplicateId(ContactId),
    /// No contact has this id (it may have been deleted in another tab).
    NoSuchContact(ContactId),
    /// No event has this id.
    NoSuchEvent(EventId),
    /// A keep-in-touch cadence of zero days.
    ZeroCadence,
    /// A template that does not parse; the previous one was kept.
    Template(TemplateError),
    /// A merge of a contact with itself (a bug in the caller).
    MergeWithItself,
    /// An introduction of a contact to themselves.
    LinkToItself,
    /// The log entry to undo is not there (already undone, perhaps in another tab).
    NoSuchEntry,
    /// A reminder hour outside `reminders::HOURS`.
    ReminderHour(u8),
    /// A change to an event's plan that cannot be made.
    Prep(PrepError),
}

impl fmt::Display for BookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BookError::BlankName => f.write_str("Add their name: every contact needs one."),
            BookError::BlankEventName => f.write_str("Add the event's name."),
            BookError::BlankId => {
                f.write_str("This could not be saved because it has no id. Please try again.")
            }
            BookError::DuplicateId(id) => write!(
                f,
                "A contact with the id {id} already exists, so nothing was added. Please try again."
            ),
            BookError::NoSuchContact(_) => f.write_str(
                "That contact is no longer in your book; it may have been deleted in another tab.",
            ),
            BookError::NoSuchEvent(_) => f.write_str(
                "That event is no longer in your book; it may have been deleted in another tab.",
            ),
            BookError::ZeroCadence => {
                f.write_str("Keep-in-touch reminders need a gap of at least one day.")
            }
            BookError::MergeWithItself => {
                f.write_str("A contact cannot be merged with itself; nothing was changed.")
            }
            BookError::LinkToItself => {
                f.write_str("Pick someone else: a contact cannot introduce you to themselves.")
            }
            BookError::ReminderHour(_) => {
                f.write_str("Reminders can start from 6:00 to 20:00; nothing was changed.")
            }
            BookError::NoSuchEntry => f.write_str(
                "That entry is no longer in the history; it may have been undone in another tab.",
            ),
            BookError::Prep(error) => error.fmt(f),
            BookError::Template(error) => {
                write!(
                    f,
                    "{error} The template was not saved; the previous one is kept."
                )
            }
        }
    }
}

impl std::error::Error for BookError {}

/// [`Book::backup_reminder`] from the last backup and the earliest meeting.
pub fn backup_reminder(
    last_backup: Option<NaiveDate>,
    first_met: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<BackupReminder> {
    let since = last_backup.or(first_met)?;
    let days = (today - since).num_days();
    (days >= BACKUP_REMINDER_DAYS).then_some(match last_backup {
        Some(_) => BackupReminder::DaysAgo(days),
        None => BackupReminder::Never,
    })
}

impl Book {
    /// Applies one command. On error nothing changes.
    pub fn apply(&mut self, cmd: Command) -> Result<(), BookError> {
        match cmd {
            Command::AddContact(fields) => self.add_contact(fields),
            Command::UpdateContact(fields) => {
                self.check_fields(&fields)?;
                let contact = self.contact_mut(&fields.id)?;
                contact.set_fields(fields);
                Ok(())
            }
            Command::DeleteContact(id) => {
                self.contact_mut(&id)?;
                self.contacts.retain(|c| c.id != id);
                Ok(())
            }
            Command::SaveEvent(event) => self.save_event(event),
            Command::DeleteEvent { id, at } => {
                self.event_index(&id)?;
                self.events.retain(|e| e.id != id);
                for contact in &mut self.contacts {
                    if contact.event.as_ref() == Some(&id) {
                        contact.event = None;
                        contact.updated_at = at;
                    }
                }
                if self.settings.current_event.as_ref() == Some(&id) {
                    self.settings.current_event = None;
                }
                Ok(())
            }
            Command::SetPrep { event, prep } => {
                let i = self.event_index(&event)?;
                self.events[i].prep = prep;
                Ok(())
            }
            Command::MarkDone {
                contact,
                step,
                on,
                at,
            } => {
                let contact = self.contact_mut(&contact)?;
                contact.steps.set(step, StepState::Done(on));
                log(
                    contact,
                    Interaction {
                        on,
                        kind: InteractionKind::Step(step),
                        note: String::new(),
                        outcome: None,
                    },
                );
                contact.updated_at = at;
                Ok(())
            }
            Command::SentAsMessage { contact, on, at } => {
                let contact = self.contact_mut(&contact)?;
                contact.steps.set(Step::Email, StepState::Done(on));
                log(
                    contact,
                    Interaction {
                        on,
                        kind: InteractionKind::FollowUpMessage,
                        note: String::new(),
                        outcome: None,
                    },
                );
                contact.updated_at = at;
                Ok(())
            }
            Command::Skip {
                contact,
                step,
                on,
                at,
            } => self.set_step(&contact, step, StepState::Skipped(on), at),
            Command::Snooze {
                contact,
                step,
                until,
                at,
            } => self.set_step(&contact, step, StepState::Snoozed(until), at),
            Command::Reset { contact, step, at } => self.apply(Command::Restore {
                contact,
                step,
                state: StepState::Pending,
                at,
            }),
            Command::Restore {
                contact,
                step,
                state,
                at,
            } => {
                take_back_done(self.contact_mut(&contact)?, step, state);
                self.set_step(&contact, step, state, at)
            }
            Command::LogInteraction {
                contact,
                on,
                kind,
                note,
                at,
            } => {
                let contact = self.contact_mut(&contact)?;
                log(
                    contact,
                    Interaction {
                        on,
                        kind,
                        note: note.trim().to_string(),
                        outcome: None,
                    },
                );
                contact.updated_at = at;
                Ok(())
            }
            Command::RecordOutcome {
                contact,
                on,
                outcome,
                note,
                at,
            } => self.record_outcome(&contact, outcome::entry(on, outcome, &note), at),
            Command::IntroduceNew {
                by,
                new,
                on,
                note,
                at,
            } => {
                let before = self.contacts.len();
                let to = new.id.clone();
                self.add_contact(new)?;
                let outcome = Outcome::IntroducedTo { contact: to };
                let recorded = self.record_outcome(&by, outcome::entry(on, outcome, &note), at);
                if recorded.is_err() {
                    self.contacts.truncate(before);
                }
                recorded
            }
            Command::UndoOutcome { contact, entry, at } => self.undo_outcome(&contact, &entry, at),
            Command::SetProfile(profile) => {
                self.profile = profile;
                Ok(())
            }
            Command::SetTemplate { kind, text } => {
                let template = Template::parse(&text).map_err(BookError::Template)?;
                self.templates.set(kind, template);
                Ok(())
            }
            Command::ResetTemplate(kind) => {
                self.templates.set(kind, kind.default_template());
                Ok(())
            }
            Command::SetupSeen => {
                self.settings.setup_seen = true;
                Ok(())
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                Ok(())
            }
            Command::RememberKind(kind) => {
                self.settings.last_kind = Some(kind);
                Ok(())
            }
            Command::SetPremium(premium) => {
                self.settings.premium = premium;
                Ok(())
            }
            Command::SetDefaultCadence(days) => {
                if days == 0 {
                    return Err(BookError::ZeroCadence);
                }
                self.settings.default_cadence_days = days;
                Ok(())
            }
            Command::SetCard(kind) => {
                self.settings.card = kind;
                Ok(())
            }
            Command::SetBadge(on) => {
                self.settings.badge_off = !on;
                Ok(())
            }
            Command::SetReminders(reminders) => {
                if !reminders::HOURS.contains(&reminders.hour) {
                    return Err(BookError::ReminderHour(reminders.hour));
                }
                self.settings.reminders = reminders;
                Ok(())
            }
            Command::RecordBackup(on) => {
                self.settings.last_backup = Some(on);
                Ok(())
            }
            Command::MergeContacts {
                keep,
                other,
                choices,
                at,
            } => self.merge_contacts(&keep, &other, &choices, at),
            Command::RestoreContacts { contacts, at } => self.restore_contacts(&contacts, at),
            Command::SetCurrentEvent(id) => {
                if let Some(id) = &id {
                    self.event_index(id)?;
                }
                self.settings.current_event = id;
                Ok(())
            }
            Command::Import(import) => self.import(*import),
        }
    }

    /// Every contact, newest meeting first, then by name, then by id.
    pub fn contacts(&self) -> impl Iterator<Item = &Contact> {
        let mut sorted: Vec<&Contact> = self.contacts.iter().collect();
        // Lowercasing once per contact, not once per comparison: at 20,000 contacts the
        // difference is tens of milliseconds on a phone.
        sorted.sort_by_cached_key(|c| (std::cmp::Reverse(c.met_on), c.name.to_lowercase(), &c.id));
        sorted.into_iter()
    }

    /// Every contact in storage order (ids ascending for a loaded book), for work where
    /// the order does not matter.
    pub fn contacts_unordered(&self) -> impl Iterator<Item = &Contact> {
        self.contacts.iter()
    }

    /// How many contacts the book holds.
    pub fn contact_count(&self) -> usize {
        self.contacts.len()
    }

    pub fn contact(&self, id: &ContactId) -> Option<&Contact> {
        self.contacts.iter().find(|c| &c.id == id)
    }

    /// Every event, most recent first, then by name.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        let mut sorted: Vec<&Event> = self.events.iter().collect();
        sorted.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
                .then_with(|| a.id.cmp(&b.id))
        });
        sorted.into_iter()
    }

    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.events.iter().find(|e| &e.id == id)
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    /// Whether the agenda should remind the student to export a backup on `today`: there
    /// are contacts, and the last backup — or, when there has never been one, the earliest
    /// meeting — is at least [`BACKUP_REMINDER_DAYS`] ago.
    pub fn backup_reminder(&self, today: NaiveDate) -> Option<BackupReminder> {
        let first_met = self.contacts.iter().map(|c| c.met_on).min();
        backup_reminder(self.settings.last_backup, first_met, today)
    }

    /// The contact's applicable steps on `today`, with the default cadence from settings.
    pub fn plan(&self, contact: &Contact, today: NaiveDate) -> Vec<StepView> {
        playbook::plan(contact, self.settings.default_cadence_days, today)
    }

    /// The values for messages to this contact (with whether, and by whom, the student was
    /// introduced to them).
    pub fn context(&self, contact: &Contact) -> Context {
        let mut context = Context::new(contact, self.event_of(contact), &self.profile);
        let introducers = outcome::introduced_by(contact);
        context.introduced = !introducers.is_empty();
        if let Some(by) = introducers.into_iter().find_map(|id| self.contact(id)) {
            context.introduced_by = by.name.clone();
        }
        context
    }

    /// Where the contact's referral stands, moved also by what was logged on the people
    /// they introduced the student to (see `outcome::referral`).
    pub fn referral(&self, contact: &Contact) -> Option<Referral> {
        let introduced: Vec<&Contact> = outcome::introduced_to(contact)
            .into_iter()
            .filter_map(|id| self.contact(id))
            .collect();
        outcome::referral(contact, &introduced)
    }

    /// Logs an outcome entry on `id`, and the other half of an introduction on the other
    /// contact. All or nothing.
    fn record_outcome(
        &mut self,
        id: &ContactId,
        entry: Interaction,
        at: i64,
    ) -> Result<(), BookError> {
        self.contact_mut(id)?;
        let mirror = match &entry.outcome {
            Some(outcome) => mirror(id, outcome),
            None => None,
        };
        if let Some((other, _)) = &mirror {
            if other == id {
                return Err(BookError::LinkToItself);
            }
            self.contact_mut(other)?;
        }
        let on = entry.on;
        let note = entry.note.clone();
        let contact = self.contact_mut(id)?;
        log(contact, entry);
        contact.updated_at = at;
        if let Some((other, outcome)) = mirror {
            let other = self.contact_mut(&other)?;
            log(other, outcome::entry(on, outcome, &note));
            other.updated_at = at;
        }
        Ok(())
    }

    fn undo_outcome(
        &mut self,
        id: &ContactId,
        entry: &Interaction,
        at: i64,
    ) -> Result<(), BookError> {
        let contact = self.contact_mut(id)?;
        let index = contact
            .interactions
            .iter()
            .rposition(|i| i == entry)
            .ok_or(BookError::NoSuchEntry)?;
        contact.interactions.remove(index);
        contact.updated_at = at;
        let Some((other, outcome)) = entry.outcome.as_ref().and_then(|o| mirror(id, o)) else {
            return Ok(());
        };
        if let Ok(other) = self.contact_mut(&other) {
            let half = outcome::entry(entry.on, outcome, &entry.note);
            if let Some(index) = other.interactions.iter().rposition(|i| *i == half) {
                other.interactions.remove(index);
                other.updated_at = at;
            }
        }
        Ok(())
    }

    /// The filled message for one step of one contact.
    pub fn draft(&self, contact: &Contact, step: Step) -> Draft {
        self.templates.draft(step, &self.context(contact))
    }

    /// The event a contact was met at, if it is still in the book.
    pub fn event_of(&self, contact: &Contact) -> Option<&Event> {
        contact.event.as_ref().and_then(|id| self.event(id))
    }

    fn add_contact(&mut self, fields: NewContact) -> Result<(), BookError> {
        if fields.id.as_str().trim().is_empty() {
            return Err(BookError::BlankId);
        }
        if self.contact(&fields.id).is_some() {
            return Err(BookError::DuplicateId(fields.id));
        }
        self.check_fields(&fields)?;
        self.contacts.push(Contact::new(fields));
        Ok(())
    }

    fn check_fields(&self, fields: &NewContact) -> Result<(), BookError> {
        if fields.name.trim().is_empty() {
            return Err(BookError::BlankName);
        }
        if fields.cadence_days == Some(0) {
            return Err(BookError::ZeroCadence);
        }
        if let Some(event) = &fields.event {
            self.event_index(event)?;
        }
        Ok(())
    }

    fn save_event(&mut self, mut event: Event) -> Result<(), BookError> {
        if event.id.as_str().trim().is_empty() {
            return Err(BookError::BlankId);
        }
        event.name = event.name.trim().to_string();
        event.place = event.place.trim().to_string();
        if event.name.is_empty() {
            return Err(BookError::BlankEventName);
        }
        match self.event_index(&event.id) {
            Ok(i) => self.events[i] = event,
            Err(_) => self.events.push(event),
        }
        Ok(())
    }

    fn set_step(
        &mut self,
        id: &ContactId,
        step: Step,
        state: StepState,
        at: i64,
    ) -> Result<(), BookError> {
        let contact = self.contact_mut(id)?;
        contact.steps.set(step, state);
        contact.updated_at = at;
        Ok(())
    }

    fn contact_mut(&mut self, id: &ContactId) -> Result<&mut Contact, BookError> {
        self.contacts
            .iter_mut()
            .find(|c| &c.id == id)
            .ok_or_else(|| BookError::NoSuchContact(id.clone()))
    }

    fn event_index(&self, id: &EventId) -> Result<usize, BookError> {
        self.events
            .iter()
            .position(|e| &e.id == id)
            .ok_or_else(|| BookError::NoSuchEvent(id.clone()))
    }
}

/// The other half of an introduction logged on `id`: the contact it is logged on, and
/// what is logged there.
fn mirror(id: &ContactId, outcome: &Outcome) -> Option<(ContactId, Outcome)> {
    match outcome {
        Outcome::IntroducedTo { contact } => Some((
            contact.clone(),
            Outcome::IntroducedBy {
                contact: id.clone(),
            },
        )),
        Outcome::IntroducedBy { contact } => Some((
            contact.clone(),
            Outcome::IntroducedTo {
                contact: id.clone(),
            },
        )),
        _ => None,
    }
}

/// Before `step` goes back to `state` (`Reset`, `Restore`): when that undoes "done", takes
/// back the entry that marking it done logged; anything the student logged by hand stays.
fn take_back_done(contact: &mut Contact, step: Step, state: StepState) {
    let StepState::Done(on) = contact.steps.get(step) else {
        return;
    };
    if state == StepState::Done(on) {
        return;
    }
    let by_step = |kind| {
        kind == InteractionKind::Step(step)
            || (step == Step::Email && kind == InteractionKind::FollowUpMessage)
    };
    let logged = contact
        .interactions
        .iter()
        .rposition(|i| i.on == on && by_step(i.kind) && i.note.is_empty());
    if let Some(index) = logged {
        contact.interactions.remove(index);
    }
}

/// Adds an interaction, keeping the log in date order, and restarts keep-in-touch: a
/// snoozed or done keep-in-touch step goes back to pending (a skipped one stays skipped).
fn log(contact: &mut Contact, interaction: Interaction) {
    let at = contact
        .interactions
        .partition_point(|i| i.on <= interaction.on);
    contact.interactions.insert(at, interaction);
    if matches!(
        contact.steps.keep_in_touch,
        StepState::Snoozed(_) | StepState::Done(_)
    ) {
        contact.steps.keep_in_touch = StepState::Pending;
    }
}

#[cfg(test)]
#[path = "book_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "book_outcomes_tests.rs"]
mod outcome_tests;
