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
//! Hand-written with `content_line` rather than the `icalendar` crate (which pulls in
//! chrono's clock and a parser) or `ics` (a writer whose folding we would still need to
//! test, for five properties). `today` and the DTSTAMP are arguments.

use chrono::NaiveDate;

use super::content_line::{escape, fold};
use super::vcard::met_note;
use crate::domain::book::Book;
use crate::domain::contact::Contact;
use crate::domain::dates::iso;
use crate::domain::step::{Status, Step};

/// The `.ics` text. `now_stamp` is the DTSTAMP, UTC, like `20261126T081500Z`.
pub fn export_ics(book: &Book, today: NaiveDate, now_stamp: &str) -> String {
    let mut out = String::new();
    let mut line = |text: String| fold(&text, &mut out);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Followup//Follow-ups//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line("X-WR-CALNAME:Follow-ups".into());
    for contact in book.contacts() {
        for view in book.plan(contact, today) {
            if view.waiting_on.is_some()
                || matches!(view.status, Status::Done(_) | Status::Skipped(_))
            {
                continue;
            }
            let day = iso(view.window.opens.max(today)).replace('-', "");
            let summary = format!("Follow up: {}", what(view.step, &contact.name));
            line("BEGIN:VEVENT".into());
            line(format!(
                "UID:{}",
                escape(&format!("{}-{}@followup", contact.id, view.step.slug()))
            ));
            line(format!("DTSTAMP:{now_stamp}"));
            line(format!("DTSTART:{day}T090000"));
            line(format!("DTEND:{day}T091500"));
            line(format!("SUMMARY:{}", escape(&summary)));
            line(format!(
                "DESCRIPTION:{}",
                escape(&description(book, contact))
            ));
            line("TRANSP:TRANSPARENT".into());
            line("BEGIN:VALARM".into());
            line("ACTION:DISPLAY".into());
            line(format!("DESCRIPTION:{}", escape(&summary)));
            line("TRIGGER;RELATED=START:PT0M".into());
            line("END:VALARM".into());
            line("END:VEVENT".into());
        }
    }
    line("END:VCALENDAR".into());
    out
}

/// "Send the follow-up email to Priya Raman".
fn what(step: Step, name: &str) -> String {
    match step {
        Step::Connect => format!("Connect on LinkedIn with {name}"),
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
