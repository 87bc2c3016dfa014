//! The storage adapter: the only code that touches localStorage and the browser's storage
//! manager.
//!
//! The layout and its versions live in `domain::snapshot`; this module moves text in and
//! out. Reading never destroys data: text that cannot be decoded (broken JSON, a wrong
//! shape, or a newer version of the app) is first copied to a key named after its content
//! (`domain::kept`, `followup.unreadable.<hash>`: the same data is kept once however often
//! the page loads), and nothing is written over it until the user has been told. Kept
//! copies stay until the student deletes them in Settings. Writing never panics: gloo's `raw()` panics when storage is missing, so every
//! access checks [`available`] first, and a refused write (quota) comes back as a
//! [`SaveError`] for the UI to show while the book stays in memory.
//!
//! A save of several keys is atomic (`domain::snapshot`'s journal): [`write`] makes its
//! steps in order, puts back what a refused one wrote, and [`finish_interrupted`] finishes
//! a save found cut short, at start ([`load`]) and before this tab saves.

use crate::domain::formats::ics_update::{CalendarExport, CALENDAR_KEY};
use crate::domain::kept::{self, KeptCopy, COPY_PREFIX};
use crate::domain::picture::{Picture, PICTURE_KEY, REV_KEY};
use crate::domain::snapshot::{
    self, Glance, Op, Plan, Recovery, Stored, Unreadable, JOURNAL_KEY, KEY_PREFIX,
};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// What was found in storage at start-up.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Empty,
    /// The stored book. Contacts whose keys could not be read are left out and listed in
    /// `damaged`; their text was copied to `damaged.backup_key` (when storage allowed it)
    /// and then removed.
    Book {
        stored: Box<Stored>,
        damaged: Option<Damaged>,
    },
    /// Stored data that this version cannot read at all. It was copied to `backup_key`
    /// (when storage allowed it) and is kept in `raw` (a JSON object of key → text) so the
    /// user can download it. Nothing may be written until the user chooses to start fresh.
    Unreadable {
        reason: String,
        raw: String,
        backup_key: Option<String>,
    },
    /// localStorage itself is unavailable (disabled, or a private mode that forbids it).
    Unavailable,
    /// A book is stored, but the code that decodes it ([`crate::deferred`]) could not be
    /// downloaded: nothing was read, and nothing may be written.
    NotFetched,
    /// The book's digests match its shards: the agenda can be drawn from `glance` at once,
    /// and the book read from `entries` (every key, as read now) by [`read_some`] afterwards.
    Glance {
        glance: Box<Glance>,
        entries: Vec<(String, String)>,
    },
}

/// Contacts that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Damaged {
    pub count: usize,
    /// The reason for the first one.
    pub reason: String,
    /// A JSON object of key → stored text, for download.
    pub raw: String,
    pub backup_key: Option<String>,
}

/// Why a save failed.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// localStorage is disabled or missing.
    Unavailable,
    /// The browser refused the write, usually because the quota is full.
    Refused(String),
    /// The browser refused the journal, the copy of a save's writes made before any of
    /// them: nothing stored was changed.
    NoRoomToSaveSafely { bytes: usize },
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Unavailable => {
                write!(f, "this browser does not allow the app to store data")
            }
            SaveError::Refused(why) => write!(f, "the browser refused to store more data ({why})"),
            SaveError::NoRoomToSaveSafely { bytes } => write!(
                f,
                "there is no room to save safely: a save first keeps a copy of what it writes \
                 ({} KB here), and the browser refused it. Nothing stored was changed",
                // Whole kilobytes: no float formatting in the first load.
                bytes.div_ceil(1000)
            ),
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

/// Whether storage holds any of the book's keys (of any version), without reading them:
/// whether the start needs [`crate::deferred`].
pub fn has_data() -> bool {
    if !available() {
        return false;
    }
    let storage = LocalStorage::raw();
    let len = storage.length().unwrap_or(0);
    (0..len).any(|i| matches!(storage.key(i), Ok(Some(key)) if snapshot::is_data_key(&key)))
}

/// Every key starting with `prefix`, with its text, in storage order.
fn entries_under(prefix: &str) -> Vec<(String, String)> {
    if !available() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let len = storage.length().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..len {
        let Ok(Some(key)) = storage.key(i) else {
            continue;
        };
        if !key.starts_with(prefix) {
            continue;
        }
        if let Ok(Some(value)) = storage.get_item(&key) {
            out.push((key, value));
        }
    }
    out
}

