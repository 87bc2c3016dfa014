//! The view for a path the app does not know.

use crate::app::link_to;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main id="main" data-page="not-found" class="page">
            <header class="page-head"><h1>"Page not found"</h1></header>
            <section class="card empty">
                <p>"There is nothing at this address. It may be an old link, or a contact that was deleted."</p>
                <A href=link_to("/") attr:class="button">"Go to today's agenda"</A>
            </section>
        </main>
    }
}
