//! View models: what the screens show, computed from domain values in plain Rust (Crux's
//! `view(&model) -> ViewModel`). Nothing here knows Leptos or the browser, so `cargo test`,
//! host clippy and the editor see all of it; the pages only turn these values into markup.
//!
//! Like the domain, this never reads the clock: `today` is an argument.

pub mod agenda;
pub mod calendar;
pub mod card;
pub mod composer;
pub mod contact_form;
pub mod contacts;
pub mod data;
pub mod events;
pub mod field;
pub mod insights;
pub mod outcomes;
pub mod plan;
pub mod reminders;
pub mod settings;
pub mod sizes;
pub mod steps;
