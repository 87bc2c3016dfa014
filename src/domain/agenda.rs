//! What to do today: every contact's due steps grouped as overdue, due today and the next
//! seven days, plus per-event counts ("met 12 at Fall Career Fair, 9 emailed, 3 overdue").
//!
//! Pure functions of the book and `today`; this module never reads the clock.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::book::Book;
use super::contact::{Contact, ContactId};
use super::event::EventId;
use super::playbook::{self, plus, StepView};
use super::step::{Status, Step, StepState, Window};

/// How many days ahead the "coming up" section looks.
pub const AHEAD_DAYS: u64 = 7;

/// One step of one contact on the agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaEntry {
    pub contact: ContactId,
    pub step: Step,
    pub status: Status,
    pub window: Window,
}

/// The agenda for one day. Entries hold ids; look contacts up with `Book::contact`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    /// Past their window, the longest overdue first.
    pub overdue: Vec<AgendaEntry>,
    /// Due today (their window includes today), the soonest to close first.
    pub today: Vec<AgendaEntry>,
    /// Opening in the next seven days (not counting today), soonest first. Steps waiting
    /// on an earlier step are left out.
    pub upcoming: Vec<AgendaEntry>,
}

/// The number of entries in each section.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaCounts {
    pub overdue: usize,
    pub today: usize,
    pub upcoming: usize,
}

impl Agenda {
    pub fn counts(&self) -> AgendaCounts {
        AgendaCounts {
            overdue: self.overdue.len(),
            today: self.today.len(),
            upcoming: self.upcoming.len(),
        }
    }

    /// Nothing overdue, due or coming up.
    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty() && self.today.is_empty() && self.upcoming.is_empty()
    }

    /// Overdue and due today: what needs doing now.
    pub fn needs_action(&self) -> usize {
        self.overdue.len() + self.today.len()
    }
}

/// The agenda of the whole book on `today`.
pub fn agenda(book: &Book, today: NaiveDate) -> Agenda {
    let cadence = book.settings().default_cadence_days;
    let horizon = plus(today, AHEAD_DAYS);
    let mut found: Vec<(&Contact, StepView)> = Vec::new();
    for contact in book.contacts() {
        for view in playbook::plan(contact, cadence, today) {
            found.push((contact, view));
        }
    }
    let mut agenda = Agenda::default();
    for (contact, view) in found {
        let entry = AgendaEntry {
            contact: contact.id.clone(),
            step: view.step,
            status: view.status,
            window: view.window,
        };
        match view.status {
            Status::Overdue(_) => agenda.overdue.push(entry),
            Status::DueToday => agenda.today.push(entry),
            Status::Upcoming(on) if on <= horizon && view.waiting_on.is_none() => {
                agenda.upcoming.push(entry)
            }
            _ => {}
        }
    }
    // `book.contacts()` is already in a stable order, and these sorts are stable.
    agenda.overdue.sort_by_key(|e| (e.window.closes, e.step));
    agenda.today.sort_by_key(|e| (e.window.closes, e.step));
    agenda.upcoming.sort_by_key(|e| (e.window.opens, e.step));
    agenda
}

/// The counts for one event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    pub event: EventId,
    pub name: String,
    /// Contacts met there.
    pub met: usize,
    /// Of those, how many have had the follow-up email (step done).
    pub emailed: usize,
    /// Of those, how many have at least one overdue step.
    pub overdue: usize,
    /// Of those, how many have a step due today (and none overdue).
    pub due_today: usize,
}

impl fmt::Display for EventSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "met {} at {}, {} emailed, {} overdue",
            self.met, self.name, self.emailed, self.overdue
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
    };
    for contact in book
        .contacts_unordered()
        .filter(|c| c.event.as_ref() == Some(event))
    {
        summary.met += 1;
        if matches!(contact.steps.email, StepState::Done(_)) {
            summary.emailed += 1;
        }
        let plan = playbook::plan(contact, cadence, today);
        if plan.iter().any(|v| matches!(v.status, Status::Overdue(_))) {
            summary.overdue += 1;
        } else if plan.iter().any(|v| v.status == Status::DueToday) {
            summary.due_today += 1;
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
