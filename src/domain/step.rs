//! The steps of the follow-up playbook, the state a student sets on each, and the status
//! computed from it.
//!
//! These are data only; the rules that compute due windows live in `playbook`. Nothing
//! here reads the clock.

use super::dates::read;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A step of the playbook, in the order the seed gives them.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Step {
    /// Connect on LinkedIn with a custom note: due the day you met.
    #[default]
    Connect,
    /// A personalised follow-up email: due day 1 to day 3 after meeting.
    Email,
    /// A bonus LinkedIn message, only for a job you really want.
    BonusMessage,
    /// Ask an engineer to introduce you to a recruiter.
    Referral,
    /// A reminder every N days once the steps above are resolved.
    KeepInTouch,
    /// Prepare for a booked meeting: due the day before it.
    Prep,
    /// Thank them after a meeting: due the day after it.
    ThankYou,
    /// A gentle nudge for a referral ask with no answer after a week; comes once.
    Nudge,
}

impl Step {
    pub const ALL: [Step; 8] = [
        Step::Connect,
        Step::Email,
        Step::BonusMessage,
        Step::Referral,
        Step::KeepInTouch,
        Step::Prep,
        Step::ThankYou,
        Step::Nudge,
    ];

    /// The steps every playbook has had since version 1 (the CSV's step columns).
    pub const PLAYBOOK: [Step; 5] = [
        Step::Connect,
        Step::Email,
        Step::BonusMessage,
        Step::Referral,
        Step::KeepInTouch,
    ];

    /// What to do, as an imperative for the agenda.
    pub fn label(self) -> &'static str {
        match self {
            Step::Connect => "Connect on LinkedIn",
            Step::Email => "Send the follow-up email",
            Step::BonusMessage => "Send a LinkedIn message",
            Step::Referral => "Ask for an intro to a recruiter",
            Step::KeepInTouch => "Keep in touch",
            Step::Prep => "Prepare for your meeting",
            Step::ThankYou => "Send a thank-you",
            Step::Nudge => "Check in on your referral ask",
        }
    }

    /// The step's name in a URL (`/contacts/<id>/send/<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            Step::Connect => "connect",
            Step::Email => "email",
            Step::BonusMessage => "message",
            Step::Referral => "referral",
            Step::KeepInTouch => "keep-in-touch",
            Step::Prep => "prep",
            Step::ThankYou => "thank-you",
            Step::Nudge => "nudge",
        }
    }

    /// The step named by `slug`, if any.
    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// What was done, for the interaction log.
    pub fn done_label(self) -> &'static str {
        match self {
            Step::Connect => "Connected on LinkedIn",
            Step::Email => "Sent the follow-up email",
            Step::BonusMessage => "Sent a LinkedIn message",
            Step::Referral => "Asked for a referral",
            Step::KeepInTouch => "Kept in touch",
            Step::Prep => "Prepared for the meeting",
            Step::ThankYou => "Sent a thank-you",
            Step::Nudge => "Checked in on the referral ask",
        }
    }
}

/// The state a student set on a step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StepState {
    #[default]
    Pending,
    #[serde(deserialize_with = "read::date")]
    Done(NaiveDate),
    #[serde(deserialize_with = "read::date")]
    Skipped(NaiveDate),
    /// Not before this date: the step becomes due on it.
    #[serde(deserialize_with = "read::date")]
    Snoozed(NaiveDate),
}

impl StepState {
    pub fn is_pending(&self) -> bool {
        *self == StepState::Pending
    }

    /// The date the step was done or skipped.
    pub fn resolved_on(self) -> Option<NaiveDate> {
        match self {
            StepState::Done(on) | StepState::Skipped(on) => Some(on),
            StepState::Pending | StepState::Snoozed(_) => None,
        }
    }
}

/// The state of every step of one contact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepStates {
    #[serde(skip_serializing_if = "StepState::is_pending")]
    pub connect: StepState,
    #[serde(skip_serializing_if = "StepState::is_pending")]
    pub email: StepState,
    #[serde(skip_serializing_if = "StepState::is_pending")]
    pub bonus_message: StepState,
    #[serde(skip_serializing_if = "StepState::is_pending")]
    pub referral: StepState,
    #[serde(skip_serializing_if = "StepState::is_pending")]
    pub keep_in_touch: StepState,
    #[serde(skip_serializing_if = "StepState::is_pending")]
    pub prep: StepState,
    #[serde(skip_serializing_if = "StepState::is_pending")]
    pub thank_you: StepState,
    #[serde(skip_serializing_if = "StepState::is_pending")]
    pub nudge: StepState,
}

impl StepStates {
    /// No step has been done, skipped or snoozed yet.
    pub fn all_pending(&self) -> bool {
        *self == StepStates::default()
    }

    pub fn get(&self, step: Step) -> StepState {
        match step {
            Step::Connect => self.connect,
            Step::Email => self.email,
            Step::BonusMessage => self.bonus_message,
            Step::Referral => self.referral,
            Step::KeepInTouch => self.keep_in_touch,
            Step::Prep => self.prep,
            Step::ThankYou => self.thank_you,
            Step::Nudge => self.nudge,
        }
    }

    pub fn set(&mut self, step: Step, state: StepState) {
        let slot = match step {
            Step::Connect => &mut self.connect,
            Step::Email => &mut self.email,
            Step::BonusMessage => &mut self.bonus_message,
            Step::Referral => &mut self.referral,
            Step::KeepInTouch => &mut self.keep_in_touch,
            Step::Prep => &mut self.prep,
            Step::ThankYou => &mut self.thank_you,
            Step::Nudge => &mut self.nudge,
        };
        *slot = state;
    }
}

/// The days in which a step is due: it opens on `opens` and is overdue after `closes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Window {
    pub opens: NaiveDate,
    pub closes: NaiveDate,
}

impl Window {
    /// A window of a single day.
    pub fn on(day: NaiveDate) -> Window {
        Window {
            opens: day,
            closes: day,
        }
    }

    /// Where `today` falls in the window.
    pub fn status(self, today: NaiveDate) -> Status {
        if today < self.opens {
            Status::Upcoming(self.opens)
        } else if today <= self.closes {
            Status::DueToday
        } else {
            Status::Overdue((today - self.closes).num_days() as u32)
        }
    }
}

/// A step's status on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Not due yet; due from this date.
    Upcoming(NaiveDate),
    /// Due today (or within its window, which includes today).
    DueToday,
    /// Past its window by this many days (at least 1).
    Overdue(u32),
    Done(NaiveDate),
    Skipped(NaiveDate),
}

impl Status {
    /// Due today or overdue: something to do now.
    pub fn needs_action(self) -> bool {
        matches!(self, Status::DueToday | Status::Overdue(_))
    }
}
