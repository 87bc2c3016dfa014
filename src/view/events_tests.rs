//! The events list's rows and every sentence the Events screen says.

use super::*;
use crate::domain::formats::test_support::new_contact;
use crate::domain::{Command, Event};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn event(id: &str, name: &str) -> Event {
    Event {
        id: EventId::new(id),
        name: name.into(),
        kind: EventKind::CareerFair,
        date: d(2026, 11, 24),
        ends: None,
        place: "Hall B".into(),
        prep: Default::default(),
    }
}

#[test]
fn each_event_is_a_row_with_its_counts() {
    let mut book = Book::default();
    book.apply(Command::SaveEvent(event("e1", "Fall Career Fair")))
        .unwrap();
    book.apply(Command::SaveEvent(event("e2", "Hack Night")))
        .unwrap();
    book.apply(Command::AddContact(new_contact("ana", "Ana")))
        .unwrap();
    book.apply(Command::AddContact(new_contact("ben", "Ben")))
        .unwrap();
    book.apply(Command::SetCurrentEvent(Some(EventId::new("e2"))))
        .unwrap();
    let rows = event_rows(&book, d(2026, 11, 25));
    let check = |row: &EventRow, name: &str, met: usize, current: bool| {
        assert_eq!(
            (row.name.as_str(), row.met, row.current),
            (name, met, current)
        );
        assert_eq!(row.emailed, 0, "{name}");
        assert_eq!(row.place, "Hall B");
        assert_eq!(row.funnel, event_funnel(&book, &row.id));
    };
    assert_eq!(rows.len(), 2);
    check(&rows[0], "Fall Career Fair", 2, false);
    check(&rows[1], "Hack Night", 0, true);
    assert!(event_rows(&Book::default(), d(2026, 11, 25)).is_empty());
}

#[test]
fn an_events_dates_in_words() {
    let check = |kind, ends, expected: &str| {
        assert_eq!(when(kind, d(2026, 11, 26), ends), expected);
    };
    check(EventKind::CareerFair, None, "Career fair · 26 Nov 2026");
    check(
        EventKind::Hackathon,
        Some(d(2026, 11, 27)),
        "Hackathon · 26 Nov 2026 to 27 Nov 2026",
    );
    assert_eq!(title_id(&EventId::new("e1")), "event-e1");
}

#[test]
fn the_last_day_is_checked_against_the_first() {
    let first = Some(d(2026, 11, 26));
    let check = |typed: &str, first, expected: Result<Option<NaiveDate>, &str>| {
        assert_eq!(last_day(typed, first), expected, "{typed:?}");
    };
    check("", first, Ok(None));
    check("  ", None, Ok(None));
    check("2026-11-26", first, Ok(None));
    check("2026-11-28", first, Ok(Some(d(2026, 11, 28))));
    check(
        "2026-11-25",
        first,
        Err("The last day can't be before the first."),
    );
    check("2026-11-28", None, Ok(None));
    check(
        "soon",
        first,
        Err("Pick the last day, or leave it empty for a one-day event."),
    );
}

#[test]
fn the_sentences_about_an_event() {
    let check = |said: String, expected: &str| assert_eq!(said, expected);
    let fair = "Fall Career Fair";
    check(
        saved_notice(fair, true),
        "Added “Fall Career Fair”. Tap Capture here when you arrive.",
    );
    check(
        saved_notice(fair, false),
        "Saved your changes to “Fall Career Fair”.",
    );
    check(delete_question(fair), "Delete “Fall Career Fair”?");
    check(delete_keeps(0), "No contacts are linked to it.");
    check(delete_keeps(1), "The person you met there stays in your contacts; they just won't be linked to this event any more.");
    check(delete_keeps(3), "The 3 people you met there stay in your contacts; they just won't be linked to this event any more.");
    check(deleted_notice(fair, 0), "Deleted “Fall Career Fair”.");
    check(
        deleted_notice(fair, 1),
        "Deleted “Fall Career Fair”. The person you met there is still in your contacts.",
    );
    check(
        deleted_notice(fair, 2),
        "Deleted “Fall Career Fair”. The 2 people you met there are still in your contacts.",
    );
    check(
        funnel_caption(fair),
        "Fall Career Fair: what you did and what came of it",
    );
    check(funnel_line(String::new()), "no replies yet");
    check(funnel_line("1 replied".into()), "1 replied");
}

#[test]
fn counts_read_in_the_singular_or_plural() {
    for (n, overdue, see) in [
        (0, " follow-ups overdue", ": see them all"),
        (1, " follow-up overdue", ": see who"),
        (2, " follow-ups overdue", ": see them all"),
    ] {
        assert_eq!(overdue_label(n), overdue, "{n}");
        assert_eq!(see_label(n), see, "{n}");
    }
}
