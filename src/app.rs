//! The root component: state in context, the router, the bars around every page.
//!
//! The route table is `routes::Page`: each `<Route>` below is a `Page` (its path) and the
//! page's view. A new screen is a `Screen` variant, a `Page` with its pattern when it needs
//! a route of its own, and a `<Route>` here.
//!
//! The agenda is in the main module. Capture and the composer are lazy routes
//! ([`lazy_page!`]), each split into a wasm module of its own in the release build
//! (`--features split`); every other page is a [`later_page!`] route, all of them in one
//! module ([`Later`]) fetched the first time any of them is opened. All are precached by
//! the service worker, and on a repeat visit loaded in the background a second after
//! start (`preload_later`). Without the feature they are ordinary async routes. A new
//! page the first screen does not need is a `Later` variant and a `later_page!` route.
//!
//! The router's base is read at run time from `<base href>` (Trunk writes the public URL
//! there), so the same code works at `/` and under `/<repo>/` on GitHub Pages.

use crate::components::banners::Banners;
use crate::components::notice::{Notices, Toast};
use crate::components::tabbar::TabBar;
use crate::pages::{
    add::AddContact, agenda::Agenda, card::MyCard, companies::Companies, composer::Composer,
    contact::ContactDetail, contacts::Contacts, edit::EditContact, events::Events,
    funnel::FunnelSummary, merge::MergeContacts, not_found::NotFound, plan::EventPlan,
    referrals::Referrals, scan::Scan, settings::Settings,
};
use crate::routes::{router_base, Page};
use crate::state::use_app;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::Lazy;

/// Every page but the agenda works on the whole book: when one is opened while the book
/// is still to be read (the agenda was drawn from the digests), it is read now.
fn book_ready() {
    if let Some(state) = use_context::<AppState>() {
        state.finish_loading();
    }
    // Every other page may change the book: the code that saves is fetched now, in
    // parallel with the page's own module.
    crate::deferred::preload();
}

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
                book_ready();
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }

        #[cfg(not(feature = "split"))]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                book_ready();
                $route
            }

            async fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    };
}

lazy_page!(CapturePage => AddContact);
lazy_page!(ComposerPage => Composer);

/// The pages loaded together, as one wasm module, the first time any of them is opened:
/// every page but the agenda, capture and the composer. One module rather than one per
/// page: the splitter gives every set of pages that shares code a chunk of its own, and
/// with a split point per page, opening Settings fetched about a hundred small files.
#[derive(Clone, Copy)]
enum Later {
    Contacts,
    ContactDetail,
    EditContact,
    Events,
    EventPlan,
    Settings,
    MergeContacts,
    MyCard,
    Scan,
    Companies,
    FunnelSummary,
    Referrals,
}

fn later_view(page: Later) -> AnyView {
    match page {
        Later::Contacts => view! { <Contacts/> }.into_any(),
        Later::ContactDetail => view! { <ContactDetail/> }.into_any(),
        Later::EditContact => view! { <EditContact/> }.into_any(),
        Later::Events => view! { <Events/> }.into_any(),
        Later::EventPlan => view! { <EventPlan/> }.into_any(),
        Later::Settings => view! { <Settings/> }.into_any(),
        Later::MergeContacts => view! { <MergeContacts/> }.into_any(),
        Later::MyCard => view! { <MyCard/> }.into_any(),
        Later::Scan => view! { <Scan/> }.into_any(),
        Later::Companies => view! { <Companies/> }.into_any(),
        Later::FunnelSummary => view! { <FunnelSummary/> }.into_any(),
        Later::Referrals => view! { <Referrals/> }.into_any(),
    }
}

#[cfg(feature = "split")]
#[leptos::lazy]
fn later_page(page: Later) -> AnyView {
    later_view(page)
}

#[cfg(not(feature = "split"))]
async fn later_page(page: Later) -> AnyView {
    later_view(page)
}

