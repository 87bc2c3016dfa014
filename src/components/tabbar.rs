//! The bottom navigation, thumb-reachable on a phone. Links go through the router.

use crate::app::link_to;
use crate::components::icons::{Icon, Svg};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TabBar() -> impl IntoView {
    view! {
        <nav class="tabbar" aria-label="Main">
            <A href=link_to("/") attr:id="nav-agenda" exact=true>
                <Svg icon=Icon::Agenda/><span>"Agenda"</span>
            </A>
            <A href=link_to("/contacts") attr:id="nav-contacts" exact=true>
                <Svg icon=Icon::Contacts/><span>"Contacts"</span>
            </A>
            <A href=link_to("/contacts/new") attr:id="nav-add" attr:class="tab-add">
                <Svg icon=Icon::Add/><span>"Add"</span>
            </A>
            <A href=link_to("/events") attr:id="nav-events">
                <Svg icon=Icon::Events/><span>"Events"</span>
            </A>
            <A href=link_to("/settings") attr:id="nav-settings">
                <Svg icon=Icon::Settings/><span>"Settings"</span>
            </A>
        </nav>
    }
}
