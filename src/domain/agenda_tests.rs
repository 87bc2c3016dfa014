//! Agenda grouping, ordering and counts, and per-event summaries.

use super::*;
use crate::domain::command::Command;
use crate::domain::contact::{Kind, NewContact};
use crate::domain::email::Email;
use crate::domain::event::{Event, EventKind};
use crate::domain::linkedin::LinkedIn;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

fn fair() -> EventId {
    EventId::new("fall-fair")
}

/// Ana (engineer, email), Ben (recruiter, LinkedIn but no email, really wants the job),
/// both met at the fair on 12 September; Cy (other) met two days earlier, nowhere in particular.
fn book() -> Book {
    let mut book = Book::default();
    let event = Event {
        id: fair(),
        name: "Fall Career Fair".into(),
        kind: EventKind::CareerFair,
        date: d("2024-09-12"),
        ends: None,
        place: "Gym".into(),
        prep: Default::default(),
    };
    book.apply(Command::SaveEvent(event)).unwrap();
    for (id, name, kind, email, really_want, met, event) in [
        (
            "b",
            "Ben",
            Kind::Recruiter,
            None,
            true,
            "2024-09-12",
            Some(fair()),
        ),
        (
            "a",
            "Ana",
            Kind::Engineer,
            Some("ana@acme.com"),
            false,
            "2024-09-12",
            Some(fair()),
        ),
        (
            "c",
            "Cy",
            Kind::Other,
            Some("cy@x.org"),
            false,
            "2024-09-10",
            None,
        ),
    ] {
        book.apply(Command::AddContact(NewContact {
            id: ContactId::new(id),
            name: name.into(),
            kind,
            email: email.map(|e| Email::parse(e).unwrap()),
            really_want,
            linkedin: email
                .is_none()
                .then(|| LinkedIn::parse("linkedin.com/in/ben").unwrap()),
            met_on: d(met),
            event,
            ..NewContact::default()
        }))
        .unwrap();
    }
    book
}

type Row<'a> = (&'a str, Step, Status);

fn rows(entries: &[AgendaEntry]) -> Vec<(String, Step, Status)> {
    entries
        .iter()
        .map(|e| (e.contact.to_string(), e.step, e.status))
        .collect()
}

fn check(book: &Book, today: &str, overdue: &[Row], due: &[Row], upcoming: &[Row]) {
    let agenda = agenda(book, d(today));
    let own = |rows: &[Row]| -> Vec<(String, Step, Status)> {
        rows.iter()
            .map(|(id, step, status)| (id.to_string(), *step, *status))
            .collect()
    };
    assert_eq!(rows(&agenda.overdue), own(overdue), "overdue on {today}");
    assert_eq!(rows(&agenda.today), own(due), "due today on {today}");
    assert_eq!(rows(&agenda.upcoming), own(upcoming), "upcoming on {today}");
    let counts = agenda.counts();
    assert_eq!(
        (counts.overdue, counts.today, counts.upcoming),
        (overdue.len(), due.len(), upcoming.len())
    );
}

fn done(book: &mut Book, id: &str, step: Step, on: &str) {
    book.apply(Command::MarkDone {
        contact: ContactId::new(id),
        step,
        on: d(on),
        at: 1,
    })
    .unwrap();
}

#[test]
fn agenda_groups_and_sorts_the_career_fair_day() {
    use Status::*;
    use Step::*;
    let mut book = book();
    check(
        &book,
        "2024-09-12",
        &[("c", Connect, Overdue(2))],
        &[
            ("a", Connect, DueToday),
            ("b", Connect, DueToday),
            ("c", Email, DueToday),
        ],
        &[
            ("a", Email, Upcoming(d("2024-09-13"))),
            ("b", Email, Upcoming(d("2024-09-13"))),
        ],
    );
    done(&mut book, "a", Connect, "2024-09-12");
    done(&mut book, "b", Connect, "2024-09-12");
    check(
        &book,
        "2024-09-14",
        &[("c", Connect, Overdue(4)), ("c", Email, Overdue(1))],
        &[("a", Email, DueToday), ("b", Email, DueToday)],
        &[],
    );
    done(&mut book, "a", Email, "2024-09-14");
    check(
        &book,
        "2024-09-16",
        &[
            ("c", Connect, Overdue(6)),
            ("c", Email, Overdue(3)),
            ("b", Email, Overdue(1)),
        ],
        &[],
        &[("a", Referral, Upcoming(d("2024-09-21")))],
    );
}

#[test]
fn empty_book_has_an_empty_agenda() {
    let agenda = agenda(&Book::default(), d("2024-09-12"));
    assert!(agenda.is_empty());
    assert_eq!(agenda.needs_action(), 0);
}

