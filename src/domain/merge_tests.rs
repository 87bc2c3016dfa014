use super::*;
use crate::domain::command::Command;
use crate::domain::contact::{Kind, NewContact};
use crate::domain::email::Email;
use crate::domain::event::{Event, EventId, EventKind};
use crate::domain::linkedin::LinkedIn;
use chrono::NaiveDate;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn id(text: &str) -> ContactId {
    ContactId::new(text)
}

fn event(key: &str, name: &str, on: &str) -> Event {
    Event {
        id: EventId::new(key),
        name: name.into(),
        kind: EventKind::CareerFair,
        date: d(on),
        place: String::new(),
        ends: None,
        prep: Default::default(),
    }
}

/// Ana met at the fall fair (`a`, every field set) and again at the spring fair (`b`,
/// with some fields different, some missing and some only on her).
fn book() -> Book {
    let mut book = Book::default();
    book.apply(Command::SaveEvent(event("fall", "Fall Fair", "2024-09-12")))
        .unwrap();
    book.apply(Command::SaveEvent(event(
        "spring",
        "Spring Fair",
        "2025-03-02",
    )))
    .unwrap();
    book.apply(Command::AddContact(NewContact {
        id: id("a"),
        name: "Ana López".into(),
        company: "Stripe".into(),
        title: "Engineer".into(),
        kind: Kind::Engineer,
        email: Some(Email::parse("ana@stripe.com").unwrap()),
        event: Some(EventId::new("fall")),
        met_on: d("2024-09-12"),
        hook: "Payments retries".into(),
        tags: vec!["rust".into()],
        notes: "Wants a resume".into(),
        updated_at: 1,
        ..NewContact::default()
    }))
    .unwrap();
    book.apply(Command::AddContact(NewContact {
        id: id("b"),
        name: "Ana Lopez".into(),
        company: "Stripe".into(),
        title: "Staff Engineer".into(),
        phone: "+1 555 0100".into(),
        linkedin: Some(LinkedIn::parse("ana-lopez").unwrap()),
        event: Some(EventId::new("spring")),
        met_on: d("2025-03-02"),
        role: "Payments".into(),
        really_want: true,
        tags: vec!["Rust".into(), "payments".into()],
        cadence_days: Some(30),
        updated_at: 2,
        ..NewContact::default()
    }))
    .unwrap();
    let done = |book: &mut Book, who: &str, step, on: &str| {
        book.apply(Command::MarkDone {
            contact: id(who),
            step,
            on: d(on),
            at: 3,
        })
        .unwrap()
    };
    done(&mut book, "a", Step::Connect, "2024-09-12");
    done(&mut book, "b", Step::Connect, "2025-03-02");
    done(&mut book, "b", Step::Email, "2025-03-04");
    book.apply(Command::Snooze {
        contact: id("a"),
        step: Step::Referral,
        until: d("2024-10-01"),
        at: 3,
    })
    .unwrap();
    book.apply(Command::LogInteraction {
        contact: id("a"),
        on: d("2024-10-05"),
        kind: InteractionKind::CoffeeChat,
        note: "Coffee".into(),
        at: 3,
    })
    .unwrap();
    book
}

fn merge(choices: &[ContactField]) -> (Book, Contact) {
    let mut book = book();
    book.apply(Command::MergeContacts {
        keep: id("a"),
        other: id("b"),
        choices: Choices {
            from_other: choices.to_vec(),
        },
        at: 99,
    })
    .unwrap();
    let merged = book.contact(&id("a")).unwrap().clone();
    (book, merged)
}

#[test]
fn conflicts_are_the_fields_both_have_with_different_values() {
    let book = book();
    let (a, b) = (
        book.contact(&id("a")).unwrap(),
        book.contact(&id("b")).unwrap(),
    );
    assert_eq!(
        conflicts(&book, a, b),
        vec![ContactField::Name, ContactField::Title, ContactField::MetOn]
    );
    assert_eq!(conflicts(&book, a, a), vec![]);
    // Email addresses that differ only in case are the same address.
    let shouting = Contact {
        email: Some(Email::parse("ANA@STRIPE.COM").unwrap()),
        ..a.clone()
    };
    assert_eq!(conflicts(&book, a, &shouting), vec![]);
}

#[test]
fn every_field_comes_from_the_side_that_has_it_or_the_side_chosen() {
    let check = |choices: &[ContactField], field: ContactField, expected: &str| {
        let (book, merged) = merge(choices);
        assert_eq!(
            show(&book, field, &merged.fields()),
            expected,
            "{field:?} with {choices:?}"
        );
    };
    // Conflicts: kept by default, or taken from the other when chosen.
    check(&[], ContactField::Name, "Ana López");
    check(&[ContactField::Name], ContactField::Name, "Ana Lopez");
    check(&[], ContactField::Title, "Engineer");
    check(
        &[ContactField::Title],
        ContactField::Title,
        "Staff Engineer",
    );
    check(&[], ContactField::MetOn, "Fall Fair, 12 Sep 2024");
    check(
        &[ContactField::MetOn],
        ContactField::MetOn,
        "Spring Fair, 2 Mar 2025",
    );
    // Equal on both sides.
    check(&[], ContactField::Company, "Stripe");
    // Only on the kept contact: a choice of the other's (empty) value changes nothing.
    for field in [
        ContactField::Kind,
        ContactField::Email,
        ContactField::Hook,
        ContactField::Notes,
    ] {
        let (book, kept) = merge(&[]);
        let (_, chosen) = merge(&[field]);
        assert_eq!(
            show(&book, field, &kept.fields()),
            show(&book, field, &chosen.fields()),
            "{field:?}"
        );
    }
    check(&[], ContactField::Kind, "Engineer");
    check(&[], ContactField::Email, "ana@stripe.com");
    check(&[], ContactField::Hook, "Payments retries");
    check(&[], ContactField::Notes, "Wants a resume");
    // Only on the other.
    check(&[], ContactField::Phone, "+1 555 0100");
    check(
        &[],
        ContactField::LinkedIn,
        "https://www.linkedin.com/in/ana-lopez/",
    );
    check(&[], ContactField::Role, "Payments");
    check(&[], ContactField::Cadence, "30 days");
}

