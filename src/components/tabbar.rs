//! The bottom navigation, thumb-reachable on a phone. Links go through the router.

use crate::components::icons::{Icon, Svg};
use crate::routes::Screen;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TabBar() -> impl IntoView {
    // The owner under which the agenda's picture draws the next day (`crate::picture`).
    crate::picture::inside_router();
    view! {
        <nav class="tabbar" aria-label="Main">
            <A href=Screen::Agenda.href() attr:id="nav-agenda" exact=true>
                <Svg icon=Icon::Agenda/><span>"Agenda"</span>
            </A>
            <A href=Screen::Contacts.href() attr:id="nav-contacts" exact=true>
                <Svg icon=Icon::Contacts/><span>"Contacts"</span>
            </A>
            <A href=Screen::Capture.href() attr:id="nav-add" attr:class="tab-add">
                <Svg icon=Icon::Add/><span>"Add"</span>
            </A>
            <A href=Screen::Events.href() attr:id="nav-events">
                <Svg icon=Icon::Events/><span>"Events"</span>
            </A>
            <A href=Screen::Settings.href() attr:id="nav-settings">
                <Svg icon=Icon::Settings/><span>"Settings"</span>
            </A>
        </nav>
    }
}
