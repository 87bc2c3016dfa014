//! What each outcome does to the playbook, day by day: a reply stops the bonus message
//! and answers a referral ask, a meeting brings a prep reminder and a thank-you, an
//! unanswered ask gets one gentle nudge. Undoing an outcome (removing its log entry)
//! undoes its effects.

use super::*;
use crate::domain::contact::{ContactId, NewContact};
use crate::domain::email::Email;
use crate::domain::interaction::Interaction;
use crate::domain::outcome::{entry, Outcome};
use chrono::NaiveTime;
use StepState::{Done, Skipped, Snoozed};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

fn at(day: &str, hour: u32) -> chrono::NaiveDateTime {
    d(day).and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap())
}

/// An engineer met on 2024-03-10, with an email, who is a job the student really wants.
fn contact(states: &[(Step, StepState)], log: Vec<Interaction>) -> Contact {
    let mut c = Contact::new(NewContact {
        id: ContactId::new("ana"),
        name: "Ana Lopez".into(),
        kind: Kind::Engineer,
        really_want: true,
        met_on: d("2024-03-10"),
        email: Some(Email::parse("ana@example.com").unwrap()),
        ..NewContact::default()
    });
    for (step, state) in states {
        c.steps.set(*step, *state);
    }
    c.interactions = log;
    c
}

/// The status of `step` on `today`, or `None` when the step is not in the plan.
fn status(c: &Contact, step: Step, today: &str) -> Option<Status> {
    plan(c, 90, d(today))
        .into_iter()
        .find(|v| v.step == step)
        .map(|v| v.status)
}

fn check(c: &Contact, rows: &[(Step, &str, Option<Status>)]) {
    for (step, today, expected) in rows {
        assert_eq!(
            status(c, *step, today),
            *expected,
            "{step:?} on {today}; steps {:?}; log {:?}",
            c.steps,
            c.interactions
        );
    }
}

fn up(day: &str) -> Option<Status> {
    Some(Status::Upcoming(d(day)))
}
const DUE: Option<Status> = Some(Status::DueToday);
const GONE: Option<Status> = None;

const EMAILED: (Step, StepState) = (Step::Email, Done(ymd(2024, 3, 11)));

const fn ymd(y: i32, m: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, day) {
        Some(date) => date,
        None => panic!("bad date"),
    }
}

fn replied(on: &str, to: Option<Step>) -> Interaction {
    entry(d(on), Outcome::Replied { to }, "")
}

#[test]
fn a_reply_stops_the_bonus_message() {
    // Without a reply, the bonus message is due 3 to 5 days after the email.
    check(
        &contact(&[EMAILED], vec![]),
        &[(Step::BonusMessage, "2024-03-14", DUE)],
    );
    // A reply (with details or logged by hand before outcomes existed) removes it.
    for reply in [
        replied("2024-03-12", Some(Step::Email)),
        Interaction {
            on: d("2024-03-12"),
            kind: InteractionKind::Replied,
            ..Interaction::default()
        },
    ] {
        check(
            &contact(&[EMAILED], vec![reply]),
            &[
                (Step::BonusMessage, "2024-03-12", GONE),
                (Step::BonusMessage, "2024-03-14", GONE),
            ],
        );
    }
    // A bonus message already sent stays in the timeline as sent.
    check(
        &contact(
            &[EMAILED, (Step::BonusMessage, Done(d("2024-03-14")))],
            vec![replied("2024-03-15", None)],
        ),
        &[(
            Step::BonusMessage,
            "2024-03-16",
            Some(Status::Done(d("2024-03-14"))),
        )],
    );
}

