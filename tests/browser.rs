//! Browser tests: the storage adapter against the real localStorage of headless Chromium.
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
    assert!(matches!(storage::load("t"), Loaded::Empty));
}

#[wasm_bindgen_test]
fn a_saved_book_loads_back_unchanged() {
    clear();
    let book = book_with(&["Ana López", "Kwame Mensah", "Zoë 🌱"]);
    let plan = snapshot::plan(&book, &Saved::default(), &Dirty::All, 1);
    storage::write(&plan).unwrap();
    match storage::load("t") {
        Loaded::Book { stored, damaged } => {
            assert_eq!(stored.book, book);
            assert_eq!(damaged, None);
        }
        other => panic!("expected the saved book, got {other:?}"),
    }
    assert!(storage::bytes_used() > 0);
}

#[wasm_bindgen_test]
fn version_one_data_loads_for_migration() {
    clear();
    let book = book_with(&["Ana López"]);
    storage::write_raw(LEGACY_KEY, &snapshot::encode(&book)).unwrap();
    match storage::load("t") {
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

#[wasm_bindgen_test]
fn a_damaged_contact_is_backed_up_and_the_rest_loads() {
    clear();
    let book = book_with(&["Ana López", "Kwame Mensah"]);
    storage::write(&snapshot::plan(&book, &Saved::default(), &Dirty::All, 1)).unwrap();
    storage::write_raw("followup.c.broken", "{\"id\":").unwrap();
    match storage::load("9") {
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
        (META_KEY, r#"{"version": 3, "events": []}"#, "newer version"),
    ] {
        clear();
        storage::write_raw(key, raw).unwrap();
        match storage::load("42") {
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
