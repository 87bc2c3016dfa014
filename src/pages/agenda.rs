//! Home: what to do today.

use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Agenda() -> impl IntoView {
    let state = use_app();
    let count = Memo::new(move |_| state.book.with(|b| b.contacts().count()));
    view! {
        <main id="main" data-page="agenda" class="page">
            <header class="page-head"><h1>"Today"</h1></header>
            <section class="card empty">
                <p>{move || format!("{} contacts", count.get())}</p>
                <A href="/contacts/new" attr:class="button primary">"Add a contact"</A>
            </section>
        </main>
    }
}
