//! The page's side of the service worker: is an update waiting, and applying it.
//!
//! `public/register-sw.js` registers the worker and fires `followup:update-ready` when a new
//! version is installed and waiting. The app only shows a bar; the worker takes over, and the
//! page reloads, only when the user taps Reload — never mid-edit.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A signal that turns true when a new version is waiting.
pub fn update_ready() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(already_waiting());
    let handle =
        window_event_listener_untyped("followup:update-ready", move |_| set_ready.set(true));
    on_cleanup(move || handle.remove());
    ready
}

fn already_waiting() -> bool {
    js_sys::Reflect::get(&window(), &"followupUpdateWaiting".into()).is_ok_and(|v| v.is_truthy())
}

/// Activates the waiting worker; the page reloads once it has taken control.
pub fn apply_update() {
    let apply = js_sys::Reflect::get(&window(), &"followupApplyUpdate".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match apply {
        Some(f) => {
            let _ = f.call0(&window());
        }
        None => {
            let _ = window().location().reload();
        }
    }
}
