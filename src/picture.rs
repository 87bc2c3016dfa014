//! The browser side of the agenda's picture (`domain::picture`): the agenda's markup kept
//! so that the next start paints it from `index.html`'s shell before the wasm is here.
//!
//! - **Today's**, after the agenda's rows are drawn: read from the page in the effect that
//!   follows the drawing, so it is the agenda as first drawn, before any tap (a "Show
//!   more" or an opened "Missed" would not be drawn that way at the next start). Written
//!   only when the stored picture differs, so a start with nothing new writes nothing.
//! - **The next day's**, when the page is hidden (the student leaves the app): the same
//!   `Agenda` drawn off the page under an owner inside the router (the tab bar's, so the
//!   router's and the notices' contexts are there), with an `AppState` whose `today` is
//!   that day, then unmounted. The first start of a day then has a picture too. It is
//!   drawn when nobody is looking because it takes as long as the agenda's own drawing.
//!
//! Called from the deferred module's `agenda_body` only (the tab bar only names the
//! owner), so none of it is in the first load.

use crate::pages::agenda::{Agenda, Picturing};
use crate::state::AppState;
use crate::storage;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    /// An owner inside the router, where the next day's agenda is drawn.
    static ROUTED: RefCell<Option<Owner>> = const { RefCell::new(None) };
    /// Whether the page's hiding is watched.
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Names the current owner (the tab bar's, inside the router) as the one the next day's
/// agenda is drawn under.
pub fn inside_router() {
    ROUTED.set(Owner::current());
}

/// After the agenda's rows were drawn for `state.today`: keeps today's markup, and draws
/// the next day's when the page is hidden.
pub fn keep(state: AppState) {
    let today = state.today.get_untracked();
    let Some(html) = agenda_markup() else {
        return;
    };
    let kept = storage::current_picture(&build());
    if kept.as_ref().and_then(|p| p.of(today)) != Some(html.as_str()) {
        storage::keep_picture(build(), vec![(today, html)]);
    }
    if !WATCHING.replace(true) {
        let on_hidden = Closure::<dyn Fn()>::new(|| {
            if document().hidden() {
                draw_next_day();
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_hidden.as_ref().unchecked_ref(),
        );
        // The listener lives as long as the app.
        on_hidden.forget();
    }
}

/// The page's build, as the shell's script reads it: the `href` of the first
/// `modulepreload` link (the loader, named by the build's hash).
fn build() -> String {
    document()
        .query_selector("link[rel=modulepreload]")
        .ok()
        .flatten()
        .and_then(|link| link.get_attribute("href"))
        .unwrap_or_default()
}

/// The agenda's `<main>` as the page shows it, if the agenda is shown.
fn agenda_markup() -> Option<String> {
    let main = document().get_element_by_id("main")?;
    (main.get_attribute("data-page").as_deref() == Some("agenda")).then(|| main.outer_html())
}

/// Adds the next day's agenda to the kept picture of today's, when it lacks it.
fn draw_next_day() {
    let Some(state) = crate::state::current() else {
        return;
    };
    let today = state.today.get_untracked();
    let (Some(next), Some(picture)) = (today.succ_opt(), storage::current_picture(&build())) else {
        return;
    };
    let (Some(html), None) = (picture.of(today), picture.of(next)) else {
        return;
    };
    let Some(owner) = ROUTED.with_borrow(Clone::clone) else {
        return;
    };
    if let Some(tomorrow) = draw_off_page(state, &owner, next) {
        storage::keep_picture(build(), vec![(today, html.to_string()), (next, tomorrow)]);
    }
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
