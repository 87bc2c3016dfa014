//! The persisted shape: round trips, old and partial data, and what is refused.

use super::*;
use crate::domain::command::Command;
use crate::domain::contact::{ContactId, Kind, NewContact};
use crate::domain::email::Email;
use crate::domain::event::{Event, EventId, EventKind};
use crate::domain::interaction::InteractionKind;
use crate::domain::linkedin::LinkedIn;
use crate::domain::profile::Profile;
use crate::domain::step::{Step, StepState};
use crate::domain::templates::TemplateKind;
use chrono::NaiveDate;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

/// A book that uses every kind of stored value.
fn full_book() -> Book {
    let mut book = Book::default();
    let fair = EventId::new("fair");
    let commands = vec![
        Command::SaveEvent(Event {
            id: fair.clone(),
            name: "Fall Career Fair".into(),
            kind: EventKind::Hackathon,
            date: d("2024-09-12"),
            place: "Gym".into(),
        }),
        Command::AddContact(NewContact {
            id: ContactId::new("a"),
            name: "Ana López 👋".into(),
            company: "Acme".into(),
            title: "SWE".into(),
            kind: Kind::Engineer,
            email: Some(Email::parse("ana@acme.com").unwrap()),
            phone: "+1 555 0100".into(),
            linkedin: Some(LinkedIn::parse("linkedin.com/in/josé").unwrap()),
            event: Some(fair.clone()),
            met_on: d("2024-09-12"),
            hook: "Rust at \"scale\"".into(),
            role: "Payments".into(),
            really_want: true,
            tags: vec!["rust".into()],
            notes: "line 1\nline 2".into(),
            cadence_days: Some(30),
            updated_at: 1_726_000_000_000,
        }),
        Command::MarkDone {
            contact: ContactId::new("a"),
            step: Step::Connect,
            on: d("2024-09-12"),
            at: 1,
        },
        Command::Skip {
            contact: ContactId::new("a"),
            step: Step::Email,
            on: d("2024-09-13"),
            at: 2,
        },
        Command::Snooze {
            contact: ContactId::new("a"),
            step: Step::Referral,
            until: d("2024-09-30"),
            at: 3,
        },
        Command::LogInteraction {
            contact: ContactId::new("a"),
            on: d("2024-09-20"),
            kind: InteractionKind::Replied,
            note: "Yes!".into(),
            at: 4,
        },
        Command::SetProfile(Profile {
            name: "Sam".into(),
            school: "State".into(),
            ..Profile::default()
        }),
        Command::SetTemplate {
            kind: TemplateKind::ConnectNote,
            text: "Hi {first_name}[ at {event}]".into(),
        },
        Command::SetPremium(true),
        Command::SetDefaultCadence(60),
        Command::SetCurrentEvent(Some(fair)),
    ];
    for cmd in commands {
        book.apply(cmd).unwrap();
    }
    book
}

#[test]
fn a_full_book_round_trips() {
    let book = full_book();
    let text = encode(&book);
    assert_eq!(decode(&text), Ok(book.clone()));
    assert_eq!(encode(&decode(&text).unwrap()), text, "encoding is stable");
    let ana = book.contact(&ContactId::new("a")).unwrap();
    assert_eq!(ana.steps.referral, StepState::Snoozed(d("2024-09-30")));
    assert_eq!(Book::default(), decode(&encode(&Book::default())).unwrap());
}

#[test]
fn the_stored_field_names_are_stable() {
    let value: serde_json::Value = serde_json::from_str(&encode(&full_book())).unwrap();
    assert_eq!(value["version"], 1);
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "contacts",
            "events",
            "profile",
            "settings",
            "templates",
            "version"
        ]
    );
    let ana = &value["contacts"][0];
    assert_eq!(ana["id"], "a");
    assert_eq!(ana["met_on"], "2024-09-12");
    assert_eq!(ana["email"], "ana@acme.com");
    assert_eq!(ana["linkedin"], "https://www.linkedin.com/in/jos%C3%A9/");
    assert_eq!(ana["kind"], "Engineer");
    assert_eq!(ana["steps"]["connect"]["Done"], "2024-09-12");
    assert_eq!(ana["steps"]["bonus_message"], "Pending");
    assert_eq!(ana["interactions"][0]["kind"]["Step"], "Connect");
    assert_eq!(ana["updated_at"], 4, "the last command's time");
    assert_eq!(value["settings"]["current_event"], "fair");
    assert_eq!(
        value["templates"]["connect_note"],
        "Hi {first_name}[ at {event}]"
    );
}

#[test]
fn missing_fields_take_their_defaults() {
    fn check(text: &str, check_book: impl Fn(&Book)) {
        let book = decode(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        check_book(&book);
    }
    check(r#"{"version":1}"#, |b| assert_eq!(b, &Book::default()));
    check(r#"{"version":1,"unknown_future_field":[1,2]}"#, |b| {
        assert_eq!(b, &Book::default())
    });
    check(
        r#"{"version":1,"contacts":[{"id":"a","name":"Ana","met_on":"2024-09-12"}]}"#,
        |b| {
            let ana = b.contact(&ContactId::new("a")).unwrap();
            assert_eq!(
                (ana.name.as_str(), ana.kind, ana.steps.email),
                ("Ana", Kind::Other, StepState::Pending)
            );
            assert_eq!(b.settings().default_cadence_days, 90);
            assert_eq!(
                b.templates(),
                &crate::domain::templates::Templates::default()
            );
        },
    );
}

#[test]
fn unreadable_snapshots_are_told_apart() {
    fn check(text: &str, expected: fn(&SnapshotError) -> bool) {
        let got = decode(text);
        assert!(
            matches!(&got, Err(e) if expected(e)),
            "{text:?} gave {got:?}"
        );
    }
    use SnapshotError::*;
    check("", |e| matches!(e, NotJson(_)));
    check("{version: 1}", |e| matches!(e, NotJson(_)));
    check(r#"{"version":1"#, |e| matches!(e, NotJson(_)));
    check("[]", |e| matches!(e, WrongShape(_)));
    check("null", |e| matches!(e, WrongShape(_)));
    check("{}", |e| matches!(e, WrongShape(_)));
    check(r#"{"version":"1"}"#, |e| matches!(e, WrongShape(_)));
    check(r#"{"version":-1}"#, |e| matches!(e, WrongShape(_)));
    check(r#"{"version":0}"#, |e| matches!(e, WrongShape(_)));
    check(r#"{"version":1,"contacts":{}}"#, |e| {
        matches!(e, WrongShape(_))
    });
    check(
        r#"{"version":1,"contacts":[{"email":"not an email"}]}"#,
        |e| matches!(e, WrongShape(_)),
    );
    check(
        r#"{"version":1,"templates":{"email_body":"{nope}"}}"#,
        |e| matches!(e, WrongShape(_)),
    );
    check(r#"{"version":2}"#, |e| *e == Newer(2));
    check(r#"{"version":99,"anything":"else"}"#, |e| *e == Newer(99));
    check(r#"{"version":99999999999}"#, |e| *e == Newer(u32::MAX));
}

#[test]
fn newer_version_message_names_the_version() {
    let message = SnapshotError::Newer(3).to_string();
    assert!(
        message.contains("format 3") && message.contains("newer version"),
        "{message}"
    );
    assert_eq!(STORAGE_KEY, "followup.v1");
}
