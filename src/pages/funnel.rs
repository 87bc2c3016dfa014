//! Which events pay off: the funnel of everyone met, then of each event, from met to
//! offer, as counts, percentages of the people met and a small bar chart. The rows are
//! counts of their own, not narrowing stages (`view::insights::FUNNEL_NOTE` says so under
//! the first chart).
//!
//! A lazy route. This page never changes the book; the counting is `domain::funnel`.

use crate::components::funnel_chart::FunnelChart;
use crate::domain::funnel::{event_funnels, overall_funnel, EventFunnel, Stage};
use crate::routes::Screen;
use crate::state::use_app;
use crate::view::insights::FUNNEL_NOTE;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn FunnelSummary() -> impl IntoView {
    let state = use_app();
    let overall = Memo::new(move |_| state.book.with(overall_funnel));
    let events = Memo::new(move |_| state.book.with(event_funnels));
    let captured = move || {
        events.with(|e| {
            e.iter()
                .filter(|f| !f.funnel.is_empty())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let empty_events = move || {
        events.with(|e| {
            e.iter()
                .filter(|f| f.funnel.is_empty())
                .map(|f| f.name.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <main id="main" data-page="funnel" class="page">
            <header class="page-head">
                <A href=Screen::Events.href() attr:class="back-link">"‹ Events"</A>
                <h1>"Which events pay off"</h1>
                <p class="subtitle">"Of the people you met, how many you followed up with, and what came of it."</p>
            </header>
            <Show when=move || !overall.get().is_empty() fallback=|| view! {
                <section class="card empty">
                    <h2>"Nothing to count yet"</h2>
                    <p>"Once you add the people you meet, this shows how many replied, met you again, referred you and led to an interview or an offer, event by event."</p>
                    <A href=Screen::Capture.href() attr:class="button primary">"Add a contact"</A>
                </section>
            }>
                <section class="card funnel-card" id="funnel-overall" aria-labelledby="funnel-overall-title">
                    <h2 id="funnel-overall-title">"Everyone you met"</h2>
                    {move || view! { <FunnelChart funnel=overall.get() caption="Everyone you met: what you did and what came of it".to_string()/> }}
                    <p class="meta funnel-note">{FUNNEL_NOTE}</p>
                    <details class="funnel-legend">
                        <summary>"What each row counts"</summary>
                        <dl>
                            {Stage::ALL.into_iter().map(|s| view! { <dt>{s.label()}</dt><dd>{s.explain()}</dd> }).collect_view()}
                        </dl>
                    </details>
                </section>
                <For each=captured key=|e| e.clone() let:event>
                    <EventFunnelCard event/>
                </For>
                {move || {
                    let names = empty_events();
                    (!names.is_empty()).then(|| view! {
                        <p class="meta funnel-none">{format!("No one captured yet at {}.", names.join(", "))}</p>
                    })
                }}
            </Show>
        </main>
    }
}

/// One event's funnel, titled with its name and linking to the people met there.
#[component]
fn EventFunnelCard(event: EventFunnel) -> impl IntoView {
    let title_id = format!("funnel-{}", event.event);
    let met = event.funnel.met();
    view! {
        <section class="card funnel-card" data-event=event.event.to_string() aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>{event.name.clone()}</h2>
            <FunnelChart funnel=event.funnel caption=format!("{}: what you did and what came of it", event.name)/>
            <A href=Screen::ContactsAt(event.event.clone()).href() attr:class="funnel-who">
                {if met == 1 { "See the person you met".to_string() } else { format!("See the {met} people you met") }}
            </A>
        </section>
    }
}
