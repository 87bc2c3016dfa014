//! The log of touch points with a contact: steps sent, replies, coffee chats.
//!
//! Every logged interaction restarts the keep-in-touch cadence. Dates are given by the
//! caller; this module never reads the clock.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
        }
    }
}

/// One entry of a contact's log.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Interaction {
    pub on: NaiveDate,
    pub kind: InteractionKind,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}
