//! Morning reminders, the browser's side: the only code that asks for the notification
//! permission, registers the periodic background sync and writes the service worker's
//! plan.
//!
//! The worker (`public/sw.js`) cannot read localStorage. After every change of the book
//! while reminders are on, [`write_plan`] writes `domain::reminders::WorkerPlan` (each of
//! the next 60 days: the notification's words and the badge's count) as
//! `reminders.json` in the Cache API's `followup-reminders` cache, where the worker reads
//! it when the browser wakes it with a `periodicsync` event. What a browser can do is found
//! by feature detection ([`capabilities`]) and worded by `view::reminders`.
//!
//! Every call to the platform goes through `js_sys::Reflect`: periodic sync and the
//! permissions query have no stable web-sys bindings, and nothing here may fail loudly
//! (a refused call becomes a sentence for the student).

use crate::domain::reminders::{ReminderCache, Reminders, WorkerPlan, MIN_INTERVAL_MS, SYNC_TAG};
use crate::domain::snapshot::Dirty;
use crate::domain::{Book, Command};
use crate::state::AppState;
use crate::view::reminders::{Capabilities, Permission};
use chrono::NaiveDate;
use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The cache the worker reads its plan from (kept by the worker across versions).
pub const CACHE: &str = "followup-reminders";
/// The plan's name in that cache, under the app's scope.
pub const PLAN_FILE: &str = "reminders.json";

thread_local! {
    static PLANS: RefCell<ReminderCache> = RefCell::new(ReminderCache::default());
    /// Whether reminders were on at the last plan, or in the book as read at start (a plan
    /// is written once more after they are turned off).
    static WAS_ON: Cell<bool> = const { Cell::new(false) };
    /// The plan written last: a write that finishes after a newer one started is dropped.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// Reads what is stored (`storage::load`, the deferred module's entry at start) and, three
/// seconds later, once the start is over, writes the worker's plan if reminders are on:
/// it renews the plan's 60 days on a start with no change, and fills the cache that makes
/// each later plan cheap (about 16 ms at 5,000 contacts, once).
pub fn load() -> crate::storage::Loaded {
    use crate::storage::Loaded;
    let loaded = crate::storage::load();
    // As stored, reminders may be on: turning them off before any plan is written in this
    // page (a book just read writes none) must still write the plan that says off.
    let on = match &loaded {
        Loaded::Glance { glance, .. } => glance.meta.settings().reminders.on,
        Loaded::Book { stored, .. } => stored.book.settings().reminders.on,
        _ => false,
    };
    WAS_ON.set(on);
    set_timeout(
        || {
            if let Some(state) = crate::state::current() {
                after_change(state, &Dirty::All);
            }
        },
        std::time::Duration::from_secs(3),
    );
    loaded
}

/// After a change of the book is saved (`AppState`'s saving effect): rewrites the
/// worker's plan while reminders are on, and once more when they were just turned off, so
/// the worker knows; only the contacts in `changed` are looked at again. Never from a book
/// still being read (it holds no contacts yet).
pub fn after_change(state: AppState, changed: &Dirty) {
    if state.reading.get_untracked() {
        return;
    }
    let on = state.book.with_untracked(|b| b.settings().reminders.on);
    if WAS_ON.replace(on) || on {
        let today = state.today.get_untracked();
        state
            .book
            .with_untracked(|book| write_plan(book, today, changed));
    }
}

/// Writes the worker's plan for `book` from `today`: built at once, written in the
/// background.
fn write_plan(book: &Book, today: NaiveDate, changed: &Dirty) {
    crate::perf::mark("followup:reminders-start");
    let json =
        PLANS.with_borrow_mut(|cache| WorkerPlan::after(book, cache, today, changed).to_json());
    crate::perf::mark("followup:reminders");
    let generation = GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = put_plan(&json, generation).await {
            web_sys::console::warn_2(&"Followup: the reminders' plan was not written:".into(), &e);
        }
    });
}

async fn put_plan(json: &str, generation: u32) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let Some(caches) = defined(&window, "caches") else {
        return Ok(()); // No Cache API (an insecure origin): no worker to remind either.
    };
    let cache = call_await(&caches, "open", &[CACHE.into()]).await?;
    if GENERATION.get() != generation {
        return Ok(());
    }
    let response = new_response(json)?;
    call_await(&cache, "put", &[plan_url()?.into(), response]).await?;
    Ok(())
}

fn new_response(json: &str) -> Result<JsValue, JsValue> {
    let headers = Object::new();
    Reflect::set(&headers, &"content-type".into(), &"application/json".into())?;
    let init = Object::new();
    Reflect::set(&init, &"headers".into(), &headers)?;
    let class: Function = get(&js_sys::global().into(), "Response")?.dyn_into()?;
    Reflect::construct(&class, &Array::of2(&json.into(), &init))
}

/// `reminders.json` under the app's base (the worker's scope).
fn plan_url() -> Result<String, JsValue> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .ok_or(JsValue::NULL)?;
    Ok(web_sys::Url::new_with_base(PLAN_FILE, &base)?.href())
}

