//! The actions on one due step, shared by the agenda: write it, mark it done, snooze it.
//!
//! Snoozing offers tomorrow, three days, a week, or a date of the student's choice.

use crate::clock;
use crate::domain::dates;
use crate::domain::{Command, ContactId, Step};
use crate::routes::Screen;
use crate::state::use_app;
use chrono::Days;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn StepActions(contact: ContactId, step: Step) -> impl IntoView {
    let state = use_app();
    let snoozing = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let label_id = format!("snooze-{}-{}", contact, step.slug());
    let compose = Screen::Compose(contact.clone(), step).href();
    let run = move |command: Command| {
        if let Err(e) = state.apply(command) {
            error.set(Some(e.to_string()));
        }
    };
    let done = {
        let contact = contact.clone();
        move |_| {
            run(Command::MarkDone {
                contact: contact.clone(),
                step,
                on: state.today.get_untracked(),
                at: clock::now_ms(),
            })
        }
    };
    let snooze_to = {
        let contact = contact.clone();
        move |until: chrono::NaiveDate| {
            run(Command::Snooze {
                contact: contact.clone(),
                step,
                until,
                at: clock::now_ms(),
            })
        }
    };
    let after = move |days: u64| {
        state
            .today
            .get_untracked()
            .checked_add_days(Days::new(days))
            .expect("a date within range")
    };
    view! {
        <div class="step-actions">
            <A href=compose attr:class="button primary small">"Write it"</A>
            <button class="button small" on:click=done>"Done"</button>
            <button class="button small" aria-expanded=move || snoozing.get().to_string()
                on:click=move |_| snoozing.update(|s| *s = !*s)>"Snooze"</button>
        </div>
        <Show when=move || snoozing.get()>
            {
                let snooze_to = snooze_to.clone();
                let label_id = label_id.clone();
                let (a, b, c, d) = (snooze_to.clone(), snooze_to.clone(), snooze_to.clone(), snooze_to.clone());
                view! {
                    <div class="snooze-options" role="group" aria-label="Snooze until">
                        <button class="button small" on:click=move |_| a(after(1))>"Tomorrow"</button>
                        <button class="button small" on:click=move |_| b(after(3))>"In 3 days"</button>
                        <button class="button small" on:click=move |_| c(after(7))>"Next week"</button>
                        <label class="visually-hidden" for=label_id.clone()>"Snooze until a date"</label>
                        <input id=label_id.clone() type="date" class="snooze-date"
                            min=move || dates::iso(after(1))
                            on:change=move |ev| if let Some(day) = dates::parse_iso(&event_target_value(&ev)) { d(day) }/>
                    </div>
                }
            }
        </Show>
        {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
    }
}
