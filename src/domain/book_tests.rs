//! The reducer: what each command changes, and every way it can refuse.

use super::*;
use crate::domain::contact::Kind;
use crate::domain::event::EventKind;
use crate::domain::step::Status;
use crate::domain::templates::TemplateKind;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

fn id(text: &str) -> ContactId {
    ContactId::new(text)
}

fn new(contact: &str, name: &str, met: &str) -> NewContact {
    NewContact {
        id: id(contact),
        name: name.into(),
        met_on: d(met),
        updated_at: 100,
        ..NewContact::default()
    }
}

fn fair() -> Event {
    Event {
        id: EventId::new("fair"),
        name: "Fall Career Fair".into(),
        kind: EventKind::CareerFair,
        date: d("2024-09-12"),
        ends: None,
        place: "Gym".into(),
        prep: Default::default(),
    }
}

/// A book with one event and one contact, Ana (id `a`), met there.
fn book() -> Book {
    let mut book = Book::default();
    book.apply(Command::SaveEvent(fair())).unwrap();
    let ana = NewContact {
        event: Some(fair().id),
        kind: Kind::Engineer,
        ..new("a", "Ana", "2024-09-12")
    };
    book.apply(Command::AddContact(ana)).unwrap();
    book
}

#[test]
fn refused_commands_leave_the_book_unchanged() {
    use BookError::*;
    fn check(cmd: Command, expected: BookError) {
        let mut book = book();
        let before = book.clone();
        assert_eq!(book.apply(cmd.clone()), Err(expected), "{cmd:?}");
        assert_eq!(book, before, "{cmd:?} changed the book");
    }
    let gone = id("gone");
    check(
        Command::AddContact(new("b", "   ", "2024-09-12")),
        BlankName,
    );
    check(Command::AddContact(new("b", "", "2024-09-12")), BlankName);
    check(Command::AddContact(new(" ", "Ben", "2024-09-12")), BlankId);
    check(
        Command::AddContact(new("a", "Another Ana", "2024-09-12")),
        DuplicateId(id("a")),
    );
    check(
        Command::AddContact(NewContact {
            event: Some(EventId::new("x")),
            ..new("b", "Ben", "2024-09-12")
        }),
        NoSuchEvent(EventId::new("x")),
    );
    check(
        Command::AddContact(NewContact {
            cadence_days: Some(0),
            ..new("b", "Ben", "2024-09-12")
        }),
        ZeroCadence,
    );
    check(
        Command::UpdateContact(new("a", " ", "2024-09-12")),
        BlankName,
    );
    check(
        Command::UpdateContact(new("gone", "Gone", "2024-09-12")),
        NoSuchContact(gone.clone()),
    );
    check(
        Command::DeleteContact(gone.clone()),
        NoSuchContact(gone.clone()),
    );
    check(
        Command::MarkDone {
            contact: gone.clone(),
            step: Step::Email,
            on: d("2024-09-13"),
            at: 1,
        },
        NoSuchContact(gone.clone()),
    );
    check(
        Command::Skip {
            contact: gone.clone(),
            step: Step::Email,
            on: d("2024-09-13"),
            at: 1,
        },
        NoSuchContact(gone.clone()),
    );
    check(
        Command::Snooze {
            contact: gone.clone(),
            step: Step::Email,
            until: d("2024-09-13"),
            at: 1,
        },
        NoSuchContact(gone.clone()),
    );
    check(
        Command::Reset {
            contact: gone.clone(),
            step: Step::Email,
            at: 1,
        },
        NoSuchContact(gone.clone()),
    );
    check(
        Command::LogInteraction {
            contact: gone.clone(),
            on: d("2024-09-13"),
            kind: InteractionKind::Replied,
            note: String::new(),
            at: 1,
        },
        NoSuchContact(gone),
    );
    check(
        Command::SaveEvent(Event {
            name: " ".into(),
            ..fair()
        }),
        BlankEventName,
    );
    check(
        Command::SaveEvent(Event {
            id: EventId::new(""),
            ..fair()
        }),
        BlankId,
    );
    check(
        Command::DeleteEvent {
            id: EventId::new("x"),
            at: 9,
        },
        NoSuchEvent(EventId::new("x")),
    );
    check(
        Command::SetCurrentEvent(Some(EventId::new("x"))),
        NoSuchEvent(EventId::new("x")),
    );
    check(Command::SetDefaultCadence(0), ZeroCadence);
    let broken = crate::domain::template::Template::parse("Hi {frist_name}").unwrap_err();
    check(
        Command::SetTemplate {
            kind: TemplateKind::ConnectNote,
            text: "Hi {frist_name}".into(),
        },
        Template(broken),
    );
}

