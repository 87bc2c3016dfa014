//! Everyone you have met: instant search, filters (event, kind, needs action) and sorting.
//!
//! The expensive part, each contact's next step, is computed once per change of the book
//! or of today in one `Memo`; typing in the search box only filters and sorts those
//! precomputed entries. The list keeps its DOM contract for the end-to-end tests:
//! `<ul class="contact-list">`, one `<li>` per contact whose first `<a>` names them.
//! This page never changes the book.

use crate::domain::playbook::next_step;
use crate::domain::search::{fold, Query};
use crate::domain::{dates, Book, Contact, Kind, Status};
use crate::routes::Screen;
use crate::state::use_app;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// How many rows are drawn at first, and added by "Show more".
const PAGE: usize = 50;

/// How the list is ordered.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum SortBy {
    NextDue,
    Name,
    MetOn,
}

impl SortBy {
    const ALL: [SortBy; 3] = [SortBy::NextDue, SortBy::Name, SortBy::MetOn];

    fn value(self) -> &'static str {
        match self {
            SortBy::NextDue => "due",
            SortBy::Name => "name",
            SortBy::MetOn => "met",
        }
    }

    fn label(self) -> &'static str {
        match self {
            SortBy::NextDue => "Next due",
            SortBy::Name => "Name",
            SortBy::MetOn => "Date met (newest)",
        }
    }

    fn from_value(value: &str) -> SortBy {
        SortBy::ALL
            .into_iter()
            .find(|s| s.value() == value)
            .unwrap_or(SortBy::NextDue)
    }
}

/// One line of the list, as shown. Keyed by its whole value, so an edit redraws the line.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
struct Row {
    id: String,
    name: String,
    /// "Company · Title", either part may be missing.
    subtitle: String,
    kind: Kind,
    really_want: bool,
    /// The next step's label, its status in words and its tone class.
    next: Option<(&'static str, String, &'static str)>,
}

/// A row plus what searching, filtering and sorting need.
#[derive(Clone, PartialEq, Debug)]
struct Entry {
    row: Row,
    haystack: String,
    event: Option<String>,
    met_on: NaiveDate,
    sort_name: String,
    needs_action: bool,
    /// Most urgent first: overdue, due today, upcoming, nothing left.
    urgency: (u8, NaiveDate),
}

impl Entry {
    fn new(book: &Book, contact: &Contact, today: NaiveDate) -> Entry {
        let next = next_step(contact, book.settings().default_cadence_days, today);
        let subtitle = [contact.company.as_str(), contact.title.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let event_name = book.event_of(contact).map(|e| e.name.as_str());
        let haystack = fold(
            &[
                contact.name.as_str(),
                contact.company.as_str(),
                contact.title.as_str(),
                contact.hook.as_str(),
                contact.role.as_str(),
                contact.notes.as_str(),
                &contact.tags.join(" "),
                event_name.unwrap_or(""),
            ]
            .join("\n"),
        );
        let urgency = match next.map(|v| (v.status, v.window)) {
            Some((Status::Overdue(_), w)) => (0, w.closes),
            Some((Status::DueToday, w)) => (1, w.closes),
            Some((_, w)) => (2, w.opens),
            None => (3, NaiveDate::MAX),
        };
        Entry {
            row: Row {
                id: contact.id.to_string(),
                name: contact.name.clone(),
                subtitle,
                kind: contact.kind,
                really_want: contact.really_want,
                next: next.map(|v| {
                    (
                        v.step.label(),
                        dates::status_text(v.status, today),
                        tone(v.status),
                    )
                }),
            },
            haystack,
            event: contact.event.as_ref().map(|e| e.to_string()),
            met_on: contact.met_on,
            sort_name: fold(&contact.name),
            needs_action: next.is_some_and(|v| v.status.needs_action()),
            urgency,
        }
    }
}

/// The CSS tone of a step's status, shared with the contact page's timeline.
pub(crate) fn tone(status: Status) -> &'static str {
    match status {
        Status::Overdue(_) => "overdue",
        Status::DueToday => "today",
        Status::Upcoming(_) => "upcoming",
        Status::Done(_) => "done",
        Status::Skipped(_) => "skipped",
    }
}

