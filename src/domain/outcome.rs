//! What came of a follow-up: they replied, a meeting was booked, they introduced you to
//! someone, you applied, interviewed, got an offer, or heard "not now". And the referral
//! state those outcomes add up to for one contact: asked → introduced → applied →
//! interviewing → offer, or not now.
//!
//! An outcome is stored on an `Interaction` of the contact's log (`Interaction::outcome`),
//! whose `kind` is `Outcome::kind()`; the log is the only record, so removing the entry
//! undoes everything the outcome changed in the playbook (`playbook` reads the log).
//! Interactions logged before outcomes existed (`Replied`, `Interview` by hand) count as
//! the same outcomes without details.
//!
//! Pure: dates and times are given, ids are given; nothing here reads the clock.

use super::dates::read;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

use super::contact::{Contact, ContactId};
use super::dates::iso;
use super::interaction::{Interaction, InteractionKind};
use super::step::{Step, StepState};

/// Days after a referral ask with no answer before the agenda nudges once.
pub const NUDGE_AFTER_DAYS: u64 = 7;

/// One outcome and its details.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// They answered; `to` is the step they replied to, if known. Stops the bonus message
    /// and the nudge of an unanswered referral ask.
    Replied { to: Option<Step> },
    /// A meeting (a call, a coffee chat) booked for this local date and time: a prep
    /// reminder the day before and a thank-you the day after.
    Meeting {
        #[serde(deserialize_with = "read::date_time")]
        at: NaiveDateTime,
    },
    /// They introduced the student to another contact (logged on the one who introduced).
    IntroducedTo { contact: ContactId },
    /// The student was introduced to this contact by another (logged on the new contact):
    /// the other half of `IntroducedTo`.
    IntroducedBy { contact: ContactId },
    /// The student applied for a job: its title, and a link or a job id (either may be
    /// empty).
    Applied { job: String, link: String },
    /// An interview.
    Interview,
    /// An offer.
    Offer,
    /// "Not now": no opening, or not this time.
    NotNow,
}

impl Outcome {
    /// The interaction kind an entry with this outcome is logged as.
    pub fn kind(&self) -> InteractionKind {
        match self {
            Outcome::Replied { .. } => InteractionKind::Replied,
            Outcome::Meeting { .. } => InteractionKind::Meeting,
            Outcome::IntroducedTo { .. } => InteractionKind::Introduced,
            Outcome::IntroducedBy { .. } => InteractionKind::IntroducedBy,
            Outcome::Applied { .. } => InteractionKind::Applied,
            Outcome::Interview => InteractionKind::Interview,
            Outcome::Offer => InteractionKind::Offer,
            Outcome::NotNow => InteractionKind::NotNow,
        }
    }

    /// The outcome in words, for the CSV and the history: "Meeting booked for 2026-12-03
    /// 14:30", "Introduced you to Sam Lee", "Applied for Intern (R-17)". `name` gives a
    /// linked contact's name (empty when they were deleted).
    pub fn describe(&self, name: impl Fn(&ContactId) -> String) -> String {
        let named = |id: &ContactId| {
            let n = name(id);
            if n.is_empty() {
                "someone no longer in your book".to_string()
            } else {
                n
            }
        };
        match self {
            Outcome::Meeting { at } => {
                format!("Meeting booked for {} {}", iso(at.date()), clock(*at))
            }
            Outcome::IntroducedTo { contact } => format!("Introduced you to {}", named(contact)),
            Outcome::IntroducedBy { contact } => format!("Introduced by {}", named(contact)),
            Outcome::Applied { job, link } => {
                let mut text = "Applied".to_string();
                if !job.is_empty() {
                    text.push_str(" for ");
                    text.push_str(job);
                }
                if !link.is_empty() {
                    text.push_str(&format!(" ({link})"));
                }
                text
            }
            other => other.kind().label().to_string(),
        }
    }

    /// The contact this outcome links to, if any.
    pub fn linked(&self) -> Option<&ContactId> {
        match self {
            Outcome::IntroducedTo { contact } | Outcome::IntroducedBy { contact } => Some(contact),
            _ => None,
        }
    }
}

/// Where a referral stands, in the order it moves.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ReferralState {
    /// The student asked for an introduction (or a referral), no introduction yet.
    #[default]
    Asked,
    Introduced,
    Applied,
    Interviewing,
    Offer,
    /// Not now: the ask ended without a referral (for now).
    NotNow,
}

impl ReferralState {
    pub const ALL: [ReferralState; 6] = [
        ReferralState::Asked,
        ReferralState::Introduced,
        ReferralState::Applied,
        ReferralState::Interviewing,
        ReferralState::Offer,
        ReferralState::NotNow,
    ];

