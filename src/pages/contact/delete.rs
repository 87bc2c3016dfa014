//! Deleting a contact, behind a confirmation.

use crate::components::notice::{use_notices, Notice};
use crate::domain::{Command, Contact, ContactId};
use crate::routes::{use_go, Screen};
use crate::state::use_app;
use leptos::html::Button;
use leptos::prelude::*;

/// Delete, behind a confirmation that says it cannot be undone.
#[component]
pub fn DeleteContact(id: Memo<ContactId>, contact: Memo<Contact>) -> impl IntoView {
    let state = use_app();
    let notices = use_notices();
    let go = use_go();
    let confirming = RwSignal::new(false);
    let keep_ref = NodeRef::<Button>::new();
    Effect::new(move || {
        if let Some(button) = keep_ref.get() {
            let _ = button.focus();
        }
    });
    let name = move || contact.with(|c| c.name.clone());
    let delete = move |_| match state.apply(Command::DeleteContact(id.get_untracked())) {
        Ok(()) => go(Screen::Contacts),
        Err(e) => notices.show(Notice::error(e.to_string())),
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
