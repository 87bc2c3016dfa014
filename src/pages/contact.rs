//! One contact: what you know about them, where each follow-up step stands, and the
//! history of your touch points.
//!
//! The page maps domain values to views: the timeline is `book.plan(contact, today)`, the
//! history is the contact's interaction log. Every change goes through `AppState::apply`;
//! its error, a user-facing sentence, is shown as is. The page is drawn once per contact:
//! sections redraw from memos, so an action never clears a half-typed note.

use crate::clock;
use crate::components::duplicate_warning::PossibleDuplicates;
use crate::components::icons::{Icon, Svg};
use crate::domain::mailto::mailto_url;
use crate::domain::{
    dates, profile_or_search, Command, Contact, ContactId, Hint, InteractionKind, Status, Step,
    StepState,
};
use crate::routes::{use_go, ContactRoute, Screen};
use crate::state::{use_app, AppState};
use crate::view::contacts::tone;
use chrono::{Days, NaiveDate};
use leptos::html::Button;
use leptos::leptos_dom::helpers::set_timeout;
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;

#[component]
pub fn ContactDetail() -> impl IntoView {
    let state = use_app();
    view! {
        <ContactRoute
            message="This contact isn't on this device. It may have been deleted, or the link came from another phone."
            view=move |id: ContactId| {
                let contact = {
                    let id = id.clone();
                    Memo::new(move |_| {
                        state.book.with(|book| book.contact(&id).cloned().unwrap_or_default())
                    })
                };
                let id = Memo::new(move |_| id.clone());
                view! { <Detail id contact/> }
            }/>
    }
}

/// A short message after an action, with an optional undo.
#[derive(Clone, PartialEq, Debug)]
struct Notice {
    text: String,
    undo: Option<Step>,
    error: bool,
}

/// Runs commands and reports how they went in the page's notice.
#[derive(Clone, Copy)]
struct Actions {
    state: AppState,
    id: Memo<ContactId>,
    notice: RwSignal<Option<Notice>>,
    shown: StoredValue<u32>,
}

impl Actions {
    fn run(self, command: Command, success: String, undo: Option<Step>) -> bool {
        match self.state.apply(command) {
            Ok(()) => {
                self.show(Notice {
                    text: success,
                    undo,
                    error: false,
                });
                true
            }
            Err(e) => {
                self.show(Notice {
                    text: e.to_string(),
                    undo: None,
                    error: true,
                });
                false
            }
        }
    }

    fn show(self, notice: Notice) {
        let error = notice.error;
        self.notice.set(Some(notice));
        self.shown.update_value(|n| *n += 1);
        let this = self.shown.get_value();
        if !error {
            let (notice, shown) = (self.notice, self.shown);
            set_timeout(
                move || {
                    if shown.try_get_value() == Some(this) {
                        notice.try_set(None);
                    }
                },
                Duration::from_secs(8),
            );
        }
    }

    fn today(self) -> NaiveDate {
        self.state.today.get_untracked()
    }

    fn contact(self) -> ContactId {
        self.id.get_untracked()
    }

    fn mark_done(self, step: Step) {
        let undo = (step != Step::KeepInTouch).then_some(step);
        self.run(
            Command::MarkDone {
                contact: self.contact(),
                step,
                on: self.today(),
                at: clock::now_ms(),
            },
            format!("Done: {}.", step.done_label()),
            undo,
        );
    }

    fn skip(self, step: Step) {
        self.run(
            Command::Skip {
                contact: self.contact(),
                step,
                on: self.today(),
                at: clock::now_ms(),
            },
            format!("Skipped “{}”.", step.label()),
            Some(step),
        );
    }

    fn snooze(self, step: Step, until: NaiveDate) -> bool {
        self.run(
            Command::Snooze {
                contact: self.contact(),
                step,
                until,
                at: clock::now_ms(),
            },
            format!(
                "“{}” moved to {}.",
                step.label(),
                dates::relative(until, self.today())
            ),
            Some(step),
        )
    }

    fn reset(self, step: Step, success: String) {
        self.run(
            Command::Reset {
                contact: self.contact(),
                step,
                at: clock::now_ms(),
            },
            success,
            None,
        );
    }
}

