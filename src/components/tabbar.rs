//! The bottom navigation, thumb-reachable on a phone. Links go through the router.
//!
//! Plain `<a>` links (the router catches their clicks) with `aria-current="page"` on the
//! tab of the page shown: Leptos's `<A>` would do the same, but the main module would then
//! carry its path resolution for these five links alone.

use crate::components::icons::{Icon, Svg};
use crate::routes::tab_is_current;
use crate::routes::Screen;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn TabBar() -> impl IntoView {
    // The owner under which the agenda's picture draws the next day (`crate::picture`).
    crate::picture::inside_router();
    let path = use_location().pathname;
    let tab =
        move |screen: Screen, id: &'static str, exact: bool, icon: Icon, label: &'static str| {
            let href = screen.href();
            let current = {
                let href = href.clone();
                move || {
                    path.with(|p| tab_is_current(&href, p, exact))
                        .then_some("page")
                }
            };
            let class = (id == "nav-add").then_some("tab-add");
            view! {
                <a href=href id=id class=class aria-current=current>
                    <Svg icon/><span>{label}</span>
                </a>
            }
        };
    view! {
        <nav class="tabbar" aria-label="Main">
            {tab(Screen::Agenda, "nav-agenda", true, Icon::Agenda, "Agenda")}
            {tab(Screen::Contacts, "nav-contacts", true, Icon::Contacts, "Contacts")}
            {tab(Screen::Capture, "nav-add", false, Icon::Add, "Add")}
            {tab(Screen::Events, "nav-events", false, Icon::Events, "Events")}
            {tab(Screen::Settings, "nav-settings", false, Icon::Settings, "Settings")}
        </nav>
    }
}
