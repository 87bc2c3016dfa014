//! What to do today: every contact's due steps grouped as overdue, due today and the next
//! seven days, plus per-event counts ("met 12 at Fall Career Fair, 9 emailed, 3 overdue").
//!
//! A step more than `MISSED_AFTER_DAYS` past its window leaves the overdue list for
//! `missed`, a group the agenda shows collapsed, so that the daily list keeps its signal.
//! Every count is a count of follow-ups (steps), and an event's counts use the same
//! grouping as the agenda, so the two screens agree.
//!
//! Pure functions of the book and `today`; this module never reads the clock.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::book::Book;
use super::contact::ContactId;
use super::event::EventId;
use super::playbook::{self, plus, Hint, StepView};
use super::snapshot::Glance;
use super::step::{Status, Step, StepState, Window};

/// How many days ahead the "coming up" section looks.
pub const AHEAD_DAYS: u64 = 7;

/// A step overdue by more than this many days is missed rather than overdue.
pub const MISSED_AFTER_DAYS: u32 = 14;

/// Where a step of the playbook falls on the agenda of one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Group {
    /// More than `MISSED_AFTER_DAYS` past its window.
    Missed,
    Overdue,
    Today,
    /// Opening in the next `AHEAD_DAYS` days.
    Upcoming,
}

/// The agenda group of one step, or `None` when the agenda does not show it (done,
/// skipped, waiting on an earlier step or further ahead).
pub fn group_of(view: &StepView, today: NaiveDate) -> Option<Group> {
    match view.status {
        Status::Overdue(days) if days > MISSED_AFTER_DAYS => Some(Group::Missed),
        Status::Overdue(_) => Some(Group::Overdue),
        Status::DueToday => Some(Group::Today),
        Status::Upcoming(on) if on <= plus(today, AHEAD_DAYS) && view.waiting_on.is_none() => {
            Some(Group::Upcoming)
        }
        _ => None,
    }
}

/// One step of one contact on the agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaEntry {
    pub contact: ContactId,
    pub step: Step,
    pub status: Status,
    pub window: Window,
    pub hint: Option<Hint>,
    /// The follow-up goes as a LinkedIn message (no email address).
    pub by_message: bool,
}

impl AgendaEntry {
    /// What to do, as the agenda row says it.
    pub fn label(&self) -> &'static str {
        playbook::step_label(self.step, self.status, self.hint, self.by_message)
    }
}

/// The agenda for one day. Entries hold ids; look contacts up with `Book::contact`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    /// More than `MISSED_AFTER_DAYS` past their window, the longest overdue first.
    pub missed: Vec<AgendaEntry>,
    /// Past their window (by at most `MISSED_AFTER_DAYS`), the longest overdue first.
    pub overdue: Vec<AgendaEntry>,
    /// Due today (their window includes today), the soonest to close first.
    pub today: Vec<AgendaEntry>,
    /// Opening in the next seven days (not counting today), soonest first. Steps waiting
    /// on an earlier step are left out.
    pub upcoming: Vec<AgendaEntry>,
}

/// The number of follow-ups (steps, not people) in each section.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaCounts {
    pub missed: usize,
    pub overdue: usize,
    pub today: usize,
    pub upcoming: usize,
}

impl Agenda {
    pub fn counts(&self) -> AgendaCounts {
        AgendaCounts {
            missed: self.missed.len(),
            overdue: self.overdue.len(),
            today: self.today.len(),
            upcoming: self.upcoming.len(),
        }
    }

    /// Nothing missed, overdue, due or coming up.
    pub fn is_empty(&self) -> bool {
        self.missed.is_empty()
            && self.overdue.is_empty()
            && self.today.is_empty()
            && self.upcoming.is_empty()
    }

    /// Overdue and due today: what needs doing now.
    pub fn needs_action(&self) -> usize {
        self.overdue.len() + self.today.len()
    }
}

/// The agenda of the whole book on `today`.
pub fn agenda(book: &Book, today: NaiveDate) -> Agenda {
    let cadence = book.settings().default_cadence_days;
    let mut views = book.contacts().flat_map(|c| {
        playbook::plan(c, cadence, today)
            .into_iter()
            .map(move |v| (&c.id, v))
    });
    collect(&mut views, today)
}