#[component]
fn Detail(id: Memo<ContactId>, contact: Memo<Contact>) -> impl IntoView {
    let state = use_app();
    let actions = Actions {
        state,
        id,
        notice: RwSignal::new(None),
        shown: StoredValue::new(0),
    };
    let today = state.today;
    let edit_href = move || Screen::EditContact(id.get()).href();

    let header = move || {
        contact.with(|c| {
            let subtitle = match (c.title.is_empty(), c.company.is_empty()) {
                (false, false) => format!("{} at {}", c.title, c.company),
                (false, true) => c.title.clone(),
                (true, false) => c.company.clone(),
                (true, true) => String::new(),
            };
            let linkedin = profile_or_search(c.linkedin.as_ref(), &c.name, &c.company);
            let linkedin_text = if c.linkedin.is_some() {
                "LinkedIn"
            } else {
                "Find on LinkedIn"
            };
            let email = c.email.as_ref().map(|e| mailto_url(e.as_str(), "", ""));
            let phone = (!c.phone.is_empty()).then(|| {
                let digits: String = c
                    .phone
                    .chars()
                    .filter(|ch| ch.is_ascii_digit() || *ch == '+')
                    .collect();
                format!("tel:{digits}")
            });
            view! {
                <div class="title-row">
                    <h1>{c.name.clone()}</h1>
                    {c.really_want.then(|| view! {
                        <span class="star" title="A job you really want">
                            <span aria-hidden="true">"★"</span>
                            <span class="visually-hidden">"A job you really want"</span>
                        </span>
                    })}
                </div>
                {(!subtitle.is_empty()).then(|| view! { <p class="subtitle">{subtitle}</p> })}
                <p class="badges">
                    <span class=format!("badge kind-{}", c.kind.label().to_lowercase())>{c.kind.label()}</span>
                </p>
                <nav class="quick-links" aria-label="Reach out">
                    {email.map(|href| view! {
                        <a class="button small" href=href>"Email"</a>
                    })}
                    <a class="button small" href=linkedin target="_blank" rel="noopener noreferrer">
                        {linkedin_text}<span class="visually-hidden">" (opens in a new tab)"</span>
                    </a>
                    {phone.map(|href| view! { <a class="button small" href=href>"Call"</a> })}
                </nav>
            }
        })
    };

    let about = move || {
        contact.with(|c| {
            let hook = if c.hook.is_empty() {
                view! {
                    <p class="hook empty-hook">"Nothing noted yet. The detail you talked about is what makes every follow-up personal."</p>
                    <A href=edit_href attr:class="link-button">"Add it now"</A>
                }
                .into_any()
            } else {
                view! { <p class="hook">{c.hook.clone()}</p> }.into_any()
            };
            view! {
                <h2>"What you talked about"</h2>
                {hook}
                {(!c.role.is_empty()).then(|| view! {
                    <dl class="facts"><div><dt>"Role or team"</dt><dd>{c.role.clone()}</dd></div></dl>
                })}
            }
        })
    };

    let details = move || {
        contact.with(|c| {
            let met = state.book.with(|b| match b.event_of(c) {
                Some(event) => format!("{}, {}", event.name, dates::long(c.met_on)),
                None => dates::long(c.met_on),
            });
            let row = |term: &'static str, value: String| {
                (!value.is_empty()).then(|| view! { <div><dt>{term}</dt><dd>{value}</dd></div> })
            };
            view! {
                <h2>"Details"</h2>
                <dl class="facts">
                    {row("Where you met", met)}
                    {row("Email", c.email.as_ref().map(|e| e.as_str().to_string()).unwrap_or_default())}
                    {row("Phone", c.phone.clone())}
                </dl>
                {(!c.tags.is_empty()).then(|| view! {
                    <ul class="tags" aria-label="Tags">
                        {c.tags.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                    </ul>
                })}
                {(!c.notes.is_empty()).then(|| view! {
                    <h3>"Notes"</h3>
                    <p class="notes">{c.notes.clone()}</p>
                })}
            }
        })
    };

    let steps = Memo::new(move |_| {
        let today = today.get();
        state.book.with(|b| {
            contact.with(|c| {
                b.plan(c, today)
                    .into_iter()
                    .map(|v| StepItem {
                        step: v.step,
                        state: v.state,
                        status: v.status,
                        opens: v.window.opens,
                        waiting_on: v.waiting_on,
                        hint: v.hint,
                        today,
                    })
                    .collect::<Vec<_>>()
            })
        })
    });

    let history = move || {
        let today = today.get();
        contact.with(|c| {
            if c.interactions.is_empty() {
                return view! {
                    <p class="meta">"Nothing yet. Steps you mark done show up here, and you can add replies, calls and coffee chats."</p>
                }
                .into_any();
            }
            view! {
                <ol class="history">
                    {c.interactions.iter().rev().map(|i| view! {
                        <li>
                            <time datetime=dates::iso(i.on)>{dates::relative(i.on, today)}</time>
                            <span class="what">{i.kind.label()}</span>
                            {(!i.note.is_empty()).then(|| view! { <p class="note">{i.note.clone()}</p> })}
                        </li>
                    }).collect_view()}
                </ol>
            }
            .into_any()
        })
    };

    view! {
        <main id="main" data-page="contact" class="page">
            <header class="page-head">
                <div class="head-bar">
                    <A href=Screen::Contacts.href() attr:class="back"><Svg icon=Icon::Back/>"Contacts"</A>
                    <A href=edit_href attr:class="button small" attr:id="edit">
                        "Edit"<span class="visually-hidden">" contact"</span>
                    </A>
                </div>
                {header}
            </header>

            <section class="card about">{about}</section>
            <PossibleDuplicates contact/>

            <section class="card timeline-card" aria-labelledby="follow-up-title">
                <h2 id="follow-up-title">"Follow-up"</h2>
                <ol class="timeline">
                    <For each=move || steps.get() key=|item| item.clone() let:item>
                        <StepRow item actions/>
                    </For>
                </ol>
            </section>

            <section class="card details">{details}</section>

            <section class="card" aria-labelledby="history-title">
                <h2 id="history-title">"History"</h2>
                <LogForm actions/>
                {history}
            </section>

            <DeleteContact actions contact/>

            {move || actions.notice.get().map(|n| {
                let undo = n.undo;
                view! {
                    <div class="toast" class:toast-error=n.error role=if n.error { "alert" } else { "status" }>
                        <p>{n.text}</p>
                        {undo.map(|step| view! {
                            <button type="button" class="toast-action" on:click=move |_| {
                                actions.reset(step, format!("Undone: “{}” is back to do.", step.label()));
                            }>"Undo"</button>
                        })}
                        <button type="button" class="toast-close" aria-label="Dismiss"
                            on:click=move |_| actions.notice.set(None)>"×"</button>
                    </div>
                }
            })}
        </main>
    }
}

