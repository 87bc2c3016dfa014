//! The root component: state in context, the router, the bars around every page.
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

thread_local! {
    static BASE: String = router_base();
}

/// The `href` of a path inside the app: `/contacts` becomes `/followup/contacts` when the
/// app is served under `/followup/`. Leptos's `<A>` leaves absolute paths as they are, so
/// every link goes through this; `navigate` adds the base itself and takes plain paths.
pub fn link_to(path: &str) -> String {
    BASE.with(|base| format!("{base}{path}"))
}

/// The path of the document's base URL without its trailing slash: `""` at the site root,
/// `"/followup"` under a subpath.
fn router_base() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    base_path(&base)
}

fn base_path(base_uri: &str) -> String {
    let after_scheme = base_uri
        .split_once("://")
        .map_or(base_uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    path.trim_end_matches('/').to_string()
}