    /// A short label for lists and CSV.
    pub fn label(self) -> &'static str {
        match self {
            ReferralState::Asked => "Asked",
            ReferralState::Introduced => "Introduced",
            ReferralState::Applied => "Applied",
            ReferralState::Interviewing => "Interviewing",
            ReferralState::Offer => "Offer",
            ReferralState::NotNow => "Not now",
        }
    }

    /// The state an interaction of this kind moves a referral to, if it moves one.
    fn of(kind: InteractionKind) -> Option<ReferralState> {
        match kind {
            InteractionKind::Step(Step::Referral) => Some(ReferralState::Asked),
            InteractionKind::Introduced => Some(ReferralState::Introduced),
            InteractionKind::Applied => Some(ReferralState::Applied),
            InteractionKind::Interview => Some(ReferralState::Interviewing),
            InteractionKind::Offer => Some(ReferralState::Offer),
            InteractionKind::NotNow => Some(ReferralState::NotNow),
            _ => None,
        }
    }
}

/// A contact's referral: where it stands and since when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Referral {
    pub state: ReferralState,
    /// The day it reached that state.
    pub since: NaiveDate,
    /// The day the student asked, if they did (the referral step done).
    pub asked_on: Option<NaiveDate>,
    /// They answered the ask (a reply, or any later outcome).
    pub answered: bool,
}

/// The referral state of `contact`, also moved by what was logged on the contacts they
/// introduced the student to (`introduced`: an applied or an interview logged on the
/// recruiter moves the engineer's referral). `None` when there was no ask and no
/// referral outcome.
///
/// The state is the furthest reached, in log order; "not now" holds until a later entry
/// moves it forward again.
pub fn referral(contact: &Contact, introduced: &[&Contact]) -> Option<Referral> {
    let asked_on = match contact.steps.referral {
        StepState::Done(on) => Some(on),
        _ => None,
    };
    let mut entries: Vec<(NaiveDate, ReferralState)> = contact
        .interactions
        .iter()
        .chain(introduced.iter().flat_map(|c| c.interactions.iter()))
        .filter_map(|i| ReferralState::of(i.kind).map(|s| (i.on, s)))
        .collect();
    if let Some(on) = asked_on {
        entries.push((on, ReferralState::Asked));
    }
    entries.sort();
    let mut current: Option<Referral> = None;
    for (on, state) in entries {
        let moves = match current {
            None => true,
            Some(r) if r.state == ReferralState::NotNow => state != ReferralState::Asked,
            Some(r) => state > r.state,
        };
        if moves {
            current = Some(Referral {
                state,
                since: on,
                asked_on,
                answered: false,
            });
        }
    }
    let mut referral = current?;
    referral.answered = referral.state != ReferralState::Asked
        || contact
            .interactions
            .iter()
            .any(|i| i.kind == InteractionKind::Replied && asked_on.is_some_and(|a| i.on >= a));
    Some(referral)
}

/// The ids `contact` introduced the student to, in log order, without repeats.
pub fn introduced_to(contact: &Contact) -> Vec<&ContactId> {
    linked(contact, InteractionKind::Introduced)
}

/// The ids who introduced the student to `contact`, in log order, without repeats.
pub fn introduced_by(contact: &Contact) -> Vec<&ContactId> {
    linked(contact, InteractionKind::IntroducedBy)
}

fn linked(contact: &Contact, kind: InteractionKind) -> Vec<&ContactId> {
    let mut out: Vec<&ContactId> = Vec::new();
    for id in contact
        .interactions
        .iter()
        .filter(|i| i.kind == kind)
        .filter_map(|i| i.outcome.as_ref().and_then(Outcome::linked))
    {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// The meeting the prep and thank-you reminders are for: the latest booked, with the day
/// it was recorded.
pub fn latest_meeting(contact: &Contact) -> Option<(NaiveDateTime, NaiveDate)> {
    contact
        .interactions
        .iter()
        .filter_map(|i| match i.outcome {
            Some(Outcome::Meeting { at }) => Some((at, i.on)),
            _ => None,
        })
        .max()
}

/// Whether they replied on or after `day`.
pub fn replied_since(contact: &Contact, day: NaiveDate) -> bool {
    contact
        .interactions
        .iter()
        .any(|i| i.kind == InteractionKind::Replied && i.on >= day)
}

/// The time of day, "14:30" (without chrono's formatter, which the app does not ship).
pub fn clock(at: NaiveDateTime) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// A log entry for an outcome.
pub fn entry(on: NaiveDate, outcome: Outcome, note: &str) -> Interaction {
    Interaction {
        on,
        kind: outcome.kind(),
        note: note.trim().to_string(),
        outcome: Some(outcome),
    }
}

#[cfg(test)]
#[path = "outcome_tests.rs"]
mod tests;
