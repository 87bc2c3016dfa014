//! (being written)

use leptos::prelude::*;

#[component]
pub fn Events() -> impl IntoView {
    view! { <main id="main" data-page="events" class="page"><h1>"Events"</h1></main> }
}
