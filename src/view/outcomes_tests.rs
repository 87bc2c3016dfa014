//! The outcome form's parsing, history entries in words, and the Referrals rows.

use super::*;
use crate::domain::{Command, Kind, NewContact};

fn d(text: &str) -> NaiveDate {
    dates::parse_iso(text).expect(text)
}

#[test]
fn a_meeting_needs_a_day_from_today_and_a_time() {
    let today = d("2026-12-02");
    let check = |date: &str, time: &str, expected: Result<&str, &str>| {
        let got = parse_meeting(date, time, today)
            .map(|at| format!("{} {}", dates::iso(at.date()), outcome::clock(at)));
        assert_eq!(
            got.as_deref().map_err(|e| *e),
            expected,
            "{date:?} {time:?}"
        );
    };
    check("2026-12-03", "14:30", Ok("2026-12-03 14:30"));
    check("2026-12-02", "08:05:00", Ok("2026-12-02 08:05"));
    check(
        "2026-12-01",
        "14:30",
        Err("Pick today or a day ahead: the meeting is still to come."),
    );
    check("", "14:30", Err("Pick the day of the meeting."));
    check("2026-12-03", "", Err("Pick the time of the meeting."));
    check("2026-12-03", "25:00", Err("Pick the time of the meeting."));
}

#[test]
fn a_reply_answers_the_message_sent_last() {
    let mut c = Contact::default();
    assert_eq!(replied_to(&c), None);
    c.steps.connect = StepState::Done(d("2026-11-10"));
    assert_eq!(replied_to(&c), None, "a connection is not a message");
    c.steps.email = StepState::Done(d("2026-11-11"));
    assert_eq!(replied_to(&c), Some(Step::Email));
    c.steps.referral = StepState::Done(d("2026-11-18"));
    assert_eq!(replied_to(&c), Some(Step::Referral));
    c.steps.bonus_message = StepState::Skipped(d("2026-11-19"));
    assert_eq!(replied_to(&c), Some(Step::Referral));
}

/// Ana (engineer, asked on 2026-11-18) and Bo (engineer, asked on 2026-11-25); Ana
/// introduced the student to Sam, through whom they applied and got an offer.
fn book() -> Book {
    let mut book = Book::default();
    for (id, name) in [("ana", "Ana López"), ("bo", "Bo Chen")] {
        book.apply(Command::AddContact(NewContact {
            id: ContactId::new(id),
            name: name.into(),
            company: "Acme".into(),
            role: "the payments team".into(),
            kind: Kind::Engineer,
            met_on: d("2026-11-10"),
            ..NewContact::default()
        }))
        .unwrap();
    }
    for (id, on) in [("ana", "2026-11-18"), ("bo", "2026-11-25")] {
        book.apply(Command::MarkDone {
            contact: ContactId::new(id),
            step: Step::Referral,
            on: d(on),
            at: 1,
        })
        .unwrap();
    }
    book
}

fn rows(book: &Book, today: &str) -> Vec<(String, ReferralState, String, String, bool)> {
    referral_rows(book, d(today))
        .into_iter()
        .map(|r| (r.name, r.state, r.days, r.next, r.overdue))
        .collect()
}

