//! The root component: state in context, the router, the bars around every page.
//!
//! The route table below is the one `routes::Screen::parse` mirrors: a new screen is a
//! `Screen` variant (path, parse, test) and a `<Route>` here.
//!
//! The agenda, the capture form and the composer are in the main module. The other pages
//! are lazy routes ([`lazy_page!`]): in the release build (`--features split`) each is
//! split into its own wasm chunk, fetched when the page is first opened and precached by
//! the service worker; without the feature they are ordinary async routes. A new page
//! the first screen does not need is declared with `lazy_page!` and routed with
//! `view={Lazy::<TheRoute>::new()}`.
//!
//! The router's base is read at run time from `<base href>` (Trunk writes the public URL
//! there), so the same code works at `/` and under `/<repo>/` on GitHub Pages.

use crate::components::banners::Banners;
use crate::components::notice::{Notices, Toast};
use crate::components::tabbar::TabBar;
use crate::pages::{
    add::AddContact, agenda::Agenda, card::MyCard, companies::Companies, composer::Composer,
    contact::ContactDetail, contacts::Contacts, edit::EditContact, events::Events,
    funnel::FunnelSummary, merge::MergeContacts, not_found::NotFound, referrals::Referrals,
    scan::Scan, settings::Settings,
};
use crate::routes::router_base;
use crate::state::use_app;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};

/// Declares a lazy route for a page component: `lazy_page!(SettingsPage => Settings);`
/// With `--features split` the `#[lazy_route]` attribute moves the page's view code into a
/// wasm chunk of its own; without it (tests, `cargo check`) the route is a plain async one.
macro_rules! lazy_page {
    ($route:ident => $page:ident) => {
        #[doc = concat!("The lazy route of [`", stringify!($page), "`].")]
        pub struct $route;

        #[cfg(feature = "split")]
        #[leptos_router::lazy_route]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }

        #[cfg(not(feature = "split"))]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    };
}

lazy_page!(ContactsPage => Contacts);
lazy_page!(ContactPage => ContactDetail);
lazy_page!(EditPage => EditContact);
lazy_page!(EventsPage => Events);
lazy_page!(SettingsPage => Settings);
lazy_page!(MergePage => MergeContacts);
lazy_page!(CardPage => MyCard);
lazy_page!(ScanPage => Scan);
lazy_page!(CompaniesPage => Companies);
lazy_page!(FunnelPage => FunnelSummary);
lazy_page!(ReferralsPage => Referrals);

#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::start());
    crate::badge::keep_badge(use_app());
    Notices::provide();
    crate::perf::mark("followup:loaded");
    view! {
        <Router base=router_base()>
            <Banners/>
            <Routes fallback=NotFound>
                <Route path=path!("") view=Agenda/>
                <Route path=path!("contacts") view={Lazy::<ContactsPage>::new()}/>
                <Route path=path!("contacts/new") view=AddContact/>
                <Route path=path!("contacts/:id") view={Lazy::<ContactPage>::new()}/>
                <Route path=path!("contacts/:id/edit") view={Lazy::<EditPage>::new()}/>
                <Route path=path!("contacts/:id/send/:step") view=Composer/>
                <Route path=path!("contacts/:id/merge/:other") view={Lazy::<MergePage>::new()}/>
                <Route path=path!("card") view={Lazy::<CardPage>::new()}/>
                <Route path=path!("scan") view={Lazy::<ScanPage>::new()}/>
                <Route path=path!("events") view={Lazy::<EventsPage>::new()}/>
                <Route path=path!("events/funnel") view={Lazy::<FunnelPage>::new()}/>
                <Route path=path!("companies") view={Lazy::<CompaniesPage>::new()}/>
                <Route path=path!("settings") view={Lazy::<SettingsPage>::new()}/>
                <Route path=path!("referrals") view={Lazy::<ReferralsPage>::new()}/>
            </Routes>
            <Toast/>
            <TabBar/>
        </Router>
    }
}
