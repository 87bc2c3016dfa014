//! Followup: capture the people you meet at career fairs, and send every follow-up on time.
//!
//! The crate has two halves. `domain` is pure Rust — contacts, events, the follow-up
//! playbook, templates, the persisted snapshot — and is tested natively with `cargo test`;
//! it never touches the browser, never reads the clock and never makes random numbers. `qr`
//! (QR codes as SVG paths) is pure too.
//! Everything else exists only on `wasm32`: `storage` (the only code that touches
//! localStorage), `resume_store` (the only code that touches IndexedDB, where the resume PDF
//! is kept), `download` (the only code that creates files for the user or reads a
//! picked file), `clock` (the only code that reads the time or makes ids), `state` (signals
//! around domain values, and the one effect that saves), `perf` (marks for the
//! benchmark), `pwa` (service-worker updates), `badge` (the app icon's badge),
//! `pages` (one per route) and `components`. `routes` names every screen and its path
//! (plain Rust, tested natively; its links and route parameters exist on `wasm32`). See ARCHITECTURE.md.

pub mod domain;
pub mod qr;
pub mod routes;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod badge;
#[cfg(target_arch = "wasm32")]
pub mod clock;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod deferred;
#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
pub mod perf;
#[cfg(target_arch = "wasm32")]
mod picture;
#[cfg(target_arch = "wasm32")]
mod pwa;
#[cfg(target_arch = "wasm32")]
mod reminders;
#[cfg(target_arch = "wasm32")]
pub mod resume_store;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub use app::App;

/// The entry point of the release build (`--features start`, which `split` includes):
/// wasm-bindgen's `start` runs it once the module is instantiated. Without the feature the
/// library has no entry point, so the browser tests (`tests/browser.rs`) mount only what they test.
///
/// The app starts once the static shell's paint has been reported (the promise
/// `followupShellPainted` of `index.html`'s inline script), then after the next frame; or
/// after a second at the latest (a hidden page draws no frames). So the shell is on screen
/// before anything long runs (reading a book of thousands of contacts takes a while on a
/// slow phone), and Chrome has counted the shell's largest paint before its nodes go:
/// Chrome forgets a paint whose node is removed before the frame is presented, and would
/// then take the app's copy, drawn after the wasm, as the largest contentful paint.
#[cfg(all(target_arch = "wasm32", feature = "start"))]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn main() {
    use leptos::prelude::{request_animation_frame, set_timeout, window};
    use std::time::Duration;
    use wasm_bindgen::{closure::Closure, JsCast};
    perf::mark("followup:start");
    if storage::has_data() {
        // The deferred module (see `deferred`) is fetched while the shell's paint is awaited.
        deferred::preload();
    }
    let started = std::rc::Rc::new(std::cell::Cell::new(false));
    let go = move || {
        if !started.replace(true) {
            start();
        }
    };
    let after_frame = go.clone();
    let next_frame =
        move || request_animation_frame(move || set_timeout(after_frame, Duration::ZERO));
    let painted = js_sys::Reflect::get(&window(), &"followupShellPainted".into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    match painted {
        Some(painted) => {
            let then = Closure::once(move |_: wasm_bindgen::JsValue| next_frame());
            let _ = painted.then(&then);
            then.forget();
        }
        None => next_frame(),
    }
    set_timeout(go, Duration::from_secs(1));
}

/// Mounts [`App`] in place of the static app shell of `index.html` (`#shell`); with a
/// book stored, once [`deferred`] is here (see [`mount`]). Debug builds also install the
/// panic hook (a readable panic message in the console); release builds leave it out,
/// with the formatting code it pulls in.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    if deferred::get().is_none() && storage::has_data() {
        // A stored book is read through the deferred module: the app is mounted once it
        // is here (fetched since `main` began), or without it when its download failed
        // (the app then says so and writes nothing). The browser's task queue: the app's
        // executor is set up by the mount.
        wasm_bindgen_futures::spawn_local(async {
            let _ = deferred::load().await;
            mount(false);
        });
    } else {
        mount(true);
    }
}

/// Builds the app into a `<div id="app">` that is not in the document yet, then puts it
/// in place of `#shell` (a plain div too, so every box stays where it was) in one step, so
/// no frame shows both or neither.
///
/// With nothing stored (`staged`: a first visit, whose static shell already shows the
/// whole first screen) it is built in stages, one task each, so that no task of the start
/// is long: the state, the router and the tab bar; then the banners and the toast; then
/// the page itself ([`app::Staged`]). With a book stored the student is waiting for their
/// agenda, which is drawn at once, in one task.
#[cfg(target_arch = "wasm32")]
fn mount(staged: bool) {
    use leptos::prelude::{document, ArcRwSignal};
    use wasm_bindgen::JsCast;
    let Some(root) = document()
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    root.set_id("app");
    let stage = ArcRwSignal::new(if staged { 0 } else { app::STAGES });
    let context = app::Staged(stage.clone());
    leptos::mount::mount_to(root.clone(), move || {
        leptos::prelude::provide_context(context);
        App
    })
    .forget();
    if staged {
        next_stage(stage, root);
    } else {
        take_the_shells_place(&root);
    }
}

/// Puts the built app in place of the static shell.
#[cfg(target_arch = "wasm32")]
fn take_the_shells_place(root: &web_sys::HtmlElement) {
    use leptos::prelude::document;
    if let Some(shell) = document().get_element_by_id("shell") {
        shell.remove();
    }
    if let Some(body) = document().body() {
        let _ = body.append_child(root);
    }
}

/// In a task of its own, moves the app to its next stage; after the last one, puts it in
/// place of the shell.
#[cfg(target_arch = "wasm32")]
fn next_stage(stage: leptos::prelude::ArcRwSignal<u8>, root: web_sys::HtmlElement) {
    use leptos::prelude::{set_timeout, GetUntracked, Update};
    set_timeout(
        move || {
            stage.update(|s| *s += 1);
            if stage.get_untracked() < app::STAGES {
                next_stage(stage, root);
                return;
            }
            // Queued after the page's own rendering (the same queue, in order): the page
            // is complete when the swap runs, and both happen before the next frame.
            wasm_bindgen_futures::spawn_local(async move { take_the_shells_place(&root) });
        },
        std::time::Duration::ZERO,
    );
}
