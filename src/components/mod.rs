//! Small views shared by pages. They read state and send commands; they hold no domain logic.

pub mod backup_reminder;
pub mod banners;
pub mod contact_form;
pub mod data_section;
pub mod duplicate_warning;
pub mod icons;
pub mod import_duplicates;
pub mod step_actions;
pub mod storage_info;
pub mod tabbar;
