//! One event's plan (`/events/<id>/plan`): the pitch with its time aloud, the companies
//! to visit sorted by priority with who was captured at each and a Visited tick, adding
//! companies by pasting a list, editing and removing one (with Undo), and after the fair
//! the companies nobody was captured at, each with a LinkedIn search for a recruiter.
//!
//! Loaded with the other later pages, never in the first load. Every change is a
//! `Command`; the sentences come from `view::plan`.

use crate::components::notice::use_notices;
use crate::domain::formats::plan_csv::export_plan_csv;
use crate::domain::prep::{book_prep_at, parse_pasted, PrepChange, Priority, Target, TargetAtFair};
use crate::domain::{BookError, EventId};
use crate::routes::{PlanParams, Screen};
use crate::state::{use_app, AppState};
use crate::view::plan as words;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params;

/// Makes a change to the plan: the plan's rules run here, the reducer stores the result.
fn change(state: AppState, change: PrepChange) -> Result<(), BookError> {
    let command = state.book.with_untracked(|b| change.command(b))?;
    state.apply(command)
}

#[component]
pub fn EventPlan() -> impl IntoView {
    let state = use_app();
    let params = use_params::<PlanParams>();
    let event = Memo::new(move |_| {
        let id = EventId::new(params.read().as_ref().ok()?.id.clone()?);
        state
            .book
            .with(|b| b.event(&id).map(|e| (e.id.clone(), e.name.clone())))
    });
    move || match event.get() {
        Some((id, name)) => view! { <PlanPage id name/> }.into_any(),
        None => view! {
            <crate::pages::not_found::Missing title="Event not found"
                message="This event is not on this device; it may have been deleted."
                to=Screen::Events action="See your events" primary=true/>
        }
        .into_any(),
    }
}

#[component]
fn PlanPage(id: EventId, name: String) -> impl IntoView {
    let state = use_app();
    let at = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .book
                .with(|b| book_prep_at(b, &id))
                .unwrap_or_default()
        })
    };
    let over = {
        let id = id.clone();
        Memo::new(move |_| {
            let today = state.today.get();
            state
                .book
                .with(|b| b.event(&id).is_some_and(|e| e.is_over(today)))
        })
    };
    let notice = RwSignal::new(None::<String>);
    let removed = RwSignal::new(None::<Target>);
    view! {
        <main id="main" data-page="plan" class="page plan-page">
            <header class="page-head">
                <A href=Screen::Events.href() attr:class="back-link">"‹ Events"</A>
                <h1>{name}</h1>
                <p class="subtitle">"Your plan: who to meet and what to ask."</p>
            </header>
            <Show when=move || over.get() && at.with(|a| a.not_reached().next().is_some())>
                <NotReached at/>
            </Show>
            <section class="card plan-visit" aria-labelledby="plan-visit-title">
                <h2 id="plan-visit-title">"To visit"</h2>
                {move || at.with(words::must_line).map(|line| view! { <p class="plan-must">{line}</p> })}
                {move || at.with(|a| !a.to_visit.is_empty()).then(|| view! {
                    <p class="meta plan-reached">{at.with(|a| words::reached_line(a.reached()))}</p>
                })}
                <UndoLine notice removed id=id.clone()/>
                <ul class="plan-list">
                    {let event = id.clone(); view! {
                        <For each=move || at.get().to_visit key=|row| row.clone() let:row>
                            <TargetRow row event=event.clone() notice removed/>
                        </For>
                    }}
                </ul>
                <AddCompanies id=id.clone() notice/>
                {move || at.with(|a| !a.to_visit.is_empty()).then(|| view! {
                    <button type="button" class="button plan-csv" on:click=move |_| {
                        let text = at.with_untracked(export_plan_csv);
                        let file = words::csv_name(&state.now().today);
                        if let Err(e) = crate::download::download(&file, "text/csv;charset=utf-8", &text) {
                            notice.set(Some(e));
                        }
                    }>"Download the plan (CSV)"</button>
                })}
            </section>
            <Pitch id=id.clone()/>
        </main>
    }
}

