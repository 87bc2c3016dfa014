//! Steps by channel: every combination of channels (email, LinkedIn) × kinds × "really
//! want" × how the follow-up went, checked against the rules in the header of `playbook`.

use super::*;
use crate::domain::book::Book;
use crate::domain::command::Command;
use crate::domain::contact::{ContactId, NewContact};
use crate::domain::email::Email;
use crate::domain::linkedin::LinkedIn;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

const MET: &str = "2024-03-10";

/// How the follow-up (the email step) went, on day 2.
#[derive(Clone, Copy, Debug, PartialEq)]
enum FollowUp {
    NotYet,
    Emailed,
    AsMessage,
    Skipped,
}

const FOLLOW_UPS: [FollowUp; 4] = [
    FollowUp::NotYet,
    FollowUp::Emailed,
    FollowUp::AsMessage,
    FollowUp::Skipped,
];

/// A book with one contact ("c") met on `MET`, with the given channels and kind, whose
/// connect step is done on day 0 when `connected`, and whose follow-up went as `follow_up`.
fn book(
    channels: Channels,
    kind: Kind,
    really_want: bool,
    connected: bool,
    follow_up: FollowUp,
) -> Book {
    let mut book = Book::default();
    let id = ContactId::new("c");
    book.apply(Command::AddContact(NewContact {
        id: id.clone(),
        name: "Ana Lopez".into(),
        company: "Acme".into(),
        kind,
        really_want,
        met_on: d(MET),
        email: channels
            .email
            .then(|| Email::parse("ana@acme.com").unwrap()),
        linkedin: channels
            .linkedin
            .then(|| LinkedIn::parse("linkedin.com/in/ana").unwrap()),
        ..NewContact::default()
    }))
    .unwrap();
    if connected {
        book.apply(Command::MarkDone {
            contact: id.clone(),
            step: Step::Connect,
            on: d(MET),
            at: 1,
        })
        .unwrap();
    }
    let day2 = d("2024-03-12");
    let command = match follow_up {
        FollowUp::NotYet => None,
        FollowUp::Emailed => Some(Command::MarkDone {
            contact: id.clone(),
            step: Step::Email,
            on: day2,
            at: 2,
        }),
        FollowUp::AsMessage => Some(Command::SentAsMessage {
            contact: id.clone(),
            on: day2,
            at: 2,
        }),
        FollowUp::Skipped => Some(Command::Skip {
            contact: id.clone(),
            step: Step::Email,
            on: day2,
            at: 2,
        }),
    };
    if let Some(command) = command {
        book.apply(command).unwrap();
    }
    book
}

fn contact(book: &Book) -> &Contact {
    book.contact(&ContactId::new("c")).unwrap()
}

/// The steps the rules in the module header give, independently of `applies`.
fn expected_steps(reachable: bool, kind: Kind, really_want: bool) -> Vec<Step> {
    if !reachable {
        return vec![Step::Connect];
    }
    let mut steps = vec![Step::Connect, Step::Email];
    if really_want {
        steps.push(Step::BonusMessage);
    }
    if kind == Kind::Engineer {
        steps.push(Step::Referral);
    }
    steps.push(Step::KeepInTouch);
    steps
}

/// Every combination; `f` gets the combination and the contact's book.
fn each(mut f: impl FnMut(Channels, Kind, bool, bool, FollowUp, &Book)) {
    for channels in Channels::ALL {
        for kind in Kind::ALL {
            for really_want in [false, true] {
                for connected in [false, true] {
                    for follow_up in FOLLOW_UPS {
                        let b = book(channels, kind, really_want, connected, follow_up);
                        f(channels, kind, really_want, connected, follow_up, &b);
                    }
                }
            }
        }
    }
}

#[test]
fn the_steps_that_apply_depend_on_the_channels() {
    let mut combinations = 0;
    each(|channels, kind, really_want, connected, follow_up, book| {
        combinations += 1;
        let reachable = !channels.none() || connected;
        let got: Vec<Step> = plan(contact(book), 90, d("2024-03-20"))
            .iter()
            .map(|v| v.step)
            .collect();
        assert_eq!(
            got,
            expected_steps(reachable, kind, really_want),
            "{channels:?} {kind:?} really_want={really_want} connected={connected} {follow_up:?}"
        );
    });
    assert_eq!(combinations, 4 * 3 * 2 * 2 * 4);
}

#[test]
fn a_contact_without_a_channel_has_one_step_to_find_them() {
    each(|channels, kind, really_want, connected, follow_up, book| {
        if !channels.none() || connected {
            return;
        }
        let c = contact(book);
        for today in [MET, "2024-03-20", "2024-06-13"] {
            let views = plan(c, 90, d(today));
            let labels: Vec<&str> = views.iter().map(StepView::label).collect();
            assert_eq!(
                labels,
                vec!["Find a way to reach them"],
                "{kind:?} {really_want} {follow_up:?} on {today}"
            );
            assert_eq!(views[0].hint, Some(Hint::NoChannel));
        }
    });
}

