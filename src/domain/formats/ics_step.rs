//! One step as a calendar event, for "Add to calendar" on an agenda row or in the
//! composer: a one-event `.ics` file (the phone's calendar opens it) and a Google Calendar
//! event link (`calendar.google.com/calendar/render?action=TEMPLATE…`) for those who keep
//! their calendar there.
//!
//! The event is the one the whole calendar (`ics::export_ics`) has for that step: the same
//! UID, times, summary and alarm, so adding a step here and importing the calendar later
//! updates one event rather than making two. Pure: `today` and the DTSTAMP are arguments;
//! the link is text for the student to open, never fetched by the app.

use chrono::NaiveDate;

use super::ics::{one_event_calendar, step_event, Vevent};
use crate::domain::book::Book;
use crate::domain::contact::ContactId;
use crate::domain::dates::iso;
use crate::domain::percent::encode;
use crate::domain::step::{Status, Step};

/// A step ready to add to a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepCalendar {
    /// `followup-email-2026-11-25.ics`: the step and the day of its event.
    pub file_name: String,
    /// The `.ics` text with this one event.
    pub ics: String,
    /// The Google Calendar link that opens the same event, ready to save.
    pub google: String,
}

/// `step` of `contact` as a calendar event on `today`, or `None` when there is no such
/// contact, the step does not apply to them, or it is done or skipped.
pub fn step_calendar(
    book: &Book,
    contact: &ContactId,
    step: Step,
    today: NaiveDate,
    now_stamp: &str,
) -> Option<StepCalendar> {
    let contact = book.contact(contact)?;
    let view = book
        .plan(contact, today)
        .into_iter()
        .find(|v| v.step == step)?;
    if matches!(view.status, Status::Done(_) | Status::Skipped(_)) {
        return None;
    }
    let event = step_event(book, contact, step, view.window.opens, today);
    let day = view.window.opens.max(today);
    Some(StepCalendar {
        file_name: format!("followup-{}-{}.ics", step.slug(), iso(day)),
        ics: one_event_calendar("Follow-ups", &event, now_stamp),
        google: google_link(&event),
    })
}

/// Google Calendar's "add an event" link for `event`. The times have no `Z`, so Google
/// reads them in the calendar's own time zone, as the `.ics` file's floating times are.
pub(crate) fn google_link(event: &Vevent) -> String {
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}",
        encode(&event.summary),
        event.start,
        event.end,
        encode(&event.description)
    )
}

#[cfg(test)]
#[path = "ics_step_tests.rs"]
mod tests;
