//! App state: signals around domain values, the one effect that saves, and the listener
//! that merges changes saved by other tabs.
//!
//! `AppState` is provided once through context. Pages read `state.book` (a `Book`, never a
//! structure of signals) and change it only through [`AppState::apply`], which runs the
//! domain's reducer and notes which contacts the command touched. Saving is a single
//! effect: whenever the book changes it writes what changed (`snapshot::plan`); when the
//! write fails the book stays in memory, `save_error` says why, and the next change tries
//! again with everything still unsaved. Another tab's save arrives as a `storage` event and
//! is merged contact by contact (`snapshot::merge_remote`); forms keep what is being typed
//! because they copy the book once when they open.
//!
//! A large book is read in two steps when it can be: `start` decodes only the shards'
//! digests (`AppState::with_glance`, enough for the agenda's first frame), and the book
//! itself is decoded after that frame a part per task ([`AppState::read_in_steps`]), or
//! all that is left at once as soon as anything else needs it
//! ([`AppState::finish_loading`]).
//!
//! Time enters here and nowhere else in the views: `today` is refreshed when the page
//! becomes visible again and at local midnight, and [`AppState::now`] hands commands the
//! date and the instant of a change as one `Now`.

use crate::clock;
use crate::deferred;
use crate::domain::settings::Theme;
use crate::domain::snapshot::{self, Dirty, Glance, Remote, Saved};
use crate::domain::{Book, BookError, Command};
use crate::storage::{self, Damaged, Loaded};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The moment a command is made: the student's today and the instant, in milliseconds
/// since the Unix epoch (the contact's `updated_at`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub today: NaiveDate,
    pub at: i64,
}

/// Something about the stored data the user must know at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadNotice {
    /// The stored data could not be read; it was kept under `backup_key`. Nothing is saved
    /// until the user chooses to start fresh.
    Unreadable {
        reason: String,
        raw: String,
        backup_key: Option<String>,
    },
    /// Some contacts could not be read; the others loaded.
    Damaged(Damaged),
    /// Storage is disabled: nothing will survive a reload.
    Unavailable,
    /// A book is stored but the code that reads it ([`crate::deferred`]) could not be
    /// downloaded. Nothing is saved, so nothing stored changes, until a reload reads it.
    NotFetched,
    /// A save was found cut short (see `storage::finish_interrupted`): what was done about
    /// it, and what is stored for download when it could not be finished.
    CutShort {
        message: String,
        raw: Option<String>,
    },
}

/// What this tab knows about storage: what it last wrote or read, and what changed since.
#[derive(Default)]
struct Sync {
    saved: Saved,
    dirty: Dirty,
    /// Keys of an older layout, removed after the first complete save.
    obsolete: Vec<String>,
    /// The contacts the last save wrote, for the reminders' plan (taken by the saving
    /// effect).
    written: Dirty,
    /// Whether a save wrote since the saving effect last ran (a page may save at once,
    /// before the effect: capture, an import).
    wrote: bool,
    /// While another tab's save is under way (its journal is stored), the keys it wrote:
    /// merged once it is complete, never half-way.
    waiting: Option<Vec<String>>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub book: RwSignal<Book>,
    pub today: RwSignal<NaiveDate>,
    pub save_error: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<LoadNotice>>,
    /// Saving is held while unreadable data waits for the user's decision, or after
    /// another tab runs a newer version.
    pub saves_held: RwSignal<bool>,
    /// Whether the book is still to be read: the agenda draws its first frame from the
    /// digests ([`AppState::with_glance`]), and `book` meanwhile holds the meta key only
    /// (settings, profile, events, templates); see [`AppState::finish_loading`].
    pub reading: RwSignal<bool>,
    /// The digests' glance of the book, while it still says what the book says: from the
    /// start until the book first changes (the read itself changes nothing it shows), so
    /// the agenda drawn from it is not computed again when the book arrives.
    glance: StoredValue<Option<Glance>>,
    glanced: RwSignal<bool>,
    /// A book not read yet: the stored keys to decode it from.
    pending: StoredValue<Option<storage::Reading>>,
    sync: StoredValue<Sync>,
    /// Whether a save waits for the deferred module (`save_when_fetched`).
    fetching: StoredValue<bool>,
}

