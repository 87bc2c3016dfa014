//! The student's preferences: LinkedIn Premium, the default keep-in-touch cadence, the
//! current event used by capture ("event mode"), the kind capture starts with, the theme,
//! what their QR card holds, whether the app icon shows a badge and the morning reminders.
//!
//! Plain data; no IO.

use serde::{Deserialize, Serialize};

use super::dates::read;
use chrono::NaiveDate;

use super::card::CardKind;
use super::contact::Kind;
use super::event::EventId;
use super::reminders::Reminders;

/// The app's colours: the system's choice, or one the student picked in Settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Same as my device",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    pub fn is_system(&self) -> bool {
        *self == Theme::System
    }
}

/// Days between keep-in-touch reminders unless a contact says otherwise.
pub const DEFAULT_CADENCE_DAYS: u32 = 90;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// LinkedIn Premium allows 300-character connection notes instead of 200.
    pub premium: bool,
    /// Days between keep-in-touch reminders for contacts without their own cadence.
    pub default_cadence_days: u32,
    /// The event new captures are prefilled with.
    pub current_event: Option<EventId>,
    /// The day the last full backup (JSON export) was made.
    #[serde(deserialize_with = "read::option_date")]
    pub last_backup: Option<NaiveDate>,
    /// The kind of the last contact added: capture starts with it ("They are").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_kind: Option<Kind>,
    #[serde(skip_serializing_if = "Theme::is_system")]
    pub theme: Theme,
    /// The first-run set-up (name, school, links) was saved or skipped.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub setup_seen: bool,
    /// What the student's QR code holds (My card).
    #[serde(skip_serializing_if = "is_default")]
    pub card: CardKind,
    /// The app icon's badge (people with a follow-up due) is turned off.
    #[serde(skip_serializing_if = "is_default")]
    pub badge_off: bool,
    /// Morning notifications when follow-ups are due (`domain::reminders`).
    #[serde(skip_serializing_if = "is_default")]
    pub reminders: Reminders,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            premium: false,
            default_cadence_days: DEFAULT_CADENCE_DAYS,
            current_event: None,
            last_backup: None,
            last_kind: None,
            theme: Theme::System,
            setup_seen: false,
            card: CardKind::default(),
            badge_off: false,
            reminders: Reminders::default(),
        }
    }
}
