use super::*;
use crate::domain::command::Command;
use crate::domain::formats::test_support::{d, parse_calendar, sample_book, ParsedEvent};
use crate::domain::outcome::Outcome;

const EXPORTED_AT: i64 = 1_795_593_600_000;

fn first_export(book: &Book, on: NaiveDate) -> CalendarExport {
    update_ics(book, None, on, EXPORTED_AT, "20261125T080000Z").1
}

/// `(UID, SEQUENCE, STATUS or "", DTSTART)` of each event, as the `ical` parser reads them.
fn read(text: &str) -> Vec<(String, String, String, String)> {
    parse_calendar(text)
        .iter()
        .map(|e: &ParsedEvent| {
            let get = |name| e.get(name).unwrap_or("").to_string();
            (get("UID"), get("SEQUENCE"), get("STATUS"), get("DTSTART"))
        })
        .collect()
}

fn row(uid: &str, sequence: u32, status: &str, start: &str) -> (String, String, String, String) {
    (
        uid.to_string(),
        sequence.to_string(),
        status.to_string(),
        start.to_string(),
    )
}

fn c(id: &str) -> ContactId {
    ContactId::new(id)
}

#[test]
fn the_first_export_is_the_whole_calendar_at_sequence_zero() {
    let book = sample_book();
    let today = d(2026, 11, 25);
    let (text, record) = update_ics(&book, None, today, EXPORTED_AT, "20261125T080000Z");
    assert_eq!(
        read(&text),
        [
            row("c1-connect@followup", 0, "", "20261125T090000"),
            row("c1-email@followup", 0, "", "20261125T090000"),
            row("c2-email@followup", 0, "", "20261125T090000"),
        ]
    );
    // Apart from SEQUENCE, the plain export's events.
    let plain = crate::domain::formats::export_ics(&book, today, "20261125T080000Z");
    let without_sequence: String = text
        .split("\r\n")
        .filter(|l| !l.starts_with("SEQUENCE:"))
        .map(|l| format!("{l}\r\n"))
        .collect::<String>();
    assert_eq!(without_sequence.trim_end(), plain.trim_end());
    assert_eq!(record.on, today);
    assert_eq!(record.at, EXPORTED_AT);
    assert_eq!(record.exports, 1);
    assert_eq!(record.events.len(), 3);
    assert!(calendar_changes(&book, &record, today).is_empty());
}

/// What the student does between two exports.
type Change = fn(&mut Book);

fn done(book: &mut Book, contact: &str, step: Step) {
    book.apply(Command::MarkDone {
        contact: c(contact),
        step,
        on: d(2026, 11, 27),
        at: 10,
    })
    .unwrap();
}

fn skip(book: &mut Book, contact: &str, step: Step) {
    book.apply(Command::Skip {
        contact: c(contact),
        step,
        on: d(2026, 11, 27),
        at: 10,
    })
    .unwrap();
}