#[test]
fn errors_are_sentences_for_the_student() {
    for (error, expected) in [
        (
            BookError::BlankName,
            "Add their name: every contact needs one.",
        ),
        (
            BookError::ZeroCadence,
            "Keep-in-touch reminders need a gap of at least one day.",
        ),
    ] {
        assert_eq!(error.to_string(), expected);
    }
    let template = BookError::Template(Template::parse("{x").unwrap_err()).to_string();
    assert!(
        template.ends_with("the previous one is kept."),
        "{template}"
    );
    assert!(BookError::NoSuchContact(id("a"))
        .to_string()
        .contains("another tab"));
}

#[test]
fn adding_trims_and_starts_every_step_pending() {
    let mut book = book();
    let ben = NewContact {
        company: "  Acme ".into(),
        ..new("b", "  Ben Ode ", "2024-09-12")
    };
    book.apply(Command::AddContact(ben)).unwrap();
    let ben = book.contact(&id("b")).unwrap();
    assert_eq!(
        (ben.name.as_str(), ben.company.as_str(), ben.updated_at),
        ("Ben Ode", "Acme", 100)
    );
    assert_eq!(ben.steps, crate::domain::step::StepStates::default());
    assert!(ben.interactions.is_empty());
}

#[test]
fn contacts_are_listed_newest_met_first_then_by_name() {
    let mut book = Book::default();
    for (contact, name, met) in [
        ("1", "zed", "2024-09-10"),
        ("2", "Bea", "2024-09-12"),
        ("3", "al", "2024-09-12"),
        ("4", "Cy", "2024-09-11"),
    ] {
        book.apply(Command::AddContact(new(contact, name, met)))
            .unwrap();
    }
    let names: Vec<&str> = book.contacts().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["al", "Bea", "Cy", "zed"]);
}

#[test]
fn marking_done_logs_and_stamps_the_contact() {
    let mut book = book();
    let cmd = Command::MarkDone {
        contact: id("a"),
        step: Step::Email,
        on: d("2024-09-13"),
        at: 500,
    };
    book.apply(cmd).unwrap();
    let ana = book.contact(&id("a")).unwrap();
    assert_eq!(ana.steps.email, StepState::Done(d("2024-09-13")));
    assert_eq!(ana.updated_at, 500);
    assert_eq!(
        ana.interactions,
        vec![Interaction {
            on: d("2024-09-13"),
            kind: InteractionKind::Step(Step::Email),
            note: String::new(),
            outcome: None,
        }]
    );
    assert_eq!(ana.interactions[0].kind.label(), "Sent the follow-up email");
}

#[test]
fn undoing_done_takes_back_only_the_entry_it_logged() {
    let mut book = book();
    let a = id("a");
    let by_hand = Command::LogInteraction {
        contact: a.clone(),
        on: d("2024-09-13"),
        kind: InteractionKind::Step(Step::Email),
        note: "Also sent my portfolio".into(),
        at: 1,
    };
    book.apply(by_hand).unwrap();
    for (step, on) in [(Step::Email, "2024-09-13"), (Step::Connect, "2024-09-12")] {
        let done = Command::MarkDone {
            contact: a.clone(),
            step,
            on: d(on),
            at: 2,
        };
        book.apply(done).unwrap();
    }
    assert_eq!(book.contact(&a).unwrap().interactions.len(), 3);
    book.apply(Command::Reset {
        contact: a.clone(),
        step: Step::Email,
        at: 3,
    })
    .unwrap();
    let ana = book.contact(&a).unwrap();
    assert_eq!(ana.steps.email, StepState::Pending);
    assert_eq!(ana.steps.connect, StepState::Done(d("2024-09-12")));
    let notes: Vec<(&str, InteractionKind)> = ana
        .interactions
        .iter()
        .map(|i| (i.note.as_str(), i.kind))
        .collect();
    assert_eq!(
        notes,
        vec![
            ("", InteractionKind::Step(Step::Connect)),
            ("Also sent my portfolio", InteractionKind::Step(Step::Email)),
        ],
        "the hand-written entry stays, the automatic one for the email goes"
    );
    assert_eq!(ana.updated_at, 3);
}

