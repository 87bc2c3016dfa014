//! Small views shared by pages. They read state and send commands; they hold no domain logic.

pub mod add_to_calendar;
pub mod backup_reminder;
pub mod banners;
pub mod contact_form;
pub mod duplicate_warning;
pub mod funnel_chart;
pub mod icons;
pub mod import_duplicates;
pub mod notice;
pub mod reminder_offer;
pub mod setup;
pub mod step_actions;
pub mod tabbar;
pub mod text_field;
