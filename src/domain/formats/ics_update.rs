//! Keeping the student's calendar current: what changed since the calendar file was last
//! exported, and the file that brings a calendar up to date ("Update my calendar").
//!
//! A [`CalendarExport`] remembers the last export: its day and time, how many exports
//! there have been, and for each event written its UID, times, a hash of its content and
//! its SEQUENCE. Against today's book, [`calendar_changes`] counts the follow-ups added,
//! changed and done since, and [`update_ics`] writes the whole calendar again:
//! - every UID as before (`<contact-id>-<step-slug>@followup`);
//! - an event whose content is unchanged exactly as before (its times and SEQUENCE), so an
//!   overdue step does not move from day to day;
//! - a changed event (snoozed, renamed, a new note) at its new time with SEQUENCE raised;
//! - a new event with SEQUENCE set to the number of earlier exports, so a UID cancelled
//!   once and back again (an undone step, a new round of keep-in-touch) is always newer
//!   than its cancellation;
//! - for each event exported before whose step is now done, skipped or gone (a contact
//!   deleted, a meeting undone), a `STATUS:CANCELLED` event with the same UID and a raised
//!   SEQUENCE, so calendars that honour updates (Apple Calendar, Outlook) drop it. Meetings
//!   that are simply over are not cancelled: they happened. A cancelled event is written
//!   once and then forgotten.
//!
//! The record is stored under its own key ([`CALENDAR_KEY`]) as a few lines of text
//! ([`CalendarExport::encode`]): about 55 bytes per event, no JSON. Pure: `today`, the
//! time and the DTSTAMP are arguments.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::content_line::{escape, fold};
use super::ics::{calendar_events, calendar_head, step_summary, write_event, Vevent};
use crate::domain::book::Book;
use crate::domain::contact::ContactId;
use crate::domain::dates::{iso, parse_iso};
use crate::domain::step::Step;

/// The localStorage key of the last export's record (not a data key: backups, other
/// tabs and the book's loader ignore it).
pub const CALENDAR_KEY: &str = "followup.calendar";

/// The last export of the calendar file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarExport {
    /// The day it was exported.
    pub on: NaiveDate,
    /// When, in milliseconds since the Unix epoch.
    pub at: i64,
    /// How many times the calendar has been exported, this one included.
    pub exports: u32,
    /// Each event written, by UID.
    pub events: BTreeMap<String, Exported>,
}

/// One event as it was exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    /// DTSTART and DTEND as written (`20261125T090000`).
    pub start: String,
    pub end: String,
    /// FNV-1a of what the event says (its due day, summary, description and alarm),
    /// folded to 32 bits.
    pub hash: u32,
    pub sequence: u32,
}

/// What changed in the book since the last export, in calendar events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Follow-ups that are not in the calendar yet.
    pub added: usize,
    /// Follow-ups in the calendar whose day or words changed.
    pub changed: usize,
    /// Follow-ups in the calendar that were done or skipped since (or whose contact was
    /// deleted).
    pub done: usize,
}

impl Changes {
    /// Whether the calendar is up to date.
    pub fn is_empty(self) -> bool {
        self == Changes::default()
    }
}

/// Today's events beside what the last export wrote of them.
struct Diff<'r> {
    /// Each event of today's calendar, with its last export if it had one.
    current: Vec<(Vevent, Option<&'r Exported>)>,
    /// Events exported before that are no longer in the calendar and must be cancelled.
    gone: Vec<(&'r str, &'r Exported)>,
}

