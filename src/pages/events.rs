//! Events: where the student met people, each with how its follow-ups are going, what it
//! led to (the funnel, folded), and the door into capture mode ("Capture here").
//!
//! One form adds or edits an event; it opens at the top for a new event and in place of
//! the card for an edit. Deleting asks first and says what is kept. Nothing here touches
//! storage or the clock: today's date and new ids come from the shell.

use crate::components::funnel_chart::FunnelChart;
use crate::components::text_field::TextField;
use crate::domain::{dates, Command, Event, EventId, EventKind};
use crate::routes::{use_go, Screen};
use crate::state::{new_id, use_app};
use crate::view::events::{self, EventRow};
use crate::view::insights::{funnel_headline, FUNNEL_NOTE};
use chrono::NaiveDate;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::components::A;

/// Which event the form is open for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Editing {
    New,
    Existing(EventId),
}

/// What is typed into the event form.
#[derive(Clone, Copy)]
struct EventDraft {
    name: RwSignal<String>,
    kind: RwSignal<EventKind>,
    date: RwSignal<String>,
    /// The last day, for an event over several days ("" for one day).
    ends: RwSignal<String>,
    place: RwSignal<String>,
    name_error: RwSignal<Option<String>>,
    date_error: RwSignal<Option<String>>,
    ends_error: RwSignal<Option<String>>,
}

impl EventDraft {
    fn new() -> EventDraft {
        EventDraft {
            name: RwSignal::new(String::new()),
            kind: RwSignal::new(EventKind::default()),
            date: RwSignal::new(String::new()),
            ends: RwSignal::new(String::new()),
            place: RwSignal::new(String::new()),
            name_error: RwSignal::new(None),
            date_error: RwSignal::new(None),
            ends_error: RwSignal::new(None),
        }
    }

    fn load(
        &self,
        name: &str,
        kind: EventKind,
        date: NaiveDate,
        ends: Option<NaiveDate>,
        place: &str,
    ) {
        self.name.set(name.to_string());
        self.kind.set(kind);
        self.date.set(dates::iso(date));
        self.ends.set(ends.map(dates::iso).unwrap_or_default());
        self.ends_error.set(None);
        self.place.set(place.to_string());
        self.name_error.set(None);
        self.date_error.set(None);
    }

    /// The event as typed, or `None` after marking what needs fixing.
    fn validate(&self, id: EventId) -> Option<Event> {
        let name = self.name.get_untracked().trim().to_string();
        let date = dates::parse_iso(&self.date.get_untracked());
        self.name_error.set(
            name.is_empty()
                .then(|| "Give the event a name, like \u{201c}Fall Career Fair\u{201d}.".into()),
        );
        self.date_error
            .set(date.is_none().then(|| "Pick the date of the event.".into()));
        let ends = events::last_day(&self.ends.get_untracked(), date);
        self.ends_error.set(ends.err().map(String::from));
        let ends = ends.ok()?;
        Some(Event {
            id,
            name: (!name.is_empty()).then_some(name)?,
            kind: self.kind.get_untracked(),
            date: date?,
            ends,
            place: self.place.get_untracked().trim().to_string(),
            prep: Default::default(),
        })
    }
}

#[component]
pub fn Events() -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| {
        let today = state.today.get();
        state.book.with(|book| events::event_rows(book, today))
    });
    let editing = RwSignal::new(None::<Editing>);
    let confirming = RwSignal::new(None::<EventId>);
    let notice = RwSignal::new(None::<String>);
    let draft = EventDraft::new();

    let open_new = move |_| {
        draft.load("", EventKind::default(), state.now().today, None, "");
        confirming.set(None);
        notice.set(None);
        editing.set(Some(Editing::New));
    };

    view! {
        <main id="main" data-page="events" class="page">
            <header class="page-head events-head">
                <h1>"Events"</h1>
                <p class="subtitle">"Where you met people, and how each follow-up is going."</p>
                <Show when=move || !rows.with(Vec::is_empty)>
                    <A href=Screen::Funnel.href() attr:class="events-funnel-link" attr:id="open-funnel">"Which events pay off ›"</A>
                </Show>
                <Show when=move || editing.get() != Some(Editing::New) && !rows.with(Vec::is_empty)>
                    <button type="button" class="button primary" on:click=open_new>
                        <span aria-hidden="true">"+"</span>"New event"
                    </button>
                </Show>
            </header>
            <p class="events-notice" role="status">{move || notice.get()}</p>
            <Show when=move || editing.get() == Some(Editing::New)>
                <section class="card" aria-labelledby="event-form-title">
                    <h2 id="event-form-title">"New event"</h2>
                    <EventForm draft editing notice/>
                </section>
            </Show>
            <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! {
                <Show when=move || editing.get().is_none()>
                    <section class="card empty events-empty">
                        <h2>"Going to a career fair?"</h2>
                        <p>
                            "Add it here before you go. At the event, tap Capture here: everyone you add "
                            "is linked to it with today's date, so you only type their name and what you talked about."
                        </p>
                        <p>"Afterwards each event shows how many people you met, how many you've emailed and who is still waiting to hear from you."</p>
                        <button type="button" class="button primary" on:click=open_new>"Add your first event"</button>
                    </section>
                </Show>
            }>
                <ul class="events-list">
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <li>
                            <EventCard row=row.clone() draft editing confirming notice/>
                        </li>
                    </For>
                </ul>
            </Show>
        </main>
    }
}

