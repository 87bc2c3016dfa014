//! The follow-up playbook as rules: which steps apply to a contact, when each is due, and
//! its status on a given day.
//!
//! The windows, counted in calendar days from the day you met (`met_on`):
//! 1. `Connect`: due on `met_on`; overdue from the next day.
//! 2. `Email`, the follow-up: due from day 1 to day 3; overdue from day 4. Without an
//!    email address it needs their email (`Hint::NoEmailAddress`) and goes out as a
//!    LinkedIn message instead (`StepView::by_message`), which counts as the follow-up;
//!    once an address is saved, the step is an email again.
//! 3. `BonusMessage`, only when `really_want`: due 3 to 5 days after the follow-up was
//!    sent (by email or as a message) or skipped.
//! 4. `Referral`, only for engineers: due 7 days after the follow-up was sent or skipped;
//!    it can be marked done earlier.
//! 5. `KeepInTouch`: once every step above is done or skipped, due `cadence` days after the
//!    latest of those dates and of the last logged interaction, so any interaction restarts
//!    it. It recurs: marking it done logs an interaction, which restarts the count.
//!
//! Outcomes (see `outcome`, read from the log, so undoing one undoes its effects):
//! 6. A reply (`InteractionKind::Replied`) stops the bonus message if it was not sent or
//!    skipped yet, and answers a referral ask (no nudge).
//! 7. A booked meeting (`Outcome::Meeting`, the latest one counts) adds `Prep`, due from
//!    the day before (or the day it was booked, if later) to the meeting's day and dropped
//!    once that day has passed undone, and `ThankYou`, due the day after to two days after.
//!    A state set on them before the latest meeting was booked belongs to an earlier
//!    meeting and reads as pending.
//! 8. A referral ask (`Referral` done) with no answer gets `Nudge`, due 7 to 14 days after
//!    the ask: it comes once and is dropped after that week; an answer removes it.
//!
//! Channels decide what applies: a contact with neither an email address nor a LinkedIn
//! profile has one step only, `Connect` shown as "Find a way to reach them"
//! (`Hint::NoChannel`), instead of a pile of steps that cannot happen; saving either
//! channel, or marking that step done (connected on LinkedIn), brings the whole playbook
//! back.
//!
//! While a step waits on an earlier one (3 and 4 on the email, 5 on all others), it is
//! never due: its status is `Upcoming` with a projected date, as if the earlier steps were
//! done today (or on the day they open, if later), and `StepView::waiting_on` names the
//! step it waits for. A snoozed step is due on its snooze date, whatever it waits on.
//! Done and skipped steps report `Done`/`Skipped` with their date.
//!
//! Pure functions of a contact, a cadence and `today`; this module never reads the clock.

use std::fmt;

/// The version of these rules, written into every shard's digest (`snapshot::digest`),
/// which stores what the rules computed for each contact: a digest of other rules is not
/// trusted. Bump it with any change to what [`plan`] returns for a contact; the test
/// `the_rules_version_is_bumped_when_the_rules_change` fails until it is.
pub const RULES: u32 = 1;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::contact::{Contact, Kind};
use super::interaction::InteractionKind;
use super::outcome::{self, NUDGE_AFTER_DAYS};
use super::step::{Status, Step, StepState, Window};

/// One step of one contact, as the agenda and the contact timeline show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepView {
    pub step: Step,
    /// What the student set.
    pub state: StepState,
    /// What that means today.
    pub status: Status,
    /// When the step is (or would be) due.
    pub window: Window,
    /// The earlier step this one waits for, if it is not resolved yet.
    pub waiting_on: Option<Step>,
    pub hint: Option<Hint>,
    /// The follow-up goes (or went) out as a LinkedIn message rather than an email.
    pub by_message: bool,
}

impl StepView {
    /// What to do (or what was done), in the words of the agenda and the timeline.
    pub fn label(&self) -> &'static str {
        step_label(self.step, self.status, self.hint, self.by_message)
    }
}

/// The label of a step given its status, hint and channel: the one wording shared by the
/// agenda, the contact page and the composer.
pub fn step_label(
    step: Step,
    status: Status,
    hint: Option<Hint>,
    by_message: bool,
) -> &'static str {
    let done = matches!(status, Status::Done(_));
    match (hint, done, by_message) {
        (Some(Hint::NoChannel), false, _) => "Find a way to reach them",
        (_, true, true) => "Sent the follow-up as a LinkedIn message",
        (_, true, false) => step.done_label(),
        (_, false, true) => "Send the follow-up as a LinkedIn message",
        (_, false, false) => step.label(),
    }
}

/// The ways the playbook can reach a contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Channels {
    pub email: bool,
    pub linkedin: bool,
}

impl Channels {
    /// Every combination, for tests and tables.
    pub const ALL: [Channels; 4] = [
        Channels {
            email: true,
            linkedin: true,
        },
        Channels {
            email: true,
            linkedin: false,
        },
        Channels {
            email: false,
            linkedin: true,
        },
        Channels {
            email: false,
            linkedin: false,
        },
    ];

