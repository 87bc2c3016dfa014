//! The one persisted shape of the book: `{"version": N, ...the book's fields}` stored as
//! JSON under `STORAGE_KEY`.
//!
//! `decode` tells apart text that is not JSON, JSON of the wrong shape, and a snapshot
//! written by a newer version of the app (which must not be overwritten). Older versions
//! are migrated here. This module never touches storage itself; `storage.rs` does.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::book::Book;

/// The localStorage key. Stable: changing it would lose every student's data.
pub const STORAGE_KEY: &str = "followup.v1";

/// The version `encode` writes.
pub const VERSION: u32 = 1;

/// Why a stored snapshot could not be read. The stored text should be kept, not
/// overwritten, so nothing is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// The text is not JSON at all.
    NotJson(String),
    /// JSON, but not a Followup snapshot (or a damaged one).
    WrongShape(String),
    /// Written by a newer version of Followup than this one.
    Newer(u32),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotJson(detail) => write!(
                f,
                "Your saved contacts could not be read (the data is damaged: {detail}). \
                 They were kept as they are."
            ),
            SnapshotError::WrongShape(detail) => write!(
                f,
                "Your saved contacts are not in the expected format ({detail}). \
                 They were kept as they are."
            ),
            SnapshotError::Newer(version) => write!(
                f,
                "Your contacts were saved by a newer version of Followup (format {version}; \
                 this one reads up to {VERSION}). Reload the page to update."
            ),
        }
    }
}

impl std::error::Error for SnapshotError {}

#[derive(Serialize)]
struct Writing<'a> {
    version: u32,
    #[serde(flatten)]
    book: &'a Book,
}

#[derive(Deserialize)]
struct Reading {
    #[serde(flatten)]
    book: Book,
}

/// The JSON text to store.
pub fn encode(book: &Book) -> String {
    serde_json::to_string(&Writing {
        version: VERSION,
        book,
    })
    .expect("a book always serialises to JSON")
}

/// Reads stored text back into a book.
pub fn decode(text: &str) -> Result<Book, SnapshotError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| SnapshotError::NotJson(e.to_string()))?;
    let Some(object) = value.as_object() else {
        return Err(SnapshotError::WrongShape("expected an object".into()));
    };
    let version = match object.get("version").and_then(Value::as_u64) {
        Some(v) => u32::try_from(v).unwrap_or(u32::MAX),
        None => return Err(SnapshotError::WrongShape("no version number".into())),
    };
    if version > VERSION {
        return Err(SnapshotError::Newer(version));
    }
    if version == 0 {
        return Err(SnapshotError::WrongShape("version 0 does not exist".into()));
    }
    let reading: Reading =
        serde_json::from_value(value).map_err(|e| SnapshotError::WrongShape(e.to_string()))?;
    Ok(reading.book)
}

#[cfg(test)]
#[path = "snapshot_tests.rs"]
mod tests;
