//! The shard digests: the agenda drawn from them equals the book's on every day, and
//! anything that could make them wrong sends the app down the full read.

use chrono::{Days, NaiveDate, NaiveTime};

use super::*;
use crate::domain::agenda::{agenda, glance_agenda};
use crate::domain::command::Command;
use crate::domain::contact::{Kind, NewContact};
use crate::domain::email::Email;
use crate::domain::interaction::InteractionKind;
use crate::domain::linkedin::LinkedIn;
use crate::domain::outcome::Outcome;
use crate::domain::snapshot::{
    decode_glanced, decode_keys, encode_keys, glanced_parts, plan, shard_key, shard_of, Dirty,
    Stored, SHARD_PREFIX,
};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

fn id(text: &str) -> ContactId {
    ContactId::new(text)
}

/// Contacts in every situation the playbook knows, with names that need escaping.
fn book() -> Book {
    let mut book = Book::default();
    let add = |book: &mut Book, key: &str, name: &str, kind, email: bool, linkedin: bool, met| {
        book.apply(Command::AddContact(NewContact {
            id: id(key),
            name: name.into(),
            company: if key == "a" { "Tab\tCo\\" } else { "Acme" }.into(),
            kind,
            email: email.then(|| Email::parse(&format!("{key}@acme.com")).unwrap()),
            linkedin: linkedin.then(|| LinkedIn::parse(&format!("linkedin.com/in/{key}")).unwrap()),
            met_on: d(met),
            hook: format!("Talked about {key}:\nline two\r\tand a \\ backslash 👋"),
            really_want: key == "b",
            cadence_days: (key == "f").then_some(20),
            updated_at: 1,
            ..NewContact::default()
        }))
        .unwrap();
    };
    add(
        &mut book,
        "a",
        "Ana",
        Kind::Engineer,
        true,
        true,
        "2026-03-02",
    );
    add(
        &mut book,
        "b",
        "Ben",
        Kind::Recruiter,
        false,
        true,
        "2026-03-02",
    );
    add(
        &mut book,
        "c",
        "Cy",
        Kind::Other,
        false,
        false,
        "2026-02-20",
    );
    add(
        &mut book,
        "e",
        "Eve",
        Kind::Engineer,
        true,
        false,
        "2026-01-05",
    );
    add(
        &mut book,
        "f",
        "Flo",
        Kind::Engineer,
        true,
        true,
        "2025-11-11",
    );
    add(
        &mut book,
        "g",
        "ana",
        Kind::Recruiter,
        true,
        true,
        "2026-03-02",
    );
    let at = |n: i64| 10 + n;
    let commands = vec![
        Command::MarkDone {
            contact: id("a"),
            step: Step::Connect,
            on: d("2026-03-02"),
            at: at(1),
        },
        Command::Snooze {
            contact: id("a"),
            step: Step::Email,
            until: d("2026-03-09"),
            at: at(2),
        },
        Command::Snooze {
            contact: id("b"),
            step: Step::Referral,
            until: d("2026-03-20"),
            at: at(3),
        },
        // Eve: every playbook step done, a referral asked (a nudge follows), a meeting.
        Command::MarkDone {
            contact: id("e"),
            step: Step::Connect,
            on: d("2026-01-05"),
            at: at(4),
        },
        Command::MarkDone {
            contact: id("e"),
            step: Step::Email,
            on: d("2026-01-06"),
            at: at(5),
        },
        Command::MarkDone {
            contact: id("e"),
            step: Step::Referral,
            on: d("2026-02-26"),
            at: at(6),
        },
        Command::RecordOutcome {
            contact: id("e"),
            on: d("2026-02-27"),
            outcome: Outcome::Meeting {
                at: d("2026-03-05").and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap()),
            },
            note: String::new(),
            at: at(7),
        },
        // Flo: everything resolved, keep in touch done once and recurring on its own cadence.
        Command::MarkDone {
            contact: id("f"),
            step: Step::Connect,
            on: d("2025-11-11"),
            at: at(8),
        },
        Command::SentAsMessage {
            contact: id("f"),
            on: d("2025-11-13"),
            at: at(9),
        },
        Command::Skip {
            contact: id("f"),
            step: Step::Referral,
            on: d("2025-11-20"),
            at: at(10),
        },
        Command::MarkDone {
            contact: id("f"),
            step: Step::KeepInTouch,
            on: d("2026-02-01"),
            at: at(11),
        },
        Command::LogInteraction {
            contact: id("f"),
            on: d("2026-02-10"),
            kind: InteractionKind::Replied,
            note: "hi".into(),
            at: at(12),
        },
        Command::SetDefaultCadence(45),
    ];
    for command in commands {
        book.apply(command).unwrap();
    }
    book
}