#[test]
fn a_meeting_brings_a_prep_reminder_and_a_thank_you() {
    let booked = |on: &str, day: &str| entry(d(on), Outcome::Meeting { at: at(day, 14) }, "");
    // No meeting: neither step.
    check(
        &contact(&[EMAILED], vec![]),
        &[
            (Step::Prep, "2024-03-20", GONE),
            (Step::ThankYou, "2024-03-20", GONE),
        ],
    );
    let c = contact(&[EMAILED], vec![booked("2024-03-15", "2024-03-20")]);
    check(
        &c,
        &[
            (Step::Prep, "2024-03-15", up("2024-03-19")),
            (Step::Prep, "2024-03-19", DUE),
            (Step::Prep, "2024-03-20", DUE),
            // Prep is pointless after the meeting: it leaves the plan.
            (Step::Prep, "2024-03-21", GONE),
            (Step::ThankYou, "2024-03-15", up("2024-03-21")),
            (Step::ThankYou, "2024-03-21", DUE),
            (Step::ThankYou, "2024-03-22", DUE),
            (Step::ThankYou, "2024-03-23", Some(Status::Overdue(1))),
        ],
    );
    // Booked for the next day: prep is due at once.
    check(
        &contact(&[EMAILED], vec![booked("2024-03-19", "2024-03-20")]),
        &[(Step::Prep, "2024-03-19", DUE)],
    );
    // Booked the same day: prep is due that day.
    check(
        &contact(&[EMAILED], vec![booked("2024-03-20", "2024-03-20")]),
        &[(Step::Prep, "2024-03-20", DUE)],
    );
    // Done for this meeting: stays done.
    let mut done = c.clone();
    done.steps.prep = Done(d("2024-03-19"));
    done.steps.thank_you = Done(d("2024-03-21"));
    check(
        &done,
        &[
            (
                Step::Prep,
                "2024-03-25",
                Some(Status::Done(d("2024-03-19"))),
            ),
            (
                Step::ThankYou,
                "2024-03-25",
                Some(Status::Done(d("2024-03-21"))),
            ),
        ],
    );
    // A second meeting booked later: the steps are open again, for it.
    let mut again = done.clone();
    again.interactions.push(booked("2024-04-01", "2024-04-10"));
    check(
        &again,
        &[
            (Step::Prep, "2024-04-01", up("2024-04-09")),
            (Step::ThankYou, "2024-04-11", DUE),
        ],
    );
    // A snooze set for the first meeting does not carry over to the second.
    let mut snoozed = c.clone();
    snoozed.steps.thank_you = Snoozed(d("2024-03-25"));
    check(
        &snoozed,
        &[(Step::ThankYou, "2024-03-21", up("2024-03-25"))],
    );
    snoozed
        .interactions
        .push(booked("2024-04-01", "2024-04-10"));
    check(&snoozed, &[(Step::ThankYou, "2024-04-11", DUE)]);
    // Undone (the entry removed): both steps go.
    let mut undone = c.clone();
    undone.interactions.clear();
    check(
        &undone,
        &[
            (Step::Prep, "2024-03-19", GONE),
            (Step::ThankYou, "2024-03-21", GONE),
        ],
    );
}

#[test]
fn an_unanswered_referral_ask_is_nudged_once() {
    let asked = (Step::Referral, Done(d("2024-03-18")));
    let c = contact(&[EMAILED, asked], vec![]);
    check(
        &c,
        &[
            (Step::Nudge, "2024-03-18", up("2024-03-25")),
            (Step::Nudge, "2024-03-25", DUE),
            (Step::Nudge, "2024-04-01", DUE),
            // Once: after its week the nudge leaves without piling up.
            (Step::Nudge, "2024-04-02", GONE),
        ],
    );
    // Not asked: no nudge.
    check(
        &contact(&[EMAILED], vec![]),
        &[(Step::Nudge, "2024-03-25", GONE)],
    );
    // Answered (a reply or any later outcome): no nudge.
    for answer in [
        replied("2024-03-20", Some(Step::Referral)),
        entry(d("2024-03-20"), Outcome::NotNow, ""),
        entry(
            d("2024-03-20"),
            Outcome::IntroducedTo {
                contact: ContactId::new("sam"),
            },
            "",
        ),
    ] {
        check(
            &contact(&[EMAILED, asked], vec![answer]),
            &[(Step::Nudge, "2024-03-25", GONE)],
        );
    }
    // A reply from before the ask does not answer it.
    check(
        &contact(&[EMAILED, asked], vec![replied("2024-03-12", None)]),
        &[(Step::Nudge, "2024-03-25", DUE)],
    );
    // Sent, then answered: the nudge stays in the timeline as sent.
    check(
        &contact(
            &[EMAILED, asked, (Step::Nudge, Done(d("2024-03-26")))],
            vec![replied("2024-03-28", None)],
        ),
        &[(
            Step::Nudge,
            "2024-03-30",
            Some(Status::Done(d("2024-03-26"))),
        )],
    );
    // Skipped: it does not come back.
    check(
        &contact(
            &[EMAILED, asked, (Step::Nudge, Skipped(d("2024-03-25")))],
            vec![],
        ),
        &[(
            Step::Nudge,
            "2024-03-27",
            Some(Status::Skipped(d("2024-03-25"))),
        )],
    );
    // The nudge never holds keep-in-touch back: it waits on the LinkedIn step and the
    // bonus message only, projected to today, 90 days on.
    check(&c, &[(Step::KeepInTouch, "2024-03-25", up("2024-06-23"))]);
    let mut connected = c.clone();
    connected.steps.connect = Done(d("2024-03-10"));
    connected.steps.bonus_message = Skipped(d("2024-03-10"));
    check(
        &connected,
        &[(Step::KeepInTouch, "2024-03-25", up("2024-06-16"))],
    );
}
