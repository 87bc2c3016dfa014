//! Edit a contact: the shared contact fields, every one open, prefilled from the book.
//!
//! Save validates the draft; a wrong email or LinkedIn link is marked inline and nothing
//! typed is lost. A valid draft becomes `Command::UpdateContact`, which keeps the
//! contact's history and follow-up steps. The form is built once per contact, so a change
//! saved in another tab does not wipe what is being typed here, and saving merges field by
//! field against the version the form opened (`domain::field_merge`): only the fields
//! changed here are written, another tab's changes to other fields survive, and a field
//! both changed is shown with both values for the student to pick.

use crate::components::contact_form::{ContactDraft, ContactFields};
use crate::domain::field_merge::{merge_fields, Merged};
use crate::domain::{Command, ContactField, ContactId, EventId, NewContact};
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
    let conflicts = RwSignal::new(None::<Merged>);
    let back = Screen::Contact(id.clone());
    let base = fields.clone();
    let store = {
        let back = back.clone();
        let go = go.clone();
        move |fields: NewContact| match state.apply(Command::UpdateContact(fields)) {
            Ok(()) => go(back.clone()),
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    let save = {
        let store = store.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(ours) = draft.validate(id.clone(), state.now().at) else {
                error.set(Some(
                    "Some fields need a fix (marked below). Everything you typed is still here."
                        .into(),
                ));
                focus_first_invalid();
                return;
            };
            let Some(theirs) = state
                .book
                .with_untracked(|b| b.contact(&ours.id).map(|c| c.fields()))
            else {
                error.set(Some(
                    crate::domain::BookError::NoSuchContact(ours.id.clone()).to_string(),
                ));
                return;
            };
            let merged = merge_fields(&base, &ours, &theirs);
            if merged.conflicts.is_empty() {
                store(merged.fields);
            } else {
                conflicts.set(Some(merged));
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
                {move || conflicts.get().map(|merged| view! {
                    <ConflictPicker merged store=store.clone()/>
                })}
                <ContactFields draft full=true name_ref/>
                <div class="edit-actions">
                    <button id="save" type="submit" class="button primary">"Save changes"</button>
                    <A href=back.href() attr:class="button" attr:id="cancel">"Cancel"</A>
                </div>
            </form>
        </main>
    }
}

/// The fields this form and another tab both changed: each with both values, this form's
/// picked by default, and one button that saves the choices.
#[component]
fn ConflictPicker(merged: Merged, store: impl Fn(NewContact) + Clone + 'static) -> impl IntoView {
    let state = use_app();
    let keep_theirs = RwSignal::new(Vec::<ContactField>::new());
    let event_name = move |field: ContactField, value: String| {
        if field != ContactField::Event {
            return value;
        }
        state
            .book
            .with_untracked(|b| {
                b.event(&EventId::new(value.clone()))
                    .map(|e| e.name.clone())
            })
            .unwrap_or(value)
    };
    let rows = merged
        .conflicts
        .iter()
        .map(|c| {
            let field = c.field;
            let name = format!("conflict-{}", field.slug());
            let pick = move |theirs: bool| {
                keep_theirs.update(|k| {
                    k.retain(|f| *f != field);
                    if theirs {
                        k.push(field);
                    }
                })
            };
            view! {
                <fieldset class="conflict">
                    <legend>{field.label()}</legend>
                    <label><input type="radio" name=name.clone() value="ours" checked=true
                        on:change=move |_| pick(false)/>
                        " Yours: " {event_name(field, c.ours.clone())}</label>
                    <label><input type="radio" name=name value="theirs"
                        on:change=move |_| pick(true)/>
                        " Saved in another tab: " {event_name(field, c.theirs.clone())}</label>
                </fieldset>
            }
        })
        .collect_view();
    let save = move |_| store(merged.resolve(&keep_theirs.get_untracked()));
    view! {
        <div id="edit-conflicts" class="banner banner-info" role="alert">
            <p>"This contact was changed in another tab while you were editing. Your other \
                changes and theirs are both kept; for these fields, pick which to keep:"</p>
            {rows}
            <button id="save-choices" type="button" class="button primary" on:click=save>
                "Save with these choices"
            </button>
        </div>
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
