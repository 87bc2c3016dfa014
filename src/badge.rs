//! The app icon's badge: `navigator.setAppBadge(n)` with the number of people who have a
//! follow-up due or overdue (`domain::badge`), cleared at zero or when the student turns
//! it off in Settings. Browsers without the Badging API are left alone.
//!
//! The only code that calls the Badging API; a refused call (an app that is not installed)
//! is ignored, never logged as an error.

use crate::deferred;
use crate::state::AppState;
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Keeps the badge in step with the book and the date, for the life of the app.
pub fn keep_badge(state: AppState) {
    let navigator: JsValue = window().navigator().into();
    let method = |name: &str| {
        Reflect::get(&navigator, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    };
    let (Some(set), Some(clear)) = (method("setAppBadge"), method("clearAppBadge")) else {
        return;
    };
    // Counting is planning every contact's steps, as the agenda does: it starts after the
    // first frame, so the first screen never waits for it (about 16 ms at 5,000 contacts).
    let owner = Owner::current();
    request_animation_frame(move || {
        set_timeout(
            move || {
                let keep = move || follow_count(state, navigator, set, clear);
                match owner {
                    Some(owner) => owner.with(keep),
                    None => keep(),
                }
            },
            std::time::Duration::ZERO,
        )
    });
}

/// Sets the badge to the count of people due, and again whenever it changes.
fn follow_count(state: AppState, navigator: JsValue, set: Function, clear: Function) {
    // Not counted while the book is still being read (its contacts are not there yet).
    // An empty book clears it; a book's count is the deferred module's (`None` until it
    // is here, which a book with contacts has fetched or is fetching).
    let count = Memo::new(move |_| {
        if state.reading.get() {
            return None;
        }
        let today = state.today.get();
        state.book.with(|b| {
            if b.contact_count() == 0 {
                return Some(None);
            }
            deferred::get_tracked().map(|d| (d.badge_count)(b, today))
        })
    });
    Effect::new(move || {
        let call = match count.get() {
            None => return,
            Some(Some(n)) => set.call1(&navigator, &JsValue::from(n as u32)),
            Some(None) => clear.call0(&navigator),
        };
        if let Ok(promise) = call.and_then(|p| p.dyn_into::<Promise>()) {
            leptos::task::spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    });
}
