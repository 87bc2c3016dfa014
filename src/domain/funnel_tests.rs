//! The funnel's counts and percentages for a known book, per event and overall.

use chrono::NaiveDate;

use super::*;
use crate::domain::command::Command;
use crate::domain::contact::{ContactId, Kind, NewContact};
use crate::domain::event::{Event, EventKind};
use crate::domain::outcome::Outcome;
use crate::domain::snapshot::encode_keys;
use crate::domain::step::Step;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

/// What happened with one contact.
enum Did {
    Step(Step),
    Log(InteractionKind),
    Outcome(Outcome),
}

use Did::{Log, Outcome as Got, Step as Done};

fn meeting() -> Outcome {
    Outcome::Meeting {
        at: d("2026-09-20").and_hms_opt(14, 30, 0).unwrap(),
    }
}

/// The known book, also the end-to-end tests' fixture (`tests/fixtures/funnel/book.json`,
/// checked below): 6 people at the fall fair, 2 at the hackathon, 1 met elsewhere, a
/// recruiter Ana (fall fair) introduced the student to, who led to an interview and an
/// offer, and a spring fair where nobody was captured yet. The companies are spelt as
/// people type them ("Figma", "figma, inc.", "FIGMA Inc").
pub(crate) fn book() -> Book {
    let mut book = Book::default();
    for (id, name, date) in [
        ("fall", "Fall Career Fair", "2026-09-12"),
        ("hack", "HackState", "2026-10-05"),
        ("spring", "Spring Career Fair", "2027-03-01"),
    ] {
        book.apply(Command::SaveEvent(Event {
            id: EventId::new(id),
            name: name.into(),
            kind: EventKind::CareerFair,
            date: d(date),
            ends: None,
            place: String::new(),
            prep: Default::default(),
        }))
        .unwrap();
    }
    type Person<'a> = (
        &'static str,
        &'static str,
        &'static str,
        Kind,
        Option<&'static str>,
        &'a [Did],
    );
    let people: &[Person<'_>] = &[
        (
            "ana",
            "Ana López",
            "Figma",
            Kind::Engineer,
            Some("fall"),
            &[
                Done(Step::Connect),
                Done(Step::Email),
                Log(InteractionKind::Replied),
                Log(InteractionKind::CoffeeChat),
                Done(Step::Referral),
                Log(InteractionKind::Interview),
            ],
        ),
        (
            "ben",
            "Ben Carter",
            "figma, inc.",
            Kind::Recruiter,
            Some("fall"),
            &[
                Done(Step::Connect),
                Done(Step::Email),
                Log(InteractionKind::Replied),
            ],
        ),
        (
            // "Not now" is an answer too.
            "cy",
            "Cy Nakamura",
            "FIGMA Inc",
            Kind::Engineer,
            Some("fall"),
            &[Done(Step::Connect), Done(Step::Email), Got(Outcome::NotNow)],
        ),
        (
            "dee",
            "Dee Okafor",
            "Metabase",
            Kind::Engineer,
            Some("fall"),
            &[Done(Step::Connect), Got(meeting())],
        ),
        (
            "eve",
            "Eve Martin",
            "Meta",
            Kind::Recruiter,
            Some("fall"),
            &[],
        ),
        // A call without a logged reply still counts as a reply.
        (
            "fay",
            "Fay Dubois",
            "Société Générale",
            Kind::Other,
            Some("fall"),
            &[Log(InteractionKind::Call)],
        ),
        (
            "gus",
            "Gus Moreau",
            "societe generale",
            Kind::Engineer,
            Some("hack"),
            &[Done(Step::Email), Log(InteractionKind::MetAgain)],
        ),
        // Other entries in the log reach no stage.
        (
            "hal",
            "Hal Jensen",
            "",
            Kind::Other,
            Some("hack"),
            &[Log(InteractionKind::Other)],
        ),
        (
            "ida",
            "Ida Svensson",
            "Stripe",
            Kind::Engineer,
            None,
            &[Done(Step::Connect), Log(InteractionKind::Replied)],
        ),
    ];
    for (id, name, company, kind, event, did) in people {
        let contact = ContactId::new(*id);
        book.apply(Command::AddContact(NewContact {
            id: contact.clone(),
            name: (*name).into(),
            company: (*company).into(),
            kind: *kind,
            event: event.map(EventId::new),
            met_on: d("2026-09-12"),
            ..NewContact::default()
        }))
        .unwrap();
        for action in *did {
            let (on, at) = (d("2026-09-14"), 2);
            let cmd = match action {
                Done(step) => Command::MarkDone {
                    contact: contact.clone(),
                    step: *step,
                    on,
                    at,
                },
                Log(kind) => Command::LogInteraction {
                    contact: contact.clone(),
                    on,
                    kind: *kind,
                    note: String::new(),
                    at,
                },
                Got(outcome) => Command::RecordOutcome {
                    contact: contact.clone(),
                    on,
                    outcome: outcome.clone(),
                    note: String::new(),
                    at,
                },
            };
            book.apply(cmd).unwrap();
        }
    }
    // Ana introduced the student to Rex, a recruiter at Figma met nowhere else: the
    // interview and the offer with him count for Ana and the fall fair.
    book.apply(Command::IntroduceNew {
        by: ContactId::new("ana"),
        new: NewContact {
            id: ContactId::new("rex"),
            name: "Rex Ahmed".into(),
            company: "Figma".into(),
            kind: Kind::Recruiter,
            met_on: d("2026-09-25"),
            ..NewContact::default()
        },
        on: d("2026-09-25"),
        note: String::new(),
        at: 3,
    })
    .unwrap();
    for outcome in [Outcome::Interview, Outcome::Offer] {
        book.apply(Command::RecordOutcome {
            contact: ContactId::new("rex"),
            on: d("2026-10-20"),
            outcome,
            note: String::new(),
            at: 4,
        })
        .unwrap();
    }
    book
}

