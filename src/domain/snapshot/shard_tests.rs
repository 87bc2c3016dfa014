//! Version 3's packed shards: the codec on its own (tables and generated text), whole
//! books through the stored layout, and two tabs writing the same shard.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::domain::book::Book;
use crate::domain::command::Command;
use crate::domain::contact::{ContactId, NewContact};
use crate::domain::formats::test_support::arb_book;
use chrono::NaiveDate;

fn check_round_trip(name: &str, text: &str) {
    let packed = pack(text);
    assert_eq!(unpack(&packed).as_deref(), Ok(text), "{name}");
    assert!(
        packed.chars().all(|c| ('\u{20}'..='\u{801F}').contains(&c)),
        "{name}: only printable characters below the surrogates"
    );
}

#[test]
fn pack_round_trips() {
    let long_notes =
        "Talked about Rust at scale, the intern project and the team's on-call. ".repeat(400);
    let cases: [(&str, String); 9] = [
        ("empty", String::new()),
        ("one byte", "a".into()),
        ("two equal bytes", "aa".into()),
        (
            "a run (the code defined while it is read)",
            "a".repeat(1000),
        ),
        ("unicode", "Ana López 👋 日本語 — «ça va» ß\n\t\"".into()),
        (
            "every byte value's char",
            (0u32..0x800).filter_map(char::from_u32).collect(),
        ),
        ("long notes", long_notes),
        (
            "past the full dictionary",
            (0..200_000u32)
                .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
                .collect(),
        ),
        (
            "random-looking text",
            (0..50_000u64)
                .map(|i| {
                    char::from_u32(0x20 + (i.wrapping_mul(0x9E37_79B9) >> 7) as u32 % 0x5000)
                        .unwrap_or('x')
                })
                .collect(),
        ),
    ];
    for (name, text) in &cases {
        check_round_trip(name, text);
    }
}

#[test]
fn packing_saves_room_on_repetitive_text() {
    let line = r#"{"id":"c000123","name":"Ana López","company":"Acme","kind":"Engineer","met_on":"2024-09-12","updated_at":1726000000000}"#;
    let text: String = (0..200)
        .map(|i| line.replace("123", &format!("{i:03}")) + "\n")
        .collect();
    let utf16 = |s: &str| 2 * s.encode_utf16().count();
    assert!(
        utf16(&pack(&text)) * 8 < utf16(&text),
        "{} vs {}",
        utf16(&pack(&text)),
        utf16(&text)
    );
}

