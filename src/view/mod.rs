//! View models: what the pages show, as plain values computed from the book, with no
//! leptos and no browser API, so that `cargo test` on the host reaches them (Crux's
//! `view(&model) -> ViewModel`). Pages map these to markup and send commands; nothing here
//! reads the clock (today is an argument).

pub mod agenda;
pub mod composer;
pub mod steps;
