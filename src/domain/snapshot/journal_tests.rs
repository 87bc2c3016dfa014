//! The journal's crash test, in SQLite's manner: every save stopped after each single
//! write, then a start that recovers; the book read back is the whole book before or the
//! whole book after. localStorage is modelled as a map of key → text.

use std::collections::BTreeMap;

use super::*;
use crate::domain::book::Book;
use crate::domain::command::Command;
use crate::domain::contact::{Contact, ContactId, NewContact};
use crate::domain::import::Import;
use crate::domain::merge::Choices;
use crate::domain::snapshot::keyed::{contact_key, encode_contact, encode_meta};
use crate::domain::snapshot::save::{plan, touched_contacts, Dirty};
use crate::domain::snapshot::{decode_keys, encode_keys, shard_of, Stored, META_KEY};
use chrono::NaiveDate;

type Store = BTreeMap<String, String>;

const NOW: i64 = 1_800_000_000_000;

/// localStorage: `steps` made one after the other.
fn run(store: &mut Store, steps: &[Op]) {
    for op in steps {
        match op {
            Op::Set(key, text) => {
                store.insert(key.clone(), text.clone());
            }
            Op::Remove(key) => {
                store.remove(key);
            }
        }
    }
}

/// A start: a journal found is finished (its writes made, then removed).
fn start(store: &mut Store) {
    match recover(store.get(JOURNAL_KEY).map(String::as_str)) {
        Recovery::Clean => {}
        Recovery::Finish { steps, .. } => run(store, &steps),
        Recovery::Damaged { reason, .. } => panic!("a journal the save wrote is damaged: {reason}"),
    }
}

/// `n` contacts with ids `{prefix}00000`…, met on varied days, spread over every shard.
fn contacts(prefix: &str, n: usize) -> Vec<Contact> {
    let mut book = Book::default();
    for i in 0..n {
        let fields = NewContact {
            id: ContactId::new(format!("{prefix}{i:05}")),
            name: format!("Person {prefix}{i}"),
            company: ["Initech", "Globex", "Umbrella", "Hooli"][i % 4].into(),
            hook: format!("talked about project {i} and the team's on-call"),
            met_on: NaiveDate::from_ymd_opt(2026, 1 + (i % 12) as u32, 1 + (i % 28) as u32)
                .unwrap(),
            updated_at: 1_000 + i as i64,
            ..NewContact::default()
        };
        book.apply(Command::AddContact(fields)).unwrap();
    }
    book.contacts
}

fn book_of(contacts: Vec<Contact>) -> Book {
    Book {
        contacts,
        ..Book::default()
    }
}

/// One save, stopped after each of its writes `k` = 0 … N and started again: storage
/// (and so the book read back) is exactly the store before the save or after it, and a
/// start reads the book before or after. A write refused at `k` is undone to the store
/// before. `change` makes the save's change to the book read from `before` and says
/// which contacts it touched.
fn check_every_stop(name: &str, before: &Store, change: impl FnOnce(&mut Book) -> Dirty) {
    let stored: Stored = decode_keys(before.clone()).unwrap().unwrap();
    let book_before = stored.book.clone();
    let mut book_after = stored.book.clone();
    let mut dirty = change(&mut book_after);
    // Read back, contacts come in id order.
    book_after.contacts.sort_by(|a, b| a.id.cmp(&b.id));
    if stored.migrated_from.is_some() {
        dirty = Dirty::All;
    }
    let steps = plan(&book_after, &stored.saved, &dirty, NOW).steps(&stored.obsolete);
    let mut after = before.clone();
    run(&mut after, &steps);
    assert_ne!(&after, before, "{name}: the save changes storage");
    assert!(steps.len() > 2, "{name}: a save of several keys");
    assert_eq!(
        steps.first().map(Op::key),
        Some(JOURNAL_KEY),
        "{name}: the journal first"
    );
    let read_after = decode_keys(after.clone()).unwrap().unwrap().book;
    assert!(
        read_after == book_after,
        "{name}: the whole save reads back as the book after ({} contacts, not {}; first \
         difference: {:?})",
        read_after.contacts.len(),
        book_after.contacts.len(),
        read_after
            .contacts
            .iter()
            .zip(&book_after.contacts)
            .find(|(a, b)| a != b)
    );
    for k in 0..=steps.len() {
        let mut store = before.clone();
        run(&mut store, &steps[..k]);
        start(&mut store);
        let read = if store == *before {
            "before"
        } else if store == after {
            "after"
        } else {
            let book = decode_keys(store.clone()).unwrap().map(|s| s.book);
            panic!(
                "{name}: stopped after write {k} of {}, storage is neither before nor after \
                 (the same book as before: {}, as after: {})",
                steps.len(),
                book.as_ref() == Some(&book_before),
                book.as_ref() == Some(&book_after)
            );
        };
        let expected = if k == 0 { "before" } else { "after" };
        assert_eq!(read, expected, "{name}: stopped after write {k}");
        // The same save refused at write `k` (storage full) puts back what it wrote.
        if (2..steps.len()).contains(&k) {
            let mut store = before.clone();
            run(&mut store, &steps[..k]);
            let done: Vec<(String, Option<String>, usize)> = steps[1..k]
                .iter()
                .map(|op| {
                    let key = op.key().to_string();
                    let now = store.get(&key).map_or(0, String::len);
                    (key.clone(), before.get(&key).cloned(), now)
                })
                .collect();
            run(&mut store, &undo(&done));
            assert!(
                store == *before,
                "{name}: refused at write {k}, then undone"
            );
        }
    }
    // A start cut short while finishing the save: the next start finishes it.
    let mut stopped = before.clone();
    run(&mut stopped, &steps[..1]);
    let Recovery::Finish { steps: finish, .. } =
        recover(stopped.get(JOURNAL_KEY).map(String::as_str))
    else {
        panic!("{name}: the journal is read back");
    };
    for j in 0..=finish.len() {
        let mut store = stopped.clone();
        run(&mut store, &finish[..j]);
        start(&mut store);
        assert!(store == after, "{name}: recovery stopped after write {j}");
    }
}

