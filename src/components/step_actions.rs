//! The one way to act on a step, on the agenda and on the contact page alike: write it,
//! mark it done (as a LinkedIn message when that is how the follow-up goes), snooze it
//! (tomorrow, in 3 days, next week or a picked day), skip it, try a missed one again, add
//! a way to reach someone, or add it to a calendar (`add_to_calendar`). Every change is
//! reported in the app's toast, with Undo.
//!
//! Which buttons show is decided by `view::steps::buttons`, tested on the host.

use crate::components::add_to_calendar::CalendarChoices;
use crate::components::notice::{use_notices, Notice, Notices};
use crate::domain::{dates, Command, ContactId, Step};
use crate::routes::Screen;
use crate::state::{use_app, AppState};
use crate::view::steps::{check_snooze_date, snooze_dates, StepButtons, UndoStep};
use chrono::NaiveDate;
use leptos::prelude::*;

/// Sends the commands of one step and reports them.
#[derive(Clone)]
pub struct StepCommands {
    pub contact: ContactId,
    pub step: Step,
    /// What the step is called where it is shown ("Send the follow-up as a LinkedIn
    /// message").
    pub label: &'static str,
    pub by_message: bool,
    state: AppState,
    notices: Notices,
}

impl StepCommands {
    /// Call while building a component (it reads the app's context).
    pub fn new(contact: ContactId, step: Step, label: &'static str, by_message: bool) -> Self {
        StepCommands {
            contact,
            step,
            label,
            by_message,
            state: use_app(),
            notices: use_notices(),
        }
    }

    fn run(&self, command: Command, text: String, undo: bool) -> bool {
        let notices = self.notices;
        let before = undo.then(|| self.undo_step()).flatten();
        match self.state.apply(command) {
            Ok(()) => {
                let undo = before.into_iter().collect();
                notices.show(Notice::done(text, undo));
                true
            }
            Err(e) => {
                notices.show(Notice::error(e.to_string()));
                false
            }
        }
    }

    /// The step as it is now, for Undo (`None` once the contact is gone).
    fn undo_step(&self) -> Option<UndoStep> {
        let before = self
            .state
            .book
            .with_untracked(|b| b.contact(&self.contact).map(|c| c.steps.get(self.step)))?;
        Some(UndoStep {
            contact: self.contact.clone(),
            step: self.step,
            label: self.label,
            before,
        })
    }

    pub fn done(&self) {
        let now = self.state.now();
        let (command, text) = if self.by_message {
            (
                Command::SentAsMessage {
                    contact: self.contact.clone(),
                    on: now.today,
                    at: now.at,
                },
                "Done: sent the follow-up as a LinkedIn message.".to_string(),
            )
        } else {
            (
                Command::MarkDone {
                    contact: self.contact.clone(),
                    step: self.step,
                    on: now.today,
                    at: now.at,
                },
                format!("Done: {}.", self.step.done_label()),
            )
        };
        // Keep-in-touch recurs: marking it done logs an interaction and starts the next
        // round, so there is nothing to put back.
        self.run(command, text, self.step != Step::KeepInTouch);
    }

    pub fn skip(&self) {
        let now = self.state.now();
        self.run(
            Command::Skip {
                contact: self.contact.clone(),
                step: self.step,
                on: now.today,
                at: now.at,
            },
            format!("Skipped “{}”.", self.label),
            true,
        );
    }

    pub fn snooze(&self, until: NaiveDate) -> bool {
        let now = self.state.now();
        let text = if until == now.today {
            format!("“{}” is due today again.", self.label)
        } else {
            format!(
                "“{}” moved to {}.",
                self.label,
                dates::relative(until, now.today)
            )
        };
        self.run(
            Command::Snooze {
                contact: self.contact.clone(),
                step: self.step,
                until,
                at: now.at,
            },
            text,
            true,
        )
    }

    pub fn reset(&self, text: String) {
        let now = self.state.now();
        self.run(
            Command::Reset {
                contact: self.contact.clone(),
                step: self.step,
                at: now.at,
            },
            text,
            false,
        );
    }
}