/// A load's result, ready for the signals.
struct Settled {
    book: Book,
    notice: Option<LoadNotice>,
    sync: Sync,
    held: bool,
    /// Something must be written at once (a migration, a repair, old tombstones).
    migrate: bool,
}

impl Settled {
    fn from(loaded: Loaded) -> Settled {
        let mut sync = Sync::default();
        let mut held = false;
        let (book, notice) = match loaded {
            Loaded::Empty | Loaded::Glance { .. } => (Book::default(), None),
            Loaded::Book { stored, damaged } => {
                let stored = *stored;
                sync.saved = stored.saved;
                // Old tombstones, shards with an unreadable line and shards without a
                // matching digest are written again.
                sync.dirty.add(sync.saved.stale_tombstones(clock::now_ms()));
                sync.dirty.add(stored.rewrite);
                sync.obsolete = stored.obsolete;
                if stored.migrated_from.is_some() {
                    sync.dirty = Dirty::All;
                }
                (stored.book, damaged.map(LoadNotice::Damaged))
            }
            Loaded::Unreadable {
                reason,
                raw,
                backup_key,
            } => {
                held = true;
                (
                    Book::default(),
                    Some(LoadNotice::Unreadable {
                        reason,
                        raw,
                        backup_key,
                    }),
                )
            }
            Loaded::Unavailable => (Book::default(), Some(LoadNotice::Unavailable)),
            Loaded::NotFetched => {
                held = true;
                (Book::default(), Some(LoadNotice::NotFetched))
            }
        };
        let migrate = sync.dirty != Dirty::default() || !sync.obsolete.is_empty();
        Settled {
            book,
            notice,
            sync,
            held,
            migrate,
        }
    }
}