#[test]
fn the_next_seven_days_stop_at_a_week() {
    let mut book = Book::default();
    book.apply(Command::AddContact(NewContact {
        id: ContactId::new("z"),
        name: "Zoe".into(),
        email: Some(Email::parse("zoe@x.org").unwrap()),
        met_on: d("2024-09-20"),
        ..NewContact::default()
    }))
    .unwrap();
    let upcoming_on = |today: &str| rows(&agenda(&book, d(today)).upcoming).len();
    assert_eq!(upcoming_on("2024-09-12"), 0, "met in 8 days");
    assert_eq!(upcoming_on("2024-09-13"), 1, "met in 7 days");
    assert_eq!(
        upcoming_on("2024-09-14"),
        2,
        "connect in 6 days, email in 7"
    );
}

#[test]
fn snoozed_steps_leave_today_for_the_coming_week() {
    let mut book = book();
    book.apply(Command::Snooze {
        contact: ContactId::new("c"),
        step: Step::Connect,
        until: d("2024-09-13"),
        at: 2,
    })
    .unwrap();
    let agenda = agenda(&book, d("2024-09-12"));
    assert!(agenda.overdue.is_empty());
    assert_eq!(
        rows(&agenda.upcoming)[0],
        (
            "c".to_string(),
            Step::Connect,
            Status::Upcoming(d("2024-09-13"))
        )
    );
}

#[test]
fn event_summary_counts_met_emailed_and_overdue() {
    let mut book = book();
    done(&mut book, "a", Step::Connect, "2024-09-12");
    done(&mut book, "a", Step::Email, "2024-09-13");
    let summary = event_summary(&book, &fair(), d("2024-09-13")).unwrap();
    assert_eq!(
        (
            summary.met,
            summary.emailed,
            summary.overdue,
            summary.due_today,
            summary.missed
        ),
        (2, 1, 1, 1, 0)
    );
    assert_eq!(
        summary.to_string(),
        "met 2 at Fall Career Fair, 1 followed up, 1 follow-up overdue"
    );
    assert_eq!(
        event_summary(&book, &EventId::new("nope"), d("2024-09-13")),
        None
    );
    assert_eq!(event_summaries(&book, d("2024-09-13")), vec![summary]);
}

#[test]
fn steps_more_than_two_weeks_late_are_missed_not_overdue() {
    // Cy (met 10 Sep, email): connect closes on the 10th, email on the 13th.
    let book = book();
    let group = |today: &str| -> Vec<(String, Step, &'static str)> {
        let a = agenda(&book, d(today));
        let mut out = Vec::new();
        for (name, list) in [("missed", &a.missed), ("overdue", &a.overdue)] {
            for e in list.iter().filter(|e| e.contact.as_str() == "c") {
                out.push((e.contact.to_string(), e.step, name));
            }
        }
        out
    };
    let c = |step, group| ("c".to_string(), step, group);
    for (today, expected) in [
        (
            "2024-09-24",
            vec![c(Step::Connect, "overdue"), c(Step::Email, "overdue")],
        ),
        (
            "2024-09-25",
            vec![c(Step::Connect, "missed"), c(Step::Email, "overdue")],
        ),
        (
            "2024-09-27",
            vec![c(Step::Connect, "missed"), c(Step::Email, "overdue")],
        ),
        (
            "2024-09-28",
            vec![c(Step::Connect, "missed"), c(Step::Email, "missed")],
        ),
        (
            "2024-12-14",
            vec![c(Step::Connect, "missed"), c(Step::Email, "missed")],
        ),
    ] {
        assert_eq!(group(today), expected, "on {today}");
    }
    let a = agenda(&book, d("2024-12-14"));
    assert_eq!(a.counts().missed, a.missed.len());
    assert!(a
        .overdue
        .iter()
        .all(|e| matches!(e.status, Status::Overdue(n) if n <= MISSED_AFTER_DAYS)));
}

#[test]
fn event_counts_agree_with_the_agenda() {
    // Counts of follow-ups, grouped the same way: the fair's counts plus Cy's (met
    // nowhere) make the agenda's, on every day of the first hundred.
    let mut book = book();
    done(&mut book, "a", Step::Connect, "2024-09-12");
    done(&mut book, "a", Step::Email, "2024-09-14");
    let start = d("2024-09-12");
    for day in 0..100 {
        let today = plus(start, day);
        let a = agenda(&book, today);
        let fair = event_summary(&book, &fair(), today).unwrap();
        let cy = |list: &[AgendaEntry]| list.iter().filter(|e| e.contact.as_str() == "c").count();
        assert_eq!(fair.overdue + cy(&a.overdue), a.overdue.len(), "day {day}");
        assert_eq!(fair.missed + cy(&a.missed), a.missed.len(), "day {day}");
        assert_eq!(fair.due_today + cy(&a.today), a.today.len(), "day {day}");
    }
}