/// Every key the app owns, with its text, in storage order; kept copies are not included.
pub fn entries() -> Vec<(String, String)> {
    let mut entries = entries_under(KEY_PREFIX);
    entries.retain(|(key, _)| !key.starts_with(COPY_PREFIX) && key != PICTURE_KEY);
    entries
}

/// The kept copies of unreadable data, in key order.
pub fn kept_copies() -> Vec<KeptCopy> {
    let copies = entries_under(COPY_PREFIX);
    kept::kept_copies(copies.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// Removes a kept copy (the student chose Delete in Settings).
pub fn delete_copy(key: &str) {
    if key.starts_with(COPY_PREFIX) {
        remove(key);
    }
}

/// Keeps `raw` under its content's key, unless that copy is already there. `None` when
/// the browser refused the write.
fn keep_copy(raw: &str) -> Option<String> {
    let key = kept::copy_key(raw);
    let present = read_raw(&key).as_deref() == Some(raw);
    (present || write_raw(&key, raw).is_ok()).then_some(key)
}

/// Folds copies an older version kept under time-stamped keys into one per content. A
/// copy is removed only after its content is safe under the new key.
fn tidy_copies() {
    let copies = entries_under(COPY_PREFIX);
    let tidy = kept::tidy(copies.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if tidy.writes.iter().all(|(k, v)| write_raw(k, v).is_ok()) {
        for key in &tidy.removes {
            remove(key);
        }
    }
}

/// Reads what is stored; see [`Loaded`]. When the digests allow it, only they are decoded
/// now ([`Loaded::Glance`]); the rest waits for [`read`].
pub fn load() -> Loaded {
    if !available() {
        return Loaded::Unavailable;
    }
    tidy_copies();
    // A save cut short is finished (or, when it cannot be, read as finished) before
    // anything is read: the book read is the one before it or the one after it.
    let cut = finish_interrupted();
    // The revision before the keys: a save by another tab in between changes it, so
    // this tab never keeps a picture of what it read under a later revision.
    let rev = read_raw(REV_KEY).or_else(|| {
        let rev = crate::clock::new_id();
        write_raw(REV_KEY, &rev).is_ok().then_some(rev)
    });
    REV.with(|r| r.replace(rev));
    let mut entries = entries();
    if let Some(cut) = &cut {
        entries = snapshot::overlay(entries, &cut.pending);
    }
    CUT_SHORT.with(|c| c.replace(cut));
    match snapshot::glance(entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
        Some(glance) => Loaded::Glance {
            glance: Box::new(glance),
            entries,
        },
        None => read(entries),
    }
}

/// Decodes the stored book from `entries` (every key, as [`load`] read them); never
/// [`Loaded::Glance`].
pub fn read(entries: Vec<(String, String)>) -> Loaded {
    decoded(
        snapshot::decode_keys(entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        &entries,
    )
}

/// The keys of a [`Loaded::Glance`], read into the book a part at a time by [`read_some`]:
/// their digests were checked when the glance was read, and are not decoded again.
pub struct Reading {
    /// The keys, until the first [`read_some`] splits them into parts.
    entries: Vec<(String, String)>,
    /// The parts still to decode, the next last.
    parts: Vec<Vec<(String, String)>>,
    /// The parts decoded, kept for the message should a later one fail.
    read: Vec<Vec<(String, String)>>,
    stored: Option<Stored>,
}

impl Reading {
    pub fn new(entries: Vec<(String, String)>) -> Reading {
        Reading {
            entries,
            parts: Vec::new(),
            read: Vec::new(),
            stored: None,
        }
    }
}

/// Shard text decoded in one call of [`read_some`]: about 5 ms of a phone's CPU.
const PART_BYTES: usize = 24 * 1024;

/// Decodes the next part of `reading`; the book ([`read`] of the same keys would give the
/// same) once the last part is decoded, `None` while parts are left.
pub fn read_some(reading: &mut Reading) -> Option<Loaded> {
    if !reading.entries.is_empty() {
        reading.parts = snapshot::glanced_parts(std::mem::take(&mut reading.entries), PART_BYTES);
        reading.parts.reverse();
    }
    if let Some(part) = reading.parts.pop() {
        match snapshot::decode_glanced(part.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
            Ok(Some(more)) => match reading.stored.as_mut() {
                Some(stored) => stored.absorb(more),
                None => reading.stored = Some(more),
            },
            Ok(None) => {}
            Err(error) => {
                let all: Vec<(String, String)> = reading
                    .read
                    .drain(..)
                    .chain(reading.parts.drain(..))
                    .chain(std::iter::once(part))
                    .flatten()
                    .collect();
                return Some(decoded(Err(error), &all));
            }
        }
        reading.read.push(part);
        if !reading.parts.is_empty() {
            return None;
        }
    }
    let stored = reading.stored.take().map(|mut stored| {
        stored.finish();
        stored
    });
    Some(decoded(Ok(stored), &[]))
}

fn decoded(
    result: Result<Option<Stored>, snapshot::SnapshotError>,
    entries: &[(String, String)],
) -> Loaded {
    match result {
        Ok(None) => Loaded::Empty,
        Ok(Some(mut stored)) => {
            let damaged = (!stored.unreadable.is_empty())
                .then(|| keep_damaged(std::mem::take(&mut stored.unreadable)));
            Loaded::Book {
                stored: Box::new(stored),
                damaged,
            }
        }
        Err(error) => {
            let ours: Vec<(&str, &str)> = entries
                .iter()
                .filter(|(k, _)| snapshot::is_data_key(k))
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let raw = raw_map(&ours);
            let backup_key = keep_copy(&raw);
            Loaded::Unreadable {
                reason: error.to_string(),
                raw,
                backup_key,
            }
        }
    }
}

/// Copies unreadable contact keys to a backup key, then removes them so they are not
/// reported again; when the backup cannot be written they stay where they are.
fn keep_damaged(unreadable: Vec<Unreadable>) -> Damaged {
    let pairs: Vec<(&str, &str)> = unreadable
        .iter()
        .map(|u| (u.key.as_str(), u.raw.as_str()))
        .collect();
    let raw = raw_map(&pairs);
    let backup_key = keep_copy(&raw);
    if backup_key.is_some() {
        // A shard with a bad line keeps its key: its other contacts are read from it, and
        // the next save writes it again without that line.
        for u in unreadable.iter().filter(|u| u.whole_key) {
            remove(&u.key);
        }
    }
    Damaged {
        count: unreadable.len(),
        reason: unreadable[0].reason.clone(),
        raw,
        backup_key,
    }
}

/// A JSON object of key → text, pretty-printed, for a backup key or a download.
fn raw_map(pairs: &[(&str, &str)]) -> String {
    // A sorted map of strings: no `serde_json::Value` in the first load.
    let map: std::collections::BTreeMap<&str, &str> = pairs.iter().copied().collect();
    snapshot::pretty(&serde_json::to_string(&map).expect("strings serialise"))
}

/// Makes one save's steps (`Plan::steps`), in order: a save of several keys writes the
/// journal first and removes it last, so that a save cut short is finished by the next
/// start ([`finish_interrupted`]). A refused write puts back what the save wrote
/// (`snapshot::undo`): storage holds the book before it, and the journal goes; should
/// that fail too, the journal stays and the next start finishes the save.
///
/// The agenda's picture goes first and a new revision is written last (see
/// `domain::picture`): a save cut short leaves no picture, and another tab's picture
/// of the book before this save no longer matches it.
pub fn write(plan: &Plan, obsolete: &[String]) -> Result<(), SaveError> {
    REV.with(|r| r.replace(None));
    remove(PICTURE_KEY);
    let steps = plan.steps(obsolete);
    let journaled = steps.first().is_some_and(|op| op.key() == JOURNAL_KEY);
    // What each key held before this save, should it have to be put back.
    let mut done: Vec<(String, Option<String>, usize)> = Vec::new();
    for (i, op) in steps.iter().enumerate() {
        let before = (journaled && op.key() != JOURNAL_KEY).then(|| read_raw(op.key()));
        if let Err(error) = make(op) {
            if journaled && i == 0 {
                let bytes = match op {
                    Op::Set(key, text) => snapshot::stored_bytes(key, text),
                    Op::Remove(_) => 0,
                };
                return Err(SaveError::NoRoomToSaveSafely { bytes });
            }
            if journaled {
                // Stops at a refused step: the journal then stays for the next start.
                let _ = snapshot::undo(&done).iter().try_for_each(make);
            }
            return Err(error);
        }
        if let Some(before) = before {
            let now = match op {
                Op::Set(_, text) => text.len(),
                Op::Remove(_) => 0,
            };
            done.push((op.key().to_string(), before, now));
        }
    }
    new_rev();
    Ok(())
}

/// Makes one step.
fn make(op: &Op) -> Result<(), SaveError> {
    match op {
        Op::Set(key, text) => write_raw(key, text),
        Op::Remove(key) => {
            remove(key);
            Ok(())
        }
    }
}

/// Sets a new revision of the book (see `domain::picture`).
fn new_rev() {
    let rev = crate::clock::new_id();
    if write_raw(REV_KEY, &rev).is_ok() {
        REV.with(|r| r.replace(Some(rev)));
    }
}

/// A save found cut short (a journal in storage: the page was closed mid-save, or another
/// tab is saving right now), and what was done about it.
#[derive(Debug, Clone, PartialEq)]
pub struct CutShort {
    /// What happened, in plain words, for the student.
    pub message: String,
    /// The keys the save writes: another tab's save, merged into this tab's book.
    pub keys: Vec<String>,
    /// The steps that could not be made here (storage full): the book is read as if they
    /// were, the journal stays, and nothing new is saved.
    pub pending: Vec<Op>,
    /// What is stored (a JSON object of key → text) when the save could not be finished,
    /// for download.
    pub raw: Option<String>,
    /// Whether the journal is still there (it could not be finished, nor its damaged text
    /// kept aside): nothing may be saved over it.
    pub blocked: bool,
}

/// Finishes a save cut short, if storage holds its journal: makes its writes again and
/// removes the journal. A journal that cannot be read is kept as unreadable data is (a
/// copy named by its content, then removed); what is stored is left as it is, and the
/// message says so.
pub fn finish_interrupted() -> Option<CutShort> {
    let journal = read_raw(JOURNAL_KEY)?;
    let recovery = snapshot::recover(Some(&journal));
    let stored = || {
        let entries = entries();
        let ours: Vec<(&str, &str)> = entries
            .iter()
            .filter(|(k, _)| snapshot::is_data_key(k))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        raw_map(&ours)
    };
    let (keys, pending, raw, finished) = match &recovery {
        Recovery::Clean => return None,
        Recovery::Finish { steps, .. } => {
            let keys = steps
                .iter()
                .map(|op| op.key().to_string())
                .filter(|key| key != JOURNAL_KEY)
                .collect();
            let finished = steps.iter().try_for_each(make).is_ok();
            if finished {
                remove(PICTURE_KEY);
                new_rev();
                (keys, Vec::new(), None, true)
            } else {
                (keys, steps.clone(), Some(stored()), false)
            }
        }
        Recovery::Damaged { .. } => {
            let raw = stored();
            if keep_copy(&raw_map(&[(JOURNAL_KEY, journal.as_str())])).is_some() {
                remove(JOURNAL_KEY);
            }
            (Vec::new(), Vec::new(), Some(raw), false)
        }
    };
    let message = snapshot::cut_short_message(&recovery, finished)?;
    Some(CutShort {
        message,
        keys,
        pending,
        raw,
        blocked: read_raw(JOURNAL_KEY).is_some(),
    })
}

/// What the last [`load`] found of a save cut short, taken once.
pub fn take_cut_short() -> Option<CutShort> {
    CUT_SHORT.with(|c| c.take())
}

thread_local! {
    static CUT_SHORT: std::cell::RefCell<Option<CutShort>> = const { std::cell::RefCell::new(None) };
}

thread_local! {
    /// The book's revision (`domain::picture::REV_KEY`) that this tab's book is known to
    /// match: read at load, set by each save, unknown after a save that failed.
    static REV: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The stored picture of the agenda, when it is of this tab's book (its revision is the
/// stored one, and this tab's) and of the build `build`.
pub fn current_picture(build: &str) -> Option<Picture> {
    let rev = REV.with(|r| r.borrow().clone())?;
    if read_raw(REV_KEY).as_deref() != Some(rev.as_str()) {
        return None;
    }
    Picture::decode(&read_raw(PICTURE_KEY)?).filter(|p| p.rev == rev && p.build == build)
}

/// Keeps the agenda's markup for `days` as the picture of the book, when this tab's book
/// is the stored one (its revision is still the stored revision). A picture is only a
/// shortcut: one that cannot be written (too large, storage full) is not kept, and any
/// older one is removed.
pub fn keep_picture(build: String, days: Vec<(chrono::NaiveDate, String)>) {
    let Some(rev) = REV.with(|r| r.borrow().clone()) else {
        return;
    };
    if read_raw(REV_KEY).as_deref() != Some(rev.as_str()) {
        return;
    }
    match (Picture { rev, build, days }).encode() {
        Some(text) if write_raw(PICTURE_KEY, &text).is_ok() => {}
        _ => remove(PICTURE_KEY),
    }
}

/// Removes every key holding the book (not backups): "start fresh" after unreadable data
/// was kept.
pub fn clear_data() {
    remove(PICTURE_KEY);
    for (key, _) in entries() {
        if snapshot::is_data_key(&key) {
            remove(&key);
        }
    }
    remove(REV_KEY);
    REV.with(|r| r.replace(None));
}

/// The key a room check writes and removes at once (not a data key: other tabs ignore it).
const PROBE_KEY: &str = "followup.probe";

/// Whether a write of `bytes` (UTF-16, as browsers count) would fit now.
fn fits(bytes: usize) -> bool {
    let chars = (bytes / 2).saturating_sub(PROBE_KEY.len());
    let fits = write_raw(PROBE_KEY, &"x".repeat(chars)).is_ok();
    remove(PROBE_KEY);
    fits
}

/// Whether `bytes` more fit in localStorage. Browsers do not say how much room is left, so
/// this writes a probe of that size and removes it. When it does not fit, the error is
/// about how many bytes are free (found by halving, to within 1/64 of `bytes`).
pub fn room_for(bytes: usize) -> Result<(), usize> {
    if !available() {
        return Err(0);
    }
    if fits(bytes) {
        return Ok(());
    }
    let (mut low, mut high) = (0, bytes);
    while high - low > (bytes / 64).max(1024) {
        let mid = low + (high - low) / 2;
        if fits(mid) {
            low = mid;
        } else {
            high = mid;
        }
    }
    Err(low)
}

/// How many bytes the app's keys take in localStorage (browsers count UTF-16 code units,
/// two bytes each, for keys and values).
pub fn bytes_used() -> usize {
    entries()
        .iter()
        .map(|(k, v)| 2 * (k.encode_utf16().count() + v.encode_utf16().count()))
        .sum()
}

/// How many bytes `keys` take in localStorage now (absent keys take none).
pub fn bytes_of(keys: &[String]) -> usize {
    keys.iter()
        .filter_map(|key| read_raw(key).map(|text| snapshot::stored_bytes(key, &text)))
        .sum()
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

/// The record of the last calendar export, or `None` when there was none (text this
/// version cannot read counts as none: the next export starts the record again).
pub fn calendar_export() -> Option<CalendarExport> {
    read_raw(CALENDAR_KEY).and_then(|text| CalendarExport::decode(&text))
}

/// Keeps the record of a calendar export, under its own key (never the book's).
pub fn save_calendar_export(record: &CalendarExport) -> Result<(), SaveError> {
    write_raw(CALENDAR_KEY, &record.encode())
}

/// Removes `key`.
pub fn remove(key: &str) {
    if available() {
        let _ = LocalStorage::raw().remove_item(key);
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Old browsers lack `navigator.storage`; web-sys would hand back `undefined`.
    js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|v| !v.is_undefined())?
        .dyn_into()
        .ok()
}

/// Asks the browser to keep this site's data even under storage pressure (Safari's 7-day
/// rule, Chrome's eviction). Returns whether storage is now persistent.
pub async fn request_persistence() -> Option<bool> {
    let manager = storage_manager()?;
    if persisted_with(&manager).await == Some(true) {
        return Some(true);
    }
    let promise = manager.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Whether the browser has agreed to keep this site's data.
pub async fn persisted() -> Option<bool> {
    persisted_with(&storage_manager()?).await
}

async fn persisted_with(manager: &web_sys::StorageManager) -> Option<bool> {
    let promise = manager.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}
