//! Capture: add a contact in seconds, right after the chat, with no signal.
//!
//! "Event mode": the current event is set once (picked, or created in one step) and every
//! capture is prefilled with it and with today's date. The name is focused first; "Save and
//! add another" keeps the event and clears the person. A failed validation marks the field
//! and keeps everything typed.
//!
//! Capture also opens prefilled: `?code=` carries a scanned QR code (from Scan),
//! `?company=` a company (from Companies), `?title=&text=&url=` what another app shared (the manifest's `share_target`), read by
//! `domain::payload`, and `?via=me&n=…` what someone sent back from My page (`domain::my_page`). My card and Scan are one tap away in the header, and a person who
//! may already be in the book is flagged as they are typed (`DuplicateWarning`).

use crate::components::contact_form::{ContactDraft, ContactFields};
use crate::components::duplicate_warning::DuplicateWarning;
use crate::components::notice::use_notices;
use crate::domain::my_page::read_reply;
use crate::domain::payload::{read_scan, read_share, Prefill};
use crate::domain::{
    dates, Command, ContactField, ContactId, Event, EventId, EventKind, NewContact,
};
use crate::routes::{use_go, Screen};
use crate::state::{new_id, use_app};
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// What the page was opened with: a scanned code, something shared, or nothing.
fn prefill_from_query(get: impl Fn(&str) -> Option<String>) -> Option<(Prefill, &'static str)> {
    if let Some(reply) = read_reply(&get) {
        return Some((reply, "Sent from your My page. Check it and save."));
    }
    if let Some(code) = get("code").filter(|c| !c.trim().is_empty()) {
        return Some((
            read_scan(&code),
            "Filled in from the scanned code. Check it and save.",
        ));
    }
    if let Some(company) = get("company").filter(|c| !c.trim().is_empty()) {
        let prefill = Prefill {
            company,
            ..Prefill::default()
        };
        return Some((
            prefill,
            "The company is filled in: add their name and what you talked about.",
        ));
    }
    let [title, text, url] = ["title", "text", "url"].map(|k| get(k).unwrap_or_default());
    if [&title, &text, &url].iter().all(|p| p.trim().is_empty()) {
        return None;
    }
    let prefill = read_share(&title, &text, &url);
    let message = if prefill.linkedin.is_some() {
        "Filled in from what you shared. Check it and save."
    } else {
        "What you shared is in the notes, under More details."
    };
    Some((prefill, message))
}

