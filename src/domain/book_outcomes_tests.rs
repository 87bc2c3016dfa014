//! The reducer's outcome commands: recorded, linked both ways, refused, undone.

use super::*;
use crate::domain::contact::Kind;
use crate::domain::outcome::{introduced_by, introduced_to, ReferralState};
use crate::domain::step::Status;
use chrono::NaiveTime;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

fn id(text: &str) -> ContactId {
    ContactId::new(text)
}

/// Ana (`a`), an engineer at Acme, and Bo (`b`).
fn book() -> Book {
    let mut book = Book::default();
    for (key, name, kind) in [
        ("a", "Ana López", Kind::Engineer),
        ("b", "Bo Chen", Kind::Other),
    ] {
        book.apply(Command::AddContact(NewContact {
            id: id(key),
            name: name.into(),
            company: "Acme".into(),
            kind,
            met_on: d("2024-09-12"),
            updated_at: 1,
            ..NewContact::default()
        }))
        .unwrap();
    }
    book
}

fn record(contact: &str, on: &str, outcome: Outcome) -> Command {
    Command::RecordOutcome {
        contact: id(contact),
        on: d(on),
        outcome,
        note: String::new(),
        at: 50,
    }
}

fn sam(key: &str) -> NewContact {
    NewContact {
        id: id(key),
        name: "Sam Recruiter".into(),
        company: "Acme".into(),
        kind: Kind::Recruiter,
        email: Some(crate::domain::email::Email::parse("sam@acme.com").unwrap()),
        met_on: d("2024-09-20"),
        updated_at: 60,
        ..NewContact::default()
    }
}

#[test]
fn refused_outcomes_leave_the_book_unchanged() {
    fn check(cmd: Command, expected: BookError) {
        let mut book = book();
        let before = book.clone();
        assert_eq!(book.apply(cmd.clone()), Err(expected), "{cmd:?}");
        assert_eq!(book, before, "{cmd:?} changed the book");
    }
    check(
        record("gone", "2024-09-20", Outcome::Offer),
        BookError::NoSuchContact(id("gone")),
    );
    check(
        record(
            "a",
            "2024-09-20",
            Outcome::IntroducedTo {
                contact: id("gone"),
            },
        ),
        BookError::NoSuchContact(id("gone")),
    );
    check(
        record(
            "a",
            "2024-09-20",
            Outcome::IntroducedTo { contact: id("a") },
        ),
        BookError::LinkToItself,
    );
    // A new contact whose introducer is gone is not added either.
    check(
        Command::IntroduceNew {
            by: id("gone"),
            new: sam("s"),
            on: d("2024-09-20"),
            note: String::new(),
            at: 60,
        },
        BookError::NoSuchContact(id("gone")),
    );
    check(
        Command::IntroduceNew {
            by: id("a"),
            new: sam("b"),
            on: d("2024-09-20"),
            note: String::new(),
            at: 60,
        },
        BookError::DuplicateId(id("b")),
    );
    check(
        Command::UndoOutcome {
            contact: id("a"),
            entry: outcome::entry(d("2024-09-20"), Outcome::Offer, ""),
            at: 70,
        },
        BookError::NoSuchEntry,
    );
}

#[test]
fn each_outcome_is_an_entry_in_the_timeline_and_can_be_undone() {
    let meeting = d("2024-10-03").and_time(NaiveTime::from_hms_opt(9, 30, 0).unwrap());
    for outcome in [
        Outcome::Replied {
            to: Some(Step::Email),
        },
        Outcome::Meeting { at: meeting },
        Outcome::Applied {
            job: "Intern".into(),
            link: "R-1".into(),
        },
        Outcome::Interview,
        Outcome::Offer,
        Outcome::NotNow,
    ] {
        let mut book = book();
        let before = book.clone();
        book.apply(Command::RecordOutcome {
            contact: id("a"),
            on: d("2024-09-20"),
            outcome: outcome.clone(),
            note: " they said so ".into(),
            at: 50,
        })
        .unwrap();
        let ana = book.contact(&id("a")).unwrap();
        let logged = ana.interactions.last().unwrap().clone();
        assert_eq!(logged.kind, outcome.kind());
        assert_eq!(logged.note, "they said so");
        assert_eq!(logged.outcome.as_ref(), Some(&outcome));
        assert_eq!(ana.updated_at, 50);
        book.apply(Command::UndoOutcome {
            contact: id("a"),
            entry: logged,
            at: 51,
        })
        .unwrap();
        let ana = book.contact(&id("a")).unwrap();
        assert_eq!(
            ana.interactions,
            before.contact(&id("a")).unwrap().interactions
        );
    }
}

