use super::*;
use crate::domain::command::Command;
use crate::domain::formats::test_support::{d, parse_calendar, sample_book};
use crate::domain::percent::decode;

fn stamp() -> &'static str {
    "20261125T080000Z"
}

#[test]
fn a_step_is_one_event_like_the_whole_calendars() {
    let book = sample_book();
    let today = d(2026, 11, 25);
    let one = step_calendar(&book, &ContactId::new("c1"), Step::Email, today, stamp()).unwrap();
    assert_eq!(one.file_name, "followup-email-2026-11-25.ics");
    let events = parse_calendar(&one.ics);
    assert_eq!(events.len(), 1);
    let event = &events[0];
    assert_eq!(event.get("UID"), Some("c1-email@followup"));
    assert_eq!(event.get("DTSTART"), Some("20261125T090000"));
    assert_eq!(event.get("DTEND"), Some("20261125T091500"));
    assert_eq!(
        event.get("SUMMARY"),
        Some("Follow up: Send the follow-up email to Priya Raman")
    );
    assert!(event.alarm);
    // The same event as in the whole calendar: importing both makes one.
    let whole = parse_calendar(&crate::domain::formats::export_ics(&book, today, stamp()));
    assert!(whole.contains(event), "{whole:?}");
}

#[test]
fn only_pending_steps_of_known_contacts_have_an_event() {
    let mut book = sample_book();
    let today = d(2026, 11, 25);
    book.apply(Command::MarkDone {
        contact: ContactId::new("c1"),
        step: Step::Connect,
        on: today,
        at: 2,
    })
    .unwrap();
    let check = |contact: &str, step, expected: Option<&str>| {
        let got = step_calendar(&book, &ContactId::new(contact), step, today, stamp());
        assert_eq!(
            got.map(|c| c.file_name).as_deref(),
            expected,
            "{contact} {step:?}"
        );
    };
    check("c1", Step::Connect, None); // done
    check("c1", Step::Email, Some("followup-email-2026-11-25.ics"));
    check("nobody", Step::Email, None);
    check("c2", Step::Prep, None); // no meeting booked
                                   // A step due later sits on the day its window opens.
    let early = step_calendar(
        &book,
        &ContactId::new("c1"),
        Step::Email,
        d(2026, 11, 20),
        stamp(),
    );
    assert_eq!(
        early.map(|c| c.file_name).as_deref(),
        Some("followup-email-2026-11-25.ics")
    );
}

#[test]
fn the_google_link_carries_the_same_event_encoded() {
    let book = sample_book();
    let one = step_calendar(
        &book,
        &ContactId::new("c1"),
        Step::Email,
        d(2026, 11, 25),
        stamp(),
    )
    .unwrap();
    let link = one.google;
    let query = link
        .strip_prefix("https://calendar.google.com/calendar/render?")
        .unwrap();
    let params: Vec<(&str, String)> = query
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap();
            (name, decode(value).unwrap())
        })
        .collect();
    let names: Vec<&str> = params.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["action", "text", "dates", "details"]);
    assert_eq!(params[0].1, "TEMPLATE");
    assert_eq!(
        params[1].1,
        "Follow up: Send the follow-up email to Priya Raman"
    );
    assert_eq!(params[2].1, "20261125T090000/20261125T091500");
    assert!(params[3]
        .1
        .starts_with("Priya Raman, Backend Engineer at Acme, Inc. Met at"));
    // Nothing the texts hold can break out of their parameter.
    for (_, raw) in query.split('&').filter_map(|p| p.split_once('=')) {
        for c in [' ', '&', '#', '"', ';', ',', '\n', '?', '='] {
            assert!(!raw.contains(c), "{c:?} in {raw}");
        }
    }
}
