//! Where the student met people: a career fair, a hackathon, a meetup, a class.
//!
//! Events are plain values; ids are chosen by the shell and dates are given, never read
//! from the clock.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The stable identity of an event. Serialised as a plain string.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(String);

impl EventId {
    pub fn new(id: impl Into<String>) -> EventId {
        EventId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What sort of event it was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventKind {
    #[default]
    CareerFair,
    Hackathon,
    Conference,
    Meetup,
    CompanyTour,
    OpenSource,
    Class,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 8] = [
        EventKind::CareerFair,
        EventKind::Hackathon,
        EventKind::Conference,
        EventKind::Meetup,
        EventKind::CompanyTour,
        EventKind::OpenSource,
        EventKind::Class,
        EventKind::Other,
    ];

    /// A short label for pickers and lists.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::CareerFair => "Career fair",
            EventKind::Hackathon => "Hackathon",
            EventKind::Conference => "Conference",
            EventKind::Meetup => "Meetup",
            EventKind::CompanyTour => "Company tour",
            EventKind::OpenSource => "Open source",
            EventKind::Class => "Class",
            EventKind::Other => "Other",
        }
    }
}

/// An event the student went to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Event {
    pub id: EventId,
    pub name: String,
    pub kind: EventKind,
    pub date: NaiveDate,
    pub place: String,
}
