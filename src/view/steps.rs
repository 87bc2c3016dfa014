//! One way to act on a step, wherever it is shown (agenda row or contact timeline): which
//! actions it offers, what they are called, the snooze choices, and what the toast's Undo
//! puts back (`UndoStep`).
//!
//! Pure: a step's status, state and channel in, `StepButtons` out; the component in
//! `components::step_actions` draws them and sends the commands.

use chrono::NaiveDate;

use crate::domain::playbook::{plus, Hint};
use crate::domain::{Command, ContactId, Status, Step, StepState};

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

/// One step an action changed, as it was before: what the toast's Undo puts back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UndoStep {
    pub contact: ContactId,
    pub step: Step,
    /// What the step is called where the action was taken.
    pub label: &'static str,
    /// Its stored state before the action.
    pub before: StepState,
}

impl UndoStep {
    /// The command that puts the step back.
    pub fn command(&self, at: i64) -> Command {
        Command::Restore {
            contact: self.contact.clone(),
            step: self.step,
            state: self.before,
            at,
        }
    }
}

/// What the toast says once `undone` are put back.
pub fn undone_text(undone: &[UndoStep]) -> String {
    match undone {
        [one] => format!("Undone: “{}” is back to do.", one.label),
        many => format!("Undone: {} follow-ups are back to do.", many.len()),
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

    /// Issue 25: Undo after skipping, snoozing or marking a step done puts it back
    /// exactly as it was, a snooze included, and takes back what the action logged.
    #[test]
    fn undo_puts_the_step_back_exactly_as_it_was() {
        use crate::domain::{Book, Email, NewContact};
        let (met, today, until) = (d("2024-03-01"), d("2024-03-04"), d("2024-03-08"));
        let check = |step: Step, before: StepState, action: Command| {
            let id = ContactId::new("c");
            let mut book = Book::default();
            book.apply(Command::AddContact(NewContact {
                id: id.clone(),
                name: "Priya Raman".into(),
                email: Email::parse("priya@example.com").ok(),
                met_on: met,
                ..NewContact::default()
            }))
            .unwrap();
            if let StepState::Snoozed(until) = before {
                let snooze = Command::Snooze {
                    contact: id.clone(),
                    step,
                    until,
                    at: 1,
                };
                book.apply(snooze).unwrap();
            }
            let was = book.contact(&id).unwrap().clone();
            assert_eq!(was.steps.get(step), before);
            let undo = UndoStep {
                contact: id.clone(),
                step,
                label: step.label(),
                before,
            };
            book.apply(action.clone()).unwrap();
            book.apply(undo.command(3)).unwrap();
            let now = book.contact(&id).unwrap();
            assert_eq!(now.steps, was.steps, "{step:?} from {before:?}, {action:?}");
            assert_eq!(now.interactions, was.interactions, "{action:?}");
            assert_eq!(book.plan(now, today), book.plan(&was, today), "{action:?}");
        };
        let skip = |step| Command::Skip {
            contact: ContactId::new("c"),
            step,
            on: today,
            at: 2,
        };
        let snooze = |step| Command::Snooze {
            contact: ContactId::new("c"),
            step,
            until: d("2024-03-20"),
            at: 2,
        };
        let done = |step| Command::MarkDone {
            contact: ContactId::new("c"),
            step,
            on: today,
            at: 2,
        };
        let by_message = Command::SentAsMessage {
            contact: ContactId::new("c"),
            on: today,
            at: 2,
        };
        for step in [Step::Connect, Step::Email] {
            for before in [StepState::Pending, StepState::Snoozed(until)] {
                check(step, before, skip(step));
                check(step, before, snooze(step));
                check(step, before, done(step));
            }
        }
        check(Step::Email, StepState::Snoozed(until), by_message.clone());
        check(Step::Email, StepState::Pending, by_message);
    }
}