#[component]
pub fn Contacts() -> impl IntoView {
    let state = use_app();
    let query_map = use_query_map();

    let search = RwSignal::new(String::new());
    let event = RwSignal::new(query_map.read_untracked().get("event").unwrap_or_default());
    let kind = RwSignal::new(None::<Kind>);
    let needs_action = RwSignal::new(false);
    let sort = RwSignal::new(SortBy::NextDue);
    // `?event=<id>` (from the events page) can change while this page is open.
    Effect::new(move |_| {
        let from_url = query_map.read().get("event").unwrap_or_default();
        event.set(from_url);
    });

    let events = Memo::new(move |_| {
        state.book.with(|b| {
            b.events()
                .map(|e| (e.id.to_string(), e.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let entries = Memo::new(move |_| {
        let today = state.today.get();
        state.book.with(|b| {
            b.contacts()
                .map(|c| Entry::new(b, c, today))
                .collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| entries.with(Vec::len));
    let action_count =
        Memo::new(move |_| entries.with(|all| all.iter().filter(|e| e.needs_action).count()));
    // An event id that is not in the book (an old link) filters nothing.
    let event_filter = Memo::new(move |_| {
        let id = event.get();
        events
            .with(|evs| evs.iter().any(|(e, _)| *e == id))
            .then_some(id)
    });
    let filtering = Memo::new(move |_| {
        !search.with(|s| s.trim().is_empty())
            || event_filter.with(Option::is_some)
            || kind.get().is_some()
            || needs_action.get()
    });
    let rows = Memo::new(move |_| {
        let query = search.get();
        let event = event_filter.get();
        let kind = kind.get();
        let needs_action = needs_action.get();
        let sort = sort.get();
        let query = Query::new(&query);
        // Positions in `entries`, not copies: only the visible page is cloned for the view.
        entries.with(|all| {
            let mut hits: Vec<usize> = all
                .iter()
                .enumerate()
                .filter(|(_, e)| event.is_none() || e.event == event)
                .filter(|(_, e)| kind.is_none_or(|k| e.row.kind == k))
                .filter(|(_, e)| !needs_action || e.needs_action)
                .filter(|(_, e)| query.matches(&e.haystack))
                .map(|(i, _)| i)
                .collect();
            match sort {
                // `contacts()` is newest meeting first already; sorts are stable.
                SortBy::MetOn => {}
                SortBy::Name => hits.sort_by(|&a, &b| all[a].sort_name.cmp(&all[b].sort_name)),
                SortBy::NextDue => hits.sort_by_key(|&i| all[i].urgency),
            }
            hits
        })
    });
    // Thousands of rows would take a second to draw: show a page at a time.
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        search.track();
        event.track();
        kind.track();
        needs_action.track();
        sort.track();
        shown.set(PAGE);
    });
    let visible = Memo::new(move |_| {
        let shown = shown.get();
        rows.with(|hits| {
            entries.with(|all| {
                hits.iter()
                    .take(shown)
                    .map(|&i| all[i].row.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let hidden = move || rows.with(Vec::len).saturating_sub(shown.get());
    let clear = move |_| {
        search.set(String::new());
        event.set(String::new());
        kind.set(None);
        needs_action.set(false);
    };

    let count_text = move || {
        let total = total.get();
        if filtering.get() {
            format!("{} of {total} match", rows.with(Vec::len))
        } else if total == 1 {
            "1 contact".to_string()
        } else {
            format!("{total} contacts")
        }
    };

    let kind_chip = move |k: Option<Kind>, text: &'static str| {
        view! {
            <button type="button" class="chip" aria-pressed=move || (kind.get() == k).to_string()
                on:click=move |_| kind.set(k)>{text}</button>
        }
    };

    let controls = move || {
        view! {
            <div class="finder" role="search">
                <label for="search" class="finder-label">"Search contacts"</label>
                <input id="search" type="search" autocomplete="off" enterkeyhint="search"
                    placeholder="Name, company, topic, tag…"
                    prop:value=search on:input=move |ev| search.set(event_target_value(&ev))/>
                <div class="chips" role="group" aria-label="Show">
                    <button type="button" class="chip chip-action" aria-pressed=move || needs_action.get().to_string()
                        on:click=move |_| needs_action.update(|on| *on = !*on)>
                        "Needs action"
                        <span class="chip-count">{move || action_count.get()}</span>
                    </button>
                    {kind_chip(None, "All")}
                    {kind_chip(Some(Kind::Engineer), "Engineers")}
                    {kind_chip(Some(Kind::Recruiter), "Recruiters")}
                    {kind_chip(Some(Kind::Other), "Others")}
                </div>
                <div class="finder-selects">
                    <div class="select">
                        <label for="event-filter">"Event"</label>
                        <select id="event-filter" on:change=move |ev| event.set(event_target_value(&ev))>
                            <option value="" selected=move || event_filter.with(Option::is_none)>"All events"</option>
                            <For each=move || events.get() key=|e| e.clone() let:e>
                                <option value=e.0.clone() selected={let id = e.0.clone(); move || event_filter.get().as_ref() == Some(&id)}>{e.1.clone()}</option>
                            </For>
                        </select>
                    </div>
                    <div class="select">
                        <label for="sort">"Sort by"</label>
                        <select id="sort" on:change=move |ev| sort.set(SortBy::from_value(&event_target_value(&ev)))>
                            {SortBy::ALL.into_iter().map(|s| view! {
                                <option value=s.value() selected=move || sort.get() == s>{s.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <p class="result-count" role="status">
                    <span>{count_text}</span>
                    <Show when=move || filtering.get()>
                        <button type="button" class="link-button" on:click=clear>"Clear filters"</button>
                    </Show>
                </p>
            </div>
        }
    };

    let list = move || {
        view! {
            <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! {
                <section class="card empty">
                    <h2>"No one matches"</h2>
                    <p>"Try fewer words, or another event or kind."</p>
                    <button type="button" class="button" on:click=clear>"Clear filters"</button>
                </section>
            }>
                <ul class="contact-list card">
                    <For each=move || visible.get() key=|row| row.clone() let:row>
                        <ContactRow row/>
                    </For>
                </ul>
                <Show when=move || { hidden() > 0 }>
                    <div class="more-rows">
                        <button type="button" class="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                            {move || format!("Show {} more", hidden().min(PAGE))}
                        </button>
                        <p class="meta">{move || format!("{} more not shown yet. Search finds anyone at once.", hidden())}</p>
                    </div>
                </Show>
            </Show>
        }
    };

    view! {
        <main id="main" data-page="contacts" class="page">
            <header class="page-head">
                <h1>"Contacts"</h1>
                <Show when=move || { total.get() > 0 }>
                    <A href=Screen::Capture.href() attr:class="button small primary">"Add"<span class="visually-hidden">" a contact"</span></A>
                </Show>
            </header>
            <Show when=move || { total.get() > 0 } fallback=|| view! {
                <section class="card empty">
                    <h2>"Nobody here yet"</h2>
                    <p>"Add people right after you meet them, while the chat is fresh: their name and what you talked about take fifteen seconds, and Followup reminds you of every follow-up."</p>
                    <A href=Screen::Capture.href() attr:class="button primary">"Add your first contact"</A>
                </section>
            }>
                {controls()}
                {list()}
            </Show>
        </main>
    }
}

#[component]
fn ContactRow(row: Row) -> impl IntoView {
    let Row {
        id,
        name,
        subtitle,
        kind,
        really_want,
        next,
    } = row;
    let kind_class = format!("badge kind-{}", kind.label().to_lowercase());
    view! {
        <li>
            // The router still handles the click. Plain `<a>` draws twice as fast as `<A>`.
            <a href=Screen::Contact(crate::domain::ContactId::new(id)).href()>
                <span class="row-top">
                    <span class="name">{name}</span>
                    {really_want.then(|| view! {
                        <span class="star" aria-hidden="true">"★"</span>
                        <span class="visually-hidden">", a job you really want"</span>
                    })}
                    <span class=kind_class>{kind.label()}</span>
                </span>
                {(!subtitle.is_empty()).then(|| view! { <span class="meta">{subtitle}</span> })}
                {match next {
                    Some((label, status, tone)) => view! {
                        <span class=format!("next tone-{tone}")>
                            <span class="dot" aria-hidden="true"></span>
                            <span class="next-label">{label}</span>
                            <span class="next-status">{status}</span>
                        </span>
                    }.into_any(),
                    None => view! {
                        <span class="next tone-done">
                            <span class="dot" aria-hidden="true"></span>
                            <span class="next-label">"All follow-ups done"</span>
                        </span>
                    }.into_any(),
                }}
            </a>
        </li>
    }
}