    /// A contact is reachable on LinkedIn when their profile is saved or the student has
    /// connected with them (found by name, profile not saved).
    pub fn of(contact: &Contact) -> Channels {
        Channels {
            email: contact.email.is_some(),
            linkedin: contact.linkedin.is_some()
                || matches!(contact.steps.connect, StepState::Done(_)),
        }
    }

    /// Neither an email address nor a LinkedIn profile.
    pub fn none(self) -> bool {
        !self.email && !self.linkedin
    }
}

/// Advice shown with a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Hint {
    /// The email step, for a contact without an email address.
    NoEmailAddress,
    /// A LinkedIn step, for a contact without a saved profile link.
    NoLinkedInProfile,
    /// The one step of a contact with neither an email address nor a LinkedIn profile.
    NoChannel,
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Hint::NoEmailAddress => {
                "Needs their email: send it as a LinkedIn message instead, or add their address."
            }
            Hint::NoChannel => {
                "No email or LinkedIn saved: look them up by name and company, or ask someone who \
                 knows them, then add what you find."
            }
            Hint::NoLinkedInProfile => {
                "No LinkedIn link saved: search for them by name and company."
            }
        })
    }
}

/// The steps that apply to this contact, in playbook order.
pub fn steps_for(contact: &Contact) -> Vec<Step> {
    Step::ALL
        .into_iter()
        .filter(|step| applies(contact, *step))
        .collect()
}

/// Whether a step is part of this contact's playbook.
pub fn applies(contact: &Contact, step: Step) -> bool {
    match step {
        Step::Prep | Step::ThankYou => return outcome::latest_meeting(contact).is_some(),
        Step::Nudge => return nudge_applies(contact),
        _ => {}
    }
    if Channels::of(contact).none() {
        return step == Step::Connect;
    }
    match step {
        Step::BonusMessage => {
            contact.really_want
                && (contact.steps.bonus_message.resolved_on().is_some()
                    || !outcome::replied_since(contact, contact.met_on))
        }
        Step::Referral => contact.kind == Kind::Engineer,
        _ => true,
    }
}

/// A referral ask that was not answered, or whose nudge was already done or skipped.
fn nudge_applies(contact: &Contact) -> bool {
    match outcome::referral(contact, &[]) {
        Some(r) if r.asked_on.is_some() => {
            !r.answered || state(contact, Step::Nudge).resolved_on().is_some()
        }
        _ => false,
    }
}

/// Every applicable step of the contact, in playbook order. A meeting's prep is left out
/// once the meeting's day has passed without it, and a nudge once its week has (it comes
/// once, gently).
pub fn plan(contact: &Contact, default_cadence: u32, today: NaiveDate) -> Vec<StepView> {
    steps_for(contact)
        .into_iter()
        .map(|step| view(contact, step, default_cadence, today))
        .filter(still_shown)
        .collect()
}

/// Whether `plan` keeps a step on its day: not a prep past its meeting, nor a nudge past
/// its week.
pub(crate) fn still_shown(view: &StepView) -> bool {
    !(matches!(view.step, Step::Prep | Step::Nudge) && matches!(view.status, Status::Overdue(_)))
}

/// The stored state of a step, with the prep and thank-you of an earlier meeting read as
/// pending (they belong to the latest meeting) and a nudge snoozed or resolved before the
/// current ask read as pending.
fn state(contact: &Contact, step: Step) -> StepState {
    let stored = contact.steps.get(step);
    let set_on = match stored {
        StepState::Done(on) | StepState::Skipped(on) => on,
        // A snooze is set before its date; it stays with the meeting it was set for.
        StepState::Snoozed(until) => until,
        StepState::Pending => return stored,
    };
    let since = match step {
        Step::Prep | Step::ThankYou => outcome::latest_meeting(contact).map(|(_, booked)| booked),
        Step::Nudge => match contact.steps.referral {
            StepState::Done(asked) => Some(asked),
            _ => None,
        },
        _ => None,
    };
    match since {
        Some(since) if set_on < since => StepState::Pending,
        _ => stored,
    }
}

/// The step that needs attention first: the one with the earliest window among those not
/// done, skipped or waiting. `None` when only keep-in-touch is left and it was skipped.
pub fn next_step(contact: &Contact, default_cadence: u32, today: NaiveDate) -> Option<StepView> {
    plan(contact, default_cadence, today)
        .into_iter()
        .filter(|v| v.state.resolved_on().is_none() || v.step == Step::KeepInTouch)
        .filter(|v| v.waiting_on.is_none() && !matches!(v.status, Status::Skipped(_)))
        .min_by_key(|v| (v.window.closes, v.step))
}

/// One step of the contact, whether or not it applies.
pub fn view(contact: &Contact, step: Step, default_cadence: u32, today: NaiveDate) -> StepView {
    let state = state(contact, step);
    let (nominal, waiting_on) = nominal_window(contact, step, default_cadence, today);
    let (window, waiting_on) = match state {
        StepState::Snoozed(until) => (Window::on(until), None),
        _ => (nominal, waiting_on),
    };
    let status = match state {
        StepState::Done(on) if step != Step::KeepInTouch => Status::Done(on),
        StepState::Skipped(on) => Status::Skipped(on),
        _ if waiting_on.is_some() => Status::Upcoming(window.opens),
        _ => window.status(today),
    };
    StepView {
        step,
        state,
        status,
        window,
        waiting_on,
        hint: hint(contact, step),
        by_message: by_message(contact, step, state),
    }
}