#[test]
fn the_follow_up_goes_by_the_channel_there_is() {
    // (has email, how it went) → the follow-up's label on day 2 after it was resolved,
    // or on day 1 when it is still to do.
    let rows = [
        (true, FollowUp::NotYet, "Send the follow-up email", false),
        (true, FollowUp::Emailed, "Sent the follow-up email", false),
        (
            true,
            FollowUp::AsMessage,
            "Sent the follow-up as a LinkedIn message",
            true,
        ),
        (true, FollowUp::Skipped, "Send the follow-up email", false),
        (
            false,
            FollowUp::NotYet,
            "Send the follow-up as a LinkedIn message",
            true,
        ),
        (false, FollowUp::Emailed, "Sent the follow-up email", false),
        (
            false,
            FollowUp::AsMessage,
            "Sent the follow-up as a LinkedIn message",
            true,
        ),
        (false, FollowUp::Skipped, "Send the follow-up email", false),
    ];
    for kind in Kind::ALL {
        for (email, follow_up, label, by_message) in rows {
            let channels = Channels {
                email,
                linkedin: true,
            };
            let b = book(channels, kind, false, false, follow_up);
            let v = view(contact(&b), Step::Email, 90, d("2024-03-12"));
            assert_eq!(
                (v.label(), v.by_message),
                (label, by_message),
                "{kind:?} email={email} {follow_up:?}"
            );
            let hint = (!email).then_some(Hint::NoEmailAddress);
            assert_eq!(v.hint, hint, "{kind:?} email={email} {follow_up:?}");
        }
    }
}

#[test]
fn later_steps_follow_from_whichever_follow_up_happened() {
    // The follow-up was resolved on day 2: the bonus message opens on day 5, the referral
    // ask on day 9, whatever the channel. Not resolved: both wait on it.
    each(|channels, kind, really_want, connected, follow_up, book| {
        if channels.none() && !connected {
            return;
        }
        let c = contact(book);
        let resolved = follow_up != FollowUp::NotYet;
        let what = format!("{channels:?} {kind:?} connected={connected} {follow_up:?}");
        if kind == Kind::Engineer {
            let referral = view(c, Step::Referral, 90, d("2024-03-19"));
            if resolved {
                assert_eq!(referral.status, Status::DueToday, "{what}");
                assert_eq!(referral.waiting_on, None, "{what}");
            } else {
                assert_eq!(referral.waiting_on, Some(Step::Email), "{what}");
                assert!(!referral.status.needs_action(), "{what}");
            }
        }
        if really_want {
            let bonus = view(c, Step::BonusMessage, 90, d("2024-03-15"));
            let expected = if resolved {
                Status::DueToday
            } else {
                Status::Upcoming(d("2024-03-18"))
            };
            assert_eq!(bonus.status, expected, "{what}");
        }
    });
}

#[test]
fn adding_the_email_later_brings_the_email_step_back() {
    let linkedin_only = Channels {
        email: false,
        linkedin: true,
    };
    let mut b = book(linkedin_only, Kind::Engineer, false, true, FollowUp::NotYet);
    let before = view(contact(&b), Step::Email, 90, d("2024-03-11"));
    assert_eq!(before.label(), "Send the follow-up as a LinkedIn message");
    let mut fields = contact(&b).fields();
    fields.email = Some(Email::parse("ana@acme.com").unwrap());
    b.apply(Command::UpdateContact(fields)).unwrap();
    let after = view(contact(&b), Step::Email, 90, d("2024-03-11"));
    assert_eq!(
        (after.label(), after.hint, after.status),
        ("Send the follow-up email", None, Status::DueToday)
    );
}

#[test]
fn a_follow_up_sent_as_a_message_is_logged_and_undone_as_one() {
    let linkedin_only = Channels {
        email: false,
        linkedin: true,
    };
    let mut b = book(
        linkedin_only,
        Kind::Engineer,
        false,
        false,
        FollowUp::AsMessage,
    );
    let c = contact(&b);
    assert_eq!(c.steps.email, StepState::Done(d("2024-03-12")));
    let kinds: Vec<InteractionKind> = c.interactions.iter().map(|i| i.kind).collect();
    assert_eq!(kinds, vec![InteractionKind::FollowUpMessage]);
    b.apply(Command::Reset {
        contact: ContactId::new("c"),
        step: Step::Email,
        at: 3,
    })
    .unwrap();
    let c = contact(&b);
    assert_eq!(c.steps.email, StepState::Pending);
    assert!(c.interactions.is_empty());
}

#[test]
fn an_engineer_on_linkedin_only_gets_the_referral_ask() {
    // The regression that started this: the referral waited for an email that could not
    // be sent. Sent as a LinkedIn message on day 2, the ask is due on day 9.
    let linkedin_only = Channels {
        email: false,
        linkedin: true,
    };
    let b = book(
        linkedin_only,
        Kind::Engineer,
        false,
        true,
        FollowUp::AsMessage,
    );
    let next = next_step(contact(&b), 90, d("2024-03-19")).unwrap();
    assert_eq!((next.step, next.status), (Step::Referral, Status::DueToday));
    assert_eq!(next.hint, Some(Hint::NoEmailAddress));
}
