//! Browser tests: the storage adapter against the real localStorage of headless Chromium,
//! and the router's routes (`routes::Page`), which only compile for wasm32.
//!
//! Run by `cargo xtask test` through wasm-bindgen-test-runner and chromedriver. Each test
//! clears the keys it uses, so the tests do not depend on each other's order.
#![cfg(target_arch = "wasm32")]

use followup::domain::snapshot::{self, Dirty, Saved, LEGACY_KEY, META_KEY};
use followup::domain::{Book, Command};
use followup::domain::{ContactId, NewContact};
use followup::storage::{self, Loaded};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
}

fn book_with(names: &[&str]) -> Book {
    let mut book = Book::default();
    for (i, name) in names.iter().enumerate() {
        let fields = NewContact {
            id: ContactId::new(format!("id-{i}")),
            name: name.to_string(),
            met_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            updated_at: 1,
            ..NewContact::default()
        };
        book.apply(Command::AddContact(fields)).unwrap();
    }
    book
}

#[wasm_bindgen_test]
fn empty_storage_loads_as_a_first_visit() {
    clear();
    assert!(storage::available());
    assert!(matches!(storage::load(), Loaded::Empty));
}

#[wasm_bindgen_test]
fn a_saved_book_loads_back_unchanged() {
    clear();
    let book = book_with(&["Ana López", "Kwame Mensah", "Zoë 🌱"]);
    let plan = snapshot::plan(&book, &Saved::default(), &Dirty::All, 1);
    storage::write(&plan, &[]).unwrap();
    // The digests match: the glance first, the book read from the same keys after.
    let entries = match storage::load() {
        Loaded::Glance { glance, entries } => {
            assert_eq!(glance.count, 3);
            assert_eq!(glance.meta.settings(), book.settings());
            entries
        }
        other => panic!("expected a glance of the saved book, got {other:?}"),
    };
    let full = match storage::read(entries.clone()) {
        Loaded::Book { stored, .. } => stored,
        other => panic!("expected the saved book, got {other:?}"),
    };
    let mut reading = storage::Reading::new(entries);
    let read = loop {
        if let Some(loaded) = storage::read_some(&mut reading) {
            break loaded;
        }
    };
    match read {
        Loaded::Book { stored, damaged } => {
            assert_eq!(stored, full, "the same as a read that checks the digests");
            assert_eq!(stored.book, book);
            assert_eq!(damaged, None);
            assert!(stored.rewrite.is_empty(), "{:?}", stored.rewrite);
        }
        other => panic!("expected the saved book, got {other:?}"),
    }
    assert!(storage::bytes_used() > 0);
}

