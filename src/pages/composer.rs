//! (being written)

use leptos::prelude::*;

#[component]
pub fn Composer() -> impl IntoView {
    view! { <main id="main" data-page="composer" class="page"><h1>"Composer"</h1></main> }
}