#[test]
fn merging_keeps_both_logs_every_event_and_every_step_done() {
    let (book, merged) = merge(&[]);
    assert_eq!(book.contact_count(), 1);
    assert!(book.contact(&id("b")).is_none());
    assert_eq!(merged.id, id("a"));
    assert_eq!(merged.updated_at, 99);
    assert!(merged.really_want);
    assert_eq!(
        merged.tags,
        vec!["rust".to_string(), "payments".to_string()]
    );
    // Steps: connect done on both (the earlier date), email done only on b, the
    // referral snoozed on a.
    assert_eq!(merged.steps.connect, StepState::Done(d("2024-09-12")));
    assert_eq!(merged.steps.email, StepState::Done(d("2025-03-04")));
    assert_eq!(merged.steps.referral, StepState::Snoozed(d("2024-10-01")));
    // Logs: both, in date order, with the spring fair kept as a meeting.
    let log: Vec<(NaiveDate, InteractionKind, &str)> = merged
        .interactions
        .iter()
        .map(|i| (i.on, i.kind, i.note.as_str()))
        .collect();
    assert_eq!(
        log,
        vec![
            (d("2024-09-12"), InteractionKind::Step(Step::Connect), ""),
            (d("2024-10-05"), InteractionKind::CoffeeChat, "Coffee"),
            (d("2025-03-02"), InteractionKind::Step(Step::Connect), ""),
            (
                d("2025-03-02"),
                InteractionKind::MetAgain,
                "Met at Spring Fair"
            ),
            (d("2025-03-04"), InteractionKind::Step(Step::Email), ""),
        ]
    );
    // Choosing the spring meeting keeps the fall one in the log instead.
    let (_, spring) = merge(&[ContactField::MetOn]);
    assert!(spring.interactions.iter().any(|i| i.on == d("2024-09-12")
        && i.kind == InteractionKind::MetAgain
        && i.note == "Met at Fall Fair"));
}

#[test]
fn a_merge_is_undone_by_restoring_both_contacts() {
    let before = book();
    let a = before.contact(&id("a")).unwrap().clone();
    let b = before.contact(&id("b")).unwrap().clone();
    let (mut book, _) = merge(&[ContactField::Name]);
    book.apply(Command::RestoreContacts {
        contacts: vec![a.clone(), b.clone()],
        at: 100,
    })
    .unwrap();
    let stamped = |c: &Contact| Contact {
        updated_at: 100,
        ..c.clone()
    };
    assert_eq!(book.contact(&id("a")), Some(&stamped(&a)));
    assert_eq!(book.contact(&id("b")), Some(&stamped(&b)));
    assert_eq!(book.contact_count(), 2);
}

#[test]
fn refused_merges_change_nothing() {
    let check = |cmd: Command, expected: BookError| {
        let mut book = book();
        let before = book.clone();
        assert_eq!(book.apply(cmd.clone()), Err(expected), "{cmd:?}");
        assert_eq!(book, before);
    };
    let merge = |keep: &str, other: &str| Command::MergeContacts {
        keep: id(keep),
        other: id(other),
        choices: Choices::default(),
        at: 5,
    };
    check(merge("a", "a"), BookError::MergeWithItself);
    check(merge("a", "gone"), BookError::NoSuchContact(id("gone")));
    check(merge("gone", "a"), BookError::NoSuchContact(id("gone")));
    check(
        Command::RestoreContacts {
            contacts: vec![Contact::default()],
            at: 5,
        },
        BookError::BlankId,
    );
    check(
        Command::RestoreContacts {
            contacts: vec![Contact {
                id: id("x"),
                ..Contact::default()
            }],
            at: 5,
        },
        BookError::BlankName,
    );
}

#[test]
fn merge_commands_touch_both_contacts() {
    let book = book();
    let cmd = Command::MergeContacts {
        keep: id("a"),
        other: id("b"),
        choices: Choices::default(),
        at: 5,
    };
    assert_eq!(
        crate::domain::snapshot::touched_contacts(&cmd, &book),
        vec![id("a"), id("b")]
    );
    let mut choices = Choices::default();
    choices.set(ContactField::Name, true);
    choices.set(ContactField::Title, true);
    choices.set(ContactField::Name, false);
    assert_eq!(choices.from_other, vec![ContactField::Title]);
}

#[test]
fn every_field_has_its_own_slug() {
    let slugs: std::collections::HashSet<&str> =
        ContactField::ALL.iter().map(|f| f.slug()).collect();
    assert_eq!(slugs.len(), ContactField::ALL.len());
    // The merge screen's element ids: `merge-<slug>-other`.
    for field in choosable() {
        let slug = field.slug();
        assert!(
            !slug.is_empty() && slug.chars().all(|c| c.is_ascii_lowercase()),
            "{slug:?}"
        );
    }
}
