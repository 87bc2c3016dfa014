//! The contact's history: every touch point, newest first, and the form to log one by
//! hand (a reply, a call, a coffee chat). Outcomes show their details, link to the person
//! they name, and can be undone.

use crate::components::notice::{use_notices, Notice};
use crate::domain::{dates, Command, Contact, ContactId, Interaction, InteractionKind};
use crate::routes::Screen;
use crate::state::use_app;
use crate::view::outcomes::entry_text;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn History(id: Memo<ContactId>, contact: Memo<Contact>) -> impl IntoView {
    let state = use_app();
    let today = state.today;
    let history = move || {
        let today = today.get();
        contact.with(|c| {
            if c.interactions.is_empty() {
                return view! {
                    <p class="meta">"Nothing yet. Steps you mark done show up here, and you can add replies, calls and coffee chats."</p>
                }
                .into_any();
            }
            let items = state.book.with(|b| {
                c.interactions
                    .iter()
                    .rev()
                    .map(|i| (i.clone(), entry_text(b, i, today)))
                    .collect::<Vec<_>>()
            });
            view! {
                <ol class="history">
                    {items.into_iter().map(|(i, text)| view! { <Entry id entry=i text today/> }).collect_view()}
                </ol>
            }
            .into_any()
        })
    };

    view! {
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">"History"</h2>
            <LogForm id/>
            {history}
        </section>
    }
}

/// One entry; an outcome links to the person it names and can be undone.
#[component]
fn Entry(
    id: Memo<ContactId>,
    entry: Interaction,
    text: String,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let state = use_app();
    let notices = use_notices();
    let linked = entry.outcome.as_ref().and_then(|o| o.linked()).cloned();
    let undoable = entry.outcome.is_some();
    let undo = {
        let entry = entry.clone();
        let text = text.clone();
        move |_| {
            let command = Command::UndoOutcome {
                contact: id.get_untracked(),
                entry: entry.clone(),
                at: state.now().at,
            };
            match state.apply(command) {
                Ok(()) => notices.show(Notice::done(format!("Undone: {text}."), Vec::new())),
                Err(e) => notices.show(Notice::error(e.to_string())),
            }
        }
    };
    view! {
        <li>
            <time datetime=dates::iso(entry.on)>{dates::relative(entry.on, today)}</time>
            <span class="what">{text.clone()}</span>
            {linked.map(|other| { let text = text.clone(); view! {
                <A href=Screen::Contact(other).href() attr:class="link-button">"Open"<span class="visually-hidden">": " {text}</span></A>
            }})}
            {undoable.then(|| view! {
                <button type="button" class="link-button entry-undo" on:click=undo>"Undo"<span class="visually-hidden">": " {text.clone()}</span></button>
            })}
            {(!entry.note.is_empty()).then(|| view! { <p class="note">{entry.note.clone()}</p> })}
        </li>
    }
}

#[component]
fn LogForm(id: Memo<ContactId>) -> impl IntoView {
    let state = use_app();
    let notices = use_notices();
    let open = RwSignal::new(false);
    let kind = RwSignal::new(0usize);
    let on = RwSignal::new(dates::iso(state.now().today));
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = dates::parse_iso(&on.get_untracked()) else {
            error.set(Some("Pick the day it happened.".into()));
            return;
        };
        if day > state.now().today {
            error.set(Some("Pick today or a day in the past.".into()));
            return;
        }
        error.set(None);
        let kind = InteractionKind::MANUAL[kind.get_untracked()];
        let command = Command::LogInteraction {
            contact: id.get_untracked(),
            on: day,
            kind,
            note: note.get_untracked(),
            at: state.now().at,
        };
        let saved = match state.apply(command) {
            Ok(()) => {
                notices.show(Notice::done(
                    format!("Added to history: {}.", kind.label()),
                    Vec::new(),
                ));
                true
            }
            Err(e) => {
                notices.show(Notice::error(e.to_string()));
                false
            }
        };
        if saved {
            note.set(String::new());
            on.set(dates::iso(state.now().today));
            open.set(false);
        }
    };
    view! {
        <Show when=move || open.get() fallback=move || view! {
            <button type="button" id="log-open" class="button small" aria-expanded="false"
                on:click=move |_| open.set(true)>"+ Log an interaction"</button>
        }>
            <form class="log-form" on:submit=submit novalidate>
                <div class="log-row">
                    <div class="log-field">
                        <label for="log-kind">"What happened"</label>
                        <select id="log-kind" on:change=move |ev| {
                            kind.set(event_target_value(&ev).parse().unwrap_or(0));
                        }>
                            {InteractionKind::MANUAL.into_iter().enumerate().map(|(i, k)| view! {
                                <option value=i.to_string() selected=move || kind.get() == i>{k.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="log-field">
                        <label for="log-date">"When"</label>
                        <input id="log-date" type="date" max=move || dates::iso(state.today.get())
                            aria-invalid=move || error.get().is_some().then_some("true")
                            aria-describedby=move || error.with(Option::is_some).then_some("log-date-error")
                            prop:value=on on:input=move |ev| on.set(event_target_value(&ev))/>
                    </div>
                </div>
                {move || error.get().map(|e| view! { <p id="log-date-error" class="field-error" role="alert">{e}</p> })}
                <label for="log-note">"Note " <span class="optional">"(optional)"</span></label>
                <textarea id="log-note" rows="2" placeholder="They suggested applying before the 15th"
                    prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                <div class="form-actions">
                    <button type="submit" id="log-save" class="button primary small">"Add to history"</button>
                    <button type="button" class="button small" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </form>
        </Show>
    }
}
