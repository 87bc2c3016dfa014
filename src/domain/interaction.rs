//! The log of touch points with a contact: steps sent, replies, coffee chats, and the
//! outcomes of `outcome` (a meeting booked, an introduction, an application, an offer).
//!
//! Every logged interaction restarts the keep-in-touch cadence. Dates are given by the
//! caller; this module never reads the clock.

use super::dates::read;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::outcome::Outcome;
use super::step::Step;

/// What happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InteractionKind {
    /// A playbook step was marked done (the LinkedIn note, the email, …).
    Step(Step),
    /// The follow-up was sent as a LinkedIn message instead of an email (the email step
    /// is marked done with it).
    FollowUpMessage,
    Replied,
    CoffeeChat,
    Call,
    MetAgain,
    Interview,
    #[default]
    Other,
    /// A meeting was booked (`Outcome::Meeting` holds when).
    Meeting,
    /// They introduced the student to another contact (`Outcome::IntroducedTo`).
    Introduced,
    /// Someone introduced the student to this contact (`Outcome::IntroducedBy`).
    IntroducedBy,
    /// The student applied for a job (`Outcome::Applied`).
    Applied,
    Offer,
    /// "Not now": no opening, or not this time.
    NotNow,
}

impl InteractionKind {
    /// The kinds a student can log by hand, in the order a picker shows them.
    pub const MANUAL: [InteractionKind; 6] = [
        InteractionKind::Replied,
        InteractionKind::CoffeeChat,
        InteractionKind::Call,
        InteractionKind::MetAgain,
        InteractionKind::Interview,
        InteractionKind::Other,
    ];

    /// A short label for the log, in the past tense.
    pub fn label(self) -> &'static str {
        match self {
            InteractionKind::Step(step) => step.done_label(),
            InteractionKind::FollowUpMessage => "Sent the follow-up as a LinkedIn message",
            InteractionKind::Replied => "They replied",
            InteractionKind::CoffeeChat => "Coffee chat",
            InteractionKind::Call => "Call",
            InteractionKind::MetAgain => "Met again",
            InteractionKind::Interview => "Interview",
            InteractionKind::Other => "Other",
            InteractionKind::Meeting => "Meeting booked",
            InteractionKind::Introduced => "Introduced you",
            InteractionKind::IntroducedBy => "Introduced by",
            InteractionKind::Applied => "Applied",
            InteractionKind::Offer => "Offer",
            InteractionKind::NotNow => "Not now",
        }
    }
}

/// One entry of a contact's log.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Interaction {
    #[serde(deserialize_with = "read::date")]
    pub on: NaiveDate,
    pub kind: InteractionKind,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// What came of it, with its details (a meeting's time, who they introduced you to,
    /// the job applied for); `None` for steps and entries logged by hand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
}