fn diff<'r>(book: &Book, record: Option<&'r CalendarExport>, today: NaiveDate) -> Diff<'r> {
    let current: Vec<(Vevent, Option<&Exported>)> = calendar_events(book, today)
        .into_iter()
        .map(|event| {
            let before = record.and_then(|r| r.events.get(&event.uid));
            (event, before)
        })
        .collect();
    let gone = match record {
        None => Vec::new(),
        Some(record) => {
            let today_uids: std::collections::HashSet<&str> =
                current.iter().map(|(e, _)| e.uid.as_str()).collect();
            let today = compact(today);
            record
                .events
                .iter()
                .filter(|(uid, _)| !today_uids.contains(uid.as_str()))
                // A meeting that is over is not cancelled: it happened.
                .filter(|(uid, e)| !(is_meeting(uid) && e.start.get(..8) < Some(today.as_str())))
                .map(|(uid, e)| (uid.as_str(), e))
                .collect()
        }
    };
    Diff { current, gone }
}

/// What changed since `record` was exported, on `today`.
pub fn calendar_changes(book: &Book, record: &CalendarExport, today: NaiveDate) -> Changes {
    let diff = diff(book, Some(record), today);
    let mut changes = Changes {
        done: diff.gone.len(),
        ..Changes::default()
    };
    for (event, before) in &diff.current {
        match before {
            None => changes.added += 1,
            Some(before) if before.hash != content_hash(event) => changes.changed += 1,
            Some(_) => {}
        }
    }
    changes
}

/// The calendar file that brings a calendar exported as `record` (or never, `None`) up to
/// date on `today`, and the record of this export. `at` is now in milliseconds since the
/// Unix epoch, `now_stamp` the DTSTAMP (`ics::dtstamp(at)`).
pub fn update_ics(
    book: &Book,
    record: Option<&CalendarExport>,
    today: NaiveDate,
    at: i64,
    now_stamp: &str,
) -> (String, CalendarExport) {
    let earlier = record.map_or(0, |r| r.exports);
    let diff = diff(book, record, today);
    let mut out = String::new();
    let mut line = |text: String| fold(&text, &mut out);
    calendar_head(&mut line);
    let mut events = BTreeMap::new();
    for (event, before) in diff.current {
        let hash = content_hash(&event);
        let (event, sequence) = match before {
            None => (event, earlier),
            Some(before) if before.hash == hash => (
                Vevent {
                    start: before.start.clone(),
                    end: before.end.clone(),
                    ..event
                },
                before.sequence,
            ),
            Some(before) => (event, before.sequence + 1),
        };
        write_event(&mut line, now_stamp, &event, Some(sequence));
        events.insert(
            event.uid,
            Exported {
                start: event.start,
                end: event.end,
                hash,
                sequence,
            },
        );
    }
    for (uid, before) in diff.gone {
        write_cancelled(&mut line, now_stamp, uid, before, &summary_of(book, uid));
    }
    line("END:VCALENDAR".into());
    let record = CalendarExport {
        on: today,
        at,
        exports: earlier + 1,
        events,
    };
    (out, record)
}

/// A cancelled event: the same UID and times, SEQUENCE raised, no alarm.
fn write_cancelled(
    line: &mut impl FnMut(String),
    now_stamp: &str,
    uid: &str,
    before: &Exported,
    summary: &str,
) {
    line("BEGIN:VEVENT".into());
    line(format!("UID:{}", escape(uid)));
    line(format!("DTSTAMP:{now_stamp}"));
    line(format!("SEQUENCE:{}", before.sequence + 1));
    line("STATUS:CANCELLED".into());
    line(format!("DTSTART:{}", before.start));
    line(format!("DTEND:{}", before.end));
    line(format!("SUMMARY:{}", escape(summary)));
    line("TRANSP:TRANSPARENT".into());
    line("END:VEVENT".into());
}

/// What a cancelled event was called, from its UID: the step's summary while the
/// contact is in the book, else a plain "Follow-up".
fn summary_of(book: &Book, uid: &str) -> String {
    let Some(rest) = uid.strip_suffix("@followup") else {
        return "Follow-up".into();
    };
    if let Some((id, _)) = rest.rsplit_once("-meeting-") {
        if let Some(contact) = book.contact(&ContactId::new(id)) {
            return format!("Meeting with {}", contact.name);
        }
    }
    Step::ALL
        .into_iter()
        .find_map(|step| {
            let id = rest.strip_suffix(step.slug())?.strip_suffix('-')?;
            let contact = book.contact(&ContactId::new(id))?;
            Some(step_summary(step, contact))
        })
        .unwrap_or_else(|| "Follow-up".into())
}