#[component]
pub fn StepActions(commands: StepCommands, buttons: StepButtons) -> impl IntoView {
    let state = use_app();
    let snoozing = RwSignal::new(false);
    let calendaring = RwSignal::new(false);
    let label = commands.label;
    let (contact, step) = (commands.contact.clone(), commands.step);
    // "Mark as sent" in the composer comes back here.
    let compose =
        Screen::Compose(commands.contact.clone(), commands.step).href_back_to(&Screen::current());
    let edit = Screen::EditContact(commands.contact.clone()).href();
    let primary = buttons.write == Some("Write it");
    let cmd = StoredValue::new(commands);
    view! {
        <div class="step-actions">
            {buttons.write.map(|write| view! {
                <a href=compose class=if primary { "button small primary" } else { "button small" }>
                    {write}<span class="visually-hidden">": " {label}</span>
                </a>
            })}
            {buttons.add_channel.then(|| view! {
                <a href=edit class="button small primary">"Add email or LinkedIn"</a>
            })}
            {buttons.try_again.then(|| view! {
                <button type="button" class="button small primary"
                    on:click=move |_| { cmd.with_value(|c| c.snooze(state.now().today)); }>
                    "Try again"<span class="visually-hidden">": " {label}</span>
                </button>
            })}
            {buttons.done.then(|| view! {
                <button type="button" class="button small" on:click=move |_| cmd.with_value(StepCommands::done)>
                    "Done"<span class="visually-hidden">": " {label}</span>
                </button>
            })}
            {buttons.snooze.then(|| view! {
                <button type="button" class="button small" aria-expanded=move || snoozing.get().to_string()
                    on:click=move |_| snoozing.update(|s| *s = !*s)>
                    "Snooze"<span class="visually-hidden">": " {label}</span>
                </button>
            })}
            {buttons.unsnooze.then(|| view! {
                <button type="button" class="button small" on:click=move |_| {
                    cmd.with_value(|c| c.reset(format!("“{}” is no longer snoozed.", c.label)));
                }>"Unsnooze"<span class="visually-hidden">": " {label}</span></button>
            })}
            {buttons.calendar.then(|| view! {
                <button type="button" class="button small add-to-calendar" aria-expanded=move || calendaring.get().to_string()
                    on:click=move |_| calendaring.update(|c| *c = !*c)>
                    "Add to calendar"<span class="visually-hidden">": " {label}</span>
                </button>
            })}
            {buttons.skip.then(|| view! {
                <button type="button" class="button small quiet" on:click=move |_| cmd.with_value(StepCommands::skip)>
                    "Skip"<span class="visually-hidden">": " {label}</span>
                </button>
            })}
        </div>
        {move || snoozing.get().then(|| view! { <SnoozePicker cmd done=move || snoozing.set(false)/> })}
        {move || calendaring.get().then(|| view! { <CalendarChoices contact=contact.clone() step/> })}
    }
}

/// Snooze to tomorrow, in three days, next week, or a picked day.
#[component]
fn SnoozePicker(
    cmd: StoredValue<StepCommands>,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let today = use_app().now().today;
    let choices = snooze_dates(today);
    let picked = RwSignal::new(dates::iso(choices[0].1));
    let error = RwSignal::new(None::<String>);
    let id = cmd.with_value(|c| format!("snooze-{}-{}", c.contact, c.step.slug()));
    let error_id = format!("{id}-error");
    let snooze = move |until: NaiveDate| {
        if cmd.with_value(|c| c.snooze(until)) {
            done();
        }
    };
    let pick = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match check_snooze_date(dates::parse_iso(&picked.get_untracked()), today) {
            Ok(until) => {
                error.set(None);
                snooze(until);
            }
            Err(message) => error.set(Some(message.into())),
        }
    };
    view! {
        <form class="snooze snooze-options" on:submit=pick novalidate>
            <div class="snooze-quick" role="group" aria-label="Snooze until">
                {choices.into_iter().map(|(label, until)| view! {
                    <button type="button" class="button small" on:click=move |_| snooze(until)>{label}</button>
                }).collect_view()}
            </div>
            <label for=id.clone()>"Or pick a day"</label>
            <div class="snooze-pick">
                <input id=id type="date" min=dates::iso(choices[0].1)
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby={
                        let error_id = error_id.clone();
                        move || error.with(Option::is_some).then(|| error_id.clone())
                    }
                    prop:value=picked on:input=move |ev| picked.set(event_target_value(&ev))/>
                <button type="submit" class="button small">"Snooze"</button>
            </div>
            {move || error.get().map(|e| view! { <p id=error_id.clone() class="field-error" role="alert">{e}</p> })}
        </form>
    }
}
