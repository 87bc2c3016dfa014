//! The view for something the app cannot find: an unknown path, or a contact or step that
//! is not on this device. One component, so every such page reads and behaves the same.

use crate::routes::Screen;
use leptos::prelude::*;

/// A "not found" page with a way back to `to`.
#[component]
pub fn Missing(
    title: &'static str,
    message: &'static str,
    to: Screen,
    action: &'static str,
    #[prop(optional)] primary: bool,
) -> impl IntoView {
    let class = if primary { "button primary" } else { "button" };
    view! {
        <main id="main" data-page="not-found" class="page">
            <header class="page-head"><h1>{title}</h1></header>
            <section class="card empty">
                <p>{message}</p>
                <a href=to.href() class=class>{action}</a>
            </section>
        </main>
    }
}

/// The route fallback: an address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Missing title="Page not found"
            message="There is nothing at this address. It may be an old link, or a contact that was deleted."
            to=Screen::Agenda action="Go to today's agenda"/>
    }
}
