//! Edit a contact: the shared contact fields, every one open, prefilled from the book.
//!
//! Save validates the draft; a wrong email or LinkedIn link is marked inline and nothing
//! typed is lost. A valid draft becomes `Command::UpdateContact`, which keeps the
//! contact's history and follow-up steps. The form is built once per contact, so a change
//! saved in another tab does not wipe what is being typed here.

use crate::clock;
use crate::components::contact_form::{ContactDraft, ContactFields};
use crate::domain::{Command, ContactId};
use crate::routes::{use_go, ContactRoute, Screen};
use crate::state::use_app;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn EditContact() -> impl IntoView {
    view! {
        <ContactRoute
            message="There's no one to edit here: this contact isn't on this device. It may have been deleted."
            view=|id| view! { <EditForm id/> }/>
    }
}

#[component]
fn EditForm(id: ContactId) -> impl IntoView {
    let state = use_app();
    let go = use_go();
    let fields = state
        .book
        .with_untracked(|book| book.contact(&id).map(|c| c.fields()))
        .unwrap_or_default();
    let name = fields.name.clone();
    let draft = ContactDraft::new(&fields);
    let name_ref = NodeRef::<Input>::new();
    let error = RwSignal::new(None::<String>);
    let back = Screen::Contact(id.clone());

    let save = {
        let back = back.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(fields) = draft.validate(id.clone(), clock::now_ms()) else {
                error.set(Some(
                    "Some fields need a fix (marked below). Everything you typed is still here."
                        .into(),
                ));
                focus_first_invalid();
                return;
            };
            match state.apply(Command::UpdateContact(fields)) {
                Ok(()) => go(back.clone()),
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };

    view! {
        <main id="main" data-page="edit" class="page">
            <header class="page-head">
                <h1>"Edit contact"</h1>
                <p class="subtitle">{name}</p>
            </header>
            <form class="card form edit-form" on:submit=save novalidate>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <ContactFields draft full=true name_ref/>
                <div class="edit-actions">
                    <button id="save" type="submit" class="button primary">"Save changes"</button>
                    <A href=back.href() attr:class="button" attr:id="cancel">"Cancel"</A>
                </div>
            </form>
        </main>
    }
}

/// Moves focus to the first field marked invalid, once the marks are drawn.
fn focus_first_invalid() {
    request_animation_frame(|| {
        let field = document()
            .query_selector("[data-page=edit] [aria-invalid=true]")
            .ok()
            .flatten();
        if let Some(field) = field {
            use leptos::wasm_bindgen::JsCast;
            if let Ok(field) = field.dyn_into::<leptos::web_sys::HtmlElement>() {
                let _ = field.focus();
            }
        }
    });
}