#[component]
pub fn AddContact() -> impl IntoView {
    let state = use_app();
    let notices = use_notices();
    let go = use_go();
    let go_merge = go.clone();
    let current_event = Memo::new(move |_| state.book.with(|b| b.settings().current_event.clone()));
    let (draft, prefilled) = opening_draft();
    // Follow the event bar while capturing.
    Effect::new(move || {
        let event = current_event
            .get()
            .map(|e| e.to_string())
            .unwrap_or_default();
        draft.field(ContactField::Event).set(event);
    });
    let name_ref = NodeRef::<Input>::new();
    Effect::new(move || {
        if let Some(input) = name_ref.get() {
            let _ = input.focus();
        }
    });
    let saved = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    let save = move |another: bool| {
        let id = ContactId::new(new_id());
        let Some(fields) = draft.validate(id.clone(), state.now().at) else {
            saved.set(None);
            return;
        };
        let name = fields.name.trim().to_string();
        let kind = fields.kind;
        let added = state.apply(Command::AddContact(fields));
        if added.is_ok() && state.book.with_untracked(|b| b.settings().last_kind) != Some(kind) {
            notices.report(state.apply(Command::RememberKind(kind)));
        }
        match added {
            Ok(()) if another => {
                draft.clear_person();
                error.set(None);
                // Saved now, not by the effect later, so the flash below knows whether the
                // browser took it: a refused save never shows a success mark.
                state.save_now();
                saved.set(Some(name));
                if let Some(input) = name_ref.get_untracked() {
                    let _ = input.focus();
                }
            }
            Ok(()) => go(Screen::Contact(id)),
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    let merge = {
        let go = go_merge;
        Callback::new(move |existing: ContactId| {
            let id = ContactId::new(new_id());
            let Some(fields) = draft.validate(id.clone(), state.now().at) else {
                return;
            };
            match state.apply(Command::AddContact(fields)) {
                Ok(()) => go(Screen::Merge(existing, id)),
                Err(e) => error.set(Some(e.to_string())),
            }
        })
    };
    let save_open = save.clone();
    view! {
        <main id="main" data-page="add" class="page">
            <AddHead/>
            {prefilled.map(|m| view! { <p class="saved-flash prefilled" id="prefilled" role="status">{m}</p> })}
            <EventBar/>
            <SavedFlash saved/>
            <form class="card form capture" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                save(true);
            }>
                <PlanPicks draft/>
                <ContactFields draft name_ref/>
                <DuplicateWarning draft merge/>
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                <div class="form-actions">
                    <button id="save-another" type="submit" class="button primary">"Save and add another"</button>
                    <button id="save" type="button" class="button" on:click=move |_| save_open(false)>"Save and open"</button>
                </div>
            </form>
        </main>
    }
}

/// The draft capture opens with: today, the current event, the last kind, and whatever was
/// shared or scanned into the page's query; with the message saying what was filled in.
fn opening_draft() -> (ContactDraft, Option<&'static str>) {
    let state = use_app();
    let query = use_query_map();
    let opened_with = query.with_untracked(|q| prefill_from_query(|k| q.get(k)));
    let blank = NewContact {
        met_on: state.now().today,
        event: state
            .book
            .with_untracked(|b| b.settings().current_event.clone()),
        // "They are" starts where the last capture left it.
        kind: state
            .book
            .with_untracked(|b| b.settings().last_kind.unwrap_or_default()),
        ..NewContact::default()
    };
    let draft = ContactDraft::new(&match &opened_with {
        Some((prefill, _)) => prefill.fill(blank),
        None => blank,
    });
    (draft, opened_with.map(|(_, message)| message))
}

/// At an event with a plan: its companies, offered as the company is typed (a tap fills
/// it in, and the company field's own list offers them too); once the company is one of
/// them, what was prepared, each a tap from the role or the hook.
#[component]
fn PlanPicks(draft: ContactDraft) -> impl IntoView {
    use crate::domain::prep::Target;
    use crate::view::plan::suggestions;
    let state = use_app();
    let targets = Memo::new(move |_| {
        let event = draft.field(ContactField::Event).get();
        state.book.with(|b| {
            b.event(&EventId::new(event.trim()))
                .map(|e| e.prep.targets.clone())
                .filter(|t| !t.is_empty())
        })
    });
    // The company field's own suggestions: a datalist, offline like everything else.
    Effect::new(move || {
        let on = targets.with(Option::is_some);
        if let Some(input) = document().get_element_by_id("company") {
            let _ = if on {
                input.set_attribute("list", "plan-companies")
            } else {
                input.remove_attribute("list")
            };
        }
    });
    let prepared = Memo::new(move |_| {
        let company = draft.field(ContactField::Company).get();
        targets.with(|t| {
            t.as_deref()
                .and_then(|t| crate::domain::prep::target_in(t, &company).cloned())
        })
    });
    let offered = move || {
        let typed = draft.field(ContactField::Company).get();
        targets.with(|t| {
            t.as_deref()
                .map(|t| {
                    suggestions(t, &typed)
                        .into_iter()
                        .map(|t| t.name.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let copy_button =
        |label: &'static str, id: &'static str, into: RwSignal<String>, text: String| {
            let empty = into.with_untracked(|v| v.trim().is_empty());
            view! {
                <button type="button" class="button small" id=id on:click=move |_| {
                    into.update(|v| {
                        if v.trim().is_empty() {
                            *v = text.clone();
                        } else if !v.contains(text.as_str()) {
                            v.push_str(&format!(" {text}"));
                        }
                    });
                }>{if empty { label } else { "Add it" }}</button>
            }
        };
    view! {
        <datalist id="plan-companies">
            {move || targets.get().unwrap_or_default().into_iter().map(|t| view! { <option value=t.name/> }).collect_view()}
        </datalist>
        {move || (!offered().is_empty()).then(|| view! {
            <div class="plan-picks" role="group" aria-label="Companies on your plan">
                {offered().into_iter().map(|name| view! {
                    <button type="button" class="button small plan-pick" on:click={let name = name.clone(); move |_| draft.field(ContactField::Company).set(name.clone())}>{name.clone()}</button>
                }).collect_view()}
            </div>
        })}
        {move || prepared.get().filter(|t: &Target| !t.planned_line().is_empty()).map(|t| view! {
            <div class="plan-prepared" id="plan-prepared">
                <p class="meta">{format!("On your plan for {}", t.name)}</p>
                {(!t.roles.is_empty()).then(|| view! {
                    <p><span>{t.roles.clone()}</span>" "{copy_button("Use as role", "plan-use-role", draft.field(ContactField::Role), t.roles.clone())}</p>
                })}
                {(!t.question.is_empty()).then(|| view! {
                    <p><span>{format!("Ask: {}", t.question)}</span>" "{copy_button("Copy into hook", "plan-use-question", draft.field(ContactField::Hook), t.question.clone())}</p>
                })}
            </div>
        })}
    }
}

/// The title and the fair-floor shortcuts: Scan a QR code, My card.
#[component]
fn AddHead() -> impl IntoView {
    view! {
        <header class="page-head add-head">
            <h1>"Add a contact"</h1>
            <nav class="add-shortcuts" aria-label="Exchange contacts">
                <A href=Screen::Scan.href() attr:class="button small" attr:id="open-scan">"Scan a QR code"</A>
                <A href=Screen::Card.href() attr:class="button small" attr:id="open-card">"My card"</A>
            </nav>
        </header>
    }
}

/// "✓ Saved Ana. Next!" after Save and add another; when the browser refused to store
/// it, says so instead (a refused save never shows a success mark).
#[component]
fn SavedFlash(saved: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    move || {
        saved.get().map(|name| match state.save_error.get() {
            None => view! { <p class="saved-flash" role="status">{format!("✓ Saved {name}. Next!")}</p> }.into_any(),
            Some(_) => view! {
                <p class="saved-flash not-saved" role="status">{format!(
                    "{name} is added, but this browser refused to store it (see the message above). \
                     It is kept while this page stays open."
                )}</p>
            }.into_any(),
        })
    }
}

/// Where you are capturing: the current event, changed or created in one step. After the
/// event's last day it asks "Still at …?" before a capture is filed under it.
#[component]
fn EventBar() -> impl IntoView {
    let state = use_app();
    let notices = use_notices();
    let choosing = RwSignal::new(false);
    let ended = Memo::new(move |_| {
        let today = state.today.get();
        state.book.with(|b| {
            b.settings()
                .current_event
                .as_ref()
                .and_then(|id| b.event(id))
                .filter(|e| e.is_over(today))
                .cloned()
        })
    });
    let still_here = move |_| {
        if let Some(mut event) = ended.get_untracked() {
            event.ends = Some(state.now().today);
            notices.report(state.apply(Command::SaveEvent(event)));
        }
    };
    let no_event = move |_| notices.report(state.apply(Command::SetCurrentEvent(None)));
    let current = Memo::new(move |_| {
        state.book.with(|b| {
            b.settings()
                .current_event
                .as_ref()
                .and_then(|id| b.event(id))
                .map(|e| (e.name.clone(), e.date))
        })
    });
    view! {
        {move || ended.get().map(|event| view! {
            <section class="card still-at" role="group" aria-labelledby="still-at-title">
                <h2 id="still-at-title">{format!("Still at {}?", event.name)}</h2>
                <p class="meta">{format!("It ended {}. New contacts are filed under it only if you are still there.", dates::relative(event.last_day(), state.today.get()))}</p>
                <div class="setup-actions">
                    <button type="button" id="still-here" class="button primary small" on:click=still_here>"Yes, still here"</button>
                    <button type="button" id="no-event" class="button small" on:click=no_event>"No event"</button>
                    <button type="button" id="new-event" class="button small" on:click=move |_| choosing.set(true)>"A new event"</button>
                </div>
            </section>
        })}
        <section class="event-bar card" aria-label="Current event">
            <div class="event-bar-row">
                <div>
                    <span class="meta">"Capturing at"</span>
                    <strong class="event-name">{move || match current.get() {
                        Some((name, date)) => format!("{name} · {}", dates::relative(date, state.today.get())),
                        None => "No event".to_string(),
                    }}</strong>
                </div>
                <button id="change-event" class="button small" aria-expanded=move || choosing.get().to_string()
                    on:click=move |_| choosing.update(|c| *c = !*c)>
                    {move || if choosing.get() { "Close" } else if current.get().is_some() { "Change" } else { "Set event" }}
                </button>
            </div>
            <Show when=move || choosing.get()>
                <EventPicker done=move || choosing.set(false)/>
            </Show>
        </section>
    }
}

#[component]
fn EventPicker(done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = use_app();
    let events = Memo::new(move |_| {
        state.book.with(|b| {
            b.events()
                .take(8)
                .map(|e| (e.id.clone(), e.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(EventKind::CareerFair);
    let error = RwSignal::new(None::<String>);
    let choose = move |id: Option<EventId>| match state.apply(Command::SetCurrentEvent(id)) {
        Ok(()) => done(),
        Err(e) => error.set(Some(e.to_string())),
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = EventId::new(new_id());
        let event = Event {
            id: id.clone(),
            name: name.get_untracked().trim().to_string(),
            kind: kind.get_untracked(),
            date: state.now().today,
            ends: None,
            place: String::new(),
            prep: Default::default(),
        };
        match state.apply(Command::SaveEvent(event)) {
            Ok(()) => choose(Some(id)),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <div class="event-picker">
            <ul class="event-choices">
                <For each=move || events.get() key=|e| e.clone() let:e>
                    <li><button class="button small" on:click={let id = e.0.clone(); move |_| choose(Some(id.clone()))}>{e.1.clone()}</button></li>
                </For>
                <li><button class="button small" on:click=move |_| choose(None)>"No event"</button></li>
            </ul>
            <form class="new-event" on:submit=create>
                <label for="new-event-name">"Or start a new event today"</label>
                <div class="new-event-row">
                    <input id="new-event-name" placeholder="Fall Career Fair" prop:value=name
                        on:input=move |ev| name.set(event_target_value(&ev))/>
                    <label class="visually-hidden" for="new-event-kind">"Kind of event"</label>
                    <select id="new-event-kind" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(k) = EventKind::ALL.into_iter().find(|k| k.label() == v) { kind.set(k) }
                    }>
                        {EventKind::ALL.into_iter().map(|k| view! { <option value=k.label() selected=k == EventKind::CareerFair>{k.label()}</option> }).collect_view()}
                    </select>
                </div>
                <button id="create-event" type="submit" class="button primary small">"Start event"</button>
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </form>
        </div>
    }
}
