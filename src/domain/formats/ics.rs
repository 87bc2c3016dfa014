//! The calendar of pending follow-ups (RFC 5545), so the phone reminds the student even
//! when the app is closed.
//!
//! One VEVENT per step that is due and not waiting on an earlier step, on the day it is
//! due: the day its window opens, or today when it is already open or overdue (an event
//! in the past would never remind anyone). Each event is timed, 09:00 to 09:15 in the
//! phone's own time zone (floating time), because Google Calendar drops VALARMs on import
//! and an event at a time still notifies; a DISPLAY VALARM at the start covers the other
//! calendars. UIDs are stable per contact and step (`<contact-id>-<step-slug>@followup`),
//! so importing a newer file updates events instead of duplicating them.
//!
//! Meetings booked (`Outcome::Meeting`) that are today or later are events too, at their
//! own time, an hour long, with an alarm 30 minutes before; `meeting_ics` is the file for
//! one meeting, offered when it is booked. Their UIDs are
//! `<contact-id>-meeting-<yyyymmddThhmm>@followup`.
//!
//! Hand-written with `content_line` rather than the `icalendar` crate (which pulls in
//! chrono's clock and a parser) or `ics` (a writer whose folding we would still need to
//! test, for five properties). `today` and the DTSTAMP are arguments.

use chrono::{NaiveDate, NaiveDateTime};

use super::content_line::{escape, fold};
use super::vcard::met_note;
use crate::domain::book::Book;
use crate::domain::contact::Contact;
use crate::domain::dates::iso;
use crate::domain::outcome::Outcome;
use crate::domain::playbook;
use crate::domain::step::{Status, Step};

/// The `.ics` text. `now_stamp` is the DTSTAMP, UTC, like `20261126T081500Z`.
pub fn export_ics(book: &Book, today: NaiveDate, now_stamp: &str) -> String {
    let mut out = String::new();
    let mut line = |text: String| fold(&text, &mut out);
    calendar_head(&mut line);
    for event in calendar_events(book, today) {
        write_event(&mut line, now_stamp, &event, None);
    }
    line("END:VCALENDAR".into());
    out
}

/// The lines that open the follow-ups calendar.
pub(crate) fn calendar_head(line: &mut impl FnMut(String)) {
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Followup//Follow-ups//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line("X-WR-CALNAME:Follow-ups".into());
}

/// Every event of the follow-ups calendar on `today`, in the book's order: each pending
/// step's, then each meeting's from today on.
pub(crate) fn calendar_events(book: &Book, today: NaiveDate) -> Vec<Vevent> {
    let mut events = Vec::new();
    for contact in book.contacts() {
        for view in book.plan(contact, today) {
            if view.waiting_on.is_some()
                || matches!(view.status, Status::Done(_) | Status::Skipped(_))
            {
                continue;
            }
            events.push(step_event(
                book,
                contact,
                view.step,
                view.window.opens,
                today,
            ));
        }
        for at in meetings(contact) {
            if at.date() >= today {
                events.push(meeting_event(book, contact, at));
            }
        }
    }
    events
}

/// The event of `step` with `contact`, whose window opens on `opens`: on that day, or
/// today when it is already open or overdue (an event in the past would never remind
/// anyone).
pub(crate) fn step_event(
    book: &Book,
    contact: &Contact,
    step: Step,
    opens: NaiveDate,
    today: NaiveDate,
) -> Vevent {
    let day = compact_day(opens.max(today));
    Vevent {
        uid: step_uid(contact, step),
        start: format!("{day}T090000"),
        end: format!("{day}T091500"),
        due: compact_day(opens),
        summary: step_summary(step, contact),
        description: description(book, contact),
        transparent: true,
        trigger: "PT0M",
    }
}

/// `<contact-id>-<step-slug>@followup`.
pub(crate) fn step_uid(contact: &Contact, step: Step) -> String {
    format!("{}-{}@followup", contact.id, step.slug())
}

/// "Follow up: Send the follow-up email to Priya Raman", or "… as a LinkedIn message …"
/// when that is how the follow-up goes (or went).
pub(crate) fn step_summary(step: Step, contact: &Contact) -> String {
    let by_message = playbook::goes_by_message(contact, step);
    format!("Follow up: {}", what(step, &contact.name, by_message))
}

/// `20261125`.
fn compact_day(day: NaiveDate) -> String {
    iso(day).replace('-', "")
}