fn is_meeting(uid: &str) -> bool {
    uid.contains("-meeting-")
}

/// `20261125`.
fn compact(day: NaiveDate) -> String {
    iso(day).replace('-', "")
}

/// FNV-1a of what an event says, apart from its times (an overdue step's start follows
/// today; its due day does not), folded to 32 bits.
fn content_hash(e: &Vevent) -> u32 {
    let text = format!(
        "{}\n{}\n{}\n{}\n{}",
        e.due, e.summary, e.description, e.trigger, e.transparent
    );
    let h = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (h ^ (h >> 32)) as u32
}

/// Every UID this calendar writes ends so; the record leaves it out.
const UID_SUFFIX: &str = "@followup";

/// The first line of the stored record, with its format's version.
const HEADER: &str = "calendar 1";

impl CalendarExport {
    /// The stored text: a header line (`calendar 1`, the day, the time, the number of
    /// exports), then one tab-separated line per event: its UID without `@followup`,
    /// start and end without seconds (`20261125T0900`), hash (hex), SEQUENCE. About 55
    /// bytes per event.
    pub fn encode(&self) -> String {
        let mut out = format!(
            "{HEADER}\t{}\t{}\t{}\n",
            iso(self.on),
            self.at,
            self.exports
        );
        for (uid, e) in &self.events {
            // Anything else (not written by this calendar, or a tab or line break in a
            // contact's id) is left out: its event counts as new next time.
            let (Some(id), Some(start), Some(end)) = (
                uid.strip_suffix(UID_SUFFIX),
                minutes(&e.start),
                minutes(&e.end),
            ) else {
                continue;
            };
            if id.contains(['\t', '\n', '\r']) {
                continue;
            }
            out.push_str(&format!(
                "{id}\t{start}\t{end}\t{:x}\t{}\n",
                e.hash, e.sequence
            ));
        }
        out
    }

    /// Reads [`encode`](Self::encode)'s text back; `None` when it is not that (the
    /// calendar then counts as never exported).
    pub fn decode(text: &str) -> Option<CalendarExport> {
        let mut lines = text.lines();
        let mut head = lines.next()?.split('\t');
        if head.next()? != HEADER {
            return None;
        }
        let on = parse_iso(head.next()?)?;
        let at = head.next()?.parse().ok()?;
        let exports = head.next()?.parse().ok()?;
        let mut events = BTreeMap::new();
        for line in lines.filter(|l| !l.is_empty()) {
            let mut fields = line.split('\t');
            let uid = format!("{}{UID_SUFFIX}", fields.next()?);
            let start = seconds(fields.next()?)?;
            let end = seconds(fields.next()?)?;
            let hash = u32::from_str_radix(fields.next()?, 16).ok()?;
            let sequence = fields.next()?.parse().ok()?;
            if fields.next().is_some() {
                return None;
            }
            events.insert(
                uid,
                Exported {
                    start,
                    end,
                    hash,
                    sequence,
                },
            );
        }
        Some(CalendarExport {
            on,
            at,
            exports,
            events,
        })
    }
}

/// `20261125T0900` of `20261125T090000` (every time this calendar writes is on the
/// minute), or `None` for anything else.
fn minutes(time: &str) -> Option<&str> {
    let short = time.strip_suffix("00")?;
    is_minutes(short).then_some(short)
}

/// [`minutes`] undone: `20261125T090000`.
fn seconds(short: &str) -> Option<String> {
    is_minutes(short).then(|| format!("{short}00"))
}

/// Whether `text` is `yyyymmddThhmm`.
fn is_minutes(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 13
        && bytes[8] == b'T'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 8 || b.is_ascii_digit())
}

#[cfg(test)]
#[path = "ics_update_tests.rs"]
mod tests;
