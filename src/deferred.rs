//! The code a first visit does not need, loaded only when there is a book to read or a
//! change to write: the data layer, and the agenda's rows.
//!
//! A first visit finds nothing stored: it draws the set-up card and the welcome, and needs
//! no JSON decoder, no shard or digest reader, no encoder, no merge of another tab's
//! changes and no agenda rows. All of that (serde's code for every domain type,
//! `domain::snapshot`, the backup export, the agenda's screen and rows with their step
//! actions and a step's calendar file, the badge's count, the banner of a save cut short) is
//! reached only through the function pointers of one [`Deferred`]. In the release build
//! (`--features split`) [`fetch`] is a split point, so the splitter moves everything those
//! pointers reach into a wasm module of its own: the main module never names it. Without
//! the feature (tests) [`get`] always has it.
//!
//! When it is fetched:
//! - at start, when storage holds a book (`crate::start` fetches it in parallel with the
//!   shell's paint and mounts the app once it is here: every start with data reads
//!   through it);
//! - when the student opens any page but the agenda (it will likely save), and on a repeat
//!   visit in the background with the other on-demand modules;
//! - at the latest for the first save or another tab's first change
//!   (`AppState::save_now`, `AppState::listen_to_other_tabs`), which wait for it, and for
//!   the agenda's first rows ([`get_tracked`] draws them once it is here).
//!
//! The service worker precaches it with every other module, so it loads offline.

use crate::domain::formats::ics_step::StepCalendar;
use crate::domain::snapshot::{Dirty, Plan, Remote, Saved};
use crate::domain::{Book, ContactId, Step};
use crate::state::AppState;
use crate::storage::{CutShort, Loaded, Reading, SaveError};
use chrono::NaiveDate;
use leptos::prelude::AnyView;

/// The deferred module's entry points, as plain function pointers (see the module header).
#[derive(Clone, Copy)]
pub struct Deferred {
    /// Reads what is stored (`storage::load`; `reminders::load` also schedules the
    /// start's plan of reminders).
    pub load: fn() -> Loaded,
    /// Decodes the next part of the book of a glance (`storage::read_some`).
    pub read_some: fn(&mut Reading) -> Option<Loaded>,
    /// What a save writes (`snapshot::plan`).
    pub plan: fn(&Book, &Saved, &Dirty, i64) -> Plan,
    /// Makes a save's writes (`storage::write`; a save always has the plan's code here).
    pub write: fn(&Plan, &[String]) -> Result<(), SaveError>,
    /// Finishes a save cut short, before this tab saves (`storage::finish_interrupted`).
    pub finish_interrupted: fn() -> Option<CutShort>,
    /// Merges another tab's change (`snapshot::merge_remote`).
    pub merge_remote: fn(&mut Book, &mut Saved, &str, Option<&str>) -> Remote,
    /// The backup file's text (`formats::export_backup`).
    pub export_backup: fn(&Book) -> String,
    /// The banner of a save found cut short (`components::banners::cut_short_banner`).
    pub cut_short_banner: fn(String, Option<String>) -> AnyView,
    /// The agenda of a book with contacts (`pages::agenda::agenda_body`).
    pub agenda_body: fn() -> AnyView,
    /// The app icon's badge (`domain::badge::badge_count`).
    pub badge_count: fn(&Book, NaiveDate) -> Option<usize>,
    /// Rewrites the service worker's plan of morning reminders after a change
    /// (`reminders::after_change`).
    pub after_change: fn(AppState, &Dirty),
    /// One step as a calendar event, "Add to calendar" (`formats::ics_step`): the agenda's
    /// rows are drawn by this module, so their calendar files are made here too.
    pub step_calendar: fn(&Book, &ContactId, Step, NaiveDate, i64) -> Option<StepCalendar>,
}

fn table() -> Deferred {
    Deferred {
        load: crate::reminders::load,
        read_some: crate::storage::read_some,
        plan: crate::domain::snapshot::plan,
        write: crate::storage::write,
        finish_interrupted: crate::storage::finish_interrupted,
        merge_remote: crate::domain::snapshot::merge_remote,
        export_backup: crate::domain::formats::export_backup,
        cut_short_banner: crate::components::banners::cut_short_banner,
        agenda_body: crate::pages::agenda::agenda_body,
        badge_count: crate::domain::badge::badge_count,
        after_change: crate::reminders::after_change,
        step_calendar,
    }
}

/// [`crate::domain::formats::ics_step::step_calendar`] stamped at `at` (milliseconds since
/// the Unix epoch).
fn step_calendar(
    book: &Book,
    contact: &ContactId,
    step: Step,
    today: NaiveDate,
    at: i64,
) -> Option<StepCalendar> {
    use crate::domain::formats::{ics, ics_step};
    ics_step::step_calendar(book, contact, step, today, &ics::dtstamp(at))
}

/// The deferred module could not be fetched (a network error before the service worker
/// had it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadError;

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "part of the app could not be downloaded; check the connection and try again"
        )
    }
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for LoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> LoadError {
        LoadError
    }
}

thread_local! {
    /// Notified when the module arrives: views that wait for it ([`get_tracked`]) redraw.
    static ARRIVED: leptos::prelude::ArcTrigger = leptos::prelude::ArcTrigger::new();
}

#[cfg(feature = "split")]
thread_local! {
    static LOADED: std::cell::Cell<Option<Deferred>> = const { std::cell::Cell::new(None) };
}

/// The split point: everything [`table`] reaches lives in the module it fetches. A
/// failed fetch is not remembered, so the next call tries again.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(deferred, wasm_split_path = ::leptos::wasm_split, fallible)]
fn fetch() -> Result<Deferred, LoadError> {
    Ok(table())
}

/// The deferred module, if it is loaded.
#[cfg(feature = "split")]
pub fn get() -> Option<Deferred> {
    LOADED.get()
}

/// The deferred module, fetched first if needed.
#[cfg(feature = "split")]
pub async fn load() -> Result<Deferred, LoadError> {
    if let Some(deferred) = get() {
        return Ok(deferred);
    }
    let deferred = fetch().await?;
    if LOADED.replace(Some(deferred)).is_none() {
        ARRIVED.with(|t| leptos::prelude::Notify::notify(t));
    }
    Ok(deferred)
}

/// The deferred module: always here without the split.
#[cfg(not(feature = "split"))]
pub fn get() -> Option<Deferred> {
    Some(table())
}

/// The deferred module: always here without the split.
#[cfg(not(feature = "split"))]
pub async fn load() -> Result<Deferred, LoadError> {
    Ok(table())
}

/// [`get`], tracked: a view or memo that calls it runs again when the module arrives.
pub fn get_tracked() -> Option<Deferred> {
    ARRIVED.with(|t| leptos::prelude::Track::track(t));
    get()
}

/// Starts fetching the deferred module in the background, if it is not here yet. (The
/// browser's own task queue: this runs before the app's executor is set up at mount.)
pub fn preload() {
    if get().is_none() {
        wasm_bindgen_futures::spawn_local(async {
            let _ = load().await;
        });
    }
}
