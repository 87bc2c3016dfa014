//! Everyone you have met: instant search, filters (event, kind, needs action) and sorting.
//!
//! The expensive part, each contact's next step, is computed once per change of the book
//! or of today in one `Memo`; typing in the search box only filters and sorts those
//! precomputed entries (typing on searches only the last matches:
//! `view::contacts::select`), and the rows drawn are reused in place (their texts and
//! links rewritten) when the matches change. The list keeps its DOM contract for the
//! end-to-end tests: `<ul class="contact-list">`, one `<li>` per contact whose first
//! `<a>` names them. This page never changes the book.

use crate::domain::Kind;
use crate::routes::Screen;
use crate::state::use_app;
use crate::view::contacts::{count_text, entries, select, Entry, Filter, Row, Selection, SortBy};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// How many rows are drawn at first, and added by "Show more".
const PAGE: usize = 50;

/// What the student chose to see, as signals: the controls write them, the list reads them.
#[derive(Clone, Copy)]
struct ListControls {
    search: RwSignal<String>,
    /// An event id, or "" for every event.
    event: RwSignal<String>,
    kind: RwSignal<Option<Kind>>,
    needs_action: RwSignal<bool>,
    sort: RwSignal<SortBy>,
}

impl ListControls {
    fn new(event: String) -> ListControls {
        ListControls {
            search: RwSignal::new(String::new()),
            event: RwSignal::new(event),
            kind: RwSignal::new(None),
            needs_action: RwSignal::new(false),
            sort: RwSignal::new(SortBy::NextDue),
        }
    }

    /// The filter these choices make (tracked); `events` are the book's (id, name) pairs.
    fn filter(self, events: &[(String, String)]) -> Filter {
        let event = self.event.get();
        Filter {
            search: self.search.get(),
            // An event id that is not in the book (an old link) filters nothing.
            event: events.iter().any(|(e, _)| *e == event).then_some(event),
            kind: self.kind.get(),
            needs_action: self.needs_action.get(),
            sort: self.sort.get(),
        }
    }

    /// Everything back to "all contacts" (the sort order stays).
    fn clear(self) {
        self.search.set(String::new());
        self.event.set(String::new());
        self.kind.set(None);
        self.needs_action.set(false);
    }
}

#[component]
pub fn Contacts() -> impl IntoView {
    let state = use_app();
    let query_map = use_query_map();
    let choices = ListControls::new(query_map.read_untracked().get("event").unwrap_or_default());
    // `?event=<id>` (from the events page) can change while this page is open.
    Effect::new(move |_| {
        let from_url = query_map.read().get("event").unwrap_or_default();
        choices.event.set(from_url);
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
        state.book.with(|b| entries(b, today))
    });
    let total = Memo::new(move |_| entries.with(Vec::len));
    let filter = Memo::new(move |_| events.with(|evs| choices.filter(evs)));
    // Which computation of the entries this is: a selection made from other entries is
    // never narrowed.
    let computed = Memo::new(move |before: Option<&u64>| {
        entries.track();
        before.map_or(0, |n| n.wrapping_add(1))
    });
    let selection = Memo::new(move |before: Option<&Selection>| {
        let computed = computed.get();
        let filter = filter.get();
        entries.with(|all| select(filter, all, computed, before))
    });
    let rows = Memo::new(move |_| selection.with(|s| s.hits.clone()));

    view! {
        <main id="main" data-page="contacts" class="page">
            <header class="page-head">
                <h1>"Contacts"</h1>
                <Show when=move || { total.get() > 0 }>
                    <A href=Screen::Capture.href() attr:class="button small primary">"Add"<span class="visually-hidden">" a contact"</span></A>
                    <nav class="contacts-head-links" aria-label="Other views of your contacts">
                        <A href=Screen::Companies.href() attr:class="button small" attr:id="open-companies">"Companies"</A>
                        <A href=Screen::Referrals.href() attr:class="button small" attr:id="open-referrals">"Referrals"</A>
                    </nav>
                </Show>
            </header>
            <Show when=move || { total.get() > 0 } fallback=|| view! {
                <section class="card empty">
                    <h2>"Nobody here yet"</h2>
                    <p>"Add people right after you meet them, while the chat is fresh: their name and what you talked about take fifteen seconds, and Followup reminds you of every follow-up."</p>
                    <A href=Screen::Capture.href() attr:class="button primary">"Add your first contact"</A>
                </section>
            }>
                <Finder choices events filter entries rows/>
                <Results choices entries rows/>
            </Show>
        </main>
    }
}

/// The search box, the chips, the event and sort selects, and the count line.
#[component]
fn Finder(
    choices: ListControls,
    events: Memo<Vec<(String, String)>>,
    filter: Memo<Filter>,
    entries: Memo<Vec<Entry>>,
    rows: Memo<Vec<usize>>,
) -> impl IntoView {
    let ListControls {
        search,
        event,
        kind,
        needs_action,
        sort,
    } = choices;
    let action_count =
        Memo::new(move |_| entries.with(|all| all.iter().filter(|e| e.needs_action).count()));
    let event_filter = Memo::new(move |_| filter.with(|f| f.event.clone()));
    let filtering = Memo::new(move |_| filter.with(Filter::is_filtering));
    let count_text =
        move || count_text(entries.with(Vec::len), rows.with(Vec::len), filtering.get());
    let kind_chip = move |k: Option<Kind>, text: &'static str| {
        view! {
            <button type="button" class="chip" aria-pressed=move || (kind.get() == k).to_string()
                on:click=move |_| kind.set(k)>{text}</button>
        }
    };
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
                    <button type="button" class="link-button" on:click=move |_| choices.clear()>"Clear filters"</button>
                </Show>
            </p>
        </div>
    }
}

/// The matching rows, a page at a time: thousands of rows would take a second to draw.
#[component]
fn Results(
    choices: ListControls,
    entries: Memo<Vec<Entry>>,
    rows: Memo<Vec<usize>>,
) -> impl IntoView {
    let shown = RwSignal::new(PAGE);
    // A new search or filter starts again from the first page.
    Effect::new(move |_| {
        choices.search.track();
        choices.event.track();
        choices.kind.track();
        choices.needs_action.track();
        choices.sort.track();
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
    view! {
        <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! {
            <section class="card empty">
                <h2>"No one matches"</h2>
                <p>"Try fewer words, or another event or kind."</p>
                <button type="button" class="button" on:click=move |_| choices.clear()>"Clear filters"</button>
            </section>
        }>
            // Unkeyed: a keystroke that changes the rows rewrites the texts and links of the
            // rows already drawn, in place, rather than removing them and building others.
            <ul class="contact-list card">
                {move || visible.get().into_iter().map(|row| view! { <ContactRow row/> }).collect_view()}
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