/// The add / edit form. Saves with `SaveEvent`, which replaces an event with the same id.
#[component]
fn EventForm(
    draft: EventDraft,
    editing: RwSignal<Option<Editing>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let save_error = RwSignal::new(None::<String>);
    let name_ref = NodeRef::<Input>::new();
    Effect::new(move || {
        if let Some(input) = name_ref.get() {
            let _ = input.focus();
        }
    });
    let existing = editing.with_untracked(|e| match e {
        Some(Editing::Existing(id)) => Some(id.clone()),
        _ => None,
    });
    let is_new = existing.is_none();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = existing.clone().unwrap_or_else(|| EventId::new(new_id()));
        let Some(mut event) = draft.validate(id) else {
            return;
        };
        // The form edits the name, dates and place; the plan stays as it is.
        if let Some(kept) = state
            .book
            .with_untracked(|b| b.event(&event.id).map(|e| e.prep.clone()))
        {
            event.prep = kept;
        }
        let name = event.name.clone();
        match state.apply(Command::SaveEvent(event)) {
            Ok(()) => {
                notice.set(Some(events::saved_notice(&name, is_new)));
                editing.set(None);
            }
            Err(e) => save_error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="events-form" on:submit=save novalidate>
            <TextField id="event-name" label="Name" value=draft.name node_ref=name_ref autocapitalize="words"
                required=true placeholder="Fall Career Fair" error=draft.name_error
                on_input=Callback::new(move |()| draft.name_error.set(None))/>
            <div class="events-pair">
                <div class="field">
                    <label for="event-kind">"Kind"</label>
                    <select id="event-kind" on:change=move |ev| {
                        let index = event_target_value(&ev).parse::<usize>().unwrap_or(0);
                        draft.kind.set(EventKind::ALL.get(index).copied().unwrap_or_default());
                    }>
                        {EventKind::ALL.into_iter().enumerate().map(|(i, kind)| view! {
                            <option value=i.to_string() prop:selected=move || draft.kind.get() == kind>{kind.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <TextField id="event-date" label="Date" kind="date" value=draft.date required=true error=draft.date_error
                    on_input=Callback::new(move |()| draft.date_error.set(None))/>
                <TextField id="event-ends" label="Last day" optional=true kind="date" value=draft.ends error=draft.ends_error
                    on_input=Callback::new(move |()| draft.ends_error.set(None))/>
            </div>
            <TextField id="event-place" label="Place" optional=true value=draft.place placeholder="Student Union, Hall B"/>
            {move || save_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <div class="events-actions">
                <button type="submit" class="button primary">{if is_new { "Add event" } else { "Save changes" }}</button>
                <button type="button" class="button" on:click=move |_| editing.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}

/// One event: its details and counts, or the edit form in its place.
#[component]
fn EventCard(
    row: EventRow,
    draft: EventDraft,
    editing: RwSignal<Option<Editing>>,
    confirming: RwSignal<Option<EventId>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let is_editing = {
        let id = row.id.clone();
        move || editing.with(|e| e.as_ref() == Some(&Editing::Existing(id.clone())))
    };
    let is_confirming = {
        let id = row.id.clone();
        move || confirming.with(|c| c.as_ref() == Some(&id))
    };
    let title_id = events::title_id(&row.id);
    let card_class = if row.current {
        "card events-card events-current"
    } else {
        "card events-card"
    };
    let actions = {
        let row = row.clone();
        move || view! { <EventActions row=row.clone() draft editing confirming notice/> }
    };
    view! {
        <article class=card_class aria-labelledby=title_id.clone()>
            {let is_editing = is_editing.clone(); move || is_editing().then(|| view! {
                <h2 class="events-form-title">"Edit event"</h2>
                <EventForm draft editing notice/>
            })}
            <div class="events-card-body" hidden=is_editing>
                <EventDetails row=row.clone() title_id=title_id.clone()/>
                <Show when=is_confirming fallback=actions>
                    <DeleteConfirm row=row.clone() confirming notice/>
                </Show>
            </div>
        </article>
    }
}

/// The event's name, dates, place, counts and funnel.
#[component]
fn EventDetails(row: EventRow, title_id: String) -> impl IntoView {
    let when = events::when(row.kind, row.date, row.ends);
    view! {
        <div class="events-card-head">
            <h2 id=title_id>{row.name.clone()}</h2>
            {row.current.then(|| view! { <span class="events-badge">"Capturing here"</span> })}
        </div>
        <p class="meta events-when">{when}</p>
        {(!row.place.is_empty()).then(|| view! { <p class="meta events-place">{row.place.clone()}</p> })}
        <Stats row=row.clone()/>
        {row.planned.map(|planned| view! { <p class="meta events-planned">{crate::view::plan::reached_line(planned)}</p> })}
        <EventFunnel row/>
    }
}

/// "Capture here", "Edit" and "Delete" (which asks first).
#[component]
fn EventActions(
    row: EventRow,
    draft: EventDraft,
    editing: RwSignal<Option<Editing>>,
    confirming: RwSignal<Option<EventId>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let go = use_go();
    let capture = {
        let id = row.id.clone();
        move |_| match state.apply(Command::SetCurrentEvent(Some(id.clone()))) {
            Ok(()) => go(Screen::Capture),
            Err(e) => notice.set(Some(e.to_string())),
        }
    };
    let ask_delete = {
        let id = row.id.clone();
        move |_| {
            notice.set(None);
            confirming.set(Some(id.clone()));
        }
    };
    let edit = {
        let row = row.clone();
        move |_| {
            draft.load(&row.name, row.kind, row.date, row.ends, &row.place);
            confirming.set(None);
            notice.set(None);
            editing.set(Some(Editing::Existing(row.id.clone())));
        }
    };
    view! {
        <div class="events-actions">
            <button type="button" class="button primary" on:click=capture>"Capture here"</button>
            <A href=Screen::Plan(row.id.clone()).href() attr:class="button plan-open">"Plan"</A>
            <button type="button" class="button" on:click=edit>"Edit"</button>
            <button type="button" class="button danger" on:click=ask_delete>"Delete"</button>
        </div>
    }
}

/// "Delete …?" with what is kept; focus starts on the safe answer.
#[component]
fn DeleteConfirm(
    row: EventRow,
    confirming: RwSignal<Option<EventId>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let EventRow { id, name, met, .. } = row;
    let question = events::delete_question(&name);
    let delete = move |_| {
        confirming.set(None);
        match state.apply(Command::DeleteEvent {
            id: id.clone(),
            at: state.now().at,
        }) {
            Ok(()) => notice.set(Some(events::deleted_notice(&name, met))),
            Err(e) => notice.set(Some(e.to_string())),
        }
    };
    let keep_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move || {
        if let Some(button) = keep_ref.get() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="events-confirm" role="group" aria-label="Confirm delete">
            <p>
                <strong>{question}</strong>" "
                {events::delete_keeps(met)}
            </p>
            <div class="events-actions">
                <button type="button" class="button danger-solid" on:click=delete>"Delete event"</button>
                <button type="button" class="button" node_ref=keep_ref on:click=move |_| confirming.set(None)>"Keep it"</button>
            </div>
        </div>
    }
}

/// What the event led to: the funnel, folded under a one-line headline.
#[component]
fn EventFunnel(row: EventRow) -> impl IntoView {
    if row.met == 0 {
        return ().into_any();
    }
    let headline = funnel_headline(&row.funnel);
    let caption = events::funnel_caption(&row.name);
    view! {
        <details class="events-funnel">
            <summary>
                <span>"What it led to"</span>
                <span class="events-funnel-headline">{events::funnel_line(headline)}</span>
            </summary>
            <FunnelChart funnel=row.funnel caption/>
            <p class="meta funnel-note">{FUNNEL_NOTE}</p>
        </details>
    }
    .into_any()
}

/// The per-event counts as chips, linking to the contacts met there.
#[component]
fn Stats(row: EventRow) -> impl IntoView {
    if row.met == 0 {
        return view! {
            <p class="events-none">"No one captured here yet."</p>
        }
        .into_any();
    }
    let overdue_class = if row.overdue > 0 {
        "events-stat overdue"
    } else {
        "events-stat"
    };
    view! {
        // The link's name is its visible text (WCAG 2.5.3, label in name), with commas for
        // screen readers and where it leads; the chips are flex items, so the separators
        // take no room on screen.
        <A href=Screen::ContactsAt(row.id.clone()).href() attr:class="events-stats">
            <span class="events-stat"><strong>{row.met}</strong>" met"</span>
            <span class="visually-hidden">", "</span>
            <span class="events-stat"><strong>{row.emailed}</strong>" followed up"</span>
            <span class="visually-hidden">", "</span>
            // Follow-ups (steps), as the agenda counts them: the two screens agree.
            <span class=overdue_class>
                <strong>{row.overdue}</strong>{events::overdue_label(row.overdue)}
            </span>
            <span class="visually-hidden">{events::see_label(row.met)}</span>
            <span class="events-go" aria-hidden="true">"›"</span>
        </A>
    }
    .into_any()
}
