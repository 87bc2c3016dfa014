//! One module per route. A page reads `AppState`, maps domain values to views and sends
//! commands back through `AppState::apply`; it never touches storage.

pub mod add;
pub mod agenda;
pub mod card;
pub mod companies;
pub mod composer;
mod composer_resume;
pub mod contact;
pub mod contacts;
pub mod edit;
pub mod events;
pub mod funnel;
pub mod merge;
pub mod not_found;
pub mod plan;
pub mod referrals;
pub mod scan;
pub mod settings;
