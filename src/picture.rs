//! The browser side of the agenda's picture (`domain::picture`): after the agenda's rows
//! are drawn, their markup is kept, with the next day's, so that the next start paints
//! it from `index.html`'s shell before the wasm is here.
//!
//! Today's markup is read from the page itself, in the effect that follows the rows'
//! drawing: the agenda as first drawn, before any tap (a "Show more" or an opened
//! "Missed" would not be drawn that way at the next start). The next day's is drawn off
//! the page, a moment later and in a task of its own: the same `Agenda` under a child of
//! the live agenda's owner (so the router's and the notices' contexts are there), with an
//! `AppState` whose `today` is that day, then unmounted. Called from the deferred module's
//! `agenda_body` only, so none of it is in the first load.

use crate::pages::agenda::{Agenda, Picturing};
use crate::state::AppState;
use crate::storage;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use std::cell::Cell;
use std::time::Duration;
use wasm_bindgen::JsCast;

thread_local! {
    /// Counts the agenda's draws: a next day's picture drawn for an older one is dropped.
    static DRAWN: Cell<u64> = const { Cell::new(0) };
}

/// After the agenda's rows were drawn for `state.today`: keeps today's markup now and,
/// in a later task, the next day's with it. `owner` is the live agenda's.
pub fn keep(state: AppState, owner: Option<Owner>) {
    let draw = DRAWN.with(|d| {
        d.set(d.get() + 1);
        d.get()
    });
    let today = state.today.get_untracked();
    let Some(html) = agenda_markup() else {
        return;
    };
    storage::keep_picture(vec![(today, html.clone())]);
    let Some(owner) = owner else {
        return;
    };
    set_timeout(
        move || {
            if DRAWN.with(Cell::get) != draw || agenda_markup().as_deref() != Some(html.as_str()) {
                return; // Drawn again since, or no longer the agenda as it was.
            }
            let Some(next) = today.succ_opt() else {
                return;
            };
            if let Some(tomorrow) = draw_off_page(state, &owner, next) {
                storage::keep_picture(vec![(today, html), (next, tomorrow)]);
            }
        },
        Duration::from_millis(300),
    );
}

/// The agenda's `<main>` as the page shows it, if the agenda is shown.
fn agenda_markup() -> Option<String> {
    let main = document().get_element_by_id("main")?;
    (main.get_attribute("data-page").as_deref() == Some("agenda")).then(|| main.outer_html())
}

/// The agenda of `day` drawn off the page, under a child of `owner`.
fn draw_off_page(state: AppState, owner: &Owner, day: NaiveDate) -> Option<String> {
    let root = document().create_element("div").ok()?;
    let child = owner.child();
    let html = child.with(|| {
        provide_context(state.on_day(day));
        provide_context(Picturing);
        let mut view = view! { <Agenda/> }.into_any().build();
        view.mount(root.unchecked_ref(), None);
        let html = root.first_element_child().map(|main| main.outer_html());
        view.unmount();
        html
    });
    child.cleanup();
    html
}
