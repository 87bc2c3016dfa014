//! The root component: state in context, the router, the bars around every page.
//!
//! The route table below is the one `routes::Screen::parse` mirrors: a new screen is a
//! `Screen` variant (path, parse, test) and a `<Route>` here.
//!
//! The router's base is read at run time from `<base href>` (Trunk writes the public URL
//! there), so the same code works at `/` and under `/<repo>/` on GitHub Pages.

use crate::components::banners::Banners;
use crate::components::tabbar::TabBar;
use crate::pages::{
    add::AddContact, agenda::Agenda, card::MyCard, composer::Composer, contact::ContactDetail,
    contacts::Contacts, edit::EditContact, events::Events, merge::MergeContacts,
    not_found::NotFound, scan::Scan, settings::Settings,
};
use crate::routes::router_base;
use crate::state::use_app;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::start());
    crate::badge::keep_badge(use_app());
    crate::perf::mark("followup:loaded");
    view! {
        <Router base=router_base()>
            <Banners/>
            <Routes fallback=NotFound>
                <Route path=path!("") view=Agenda/>
                <Route path=path!("contacts") view=Contacts/>
                <Route path=path!("contacts/new") view=AddContact/>
                <Route path=path!("contacts/:id") view=ContactDetail/>
                <Route path=path!("contacts/:id/edit") view=EditContact/>
                <Route path=path!("contacts/:id/send/:step") view=Composer/>
                <Route path=path!("contacts/:id/merge/:other") view=MergeContacts/>
                <Route path=path!("card") view=MyCard/>
                <Route path=path!("scan") view=Scan/>
                <Route path=path!("events") view=Events/>
                <Route path=path!("settings") view=Settings/>
            </Routes>
            <TabBar/>
        </Router>
    }
}