#[test]
fn what_changed_since_the_last_export() {
    fn check(what: &str, change: Change, days_later: u64, expected: (usize, usize, usize)) {
        let mut book = sample_book();
        let exported = d(2026, 11, 25);
        let record = first_export(&book, exported);
        change(&mut book);
        let today = exported + chrono::Days::new(days_later);
        let (added, changed, done) = expected;
        assert_eq!(
            calendar_changes(&book, &record, today),
            Changes {
                added,
                changed,
                done
            },
            "{what}"
        );
    }
    check("nothing, the same day", |_| {}, 0, (0, 0, 0));
    // Overdue steps stay where the export put them: not a change.
    check("nothing, 9 days later", |_| {}, 9, (0, 0, 0));
    check(
        "connect done",
        |b| done(b, "c1", Step::Connect),
        2,
        (0, 0, 1),
    );
    check(
        "José's email skipped",
        |b| skip(b, "c2", Step::Email),
        2,
        // His keep-in-touch no longer waits on it.
        (1, 0, 1),
    );
    check(
        "Priya's email snoozed to 1 December",
        |b| {
            b.apply(Command::Snooze {
                contact: c("c1"),
                step: Step::Email,
                until: d(2026, 12, 1),
                at: 10,
            })
            .unwrap();
        },
        2,
        (0, 1, 0),
    );
    check(
        "José deleted",
        |b| b.apply(Command::DeleteContact(c("c2"))).unwrap(),
        1,
        (0, 0, 1),
    );
    check(
        "both of Priya's first steps done: her next ones are new",
        |b| {
            done(b, "c1", Step::Connect);
            done(b, "c1", Step::Email);
        },
        2,
        (2, 0, 2),
    );
    check(
        "a new contact met at the fair",
        |b| {
            let mut new = crate::domain::formats::test_support::new_contact("c3", "Tom Becker");
            new.met_on = d(2026, 11, 26);
            b.apply(Command::AddContact(new)).unwrap();
        },
        1,
        (2, 0, 0),
    );
    check(
        "Priya renamed: her events' words change",
        |b| {
            let mut edit = crate::domain::formats::test_support::new_contact("c1", "Priya R.");
            edit.met_on = d(2026, 11, 24);
            b.apply(Command::UpdateContact(edit)).unwrap();
        },
        1,
        (0, 2, 0),
    );
}

#[test]
fn an_update_keeps_uids_raises_sequence_and_cancels_what_was_done() {
    let mut book = sample_book();
    let record = first_export(&book, d(2026, 11, 25));
    done(&mut book, "c1", Step::Connect);
    book.apply(Command::Snooze {
        contact: c("c1"),
        step: Step::Email,
        until: d(2026, 12, 1),
        at: 11,
    })
    .unwrap();
    let today = d(2026, 11, 27);
    let (text, second) = update_ics(
        &book,
        Some(&record),
        today,
        EXPORTED_AT + 1,
        "20261127T080000Z",
    );
    assert_eq!(
        read(&text),
        [
            // Snoozed: a new day, SEQUENCE raised.
            row("c1-email@followup", 1, "", "20261201T090000"),
            // Unchanged: exactly as before, on the day it was first put.
            row("c2-email@followup", 0, "", "20261125T090000"),
            // Done since: cancelled, same UID and day, SEQUENCE raised.
            row("c1-connect@followup", 1, "CANCELLED", "20261125T090000"),
        ]
    );
    let cancelled = &parse_calendar(&text)[2];
    assert_eq!(
        cancelled.get("SUMMARY"),
        Some("Follow up: Connect on LinkedIn with Priya Raman")
    );
    assert!(!cancelled.alarm, "a cancelled event rings no alarm");
    assert_eq!(second.exports, 2);
    assert_eq!(second.on, today);
    assert!(!second.events.contains_key("c1-connect@followup"));
    assert!(calendar_changes(&book, &second, today).is_empty());

    // Again: nothing to cancel twice, nothing raised.
    let (again, third) = update_ics(
        &book,
        Some(&second),
        today,
        EXPORTED_AT + 2,
        "20261127T090000Z",
    );
    assert_eq!(
        read(&again),
        [
            row("c1-email@followup", 1, "", "20261201T090000"),
            row("c2-email@followup", 0, "", "20261125T090000"),
        ]
    );

    // Undone: the step is back, newer than its cancellation.
    book.apply(Command::Reset {
        contact: c("c1"),
        step: Step::Connect,
        at: 12,
    })
    .unwrap();
    assert_eq!(
        calendar_changes(&book, &third, today),
        Changes {
            added: 1,
            changed: 0,
            done: 0
        }
    );
    let (back, _) = update_ics(
        &book,
        Some(&third),
        today,
        EXPORTED_AT + 3,
        "20261127T100000Z",
    );
    assert!(
        read(&back).contains(&row("c1-connect@followup", 3, "", "20261127T090000")),
        "{:?}",
        read(&back)
    );
}

