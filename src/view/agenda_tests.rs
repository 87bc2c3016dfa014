//! The agenda screen of a fair with four people of different channels, day by day.

use super::*;
use crate::domain::command::Command;
use crate::domain::contact::{Kind, NewContact};
use crate::domain::email::Email;
use crate::domain::linkedin::LinkedIn;
use crate::domain::playbook::plus;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const MET: &str = "2024-10-01";

/// Ana (engineer, both channels), Ben (engineer, LinkedIn only), Cleo (recruiter, email
/// only), Dev (recruiter, name only), all met on `MET`.
fn fair() -> Book {
    let mut book = Book::default();
    for (id, kind, email, linkedin) in [
        ("Ana", Kind::Engineer, true, true),
        ("Ben", Kind::Engineer, false, true),
        ("Cleo", Kind::Recruiter, true, false),
        ("Dev", Kind::Recruiter, false, false),
    ] {
        book.apply(Command::AddContact(NewContact {
            id: ContactId::new(id),
            name: id.into(),
            kind,
            met_on: d(MET),
            email: email.then(|| Email::parse(&format!("{id}@x.org")).unwrap()),
            linkedin: linkedin.then(|| LinkedIn::parse(&format!("linkedin.com/in/{id}")).unwrap()),
            ..NewContact::default()
        }))
        .unwrap();
    }
    book
}

fn lines(rows: &[AgendaRow]) -> Vec<String> {
    let mut out: Vec<String> = rows
        .iter()
        .map(|r| format!("{}: {} ({})", r.name, r.label, r.when))
        .collect();
    out.sort();
    out
}

fn day(n: u64) -> NaiveDate {
    plus(d(MET), n)
}

#[test]
fn day_zero_one_item_per_person_and_one_to_find_dev() {
    let s = agenda_screen(&fair(), day(0));
    assert_eq!(
        lines(&s.today),
        vec![
            "Ana: Connect on LinkedIn (due today)",
            "Ben: Connect on LinkedIn (due today)",
            "Cleo: Connect on LinkedIn (due today)",
            "Dev: Find a way to reach them (due today)",
        ]
    );
    assert_eq!(
        lines(&s.upcoming),
        vec![
            "Ana: Send the follow-up email (due tomorrow)",
            "Ben: Send the follow-up as a LinkedIn message (due tomorrow)",
            "Cleo: Send the follow-up email (due tomorrow)",
        ]
    );
    let dev = s.today.iter().find(|r| r.name == "Dev").unwrap();
    assert!(dev.buttons.add_channel && dev.buttons.write.is_none());
    assert!(dev
        .hint
        .as_deref()
        .unwrap()
        .contains("No email or LinkedIn"));
    let ben = s.upcoming.iter().find(|r| r.name == "Ben").unwrap();
    assert!(ben.by_message);
    assert_eq!(ben.buttons.write, Some("Write it early"));
}

#[test]
fn after_two_weeks_late_steps_are_missed_and_counted_apart() {
    let s = agenda_screen(&fair(), day(8));
    assert_eq!(s.overdue.len(), 7, "{:#?}", lines(&s.overdue));
    assert!(s.missed.is_empty());
    let s = agenda_screen(&fair(), day(95));
    assert!(
        s.overdue.is_empty() && s.today.is_empty(),
        "{:#?}",
        lines(&s.overdue)
    );
    assert_eq!(
        lines(&s.missed),
        vec![
            "Ana: Connect on LinkedIn (95 days overdue)",
            "Ana: Send the follow-up email (92 days overdue)",
            "Ben: Connect on LinkedIn (95 days overdue)",
            "Ben: Send the follow-up as a LinkedIn message (92 days overdue)",
            "Cleo: Connect on LinkedIn (95 days overdue)",
            "Cleo: Send the follow-up email (92 days overdue)",
            "Dev: Find a way to reach them (95 days overdue)",
        ]
    );
    assert!(s
        .missed
        .iter()
        .all(|r| r.buttons.try_again && r.buttons.skip && !r.buttons.done));
    let c = counts(&s);
    let words: Vec<String> = c
        .iter()
        .map(|c| format!("{} {}", c.number, c.words))
        .collect();
    assert_eq!(
        words,
        vec![
            "0 follow-ups overdue",
            "0 due today",
            "0 in the next 7 days",
            "7 missed"
        ]
    );
}

#[test]
fn counts_say_follow_ups_in_the_singular_too() {
    let mut book = fair();
    for id in ["Ana", "Ben", "Cleo", "Dev"] {
        book.apply(Command::DeleteContact(ContactId::new(id)))
            .unwrap_or(());
    }
    book.apply(Command::AddContact(NewContact {
        id: ContactId::new("Eve"),
        name: "Eve".into(),
        met_on: d(MET),
        email: Some(Email::parse("eve@x.org").unwrap()),
        ..NewContact::default()
    }))
    .unwrap();
    let s = agenda_screen(&book, day(1));
    let first = &counts(&s)[0];
    assert_eq!(
        (first.number, first.words.as_str()),
        (1, "follow-up overdue")
    );
}

#[test]
fn timeline_items_name_the_channel_and_what_they_wait_for() {
    let book = fair();
    let ben = book.contact(&ContactId::new("Ben")).unwrap();
    let items: Vec<(String, String, &str)> = timeline(&book.plan(ben, day(1)), day(1))
        .into_iter()
        .map(|i| (i.label.to_string(), i.when, i.tone))
        .collect();
    assert_eq!(
        items,
        vec![
            (
                "Connect on LinkedIn".into(),
                "1 day overdue".into(),
                "overdue"
            ),
            (
                "Send the follow-up as a LinkedIn message".into(),
                "due today".into(),
                "today"
            ),
            (
                // Issue 25: Ben has no email address, so his follow-up goes on LinkedIn.
                "Ask for an intro to a recruiter".into(),
                "After “Send the follow-up as a LinkedIn message”".into(),
                "waiting"
            ),
            (
                "Keep in touch".into(),
                "After “Connect on LinkedIn”".into(),
                "waiting"
            ),
        ]
    );
}
