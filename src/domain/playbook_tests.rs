//! Due windows and statuses of every step, day by day.

use super::*;
use crate::domain::contact::NewContact;
use crate::domain::email::Email;
use crate::domain::interaction::{Interaction, InteractionKind};
use crate::domain::linkedin::LinkedIn;
use StepState::{Done, Skipped, Snoozed};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

/// A contact met on `met`, with the given kind, "really want" flag and step states.
fn contact(met: &str, kind: Kind, really_want: bool, states: &[(Step, StepState)]) -> Contact {
    let mut c = Contact::new(NewContact {
        name: "Ana Lopez".into(),
        kind,
        really_want,
        met_on: d(met),
        email: Some(Email::parse("ana@example.com").unwrap()),
        ..NewContact::default()
    });
    for (step, state) in states {
        c.steps.set(*step, *state);
    }
    c
}

fn check(c: &Contact, today: &str, step: Step, expected: Status) {
    let got = view(c, step, 90, d(today)).status;
    assert_eq!(
        got, expected,
        "{step:?} on {today}, met {}, states {:?}",
        c.met_on, c.steps
    );
}

fn up(day: &str) -> Status {
    Status::Upcoming(d(day))
}

const DUE: Status = Status::DueToday;

fn late(days: u32) -> Status {
    Status::Overdue(days)
}

#[test]
fn connect_is_due_the_day_you_met() {
    let c = contact("2024-03-10", Kind::Engineer, false, &[]);
    for (today, expected) in [
        ("2024-03-09", up("2024-03-10")),
        ("2024-03-10", DUE),
        ("2024-03-11", late(1)),
        ("2024-03-13", late(3)),
        ("2024-04-10", late(31)),
    ] {
        check(&c, today, Step::Connect, expected);
    }
    let done = contact(
        "2024-03-10",
        Kind::Engineer,
        false,
        &[(Step::Connect, Done(d("2024-03-10")))],
    );
    check(
        &done,
        "2024-03-15",
        Step::Connect,
        Status::Done(d("2024-03-10")),
    );
    let skipped = contact(
        "2024-03-10",
        Kind::Other,
        false,
        &[(Step::Connect, Skipped(d("2024-03-11")))],
    );
    check(
        &skipped,
        "2024-03-15",
        Step::Connect,
        Status::Skipped(d("2024-03-11")),
    );
}

#[test]
fn email_is_due_from_day_one_to_day_three() {
    let c = contact("2024-03-10", Kind::Recruiter, false, &[]);
    for (today, expected) in [
        ("2024-03-10", up("2024-03-11")),
        ("2024-03-11", DUE),
        ("2024-03-12", DUE),
        ("2024-03-13", DUE),
        ("2024-03-14", late(1)),
        ("2024-03-17", late(4)),
    ] {
        check(&c, today, Step::Email, expected);
    }
}

#[test]
fn email_window_across_month_year_and_leap_day() {
    // (met, last day due, first day overdue)
    for (met, last_due, first_late) in [
        ("2024-01-30", "2024-02-02", "2024-02-03"),
        ("2024-02-27", "2024-03-01", "2024-03-02"), // 2024 has 29 February
        ("2023-02-27", "2023-03-02", "2023-03-03"), // 2023 does not
        ("2024-02-29", "2024-03-03", "2024-03-04"),
        ("2024-12-30", "2025-01-02", "2025-01-03"),
        ("2024-12-31", "2025-01-03", "2025-01-04"),
    ] {
        let c = contact(met, Kind::Other, false, &[]);
        check(&c, met, Step::Email, Status::Upcoming(plus(d(met), 1)));
        check(&c, last_due, Step::Email, DUE);
        check(&c, first_late, Step::Email, late(1));
    }
    let leap = contact("2024-02-29", Kind::Other, false, &[]);
    check(&leap, "2024-02-29", Step::Connect, DUE);
    check(&leap, "2024-03-01", Step::Connect, late(1));
    let new_year = contact("2024-12-31", Kind::Other, false, &[]);
    check(&new_year, "2025-01-01", Step::Connect, late(1));
}

