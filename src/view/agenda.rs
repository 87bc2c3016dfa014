//! The agenda screen and the contact timeline as rows: names, labels, status words, hints
//! and the actions each row offers, computed from the book and `today`.
//!
//! Leptos-free and tested natively; `pages::agenda` and `pages::contact` only draw these.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::agenda::{agenda, glance_agenda, Agenda, AgendaEntry};
use crate::domain::playbook::{Hint, StepView};
use crate::domain::snapshot::{Glance, GlanceContact};
use crate::domain::{dates, Book, Contact, ContactId, Status, Step, StepState};

use super::steps::{buttons, StepButtons};

/// One agenda line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaRow {
    pub contact: ContactId,
    pub name: String,
    pub company: String,
    pub step: Step,
    pub status: Status,
    pub state: StepState,
    /// What to do ("Send the follow-up as a LinkedIn message").
    pub label: &'static str,
    /// "3 days overdue", "due tomorrow".
    pub when: String,
    pub hint: Option<String>,
    pub hook: String,
    pub by_message: bool,
    pub buttons: StepButtons,
}

/// The agenda of one day, ready to draw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgendaScreen {
    pub missed: Vec<AgendaRow>,
    pub overdue: Vec<AgendaRow>,
    pub today: Vec<AgendaRow>,
    pub upcoming: Vec<AgendaRow>,
    /// Contacts in the book (none: the first-run page).
    pub contacts: usize,
}

impl AgendaScreen {
    /// Nothing overdue or due today (missed steps do not hold the day up).
    pub fn caught_up(&self) -> bool {
        self.overdue.is_empty() && self.today.is_empty()
    }
}

/// The agenda screen of `book` on `today`.
pub fn agenda_screen(book: &Book, today: NaiveDate) -> AgendaScreen {
    // One lookup table instead of a scan of the book per row.
    let by_id: HashMap<&ContactId, &Contact> =
        book.contacts_unordered().map(|c| (&c.id, c)).collect();
    screen(
        &agenda(book, today),
        book.contact_count(),
        today,
        &|id, step| {
            let c = by_id.get(id)?;
            Some((&c.name, &c.company, &c.hook, c.steps.get(step)))
        },
    )
}

/// The agenda screen on `today` drawn from the digests read at start, before the book is
/// read: equal to [`agenda_screen`] of the book they describe, so the page does not change
/// when the book arrives.
pub fn glance_screen(glance: &Glance, today: NaiveDate) -> AgendaScreen {
    let by_id: HashMap<&ContactId, &GlanceContact> =
        glance.contacts.iter().map(|c| (&c.id, c)).collect();
    screen(
        &glance_agenda(glance, today),
        glance.count,
        today,
        &|id, step| {
            let c = by_id.get(id)?;
            let state = c.steps.iter().find(|s| s.step == step)?.state;
            Some((&c.name, &c.company, &c.hook, state))
        },
    )
}

/// What a row shows of its contact: name, company, hook and the step's stored state.
type RowFields<'a> = (&'a String, &'a String, &'a String, StepState);

fn screen<'a>(
    agenda: &Agenda,
    contacts: usize,
    today: NaiveDate,
    fields: &dyn Fn(&ContactId, Step) -> Option<RowFields<'a>>,
) -> AgendaScreen {
    let rows = |entries: &[AgendaEntry], missed: bool| -> Vec<AgendaRow> {
        entries
            .iter()
            .filter_map(|e| Some(row(fields(&e.contact, e.step)?, e, today, missed)))
            .collect()
    };
    AgendaScreen {
        missed: rows(&agenda.missed, true),
        overdue: rows(&agenda.overdue, false),
        today: rows(&agenda.today, false),
        upcoming: rows(&agenda.upcoming, false),
        contacts,
    }
}

fn row(
    (name, company, hook, state): RowFields<'_>,
    entry: &AgendaEntry,
    today: NaiveDate,
    missed: bool,
) -> AgendaRow {
    AgendaRow {
        contact: entry.contact.clone(),
        name: name.clone(),
        company: company.clone(),
        step: entry.step,
        status: entry.status,
        state,
        label: entry.label(),
        when: dates::status_text(entry.status, today),
        hint: agenda_hint(entry.hint),
        hook: hook.clone(),
        by_message: entry.by_message,
        buttons: buttons(entry.status, state, entry.hint, missed),
    }
}