/// The end-to-end fixture is this book as storage holds it. `FOLLOWUP_BLESS=1` rewrites
/// the file after a deliberate change to the book.
#[test]
fn the_end_to_end_fixture_is_this_book() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/funnel/book.json"
    );
    let keys: serde_json::Map<String, serde_json::Value> = encode_keys(&book())
        .into_iter()
        .map(|(k, v)| (k, serde_json::Value::String(v)))
        .collect();
    let expected = serde_json::to_string_pretty(&keys).unwrap() + "\n";
    if std::env::var_os("FOLLOWUP_BLESS").is_some() {
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, &expected).unwrap();
    }
    let stored = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        stored == expected,
        "{path} is not the funnel test book; rerun with FOLLOWUP_BLESS=1 if the book changed"
    );
}

/// (stage, count, percent) for every stage, in order.
fn rows(funnel: &Funnel) -> Vec<(Stage, usize, usize)> {
    Stage::ALL
        .into_iter()
        .map(|s| (s, funnel.count(s), funnel.percent(s)))
        .collect()
}

#[test]
fn each_event_counts_the_people_met_there() {
    let book = book();
    let check = |event: &str, expected: [(usize, usize); 8]| {
        let expected: Vec<(Stage, usize, usize)> = Stage::ALL
            .into_iter()
            .zip(expected)
            .map(|(s, (n, p))| (s, n, p))
            .collect();
        assert_eq!(
            rows(&event_funnel(&book, &EventId::new(event))),
            expected,
            "{event}"
        );
    };
    // met, connected, emailed, replied, meeting, referral, interview, offer
    check(
        "fall",
        [
            (6, 100),
            (4, 67),
            (3, 50),
            (5, 83),
            (3, 50),
            (1, 17),
            (1, 17),
            (1, 17),
        ],
    );
    check(
        "hack",
        [
            (2, 100),
            (0, 0),
            (1, 50),
            (1, 50),
            (1, 50),
            (0, 0),
            (0, 0),
            (0, 0),
        ],
    );
    check("spring", [(0, 0); 8]);
    check("no-such-event", [(0, 0); 8]);
}

#[test]
fn overall_counts_everyone_with_or_without_an_event() {
    let book = book();
    let overall = overall_funnel(&book);
    assert_eq!(
        rows(&overall),
        vec![
            (Stage::Met, 10, 100),
            (Stage::Connected, 5, 50),
            (Stage::Emailed, 4, 40),
            (Stage::Replied, 8, 80),
            (Stage::Meeting, 4, 40),
            (Stage::Referral, 1, 10),
            (Stage::Interview, 2, 20),
            (Stage::Offer, 2, 20),
        ]
    );
    let funnels = event_funnels(&book);
    let events: Vec<(&str, usize)> = funnels
        .iter()
        .map(|e| (e.event.as_str(), e.funnel.met()))
        .collect();
    // Most recent event first, as on the events page.
    assert_eq!(events, vec![("spring", 0), ("hack", 2), ("fall", 6)]);
}

#[test]
fn percentages_round_half_up_and_never_divide_by_zero() {
    let check = |count: usize, met: usize, expected: usize| {
        let mut funnel = Funnel::default();
        funnel.counts[Stage::Met.index()] = met;
        funnel.counts[Stage::Replied.index()] = count;
        assert_eq!(funnel.percent(Stage::Replied), expected, "{count} of {met}");
    };
    check(1, 3, 33);
    check(2, 3, 67);
    check(1, 8, 13); // 12.5
    check(1, 200, 1); // 0.5
    check(1, 201, 0);
    check(3, 3, 100);
    check(0, 0, 0);
    check(0, 5, 0);
    assert!(Funnel::default().is_empty());
}

#[test]
fn every_stage_has_words() {
    for stage in Stage::ALL {
        assert!(!stage.label().is_empty() && !stage.explain().is_empty());
    }
    assert_eq!(Stage::ALL.map(Stage::index), [0, 1, 2, 3, 4, 5, 6, 7]);
}

#[test]
fn planned_companies_reached_counts_the_plans_companies_with_someone_captured() {
    let mut book = book();
    // (event, plan pasted, reached) — Figma has three spellings at the fall fair, Meta and
    // Metabase are two companies, and the fall fair's people are not the hackathon's.
    for (event, plan, reached) in [
        ("spring", "", None),
        ("fall", "FIGMA\nMeta\nStripe", Some((2, 3))),
        ("fall", "Metabase", Some((3, 4))),
        ("hack", "Figma", Some((0, 1))),
    ] {
        let event = EventId::new(event);
        let targets = crate::domain::prep::parse_pasted(plan).targets;
        crate::domain::prep::PrepChange::AddTargets {
            event: event.clone(),
            targets,
        }
        .apply(&mut book)
        .unwrap();
        assert_eq!(
            planned_reached(&book, &event),
            reached,
            "{event} after {plan:?}"
        );
    }
}