#[test]
fn skip_snooze_and_reset_change_only_the_step() {
    fn check(cmd: Command, expected: StepState) {
        let mut book = book();
        book.apply(cmd.clone()).unwrap();
        let ana = book.contact(&id("a")).unwrap();
        assert_eq!(ana.steps.connect, expected, "{cmd:?}");
        assert_eq!(ana.updated_at, 7, "{cmd:?}");
        assert!(ana.interactions.is_empty(), "{cmd:?}");
    }
    let a = id("a");
    let step = Step::Connect;
    check(
        Command::Skip {
            contact: a.clone(),
            step,
            on: d("2024-09-13"),
            at: 7,
        },
        StepState::Skipped(d("2024-09-13")),
    );
    check(
        Command::Snooze {
            contact: a.clone(),
            step,
            until: d("2024-09-14"),
            at: 7,
        },
        StepState::Snoozed(d("2024-09-14")),
    );
    check(
        Command::Reset {
            contact: a,
            step,
            at: 7,
        },
        StepState::Pending,
    );
}

#[test]
fn interactions_are_kept_in_date_order_and_restart_keep_in_touch() {
    let mut book = book();
    let a = id("a");
    for (state_cmd, expected) in [
        (
            Command::Snooze {
                contact: a.clone(),
                step: Step::KeepInTouch,
                until: d("2025-01-01"),
                at: 1,
            },
            StepState::Pending,
        ),
        (
            Command::Skip {
                contact: a.clone(),
                step: Step::KeepInTouch,
                on: d("2024-10-01"),
                at: 1,
            },
            StepState::Skipped(d("2024-10-01")),
        ),
    ] {
        book.apply(state_cmd).unwrap();
        book.apply(Command::LogInteraction {
            contact: a.clone(),
            on: d("2024-11-01"),
            kind: InteractionKind::CoffeeChat,
            note: " Talked about Rust ".into(),
            at: 9,
        })
        .unwrap();
        assert_eq!(book.contact(&a).unwrap().steps.keep_in_touch, expected);
    }
    book.apply(Command::MarkDone {
        contact: a.clone(),
        step: Step::Connect,
        on: d("2024-09-12"),
        at: 10,
    })
    .unwrap();
    let ana = book.contact(&a).unwrap();
    let dates: Vec<NaiveDate> = ana.interactions.iter().map(|i| i.on).collect();
    assert_eq!(dates, [d("2024-09-12"), d("2024-11-01"), d("2024-11-01")]);
    assert_eq!(ana.interactions[1].note, "Talked about Rust");
    assert_eq!(ana.updated_at, 10);
}

#[test]
fn marking_keep_in_touch_done_recurs() {
    let mut book = book();
    let a = id("a");
    for (step, on) in [
        (Step::Connect, "2024-09-12"),
        (Step::Email, "2024-09-13"),
        (Step::Referral, "2024-09-20"),
    ] {
        book.apply(Command::MarkDone {
            contact: a.clone(),
            step,
            on: d(on),
            at: 1,
        })
        .unwrap();
    }
    book.apply(Command::MarkDone {
        contact: a.clone(),
        step: Step::KeepInTouch,
        on: d("2024-12-19"),
        at: 2,
    })
    .unwrap();
    let ana = book.contact(&a).unwrap();
    let keep = book.plan(ana, d("2024-12-20")).into_iter().last().unwrap();
    assert_eq!(
        (keep.step, keep.status),
        (Step::KeepInTouch, Status::Upcoming(d("2025-03-19")))
    );
}

#[test]
fn updating_keeps_the_log_and_the_steps() {
    let mut book = book();
    let a = id("a");
    book.apply(Command::MarkDone {
        contact: a.clone(),
        step: Step::Connect,
        on: d("2024-09-12"),
        at: 1,
    })
    .unwrap();
    let mut fields = book.contact(&a).unwrap().fields();
    fields.company = "Acme".into();
    fields.really_want = true;
    fields.updated_at = 42;
    book.apply(Command::UpdateContact(fields)).unwrap();
    let ana = book.contact(&a).unwrap();
    assert_eq!(
        (ana.company.as_str(), ana.really_want, ana.updated_at),
        ("Acme", true, 42)
    );
    assert_eq!(ana.steps.connect, StepState::Done(d("2024-09-12")));
    assert_eq!(ana.interactions.len(), 1);
    assert_eq!(ana.event, Some(fair().id));
}