/// The hints worth a line on the agenda. The missing-LinkedIn hint would repeat on most
/// cards, and the composer offers a search anyway; a missing email or channel changes
/// what to do, so those are shown.
fn agenda_hint(hint: Option<Hint>) -> Option<String> {
    hint.filter(|h| matches!(h, Hint::NoEmailAddress | Hint::NoChannel))
        .map(|h| h.to_string())
}

/// One count of the summary line: the number and what it counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    /// `missed`, `overdue`, `due` or `later`: the CSS class, as the sections use.
    pub class: &'static str,
    pub number: usize,
    pub words: String,
}

/// The summary line: follow-ups (steps, not people) overdue, due today and this week, and
/// the missed ones when there are any.
pub fn counts(screen: &AgendaScreen) -> Vec<Count> {
    let follow_ups = |n: usize| if n == 1 { "follow-up" } else { "follow-ups" };
    let mut out = vec![
        Count {
            class: "overdue",
            number: screen.overdue.len(),
            words: format!("{} overdue", follow_ups(screen.overdue.len())),
        },
        Count {
            class: "due",
            number: screen.today.len(),
            words: "due today".into(),
        },
        Count {
            class: "later",
            number: screen.upcoming.len(),
            words: "in the next 7 days".into(),
        },
    ];
    if !screen.missed.is_empty() {
        out.push(Count {
            class: "missed",
            number: screen.missed.len(),
            words: "missed".into(),
        });
    }
    out
}

/// One step of a contact's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TimelineItem {
    pub step: Step,
    pub state: StepState,
    pub status: Status,
    pub label: &'static str,
    /// "due tomorrow", "After “Send the follow-up email”".
    pub when: String,
    /// A sentence under the label: what it waits for, or until when it is snoozed.
    pub explain: Option<String>,
    pub hint: Option<Hint>,
    pub by_message: bool,
    pub buttons: StepButtons,
    /// The CSS tone and the marker drawn beside it.
    pub tone: &'static str,
    pub marker: &'static str,
}

/// The contact's timeline on `today`, from their plan (`Book::plan`): one item a step.
pub fn timeline(plan: &[StepView], today: NaiveDate) -> Vec<TimelineItem> {
    plan.iter()
        .map(|view| timeline_item(view, plan, today))
        .collect()
}

/// The timeline item of one step view of `plan` on `today`. A step that waits names the
/// step it waits for as that step is shown (a follow-up by LinkedIn message is called so).
fn timeline_item(view: &StepView, plan: &[StepView], today: NaiveDate) -> TimelineItem {
    let resolved = matches!(view.status, Status::Done(_) | Status::Skipped(_));
    let when = match view.waiting_on {
        Some(earlier) => {
            let label = plan
                .iter()
                .find(|v| v.step == earlier)
                .map_or(earlier.label(), StepView::label);
            format!("After “{label}”")
        }
        None => dates::status_text(view.status, today),
    };
    let explain = match (view.waiting_on, view.state) {
        (Some(_), _) => Some(format!(
            "Once that's done, this one comes due around {}.",
            dates::relative(view.window.opens, today)
        )),
        (None, StepState::Snoozed(until)) if !resolved => {
            Some(format!("Snoozed until {}.", dates::relative(until, today)))
        }
        _ => None,
    };
    let missed =
        matches!(view.status, Status::Overdue(n) if n > crate::domain::agenda::MISSED_AFTER_DAYS);
    let (marker, tone) = match view.status {
        Status::Done(_) => ("✓", "done"),
        Status::Skipped(_) => ("–", "skipped"),
        Status::Overdue(_) => ("!", "overdue"),
        Status::DueToday => ("●", "today"),
        Status::Upcoming(_) if view.waiting_on.is_some() => ("", "waiting"),
        Status::Upcoming(_) => ("", "upcoming"),
    };
    TimelineItem {
        step: view.step,
        state: view.state,
        status: view.status,
        label: view.label(),
        when,
        explain,
        hint: view.hint,
        by_message: view.by_message,
        buttons: buttons(view.status, view.state, view.hint, missed),
        tone,
        marker,
    }
}

#[cfg(test)]
#[path = "agenda_tests.rs"]
mod tests;