/// One step of the timeline, as shown on `today`.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
struct StepItem {
    step: Step,
    state: StepState,
    status: Status,
    opens: NaiveDate,
    waiting_on: Option<Step>,
    hint: Option<Hint>,
    today: NaiveDate,
}

#[component]
fn StepRow(item: StepItem, actions: Actions) -> impl IntoView {
    let StepItem {
        step,
        state,
        status,
        opens,
        waiting_on,
        hint,
        today,
    } = item;
    let resolved = matches!(status, Status::Done(_) | Status::Skipped(_));
    let (marker, tone) = match status {
        Status::Done(_) => ("✓", tone(status)),
        Status::Skipped(_) => ("–", tone(status)),
        Status::Overdue(_) => ("!", tone(status)),
        Status::DueToday => ("●", tone(status)),
        Status::Upcoming(_) if waiting_on.is_some() => ("", "waiting"),
        Status::Upcoming(_) => ("", tone(status)),
    };
    let label = match status {
        Status::Done(_) => step.done_label(),
        _ => step.label(),
    };
    let status_line = match waiting_on {
        Some(earlier) => format!("After “{}”", earlier.label()),
        None => dates::status_text(status, today),
    };
    let explain = match (waiting_on, state) {
        (Some(_), _) => Some(format!(
            "Once that's done, this one comes due around {}.",
            dates::relative(opens, today)
        )),
        (None, StepState::Snoozed(until)) if !resolved => {
            Some(format!("Snoozed until {}.", dates::relative(until, today)))
        }
        _ => None,
    };
    let open = RwSignal::new(status.needs_action());
    let snoozing = RwSignal::new(false);
    let write_href = Screen::Compose(actions.id.get_untracked(), step).href();
    let write_class = if status.needs_action() {
        "button small primary"
    } else {
        "button small"
    };
    let snoozed = matches!(state, StepState::Snoozed(_));

    let tools = move || {
        view! {
            <div class="step-actions">
                <A href=write_href.clone() attr:class=write_class>
                    "Write it"<span class="visually-hidden">": " {step.label()}</span>
                </A>
                <button type="button" class="button small" on:click=move |_| actions.mark_done(step)>
                    "Mark done"<span class="visually-hidden">": " {step.label()}</span>
                </button>
                <button type="button" class="button small" aria-expanded=move || snoozing.get().to_string()
                    on:click=move |_| snoozing.update(|s| *s = !*s)>
                    "Snooze"<span class="visually-hidden">": " {step.label()}</span>
                </button>
                {snoozed.then(|| view! {
                    <button type="button" class="button small" on:click=move |_| {
                        actions.reset(step, format!("“{}” is no longer snoozed.", step.label()));
                    }>"Unsnooze"</button>
                })}
                <button type="button" class="button small quiet" on:click=move |_| actions.skip(step)>
                    "Skip"<span class="visually-hidden">": " {step.label()}</span>
                </button>
            </div>
            <Show when=move || snoozing.get()>
                <SnoozePicker step actions today done=move || snoozing.set(false)/>
            </Show>
        }
    };

    view! {
        <li class=format!("step tone-{tone}")>
            <span class="marker" aria-hidden="true">{marker}</span>
            <div class="step-body">
                <div class="step-head">
                    <h3 class="step-label">{label}</h3>
                    <span class="step-status">{status_line}</span>
                    {resolved.then(|| view! {
                        <button type="button" class="link-button step-undo" on:click=move |_| {
                            actions.reset(step, format!("“{}” is back to do.", step.label()));
                        }>"Undo"<span class="visually-hidden">": " {label}</span></button>
                    })}
                </div>
                {explain.map(|text| view! { <p class="step-note">{text}</p> })}
                {(!resolved).then(|| hint.map(|h| view! { <p class="hint step-hint">{h.to_string()}</p> }))}
                {if resolved {
                    ().into_any()
                } else {
                    view! {
                        <Show when=move || open.get() fallback=move || view! {
                            <button type="button" class="link-button" aria-expanded="false"
                                on:click=move |_| open.set(true)>
                                "Do it early, snooze or skip"<span class="visually-hidden">": " {step.label()}</span>
                            </button>
                        }>
                            {tools.clone()}
                        </Show>
                    }.into_any()
                }}
            </div>
        </li>
    }
}