/// What this browser can do about reminders, found by feature detection.
pub async fn capabilities() -> Capabilities {
    let window = web_sys::window();
    let global: JsValue = js_sys::global().into();
    let navigator = get(&global, "navigator").unwrap_or(JsValue::UNDEFINED);
    let has = |target: &JsValue, name: &str| {
        !target.is_undefined() && Reflect::has(target, &name.into()).unwrap_or(false)
    };
    let notifications = has(&global, "Notification");
    let permission = if notifications {
        get(&global, "Notification")
            .and_then(|n| get(&n, "permission"))
            .ok()
            .and_then(|p| p.as_string())
            .map_or(Permission::Default, |p| Permission::from_name(&p))
    } else {
        Permission::Default
    };
    let registration = registration().await;
    let periodic = registration
        .as_ref()
        .and_then(|r| defined(r, "periodicSync"));
    let periodic_granted = match &periodic {
        Some(_) => query_permission(&navigator, "periodic-background-sync").await,
        None => false,
    };
    let registered = match &periodic {
        Some(p) => call_await(p, "getTags", &[])
            .await
            .ok()
            .map(|tags| Array::from(&tags))
            .is_some_and(|tags| {
                tags.iter()
                    .any(|t| t.as_string().as_deref() == Some(SYNC_TAG))
            }),
        None => false,
    };
    let standalone = window
        .as_ref()
        .and_then(|w| w.match_media("(display-mode: standalone)").ok().flatten())
        .is_some_and(|m| m.matches())
        || get(&navigator, "standalone").is_ok_and(|s| s.is_truthy());
    let agent = get(&navigator, "userAgent")
        .ok()
        .and_then(|a| a.as_string())
        .unwrap_or_default();
    Capabilities {
        worker: registration.is_some(),
        periodic_sync: periodic.is_some(),
        periodic_granted,
        registered,
        notifications,
        permission,
        badge: has(&navigator, "setAppBadge"),
        standalone,
        ios: ["iPhone", "iPad", "iPod"].iter().any(|d| agent.contains(d)),
    }
}

/// Asks for the notification permission (after the student's tap), registers the
/// periodic sync and turns reminders on from `hour`. `Err` is a sentence to show.
pub async fn turn_on(state: AppState, hour: u8) -> Result<(), String> {
    let permission = request_permission().await;
    if permission != Permission::Granted {
        return Err(crate::view::reminders::refused(permission).to_string());
    }
    let Some(registration) = registration().await else {
        return Err(
            "Reminders need Followup's offline support, which isn't ready yet. \
                    Reload the page and try again."
                .to_string(),
        );
    };
    let Some(periodic) = defined(&registration, "periodicSync") else {
        return Err(no_background());
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"minInterval".into(), &MIN_INTERVAL_MS.into());
    call_await(&periodic, "register", &[SYNC_TAG.into(), options.into()])
        .await
        .map_err(|_| {
            "This browser didn't allow Followup to wake up in the background. Install \
             Followup (Add to Home screen), open it from there, and try again."
                .to_string()
        })?;
    apply(state, true, hour)
}

/// Turns reminders off and unregisters the periodic sync; the plan written next says
/// "off", so even a sync already on its way shows nothing.
pub async fn turn_off(state: AppState) -> Result<(), String> {
    let hour = state.book.with_untracked(|b| b.settings().reminders.hour());
    apply(state, false, hour)?;
    if let Some(registration) = registration().await {
        if let Some(periodic) = defined(&registration, "periodicSync") {
            let _ = call_await(&periodic, "unregister", &[SYNC_TAG.into()]).await;
        }
    }
    Ok(())
}

/// Keeps the answer to the offer after the first capture ("Not now").
pub fn decline(state: AppState) -> Result<(), String> {
    let current = state.book.with_untracked(|b| b.settings().reminders);
    state
        .apply(Command::SetReminders(Reminders {
            offered: true,
            ..current
        }))
        .map_err(|e| e.to_string())
}

/// Only asks for the notification permission (an iPhone home-screen app: the icon's
/// badge shows once it is granted).
pub async fn allow_notifications() -> Permission {
    request_permission().await
}

fn apply(state: AppState, on: bool, hour: u8) -> Result<(), String> {
    state
        .apply(Command::SetReminders(Reminders {
            on,
            hour,
            offered: true,
        }))
        .map_err(|e| e.to_string())
}

fn no_background() -> String {
    "This browser can't wake Followup in the background, so it can't send reminders. \
     Add your follow-ups to your calendar instead."
        .to_string()
}

async fn request_permission() -> Permission {
    let Some(notification) = defined(&js_sys::global().into(), "Notification") else {
        return Permission::Default;
    };
    match call_await(&notification, "requestPermission", &[]).await {
        Ok(p) => p
            .as_string()
            .map_or(Permission::Default, |p| Permission::from_name(&p)),
        Err(_) => Permission::Default,
    }
}

async fn query_permission(navigator: &JsValue, name: &str) -> bool {
    let Some(permissions) = defined(navigator, "permissions") else {
        return false;
    };
    let descriptor = Object::new();
    let _ = Reflect::set(&descriptor, &"name".into(), &name.into());
    call_await(&permissions, "query", &[descriptor.into()])
        .await
        .and_then(|status| get(&status, "state"))
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "granted")
}

/// The service worker's registration for this page, if there is one.
async fn registration() -> Option<JsValue> {
    let navigator = get(&js_sys::global().into(), "navigator").ok()?;
    let container = defined(&navigator, "serviceWorker")?;
    let found = call_await(&container, "getRegistration", &[]).await.ok()?;
    (!found.is_undefined() && !found.is_null()).then_some(found)
}

fn get(target: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &name.into())
}

/// `target.name`, unless this browser does not have it.
fn defined(target: &JsValue, name: &str) -> Option<JsValue> {
    get(target, name).ok().filter(|v| !v.is_undefined())
}

/// Calls `target.name(...args)` and awaits the promise it returns.
async fn call_await(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let method: Function = get(target, name)?.dyn_into()?;
    let args: Array = args.iter().collect();
    let promise: Promise = method.apply(target, &args)?.dyn_into()?;
    JsFuture::from(promise).await
}
