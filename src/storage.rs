//! The storage adapter: the only code that touches localStorage.
//!
//! The whole book is one JSON snapshot (`domain::snapshot`) under one versioned key. Reading
//! never destroys data: text that cannot be decoded (broken JSON, a wrong shape, or a newer
//! version of the app) is first copied to a backup key, and the app starts empty only after
//! telling the user. Writing never panics: when storage is missing or full the error is
//! returned for the UI to show, and the book stays in memory.

use crate::domain::snapshot::{self, STORAGE_KEY};
use crate::domain::Book;
use gloo_storage::{LocalStorage, Storage};

/// What was found in storage at start-up.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Empty,
    /// The stored book.
    Book(Book),
    /// Stored text that this version cannot read. It was copied to `backup_key` (when
    /// storage allowed it) and is kept in `raw` so the user can download it.
    Unreadable {
        reason: String,
        raw: String,
        backup_key: Option<String>,
    },
    /// localStorage itself is unavailable (disabled, or a private mode that forbids it).
    Unavailable,
}

/// Why a save failed.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// localStorage is disabled or missing.
    Unavailable,
    /// The browser refused the write, usually because the quota is full.
    Refused(String),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Unavailable => {
                write!(f, "this browser does not allow the app to store data")
            }
            SaveError::Refused(why) => write!(f, "the browser refused to store more data ({why})"),
        }
    }
}

/// Whether localStorage can be used at all. gloo's `raw()` panics without it, so every
/// access goes through this check first.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// Reads the stored book; see [`Loaded`]. `backup_suffix` makes the backup key unique
/// (the caller passes the current time).
pub fn load(backup_suffix: &str) -> Loaded {
    if !available() {
        return Loaded::Unavailable;
    }
    let Some(raw) = read_raw(STORAGE_KEY) else {
        return Loaded::Empty;
    };
    match snapshot::decode(&raw) {
        Ok(book) => Loaded::Book(book),
        Err(error) => {
            let key = format!("{STORAGE_KEY}.unreadable.{backup_suffix}");
            let backup_key = LocalStorage::raw()
                .set_item(&key, &raw)
                .is_ok()
                .then_some(key);
            Loaded::Unreadable {
                reason: error.to_string(),
                raw,
                backup_key,
            }
        }
    }
}

/// Writes the book under the one key.
pub fn save(book: &Book) -> Result<(), SaveError> {
    write_raw(STORAGE_KEY, &snapshot::encode(book))
}

/// The text stored under `key`, if any.
pub fn read_raw(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Stores `value` under `key`.
pub fn write_raw(key: &str, value: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw().set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        SaveError::Refused(name.unwrap_or_else(|| "unknown error".into()))
    })
}

/// Removes `key` (used by tests and by "start fresh").
pub fn remove(key: &str) {
    if available() {
        let _ = LocalStorage::raw().remove_item(key);
    }
}
