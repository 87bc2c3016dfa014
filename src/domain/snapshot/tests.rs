//! The persisted shape: round trips, old and partial data, and what is refused.

use super::*;
use crate::domain::book::Book;
use crate::domain::command::Command;
use crate::domain::contact::{ContactId, Kind, NewContact};
use crate::domain::email::Email;
use crate::domain::event::{Event, EventId, EventKind};
use crate::domain::interaction::InteractionKind;
use crate::domain::linkedin::LinkedIn;
use crate::domain::profile::Profile;
use crate::domain::step::{Step, StepState};
use crate::domain::templates::TemplateKind;
use chrono::NaiveDate;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

/// A book that uses every kind of stored value.
fn full_book() -> Book {
    let mut book = Book::default();
    let fair = EventId::new("fair");
    let commands = vec![
        Command::SaveEvent(Event {
            id: fair.clone(),
            name: "Fall Career Fair".into(),
            kind: EventKind::Hackathon,
            date: d("2024-09-12"),
            ends: None,
            place: "Gym".into(),
            prep: Default::default(),
        }),
        Command::AddContact(NewContact {
            id: ContactId::new("a"),
            name: "Ana López 👋".into(),
            company: "Acme".into(),
            title: "SWE".into(),
            kind: Kind::Engineer,
            email: Some(Email::parse("ana@acme.com").unwrap()),
            phone: "+1 555 0100".into(),
            linkedin: Some(LinkedIn::parse("linkedin.com/in/josé").unwrap()),
            event: Some(fair.clone()),
            met_on: d("2024-09-12"),
            hook: "Rust at \"scale\"".into(),
            role: "Payments".into(),
            really_want: true,
            tags: vec!["rust".into()],
            notes: "line 1\nline 2".into(),
            cadence_days: Some(30),
            pronouns: String::new(),
            updated_at: 1_726_000_000_000,
        }),
        Command::MarkDone {
            contact: ContactId::new("a"),
            step: Step::Connect,
            on: d("2024-09-12"),
            at: 1,
        },
        Command::Skip {
            contact: ContactId::new("a"),
            step: Step::Email,
            on: d("2024-09-13"),
            at: 2,
        },
        Command::Snooze {
            contact: ContactId::new("a"),
            step: Step::Referral,
            until: d("2024-09-30"),
            at: 3,
        },
        Command::LogInteraction {
            contact: ContactId::new("a"),
            on: d("2024-09-20"),
            kind: InteractionKind::Replied,
            note: "Yes!".into(),
            at: 4,
        },
        Command::SetProfile(Profile {
            name: "Sam".into(),
            school: "State".into(),
            ..Profile::default()
        }),
        Command::SetTemplate {
            kind: TemplateKind::ConnectNote,
            text: "Hi {first_name}[ at {event}]".into(),
        },
        Command::SetPremium(true),
        Command::SetDefaultCadence(60),
        Command::SetCurrentEvent(Some(fair)),
    ];
    for cmd in commands {
        book.apply(cmd).unwrap();
    }
    book
}

#[test]
fn a_full_book_round_trips() {
    let book = full_book();
    let text = encode(&book);
    assert_eq!(decode(&text), Ok(book.clone()));
    assert_eq!(encode(&decode(&text).unwrap()), text, "encoding is stable");
    let ana = book.contact(&ContactId::new("a")).unwrap();
    assert_eq!(ana.steps.referral, StepState::Snoozed(d("2024-09-30")));
    assert_eq!(Book::default(), decode(&encode(&Book::default())).unwrap());
}

#[test]
fn the_stored_field_names_are_stable() {
    let value: serde_json::Value = serde_json::from_str(&encode(&full_book())).unwrap();
    assert_eq!(value["version"], 1);
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "contacts",
            "events",
            "profile",
            "settings",
            "templates",
            "version"
        ]
    );
    let ana = &value["contacts"][0];
    assert_eq!(ana["id"], "a");
    assert_eq!(ana["met_on"], "2024-09-12");
    assert_eq!(ana["email"], "ana@acme.com");
    assert_eq!(ana["linkedin"], "https://www.linkedin.com/in/jos%C3%A9/");
    assert_eq!(ana["kind"], "Engineer");
    assert_eq!(ana["steps"]["connect"]["Done"], "2024-09-12");
    assert_eq!(ana["interactions"][0]["kind"]["Step"], "Connect");
    // Defaults are left out to save space, and read back as defaults.
    let ana = ana.as_object().unwrap();
    assert!(!ana["steps"]
        .as_object()
        .unwrap()
        .contains_key("bonus_message"));
    assert!(!ana["interactions"][0]
        .as_object()
        .unwrap()
        .contains_key("note"));
    let bo = fixture_book()
        .contact(&ContactId::new("b"))
        .unwrap()
        .clone();
    let bo: serde_json::Value = serde_json::from_str(&keyed::contact_line(&bo)).unwrap();
    assert_eq!(
        bo.as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["company", "id", "kind", "met_on", "name", "updated_at"],
        "a contact with only a name and a company stores only those"
    );
    assert_eq!(ana["updated_at"], 4, "the last command's time");
    assert_eq!(value["settings"]["current_event"], "fair");
    assert_eq!(
        value["templates"]["connect_note"],
        "Hi {first_name}[ at {event}]"
    );
}