/// The store of `book`, saved whole.
fn saved(book: &Book) -> Store {
    encode_keys(book).into_iter().collect()
}

fn mark(book: &mut Book, command: Command) -> Dirty {
    let mut dirty = Dirty::default();
    dirty.add(touched_contacts(&command, book));
    book.apply(command).unwrap();
    dirty
}

#[test]
fn a_save_cut_short_at_any_write_reads_back_before_or_after() {
    let five_thousand = book_of(contacts("c", 5_000));
    let five_thousand_store = saved(&five_thousand);

    check_every_stop("a capture", &five_thousand_store, |book| {
        mark(
            book,
            Command::AddContact(NewContact {
                id: ContactId::new("new-one"),
                name: "Priya Raman".into(),
                company: "Figma".into(),
                met_on: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
                updated_at: NOW,
                ..NewContact::default()
            }),
        )
    });

    let incoming = contacts("i", 600);
    check_every_stop(
        "an import of 600 into a book of 5,000",
        &five_thousand_store,
        |book| {
            let import = Import {
                new: incoming,
                updated: Vec::new(),
                events: Vec::new(),
                steps: Vec::new(),
                setup: None,
            };
            mark(book, Command::Import(Box::new(import)))
        },
    );

    // A restore (undo) of three contacts deleted in three shards.
    let three = book_of(contacts("r", 300));
    let gone: Vec<Contact> = three.contacts.iter().step_by(97).take(3).cloned().collect();
    let mut deleted = three.clone();
    for c in &gone {
        deleted.apply(Command::DeleteContact(c.id.clone())).unwrap();
    }
    let mut deleted_store = saved(&three);
    let stored = decode_keys(deleted_store.clone()).unwrap().unwrap();
    let ids: Vec<ContactId> = gone.iter().map(|c| c.id.clone()).collect();
    let mut dirty = Dirty::default();
    dirty.add(ids);
    run(
        &mut deleted_store,
        &plan(&deleted, &stored.saved, &dirty, NOW - 1).steps(&[]),
    );
    check_every_stop("a restore", &deleted_store, |book| {
        mark(
            book,
            Command::RestoreContacts {
                contacts: gone,
                at: NOW,
            },
        )
    });

    // A merge of two contacts stored in different shards.
    let keep = three.contacts[0].id.clone();
    let other = three
        .contacts
        .iter()
        .map(|c| c.id.clone())
        .find(|id| shard_of(id) != shard_of(&keep))
        .unwrap();
    check_every_stop("a merge across shards", &saved(&three), |book| {
        mark(
            book,
            Command::MergeContacts {
                keep,
                other,
                choices: Choices::default(),
                at: NOW,
            },
        )
    });

    // The first save after a migration from storage version 2 (a key per contact).
    let mut v2: Store = three
        .contacts
        .iter()
        .map(|c| (contact_key(&c.id), encode_contact(c)))
        .collect();
    v2.insert(
        META_KEY.into(),
        encode_meta(&three).replacen("\"version\":3", "\"version\":2", 1),
    );
    check_every_stop("a migration from version 2", &v2, |_| Dirty::All);
}