#[test]
fn the_glance_draws_the_books_agenda_on_every_day() {
    let book = book();
    let glance = glance(encode_keys(&book)).expect("a glance of a fresh save");
    assert_eq!(glance.count, book.contact_count());
    assert_eq!(glance.meta.settings, *book.settings());
    assert!(glance.meta.contacts.is_empty());
    let start = d("2025-11-01");
    let mut seen = [0; 4];
    for n in 0..400 {
        let day = start + Days::new(n);
        let expected = agenda(&book, day);
        assert_eq!(glance_agenda(&glance, day), expected, "on {day}");
        assert_eq!(
            glance.backup_reminder(day),
            book.backup_reminder(day),
            "on {day}"
        );
        let c = expected.counts();
        for (seen, n) in seen
            .iter_mut()
            .zip([c.missed, c.overdue, c.today, c.upcoming])
        {
            *seen += n;
        }
    }
    // Not a vacuous comparison: the span has every group, and the names came back whole.
    assert!(seen.iter().all(|n| *n > 10), "{seen:?}");
    let ana = glance.contacts.iter().find(|c| c.id == id("a")).unwrap();
    assert_eq!(ana.company, "Tab\tCo\\");
    assert_eq!(
        ana.hook,
        "Talked about a:\nline two\r\tand a \\ backslash 👋"
    );
}

#[test]
fn done_skipped_and_waiting_steps_stay_out_of_the_digest() {
    let book = book();
    let glance = glance(encode_keys(&book)).unwrap();
    let steps = |key: &str| -> Vec<Step> {
        glance
            .contacts
            .iter()
            .find(|c| c.id == id(key))
            .map(|c| c.steps.iter().map(|s| s.step).collect())
            .unwrap_or_default()
    };
    // Ana: connected (done), the email snoozed; referral and keep-in-touch wait on it.
    assert_eq!(steps("a"), vec![Step::Email]);
    // Cy has no channel: one step, finding a way to reach them.
    assert_eq!(steps("c"), vec![Step::Connect]);
    // Eve: a nudge for the referral ask, the meeting's prep and thank-you, keep in touch.
    assert_eq!(
        steps("e"),
        vec![Step::KeepInTouch, Step::Prep, Step::ThankYou, Step::Nudge]
    );
    // Flo: keep in touch recurs after being done.
    assert_eq!(steps("f"), vec![Step::KeepInTouch]);
}

/// The entries of a fresh save with one change made by `change`.
fn changed(change: impl FnOnce(&mut Vec<(String, String)>)) -> Vec<(String, String)> {
    let mut entries = encode_keys(&book());
    change(&mut entries);
    entries
}

/// Rewrites the digest under `key` with `edit` of its unpacked text (which must change).
fn edit_digest(entries: &mut [(String, String)], key: &str, edit: impl Fn(&str) -> String) {
    let text = unpack(&entries.iter().find(|(k, _)| k == key).unwrap().1).unwrap();
    let edited = edit(&text);
    assert_ne!(edited, text);
    // Still a well-formed digest for the same shard, but for what was edited.
    set(entries, key, pack(&edited));
}

fn set(entries: &mut [(String, String)], key: &str, value: String) {
    entries.iter_mut().find(|(k, _)| k == key).expect(key).1 = value;
}