#[test]
fn email_done_early_late_skipped_or_snoozed() {
    let early = contact(
        "2024-03-10",
        Kind::Other,
        false,
        &[(Step::Email, Done(d("2024-03-10")))],
    );
    check(
        &early,
        "2024-03-20",
        Step::Email,
        Status::Done(d("2024-03-10")),
    );
    let late_done = contact(
        "2024-03-10",
        Kind::Other,
        false,
        &[(Step::Email, Done(d("2024-03-19")))],
    );
    check(
        &late_done,
        "2024-03-20",
        Step::Email,
        Status::Done(d("2024-03-19")),
    );
    let skipped = contact(
        "2024-03-10",
        Kind::Other,
        false,
        &[(Step::Email, Skipped(d("2024-03-12")))],
    );
    check(
        &skipped,
        "2024-03-20",
        Step::Email,
        Status::Skipped(d("2024-03-12")),
    );
    let snoozed = contact(
        "2024-03-10",
        Kind::Other,
        false,
        &[(Step::Email, Snoozed(d("2024-03-20")))],
    );
    for (today, expected) in [
        ("2024-03-12", up("2024-03-20")),
        ("2024-03-14", up("2024-03-20")),
        ("2024-03-20", DUE),
        ("2024-03-22", late(2)),
    ] {
        check(&snoozed, today, Step::Email, expected);
    }
}

#[test]
fn bonus_message_follows_the_email_for_a_job_you_really_want() {
    let sent = contact(
        "2024-03-10",
        Kind::Recruiter,
        true,
        &[(Step::Email, Done(d("2024-03-12")))],
    );
    for (today, expected) in [
        ("2024-03-14", up("2024-03-15")),
        ("2024-03-15", DUE),
        ("2024-03-17", DUE),
        ("2024-03-18", late(1)),
        ("2024-03-25", late(8)),
    ] {
        check(&sent, today, Step::BonusMessage, expected);
    }
    let sent_late = contact(
        "2024-03-10",
        Kind::Recruiter,
        true,
        &[(Step::Email, Done(d("2024-03-20")))],
    );
    check(&sent_late, "2024-03-23", Step::BonusMessage, DUE);
    check(&sent_late, "2024-03-26", Step::BonusMessage, late(1));
    let bonus_done = contact(
        "2024-03-10",
        Kind::Recruiter,
        true,
        &[
            (Step::Email, Done(d("2024-03-12"))),
            (Step::BonusMessage, Done(d("2024-03-13"))),
        ],
    );
    check(
        &bonus_done,
        "2024-03-30",
        Step::BonusMessage,
        Status::Done(d("2024-03-13")),
    );
}

#[test]
fn bonus_message_waits_while_the_email_is_not_sent() {
    let c = contact("2024-03-10", Kind::Recruiter, true, &[]);
    // Projected as if the email went out today (or on day 1 if that is later).
    for (today, expected) in [
        ("2024-03-10", up("2024-03-14")),
        ("2024-03-12", up("2024-03-15")),
        ("2024-03-20", up("2024-03-23")),
    ] {
        check(&c, today, Step::BonusMessage, expected);
    }
    assert_eq!(
        view(&c, Step::BonusMessage, 90, d("2024-03-20")).waiting_on,
        Some(Step::Email)
    );
}