/// The pitch, saved when the box is left, with its length and time aloud.
#[component]
fn Pitch(id: EventId) -> impl IntoView {
    let state = use_app();
    let stored = state
        .book
        .with_untracked(|b| b.event(&id).map(|e| e.prep.pitch.clone()))
        .unwrap_or_default();
    let pitch = RwSignal::new(stored);
    let save = move |_| {
        let pitch = pitch.get_untracked();
        use_notices().report(change(
            state,
            PrepChange::SetPitch {
                event: id.clone(),
                pitch,
            },
        ));
    };
    view! {
        <section class="card plan-pitch" aria-labelledby="plan-pitch-label">
            <h2><label id="plan-pitch-label" for="plan-pitch">"Your pitch"</label></h2>
            <textarea id="plan-pitch" rows="4" prop:value=move || pitch.get()
                placeholder="Hi, I'm … I study … I'm looking for … What is your team working on?"
                on:input=move |ev| pitch.set(event_target_value(&ev)) on:change=save></textarea>
            <p class="meta plan-pitch-length" aria-live="polite">{move || pitch.with(|p| words::pitch_line(p))}</p>
        </section>
    }
}

/// After a removal, what was removed and Undo; after a paste, what was added.
#[component]
fn UndoLine(
    notice: RwSignal<Option<String>>,
    removed: RwSignal<Option<Target>>,
    id: EventId,
) -> impl IntoView {
    let state = use_app();
    let undo = move |_| {
        let Some(target) = removed.get_untracked() else {
            return;
        };
        match change(
            state,
            PrepChange::SaveTarget {
                event: id.clone(),
                target,
            },
        ) {
            Ok(()) => notice.set(None),
            Err(e) => notice.set(Some(e.to_string())),
        }
        removed.set(None);
    };
    view! {
        <div class="plan-notice" role="status">
            {move || notice.get().map(|text| view! { <span>{text}</span> })}
            <Show when=move || removed.with(Option::is_some)>
                <button type="button" class="button" id="plan-undo" on:click=undo.clone()>"Undo"</button>
            </Show>
        </div>
    }
}

/// One company: name, priority, who was met, the Visited tick, and its details to edit.
#[component]
fn TargetRow(
    row: TargetAtFair,
    event: EventId,
    notice: RwSignal<Option<String>>,
    removed: RwSignal<Option<Target>>,
) -> impl IntoView {
    let state = use_app();
    let target = row.target.clone();
    let save = {
        let event = event.clone();
        move |target: Target| {
            if let Err(e) = change(
                state,
                PrepChange::SaveTarget {
                    event: event.clone(),
                    target,
                },
            ) {
                notice.set(Some(e.to_string()));
            }
        }
    };
    let set_priority = {
        let (target, save) = (target.clone(), save.clone());
        move |ev| {
            let index = event_target_value(&ev).parse::<usize>().unwrap_or(1);
            let priority = Priority::ALL.get(index).copied().unwrap_or_default();
            save(Target {
                priority,
                ..target.clone()
            });
        }
    };
    let tick = {
        let (target, save) = (target.clone(), save.clone());
        move |ev| {
            save(Target {
                visited: event_target_checked(&ev),
                ..target.clone()
            })
        }
    };
    let slug = format!("plan-{}", target.id);
    let name = target.name.clone();
    let planned = target.planned_line();
    let note = target.note.clone();
    let visited = target.visited;
    let priority = target.priority;
    let met_class = if row.met() {
        "plan-row plan-met"
    } else {
        "plan-row"
    };
    let people = row.people.clone();
    view! {
        <li class=met_class data-company=name.clone()>
            <div class="plan-row-head">
                <strong class="plan-name">{name.clone()}</strong>
                <select class="plan-priority" aria-label=format!("Priority of {name}") on:change=set_priority>
                    {Priority::ALL.into_iter().enumerate().map(|(i, p)| view! {
                        <option value=i.to_string() selected=p == priority>{p.label()}</option>
                    }).collect_view()}
                </select>
                <label class="plan-visited">
                    <input type="checkbox" prop:checked=visited on:change=tick/>
                    "Visited"
                </label>
            </div>
            {(!planned.is_empty()).then(|| view! { <p class="plan-planned">{planned}</p> })}
            {(!note.is_empty()).then(|| view! { <p class="meta plan-note">{note}</p> })}
            <p class="meta plan-people">
                {if people.is_empty() {
                    words::people_line(&people).into_any()
                } else {
                    view! {
                        "Met "
                        {people.into_iter().enumerate().map(|(i, (id, name))| view! {
                            {(i > 0).then_some(", ")}
                            <A href=Screen::Contact(id).href()>{name}</A>
                        }).collect_view()}
                    }.into_any()
                }}
            </p>
            <TargetDetails target slug event notice removed/>
        </li>
    }
}

