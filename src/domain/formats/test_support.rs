//! Books for the format tests: one hand-written sample and a proptest strategy that builds
//! books through `Book::apply`, as the app does.

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::domain::book::Book;
use crate::domain::command::Command;
use crate::domain::contact::{ContactId, Kind, NewContact};
use crate::domain::email::Email;
use crate::domain::event::{Event, EventId, EventKind};
use crate::domain::interaction::InteractionKind;
use crate::domain::linkedin::LinkedIn;
use crate::domain::profile::Profile;
use crate::domain::step::Step;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Priya (engineer, met at the fair, email pending) and José (recruiter, connect done).
pub fn sample_book() -> Book {
    let mut book = Book::default();
    let run = |book: &mut Book, cmd| book.apply(cmd).unwrap();
    run(
        &mut book,
        Command::SaveEvent(Event {
            id: EventId::new("e1"),
            name: "Fall Career Fair".into(),
            kind: EventKind::CareerFair,
            date: d(2026, 11, 24),
            ends: None,
            place: "Gym".into(),
            prep: Default::default(),
        }),
    );
    run(
        &mut book,
        Command::AddContact(NewContact {
            id: ContactId::new("c1"),
            name: "Priya Raman".into(),
            company: "Acme, Inc.".into(),
            title: "Backend Engineer".into(),
            kind: Kind::Engineer,
            email: Some(Email::parse("priya@acme.example").unwrap()),
            phone: "+1 555 0100".into(),
            linkedin: Some(LinkedIn::parse("linkedin.com/in/priya-raman").unwrap()),
            event: Some(EventId::new("e1")),
            met_on: d(2026, 11, 24),
            hook: "Rust; WebAssembly, and her team's \"zero-downtime\" deploys".into(),
            role: "Platform team".into(),
            really_want: true,
            tags: vec!["rust".into(), "fall fair".into()],
            notes: "Two lines\nof notes".into(),
            cadence_days: None,
            pronouns: String::new(),
            updated_at: 1,
        }),
    );
    run(
        &mut book,
        Command::AddContact(NewContact {
            id: ContactId::new("c2"),
            name: "José García".into(),
            company: "Globex".into(),
            kind: Kind::Recruiter,
            met_on: d(2026, 11, 20),
            updated_at: 2,
            ..NewContact::default()
        }),
    );
    run(
        &mut book,
        Command::MarkDone {
            contact: ContactId::new("c2"),
            step: Step::Connect,
            on: d(2026, 11, 20),
            at: 3,
        },
    );
    book
}

fn text() -> impl Strategy<Value = String> {
    // Letters, accents, emoji, and every character the formats must escape or quote.
    proptest::string::string_regex("[a-zA-Z0-9 éñüß日👋,;:\\\\\"'\n=+-]{0,24}").unwrap()
}

fn name() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Za-zéñ日][a-zA-Z éñ,;\\\\日'-]{0,20}[a-z]").unwrap()
}

prop_compose! {
    fn arb_contact(index: usize)(
        name in name(),
        company in text(),
        title in text(),
        kind in prop_oneof![Just(Kind::Engineer), Just(Kind::Recruiter), Just(Kind::Other)],
        email in proptest::option::of("[a-z]{1,8}@[a-z]{1,8}\\.(com|org|example)"),
        phone in "[0-9 +()-]{0,14}",
        slug in proptest::option::of("[a-z][a-z0-9-]{2,20}"),
        at_event in any::<bool>(),
        met in 0u64..800,
        hook in text(),
        role in text(),
        really_want in any::<bool>(),
        tags in proptest::collection::vec("[a-z]{1,8}", 0..3),
        notes in text(),
        cadence in proptest::option::of(1u32..200),
        pronouns in text(),
        done in proptest::option::of((0usize..5, 0u64..30)),
        logged in proptest::option::of((0u64..30, text())),
    ) -> Vec<Command> {
        let id = ContactId::new(format!("c{index}"));
        let met_on = d(2025, 1, 1) + chrono::Days::new(met);
        let mut commands = vec![Command::AddContact(NewContact {
            id: id.clone(),
            name,
            company,
            title,
            kind,
            email: email.map(|e| Email::parse(&e).unwrap()),
            phone,
            linkedin: slug.map(|s| LinkedIn::parse(&s).unwrap()),
            event: at_event.then(|| EventId::new("e1")),
            met_on,
            hook,
            role,
            really_want,
            tags,
            notes,
            cadence_days: cadence,
            pronouns,
            updated_at: index as i64,
        })];
        if let Some((step, days)) = done {
            commands.push(Command::MarkDone {
                contact: id.clone(),
                step: Step::ALL[step],
                on: met_on + chrono::Days::new(days),
                at: 100,
            });
        }
        if let Some((days, note)) = logged {
            commands.push(Command::LogInteraction {
                contact: id,
                on: met_on + chrono::Days::new(days),
                kind: InteractionKind::CoffeeChat,
                note,
                at: 200,
            });
        }
        commands
    }
}

/// A book with an event, a profile and up to five contacts with steps and a log.
pub fn arb_book() -> impl Strategy<Value = Book> {
    let contacts = (0usize..5).prop_flat_map(|n| (0..n).map(arb_contact).collect::<Vec<_>>());
    (contacts, text(), text()).prop_map(|(contacts, my_name, event_name)| {
        let mut book = Book::default();
        book.apply(Command::SaveEvent(Event {
            id: EventId::new("e1"),
            name: format!("Fair {event_name}"),
            kind: EventKind::Meetup,
            date: d(2025, 1, 1),
            ends: None,
            place: String::new(),
            prep: Default::default(),
        }))
        .unwrap();
        book.apply(Command::SetProfile(Profile {
            name: my_name,
            ..Profile::default()
        }))
        .unwrap();
        for command in contacts.into_iter().flatten() {
            book.apply(command).unwrap();
        }
        book
    })
}

/// One VEVENT as a real iCalendar parser (the `ical` crate) reads it: each property's
/// name and value, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedEvent {
    pub properties: Vec<(String, String)>,
    /// Whether it holds a VALARM.
    pub alarm: bool,
}

impl ParsedEvent {
    /// The value of property `name`, if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses `text` with the `ical` crate (panicking if it is not exactly one calendar) and
/// returns its events.
pub fn parse_calendar(text: &str) -> Vec<ParsedEvent> {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("a valid calendar");
    assert!(calendars.next().is_none(), "more than one calendar");
    calendar
        .events
        .into_iter()
        .map(|event| ParsedEvent {
            properties: event
                .properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect(),
            alarm: !event.alarms.is_empty(),
        })
        .collect()
}

/// An engineer with an email address, met at the sample's fair on 24 November 2026.
pub fn new_contact(id: &str, name: &str) -> NewContact {
    NewContact {
        id: ContactId::new(id),
        name: name.into(),
        company: "Acme, Inc.".into(),
        title: "Backend Engineer".into(),
        kind: Kind::Engineer,
        email: Some(Email::parse("someone@acme.example").unwrap()),
        phone: String::new(),
        linkedin: None,
        event: Some(EventId::new("e1")),
        met_on: d(2026, 11, 24),
        hook: String::new(),
        role: String::new(),
        really_want: false,
        tags: Vec::new(),
        notes: String::new(),
        cadence_days: None,
        pronouns: String::new(),
        updated_at: 20,
    }
}
