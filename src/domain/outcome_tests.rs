//! The referral state a contact's log adds up to, row by row.

use super::*;
use crate::domain::contact::{Kind, NewContact};
use chrono::NaiveTime;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

fn engineer() -> Contact {
    Contact::new(NewContact {
        id: ContactId::new("eng"),
        name: "Ana Lopez".into(),
        kind: Kind::Engineer,
        met_on: d("2024-03-10"),
        ..NewContact::default()
    })
}

/// The state after asking on `asked` (if given) and logging `log` (day, kind) in order.
fn check(
    asked: Option<&str>,
    log: &[(&str, InteractionKind)],
    expected: Option<(ReferralState, &str, bool)>,
) {
    let mut c = engineer();
    if let Some(on) = asked {
        c.steps.referral = StepState::Done(d(on));
    }
    for (on, kind) in log {
        c.interactions.push(Interaction {
            on: d(on),
            kind: *kind,
            ..Interaction::default()
        });
    }
    let got = referral(&c, &[]).map(|r| (r.state, r.since, r.answered));
    let expected = expected.map(|(s, on, answered)| (s, d(on), answered));
    assert_eq!(got, expected, "asked {asked:?}, log {log:?}");
}

#[test]
fn the_referral_state_is_the_furthest_reached() {
    use InteractionKind as K;
    use ReferralState as S;
    check(None, &[], None);
    check(
        None,
        &[("2024-03-12", K::Replied), ("2024-03-13", K::CoffeeChat)],
        None,
    );
    check(
        Some("2024-03-20"),
        &[],
        Some((S::Asked, "2024-03-20", false)),
    );
    // A reply before the ask does not answer it; one after does.
    check(
        Some("2024-03-20"),
        &[("2024-03-12", K::Replied)],
        Some((S::Asked, "2024-03-20", false)),
    );
    check(
        Some("2024-03-20"),
        &[("2024-03-22", K::Replied)],
        Some((S::Asked, "2024-03-20", true)),
    );
    check(
        Some("2024-03-20"),
        &[("2024-03-23", K::Introduced), ("2024-03-25", K::Applied)],
        Some((S::Applied, "2024-03-25", true)),
    );
    check(
        Some("2024-03-20"),
        &[
            ("2024-03-23", K::Introduced),
            ("2024-03-25", K::Applied),
            ("2024-04-02", K::Interview),
            ("2024-04-10", K::Interview),
            ("2024-04-20", K::Offer),
        ],
        Some((S::Offer, "2024-04-20", true)),
    );
    // A second interview does not restart the days in that state.
    check(
        Some("2024-03-20"),
        &[("2024-04-02", K::Interview), ("2024-04-10", K::Interview)],
        Some((S::Interviewing, "2024-04-02", true)),
    );
    // Not now holds, until something moves it forward again.
    check(
        Some("2024-03-20"),
        &[("2024-03-23", K::Introduced), ("2024-03-30", K::NotNow)],
        Some((S::NotNow, "2024-03-30", true)),
    );
    check(
        Some("2024-03-20"),
        &[("2024-03-30", K::NotNow), ("2024-06-01", K::Applied)],
        Some((S::Applied, "2024-06-01", true)),
    );
    // An interview logged by hand before outcomes existed (version 2 data) counts, with
    // or without an ask.
    check(
        None,
        &[("2024-04-02", K::Interview)],
        Some((S::Interviewing, "2024-04-02", true)),
    );
}