/// The folded editor of one company's roles, question and note, with Remove.
#[component]
fn TargetDetails(
    target: Target,
    slug: String,
    event: EventId,
    notice: RwSignal<Option<String>>,
    removed: RwSignal<Option<Target>>,
) -> impl IntoView {
    let state = use_app();
    let roles = RwSignal::new(target.roles.clone());
    let question = RwSignal::new(target.question.clone());
    let note = RwSignal::new(target.note.clone());
    let save = {
        let (target, event) = (target.clone(), event.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let edited = Target {
                roles: roles.get_untracked().trim().to_string(),
                question: question.get_untracked().trim().to_string(),
                note: note.get_untracked().trim().to_string(),
                ..target.clone()
            };
            if let Err(e) = change(
                state,
                PrepChange::SaveTarget {
                    event: event.clone(),
                    target: edited,
                },
            ) {
                notice.set(Some(e.to_string()));
            }
        }
    };
    let remove = {
        let target = target.clone();
        move |_| match change(
            state,
            PrepChange::RemoveTarget {
                event: event.clone(),
                id: target.id,
            },
        ) {
            Ok(()) => {
                notice.set(Some(words::removed_notice(&target.name)));
                removed.set(Some(target.clone()));
            }
            Err(e) => notice.set(Some(e.to_string())),
        }
    };
    let field = move |suffix: &str,
                      label: &'static str,
                      value: RwSignal<String>,
                      placeholder: &'static str| {
        let id = format!("{slug}-{suffix}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id type="text" prop:value=move || value.get() placeholder=placeholder
                    on:input=move |ev| value.set(event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        <details class="plan-details">
            <summary>"Edit"</summary>
            <form class="plan-edit" on:submit=save novalidate>
                {field("roles", "Roles or teams", roles, "Infra team, new-grad SWE")}
                {field("question", "Question to ask", question, "What is on-call like for interns?")}
                {field("note", "Note", note, "Booth 12")}
                <div class="events-actions">
                    <button type="submit" class="button primary">"Save"</button>
                    <button type="button" class="button danger" on:click=remove>"Remove"</button>
                </div>
            </form>
        </details>
    }
}

/// Paste a list (or type one name) to add companies.
#[component]
fn AddCompanies(id: EventId, notice: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let text = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pasted = parse_pasted(&text.get_untracked());
        let before = state
            .book
            .with_untracked(|b| b.event(&id).map_or(0, |e| e.prep.targets.len()));
        match change(
            state,
            PrepChange::AddTargets {
                event: id.clone(),
                targets: pasted.targets.clone(),
            },
        ) {
            Ok(()) => {
                let after = state
                    .book
                    .with_untracked(|b| b.event(&id).map_or(0, |e| e.prep.targets.len()));
                notice.set(Some(words::added_notice(
                    &pasted,
                    after - before.min(after),
                )));
                text.set(String::new());
            }
            Err(e) => notice.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="plan-add" on:submit=add novalidate>
            <label for="plan-paste">"Add companies"</label>
            <textarea id="plan-paste" rows="3" prop:value=move || text.get()
                placeholder="One a line, or paste the fair's employer list or a CSV"
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button type="submit" class="button primary" disabled=move || text.with(|t| t.trim().is_empty())>"Add"</button>
        </form>
    }
}

/// After the fair: planned companies nobody was captured at, with where to look next.
#[component]
fn NotReached(at: Memo<crate::domain::prep::PrepAtFair>) -> impl IntoView {
    view! {
        <section class="card plan-not-reached" aria-labelledby="plan-not-reached-title">
            <h2 id="plan-not-reached-title">"Not reached"</h2>
            <p class="meta">"Nobody captured at these. A recruiter there may still answer a short LinkedIn note."</p>
            <ul class="plan-list">
                {move || at.with(|a| a.not_reached().cloned().collect::<Vec<_>>()).into_iter().map(|row| {
                    let search = row.recruiter_search();
                    view! {
                        <li class="plan-row" data-company=row.target.name.clone()>
                            <strong class="plan-name">{row.target.name.clone()}</strong>
                            <span class="plan-chip">{row.target.priority.label()}</span>
                            <a class="plan-search" href=search target="_blank" rel="noopener noreferrer">"Find a recruiter on LinkedIn ›"</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
