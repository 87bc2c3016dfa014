//! Everyone you have met, newest first.

use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Contacts() -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| {
        state.book.with(|book| {
            book.contacts()
                .map(|c| (c.id.to_string(), c.name.clone(), c.company.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <main id="main" data-page="contacts" class="page">
            <header class="page-head"><h1>"Contacts"</h1></header>
            <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! {
                <section class="card empty">
                    <p>"No one yet. Add the people you meet, right after you meet them."</p>
                    <A href="/contacts/new" attr:class="button primary">"Add a contact"</A>
                </section>
            }>
                <ul class="contact-list card">
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <li>
                            <A href=format!("/contacts/{}", row.0)>
                                <span class="name">{row.1.clone()}</span>
                                <span class="meta">{row.2.clone()}</span>
                            </A>
                        </li>
                    </For>
                </ul>
            </Show>
        </main>
    }
}