#[test]
fn every_ask_is_a_row_with_its_state_days_and_next_action() {
    let mut book = book();
    assert_eq!(
        rows(&book, "2026-11-26"),
        vec![
            (
                "Ana López".into(),
                ReferralState::Asked,
                "8 days".into(),
                "No answer after a week: check in with Ana gently".into(),
                true
            ),
            (
                "Bo Chen".into(),
                ReferralState::Asked,
                "1 day".into(),
                "Give Bo a week to answer".into(),
                false
            ),
        ]
    );
    book.apply(Command::IntroduceNew {
        by: ContactId::new("ana"),
        new: NewContact {
            id: ContactId::new("sam"),
            name: "Sam Lee".into(),
            kind: Kind::Recruiter,
            met_on: d("2026-11-27"),
            ..NewContact::default()
        },
        on: d("2026-11-27"),
        note: String::new(),
        at: 2,
    })
    .unwrap();
    assert_eq!(
        rows(&book, "2026-11-27")[1],
        (
            "Ana López".into(),
            ReferralState::Introduced,
            "since today".into(),
            "Email Sam, then apply".into(),
            false
        )
    );
    let record = |book: &mut Book, id: &str, on: &str, outcome: Outcome| {
        book.apply(Command::RecordOutcome {
            contact: ContactId::new(id),
            on: d(on),
            outcome,
            note: String::new(),
            at: 3,
        })
        .unwrap();
    };
    record(
        &mut book,
        "sam",
        "2026-11-28",
        Outcome::Applied {
            job: "Backend intern".into(),
            link: String::new(),
        },
    );
    record(&mut book, "sam", "2026-12-05", Outcome::Interview);
    record(&mut book, "sam", "2026-12-20", Outcome::Offer);
    record(&mut book, "bo", "2026-11-29", Outcome::NotNow);
    let all = referral_rows(&book, d("2026-12-21"));
    assert_eq!(
        all.len(),
        2,
        "Sam, the recruiter, is part of Ana's referral, not a row"
    );
    assert_eq!(
        (
            all[0].name.as_str(),
            all[0].state,
            all[0].role.as_str(),
            all[0].next.as_str()
        ),
        (
            "Ana López",
            ReferralState::Offer,
            "Backend intern",
            "Thank Ana for the referral"
        )
    );
    assert_eq!(
        (
            all[1].name.as_str(),
            all[1].state,
            all[1].role.as_str(),
            all[1].days.as_str()
        ),
        (
            "Bo Chen",
            ReferralState::NotNow,
            "the payments team",
            "22 days"
        )
    );
}

#[test]
fn history_entries_carry_their_details() {
    let mut book = book();
    book.apply(Command::RecordOutcome {
        contact: ContactId::new("ana"),
        on: d("2026-12-01"),
        outcome: Outcome::Meeting {
            at: d("2026-12-03").and_hms_opt(14, 30, 0).unwrap(),
        },
        note: String::new(),
        at: 1,
    })
    .unwrap();
    book.apply(Command::RecordOutcome {
        contact: ContactId::new("ana"),
        on: d("2026-12-01"),
        outcome: Outcome::IntroducedTo {
            contact: ContactId::new("bo"),
        },
        note: String::new(),
        at: 1,
    })
    .unwrap();
    let ana = book.contact(&ContactId::new("ana")).unwrap();
    let texts: Vec<String> = ana
        .interactions
        .iter()
        .map(|i| entry_text(&book, i, d("2026-12-02")))
        .collect();
    assert_eq!(
        texts,
        [
            "Asked for a referral",
            "Meeting booked for tomorrow, 14:30",
            "Introduced you to Bo Chen"
        ]
    );
}

#[test]
fn an_introduced_person_from_the_form() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let made = |name: &str, email: &str| {
        introduced_person(ContactId::new("n1"), name, email, "Figma", today, 7)
    };
    let ok = made("Priya Raman", " priya@figma.com ").unwrap();
    assert_eq!(
        (
            ok.name.as_str(),
            ok.company.as_str(),
            ok.kind,
            ok.met_on,
            ok.updated_at
        ),
        ("Priya Raman", "Figma", Kind::Recruiter, today, 7)
    );
    assert_eq!(
        ok.email.map(|e| e.as_str().to_string()).as_deref(),
        Some("priya@figma.com")
    );
    assert!(made("Priya Raman", "").unwrap().email.is_none());
    for (name, email) in [
        ("", "priya@figma.com"),
        ("   ", ""),
        ("Priya", "not an email"),
    ] {
        assert!(made(name, email).is_err(), "{name:?} / {email:?}");
    }
}