#[test]
fn the_people_they_introduced_move_the_referral() {
    let mut ana = engineer();
    ana.steps.referral = StepState::Done(d("2024-03-20"));
    ana.interactions.push(entry(
        d("2024-03-23"),
        Outcome::IntroducedTo {
            contact: ContactId::new("rec"),
        },
        "",
    ));
    let mut recruiter = Contact::new(NewContact {
        id: ContactId::new("rec"),
        name: "Sam Lee".into(),
        kind: Kind::Recruiter,
        met_on: d("2024-03-23"),
        ..NewContact::default()
    });
    recruiter.interactions.push(entry(
        d("2024-03-23"),
        Outcome::IntroducedBy {
            contact: ContactId::new("eng"),
        },
        "",
    ));
    recruiter
        .interactions
        .push(entry(d("2024-04-05"), Outcome::Interview, ""));
    assert_eq!(introduced_to(&ana), vec![&ContactId::new("rec")]);
    assert_eq!(introduced_by(&recruiter), vec![&ContactId::new("eng")]);
    let alone = referral(&ana, &[]).unwrap();
    assert_eq!(
        (alone.state, alone.since),
        (ReferralState::Introduced, d("2024-03-23"))
    );
    let moved = referral(&ana, &[&recruiter]).unwrap();
    assert_eq!(
        (moved.state, moved.since),
        (ReferralState::Interviewing, d("2024-04-05"))
    );
}

#[test]
fn every_outcome_is_logged_as_its_kind() {
    let at = d("2024-05-02").and_time(NaiveTime::from_hms_opt(14, 30, 0).unwrap());
    let id = ContactId::new("x");
    for (outcome, kind) in [
        (
            Outcome::Replied {
                to: Some(Step::Email),
            },
            InteractionKind::Replied,
        ),
        (Outcome::Meeting { at }, InteractionKind::Meeting),
        (
            Outcome::IntroducedTo {
                contact: id.clone(),
            },
            InteractionKind::Introduced,
        ),
        (
            Outcome::IntroducedBy {
                contact: id.clone(),
            },
            InteractionKind::IntroducedBy,
        ),
        (
            Outcome::Applied {
                job: "SWE Intern".into(),
                link: "R-123".into(),
            },
            InteractionKind::Applied,
        ),
        (Outcome::Interview, InteractionKind::Interview),
        (Outcome::Offer, InteractionKind::Offer),
        (Outcome::NotNow, InteractionKind::NotNow),
    ] {
        let e = entry(d("2024-05-01"), outcome.clone(), "  note ");
        assert_eq!((e.kind, e.note.as_str()), (kind, "note"));
        assert_eq!(e.outcome, Some(outcome));
    }
}

#[test]
fn the_latest_meeting_counts() {
    let mut c = engineer();
    assert_eq!(latest_meeting(&c), None);
    let t = |day: &str, h: u32| d(day).and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap());
    c.interactions.push(entry(
        d("2024-04-01"),
        Outcome::Meeting {
            at: t("2024-04-10", 9),
        },
        "",
    ));
    c.interactions.push(entry(
        d("2024-04-02"),
        Outcome::Meeting {
            at: t("2024-05-10", 9),
        },
        "",
    ));
    assert_eq!(
        latest_meeting(&c),
        Some((t("2024-05-10", 9), d("2024-04-02")))
    );
}

#[test]
fn outcomes_read_as_words() {
    let at = d("2026-12-03").and_time(NaiveTime::from_hms_opt(14, 30, 0).unwrap());
    let name = |id: &ContactId| {
        if id.as_str() == "sam" {
            "Sam Lee".to_string()
        } else {
            String::new()
        }
    };
    for (outcome, expected) in [
        (Outcome::Replied { to: None }, "They replied"),
        (
            Outcome::Meeting { at },
            "Meeting booked for 2026-12-03 14:30",
        ),
        (
            Outcome::IntroducedTo {
                contact: ContactId::new("sam"),
            },
            "Introduced you to Sam Lee",
        ),
        (
            Outcome::IntroducedBy {
                contact: ContactId::new("sam"),
            },
            "Introduced by Sam Lee",
        ),
        (
            Outcome::IntroducedBy {
                contact: ContactId::new("gone"),
            },
            "Introduced by someone no longer in your book",
        ),
        (
            Outcome::Applied {
                job: "Intern".into(),
                link: "R-17".into(),
            },
            "Applied for Intern (R-17)",
        ),
        (
            Outcome::Applied {
                job: String::new(),
                link: String::new(),
            },
            "Applied",
        ),
        (Outcome::Interview, "Interview"),
        (Outcome::Offer, "Offer"),
        (Outcome::NotNow, "Not now"),
    ] {
        assert_eq!(outcome.describe(name), expected);
    }
}
