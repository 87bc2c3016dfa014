//! Capture: add a contact in a few seconds, right after the chat.

use crate::clock;
use crate::domain::Command;
use crate::domain::{ContactId, NewContact};
use crate::state::use_app;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn AddContact() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let company = RwSignal::new(String::new());
    let hook = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let name_input = NodeRef::<Input>::new();
    Effect::new(move || {
        if let Some(input) = name_input.get() {
            let _ = input.focus();
        }
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = ContactId::new(clock::new_id());
        let fields = NewContact {
            id: id.clone(),
            name: name.get_untracked(),
            company: company.get_untracked(),
            hook: hook.get_untracked(),
            met_on: state.today.get_untracked(),
            updated_at: clock::now_ms(),
            ..NewContact::default()
        };
        match state.apply(Command::AddContact(fields)) {
            Ok(()) => navigate(&format!("/contacts/{id}"), Default::default()),
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    view! {
        <main id="main" data-page="add" class="page">
            <header class="page-head"><h1>"Add a contact"</h1></header>
            <form class="card form" on:submit=save novalidate>
                <label for="name">"Name"</label>
                <input id="name" node_ref=name_input autocomplete="off" autocapitalize="words" required
                    aria-describedby="name-error"
                    prop:value=name on:input=move |ev| { name.set(event_target_value(&ev)); error.set(None); }/>
                {move || error.get().map(|e| view! { <p id="name-error" class="field-error" role="alert">{e}</p> })}
                <label for="company">"Company"</label>
                <input id="company" autocomplete="off" autocapitalize="words"
                    prop:value=company on:input=move |ev| company.set(event_target_value(&ev))/>
                <label for="hook">"What you talked about"</label>
                <textarea id="hook" rows="3" placeholder="The detail that will make your follow-up personal"
                    prop:value=hook on:input=move |ev| hook.set(event_target_value(&ev))></textarea>
                <button id="save" type="submit" class="button primary">"Save contact"</button>
            </form>
        </main>
    }
}