/// The agenda on `today` from the digests read at start, before the book is: the same
/// agenda as [`agenda`] of the book they were written from (`snapshot::digest`).
pub fn glance_agenda(glance: &Glance, today: NaiveDate) -> Agenda {
    let mut views = glance
        .contacts
        .iter()
        .flat_map(|c| c.plan(today).map(move |v| (&c.id, v)));
    collect(&mut views, today)
}

/// Groups and sorts the planned steps of each contact, given in `Book::contacts` order.
fn collect(views: &mut dyn Iterator<Item = (&ContactId, StepView)>, today: NaiveDate) -> Agenda {
    let mut agenda = Agenda::default();
    for (id, view) in views {
        let Some(group) = group_of(&view, today) else {
            continue;
        };
        let entry = AgendaEntry {
            contact: id.clone(),
            step: view.step,
            status: view.status,
            window: view.window,
            hint: view.hint,
            by_message: view.by_message,
        };
        match group {
            Group::Missed => agenda.missed.push(entry),
            Group::Overdue => agenda.overdue.push(entry),
            Group::Today => agenda.today.push(entry),
            Group::Upcoming => agenda.upcoming.push(entry),
        }
    }
    // `book.contacts()` is already in a stable order, and these sorts are stable.
    // One key function for the four sorts: a closure each would be four copies of the
    // sort's code in the first load.
    fn key(upcoming: bool) -> impl Fn(&AgendaEntry) -> (NaiveDate, Step) {
        move |e| {
            let day = if upcoming {
                e.window.opens
            } else {
                e.window.closes
            };
            (day, e.step)
        }
    }
    agenda.missed.sort_by_key(key(false));
    agenda.overdue.sort_by_key(key(false));
    agenda.today.sort_by_key(key(false));
    agenda.upcoming.sort_by_key(key(true));
    agenda
}

/// The counts for one event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    pub event: EventId,
    pub name: String,
    /// Contacts met there.
    pub met: usize,
    /// Of those, how many have had the follow-up (by email or as a LinkedIn message).
    pub emailed: usize,
    /// Their follow-ups (steps) in the agenda's overdue group.
    pub overdue: usize,
    /// Their follow-ups due today.
    pub due_today: usize,
    /// Their follow-ups in the agenda's missed group.
    pub missed: usize,
}

impl fmt::Display for EventSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "met {} at {}, {} followed up, {} {} overdue",
            self.met,
            self.name,
            self.emailed,
            self.overdue,
            if self.overdue == 1 {
                "follow-up"
            } else {
                "follow-ups"
            }
        )
    }
}

/// The counts for one event, or `None` if it is not in the book.
pub fn event_summary(book: &Book, event: &EventId, today: NaiveDate) -> Option<EventSummary> {
    let found = book.event(event)?;
    let cadence = book.settings().default_cadence_days;
    let mut summary = EventSummary {
        event: found.id.clone(),
        name: found.name.clone(),
        met: 0,
        emailed: 0,
        overdue: 0,
        due_today: 0,
        missed: 0,
    };
    for contact in book
        .contacts_unordered()
        .filter(|c| c.event.as_ref() == Some(event))
    {
        summary.met += 1;
        if matches!(contact.steps.email, StepState::Done(_)) {
            summary.emailed += 1;
        }
        for view in playbook::plan(contact, cadence, today) {
            match group_of(&view, today) {
                Some(Group::Missed) => summary.missed += 1,
                Some(Group::Overdue) => summary.overdue += 1,
                Some(Group::Today) => summary.due_today += 1,
                Some(Group::Upcoming) | None => {}
            }
        }
    }
    Some(summary)
}

/// The counts for every event, in `Book::events` order.
pub fn event_summaries(book: &Book, today: NaiveDate) -> Vec<EventSummary> {
    book.events()
        .filter_map(|e| event_summary(book, &e.id, today))
        .collect()
}

#[cfg(test)]
#[path = "agenda_tests.rs"]
mod tests;
