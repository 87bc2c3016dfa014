//! One contact: what you know about them, where each follow-up step stands, and the
//! history of your touch points.
//!
//! The page maps domain values to views: the timeline is `book.plan(contact, today)` turned
//! into `view::agenda::TimelineItem`s, the history is the contact's interaction log. Every
//! change goes through `AppState::apply`; its outcome (or its error, a user-facing sentence)
//! is shown in the app's toast. The page is drawn once per contact: sections redraw from
//! memos, so an action never clears a half-typed note.
//!
//! One file per part: `header` (name, links, what you talked about, details), `timeline`
//! (the steps, acted on through the shared `StepActions`), `outcomes` (what came of it:
//! replied, meeting, introduction, applied, interview, offer, not now), `history` (the
//! log and its form, outcomes undoable), `delete`. Under the about card, `PossibleDuplicates` lists the contacts that may
//! be the same person, each with Merge.

mod delete;
mod header;
mod history;
mod outcomes;
mod timeline;

use crate::components::duplicate_warning::PossibleDuplicates;
use crate::components::icons::{Icon, Svg};
use crate::components::reminder_offer::ReminderOffer;
use crate::domain::{Contact, ContactId};
use crate::routes::{ContactRoute, Screen};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

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

#[component]
fn Detail(id: Memo<ContactId>, contact: Memo<Contact>) -> impl IntoView {
    let edit_href = move || Screen::EditContact(id.get()).href();
    view! {
        <main id="main" data-page="contact" class="page">
            <header class="page-head">
                <div class="head-bar">
                    <A href=Screen::Contacts.href() attr:class="back"><Svg icon=Icon::Back/>"Contacts"</A>
                    <A href=edit_href attr:class="button small" attr:id="edit">
                        "Edit"<span class="visually-hidden">" contact"</span>
                    </A>
                </div>
                <header::Heading contact/>
            </header>
            <section class="card about"><header::About id contact/></section>
            <ReminderOffer/>
            <PossibleDuplicates contact/>
            <timeline::Timeline contact/>
            <outcomes::Outcomes id contact/>
            <section class="card details"><header::Details contact/></section>
            <history::History id contact/>
            <delete::DeleteContact id contact/>
        </main>
    }
}