#[test]
fn referral_is_asked_a_week_after_the_email() {
    let c = contact(
        "2024-03-10",
        Kind::Engineer,
        false,
        &[(Step::Email, Done(d("2024-03-12")))],
    );
    for (today, expected) in [
        ("2024-03-12", up("2024-03-19")),
        ("2024-03-18", up("2024-03-19")),
        ("2024-03-19", DUE),
        ("2024-03-20", late(1)),
    ] {
        check(&c, today, Step::Referral, expected);
    }
    let early = contact(
        "2024-03-10",
        Kind::Engineer,
        false,
        &[
            (Step::Email, Done(d("2024-03-12"))),
            (Step::Referral, Done(d("2024-03-14"))),
        ],
    );
    check(
        &early,
        "2024-03-25",
        Step::Referral,
        Status::Done(d("2024-03-14")),
    );
    let skipped_email = contact(
        "2024-03-10",
        Kind::Engineer,
        false,
        &[(Step::Email, Skipped(d("2024-03-13")))],
    );
    check(&skipped_email, "2024-03-20", Step::Referral, DUE);
    let waiting = contact("2024-03-10", Kind::Engineer, false, &[]);
    check(&waiting, "2024-03-15", Step::Referral, up("2024-03-22"));
}

#[test]
fn optional_steps_apply_only_when_their_condition_holds() {
    fn check_steps(kind: Kind, really_want: bool, expected: &[Step]) {
        let c = contact("2024-03-10", kind, really_want, &[]);
        assert_eq!(
            steps_for(&c),
            expected,
            "{kind:?} really_want={really_want}"
        );
        let planned: Vec<Step> = plan(&c, 90, d("2024-03-10"))
            .iter()
            .map(|v| v.step)
            .collect();
        assert_eq!(planned, expected);
    }
    use Step::*;
    check_steps(
        Kind::Engineer,
        false,
        &[Connect, Email, Referral, KeepInTouch],
    );
    check_steps(
        Kind::Engineer,
        true,
        &[Connect, Email, BonusMessage, Referral, KeepInTouch],
    );
    check_steps(Kind::Recruiter, false, &[Connect, Email, KeepInTouch]);
    check_steps(
        Kind::Recruiter,
        true,
        &[Connect, Email, BonusMessage, KeepInTouch],
    );
    check_steps(Kind::Other, false, &[Connect, Email, KeepInTouch]);
}

#[test]
fn keep_in_touch_counts_from_the_last_step_or_interaction() {
    let resolved = [
        (Step::Connect, Done(d("2024-03-10"))),
        (Step::Email, Done(d("2024-03-12"))),
    ];
    let c = contact("2024-03-10", Kind::Other, false, &resolved);
    for (today, expected) in [
        ("2024-03-12", up("2024-06-10")),
        ("2024-06-09", up("2024-06-10")),
        ("2024-06-10", DUE),
        ("2024-06-12", late(2)),
    ] {
        check(&c, today, Step::KeepInTouch, expected);
    }
    // Any logged interaction restarts the count.
    let mut replied = c.clone();
    replied.interactions.push(Interaction {
        on: d("2024-05-01"),
        kind: InteractionKind::Replied,
        note: String::new(),
        outcome: None,
    });
    check(&replied, "2024-06-12", Step::KeepInTouch, up("2024-07-30"));
    // A contact's own cadence wins over the default.
    let mut monthly = c.clone();
    monthly.cadence_days = Some(30);
    check(&monthly, "2024-04-11", Step::KeepInTouch, DUE);
    check(&monthly, "2024-04-12", Step::KeepInTouch, late(1));
    // Done keep-in-touch recurs from the day it was done.
    let mut kept = c.clone();
    kept.steps.keep_in_touch = Done(d("2024-06-10"));
    check(&kept, "2024-06-12", Step::KeepInTouch, up("2024-09-08"));
    // Skipped stops the reminders; snoozed moves them.
    let mut stopped = c.clone();
    stopped.steps.keep_in_touch = Skipped(d("2024-06-10"));
    check(
        &stopped,
        "2025-01-01",
        Step::KeepInTouch,
        Status::Skipped(d("2024-06-10")),
    );
    let mut snoozed = c;
    snoozed.steps.keep_in_touch = Snoozed(d("2024-07-01"));
    check(&snoozed, "2024-06-12", Step::KeepInTouch, up("2024-07-01"));
    check(&snoozed, "2024-07-01", Step::KeepInTouch, DUE);
}