#[test]
fn a_save_of_one_key_needs_no_journal() {
    let book = book_of(contacts("c", 3));
    let mut changed = book.clone();
    changed.settings.default_cadence_days = 45;
    let stored = decode_keys(saved(&book)).unwrap().unwrap();
    let steps = plan(&changed, &stored.saved, &Dirty::default(), NOW).steps(&[]);
    assert_eq!(steps.len(), 1, "{steps:?}");
    assert_eq!(steps[0].key(), META_KEY);
}

#[test]
fn a_journal_that_cannot_be_trusted_is_damaged_and_says_why() {
    let book = book_of(contacts("c", 40));
    let mut dirty = Dirty::default();
    dirty.add(book.contacts.iter().map(|c| c.id.clone()));
    let steps = plan(&book, &Default::default(), &dirty, NOW).steps(&[]);
    let Op::Set(_, journal) = &steps[0] else {
        panic!("the journal first");
    };
    let check = |name: &str, text: &str, reason: &str| match recover(Some(text)) {
        Recovery::Damaged { reason: why, raw } => {
            assert!(why.contains(reason), "{name}: {why}");
            assert_eq!(raw, text, "{name}: the text is kept");
        }
        other => panic!("{name}: {other:?}"),
    };
    let half = journal
        .char_indices()
        .map(|(i, _)| i)
        .nth(journal.chars().count() / 2);
    let cut = &journal[..half.unwrap()];
    check("cut short", cut, "does not match its hash");
    check("no header", "followup-journal 1", "no header");
    check(
        "another format",
        &journal.replacen(" 1 ", " 2 ", 1),
        "another format",
    );
    check(
        "not ours",
        "hello\nworld",
        "header is not one Followup writes",
    );
    assert_eq!(recover(None), Recovery::Clean);
    let Recovery::Finish {
        changed,
        steps: finish,
    } = recover(Some(journal))
    else {
        panic!("a whole journal is finished");
    };
    assert_eq!(changed, 40);
    assert_eq!(&finish[..finish.len() - 1], &steps[1..steps.len() - 1]);
}

#[test]
fn what_a_start_says_about_a_save_cut_short() {
    let finish = |changed| Recovery::Finish {
        changed,
        steps: Vec::new(),
    };
    let damaged = Recovery::Damaged {
        reason: "it holds 3 of its 9 steps".into(),
        raw: String::new(),
    };
    let cases: [(&Recovery, bool, Option<&str>); 5] = [
        (&Recovery::Clean, true, None),
        (&finish(600), true, Some("Your last save (600 contacts) was cut short when the page closed. It was finished now")),
        (&finish(1), true, Some("Your last save (1 contact) was cut short")),
        (&finish(600), false, Some("no room to finish it. Your book is shown whole")),
        (&damaged, false, Some("could not be read (it holds 3 of its 9 steps), so it could be neither finished nor undone. Everything stored was kept as it is")),
    ];
    for (recovery, finished, expected) in cases {
        let message = cut_short_message(recovery, finished);
        match expected {
            None => assert_eq!(message, None),
            Some(part) => assert!(
                message.as_deref().is_some_and(|m| m.contains(part)),
                "{message:?} should say {part:?}"
            ),
        }
    }
}

#[test]
fn an_overlay_reads_as_the_finished_save() {
    let book = book_of(contacts("c", 50));
    let before = saved(&Book::default());
    let mut dirty = Dirty::default();
    dirty.add(book.contacts.iter().map(|c| c.id.clone()));
    let steps = plan(&book, &Default::default(), &dirty, NOW).steps(&[]);
    let mut half = before.clone();
    run(&mut half, &steps[..steps.len() / 2]);
    let Recovery::Finish { steps: finish, .. } = recover(half.get(JOURNAL_KEY).map(String::as_str))
    else {
        panic!("a journal");
    };
    let read = overlay(half.into_iter().collect(), &finish);
    assert!(read.iter().all(|(k, _)| k != JOURNAL_KEY));
    assert_eq!(decode_keys(read).unwrap().unwrap().book, book);
}