#[test]
fn missing_fields_take_their_defaults() {
    fn check(text: &str, check_book: impl Fn(&Book)) {
        let book = decode(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        check_book(&book);
    }
    check(r#"{"version":1}"#, |b| assert_eq!(b, &Book::default()));
    check(r#"{"version":1,"unknown_future_field":[1,2]}"#, |b| {
        assert_eq!(b, &Book::default())
    });
    check(
        r#"{"version":1,"contacts":[{"id":"a","name":"Ana","met_on":"2024-09-12"}]}"#,
        |b| {
            let ana = b.contact(&ContactId::new("a")).unwrap();
            assert_eq!(
                (ana.name.as_str(), ana.kind, ana.steps.email),
                ("Ana", Kind::Other, StepState::Pending)
            );
            assert_eq!(b.settings().default_cadence_days, 90);
            assert_eq!(
                b.templates(),
                &crate::domain::templates::Templates::default()
            );
        },
    );
}

#[test]
fn unreadable_snapshots_are_told_apart() {
    fn check(text: &str, expected: fn(&SnapshotError) -> bool) {
        let got = decode(text);
        assert!(
            matches!(&got, Err(e) if expected(e)),
            "{text:?} gave {got:?}"
        );
    }
    use SnapshotError::*;
    check("", |e| matches!(e, NotJson(_)));
    check("{version: 1}", |e| matches!(e, NotJson(_)));
    check(r#"{"version":1"#, |e| matches!(e, NotJson(_)));
    check("[]", |e| matches!(e, WrongShape(_)));
    check("null", |e| matches!(e, WrongShape(_)));
    check("{}", |e| matches!(e, WrongShape(_)));
    check(r#"{"version":"1"}"#, |e| matches!(e, WrongShape(_)));
    check(r#"{"version":-1}"#, |e| matches!(e, WrongShape(_)));
    check(r#"{"version":0}"#, |e| matches!(e, WrongShape(_)));
    check(r#"{"version":1,"contacts":{}}"#, |e| {
        matches!(e, WrongShape(_))
    });
    check(
        r#"{"version":1,"contacts":[{"email":"not an email"}]}"#,
        |e| matches!(e, WrongShape(_)),
    );
    check(
        r#"{"version":1,"templates":{"email_body":"{nope}"}}"#,
        |e| matches!(e, WrongShape(_)),
    );
    check(r#"{"version":2}"#, |e| *e == Newer(2));
    check(r#"{"version":99,"anything":"else"}"#, |e| *e == Newer(99));
    check(r#"{"version":99999999999}"#, |e| *e == Newer(u32::MAX));
}

#[test]
fn newer_version_message_names_the_version() {
    let message = SnapshotError::Newer(3).to_string();
    assert!(
        message.contains("format 3") && message.contains("newer version"),
        "{message}"
    );
    assert_eq!(LEGACY_KEY, "followup.v1");
    assert_eq!(META_KEY, "followup.meta");
}

// ---------------------------------------------------------------------------------------
// The keyed layout, migrations and two tabs

/// The book both storage fixtures hold: `full_book` and a second, plain contact.
fn fixture_book() -> Book {
    let mut book = full_book();
    book.apply(Command::AddContact(NewContact {
        id: ContactId::new("b"),
        name: "Bo Chen".into(),
        company: "Initech".into(),
        met_on: d("2024-09-12"),
        updated_at: 5,
        ..NewContact::default()
    }))
    .unwrap();
    book
}

fn entries(json: &str) -> Vec<(String, String)> {
    let map: std::collections::BTreeMap<String, String> = serde_json::from_str(json).unwrap();
    map.into_iter().collect()
}

/// One fixture per storage version, as that version wrote it: each must read as the
/// same book, and say what must be rewritten.
#[test]
fn every_stored_version_reads_forward() {
    struct Case {
        name: &'static str,
        fixture: &'static str,
        migrated_from: Option<u32>,
        obsolete: &'static [&'static str],
    }
    let cases = [
        Case {
            name: "version 1: one document under followup.v1",
            fixture: include_str!("../../../tests/fixtures/storage/v1.json"),
            migrated_from: Some(1),
            obsolete: &[LEGACY_KEY],
        },
        Case {
            name: "version 2: a meta key and one key per contact, with a tombstone",
            fixture: include_str!("../../../tests/fixtures/storage/v2.json"),
            migrated_from: Some(2),
            obsolete: &["followup.c.a", "followup.c.b", "followup.c.gone"],
        },
        Case {
            name: "version 3: a meta key and packed shards, with a tombstone",
            fixture: include_str!("../../../tests/fixtures/storage/v3.json"),
            migrated_from: None,
            obsolete: &[],
        },
    ];
    assert_eq!(VERSION, 3, "a new version needs a fixture and a case here");
    for case in cases {
        let stored = decode_keys(entries(case.fixture))
            .unwrap_or_else(|e| panic!("{}: {e}", case.name))
            .unwrap_or_else(|| panic!("{}: read as empty", case.name));
        assert_eq!(stored.book, fixture_book(), "{}", case.name);
        assert_eq!(stored.migrated_from, case.migrated_from, "{}", case.name);
        assert!(stored.unreadable.is_empty(), "{}", case.name);
        // After the migration's full write, the data reads as the current version.
        let dirty = if stored.migrated_from.is_some() {
            Dirty::All
        } else {
            Dirty::default()
        };
        let plan = plan(&stored.book, &stored.saved, &dirty, 100);
        let mut store: std::collections::BTreeMap<String, String> =
            entries(case.fixture).into_iter().collect();
        let mut obsolete = stored.obsolete.clone();
        obsolete.sort();
        assert_eq!(obsolete, case.obsolete, "{}", case.name);
        if stored.migrated_from.is_none() {
            assert!(
                plan.is_empty(),
                "{}: nothing to rewrite, got {:?}",
                case.name,
                plan.writes
            );
        }
        assert_eq!(
            plan.writes
                .last()
                .map(|(k, _)| k.as_str())
                .unwrap_or(META_KEY),
            META_KEY,
            "{}: the meta key is written last",
            case.name
        );
        store.extend(plan.writes.clone());
        for key in &stored.obsolete {
            store.remove(key);
        }
        let again = decode_keys(store).unwrap().unwrap();
        assert_eq!(again.book, fixture_book(), "{}: after migrating", case.name);
        assert_eq!(again.migrated_from, None, "{}", case.name);
        assert_eq!(
            again.saved,
            {
                let mut saved = stored.saved.clone();
                saved.commit(plan);
                saved
            },
            "{}: what the tab remembers is what storage holds",
            case.name
        );
    }
}

#[test]
fn a_migration_cut_short_is_resumed_from_the_right_copy() {
    let v1 = entries(include_str!("../../../tests/fixtures/storage/v1.json"));
    let keys = encode_keys(&fixture_book());
    // Contacts written, the page closed before the meta key: the document still rules.
    let mut partial = v1.clone();
    partial.extend(keys.iter().filter(|(k, _)| k != META_KEY).cloned());
    let stored = decode_keys(partial).unwrap().unwrap();
    assert_eq!(
        (stored.book, stored.migrated_from),
        (fixture_book(), Some(1))
    );
    // Everything written but the old key not yet removed: the keyed data rules.
    let mut done = v1;
    done.extend(keys);
    let stored = decode_keys(done).unwrap().unwrap();
    assert_eq!(stored.migrated_from, None);
    assert_eq!(stored.obsolete, [LEGACY_KEY]);
    assert_eq!(stored.book, fixture_book());
}

#[test]
fn a_migration_from_version_2_cut_short_loses_nothing() {
    let v2: Store = entries(include_str!("../../../tests/fixtures/storage/v2.json"))
        .into_iter()
        .collect();
    let stored = decode_keys(v2.clone()).unwrap().unwrap();
    let plan = plan(&stored.book, &stored.saved, &Dirty::All, 100);
    // The shards are written one by one, each followed by the removal of its contacts'
    // old keys; the page may close after any step, and the meta key comes last.
    let mut store = v2;
    let mut steps = 0;
    for (key, value) in &plan.writes {
        store.insert(key.clone(), value.clone());
        for old in obsolete_in(key, &stored.obsolete) {
            store.remove(old);
        }
        let again = decode_keys(store.clone()).unwrap().unwrap();
        assert_eq!(again.book, fixture_book(), "after writing {key}");
        steps += 1;
    }
    assert!(steps >= 2, "at least one shard and the meta key");
    assert!(
        !store.keys().any(|k| k.starts_with(CONTACT_PREFIX)),
        "{store:?}"
    );
    let done = decode_keys(store).unwrap().unwrap();
    assert_eq!(done.migrated_from, None);
    assert_eq!(
        done.saved.len(),
        3,
        "the tombstone of version 2 is carried into its shard"
    );
}

#[test]
fn the_keyed_layout_round_trips_and_ignores_other_keys() {
    let book = fixture_book();
    let mut keys = encode_keys(&book);
    keys.push(("something.else".into(), "not ours".into()));
    keys.push(("followup.v1.unreadable.17".into(), "kept backup".into()));
    keys.reverse(); // storage gives no order
    let stored = decode_keys(keys).unwrap().unwrap();
    assert_eq!(stored.book, book);
    assert_eq!(decode_keys(Vec::<(String, String)>::new()), Ok(None));
    assert_eq!(decode_keys(vec![("other", "x")]), Ok(None));
}

#[test]
fn unreadable_keyed_data_is_told_apart() {
    use SnapshotError::*;
    let good_meta = encode_keys(&Book::default()).pop().unwrap().1;
    let only_a = {
        let mut book = fixture_book();
        book.apply(Command::DeleteContact(ContactId::new("b")))
            .unwrap();
        book
    };
    let contact_a = encode_keys(&only_a)[0].clone();
    type Case = (
        &'static str,
        Vec<(String, String)>,
        fn(&SnapshotError) -> bool,
    );
    let cases: Vec<Case> = vec![
        (
            "broken meta",
            vec![(META_KEY.into(), "{\"version\":2,".into())],
            |e| matches!(e, NotJson(_)),
        ),
        (
            "meta of a newer app",
            vec![(META_KEY.into(), r#"{"version":4}"#.into())],
            |e| *e == Newer(4),
        ),
        (
            "meta claiming version 1",
            vec![(META_KEY.into(), r#"{"version":1}"#.into())],
            |e| matches!(e, WrongShape(_)),
        ),
        (
            "meta of the wrong shape",
            vec![(META_KEY.into(), r#"{"version":2,"events":{}}"#.into())],
            |e| matches!(e, WrongShape(_)),
        ),
        ("contacts without meta", vec![contact_a.clone()], |e| {
            matches!(e, WrongShape(_))
        }),
        (
            "a broken version-1 document",
            vec![(LEGACY_KEY.into(), "{".into())],
            |e| matches!(e, NotJson(_)),
        ),
        (
            "a newer document",
            vec![(LEGACY_KEY.into(), r#"{"version":5}"#.into())],
            |e| *e == Newer(5),
        ),
    ];
    for (name, keys, expected) in cases {
        let got = decode_keys(keys);
        assert!(matches!(&got, Err(e) if expected(e)), "{name}: {got:?}");
    }
    // One damaged contact does not cost the others: it is reported, with its text.
    let broken = [
        ("followup.c.x", "{\"id\":\"x\",\"name\":"),
        (
            "followup.c.y",
            r#"{"id":"z","name":"Zed","met_on":"2024-01-01"}"#,
        ),
        ("followup.c.w", r#"{"id":"w","email":"not an email"}"#),
    ];
    let mut keys = vec![(META_KEY.to_string(), good_meta), contact_a];
    keys.extend(broken.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let stored = decode_keys(keys).unwrap().unwrap();
    assert_eq!(stored.book.contact_count(), 1);
    let mut bad: Vec<(&str, &str)> = stored
        .unreadable
        .iter()
        .map(|u| (u.key.as_str(), u.raw.as_str()))
        .collect();
    bad.sort();
    let mut expected = broken.to_vec();
    expected.sort();
    assert_eq!(bad, expected);
    assert!(stored.unreadable.iter().all(|u| !u.reason.is_empty()));
    assert!(stored.unreadable.iter().all(|u| u.whole_key));
}

/// A shard that cannot be unpacked is kept whole; a shard with one bad line keeps its
/// other contacts and is written again.
#[test]
fn unreadable_shards_and_lines_are_told_apart() {
    let book = fixture_book();
    let a = ContactId::new("a");
    let good: Vec<(String, String)> = encode_keys(&book);
    let key_a = shard_key(shard_of(&a));
    let with = |key: &str, text: String| -> Vec<(String, String)> {
        let mut keys: Vec<(String, String)> =
            good.iter().filter(|(k, _)| k != key).cloned().collect();
        keys.push((key.to_string(), text));
        keys
    };
    // Not packed at all: the whole shard is unreadable, every other shard loads.
    let stored = decode_keys(with(&key_a, "{\"id\":\"a\"}".into()))
        .unwrap()
        .unwrap();
    assert!(stored.book.contact(&a).is_none());
    assert_eq!(stored.unreadable.len(), 1);
    assert_eq!(stored.unreadable[0].key, key_a);
    assert!(stored.unreadable[0].whole_key);
    assert!(stored.rewrite.is_empty());
    // One bad line next to a good one: the good one loads and its shard is rewritten.
    let ana = keyed::contact_line(book.contact(&a).unwrap());
    let bad = "{\"id\":\"x\",\"email\":\"not an email\"}".to_string();
    let stored = decode_keys(with(&key_a, keyed::encode_shard(&[ana, bad.clone()])))
        .unwrap()
        .unwrap();
    assert!(stored.book.contact(&a).is_some());
    assert_eq!(stored.unreadable.len(), 1);
    assert_eq!(stored.unreadable[0].raw, bad);
    assert!(!stored.unreadable[0].whole_key);
    assert_eq!(stored.rewrite, std::slice::from_ref(&a));
    let plan = plan(
        &stored.book,
        &stored.saved,
        &Dirty::Contacts(stored.rewrite.iter().cloned().collect()),
        100,
    );
    assert_eq!(plan.writes[0].0, key_a);
    assert!(!unpack(&plan.writes[0].1).unwrap().contains("not an email"));
}

#[test]
fn a_save_writes_only_what_changed() {
    let book = fixture_book();
    let stored = decode_keys(encode_keys(&book)).unwrap().unwrap();
    let a = ContactId::new("a");
    let b = ContactId::new("b");
    let keys =
        |plan: &Plan| -> Vec<String> { plan.writes.iter().map(|(k, _)| k.clone()).collect() };
    // A shard and its digest.
    let sk = |id: &ContactId| {
        let n = shard_of(id);
        vec![shard_key(n), super::digest_key(n)]
    };

    struct Case {
        name: &'static str,
        command: Option<Command>,
        dirty: fn(&Command) -> Dirty,
        expected: Vec<String>,
    }
    let touched =
        |c: &Command| Dirty::Contacts(touched_contacts(c, &fixture_book()).into_iter().collect());
    let cases = vec![
        Case {
            name: "nothing",
            command: None,
            dirty: |_| Dirty::default(),
            expected: vec![],
        },
        Case {
            name: "a step done",
            command: Some(Command::MarkDone {
                contact: b.clone(),
                step: Step::Email,
                on: d("2024-09-14"),
                at: 50,
            }),
            dirty: touched,
            expected: sk(&b),
        },
        Case {
            name: "a delete leaves a tombstone",
            command: Some(Command::DeleteContact(a.clone())),
            dirty: touched,
            expected: sk(&a),
        },
        Case {
            name: "a setting changes only the meta key",
            command: Some(Command::SetPremium(false)),
            dirty: touched,
            expected: vec![META_KEY.into()],
        },
        Case {
            name: "deleting an event touches its contacts and the meta key",
            command: Some(Command::DeleteEvent {
                id: EventId::new("fair"),
                at: 60,
            }),
            dirty: touched,
            expected: [sk(&a), vec![META_KEY.into()]].concat(),
        },
        Case {
            name: "everything, after an import",
            command: Some(Command::DeleteContact(a.clone())),
            dirty: |_| Dirty::All,
            expected: {
                let mut all = vec![sk(&a), sk(&b)];
                all.sort();
                all.dedup();
                all.concat()
            },
        },
    ];
    for case in cases {
        let mut book = stored.book.clone();
        let dirty = match case.command {
            Some(command) => {
                let dirty = (case.dirty)(&command);
                book.apply(command).unwrap();
                dirty
            }
            None => (case.dirty)(&Command::SetPremium(true)),
        };
        let plan = plan(&book, &stored.saved, &dirty, 99);
        assert_eq!(keys(&plan), case.expected, "{}", case.name);
        // Applying the writes gives storage that reads back as the book, and once
        // committed the same save has nothing left to do.
        let mut store: std::collections::BTreeMap<String, String> =
            encode_keys(&fixture_book()).into_iter().collect();
        store.extend(plan.writes.clone());
        assert_eq!(
            decode_keys(store).unwrap().unwrap().book,
            book,
            "{}",
            case.name
        );
        let mut saved = stored.saved.clone();
        saved.commit(plan);
        assert!(
            super::plan(&book, &saved, &Dirty::default(), 100).is_empty(),
            "{}: saved twice",
            case.name
        );
    }
}

/// A tab: its book, what it knows is stored, and what changed since its last save.
struct Tab {
    book: Book,
    saved: Saved,
    dirty: Dirty,
}

type Store = std::collections::BTreeMap<String, String>;

impl Tab {
    fn open(store: &Store) -> Tab {
        let stored = decode_keys(store.clone()).unwrap().unwrap();
        Tab {
            book: stored.book,
            saved: stored.saved,
            dirty: Dirty::default(),
        }
    }

    fn apply(&mut self, command: Command) {
        self.dirty.add(touched_contacts(&command, &self.book));
        self.book.apply(command).unwrap();
    }

    /// Saves; returns the keys written, as the other tabs' `storage` events.
    fn save(&mut self, store: &mut Store, now: i64) -> Vec<(String, String)> {
        let plan = plan(&self.book, &self.saved, &self.dirty, now);
        store.extend(plan.writes.clone());
        let writes = plan.writes.clone();
        self.saved.commit(plan);
        self.dirty = Dirty::default();
        writes
    }

    fn receive(&mut self, events: &[(String, String)]) {
        for (key, value) in events {
            if let Remote::KeepOurs(ids) =
                merge_remote(&mut self.book, &mut self.saved, key, Some(value))
            {
                self.dirty.add(ids);
            }
        }
    }
}

/// Two tabs change the book at once; their saves reach each other as `storage` events
/// until both are quiet. Both must end with the same book, equal to what storage holds.
fn two_tabs(first: Vec<Command>, second: Vec<Command>) -> (Book, Store) {
    let mut store: Store = encode_keys(&fixture_book()).into_iter().collect();
    let mut one = Tab::open(&store);
    let mut two = Tab::open(&store);
    for c in first {
        one.apply(c);
    }
    for c in second {
        two.apply(c);
    }
    // Both save before hearing from the other: the race.
    let mut from_one = one.save(&mut store, 1_000);
    let mut from_two = two.save(&mut store, 1_001);
    for round in 0..5 {
        two.receive(&from_one);
        one.receive(&from_two);
        from_one = one.save(&mut store, 2_000 + round);
        from_two = two.save(&mut store, 2_000 + round);
        if from_one.is_empty() && from_two.is_empty() {
            break;
        }
    }
    assert!(
        from_one.is_empty() && from_two.is_empty(),
        "the tabs never settled"
    );
    assert_eq!(one.book, two.book, "the tabs disagree");
    let stored = decode_keys(store.clone()).unwrap().unwrap();
    assert_eq!(stored.book, one.book, "storage disagrees with the tabs");
    (one.book, store)
}

fn rename(id: &str, name: &str, at: i64) -> Command {
    let contact = fixture_book().contact(&ContactId::new(id)).unwrap().clone();
    let mut fields = contact.fields();
    fields.name = name.into();
    fields.updated_at = at;
    Command::UpdateContact(fields)
}

#[test]
fn two_tabs_merge_by_contact() {
    let name = |book: &Book, id: &str| book.contact(&ContactId::new(id)).map(|c| c.name.clone());
    struct Case {
        name: &'static str,
        first: Vec<Command>,
        second: Vec<Command>,
        a: Option<&'static str>,
        b: Option<&'static str>,
    }
    let cases = [
        Case {
            name: "different contacts: both edits kept",
            first: vec![rename("a", "Ana One", 10)],
            second: vec![rename("b", "Bo Two", 11)],
            a: Some("Ana One"),
            b: Some("Bo Two"),
        },
        Case {
            name: "the same contact: the later edit wins (second tab later)",
            first: vec![rename("a", "Ana Early", 10)],
            second: vec![rename("a", "Ana Late", 20)],
            a: Some("Ana Late"),
            b: Some("Bo Chen"),
        },
        Case {
            name: "the same contact: the later edit wins (first tab later)",
            first: vec![rename("a", "Ana Late", 30)],
            second: vec![rename("a", "Ana Early", 20)],
            a: Some("Ana Late"),
            b: Some("Bo Chen"),
        },
        Case {
            name: "a delete beats an older edit",
            first: vec![Command::DeleteContact(ContactId::new("a"))],
            second: vec![rename("a", "Ana Edited", 10)],
            a: None,
            b: Some("Bo Chen"),
        },
        Case {
            name: "an edit made after the delete survives it",
            first: vec![Command::DeleteContact(ContactId::new("a"))],
            second: vec![rename("a", "Ana Edited", 5_000)],
            a: Some("Ana Edited"),
            b: Some("Bo Chen"),
        },
        Case {
            name: "a new contact in each tab",
            first: vec![Command::AddContact(NewContact {
                id: ContactId::new("n1"),
                name: "New One".into(),
                met_on: d("2024-10-01"),
                updated_at: 10,
                ..NewContact::default()
            })],
            second: vec![
                Command::AddContact(NewContact {
                    id: ContactId::new("n2"),
                    name: "New Two".into(),
                    met_on: d("2024-10-01"),
                    updated_at: 10,
                    ..NewContact::default()
                }),
                Command::SetPremium(false),
            ],
            a: Some("Ana López 👋"),
            b: Some("Bo Chen"),
        },
        Case {
            name: "the same time stamp: both tabs still agree",
            first: vec![rename("a", "Ana X", 10)],
            second: vec![rename("a", "Ana Y", 10)],
            a: Some("Ana Y"),
            b: Some("Bo Chen"),
        },
    ];
    for case in cases {
        let (book, _) = two_tabs(case.first, case.second);
        assert_eq!(name(&book, "a").as_deref(), case.a, "{}", case.name);
        assert_eq!(name(&book, "b").as_deref(), case.b, "{}", case.name);
        if case.name == "a new contact in each tab" {
            assert_eq!(name(&book, "n1").as_deref(), Some("New One"));
            assert_eq!(name(&book, "n2").as_deref(), Some("New Two"));
            assert!(!book.settings().premium, "the meta change arrived");
        }
    }
}

#[test]
fn remote_changes_that_are_not_ours_or_unreadable_are_ignored() {
    let mut book = fixture_book();
    let mut saved = decode_keys(encode_keys(&book)).unwrap().unwrap().saved;
    let before = book.clone();
    for (key, value) in [
        ("other.key", Some("x")),
        ("followup.c.a", Some("{broken")),
        ("followup.c.a", Some(r#"{"id":"zzz","name":"Wrong key"}"#)),
        (META_KEY, Some("{broken")),
        (META_KEY, None),
    ] {
        assert_eq!(
            merge_remote(&mut book, &mut saved, key, value),
            Remote::Ignored,
            "{key} {value:?}"
        );
    }
    assert_eq!(book, before);
    assert_eq!(
        merge_remote(&mut book, &mut saved, META_KEY, Some(r#"{"version":9}"#)),
        Remote::Newer(9)
    );
    // The other tab started fresh: the key is gone, so is the contact.
    assert_eq!(
        merge_remote(&mut book, &mut saved, "followup.c.a", None),
        Remote::Applied
    );
    assert!(book.contact(&ContactId::new("a")).is_none());
}

#[test]
fn an_import_s_growth_is_what_saving_it_adds() {
    use crate::domain::import::Import;
    let stored = |book: &Book| -> usize {
        encode_keys(book)
            .iter()
            .map(|(k, v)| stored_bytes(k, v))
            .sum()
    };
    let book = full_book();
    let mut big = book.contacts[0].clone();
    big.notes = "é".repeat(500);
    let mut newcomer = book.contacts[0].clone();
    newcomer.id = ContactId::new("zz-new");
    newcomer.name = "Zoë New".into();
    let check = |import: Import, exact: bool| {
        let mut after = book.clone();
        after
            .apply(Command::Import(Box::new(import.clone())))
            .unwrap();
        let grew = stored(&after).saturating_sub(stored(&book));
        let estimate = import_growth(&book, &import);
        assert!(estimate >= grew, "{estimate} < {grew}: {import:?}");
        if exact {
            // Contacts only: no more than twice what it takes, plus a shard's header.
            assert!(
                estimate <= 2 * grew + 64,
                "{estimate} vs {grew}: {import:?}"
            );
        }
    };
    check(
        Import {
            new: vec![newcomer.clone()],
            ..Import::default()
        },
        true,
    );
    check(
        Import {
            updated: vec![big],
            ..Import::default()
        },
        true,
    );
    check(
        Import {
            new: vec![newcomer],
            events: vec![Event {
                id: EventId::new("spring"),
                name: "Spring Fair".into(),
                kind: EventKind::CareerFair,
                date: d("2025-03-01"),
                ends: None,
                place: String::new(),
                prep: Default::default(),
            }],
            ..Import::default()
        },
        false,
    );
}

#[test]
fn tombstones_older_than_90_days_are_pruned() {
    const DAY: i64 = 24 * 60 * 60 * 1000;
    let now = 1_000 * DAY;
    let entries = [
        (META_KEY.to_string(), "{\"version\":2}".to_string()),
        (
            "followup.c.old".to_string(),
            format!("{{\"deleted_at\":{}}}", now - 91 * DAY),
        ),
        (
            "followup.c.edge".to_string(),
            format!("{{\"deleted_at\":{}}}", now - 90 * DAY),
        ),
        (
            "followup.c.new".to_string(),
            format!("{{\"deleted_at\":{}}}", now - DAY),
        ),
        (
            "followup.c.older".to_string(),
            format!("{{\"deleted_at\":{}}}", now - 400 * DAY),
        ),
    ];
    let stored = decode_keys(entries.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .unwrap()
        .unwrap();
    assert_eq!(stored.saved.len(), 4);
    let stale = stored.saved.stale_tombstones(now);
    assert_eq!(stale, [ContactId::new("old"), ContactId::new("older")]);
    // The migration's full write leaves them out, in version 3 as in version 2.
    let plan = plan(&stored.book, &stored.saved, &Dirty::All, now);
    let mut saved = stored.saved.clone();
    saved.commit(plan.clone());
    assert_eq!(saved.len(), 2);
    assert_eq!(saved.stale_tombstones(now), Vec::<ContactId>::new());
    let mut store: Store = plan.writes.into_iter().collect();
    let again = decode_keys(store.clone()).unwrap().unwrap();
    assert_eq!(again.saved, saved);
    // Later, the stale ones are found in the shards and dropped when marked dirty.
    let later = now + 89 * DAY;
    let stale = again.saved.stale_tombstones(later);
    assert_eq!(stale, [ContactId::new("edge")]);
    let plan = super::plan(
        &again.book,
        &again.saved,
        &Dirty::Contacts(stale.into_iter().collect()),
        later,
    );
    store.extend(plan.writes);
    assert_eq!(decode_keys(store).unwrap().unwrap().saved.len(), 1);
}

/// Outcomes (issue 11) are additive: a version-2 book reads with none, and nothing about
/// it changes.
#[test]
fn a_version_2_book_loads_with_no_outcomes() {
    let fixture = include_str!("../../../tests/fixtures/storage/v2.json");
    let stored = decode_keys(entries(fixture)).unwrap().unwrap();
    for contact in stored.book.contacts() {
        assert!(
            contact.interactions.iter().all(|i| i.outcome.is_none()),
            "{}",
            contact.name
        );
        assert_eq!(
            crate::domain::outcome::latest_meeting(contact),
            None,
            "{}",
            contact.name
        );
    }
    // Ana's hand-logged reply is still a plain reply, and nobody has a referral.
    let ana = stored.book.contact(&ContactId::new("a")).unwrap();
    assert_eq!(ana.interactions[1].kind, InteractionKind::Replied);
    assert!(stored
        .book
        .contacts()
        .all(|c| stored.book.referral(c).is_none()));
}

/// A book with every outcome, an introduction of a new contact and the steps outcomes
/// add (prep, thank-you, nudge) set.
fn book_with_every_outcome() -> Book {
    use crate::domain::outcome::Outcome;
    use chrono::NaiveTime;
    let mut book = fixture_book();
    let a = ContactId::new("a");
    let meeting = d("2024-10-03").and_time(NaiveTime::from_hms_opt(14, 30, 0).unwrap());
    let outcomes = [
        Outcome::Replied {
            to: Some(Step::Referral),
        },
        Outcome::Meeting { at: meeting },
        Outcome::IntroducedBy {
            contact: ContactId::new("b"),
        },
        Outcome::Applied {
            job: "Payments intern, \"2025\"".into(),
            link: "https://acme.example/jobs/R-17".into(),
        },
        Outcome::Interview,
        Outcome::Offer,
        Outcome::NotNow,
    ];
    for (n, outcome) in outcomes.into_iter().enumerate() {
        book.apply(Command::RecordOutcome {
            contact: a.clone(),
            on: d("2024-09-21") + chrono::Days::new(n as u64),
            outcome,
            note: if n == 0 {
                "Said yes 🎉".into()
            } else {
                String::new()
            },
            at: 10 + n as i64,
        })
        .unwrap();
    }
    book.apply(Command::IntroduceNew {
        by: a.clone(),
        new: NewContact {
            id: ContactId::new("rec"),
            name: "Sam Recruiter".into(),
            company: "Acme".into(),
            kind: Kind::Recruiter,
            met_on: d("2024-09-30"),
            updated_at: 30,
            ..NewContact::default()
        },
        on: d("2024-09-30"),
        note: String::new(),
        at: 30,
    })
    .unwrap();
    for step in [Step::Prep, Step::ThankYou, Step::Nudge] {
        book.apply(Command::MarkDone {
            contact: a.clone(),
            step,
            on: d("2024-10-04"),
            at: 40,
        })
        .unwrap();
    }
    book
}

#[test]
fn every_outcome_round_trips_through_the_backup() {
    use crate::domain::formats::backup::export_backup;
    let book = book_with_every_outcome();
    let text = export_backup(&book);
    let read = decode(&text).unwrap();
    assert_eq!(read, book);
    let ana = read.contact(&ContactId::new("a")).unwrap();
    assert_eq!(
        ana.interactions
            .iter()
            .filter(|i| i.outcome.is_some())
            .count(),
        8,
        "seven outcomes and one introduction"
    );
    // Links both ways survive.
    let b = read.contact(&ContactId::new("b")).unwrap();
    assert_eq!(
        crate::domain::outcome::introduced_to(b),
        vec![&ContactId::new("a")]
    );
    let rec = read.contact(&ContactId::new("rec")).unwrap();
    assert_eq!(
        crate::domain::outcome::introduced_by(rec),
        vec![&ContactId::new("a")]
    );
    // And through the keyed layout too.
    let keys = encode_keys(&book);
    let stored = decode_keys(keys).unwrap().unwrap();
    assert_eq!(stored.book, book);
}

#[test]
fn pretty_lays_out_compact_json_exactly_as_serde_does() {
    use serde_json::json;
    let values = vec![
        json!({}),
        json!([]),
        json!({"a": [], "b": {}, "c": [[], {}], "d": [1, [2, [3, {}]]]}),
        json!({"quote \" and \\ backslash": "a \"string\" with {braces}, [brackets]: and, commas"}),
        json!({"escapes": "tab\tnew\nline\u{1}\u{7f} \\\" end\\", "emoji": "👋 ñ 中文"}),
        json!([null, true, false, 0, -1.5, 1e300, "x"]),
        json!({"nested": {"deeper": {"deepest": [{"k": "v"}, {"k": ["w", {}]}]}}}),
    ];
    for value in values {
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            pretty(&compact),
            serde_json::to_string_pretty(&value).unwrap(),
            "{compact}"
        );
    }
    for book in [full_book(), book_with_every_outcome(), Book::default()] {
        let serde_pretty = serde_json::to_string_pretty(&super::document::document(&book)).unwrap();
        assert_eq!(encode_pretty(&book), serde_pretty);
    }
}