#[test]
fn deleting_contacts_and_events() {
    let mut book = book();
    book.apply(Command::SetCurrentEvent(Some(fair().id)))
        .unwrap();
    assert_eq!(book.settings().current_event, Some(fair().id));
    book.apply(Command::DeleteEvent {
        id: fair().id,
        at: 9,
    })
    .unwrap();
    assert_eq!(book.events().count(), 0);
    assert_eq!(
        book.contact(&id("a")).unwrap().event,
        None,
        "the contact stays, unlinked"
    );
    assert_eq!(book.settings().current_event, None);
    book.apply(Command::DeleteContact(id("a"))).unwrap();
    assert_eq!(book.contacts().count(), 0);
}

#[test]
fn saving_an_event_twice_replaces_it() {
    let mut book = book();
    book.apply(Command::SaveEvent(Event {
        name: " Spring Fair ".into(),
        ..fair()
    }))
    .unwrap();
    let names: Vec<&str> = book.events().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Spring Fair"]);
    book.apply(Command::SaveEvent(Event {
        id: EventId::new("hack"),
        name: "Hack".into(),
        date: d("2024-10-01"),
        ends: None,
        ..fair()
    }))
    .unwrap();
    let names: Vec<&str> = book.events().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Hack", "Spring Fair"]);
}

#[test]
fn settings_profile_and_templates() {
    let mut book = book();
    book.apply(Command::SetPremium(true)).unwrap();
    book.apply(Command::SetDefaultCadence(30)).unwrap();
    book.apply(Command::SetProfile(Profile {
        name: "Sam".into(),
        ..Profile::default()
    }))
    .unwrap();
    assert!(book.settings().premium);
    assert_eq!(book.settings().default_cadence_days, 30);
    let kind = TemplateKind::ConnectNote;
    book.apply(Command::SetTemplate {
        kind,
        text: "Hi {first_name}[ from {event}]! {my_name}".into(),
    })
    .unwrap();
    let ana = book.contact(&id("a")).unwrap();
    assert_eq!(
        book.draft(ana, Step::Connect).body,
        "Hi Ana from the Fall Career Fair! Sam"
    );
    book.apply(Command::ResetTemplate(kind)).unwrap();
    assert_eq!(book.templates().get(kind), &kind.default_template());
}

#[test]
fn the_backup_reminder_waits_fourteen_days() {
    // Ana was met on 2024-09-12.
    let cases: [(&str, Option<&str>, &str, Option<BackupReminder>); 6] = [
        ("no contacts, never backed up", None, "2025-01-01", None),
        ("never backed up, met 13 days ago", None, "2024-09-25", None),
        (
            "never backed up, met 14 days ago",
            None,
            "2024-09-26",
            Some(BackupReminder::Never),
        ),
        (
            "backed up 13 days ago",
            Some("2024-10-01"),
            "2024-10-14",
            None,
        ),
        (
            "backed up 14 days ago",
            Some("2024-10-01"),
            "2024-10-15",
            Some(BackupReminder::DaysAgo(14)),
        ),
        ("backed up today", Some("2025-01-01"), "2025-01-01", None),
    ];
    for (name, backup, today, expected) in cases {
        let mut book = if name.starts_with("no contacts") {
            Book::default()
        } else {
            book()
        };
        if let Some(on) = backup {
            book.apply(Command::RecordBackup(d(on))).unwrap();
            assert_eq!(book.settings().last_backup, Some(d(on)), "{name}");
        }
        assert_eq!(book.backup_reminder(d(today)), expected, "{name}");
    }
}

#[test]
fn deleting_an_event_marks_its_contacts_changed() {
    let mut book = book();
    let delete = Command::DeleteEvent {
        id: fair().id,
        at: 777,
    };
    let touched = crate::domain::snapshot::touched_contacts(&delete, &book);
    assert_eq!(touched, [id("a")]);
    book.apply(Command::DeleteEvent {
        id: fair().id,
        at: 777,
    })
    .unwrap();
    let ana = book.contact(&id("a")).unwrap();
    assert_eq!((ana.event.clone(), ana.updated_at), (None, 777));
}