#[test]
fn what_is_not_packed_text_is_refused() {
    let good = pack("hello hello hello");
    let cases: Vec<(&str, String)> = vec![
        ("nothing", String::new()),
        ("plain JSON", r#"{"id":"a"}"#.into()),
        ("cut short", good.chars().take(3).collect()),
        ("a character added", format!("{good}\u{100}")),
        ("a control character", format!("\u{1}{good}")),
        ("above the packed range", format!("{good}\u{9000}")),
        ("announces more than it holds", {
            let mut chars: Vec<char> = good.chars().collect();
            chars[1] = char::from_u32(u32::from(chars[1]) + 1).unwrap();
            chars.into_iter().collect()
        }),
    ];
    for (name, text) in cases {
        assert!(unpack(&text).is_err(), "{name}: {:?}", unpack(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_text_round_trips(text in "\\PC{0,400}", repeat in 1usize..20) {
        let text = text.repeat(repeat);
        prop_assert_eq!(unpack(&pack(&text)), Ok(text));
    }

    #[test]
    fn unpack_never_panics(text in "\\PC{0,60}") {
        let _ = unpack(&text);
    }

    #[test]
    fn generated_books_round_trip_through_storage(book in arb_book()) {
        let stored = decode_keys(encode_keys(&book)).unwrap();
        let stored = stored.expect("a saved book is never empty: the meta key is there");
        prop_assert_eq!(&stored.book, &book);
        prop_assert!(stored.unreadable.is_empty());
        prop_assert_eq!(stored.migrated_from, None);
        // Saved again with nothing changed, nothing is written.
        prop_assert!(plan(&stored.book, &stored.saved, &Dirty::default(), 1).is_empty());
    }
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn add(book: &mut Book, id: &str, name: &str, notes: &str) {
    book.apply(Command::AddContact(NewContact {
        id: ContactId::new(id),
        name: name.into(),
        notes: notes.into(),
        met_on: day("2025-01-02"),
        updated_at: 7,
        ..NewContact::default()
    }))
    .unwrap();
}

/// Books with an edge each, through every stored key and back.
#[test]
fn edge_case_books_round_trip() {
    let mut unicode = Book::default();
    add(
        &mut unicode,
        "u",
        "Zoë 日本 👩‍💻",
        "«notes» \"quoted\"\nnew line\u{2028}",
    );
    let mut big = Book::default();
    add(
        &mut big,
        "big",
        "Max Notes",
        &"é日👋 long notes ".repeat(20_000),
    );
    let mut deleted = Book::default();
    add(&mut deleted, "keep", "Kept", "");
    add(&mut deleted, "gone", "Gone", "");
    let mut many = Book::default();
    for i in 0..500 {
        add(
            &mut many,
            &format!("c{i:05}"),
            &format!("Person {i}"),
            "met at the fair",
        );
    }
    let cases = [
        ("empty book", Book::default()),
        ("unicode", unicode),
        ("max-size notes", big),
        ("many contacts over every shard", many),
        ("with a tombstone", deleted),
    ];
    for (name, book) in cases {
        let mut store: BTreeMap<String, String> = encode_keys(&book).into_iter().collect();
        let mut book = book;
        if name == "with a tombstone" {
            let stored = decode_keys(store.clone()).unwrap().unwrap();
            book.apply(Command::DeleteContact(ContactId::new("gone")))
                .unwrap();
            let dirty = Dirty::Contacts([ContactId::new("gone")].into());
            store.extend(plan(&book, &stored.saved, &dirty, 1_000).writes);
        }
        let stored = decode_keys(store.clone())
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .unwrap_or_else(|| panic!("{name}: read as empty"));
        assert_eq!(stored.book, book, "{name}");
        assert!(
            store.keys().all(|k| k == META_KEY
                || k.starts_with(SHARD_PREFIX)
                || k.starts_with(super::DIGEST_PREFIX)),
            "{name}: {:?}",
            store.keys().collect::<Vec<_>>()
        );
        assert!(store.len() <= 1 + 2 * SHARDS as usize, "{name}");
        if name == "with a tombstone" {
            assert_eq!(stored.saved.len(), 2, "{name}: the tombstone is stored");
        }
    }
}

/// Two ids that land in the same shard.
fn same_shard() -> (String, String) {
    let first = "n0".to_string();
    let shard = shard_of(&ContactId::new(&first));
    let second = (1..)
        .map(|i| format!("n{i}"))
        .find(|id| shard_of(&ContactId::new(id)) == shard)
        .unwrap();
    (first, second)
}

/// Two tabs each add a contact to the same shard and save before hearing from the other:
/// the second write holds only its own contact, so the first tab writes the shard again
/// with both.
#[test]
fn two_tabs_writing_the_same_shard_keep_both_contacts() {
    let (x, y) = same_shard();
    let mut store: BTreeMap<String, String> = encode_keys(&Book::default()).into_iter().collect();
    let open = |store: &BTreeMap<String, String>| {
        let s = decode_keys(store.clone()).unwrap().unwrap();
        (s.book, s.saved)
    };
    let (mut one, mut one_saved) = open(&store);
    let (mut two, mut two_saved) = open(&store);
    add(&mut one, &x, "From one", "");
    add(&mut two, &y, "From two", "");
    let dirty = |id: &str| Dirty::Contacts([ContactId::new(id)].into());
    let from_one = plan(&one, &one_saved, &dirty(&x), 10);
    store.extend(from_one.writes.clone());
    let from_two = plan(&two, &two_saved, &dirty(&y), 11);
    store.extend(from_two.writes.clone());
    one_saved.commit(from_one.clone());
    two_saved.commit(from_two.clone());
    // Each hears the other's shard.
    let key = shard_key(shard_of(&ContactId::new(&x)));
    let theirs = |plan: &Plan| {
        plan.writes
            .iter()
            .find(|(k, _)| *k == key)
            .unwrap()
            .1
            .clone()
    };
    let heard_by_two = merge_remote(&mut two, &mut two_saved, &key, Some(&theirs(&from_one)));
    assert_eq!(heard_by_two, Remote::KeepOurs(vec![ContactId::new(&y)]));
    let heard_by_one = merge_remote(&mut one, &mut one_saved, &key, Some(&theirs(&from_two)));
    assert_eq!(heard_by_one, Remote::KeepOurs(vec![ContactId::new(&x)]));
    assert_eq!(one.contact_count(), 2, "one took two's contact");
    assert_eq!(two.contact_count(), 2, "two took one's contact");
    // Both write the shard again; either way storage ends with both.
    let again = plan(&one, &one_saved, &dirty(&x), 12);
    store.extend(again.writes);
    let stored = decode_keys(store).unwrap().unwrap();
    assert_eq!(stored.book, one);
    assert_eq!(stored.book, two);
}

#[test]
fn a_shard_removed_by_another_tab_removes_its_contacts_here() {
    let (x, y) = same_shard();
    let mut book = Book::default();
    add(&mut book, &x, "X", "");
    add(&mut book, &y, "Y", "");
    add(&mut book, "other", "Other", "");
    let mut saved = decode_keys(encode_keys(&book)).unwrap().unwrap().saved;
    let key = shard_key(shard_of(&ContactId::new(&x)));
    assert_eq!(
        merge_remote(&mut book, &mut saved, &key, None),
        Remote::Applied
    );
    let left: Vec<&str> = book.contacts().map(|c| c.id.as_str()).collect();
    let other_shard = shard_of(&ContactId::new("other")) != shard_of(&ContactId::new(&x));
    assert_eq!(left.len(), if other_shard { 1 } else { 0 });
    // Garbage in a shard key is ignored, not half-applied.
    assert_eq!(
        merge_remote(&mut book, &mut saved, &key, Some("{not packed")),
        Remote::Ignored
    );
}

#[test]
fn shard_keys_are_fixed_and_spread() {
    assert_eq!(shard_key(0), "followup.s.00");
    assert_eq!(shard_key(63), "followup.s.63");
    assert!(is_data_key("followup.s.07"));
    let mut counts = [0usize; SHARDS as usize];
    for i in 0..6400 {
        counts[shard_of(&ContactId::new(format!("c{i:06}"))) as usize] += 1;
    }
    assert!(counts.iter().all(|n| (50..=150).contains(n)), "{counts:?}");
}
