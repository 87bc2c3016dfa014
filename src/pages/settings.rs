//! Settings: your profile, templates and how the app stores your data.

use leptos::prelude::*;

#[component]
pub fn Settings() -> impl IntoView {
    view! {
        <main id="main" data-page="settings" class="page">
            <header class="page-head"><h1>"Settings"</h1></header>
            <section class="card">
                <p>"Your contacts are stored only in this browser, on this device."</p>
            </section>
        </main>
    }
}
