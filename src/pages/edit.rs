//! (being written)

use leptos::prelude::*;

#[component]
pub fn EditContact() -> impl IntoView {
    view! { <main id="main" data-page="edit" class="page"><h1>"EditContact"</h1></main> }
}
