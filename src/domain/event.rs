//! Where the student met people: a career fair, a hackathon, a meetup, a class.
//!
//! Events are plain values; ids are chosen by the shell and dates are given, never read
//! from the clock.

use std::fmt;

use super::dates::read;
use super::prep::Prep;
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
    #[serde(deserialize_with = "read::date")]
    pub date: NaiveDate,
    /// The last day of an event over several days; `None` for a one-day event.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read::option_date"
    )]
    pub ends: Option<NaiveDate>,
    pub place: String,
    /// The companies to visit and the pitch (`prep`); an event without one stores nothing.
    #[serde(skip_serializing_if = "Prep::is_empty")]
    pub prep: Prep,
}

impl Event {
    /// The event's last day: its end date, or its one day.
    pub fn last_day(&self) -> NaiveDate {
        self.ends
            .filter(|end| *end > self.date)
            .unwrap_or(self.date)
    }

    /// Whether `today` is after the event's last day (capture then asks "Still at …?").
    pub fn is_over(&self, today: NaiveDate) -> bool {
        today > self.last_day()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn an_event_is_over_after_its_last_day() {
        // (starts, ends, today, over)
        for (date, ends, today, over) in [
            ("2024-09-12", None, "2024-09-12", false),
            ("2024-09-12", None, "2024-09-13", true),
            ("2024-09-12", Some("2024-09-14"), "2024-09-14", false),
            ("2024-09-12", Some("2024-09-14"), "2024-09-15", true),
            ("2024-09-12", Some("2024-09-10"), "2024-09-13", true),
            ("2024-09-12", None, "2024-09-01", false),
        ] {
            let event = Event {
                date: d(date),
                ends: ends.map(d),
                ..Event::default()
            };
            assert_eq!(
                event.is_over(d(today)),
                over,
                "{date} to {ends:?} on {today}"
            );
        }
    }
}