/// Declares the route of a page of [`Later`]: `later_page!(SettingsPage => Settings);`
macro_rules! later_page {
    ($route:ident => $page:ident) => {
        #[doc = concat!("The route of [`", stringify!($page), "`], loaded with the other later pages.")]
        pub struct $route;

        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                book_ready();
                $route
            }

            async fn view(_this: Self) -> AnyView {
                later_page(Later::$page).await
            }
        }
    };
}

later_page!(ContactsPage => Contacts);
later_page!(ContactPage => ContactDetail);
later_page!(EditPage => EditContact);
later_page!(EventsPage => Events);
later_page!(PlanPage => EventPlan);
later_page!(SettingsPage => Settings);
later_page!(MergePage => MergeContacts);
later_page!(CardPage => MyCard);
later_page!(ScanPage => Scan);
later_page!(CompaniesPage => Companies);
later_page!(FunnelPage => FunnelSummary);
later_page!(ReferralsPage => Referrals);

/// On a repeat visit (a service worker answers, so every module is in its cache), loads
/// the on-demand modules (`deferred` too) a second after start, one after another: the
/// first tap on another tab then draws at once. Not on a first visit, where the network
/// and the main thread belong to the first screen (and a module that fails to load would
/// stop the app before the student asked for it).
#[cfg(feature = "split")]
fn preload_later() {
    use leptos_router::LazyRoute;
    let controlled = web_sys::window()
        .and_then(|w| w.navigator().service_worker().controller())
        .is_some();
    if !controlled {
        return;
    }
    set_timeout(
        || {
            leptos::task::spawn_local(async {
                __preload_later_page().await;
                CapturePage::preload().await;
                ComposerPage::preload().await;
                let _ = crate::deferred::load().await;
            })
        },
        std::time::Duration::from_secs(1),
    );
}

/// When provided (by `crate::start`), the app is drawn in stages, one task each, as this
/// count goes up: at 0 the state, the router and the tab bar; at 1 the banners and the
/// toast; at [`STAGES`] the routes (the page). Without it, all at once.
#[derive(Clone)]
pub struct Staged(pub ArcRwSignal<u8>);

/// The last stage of [`Staged`]: the app is complete.
pub const STAGES: u8 = 2;

#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::start());
    crate::badge::keep_badge(use_app());
    Notices::provide();
    crate::perf::mark("followup:loaded");
    #[cfg(feature = "split")]
    preload_later();
    let stage = use_context::<Staged>()
        .map(|staged| staged.0)
        .unwrap_or_else(|| ArcRwSignal::new(STAGES));
    let banners = stage.clone();
    let toast = stage.clone();
    view! {
        <Router base=router_base()>
            {move || (banners.get() >= 1).then(|| view! { <Banners/> })}
            {move || (stage.get() >= STAGES).then(|| view! {
            <Routes fallback=NotFound>
                <Route path=Page::Agenda view=Agenda/>
                <Route path=Page::Contacts view={Lazy::<ContactsPage>::new()}/>
                <Route path=Page::Capture view={Lazy::<CapturePage>::new()}/>
                <Route path=Page::Contact view={Lazy::<ContactPage>::new()}/>
                <Route path=Page::EditContact view={Lazy::<EditPage>::new()}/>
                <Route path=Page::Compose view={Lazy::<ComposerPage>::new()}/>
                <Route path=Page::Merge view={Lazy::<MergePage>::new()}/>
                <Route path=Page::Card view={Lazy::<CardPage>::new()}/>
                <Route path=Page::Scan view={Lazy::<ScanPage>::new()}/>
                <Route path=Page::Events view={Lazy::<EventsPage>::new()}/>
                <Route path=Page::Plan view={Lazy::<PlanPage>::new()}/>
                <Route path=Page::Funnel view={Lazy::<FunnelPage>::new()}/>
                <Route path=Page::Companies view={Lazy::<CompaniesPage>::new()}/>
                <Route path=Page::Settings view={Lazy::<SettingsPage>::new()}/>
                <Route path=Page::Referrals view={Lazy::<ReferralsPage>::new()}/>
            </Routes>
            })}
            {move || (toast.get() >= 1).then(|| view! { <Toast/> })}
            <TabBar/>
        </Router>
    }
}
