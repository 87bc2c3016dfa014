//! An import through the reducer: the checks of typing, all or nothing, and only the
//! contacts it adds or changes.

use chrono::NaiveDate;

use super::*;
use crate::domain::contact::NewContact;
use crate::domain::event::{EventId, EventKind};
use crate::domain::step::{Step, StepState};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

fn contact(id: &str, name: &str) -> Contact {
    Contact::new(NewContact {
        id: ContactId::new(id),
        name: name.into(),
        met_on: d("2026-11-20"),
        updated_at: 5,
        ..NewContact::default()
    })
}

fn event(id: &str, name: &str) -> Event {
    Event {
        id: EventId::new(id),
        name: name.into(),
        kind: EventKind::CareerFair,
        date: d("2026-11-20"),
        ends: None,
        place: String::new(),
        prep: Default::default(),
    }
}

/// A book with Ana (`a`) and Ben (`b`).
fn book() -> Book {
    let mut book = Book::default();
    for c in [contact("a", "Ana"), contact("b", "Ben")] {
        let import = Import {
            new: vec![c],
            ..Import::default()
        };
        book.apply(Command::Import(Box::new(import))).unwrap();
    }
    book
}

fn mark_done(id: &str) -> Command {
    Command::MarkDone {
        contact: ContactId::new(id),
        step: Step::Connect,
        on: d("2026-11-21"),
        at: 9,
    }
}

#[test]
fn a_refused_import_changes_nothing() {
    use BookError::*;
    fn check(import: Import, expected: BookError) {
        let mut book = book();
        let before = book.clone();
        let got = book.apply(Command::Import(Box::new(import.clone())));
        assert_eq!(got, Err(expected), "{import:?}");
        assert_eq!(book, before, "{import:?} changed the book");
    }
    let fine = contact("c", "Cleo");
    let with = |new: Vec<Contact>| Import {
        new,
        ..Import::default()
    };
    check(with(vec![fine.clone(), contact("d", "  ")]), BlankName);
    check(with(vec![fine.clone(), contact(" ", "Dee")]), BlankId);
    check(
        with(vec![fine.clone(), contact("a", "Another Ana")]),
        DuplicateId(ContactId::new("a")),
    );
    check(
        with(vec![fine.clone(), contact("c", "Cleo again")]),
        DuplicateId(ContactId::new("c")),
    );
    let mut zero = fine.clone();
    zero.cadence_days = Some(0);
    check(with(vec![zero]), ZeroCadence);
    check(
        Import {
            new: vec![fine.clone()],
            updated: vec![contact("gone", "Gone")],
            ..Import::default()
        },
        NoSuchContact(ContactId::new("gone")),
    );
    check(
        Import {
            updated: vec![contact("a", "")],
            ..Import::default()
        },
        BlankName,
    );
    check(
        Import {
            new: vec![fine.clone()],
            events: vec![event("e", " ")],
            ..Import::default()
        },
        BlankEventName,
    );
    check(
        Import {
            new: vec![fine.clone()],
            steps: vec![mark_done("c"), mark_done("gone")],
            ..Import::default()
        },
        NoSuchContact(ContactId::new("gone")),
    );
}

#[test]
fn an_accepted_import_adds_replaces_and_marks_steps() {
    let mut book = book();
    let mut ana = contact("a", "Ana López");
    ana.updated_at = 8;
    let import = Import {
        new: vec![contact("c", "Cleo")],
        updated: vec![ana.clone()],
        events: vec![event("e", "Spring Fair")],
        steps: vec![mark_done("c"), mark_done("b")],
        setup: None,
    };
    book.apply(Command::Import(Box::new(import))).unwrap();
    let names: Vec<&str> = book.contacts_unordered().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ana López", "Ben", "Cleo"]);
    assert_eq!(book.contact(&ContactId::new("a")), Some(&ana));
    for id in ["b", "c"] {
        let c = book.contact(&ContactId::new(id)).unwrap();
        assert_eq!(
            c.steps.get(Step::Connect),
            StepState::Done(d("2026-11-21")),
            "{id}"
        );
    }
    assert_eq!(book.event(&EventId::new("e")).unwrap().name, "Spring Fair");
}

#[test]
fn an_import_touches_only_the_contacts_it_adds_or_changes() {
    let book = book();
    let import = Import {
        new: vec![contact("c", "Cleo")],
        updated: vec![contact("a", "Ana López")],
        events: vec![event("e", "Spring Fair")],
        steps: vec![mark_done("c")],
        setup: None,
    };
    let touched =
        crate::domain::snapshot::touched_contacts(&Command::Import(Box::new(import)), &book);
    let ids: Vec<&str> = touched.iter().map(ContactId::as_str).collect();
    assert_eq!(ids, ["c", "a", "c"]);
}