#[test]
fn meetings_over_stay_and_meetings_undone_are_cancelled() {
    let mut book = sample_book();
    let at = d(2026, 12, 3).and_hms_opt(14, 30, 0).unwrap();
    book.apply(Command::RecordOutcome {
        contact: c("c1"),
        on: d(2026, 11, 25),
        outcome: Outcome::Meeting { at },
        note: String::new(),
        at: 5,
    })
    .unwrap();
    let record = first_export(&book, d(2026, 11, 25));
    let meeting = "c1-meeting-20261203T1430@followup";
    assert!(record.events.contains_key(meeting), "{record:?}");
    // Over: not cancelled, and forgotten.
    let later = d(2026, 12, 5);
    let (text, after) = update_ics(
        &book,
        Some(&record),
        later,
        EXPORTED_AT + 1,
        "20261205T080000Z",
    );
    assert!(!text.contains("-meeting-"), "{text}");
    assert!(!after.events.contains_key(meeting));
    // Its prep, left undone, went with it.
    assert_eq!(
        calendar_changes(&book, &record, later),
        Changes {
            added: 0,
            changed: 0,
            done: 1
        }
    );
    assert!(read(&text).contains(&row("c1-prep@followup", 1, "CANCELLED", "20261202T090000")));
    // Undone before it happened: cancelled.
    let entry = book
        .contact(&c("c1"))
        .unwrap()
        .interactions
        .iter()
        .find(|i| i.outcome.is_some())
        .unwrap()
        .clone();
    book.apply(Command::UndoOutcome {
        contact: c("c1"),
        entry,
        at: 6,
    })
    .unwrap();
    let today = d(2026, 11, 26);
    assert_eq!(
        calendar_changes(&book, &record, today),
        Changes {
            added: 0,
            changed: 0,
            done: 3
        }
    );
    let (text, _) = update_ics(
        &book,
        Some(&record),
        today,
        EXPORTED_AT + 1,
        "20261126T080000Z",
    );
    let events = read(&text);
    for cancelled in [
        row(meeting, 1, "CANCELLED", "20261203T143000"),
        row("c1-prep@followup", 1, "CANCELLED", "20261202T090000"),
        row("c1-thank-you@followup", 1, "CANCELLED", "20261204T090000"),
    ] {
        assert!(events.contains(&cancelled), "{cancelled:?} in {events:?}");
    }
    let meeting_event = parse_calendar(&text)
        .into_iter()
        .find(|e| e.get("UID") == Some(meeting))
        .unwrap();
    assert_eq!(
        meeting_event.get("SUMMARY"),
        Some("Meeting with Priya Raman")
    );
}