#[test]
fn anything_a_digest_cannot_vouch_for_means_the_full_read() {
    let a_shard = shard_of(&id("a"));
    let shard = shard_key(a_shard);
    let digest = digest_key(a_shard);
    let other_book = {
        let mut b = book();
        b.apply(Command::MarkDone {
            contact: id("a"),
            step: Step::Email,
            on: d("2026-03-04"),
            at: 99,
        })
        .unwrap();
        encode_keys(&b)
    };
    let theirs = |key: &str| other_book.iter().find(|(k, _)| k == key).unwrap().1.clone();
    let cases: Vec<(&str, Vec<(String, String)>)> = vec![
        (
            "another tab wrote the shard, not yet its digest",
            changed(|e| set(e, &shard, theirs(&shard))),
        ),
        (
            "the digest of an older shard",
            changed(|e| set(e, &digest, theirs(&digest))),
        ),
        (
            "the digest is missing",
            changed(|e| e.retain(|(k, _)| *k != digest)),
        ),
        (
            "the digest is not packed text",
            changed(|e| set(e, &digest, "1\tabc".into())),
        ),
        (
            "the digest is packed nonsense",
            changed(|e| set(e, &digest, pack("1\tzz\t30\t1\t1"))),
        ),
        (
            "a digest line lost a field",
            changed(|e| {
                edit_digest(e, &digest, |text| {
                    let (head, body) = text.split_once('\n').unwrap();
                    let line = body.lines().next().unwrap();
                    let short = line.rsplit_once('\t').unwrap().0;
                    format!("{head}\n{short}")
                })
            }),
        ),
        (
            "a digest written by other playbook rules",
            changed(|e| {
                edit_digest(e, &digest, |text| {
                    text.replacen(&format!("{}\t", format()), "1.0\t", 1)
                })
            }),
        ),
        (
            "the default cadence changed since",
            changed(|e| {
                let meta = e
                    .iter()
                    .find(|(k, _)| k == META_KEY)
                    .unwrap()
                    .1
                    .replace("\"default_cadence_days\":45", "\"default_cadence_days\":30");
                assert!(meta.contains(":30"), "{meta}");
                set(e, META_KEY, meta);
            }),
        ),
        (
            "version 2's contact keys are waiting to migrate",
            changed(|e| e.push((format!("{CONTACT_PREFIX}zz"), "{}".into()))),
        ),
        (
            "a version 1 document is left over",
            changed(|e| e.push((LEGACY_KEY.into(), "{}".into()))),
        ),
        ("no meta key", changed(|e| e.retain(|(k, _)| k != META_KEY))),
        (
            "an unreadable meta key",
            changed(|e| set(e, META_KEY, "{".into())),
        ),
    ];
    for (case, entries) in cases {
        assert_eq!(glance(entries), None, "{case}");
    }
    // And the control: untouched, the glance is there; other apps' keys do not matter.
    assert!(glance(changed(|e| e.push(("someone.else".into(), "x".into())))).is_some());
    // An empty book has nothing to glance at (the first-run page needs no head start).
    assert_eq!(glance(encode_keys(&Book::default())), None);
}

#[test]
fn text_fields_survive_escaping() {
    for text in [
        "",
        "plain",
        "a\tb",
        "a\nb\r\n",
        "back\\slash",
        "\\t is not a tab",
        "👋 ñ 中文",
        "\\",
    ] {
        let mut out = String::new();
        escape(text, &mut out);
        assert!(!out.contains(['\t', '\n', '\r']), "{out:?}");
        assert_eq!(unescape(&out).as_deref(), Some(text), "{out:?}");
    }
    assert_eq!(unescape("dangling\\"), None);
    assert_eq!(unescape("\\x"), None);
}

#[test]
fn a_book_saved_before_digests_gets_them_on_its_next_save() {
    let book = book();
    let mut entries = encode_keys(&book);
    entries.retain(|(k, _)| !k.starts_with(DIGEST_PREFIX));
    assert_eq!(glance(entries.clone()), None);
    let stored = decode_keys(entries.clone()).unwrap().unwrap();
    assert_eq!(stored.book, book);
    let mut ids: Vec<ContactId> = book.contacts_unordered().map(|c| c.id.clone()).collect();
    ids.sort();
    assert_eq!(stored.rewrite, ids, "every shard is written again");
    let writes = plan(
        &book,
        &stored.saved,
        &Dirty::Contacts(stored.rewrite.into_iter().collect()),
        0,
    )
    .writes;
    for (key, value) in writes {
        set_or_push(&mut entries, key, value);
    }
    let glance = glance(entries).expect("digests written");
    assert_eq!(
        glance_agenda(&glance, d("2026-03-21")),
        agenda(&book, d("2026-03-21"))
    );
}

fn set_or_push(entries: &mut Vec<(String, String)>, key: String, value: String) {
    match entries.iter_mut().find(|(k, _)| *k == key) {
        Some(entry) => entry.1 = value,
        None => entries.push((key, value)),
    }
}