#[test]
fn keep_in_touch_waits_for_every_earlier_step() {
    let email_only = contact(
        "2024-03-10",
        Kind::Other,
        false,
        &[(Step::Email, Done(d("2024-03-12")))],
    );
    let v = view(&email_only, Step::KeepInTouch, 90, d("2024-03-20"));
    assert_eq!(v.waiting_on, Some(Step::Connect));
    assert_eq!(v.status, up("2024-06-18"), "projected from today");
    let engineer = contact(
        "2024-03-10",
        Kind::Engineer,
        false,
        &[
            (Step::Connect, Done(d("2024-03-10"))),
            (Step::Email, Done(d("2024-03-12"))),
        ],
    );
    let v = view(&engineer, Step::KeepInTouch, 90, d("2024-03-13"));
    assert_eq!(v.waiting_on, Some(Step::Referral));
    assert_eq!(
        v.status,
        up("2024-06-17"),
        "projected from the referral's due day"
    );
    let all = contact(
        "2024-03-10",
        Kind::Engineer,
        false,
        &[
            (Step::Connect, Done(d("2024-03-10"))),
            (Step::Email, Done(d("2024-03-12"))),
            (Step::Referral, Skipped(d("2024-03-21"))),
        ],
    );
    check(&all, "2024-06-19", Step::KeepInTouch, DUE);
}

#[test]
fn hints_say_what_is_missing() {
    let mut c = contact("2024-03-10", Kind::Other, true, &[]);
    assert_eq!(view(&c, Step::Email, 90, d("2024-03-11")).hint, None);
    assert_eq!(
        view(&c, Step::Connect, 90, d("2024-03-11")).hint,
        Some(Hint::NoLinkedInProfile)
    );
    c.linkedin = Some(LinkedIn::parse("linkedin.com/in/ana").unwrap());
    c.email = None;
    assert_eq!(
        view(&c, Step::Email, 90, d("2024-03-11")).hint,
        Some(Hint::NoEmailAddress)
    );
    assert_eq!(view(&c, Step::Connect, 90, d("2024-03-11")).hint, None);
    c.linkedin = None;
    assert_eq!(
        view(&c, Step::Connect, 90, d("2024-03-11")).hint,
        Some(Hint::NoChannel)
    );
    assert!(Hint::NoEmailAddress
        .to_string()
        .contains("LinkedIn message"));
}

#[test]
fn next_step_is_the_earliest_open_one() {
    fn check_next(states: &[(Step, StepState)], today: &str, expected: Option<Step>) {
        let c = contact("2024-03-10", Kind::Engineer, false, states);
        let got = next_step(&c, 90, d(today)).map(|v| v.step);
        assert_eq!(got, expected, "{states:?} on {today}");
    }
    check_next(&[], "2024-03-10", Some(Step::Connect));
    check_next(
        &[(Step::Connect, Done(d("2024-03-10")))],
        "2024-03-10",
        Some(Step::Email),
    );
    check_next(
        &[
            (Step::Connect, Done(d("2024-03-10"))),
            (Step::Email, Done(d("2024-03-11"))),
        ],
        "2024-03-11",
        Some(Step::Referral),
    );
    check_next(
        &[
            (Step::Connect, Done(d("2024-03-10"))),
            (Step::Email, Done(d("2024-03-11"))),
            (Step::Referral, Done(d("2024-03-12"))),
        ],
        "2024-03-12",
        // The ask's nudge, a week later, comes before keep-in-touch.
        Some(Step::Nudge),
    );
    check_next(
        &[
            (Step::Connect, Done(d("2024-03-10"))),
            (Step::Email, Done(d("2024-03-11"))),
            (Step::Referral, Done(d("2024-03-12"))),
            (Step::KeepInTouch, Skipped(d("2024-03-12"))),
            (Step::Nudge, Skipped(d("2024-03-12"))),
        ],
        "2024-03-12",
        None,
    );
    check_next(
        &[(Step::Connect, Snoozed(d("2024-03-20")))],
        "2024-03-11",
        Some(Step::Email),
    );
}
