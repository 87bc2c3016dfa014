//! The follow-up playbook as rules: which steps apply to a contact, when each is due, and
//! its status on a given day.
//!
//! The windows, counted in calendar days from the day you met (`met_on`):
//! 1. `Connect`: due on `met_on`; overdue from the next day.
//! 2. `Email`: due from day 1 to day 3; overdue from day 4. Without an email address the
//!    step carries `Hint::NoEmailAddress` (send it as a LinkedIn message instead).
//! 3. `BonusMessage`, only when `really_want`: due 3 to 5 days after the email step was
//!    done (or skipped).
//! 4. `Referral`, only for engineers: due 7 days after the email step was done (or
//!    skipped); it can be marked done earlier.
//! 5. `KeepInTouch`: once every step above is done or skipped, due `cadence` days after the
//!    latest of those dates and of the last logged interaction, so any interaction restarts
//!    it. It recurs: marking it done logs an interaction, which restarts the count.
//!
//! While a step waits on an earlier one (3 and 4 on the email, 5 on all others), it is
//! never due: its status is `Upcoming` with a projected date, as if the earlier steps were
//! done today (or on the day they open, if later), and `StepView::waiting_on` names the
//! step it waits for. A snoozed step is due on its snooze date, whatever it waits on.
//! Done and skipped steps report `Done`/`Skipped` with their date.
//!
//! Pure functions of a contact, a cadence and `today`; this module never reads the clock.

use std::fmt;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::contact::{Contact, Kind};
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
}

/// Advice shown with a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Hint {
    /// The email step, for a contact without an email address.
    NoEmailAddress,
    /// A LinkedIn step, for a contact without a saved profile link.
    NoLinkedInProfile,
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Hint::NoEmailAddress => {
                "No email address saved: send your follow-up as a LinkedIn message instead."
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
        Step::BonusMessage => contact.really_want,
        Step::Referral => contact.kind == Kind::Engineer,
        Step::Connect | Step::Email | Step::KeepInTouch => true,
    }
}

/// Every applicable step of the contact, in playbook order.
pub fn plan(contact: &Contact, default_cadence: u32, today: NaiveDate) -> Vec<StepView> {
    steps_for(contact)
        .into_iter()
        .map(|step| view(contact, step, default_cadence, today))
        .collect()
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
    let state = contact.steps.get(step);
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
                if earlier == Step::KeepInTouch {
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
    match step {
        Step::Email if contact.email.is_none() => Some(Hint::NoEmailAddress),
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