#[test]
fn an_introduction_links_both_ways_and_its_undo_unlinks_both() {
    let mut book = book();
    book.apply(record(
        "a",
        "2024-09-20",
        Outcome::IntroducedTo { contact: id("b") },
    ))
    .unwrap();
    let (a, b) = (
        book.contact(&id("a")).unwrap(),
        book.contact(&id("b")).unwrap(),
    );
    assert_eq!(introduced_to(a), vec![&id("b")]);
    assert_eq!(introduced_by(b), vec![&id("a")]);
    assert_eq!(b.updated_at, 50, "both contacts are saved");
    // Bo's drafts name Ana.
    assert_eq!(book.context(b).introduced_by, "Ana López");
    assert!(book
        .draft(b, Step::Email)
        .body
        .contains("Ana López kindly suggested"));
    let entry = a.interactions.last().unwrap().clone();
    book.apply(Command::UndoOutcome {
        contact: id("a"),
        entry,
        at: 70,
    })
    .unwrap();
    let (a, b) = (
        book.contact(&id("a")).unwrap(),
        book.contact(&id("b")).unwrap(),
    );
    assert!(a.interactions.is_empty() && b.interactions.is_empty());
    assert_eq!(book.context(b).introduced_by, "");
}

#[test]
fn an_introduction_to_someone_new_adds_them_with_an_email_step_naming_the_introducer() {
    let mut book = book();
    book.apply(Command::MarkDone {
        contact: id("a"),
        step: Step::Referral,
        on: d("2024-09-19"),
        at: 40,
    })
    .unwrap();
    book.apply(Command::IntroduceNew {
        by: id("a"),
        new: sam("s"),
        on: d("2024-09-20"),
        note: "Sam hires interns".into(),
        at: 60,
    })
    .unwrap();
    let s = book.contact(&id("s")).unwrap();
    assert_eq!(introduced_by(s), vec![&id("a")]);
    assert_eq!(s.interactions[0].note, "Sam hires interns");
    // The new contact's email step is due from the next day, drafted as an introduction.
    let email = book
        .plan(s, d("2024-09-21"))
        .into_iter()
        .find(|v| v.step == Step::Email)
        .unwrap();
    assert_eq!(email.status, Status::DueToday);
    let draft = book.draft(s, Step::Email);
    assert_eq!(
        draft.subject.as_deref(),
        Some("Ana López suggested I reach out")
    );
    // Ana's referral moved to introduced; Sam's interview moves it on.
    let referral = |book: &Book| {
        let a = book.contact(&id("a")).unwrap();
        book.referral(a).map(|r| (r.state, r.since))
    };
    assert_eq!(
        referral(&book),
        Some((ReferralState::Introduced, d("2024-09-20")))
    );
    book.apply(record("s", "2024-10-01", Outcome::Interview))
        .unwrap();
    assert_eq!(
        referral(&book),
        Some((ReferralState::Interviewing, d("2024-10-01")))
    );
    book.apply(record("a", "2024-10-20", Outcome::Offer))
        .unwrap();
    assert_eq!(
        referral(&book),
        Some((ReferralState::Offer, d("2024-10-20")))
    );
}

/// Issue 25: the first message to someone the student was introduced to, on every
/// channel (the LinkedIn connection note, the follow-up by email or as a LinkedIn
/// message), names who introduced them and never claims the two of them met.
#[test]
fn the_first_message_after_an_introduction_names_the_introducer_on_every_channel() {
    use crate::domain::linkedin::LinkedIn;
    use crate::domain::playbook::Channels;
    let claims = [
        "meeting you",
        "meet you",
        "we met",
        "met you",
        "talk with me",
        "our chat",
        "our conversation",
        "chatting",
    ];
    let check = |channels: Channels, introducer_kept: bool| {
        let mut book = book();
        let mut rex = sam("rex");
        if !channels.email {
            rex.email = None;
        }
        if channels.linkedin {
            rex.linkedin = LinkedIn::parse("https://www.linkedin.com/in/rex-ahmed").ok();
        }
        book.apply(Command::IntroduceNew {
            by: id("a"),
            new: rex,
            on: d("2024-09-20"),
            note: String::new(),
            at: 60,
        })
        .unwrap();
        if !introducer_kept {
            book.apply(Command::DeleteContact(id("a"))).unwrap();
        }
        let rex = book.contact(&id("rex")).unwrap().clone();
        for step in [Step::Connect, Step::Email] {
            let draft = book.draft(&rex, step);
            let text = format!("{}\n{}", draft.subject.unwrap_or_default(), draft.body);
            let said = format!("{step:?} with {channels:?}, introducer kept: {introducer_kept}");
            let by = if introducer_kept {
                "Ana López"
            } else {
                "colleague of yours"
            };
            assert!(text.contains(by), "{said}: no {by:?} in\n{text}");
            for claim in claims {
                assert!(
                    !text.to_lowercase().contains(claim),
                    "{said}: {claim:?} in\n{text}"
                );
            }
        }
    };
    for channels in Channels::ALL {
        check(channels, true);
        check(channels, false);
    }
}