impl AppState {
    /// Loads the book from storage (or, when its digests allow, only what the agenda's
    /// first frame needs: see [`AppState::finish_loading`]), starts the saving effect and
    /// listens to other tabs.
    pub fn start() -> AppState {
        // With a book stored, `crate::start` mounts the app once the deferred module is
        // here; it is missing only when its download failed, or on a first visit (nothing
        // to read).
        let loaded = match deferred::get() {
            Some(deferred) => (deferred.load)(),
            None if storage::has_data() => Loaded::NotFetched,
            None if storage::available() => Loaded::Empty,
            None => Loaded::Unavailable,
        };
        let (settled, pending) = match loaded {
            Loaded::Glance { glance, entries } => {
                let meta = Settled {
                    book: glance.meta.clone(),
                    notice: None,
                    sync: Sync::default(),
                    held: false,
                    migrate: false,
                };
                let reading = storage::Reading::new(entries);
                (meta, Some((*glance, reading)))
            }
            loaded => (Settled::from(loaded), None),
        };
        let later = pending.is_some();
        let (glance, pending) = pending.unzip();
        let (mut notice, mut held) = (settled.notice, settled.held);
        if let Some(cut) = storage::take_cut_short() {
            held |= cut.blocked;
            notice = notice.or(Some(LoadNotice::CutShort {
                message: cut.message,
                raw: cut.raw,
            }));
        }
        let state = AppState {
            book: RwSignal::new(settled.book),
            today: RwSignal::new(clock::today()),
            save_error: RwSignal::new(None),
            notice: RwSignal::new(notice),
            saves_held: RwSignal::new(held),
            reading: RwSignal::new(later),
            glance: StoredValue::new(glance),
            glanced: RwSignal::new(later),
            pending: StoredValue::new(pending),
            sync: StoredValue::new(settled.sync),
            fetching: StoredValue::new(false),
        };
        state.save_on_change();
        state.listen_to_other_tabs();
        state.keep_today_current();
        state.follow_theme();
        state.ask_for_persistence_once();
        CURRENT.set(Some(state));
        if settled.migrate {
            // A migration, a repair or old tombstones to drop: written after the first
            // frame, so a start that rewrites the whole book (the first after an upgrade)
            // still draws at once. The stored data stays as it was until then.
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        state.save_now();
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
        if later {
            // The agenda finishes the read after its first frame; this covers a page that
            // draws no frame (hidden) or shows no agenda.
            set_timeout(
                move || state.read_in_steps(),
                std::time::Duration::from_secs(1),
            );
        }
        state
    }

    /// Decodes the book from the keys read at start, if that is still to do: anything
    /// about to read or change the book calls it first (commands, another tab's change,
    /// every other page). The agenda drawn from the glance equals the book's, so the page
    /// does not change.
    pub fn finish_loading(&self) {
        while self.read_step() {}
    }

    /// Decodes the rest of the book a part per task ([`storage::read_some`]), after the
    /// agenda's first frame: no task of a start is long on a phone, and a tap between two
    /// parts runs at once ([`AppState::finish_loading`] reads what is left first).
    pub fn read_in_steps(&self) {
        if self.read_step() {
            let state = *self;
            next_task(move || state.read_in_steps());
        }
    }

    /// Decodes one part of the book still to read; whether parts are left.
    fn read_step(&self) -> bool {
        // A glance comes from the deferred module's `load`: whenever one is pending, the
        // module is here.
        let Some(deferred) = deferred::get() else {
            return false;
        };
        let step = self
            .pending
            .try_update_value(|p| p.as_mut().map(deferred.read_some))
            .flatten();
        match step {
            None => false,
            Some(None) => true,
            Some(Some(loaded)) => {
                self.pending.set_value(None);
                self.settle_read(loaded);
                false
            }
        }
    }

    /// The book of a glance, read.
    fn settle_read(&self, loaded: Loaded) {
        let settled = Settled::from(loaded);
        self.sync.set_value(settled.sync);
        if settled.held {
            self.saves_held.set(true);
        }
        if settled.notice.is_some() {
            // Contacts the glance counted may have been left out (unreadable lines).
            self.forget_glance();
            self.notice.set(settled.notice);
        }
        self.book.set(settled.book);
        self.reading.set(false);
        crate::perf::mark("followup:book");
        if settled.migrate {
            self.save_now();
        }
    }

    /// This state with its own `today` set to `day`, for drawing another day's agenda off
    /// the page (`crate::picture`); the book and everything else are shared.
    pub fn on_day(&self, day: NaiveDate) -> AppState {
        AppState {
            today: RwSignal::new(day),
            ..*self
        }
    }

    /// `f` of the book's glance while it says what the book says (see [`AppState::glance`]);
    /// `None` once the book has changed since the start. Tracked: a memo that calls it
    /// runs again then.
    pub fn with_glance<T>(&self, f: impl FnOnce(&Glance) -> T) -> Option<T> {
        if !self.glanced.get() {
            return None;
        }
        self.glance.with_value(|g| g.as_ref().map(f))
    }

    /// The book is about to change: the glance no longer says what it says.
    fn forget_glance(&self) {
        if self.glanced.get_untracked() {
            self.glanced.set(false);
            self.glance.set_value(None);
        }
    }

    /// Today and this instant, for a command about to be made. Reading `today` here does
    /// not subscribe the caller.
    pub fn now(&self) -> Now {
        self.refresh_today();
        Now {
            today: self.today.get_untracked(),
            at: clock::now_ms(),
        }
    }

    /// Reads the date again; the agenda and every page move on when it changed.
    pub fn refresh_today(&self) {
        let today = clock::today();
        if self.today.get_untracked() != today {
            self.today.set(today);
        }
    }

    /// Keeps `today` right in a page left open: when it becomes visible again (a phone
    /// unlocked, an installed app brought back) and at each local midnight.
    fn keep_today_current(self) {
        use wasm_bindgen::{closure::Closure, JsCast};
        let on_visible = Closure::<dyn Fn()>::new(move || {
            if !document().hidden() {
                self.refresh_today();
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
        // The listener lives as long as the app.
        on_visible.forget();
        self.at_next_midnight();
    }

    fn at_next_midnight(self) {
        // A little after midnight, so the new date has surely begun; timers sleep with
        // the device, which the visibility listener covers.
        let wait = clock::ms_until_midnight() + 1_000;
        set_timeout(
            move || {
                self.refresh_today();
                self.at_next_midnight();
            },
            std::time::Duration::from_millis(wait as u64),
        );
    }

    /// Applies the theme chosen in Settings: `data-theme` on `<html>` (the stylesheet
    /// follows the system when it is absent) and the browser's bar colour.
    fn follow_theme(self) {
        let book = self.book;
        Effect::new(move || {
            let theme = book.with(|b| b.settings().theme);
            let Some(root) = document().document_element() else {
                return;
            };
            let (attribute, bar) = match theme {
                Theme::System => (None, None),
                Theme::Light => (Some("light"), Some(LIGHT_BAR)),
                Theme::Dark => (Some("dark"), Some(DARK_BAR)),
            };
            match attribute {
                Some(value) => {
                    let _ = root.set_attribute("data-theme", value);
                }
                None => {
                    let _ = root.remove_attribute("data-theme");
                }
            }
            // index.html has one theme-color per scheme; a chosen theme sets both.
            for (scheme, default) in [("light", LIGHT_BAR), ("dark", DARK_BAR)] {
                let css = format!("meta[name=theme-color][media*={scheme}]");
                if let Ok(Some(meta)) = document().query_selector(&css) {
                    let _ = meta.set_attribute("content", bar.unwrap_or(default));
                }
            }
        });
    }

    /// Runs one command through the domain's reducer. On error nothing changes.
    pub fn apply(&self, command: Command) -> Result<(), BookError> {
        self.finish_loading();
        self.forget_glance();
        let touched = self
            .book
            .with_untracked(|book| snapshot::touched_contacts(&command, book));
        let mut result = Ok(());
        self.book.maybe_update(|book| {
            result = book.apply(command);
            result.is_ok()
        });
        if result.is_ok() {
            self.sync.update_value(|s| s.dirty.add(touched));
        }
        result
    }

    /// After unreadable data was kept (backed up or downloaded): removes it from the live
    /// keys and saves the book in memory in its place.
    pub fn start_fresh(&self) {
        self.finish_loading();
        storage::clear_data();
        self.sync.update_value(|s| {
            s.saved = Saved::default();
            s.dirty = Dirty::All;
            s.obsolete.clear();
        });
        self.saves_held.set(false);
        self.notice.set(None);
        self.save_now();
    }

    fn save_on_change(self) {
        let book = self.book;
        Effect::new(move |previous: Option<()>| {
            book.track();
            if previous.is_none() {
                return; // The first run is the book just loaded: nothing new to save.
            }
            // A page may have saved this change itself before this effect ran (capture,
            // an import): what that save wrote is not told apart here.
            let saved_before = self
                .sync
                .try_update_value(|s| std::mem::take(&mut s.wrote))
                .unwrap_or(false);
            self.take_written();
            // Then the service worker's plan of morning reminders, which follows every
            // change this tab saves (the deferred module is here for any book with
            // contacts), told which contacts the save wrote (none known, as after a page's
            // own save or a change of settings: it looks at every contact). A book just
            // read, or another tab's change merged, saves nothing here: the plan is the
            // one the tab that saved it wrote.
            let saved = self.save_now();
            self.sync.update_value(|s| s.wrote = false);
            if saved || saved_before {
                if let Some(deferred) = deferred::get() {
                    (deferred.after_change)(self, &self.take_written());
                }
            }
        });
    }

    /// The contacts the last successful save wrote, if not taken yet.
    fn take_written(&self) -> Dirty {
        self.sync
            .try_update_value(|s| std::mem::take(&mut s.written))
            .unwrap_or_default()
    }

    /// Writes what changed since the last successful save; whether anything was written.
    pub fn save_now(&self) -> bool {
        // Until the book is read, `book` holds no contacts: nothing may be saved from it.
        if self.saves_held.get_untracked() || self.pending.with_value(Option::is_some) {
            return false;
        }
        let Some(deferred) = deferred::get() else {
            // The first change of a first visit: the deferred module is fetched (from the
            // service worker's cache once installed), then everything unsaved is written.
            self.save_when_fetched();
            return false;
        };
        // A save cut short, by a page closed mid-save or by another tab saving now, is
        // finished first and merged: this save never writes over half of another.
        if let Some(cut) = (deferred.finish_interrupted)() {
            if cut.blocked {
                self.save_error.set(Some(format!(
                    "Couldn't save — {} Your changes are kept while this page stays open.",
                    cut.message
                )));
                return false;
            }
            if cut.raw.is_some() {
                self.notice.set(Some(LoadNotice::CutShort {
                    message: cut.message,
                    raw: cut.raw,
                }));
            }
            let waiting = self
                .sync
                .try_update_value(|s| s.waiting.take())
                .flatten()
                .unwrap_or_default();
            let keys = cut.keys.into_iter().chain(waiting).collect();
            if self.merge_stored(keys).is_none() {
                return false;
            }
        }
        let now = clock::now_ms();
        let plan = self.book.with_untracked(|book| {
            self.sync
                .with_value(|s| (deferred.plan)(book, &s.saved, &s.dirty, now))
        });
        if plan.is_empty() && self.sync.with_value(|s| s.obsolete.is_empty()) {
            self.save_error.set(None);
            return false;
        }
        let obsolete = self.sync.with_value(|s| s.obsolete.clone());
        match (deferred.write)(&plan, &obsolete) {
            Ok(()) => {
                self.sync.update_value(|s| {
                    s.saved.commit(plan);
                    s.written = std::mem::take(&mut s.dirty);
                    s.obsolete.clear();
                    s.wrote = true;
                });
                if self.save_error.get_untracked().is_some() {
                    self.save_error.set(None);
                }
                true
            }
            Err(e) => {
                self.save_error.set(Some(format!(
                    "Couldn't save — {e}. Your changes are kept while this page stays open; \
                     export a backup from Settings."
                )));
                false
            }
        }
    }

    /// Fetches the deferred module, then saves; once at a time. When the fetch fails the
    /// book stays in memory, `save_error` says so, and the next change tries again.
    fn save_when_fetched(&self) {
        if self.fetching.get_value() {
            return;
        }
        self.fetching.set_value(true);
        let state = *self;
        leptos::task::spawn_local(async move {
            let fetched = deferred::load().await;
            state.fetching.set_value(false);
            match fetched {
                Ok(_) => {
                    state.save_now();
                }
                Err(e) => state.save_error.set(Some(format!(
                    "Couldn't save — {e}. Your changes are kept while this page stays open."
                ))),
            }
        });
    }

    /// Once the book holds a contact, asks the browser to keep the data (Safari deletes a
    /// site's storage after 7 days without a visit unless it is installed or persisted).
    fn ask_for_persistence_once(self) {
        let book = self.book;
        Effect::new(move |asked: Option<bool>| {
            if asked == Some(true) {
                return true;
            }
            if book.with(|b| b.contact_count() == 0) {
                return false;
            }
            leptos::task::spawn_local(async {
                storage::request_persistence().await;
            });
            true
        });
    }

    fn listen_to_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let Some(key) = event.key() else {
                return; // Storage was cleared wholesale; our next save writes again.
            };
            if !snapshot::is_data_key(&key) {
                return;
            }
            let value = event.new_value();
            if key == snapshot::JOURNAL_KEY {
                // Another tab began a save (its journal) or completed it (removed it).
                if value.is_some() {
                    self.sync.update_value(|s| {
                        if s.waiting.is_none() {
                            s.waiting = Some(Vec::new());
                        }
                    });
                } else {
                    self.merge_waiting();
                }
                return;
            }
            let mut waits = false;
            self.sync.update_value(|s| {
                if let Some(keys) = s.waiting.as_mut() {
                    keys.push(key.clone());
                    waits = true;
                }
            });
            if waits {
                return;
            }
            self.heard(key, value);
        });
        // The listener lives as long as the app.
        std::mem::forget(handle);
    }

    /// Another tab's save is complete: merges what it wrote, each key as it is now.
    fn merge_waiting(self) {
        let keys = self
            .sync
            .try_update_value(|s| s.waiting.take())
            .flatten()
            .unwrap_or_default();
        if keys.is_empty() {
            return;
        }
        let merge = move || {
            if self.merge_stored(keys) == Some(true) {
                self.save_now();
            }
        };
        if deferred::get().is_some() {
            merge();
        } else {
            leptos::task::spawn_local(async move {
                if deferred::load().await.is_ok() {
                    merge();
                }
            });
        }
    }

    /// Merges `keys` as they are stored now (another tab's save, complete). Whether this
    /// tab must write some of its contacts again; `None` when the other tab runs a newer
    /// version (saves are then held).
    fn merge_stored(self, keys: Vec<String>) -> Option<bool> {
        let mut again = false;
        for key in merged_once(keys) {
            let value = storage::read_raw(&key);
            match self.merge_key(key, value) {
                Remote::KeepOurs(_) => again = true,
                Remote::Newer(_) => {
                    self.hold_for_newer();
                    return None;
                }
                Remote::Applied | Remote::Ignored => {}
            }
        }
        Some(again)
    }

    /// Merges another tab's change to `key`, once the deferred module is here.
    fn heard(self, key: String, value: Option<String>) {
        if deferred::get().is_some() {
            self.merge_remote(key, value);
        } else {
            // Another tab saved before this one read or wrote anything: merged once
            // the deferred module is here, in the order the changes came (the tasks
            // wait on the same fetch). Should it fail, the next start reads everything.
            leptos::task::spawn_local(async move {
                if deferred::load().await.is_ok() {
                    self.merge_remote(key, value);
                }
            });
        }
    }

    /// Another tab runs a newer version of the app: nothing more is saved from this one.
    fn hold_for_newer(self) {
        self.saves_held.set(true);
        self.save_error.set(Some(
            "Followup was updated in another tab. Reload this page before making \
             changes here; nothing from this tab will be saved until then."
                .into(),
        ));
    }

    /// Merges another tab's write of `key` (its new `value`, `None` when removed), and
    /// saves what this tab must write again.
    fn merge_remote(self, key: String, value: Option<String>) {
        match self.merge_key(key, value) {
            Remote::KeepOurs(_) => {
                self.save_now();
            }
            Remote::Newer(_) => self.hold_for_newer(),
            Remote::Applied | Remote::Ignored => {}
        }
    }

    /// Merges another tab's write of `key` into the book; contacts this tab must write
    /// again are marked dirty, not saved.
    fn merge_key(self, key: String, value: Option<String>) -> Remote {
        let Some(deferred) = deferred::get() else {
            return Remote::Ignored;
        };
        // Merged into the whole book, never into the meta-only one of a glance.
        self.finish_loading();
        self.forget_glance();
        if self.saves_held.get_untracked() {
            return Remote::Ignored;
        }
        let mut outcome = Remote::Ignored;
        self.book.maybe_update(|book| {
            self.sync.update_value(|s| {
                outcome = (deferred.merge_remote)(book, &mut s.saved, &key, value.as_deref());
                if let Remote::KeepOurs(ids) = &outcome {
                    s.dirty.add(ids.iter().cloned());
                }
            });
            // Keeping ours for some contacts of a shard may come with their changes to
            // its others: the book may have changed either way.
            matches!(outcome, Remote::Applied | Remote::KeepOurs(_))
        });
        outcome
    }
}

/// `keys` in the order first heard, each once.
fn merged_once(keys: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut once: Vec<String> = Vec::new();
    for key in keys {
        if !once.contains(&key) {
            once.push(key);
        }
    }
    once
}

/// Runs `f` in a task of its own, as soon as the browser is free: `scheduler.postTask`
/// where there is one (a chain of timeouts waits at least 4 ms a link after the fifth),
/// else a timeout.
fn next_task(f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let scheduler = js_sys::Reflect::get(&window(), &"scheduler".into())
        .ok()
        .filter(|s| s.is_object());
    let post_task = scheduler.as_ref().and_then(|s| {
        js_sys::Reflect::get(s, &"postTask".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    match (scheduler, post_task) {
        (Some(scheduler), Some(post_task)) => {
            let _ = post_task.call1(&scheduler, &Closure::once_into_js(f));
        }
        _ => set_timeout(f, std::time::Duration::ZERO),
    }
}

/// A new id for a contact or an event, made at the edge.
pub fn new_id() -> String {
    clock::new_id()
}

/// The browser bar's colour per scheme (as in index.html).
const LIGHT_BAR: &str = "#0f766e";
const DARK_BAR: &str = "#121715";

thread_local! {
    /// The app's state, for code that runs outside any view (a timer of the deferred
    /// module's).
    static CURRENT: std::cell::Cell<Option<AppState>> = const { std::cell::Cell::new(None) };
}

/// The app's state once it has started.
pub fn current() -> Option<AppState> {
    CURRENT.get()
}

/// The app state provided by `App`.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
