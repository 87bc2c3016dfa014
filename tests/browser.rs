//! Browser tests: the storage adapter against the real localStorage of headless Chromium.
//!
//! Run by `cargo xtask test` through wasm-bindgen-test-runner and chromedriver. Each test
//! clears the keys it uses, so the tests do not depend on each other's order.
#![cfg(target_arch = "wasm32")]

use followup::domain::snapshot::STORAGE_KEY;
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
    storage::save(&book).unwrap();
    match storage::load("t") {
        Loaded::Book(loaded) => assert_eq!(loaded, book),
        other => panic!("expected the saved book, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn unreadable_data_is_backed_up_before_anything_else() {
    for (raw, why) in [
        ("{not json", "broken JSON"),
        ("[1,2,3]", "wrong shape"),
        (r#"{"version": 999}"#, "newer version"),
    ] {
        clear();
        storage::write_raw(STORAGE_KEY, raw).unwrap();
        match storage::load("42") {
            Loaded::Unreadable {
                raw: kept,
                backup_key: Some(key),
                ..
            } => {
                assert_eq!(kept, raw, "{why}");
                assert_eq!(
                    storage::read_raw(&key).as_deref(),
                    Some(raw),
                    "{why}: backup holds the original"
                );
                assert_eq!(
                    storage::read_raw(STORAGE_KEY).as_deref(),
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
