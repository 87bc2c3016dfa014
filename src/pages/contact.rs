//! One contact: what you know about them and where the follow-up stands.

use crate::domain::contact::ContactId;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ContactDetail() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let contact = Memo::new(move |_| {
        let id = ContactId::new(params.read().get("id").unwrap_or_default());
        state.book.with(|book| book.contact(&id).cloned())
    });
    move || {
        match contact.get() {
        None => view! {
            <main id="main" data-page="not-found" class="page">
                <header class="page-head"><h1>"Contact not found"</h1></header>
                <section class="card empty">
                    <p>"This contact does not exist on this device. It may have been deleted."</p>
                    <A href="/contacts" attr:class="button">"All contacts"</A>
                </section>
            </main>
        }.into_any(),
        Some(c) => view! {
            <main id="main" data-page="contact" class="page">
                <header class="page-head">
                    <h1>{c.name.clone()}</h1>
                    <p class="subtitle">{c.company.clone()}</p>
                </header>
                <section class="card">
                    <h2>"What you talked about"</h2>
                    <p class="hook">{if c.hook.is_empty() { "Nothing noted yet.".to_string() } else { c.hook.clone() }}</p>
                    <p class="meta">"Met on " {crate::domain::dates::long(c.met_on)}</p>
                </section>
            </main>
        }.into_any(),
    }
    }
}
