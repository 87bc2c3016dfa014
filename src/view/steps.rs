//! One way to act on a step, wherever it is shown (agenda row or contact timeline): which
//! actions it offers, what they are called, and the snooze choices.
//!
//! Pure: a step's status, state and channel in, `StepButtons` out; the component in
//! `components::step_actions` draws them and sends the commands.

use chrono::NaiveDate;

use crate::domain::playbook::{plus, Hint};
use crate::domain::{Status, StepState};

/// The snooze choices offered everywhere: (label, days from today). A date of the
/// student's choice is offered beside them.
pub const SNOOZE_CHOICES: [(&str, u64); 3] = [("Tomorrow", 1), ("In 3 days", 3), ("Next week", 7)];

/// The actions a step offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct StepButtons {
    /// The composer link's label ("Write it", or "Write it early" before it is due).
    pub write: Option<&'static str>,
    /// A link to the edit page to add an email or a LinkedIn profile.
    pub add_channel: bool,
    /// Mark it done (for a follow-up going as a LinkedIn message, done that way).
    pub done: bool,
    pub snooze: bool,
    /// Put a snoozed step back on its own dates.
    pub unsnooze: bool,
    /// Snooze to today, for a missed step.
    pub try_again: bool,
    pub skip: bool,
    /// "Add to calendar": the step as a calendar event (not for a missed step, which is
    /// tried again or let go first).
    pub calendar: bool,
}

/// What a step offers, given where it stands. `missed`: more than two weeks late.
pub fn buttons(status: Status, state: StepState, hint: Option<Hint>, missed: bool) -> StepButtons {
    let none = StepButtons::default();
    if matches!(status, Status::Done(_) | Status::Skipped(_)) {
        return none;
    }
    if missed {
        return StepButtons {
            try_again: true,
            skip: true,
            ..none
        };
    }
    let unreachable = hint == Some(Hint::NoChannel);
    let write = match (unreachable, status.needs_action()) {
        (true, _) => None,
        (false, true) => Some("Write it"),
        (false, false) => Some("Write it early"),
    };
    StepButtons {
        write,
        add_channel: unreachable,
        done: true,
        snooze: true,
        unsnooze: matches!(state, StepState::Snoozed(_)),
        try_again: false,
        skip: true,
        calendar: true,
    }
}

/// The dates of the quick snooze choices from `today`.
pub fn snooze_dates(today: NaiveDate) -> [(&'static str, NaiveDate); 3] {
    SNOOZE_CHOICES.map(|(label, days)| (label, plus(today, days)))
}

/// A picked snooze date, checked: it must be a date after today.
pub fn check_snooze_date(
    picked: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<NaiveDate, &'static str> {
    match picked {
        Some(until) if until > today => Ok(until),
        Some(_) => Err("Pick a day after today."),
        None => Err("Pick a date, or use one of the buttons."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// (status, state, hint, missed) → (write, add, done, snooze, unsnooze, try again, skip)
    #[test]
    fn every_step_offers_the_same_actions_wherever_it_is_shown() {
        type Row = (
            Status,
            StepState,
            Option<Hint>,
            bool,
            (Option<&'static str>, bool, bool, bool, bool, bool, bool),
        );
        let on = d("2024-03-10");
        let rows: [Row; 9] = [
            (
                Status::DueToday,
                StepState::Pending,
                None,
                false,
                (Some("Write it"), false, true, true, false, false, true),
            ),
            (
                Status::Overdue(3),
                StepState::Pending,
                Some(Hint::NoEmailAddress),
                false,
                (Some("Write it"), false, true, true, false, false, true),
            ),
            (
                Status::DueToday,
                StepState::Snoozed(on),
                None,
                false,
                (Some("Write it"), false, true, true, true, false, true),
            ),
            (
                Status::Upcoming(on),
                StepState::Pending,
                None,
                false,
                (
                    Some("Write it early"),
                    false,
                    true,
                    true,
                    false,
                    false,
                    true,
                ),
            ),
            (
                Status::Overdue(2),
                StepState::Pending,
                Some(Hint::NoChannel),
                false,
                (None, true, true, true, false, false, true),
            ),
            (
                Status::Overdue(20),
                StepState::Pending,
                None,
                true,
                (None, false, false, false, false, true, true),
            ),
            (
                Status::Overdue(40),
                StepState::Pending,
                Some(Hint::NoChannel),
                true,
                (None, false, false, false, false, true, true),
            ),
            (
                Status::Done(on),
                StepState::Done(on),
                None,
                false,
                (None, false, false, false, false, false, false),
            ),
            (
                Status::Skipped(on),
                StepState::Skipped(on),
                None,
                false,
                (None, false, false, false, false, false, false),
            ),
        ];
        for (status, state, hint, missed, expected) in rows {
            let b = buttons(status, state, hint, missed);
            assert_eq!(
                (
                    b.write,
                    b.add_channel,
                    b.done,
                    b.snooze,
                    b.unsnooze,
                    b.try_again,
                    b.skip
                ),
                expected,
                "{status:?} {state:?} {hint:?} missed={missed}"
            );
            // A step that can be marked done can be put in a calendar.
            assert_eq!(b.calendar, b.done, "{status:?} {state:?} missed={missed}");
        }
    }

    #[test]
    fn snooze_choices_and_picked_dates() {
        let today = d("2024-12-30");
        assert_eq!(
            snooze_dates(today),
            [
                ("Tomorrow", d("2024-12-31")),
                ("In 3 days", d("2025-01-02")),
                ("Next week", d("2025-01-06")),
            ]
        );
        for (picked, expected) in [
            (Some(d("2024-12-31")), Ok(d("2024-12-31"))),
            (Some(today), Err("Pick a day after today.")),
            (Some(d("2024-01-01")), Err("Pick a day after today.")),
            (None, Err("Pick a date, or use one of the buttons.")),
        ] {
            assert_eq!(check_snooze_date(picked, today), expected, "{picked:?}");
        }
    }
}