#[test]
fn the_record_reads_back_and_nothing_else_does() {
    let mut book = sample_book();
    done(&mut book, "c1", Step::Connect);
    let record = first_export(&book, d(2026, 11, 25));
    let text = record.encode();
    assert!(
        text.starts_with("calendar 1\t2026-11-25\t1795593600000\t1\n"),
        "{text}"
    );
    assert_eq!(CalendarExport::decode(&text), Some(record.clone()));
    let email = text.lines().find(|l| l.starts_with("c1-email\t")).unwrap();
    let hash = format!("{:x}", record.events["c1-email@followup"].hash);
    assert_eq!(
        email,
        format!("c1-email\t20261125T0900\t20261125T0915\t{hash}\t0")
    );
    // About 55 bytes per event, whatever the length of the ids.
    assert!(text.len() < 40 + 60 * record.events.len(), "{text}");
    // What this calendar did not write is left out, and counts as new next time.
    let mut odd = record.clone();
    let exported = odd.events["c1-email@followup"].clone();
    odd.events.insert("elsewhere".into(), exported.clone());
    odd.events
        .insert("tab\tid@followup".into(), exported.clone());
    odd.events.insert(
        "c9-email@followup".into(),
        Exported {
            start: "20261125T090030".into(),
            ..exported
        },
    );
    assert_eq!(CalendarExport::decode(&odd.encode()), Some(record.clone()));
    // The bad lines below are this one with one field wrong.
    let good = "calendar 1\t2026-11-25\t1\t1\nuid\t20261125T0900\t20261125T0915\t1\t0\n";
    let read = CalendarExport::decode(good).unwrap();
    assert_eq!(
        read.events["uid@followup"],
        Exported {
            start: "20261125T090000".into(),
            end: "20261125T091500".into(),
            hash: 1,
            sequence: 0
        }
    );
    for bad in [
        "",
        "calendar 2\t2026-11-25\t1\t1\n",
        "calendar 1\t2026-13-25\t1\t1\n",
        "calendar 1\t2026-11-25\t1\n",
        "calendar 1\t2026-11-25\t1\t1\nuid\t20261125T0900\n",
        "calendar 1\t2026-11-25\t1\t1\nuid\t20261125T0900\t20261125T0915\tzz\t0\n",
        "calendar 1\t2026-11-25\t1\t1\nuid\t20261125T090000\t20261125T0915\t1\t0\n",
        "calendar 1\t2026-11-25\t1\t1\nuid\t2026112XT0900\t20261125T0915\t1\t0\n",
        "calendar 1\t2026-11-25\t1\t1\nuid\t20261125T0900\t20261125T0915\t1\t0\textra\n",
        "{\"json\": true}",
    ] {
        assert_eq!(CalendarExport::decode(bad), None, "{bad:?}");
    }
}

/// Issue 25: a follow-up to someone without an email address goes as a LinkedIn message,
/// and its event says so: in the whole calendar, on "Add to calendar", and when it is
/// cancelled once sent that way. With an address, it is the follow-up email.
#[test]
fn the_follow_up_event_names_the_channel_it_goes_by() {
    use crate::domain::contact::NewContact;
    use crate::domain::email::Email;
    use crate::domain::formats::ics_step::step_calendar;
    let today = d(2026, 11, 25);
    let check = |email: bool, send: &str| {
        let mut book = Book::default();
        book.apply(Command::AddContact(NewContact {
            id: c("ben"),
            name: "Ben Okoro".into(),
            email: email.then(|| Email::parse("ben@example.com").unwrap()),
            linkedin: crate::domain::LinkedIn::parse("linkedin.com/in/ben-okoro").ok(),
            met_on: d(2026, 11, 24),
            ..NewContact::default()
        }))
        .unwrap();
        let summary = format!("Follow up: {send} to Ben Okoro");
        let (text, record) = update_ics(&book, None, today, EXPORTED_AT, "20261125T080000Z");
        let events = parse_calendar(&text);
        let event = events
            .iter()
            .find(|e| e.get("UID") == Some("ben-email@followup"))
            .unwrap();
        assert_eq!(
            event.get("SUMMARY"),
            Some(summary.as_str()),
            "email: {email}"
        );
        let one = step_calendar(&book, &c("ben"), Step::Email, today, "20261125T080000Z");
        assert_eq!(
            parse_calendar(&one.unwrap().ics)[0].get("SUMMARY"),
            Some(summary.as_str())
        );
        let done = match email {
            true => Command::MarkDone {
                contact: c("ben"),
                step: Step::Email,
                on: today,
                at: 2,
            },
            false => Command::SentAsMessage {
                contact: c("ben"),
                on: today,
                at: 2,
            },
        };
        book.apply(done).unwrap();
        let (update, _) = update_ics(
            &book,
            Some(&record),
            today,
            EXPORTED_AT + 1,
            "20261125T090000Z",
        );
        let cancelled = parse_calendar(&update);
        let gone = cancelled
            .iter()
            .find(|e| e.get("UID") == Some("ben-email@followup"))
            .unwrap();
        assert_eq!(gone.get("STATUS"), Some("CANCELLED"));
        assert_eq!(gone.get("SUMMARY"), Some(summary.as_str()));
    };
    check(true, "Send the follow-up email");
    check(false, "Send the follow-up as a LinkedIn message");
}