#[wasm_bindgen_test]
fn a_shard_without_its_digest_is_read_in_full_and_repaired() {
    clear();
    let book = book_with(&["Ana López", "Kwame Mensah", "Zoë 🌱"]);
    let plan = snapshot::plan(&book, &Saved::default(), &Dirty::All, 1);
    // A save cut short between a shard and its digest (or an older version's storage).
    let digest = plan
        .writes
        .iter()
        .find(|(k, _)| k.starts_with(snapshot::DIGEST_PREFIX))
        .map(|(k, _)| k.clone())
        .unwrap();
    storage::write(&plan, &[]).unwrap();
    storage::remove(&digest);
    match storage::load() {
        Loaded::Book { stored, .. } => {
            assert_eq!(stored.book, book);
            assert!(!stored.rewrite.is_empty(), "the shard is written again");
        }
        other => panic!("expected the full read, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn version_one_data_loads_for_migration() {
    clear();
    let book = book_with(&["Ana López"]);
    storage::write_raw(LEGACY_KEY, &snapshot::encode(&book)).unwrap();
    match storage::load() {
        Loaded::Book { stored, .. } => {
            assert_eq!(stored.book, book);
            assert_eq!(stored.migrated_from, Some(1));
            assert_eq!(stored.obsolete, [LEGACY_KEY]);
        }
        other => panic!("expected the version-1 book, got {other:?}"),
    }
    assert!(
        storage::read_raw(LEGACY_KEY).is_some(),
        "loading alone removes nothing"
    );
}

/// A version-2 book (one key per contact) is read, and the migration's save writes the
/// shards and the meta key and removes every old key.
#[wasm_bindgen_test]
fn version_two_data_is_migrated_to_shards() {
    clear();
    let book = book_with(&["Ana López", "Kwame Mensah", "Zoë 🌱"]);
    let meta = snapshot::plan(&book, &Saved::default(), &Dirty::All, 1)
        .writes
        .pop()
        .unwrap()
        .1
        .replace("\"version\":3", "\"version\":2");
    for contact in book.contacts() {
        let text = serde_json::to_string(contact).unwrap();
        storage::write_raw(&snapshot::contact_key(&contact.id), &text).unwrap();
    }
    storage::write_raw(snapshot::META_KEY, &meta).unwrap();
    let Loaded::Book { stored, .. } = storage::load() else {
        panic!("expected the version-2 book");
    };
    assert_eq!(stored.book, book);
    assert_eq!(stored.migrated_from, Some(2));
    assert_eq!(stored.obsolete.len(), 3);
    let plan = snapshot::plan(&stored.book, &stored.saved, &Dirty::All, 2);
    storage::write(&plan, &stored.obsolete).unwrap();
    for contact in book.contacts() {
        assert_eq!(storage::read_raw(&snapshot::contact_key(&contact.id)), None);
    }
    // Written with its digests: the next start glances first, then reads the book.
    let Loaded::Glance { entries, .. } = storage::load() else {
        panic!("expected the migrated book's glance");
    };
    let Loaded::Book { stored, .. } = storage::read(entries) else {
        panic!("expected the migrated book");
    };
    assert_eq!(stored.book, book);
    assert_eq!(stored.migrated_from, None);
}

#[wasm_bindgen_test]
fn a_damaged_contact_is_backed_up_and_the_rest_loads() {
    clear();
    let book = book_with(&["Ana López", "Kwame Mensah"]);
    storage::write(
        &snapshot::plan(&book, &Saved::default(), &Dirty::All, 1),
        &[],
    )
    .unwrap();
    storage::write_raw("followup.c.broken", "{\"id\":").unwrap();
    match storage::load() {
        Loaded::Book {
            stored,
            damaged: Some(damaged),
        } => {
            assert_eq!(stored.book, book);
            assert_eq!(damaged.count, 1);
            let key = damaged.backup_key.expect("backed up");
            assert!(storage::read_raw(&key)
                .unwrap()
                .contains("followup.c.broken"));
            assert_eq!(
                storage::read_raw("followup.c.broken"),
                None,
                "removed once kept"
            );
        }
        other => panic!("expected the book and one damaged contact, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn unreadable_data_is_backed_up_before_anything_else() {
    for (key, raw, why) in [
        (LEGACY_KEY, "{not json", "broken JSON (version 1)"),
        (LEGACY_KEY, "[1,2,3]", "wrong shape (version 1)"),
        (
            LEGACY_KEY,
            r#"{"version": 999}"#,
            "newer version (version 1 key)",
        ),
        (META_KEY, "{not json", "broken meta"),
        (META_KEY, r#"{"version": 4, "events": []}"#, "newer version"),
    ] {
        clear();
        storage::write_raw(key, raw).unwrap();
        match storage::load() {
            Loaded::Unreadable {
                raw: kept,
                backup_key: Some(backup),
                ..
            } => {
                let kept: serde_json::Value = serde_json::from_str(&kept).unwrap();
                assert_eq!(kept[key], raw, "{why}: the download holds the original");
                let backup_text = storage::read_raw(&backup).unwrap();
                let backed: serde_json::Value = serde_json::from_str(&backup_text).unwrap();
                assert_eq!(backed[key], raw, "{why}: backup holds the original");
                assert_eq!(
                    storage::read_raw(key).as_deref(),
                    Some(raw),
                    "{why}: original untouched"
                );
            }
            other => panic!("{why}: expected Unreadable with a backup, got {other:?}"),
        }
    }
}

/// The keys and texts of every kept copy of unreadable data.
fn copies() -> Vec<(String, String)> {
    storage::kept_copies()
        .into_iter()
        .map(|c| {
            let raw = storage::read_raw(&c.key).unwrap();
            (c.key, raw)
        })
        .collect()
}

#[wasm_bindgen_test]
fn reloading_unreadable_data_keeps_one_copy_and_never_grows_storage() {
    clear();
    storage::write_raw(META_KEY, "{not json").unwrap();
    let first = match storage::load() {
        Loaded::Unreadable {
            backup_key: Some(key),
            ..
        } => key,
        other => panic!("expected Unreadable with a copy, got {other:?}"),
    };
    let after_one = copies();
    for _ in 0..5 {
        match storage::load() {
            Loaded::Unreadable {
                backup_key: Some(key),
                ..
            } => assert_eq!(key, first),
            other => panic!("expected Unreadable with a copy, got {other:?}"),
        }
    }
    assert_eq!(copies(), after_one, "five reloads changed nothing");
    assert_eq!(after_one.len(), 1);
    // Start fresh removes the data, keeps the copy until the student deletes it.
    storage::clear_data();
    assert_eq!(storage::read_raw(META_KEY), None);
    assert_eq!(copies(), after_one);
    storage::delete_copy(&first);
    assert_eq!(copies(), []);
    clear();
}

#[wasm_bindgen_test]
fn copies_an_older_version_kept_by_time_are_folded_into_one_per_content() {
    clear();
    let raw = r#"{"followup.meta": "{not json"}"#;
    for time in ["1", "2", "3"] {
        storage::write_raw(&format!("followup.unreadable.{time}"), raw).unwrap();
    }
    storage::write_raw("followup.unreadable.4", "other").unwrap();
    assert!(matches!(storage::load(), Loaded::Empty));
    let kept = copies();
    let expected = [
        (followup::domain::kept::copy_key(raw), raw.to_string()),
        (
            followup::domain::kept::copy_key("other"),
            "other".to_string(),
        ),
    ];
    let mut expected = expected.to_vec();
    expected.sort();
    assert_eq!(kept, expected);
    clear();
}

#[wasm_bindgen_test]
fn room_for_an_import_is_measured_without_leaving_anything_behind() {
    clear();
    assert_eq!(storage::room_for(1_000_000), Ok(()));
    // Fill most of the quota, leaving well under a megabyte.
    let mut i = 0;
    let mut size = 1 << 20;
    while size >= 1 << 16 {
        if storage::write_raw(&format!("followup.test.fill.{i}"), &"x".repeat(size)).is_ok() {
            i += 1;
        } else {
            size /= 2;
        }
    }
    let before = storage::entries().len();
    let free = storage::room_for(4_000_000).expect_err("4 MB cannot fit");
    assert!(free < 4_000_000, "{free}");
    if free > 4_000 {
        assert_eq!(storage::room_for(2_000), Ok(()), "{free} bytes are free");
    }
    assert_eq!(
        storage::read_raw("followup.probe"),
        None,
        "the probe is removed"
    );
    assert_eq!(storage::entries().len(), before);
    clear();
}

#[wasm_bindgen_test]
fn a_refused_write_is_an_error_not_a_panic() {
    clear();
    // Fill the quota with one huge value; the browser must refuse it and we must report it.
    let huge = "x".repeat(12 * 1024 * 1024);
    match storage::write_raw("followup.test.huge", &huge) {
        Err(storage::SaveError::Refused(name)) => assert!(name.contains("Quota"), "{name}"),
        other => panic!("expected a refused write, got {other:?}"),
    }
    clear();
}

/// Makes localStorage refuse the `setItem` after the next `allowed` ones (as a full quota
/// would: putting back older, smaller texts then fits again), until [`refuse_nothing`].
fn refuse_after(allowed: usize) {
    js_sys::eval(&format!(
        "(() => {{ const p = Storage.prototype; window.__set = window.__set || p.setItem; \
         let n = 0; p.setItem = function (k, v) {{ \
         if (n++ === {allowed}) throw new DOMException('full', 'QuotaExceededError'); \
         return window.__set.call(this, k, v); }}; }})()"
    ))
    .unwrap();
}

fn refuse_nothing() {
    js_sys::eval("if (window.__set) Storage.prototype.setItem = window.__set;").unwrap();
}

/// Every key, sorted, as stored now.
fn stored_now() -> Vec<(String, String)> {
    let mut entries = storage::entries();
    entries.sort();
    entries
}

/// A book of three contacts saved, and a change that writes several shards.
fn saved_then_changed() -> (Book, snapshot::Plan) {
    clear();
    let book = book_with(&["Ana López", "Kwame Mensah", "Zoë 🌱"]);
    storage::write(
        &snapshot::plan(&book, &Saved::default(), &Dirty::All, 1),
        &[],
    )
    .unwrap();
    let Loaded::Glance { entries, .. } = storage::load() else {
        panic!("the saved book");
    };
    let Loaded::Book { stored, .. } = storage::read(entries) else {
        panic!("the saved book, read");
    };
    let more = book_with(&[
        "Ana López",
        "Kwame Mensah",
        "Zoë 🌱",
        "Ben",
        "Cleo",
        "Dev",
        "Eve",
    ]);
    let mut dirty = Dirty::default();
    dirty.add((3..7).map(|i| ContactId::new(format!("id-{i}"))));
    let plan = snapshot::plan(&more, &stored.saved, &dirty, 2);
    assert!(
        plan.writes.len() > 2,
        "several keys: {:?}",
        plan.writes.len()
    );
    (more, plan)
}

#[wasm_bindgen_test]
fn a_save_refused_part_way_puts_back_what_it_wrote() {
    for allowed in [0, 1, 2, 3] {
        let (_, plan) = saved_then_changed();
        let before = stored_now();
        refuse_after(allowed);
        let result = storage::write(&plan, &[]);
        refuse_nothing();
        match (allowed, &result) {
            (0, Err(storage::SaveError::NoRoomToSaveSafely { bytes })) => assert!(*bytes > 0),
            (_, Err(storage::SaveError::Refused(name))) => assert!(name.contains("Quota")),
            _ => panic!("refused after {allowed} writes: {result:?}"),
        }
        assert_eq!(stored_now(), before, "refused after {allowed} writes");
        assert_eq!(storage::read_raw(snapshot::JOURNAL_KEY), None);
    }
    clear();
}

#[wasm_bindgen_test]
fn a_save_cut_short_is_finished_by_the_next_start() {
    let (more, plan) = saved_then_changed();
    // The page closed after the journal and one shard.
    for op in plan.steps(&[]).iter().take(2) {
        let snapshot::Op::Set(key, text) = op else {
            panic!("the journal and a shard");
        };
        storage::write_raw(key, text).unwrap();
    }
    let entries = match storage::load() {
        Loaded::Glance { entries, .. } => entries,
        other => panic!("the book after the save: {other:?}"),
    };
    let Loaded::Book { stored, damaged } = storage::read(entries) else {
        panic!("the book, read");
    };
    assert_eq!(damaged, None);
    for op in plan.steps(&[]).iter().skip(1) {
        if let snapshot::Op::Set(key, text) = op {
            assert_eq!(
                storage::read_raw(key).as_deref(),
                Some(text.as_str()),
                "{key}"
            );
        }
    }
    let cut = storage::take_cut_short().expect("the start says so");
    assert!(stored.book == more, "the book after the save");
    assert!(
        cut.message.contains("(4 contacts) was cut short"),
        "{}",
        cut.message
    );
    assert!(!cut.blocked && cut.raw.is_none());
    assert_eq!(storage::read_raw(snapshot::JOURNAL_KEY), None);
    assert!(storage::take_cut_short().is_none(), "said once");
    clear();
}

// ---------------------------------------------------------------- the resume in IndexedDB

fn resume_of(name: &str, len: usize) -> followup::domain::resume::Resume {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..len as u32).map(|i| (i % 251) as u8));
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    followup::domain::resume::Resume::new(name, bytes, day).unwrap()
}

#[wasm_bindgen_test]
async fn the_resume_is_kept_replaced_and_removed_in_indexeddb() {
    use followup::resume_store;
    resume_store::remove().await.unwrap();
    assert_eq!(resume_store::load().await.unwrap(), None);
    let first = resume_of("Sam Lee CV.pdf", 300_000);
    resume_store::save(&first).await.unwrap();
    assert_eq!(resume_store::load().await.unwrap().as_ref(), Some(&first));
    let second = resume_of("résumé 2026.pdf", 1_999_000);
    resume_store::save(&second).await.unwrap();
    assert_eq!(resume_store::load().await.unwrap().as_ref(), Some(&second));
    // localStorage, kept for the book, is untouched by the resume.
    clear();
    assert_eq!(storage::bytes_used(), 0);
    assert_eq!(resume_store::load().await.unwrap(), Some(second));
    resume_store::remove().await.unwrap();
    assert_eq!(resume_store::load().await.unwrap(), None);
}

#[wasm_bindgen_test]
fn the_calendars_last_export_has_its_own_key_that_the_book_ignores() {
    use followup::domain::formats::ics_update::{update_ics, CALENDAR_KEY};
    clear();
    let book = book_with(&["Ana López", "Kwame Mensah"]);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let (_, record) = update_ics(&book, None, today, 1, "20261121T080000Z");
    assert_eq!(storage::calendar_export(), None);
    storage::save_calendar_export(&record).unwrap();
    assert_eq!(storage::calendar_export(), Some(record.clone()));
    // Not the book's: alone it is still a first visit, and a stored book loads unchanged.
    assert!(!storage::has_data());
    assert!(matches!(storage::load(), Loaded::Empty));
    let plan = snapshot::plan(&book, &Saved::default(), &Dirty::All, 1);
    storage::write(&plan, &[]).unwrap();
    let entries = storage::entries();
    assert!(entries.iter().any(|(k, _)| k == CALENDAR_KEY));
    match storage::read(entries) {
        Loaded::Book { stored, damaged } => {
            assert_eq!(stored.book, book);
            assert!(damaged.is_none());
        }
        other => panic!("expected the book, got {other:?}"),
    }
    // Text this version cannot read counts as never exported.
    storage::write_raw(CALENDAR_KEY, "not a record").unwrap();
    assert_eq!(storage::calendar_export(), None);
}

/// Each `<Route>`'s path is a `routes::Page`: it matches the paths of its page, with the
/// parameters by name, and no other page's (`contacts/new` is not a contact's id).
#[wasm_bindgen_test]
fn each_route_matches_the_paths_of_its_page_only() {
    use followup::routes::Page;
    use leptos_router::PossibleRouteMatch;
    for page in Page::ALL {
        let path = page
            .pattern()
            .replace(":id", "x9")
            .replace(":step", "email")
            .replace(":other", "y1");
        for route in Page::ALL {
            let matched = route.test(&path);
            assert_eq!(matched.is_some(), route == page, "{route:?} on {path}");
        }
    }
    let params = Page::Merge.test("/contacts/x9/merge/y1").unwrap().params();
    assert_eq!(
        params,
        vec![
            ("id".into(), "x9".to_string()),
            ("other".into(), "y1".to_string())
        ]
    );
    assert!(Page::Contact.test("/contacts/new").is_none());
    assert!(Page::Agenda.test("").is_some());
}