/// Whether `step` of this contact goes (or went) out as a LinkedIn message, as its
/// `StepView::by_message` says: only the follow-up can.
pub fn goes_by_message(contact: &Contact, step: Step) -> bool {
    by_message(contact, step, state(contact, step))
}

/// Whether the follow-up of this contact goes (or went) out as a LinkedIn message: it was
/// marked sent that way, or it is still to send and there is no address to email.
fn by_message(contact: &Contact, step: Step, state: StepState) -> bool {
    if step != Step::Email {
        return false;
    }
    match state {
        StepState::Done(on) => contact
            .interactions
            .iter()
            .any(|i| i.on == on && i.kind == InteractionKind::FollowUpMessage),
        StepState::Skipped(_) => false,
        StepState::Pending | StepState::Snoozed(_) => contact.email.is_none(),
    }
}

/// The window from the rules (ignoring snoozes), and the step it waits on if any.
fn nominal_window(
    contact: &Contact,
    step: Step,
    default_cadence: u32,
    today: NaiveDate,
) -> (Window, Option<Step>) {
    let met = contact.met_on;
    match step {
        Step::Connect => (Window::on(met), None),
        Step::Email => (email_window(met), None),
        Step::BonusMessage => {
            let (anchor, waiting) = after(contact, Step::Email, today);
            (
                Window {
                    opens: plus(anchor, 3),
                    closes: plus(anchor, 5),
                },
                waiting,
            )
        }
        Step::Referral => {
            let (anchor, waiting) = after(contact, Step::Email, today);
            (Window::on(plus(anchor, 7)), waiting)
        }
        Step::KeepInTouch => {
            let mut base = contact.last_interaction().unwrap_or(met).max(met);
            let mut waiting = None;
            for earlier in steps_for(contact) {
                // Meetings and nudges are reminders beside the playbook; they never hold
                // keep-in-touch back.
                if !matches!(
                    earlier,
                    Step::Connect | Step::Email | Step::BonusMessage | Step::Referral
                ) {
                    continue;
                }
                let (anchor, waits) = after(contact, earlier, today);
                base = base.max(anchor);
                waiting = waiting.or(waits);
            }
            if let StepState::Done(on) = contact.steps.keep_in_touch {
                base = base.max(on);
            }
            let cadence = contact.cadence(default_cadence);
            (Window::on(plus(base, cadence.into())), waiting)
        }
        Step::Prep | Step::ThankYou => {
            let Some((at, booked)) = outcome::latest_meeting(contact) else {
                return (Window::on(met), None);
            };
            let day = at.date();
            if step == Step::Prep {
                let before = day.pred_opt().unwrap_or(day);
                (
                    Window {
                        opens: before.max(booked).min(day),
                        closes: day,
                    },
                    None,
                )
            } else {
                (
                    Window {
                        opens: plus(day, 1),
                        closes: plus(day, 2),
                    },
                    None,
                )
            }
        }
        Step::Nudge => {
            let asked = contact.steps.referral.resolved_on().unwrap_or(met);
            (
                Window {
                    opens: plus(asked, NUDGE_AFTER_DAYS),
                    closes: plus(asked, 2 * NUDGE_AFTER_DAYS),
                },
                None,
            )
        }
    }
}

fn email_window(met: NaiveDate) -> Window {
    Window {
        opens: plus(met, 1),
        closes: plus(met, 3),
    }
}

/// The date `earlier` was resolved; if it is not, the projected date (today, or the day it
/// opens if later) and `Some(earlier)` to say the caller waits on it.
fn after(contact: &Contact, earlier: Step, today: NaiveDate) -> (NaiveDate, Option<Step>) {
    match contact.steps.get(earlier).resolved_on() {
        Some(on) => (on, None),
        None => {
            let opens = view(contact, earlier, 1, today).window.opens;
            (today.max(opens), Some(earlier))
        }
    }
}

fn hint(contact: &Contact, step: Step) -> Option<Hint> {
    if matches!(step, Step::Prep | Step::ThankYou | Step::Nudge) {
        return None;
    }
    if Channels::of(contact).none() {
        return Some(Hint::NoChannel);
    }
    match step {
        Step::Email | Step::Referral if contact.email.is_none() => Some(Hint::NoEmailAddress),
        Step::Connect | Step::BonusMessage if contact.linkedin.is_none() => {
            Some(Hint::NoLinkedInProfile)
        }
        _ => None,
    }
}

/// `day` plus `n` days, saturating at the last representable date.
pub(crate) fn plus(day: NaiveDate, n: u64) -> NaiveDate {
    day.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
#[path = "playbook_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "playbook_channels_tests.rs"]
mod channel_tests;

#[cfg(test)]
#[path = "playbook_outcomes_tests.rs"]
mod outcome_tests;