/// The iCalendar DTSTAMP for `at` (milliseconds since the Unix epoch), in UTC:
/// `20261126T081500Z`.
pub fn dtstamp(at: i64) -> String {
    use chrono::{Datelike, Timelike};
    // Written out by hand: chrono's formatter adds ~10 KB to the wasm.
    chrono::DateTime::from_timestamp_millis(at)
        .map(|t| {
            format!(
                "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            )
        })
        .unwrap_or_else(|| "19700101T000000Z".to_string())
}

/// A calendar file with one meeting with `contact`, for the phone's calendar.
pub fn meeting_ics(book: &Book, contact: &Contact, at: NaiveDateTime, now_stamp: &str) -> String {
    one_event_calendar("Meetings", &meeting_event(book, contact, at), now_stamp)
}

/// A calendar file holding `event` alone; `product` names it in PRODID ("Meetings").
pub(crate) fn one_event_calendar(product: &str, event: &Vevent, now_stamp: &str) -> String {
    let mut out = String::new();
    let mut line = |text: String| fold(&text, &mut out);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line(format!("PRODID:-//Followup//{product}//EN"));
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    write_event(&mut line, now_stamp, event, None);
    line("END:VCALENDAR".into());
    out
}

/// The times of the meetings booked with `contact`, without repeats.
fn meetings(contact: &Contact) -> Vec<NaiveDateTime> {
    let mut out: Vec<NaiveDateTime> = contact
        .interactions
        .iter()
        .filter_map(|i| match i.outcome {
            Some(Outcome::Meeting { at }) => Some(at),
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn meeting_event(book: &Book, contact: &Contact, at: NaiveDateTime) -> Vevent {
    let start = stamp(at);
    let end = stamp(at + chrono::TimeDelta::hours(1));
    Vevent {
        uid: format!("{}-meeting-{}@followup", contact.id, &start[..13]),
        due: start.clone(),
        start,
        end,
        summary: format!("Meeting with {}", contact.name),
        description: description(book, contact),
        transparent: false,
        trigger: "-PT30M",
    }
}

/// One calendar event with a display alarm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Vevent {
    pub uid: String,
    /// DTSTART and DTEND, floating local times such as `20261125T090000`.
    pub start: String,
    pub end: String,
    /// When it is due by its own dates: a step's window's first day (`20261120`, which
    /// stays put while an overdue step's `start` follows today), a meeting's start.
    pub due: String,
    pub summary: String,
    pub description: String,
    /// Shown as free time (a reminder, not a meeting).
    pub transparent: bool,
    /// The alarm's offset from the start, such as `PT0M` or `-PT30M`.
    pub trigger: &'static str,
}

/// Writes `e`; with `sequence`, its SEQUENCE (a calendar that already has the UID takes
/// the event with the higher one).
pub(crate) fn write_event(
    line: &mut impl FnMut(String),
    now_stamp: &str,
    e: &Vevent,
    sequence: Option<u32>,
) {
    line("BEGIN:VEVENT".into());
    line(format!("UID:{}", escape(&e.uid)));
    line(format!("DTSTAMP:{now_stamp}"));
    if let Some(sequence) = sequence {
        line(format!("SEQUENCE:{sequence}"));
    }
    line(format!("DTSTART:{}", e.start));
    line(format!("DTEND:{}", e.end));
    line(format!("SUMMARY:{}", escape(&e.summary)));
    line(format!("DESCRIPTION:{}", escape(&e.description)));
    if e.transparent {
        line("TRANSP:TRANSPARENT".into());
    }
    line("BEGIN:VALARM".into());
    line("ACTION:DISPLAY".into());
    line(format!("DESCRIPTION:{}", escape(&e.summary)));
    line(format!("TRIGGER;RELATED=START:{}", e.trigger));
    line("END:VALARM".into());
    line("END:VEVENT".into());
}

/// A floating local time, `20261203T143000`.
fn stamp(at: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}00",
        iso(at.date()).replace('-', ""),
        chrono::Timelike::hour(&at),
        chrono::Timelike::minute(&at)
    )
}

/// "Send the follow-up email to Priya Raman" (`by_message`: "Send the follow-up as a
/// LinkedIn message to Priya Raman").
fn what(step: Step, name: &str, by_message: bool) -> String {
    match step {
        Step::Connect => format!("Connect on LinkedIn with {name}"),
        Step::Email if by_message => format!("Send the follow-up as a LinkedIn message to {name}"),
        Step::Email => format!("Send the follow-up email to {name}"),
        Step::BonusMessage => format!("Send a LinkedIn message to {name}"),
        Step::Referral => format!("Ask {name} for an intro to a recruiter"),
        Step::KeepInTouch => format!("Keep in touch with {name}"),
        Step::Prep => format!("Prepare for your meeting with {name}"),
        Step::ThankYou => format!("Thank {name} for the meeting"),
        Step::Nudge => format!("Check in with {name} on your referral ask"),
    }
}

fn description(book: &Book, c: &Contact) -> String {
    let mut text = String::new();
    if !c.company.is_empty() {
        text.push_str(&c.name);
        text.push_str(", ");
        if !c.title.is_empty() {
            text.push_str(&c.title);
            text.push_str(" at ");
        }
        text.push_str(&c.company);
        // "Globex, Inc." already ends the sentence.
        text.push_str(if c.company.ends_with('.') { " " } else { ". " });
    }
    text.push_str(&met_note(c, book));
    text
}

#[cfg(test)]
#[path = "ics_tests.rs"]
mod tests;
