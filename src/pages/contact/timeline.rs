//! The contact's follow-up timeline: every step of the playbook with its status, acted on
//! through the shared `StepActions` (the same choices, errors and undo as the agenda).

use crate::components::step_actions::{StepActions, StepCommands};
use crate::domain::Contact;
use crate::state::use_app;
use crate::view::agenda::{timeline, TimelineItem};
use leptos::prelude::*;

#[component]
pub fn Timeline(contact: Memo<Contact>) -> impl IntoView {
    let state = use_app();
    let items = Memo::new(move |_| {
        let today = state.today.get();
        state.book.with(|b| {
            contact.with(|c| {
                timeline(&b.plan(c, today), today)
                    .into_iter()
                    .map(|item| (c.id.clone(), item))
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="card timeline-card" aria-labelledby="follow-up-title">
            <h2 id="follow-up-title">"Follow-up"</h2>
            <ol class="timeline">
                <For each=move || items.get() key=|item| item.clone() let:item>
                    <StepRow commands=StepCommands::new(item.0, item.1.step, item.1.label, item.1.by_message) item=item.1/>
                </For>
            </ol>
        </section>
    }
}

#[component]
fn StepRow(item: TimelineItem, commands: StepCommands) -> impl IntoView {
    let resolved = item.buttons == Default::default();
    let needs_action = item.status.needs_action();
    let open = RwSignal::new(needs_action);
    let label = item.label;
    let undo = {
        let commands = commands.clone();
        move |_| commands.reset(format!("“{}” is back to do.", commands.step.label()))
    };
    let buttons = item.buttons;
    view! {
        <li class=format!("step tone-{}", item.tone)>
            <span class="marker" aria-hidden="true">{item.marker}</span>
            <div class="step-body">
                <div class="step-head">
                    <h3 class="step-label">{label}</h3>
                    <span class="step-status">{item.when.clone()}</span>
                    {resolved.then(|| view! {
                        <button type="button" class="link-button step-undo" on:click=undo>
                            "Undo"<span class="visually-hidden">": " {label}</span>
                        </button>
                    })}
                </div>
                {item.explain.clone().map(|text| view! { <p class="step-note">{text}</p> })}
                {(!resolved).then(|| item.hint.map(|h| view! { <p class="hint step-hint">{h.to_string()}</p> }))}
                {(!resolved).then(|| view! {
                    <Show when=move || open.get() fallback=move || view! {
                        <button type="button" class="link-button" aria-expanded="false"
                            on:click=move |_| open.set(true)>
                            "Do it early, snooze or skip"<span class="visually-hidden">": " {label}</span>
                        </button>
                    }>
                        <StepActions commands=commands.clone() buttons/>
                    </Show>
                })}
            </div>
        </li>
    }
}
