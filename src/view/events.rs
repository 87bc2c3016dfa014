//! What the Events screen computes and says: one row per event with its counts and funnel,
//! the event's dates in words, the last day as typed checked against the first, and every
//! sentence about adding, saving and deleting an event. Plain Rust, host-tested; the page
//! only wires these to the form and the buttons.
//!
//! Like the rest of `view`, this never reads the clock: `today` is an argument.

use crate::domain::agenda::event_summary;
use crate::domain::funnel::{event_funnel, planned_reached, Funnel};
use crate::domain::{dates, Book, EventId, EventKind};
use chrono::NaiveDate;

/// One event as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EventRow {
    pub id: EventId,
    pub name: String,
    pub kind: EventKind,
    pub date: NaiveDate,
    pub ends: Option<NaiveDate>,
    pub place: String,
    /// Contacts met there.
    pub met: usize,
    /// Of those, how many had their follow-up.
    pub emailed: usize,
    /// Their follow-ups overdue, as the agenda counts them.
    pub overdue: usize,
    /// The event captures are linked to now.
    pub current: bool,
    pub funnel: Funnel,
    /// Companies of its plan with someone captured, of all planned; `None` without a plan.
    pub planned: Option<(usize, usize)>,
}

/// Every event of `book`, in the book's order, as the list shows it on `today`.
pub fn event_rows(book: &Book, today: NaiveDate) -> Vec<EventRow> {
    let current = book.settings().current_event.as_ref();
    book.events()
        .map(|e| {
            let summary = event_summary(book, &e.id, today);
            EventRow {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                date: e.date,
                ends: e.ends,
                place: e.place.clone(),
                met: summary.as_ref().map_or(0, |s| s.met),
                emailed: summary.as_ref().map_or(0, |s| s.emailed),
                overdue: summary.as_ref().map_or(0, |s| s.overdue),
                current: current == Some(&e.id),
                funnel: event_funnel(book, &e.id),
                planned: planned_reached(book, &e.id),
            }
        })
        .collect()
}

/// The event's card title id: "event-<id>".
pub fn title_id(id: &EventId) -> String {
    format!("event-{id}")
}

/// The kind and dates: "Career fair · 26 Nov 2026", or "… · 26 Nov 2026 to 27 Nov 2026".
pub fn when(kind: EventKind, date: NaiveDate, ends: Option<NaiveDate>) -> String {
    match ends {
        Some(end) => format!(
            "{} · {} to {}",
            kind.label(),
            dates::long(date),
            dates::long(end)
        ),
        None => format!("{} · {}", kind.label(), dates::long(date)),
    }
}

/// The last day as typed, against the first day (`None` when it is not a date): no last
/// day for an empty box or the same day, else the day, or why it cannot be.
pub fn last_day(typed: &str, first: Option<NaiveDate>) -> Result<Option<NaiveDate>, &'static str> {
    match (typed.trim().is_empty(), dates::parse_iso(typed), first) {
        (true, _, _) => Ok(None),
        (false, Some(end), Some(start)) if end >= start => Ok((end > start).then_some(end)),
        (false, Some(_), Some(_)) => Err("The last day can't be before the first."),
        (false, Some(_), None) => Ok(None),
        (false, None, _) => Err("Pick the last day, or leave it empty for a one-day event."),
    }
}

/// After Add event or Save changes.
pub fn saved_notice(name: &str, is_new: bool) -> String {
    if is_new {
        format!("Added \u{201c}{name}\u{201d}. Tap Capture here when you arrive.")
    } else {
        format!("Saved your changes to \u{201c}{name}\u{201d}.")
    }
}

/// "Delete “Fall Career Fair”?"
pub fn delete_question(name: &str) -> String {
    format!("Delete \u{201c}{name}\u{201d}?")
}

/// Under the question: what deleting keeps, for `met` people met there.
pub fn delete_keeps(met: usize) -> String {
    match met {
        0 => "No contacts are linked to it.".to_string(),
        1 => "The person you met there stays in your contacts; they just won't be linked to this event any more.".to_string(),
        n => format!("The {n} people you met there stay in your contacts; they just won't be linked to this event any more."),
    }
}

/// After the delete, for `met` people met there.
pub fn deleted_notice(name: &str, met: usize) -> String {
    match met {
        0 => format!("Deleted \u{201c}{name}\u{201d}."),
        1 => format!(
            "Deleted \u{201c}{name}\u{201d}. The person you met there is still in your contacts."
        ),
        n => format!(
            "Deleted \u{201c}{name}\u{201d}. The {n} people you met there are still in your contacts."
        ),
    }
}

/// The funnel chart's caption.
pub fn funnel_caption(name: &str) -> String {
    format!("{name}: what you did and what came of it")
}

/// The folded funnel's one line: its headline, or "no replies yet" when there is none.
pub fn funnel_line(headline: String) -> String {
    if headline.is_empty() {
        "no replies yet".to_string()
    } else {
        headline
    }
}

/// After the overdue count: " follow-up overdue" or " follow-ups overdue".
pub fn overdue_label(overdue: usize) -> &'static str {
    if overdue == 1 {
        " follow-up overdue"
    } else {
        " follow-ups overdue"
    }
}

/// Where the counts lead, for screen readers: ": see who" for one person met.
pub fn see_label(met: usize) -> &'static str {
    if met == 1 {
        ": see who"
    } else {
        ": see them all"
    }
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
