//! App state: signals around domain values, and the one effect that saves.
//!
//! `AppState` is provided once through context. Pages read `state.book` (a `Book`, never a
//! structure of signals) and change it only through [`AppState::apply`], which runs the
//! domain's reducer. Saving is a single effect that writes the snapshot whenever the book
//! changes; when the write fails the book stays in memory, `save_error` says why, and the
//! next change tries again.

use crate::clock;
use crate::domain::{Book, BookError, Command};
use crate::storage::{self, Loaded};
use chrono::NaiveDate;
use leptos::prelude::*;

/// Something about the stored data the user must know at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadNotice {
    /// The stored data could not be read; it was kept under `backup_key`.
    Unreadable {
        reason: String,
        raw: String,
        backup_key: Option<String>,
    },
    /// Storage is disabled: nothing will survive a reload.
    Unavailable,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub book: RwSignal<Book>,
    pub today: RwSignal<NaiveDate>,
    pub save_error: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<LoadNotice>>,
}

impl AppState {
    /// Loads the book from storage and starts the saving effect.
    pub fn start() -> AppState {
        let (book, notice) = match storage::load(&clock::now_ms().to_string()) {
            Loaded::Empty => (Book::default(), None),
            Loaded::Book(book) => (book, None),
            Loaded::Unreadable {
                reason,
                raw,
                backup_key,
            } => (
                Book::default(),
                Some(LoadNotice::Unreadable {
                    reason,
                    raw,
                    backup_key,
                }),
            ),
            Loaded::Unavailable => (Book::default(), Some(LoadNotice::Unavailable)),
        };
        let state = AppState {
            book: RwSignal::new(book),
            today: RwSignal::new(clock::today()),
            save_error: RwSignal::new(None),
            notice: RwSignal::new(notice),
        };
        state.save_on_change();
        state
    }

    /// Runs one command through the domain's reducer. On error nothing changes.
    pub fn apply(&self, command: Command) -> Result<(), BookError> {
        let mut result = Ok(());
        self.book.maybe_update(|book| {
            result = book.apply(command);
            result.is_ok()
        });
        result
    }

    fn save_on_change(self) {
        let book = self.book;
        let save_error = self.save_error;
        Effect::new(move |previous: Option<()>| {
            book.track();
            if previous.is_none() {
                return; // The first run is the book just loaded: nothing new to save.
            }
            let result = book.with_untracked(storage::save);
            save_error.set(result.err().map(|e| format!("Couldn't save — {e}. Your changes are kept while this page stays open; export a backup.")));
        });
    }
}

/// The app state provided by `App`.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