#[test]
fn a_save_writes_each_shard_before_its_digest() {
    let book = book();
    let keys: Vec<String> = encode_keys(&book).into_iter().map(|(k, _)| k).collect();
    let shards: Vec<&String> = keys
        .iter()
        .filter(|k| k.starts_with(super::super::SHARD_PREFIX))
        .collect();
    assert!(!shards.is_empty());
    for shard in shards {
        let at = keys.iter().position(|k| k == shard).unwrap();
        let n = &shard[shard.len() - 2..];
        assert_eq!(keys[at + 1], format!("{DIGEST_PREFIX}{n}"));
    }
    // A loaded book whose digests match needs no rewrite, and reading it without checking
    // them again (after a glance) gives the same.
    let stored = decode_keys(encode_keys(&book)).unwrap().unwrap();
    assert!(stored.rewrite.is_empty());
    let glanced = super::super::decode_glanced(encode_keys(&book))
        .unwrap()
        .unwrap();
    assert_eq!(glanced, stored);
}

#[test]
fn the_hash_tells_apart_texts_that_differ_anywhere() {
    let base = "a shard's packed text, long enough for several words: 𝄞 ñ";
    let mut seen = std::collections::HashSet::new();
    assert!(seen.insert(fnv(base)));
    assert!(seen.insert(fnv("")));
    // Every one-character change, and every truncation, gives another hash.
    for (i, _) in base.char_indices() {
        let mut changed = base.to_string();
        changed.replace_range(i..i + base[i..].chars().next().unwrap().len_utf8(), "x");
        if changed != base {
            assert!(seen.insert(fnv(&changed)), "{changed}");
        }
        assert!(seen.insert(fnv(&base[..i])) || i == 0, "{i}");
    }
    // Trailing zero bytes are not padding.
    assert_ne!(fnv("ab"), fnv("ab\0"));
}

/// What the playbook plans for the contacts of `book()` on 400 days, as one hash. The
/// digests store what the rules computed, so a change to the rules must come with a new
/// `playbook::RULES` (or digests written by the old rules would be trusted).
#[test]
fn the_rules_version_is_bumped_when_the_rules_change() {
    let book = book();
    let cadence = book.settings().default_cadence_days;
    let mut planned = String::new();
    for n in 0..400 {
        let day = d("2025-11-01") + Days::new(n);
        for contact in book.contacts() {
            let plan = crate::domain::playbook::plan(contact, cadence, day);
            planned.push_str(&format!("{plan:?}\n"));
        }
    }
    assert_eq!(
        (
            crate::domain::playbook::RULES,
            format!("{:016x}", fnv(&planned))
        ),
        (1, "fdcec37467ae5aec".to_string()),
        "the playbook's rules changed: bump playbook::RULES, then set this test's hash"
    );
}

#[test]
fn a_glance_read_in_parts_is_the_glance_read_at_once() {
    let mut book = book();
    // Enough contacts that their shards make several parts.
    for n in 0..300 {
        book.apply(Command::AddContact(NewContact {
            id: id(&format!("p{n:03}")),
            name: format!("Person {n}"),
            met_on: d("2025-11-01"),
            hook: "x".repeat(n % 40),
            updated_at: 2,
            ..NewContact::default()
        }))
        .unwrap();
    }
    let entries = encode_keys(&book);
    assert!(glance(entries.iter().map(|(k, v)| (k, v))).is_some());
    let whole = decode_glanced(entries.clone()).unwrap().unwrap();
    for bytes in [1, 2_000, 10_000, usize::MAX] {
        let parts = glanced_parts(entries.clone(), bytes);
        if bytes == 1 {
            let shards = entries
                .iter()
                .filter(|(k, _)| k.starts_with(SHARD_PREFIX))
                .count();
            assert_eq!(parts.len(), shards, "one shard a part");
        }
        if bytes == usize::MAX {
            assert_eq!(parts.len(), 1);
        }
        assert!(
            parts.iter().all(|p| p[0].0 == META_KEY),
            "each part has the meta key"
        );
        let mut read = Stored::default();
        for (i, part) in parts.into_iter().enumerate() {
            let part = decode_glanced(part).unwrap().unwrap();
            if i == 0 {
                read = part;
            } else {
                read.absorb(part);
            }
        }
        read.finish();
        assert_eq!(read, whole, "in parts of {bytes} bytes");
    }
}
