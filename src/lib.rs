//! Followup: capture the people you meet at career fairs, and send every follow-up on time.
//!
//! The crate has two halves. `domain` is pure Rust — contacts, events, the follow-up
//! playbook, templates, the persisted snapshot — and is tested natively with `cargo test`;
//! it never touches the browser, never reads the clock and never makes random numbers. `qr`
//! (QR codes as SVG paths) is pure too.
//! Everything else exists only on `wasm32`: `storage` (the only code that touches
//! localStorage), `download` (the only code that creates files for the user or reads a
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
mod download;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
pub mod perf;
#[cfg(target_arch = "wasm32")]
mod pwa;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub use app::App;

/// Installs the panic hook and mounts [`App`] on `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