/// Snooze to tomorrow, next week or a picked date.
#[component]
fn SnoozePicker(
    step: Step,
    actions: Actions,
    today: NaiveDate,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let tomorrow = today + Days::new(1);
    let next_week = today + Days::new(7);
    let picked = RwSignal::new(dates::iso(tomorrow));
    let error = RwSignal::new(None::<String>);
    let input_id = format!("snooze-{}", step.slug());
    let error_id = format!("snooze-{}-error", step.slug());
    let snooze = move |until: NaiveDate| {
        if actions.snooze(step, until) {
            done();
        }
    };
    let pick = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match dates::parse_iso(&picked.get_untracked()) {
            Some(until) if until > today => {
                error.set(None);
                snooze(until);
            }
            Some(_) => error.set(Some("Pick a day after today.".into())),
            None => error.set(Some("Pick a date, or use one of the buttons.".into())),
        }
    };
    view! {
        <form class="snooze" on:submit=pick novalidate>
            <div class="snooze-quick">
                <button type="button" class="button small" on:click=move |_| snooze(tomorrow)>"Tomorrow"</button>
                <button type="button" class="button small" on:click=move |_| snooze(next_week)>"In a week"</button>
            </div>
            <label for=input_id.clone()>"Or pick a day"</label>
            <div class="snooze-pick">
                <input id=input_id type="date" min=dates::iso(tomorrow)
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

/// "Log an interaction": a kind from `InteractionKind::MANUAL`, a date and a note.
#[component]
fn LogForm(actions: Actions) -> impl IntoView {
    let open = RwSignal::new(false);
    let kind = RwSignal::new(0usize);
    let on = RwSignal::new(dates::iso(actions.today()));
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = dates::parse_iso(&on.get_untracked()) else {
            error.set(Some("Pick the day it happened.".into()));
            return;
        };
        if day > actions.today() {
            error.set(Some("Pick today or a day in the past.".into()));
            return;
        }
        error.set(None);
        let kind = InteractionKind::MANUAL[kind.get_untracked()];
        let saved = actions.run(
            Command::LogInteraction {
                contact: actions.contact(),
                on: day,
                kind,
                note: note.get_untracked(),
                at: clock::now_ms(),
            },
            format!("Added to history: {}.", kind.label()),
            None,
        );
        if saved {
            note.set(String::new());
            on.set(dates::iso(actions.today()));
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
                        <input id="log-date" type="date" max=move || dates::iso(actions.state.today.get())
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

/// Delete, behind a confirmation that says it cannot be undone.
#[component]
fn DeleteContact(actions: Actions, contact: Memo<Contact>) -> impl IntoView {
    let go = use_go();
    let confirming = RwSignal::new(false);
    let keep_ref = NodeRef::<Button>::new();
    Effect::new(move || {
        if let Some(button) = keep_ref.get() {
            let _ = button.focus();
        }
    });
    let name = move || contact.with(|c| c.name.clone());
    let delete = move |_| {
        let id = actions.contact();
        if actions.run(Command::DeleteContact(id), String::new(), None) {
            go(Screen::Contacts);
        }
    };
    view! {
        <section class="danger-zone" aria-label="Delete this contact">
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" id="delete" class="button danger"
                    on:click=move |_| confirming.set(true)>"Delete contact"</button>
            }>
                <div class="card confirm" role="group" aria-labelledby="confirm-title">
                    <h2 id="confirm-title">{move || format!("Delete {}?", name())}</h2>
                    <p>"Their details, follow-up steps and history will be removed from this device. This can't be undone."</p>
                    <div class="form-actions">
                        <button type="button" id="confirm-delete" class="button danger solid" on:click=delete.clone()>"Delete for good"</button>
                        <button type="button" class="button" node_ref=keep_ref on:click=move |_| confirming.set(false)>"Keep"</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
