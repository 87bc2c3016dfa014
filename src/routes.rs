//! Every screen of the app and its address: the only place paths inside the app are
//! written. Pages link with `Screen::….href()` and move with `go(Screen::…)`, never with a
//! hand-formatted string.
//!
//! `Page::pattern` is the route table, in the order it is tried; `Screen::path`,
//! `Screen::parse` and the router in `app.rs` all read it (`Page` is each `<Route>`'s
//! path, so a route matches exactly when `Page::at` names its page). All of it is plain
//! Rust, tested natively. On `wasm32`, `href` puts the app's base (`/followup` on GitHub
//! Pages, read from `<base href>`) in front, the `Params` structs give pages their typed
//! route parameters, and `ContactRoute` is the one place that turns `:id` into a contact
//! on this device, or the "Contact not found" view.

use crate::domain::{ContactId, EventId, Step};

/// A screen of the app, with what it needs to be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Today's follow-ups (the home page).
    Agenda,
    /// Every contact.
    Contacts,
    /// The contacts met at one event (`/contacts?event=<id>`).
    ContactsAt(EventId),
    /// Capture a new contact.
    Capture,
    /// Capture, filled in from a scanned or pasted QR code's text (`?code=`). What another
    /// app shares arrives as `?title=&text=&url=` (the manifest's `share_target`).
    CaptureScanned(String),
    /// Capture another person at a company, its name filled in (`?company=`), from
    /// Companies.
    CaptureAt(String),
    /// My card: the student's QR code.
    Card,
    /// Scan a QR code with the camera.
    Scan,
    /// Merge the second contact into the first.
    Merge(ContactId, ContactId),
    /// One contact: details, follow-up timeline, history.
    Contact(ContactId),
    EditContact(ContactId),
    /// The composer for one step of one contact.
    Compose(ContactId, Step),
    Events,
    /// One event's plan: companies to visit, the pitch, To visit and not reached.
    Plan(EventId),
    /// Which events pay off: the funnel of every event and overall.
    Funnel,
    /// The people the student knows, grouped by company.
    Companies,
    Settings,
    /// Every referral ask and where it stands.
    Referrals,
}

/// A route of the router: which page a path shows. Screens that differ only in their
/// query (`Contacts` and `ContactsAt`; the three captures) share one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Agenda,
    Contacts,
    Capture,
    Contact,
    EditContact,
    Compose,
    Merge,
    Card,
    Scan,
    Events,
    Plan,
    Funnel,
    Companies,
    Settings,
    Referrals,
}

impl Page {
    /// Every page, in the order the routes are tried: `contacts/new` before
    /// `contacts/:id`, which would take it.
    pub const ALL: [Page; 15] = [
        Page::Agenda,
        Page::Contacts,
        Page::Capture,
        Page::Contact,
        Page::EditContact,
        Page::Compose,
        Page::Merge,
        Page::Card,
        Page::Scan,
        Page::Events,
        Page::Plan,
        Page::Funnel,
        Page::Companies,
        Page::Settings,
        Page::Referrals,
    ];

    /// The route table: the page's path inside the app, `:name` for a parameter.
    pub fn pattern(self) -> &'static str {
        match self {
            Page::Agenda => "/",
            Page::Contacts => "/contacts",
            Page::Capture => "/contacts/new",
            Page::Contact => "/contacts/:id",
            Page::EditContact => "/contacts/:id/edit",
            Page::Compose => "/contacts/:id/send/:step",
            Page::Merge => "/contacts/:id/merge/:other",
            Page::Card => "/card",
            Page::Scan => "/scan",
            Page::Events => "/events",
            Page::Plan => "/events/:id/plan",
            Page::Funnel => "/events/funnel",
            Page::Companies => "/companies",
            Page::Settings => "/settings",
            Page::Referrals => "/referrals",
        }
    }

    /// The first page (in `ALL`'s order) whose pattern `path` fits, with the path's value
    /// of each of its parameters, in order: `/contacts/x9/edit` is
    /// `(EditContact, [("id", "x9")])`. The path has no query; empty segments are ignored.
    pub fn at(path: &str) -> Option<(Page, Vec<(&'static str, &str)>)> {
        Page::ALL
            .into_iter()
            .find_map(|page| Some((page, fit(page.pattern(), path)?)))
    }

    /// The pattern with its parameters replaced by `values`, in order.
    fn fill(self, values: &[&str]) -> String {
        let mut values = values.iter();
        let segments: Vec<&str> = segments(self.pattern())
            .map(|segment| match segment.strip_prefix(':') {
                Some(_) => values.next().copied().unwrap_or_default(),
                None => segment,
            })
            .collect();
        format!("/{}", segments.join("/"))
    }
}

/// The non-empty segments of a path or pattern.
fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

/// The values of `pattern`'s parameters in `path`, or `None` when the path does not fit.
fn fit<'p>(pattern: &'static str, path: &'p str) -> Option<Vec<(&'static str, &'p str)>> {
    let mut wanted = segments(pattern);
    let mut given = segments(path);
    let mut params = Vec::new();
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return Some(params),
            (Some(want), Some(have)) => match want.strip_prefix(':') {
                Some(name) => params.push((name, have)),
                None if want == have => {}
                None => return None,
            },
            _ => return None,
        }
    }
}

/// Whether a tab linking to `href` is the page at `path` (both with the app's base): the
/// very page when `exact`, else that page or one under it (`/events` for `/events/funnel`).
pub fn tab_is_current(href: &str, path: &str, exact: bool) -> bool {
    let (href, path) = (href.trim_end_matches('/'), path.trim_end_matches('/'));
    path == href
        || (!exact
            && path
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/')))
}

impl Screen {
    /// The route that shows this screen.
    pub fn page(&self) -> Page {
        match self {
            Screen::Agenda => Page::Agenda,
            Screen::Contacts | Screen::ContactsAt(_) => Page::Contacts,
            Screen::Capture | Screen::CaptureScanned(_) | Screen::CaptureAt(_) => Page::Capture,
            Screen::Card => Page::Card,
            Screen::Scan => Page::Scan,
            Screen::Merge(..) => Page::Merge,
            Screen::Contact(_) => Page::Contact,
            Screen::EditContact(_) => Page::EditContact,
            Screen::Compose(..) => Page::Compose,
            Screen::Events => Page::Events,
            Screen::Plan(_) => Page::Plan,
            Screen::Funnel => Page::Funnel,
            Screen::Companies => Page::Companies,
            Screen::Settings => Page::Settings,
            Screen::Referrals => Page::Referrals,
        }
    }

    /// The path inside the app, without the base: `/contacts/<id>/send/email`.
    pub fn path(&self) -> String {
        let (params, query): (Vec<&str>, Option<(&str, &str)>) = match self {
            Screen::ContactsAt(event) => (vec![], Some(("event", event.as_str()))),
            Screen::CaptureScanned(code) => (vec![], Some(("code", code))),
            Screen::CaptureAt(company) => (vec![], Some(("company", company))),
            Screen::Merge(keep, other) => (vec![keep.as_str(), other.as_str()], None),
            Screen::Contact(id) | Screen::EditContact(id) => (vec![id.as_str()], None),
            Screen::Plan(event) => (vec![event.as_str()], None),
            Screen::Compose(id, step) => (vec![id.as_str(), step.slug()], None),
            Screen::Agenda
            | Screen::Contacts
            | Screen::Capture
            | Screen::Card
            | Screen::Scan
            | Screen::Events
            | Screen::Funnel
            | Screen::Companies
            | Screen::Settings
            | Screen::Referrals => (vec![], None),
        };
        let path = self.page().fill(&params);
        match query {
            Some((key, value)) => format!("{path}?{key}={}", query_value(value)),
            None => path,
        }
    }

    /// The path of this screen (the composer) saying where to return afterwards:
    /// `/contacts/<id>/send/email?back=%2F`. `parse` reads the `back` value as a path.
    pub fn path_back_to(&self, back: &Screen) -> String {
        format!("{}?back={}", self.path(), query_value(&back.path()))
    }

    /// The screen at a path inside the app (as `path` writes it), or `None` for an address
    /// the app does not know.
    pub fn parse(path: &str) -> Option<Screen> {
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let (page, params) = Page::at(path)?;
        let values: Vec<&str> = params.into_iter().map(|(_, value)| value).collect();
        let id = |s: &str| ContactId::new(s);
        Some(match (page, values.as_slice()) {
            (Page::Agenda, []) => Screen::Agenda,
            (Page::Contacts, []) => match query
                .split('&')
                .find_map(|kv| kv.strip_prefix("event="))
                .filter(|v| !v.is_empty())
            {
                Some(event) => Screen::ContactsAt(EventId::new(event)),
                None => Screen::Contacts,
            },
            (Page::Capture, []) => match (query_get(query, "code"), query_get(query, "company")) {
                (Some(code), _) => Screen::CaptureScanned(code),
                (None, Some(company)) => Screen::CaptureAt(company),
                (None, None) => Screen::Capture,
            },
            (Page::Card, []) => Screen::Card,
            (Page::Scan, []) => Screen::Scan,
            (Page::Merge, [c, other]) => Screen::Merge(id(c), id(other)),
            (Page::Contact, [c]) => Screen::Contact(id(c)),
            (Page::EditContact, [c]) => Screen::EditContact(id(c)),
            (Page::Compose, [c, step]) => Screen::Compose(id(c), Step::from_slug(step)?),
            (Page::Events, []) => Screen::Events,
            (Page::Plan, [event]) => Screen::Plan(EventId::new(*event)),
            (Page::Funnel, []) => Screen::Funnel,
            (Page::Companies, []) => Screen::Companies,
            (Page::Settings, []) => Screen::Settings,
            (Page::Referrals, []) => Screen::Referrals,
            _ => return None,
        })
    }
}

/// The decoded, non-empty value of `key` in a query string (`+` read as a space).
fn query_get(query: &str, key: &str) -> Option<String> {
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
        .and_then(|v| crate::domain::percent::decode(&v.replace('+', " ")))
        .filter(|v| !v.trim().is_empty())
}

/// Ids are made by the app (letters, digits, `-`), but a query value is escaped anyway.
fn query_value(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' | '.' | '~' => c.to_string(),
            _ => c.to_string().bytes().map(|b| format!("%{b:02X}")).collect(),
        })
        .collect()
}

/// The path of a base URL without its trailing slash: `""` at the site root, `"/followup"`
/// under a subpath.
pub fn base_path(base_uri: &str) -> String {
    let after_scheme = base_uri
        .split_once("://")
        .map_or(base_uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    path.trim_end_matches('/').to_string()
}

#[cfg(target_arch = "wasm32")]
pub use web::*;

#[cfg(target_arch = "wasm32")]
mod web {
    use super::{base_path, segments, Page, Screen};
    use crate::domain::ContactId;
    use crate::pages::not_found::Missing;
    use crate::state::use_app;
    use leptos::prelude::*;
    use leptos_router::hooks::{use_navigate, use_params};
    use leptos_router::params::Params;
    use leptos_router::{PartialPathMatch, PathSegment, PossibleRouteMatch};
    use std::borrow::Cow;

    /// A page is its `<Route>`'s path: the route matches a path when `Page::at` names this
    /// page, so the router, `Screen::parse` and the order of the table agree.
    impl PossibleRouteMatch for Page {
        fn optional(&self) -> bool {
            false
        }

        fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
            let (page, params) = Page::at(path)?;
            let params = params
                .into_iter()
                .map(|(name, value)| (Cow::Borrowed(name), value.to_string()))
                .collect();
            (page == *self).then(|| PartialPathMatch::new("", params, path))
        }

        fn generate_path(&self, path: &mut Vec<PathSegment>) {
            path.extend(
                segments(self.pattern()).map(|segment| match segment.strip_prefix(':') {
                    Some(name) => PathSegment::Param(name.into()),
                    None => PathSegment::Static(segment.into()),
                }),
            );
        }
    }

    thread_local! {
        static BASE: String = router_base();
    }

    impl Screen {
        /// The `href` of the screen: `/contacts` becomes `/followup/contacts` when the app
        /// is served under `/followup/`. Leptos's `<A>` leaves absolute paths as they are,
        /// so every link uses this.
        pub fn href(&self) -> String {
            BASE.with(|base| format!("{base}{}", self.path()))
        }

        /// `href` with where to return afterwards (see `path_back_to`).
        pub fn href_back_to(&self, back: &Screen) -> String {
            BASE.with(|base| format!("{base}{}", self.path_back_to(back)))
        }

        /// The screen shown now, read from the address bar (the agenda when unknown).
        pub fn current() -> Screen {
            let path = window().location().pathname().unwrap_or_default();
            let inside = BASE.with(|base| path.strip_prefix(base.as_str()).map(str::to_string));
            inside
                .and_then(|p| Screen::parse(&p))
                .unwrap_or(Screen::Agenda)
        }
    }

    /// A function that moves to a screen (the router adds the base itself).
    pub fn use_go() -> impl Fn(Screen) + Clone + 'static {
        let navigate = use_navigate();
        move |screen: Screen| navigate(&screen.path(), Default::default())
    }

    /// `:id` of the contact routes.
    #[derive(Params, Clone, Debug, PartialEq)]
    pub struct ContactParams {
        pub id: Option<String>,
    }

    /// `:id` of the plan's route: an event.
    #[derive(Params, Clone, Debug, PartialEq)]
    pub struct PlanParams {
        pub id: Option<String>,
    }

    /// `:id` and `:step` of the composer's route.
    #[derive(Params, Clone, Debug, PartialEq)]
    pub struct ComposeParams {
        pub id: Option<String>,
        pub step: Option<String>,
    }

    /// The contact named by the route's `:id` when it is on this device, handed to `view`;
    /// otherwise the "Contact not found" page with `message` and a way to the contacts.
    /// `view` runs again only when the route names another contact or the contact appears
    /// or goes (deleted here or in another tab).
    #[component]
    pub fn ContactRoute<F, V>(message: &'static str, view: F) -> impl IntoView
    where
        F: Fn(ContactId) -> V + Send + Sync + 'static,
        V: IntoView + 'static,
    {
        let state = use_app();
        let params = use_params::<ContactParams>();
        let found = Memo::new(move |_| {
            let id = params
                .read()
                .as_ref()
                .ok()?
                .id
                .clone()
                .map(ContactId::new)?;
            state
                .book
                .with(|book| book.contact(&id).is_some())
                .then_some(id)
        });
        move || match found.get() {
            Some(id) => view(id).into_any(),
            None => view! {
                <Missing title="Contact not found" message
                    to=Screen::Contacts action="See all contacts" primary=true/>
            }
            .into_any(),
        }
    }

    /// The path of the document's base URL without its trailing slash: `""` at the site
    /// root, `"/followup"` under a subpath.
    pub fn router_base() -> String {
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        base_path(&base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_is_current_on_its_page_and_when_not_exact_below_it() {
        let check = |href: &str, path: &str, exact: bool, expected: bool| {
            assert_eq!(
                tab_is_current(href, path, exact),
                expected,
                "{href} at {path}, exact {exact}"
            );
        };
        check("/followup/", "/followup/", true, true);
        check("/followup/", "/followup", true, true);
        check("/followup/", "/followup/contacts", true, false);
        check("/followup/contacts", "/followup/contacts", true, true);
        check("/followup/contacts", "/followup/contacts/x9", true, false);
        check("/followup/events", "/followup/events/funnel", false, true);
        check("/followup/events", "/followup/events", false, true);
        check("/followup/events", "/followup/eventsx", false, false);
        check("/followup/contacts/new", "/followup/contacts", false, false);
        check("/followup/settings", "/followup/", false, false);
    }

    fn contact() -> ContactId {
        ContactId::new("lq3k2-7")
    }

    #[test]
    fn every_screen_reads_back_from_its_path() {
        let screens = [
            (Screen::Agenda, "/"),
            (Screen::Contacts, "/contacts"),
            (
                Screen::ContactsAt(EventId::new("ev-1")),
                "/contacts?event=ev-1",
            ),
            (Screen::Capture, "/contacts/new"),
            (Screen::Contact(contact()), "/contacts/lq3k2-7"),
            (Screen::EditContact(contact()), "/contacts/lq3k2-7/edit"),
            (
                Screen::Compose(contact(), Step::Email),
                "/contacts/lq3k2-7/send/email",
            ),
            (Screen::Events, "/events"),
            (Screen::Funnel, "/events/funnel"),
            (Screen::Plan(EventId::new("ev-1")), "/events/ev-1/plan"),
            (Screen::Companies, "/companies"),
            (
                Screen::CaptureAt("Société Générale & Co".into()),
                "/contacts/new?company=Soci%C3%A9t%C3%A9%20G%C3%A9n%C3%A9rale%20%26%20Co",
            ),
            (Screen::Settings, "/settings"),
            (Screen::Referrals, "/referrals"),
            (Screen::Card, "/card"),
            (Screen::Scan, "/scan"),
            (
                Screen::Merge(contact(), ContactId::new("x9")),
                "/contacts/lq3k2-7/merge/x9",
            ),
            (
                Screen::CaptureScanned("MECARD:N:López,Ana;;".into()),
                "/contacts/new?code=MECARD%3AN%3AL%C3%B3pez%2CAna%3B%3B",
            ),
        ];
        for (screen, path) in screens {
            assert_eq!(screen.path(), path, "{screen:?}");
            assert_eq!(Screen::parse(path), Some(screen.clone()), "{path}");
        }
        for step in Step::ALL {
            let s = Screen::Compose(contact(), step);
            assert_eq!(Screen::parse(&s.path()), Some(s));
        }
    }

    /// One screen of every variant. The match has no wildcard, so a new variant cannot be
    /// left out of `one_of_each` unnoticed: its arm needs a new number, and the test below
    /// wants every number.
    fn variant(screen: &Screen) -> usize {
        match screen {
            Screen::Agenda => 0,
            Screen::Contacts => 1,
            Screen::ContactsAt(_) => 2,
            Screen::Capture => 3,
            Screen::CaptureScanned(_) => 4,
            Screen::CaptureAt(_) => 5,
            Screen::Card => 6,
            Screen::Scan => 7,
            Screen::Merge(..) => 8,
            Screen::Contact(_) => 9,
            Screen::EditContact(_) => 10,
            Screen::Compose(..) => 11,
            Screen::Events => 12,
            Screen::Funnel => 13,
            Screen::Companies => 14,
            Screen::Settings => 15,
            Screen::Referrals => 16,
            Screen::Plan(_) => 17,
        }
    }

    const VARIANTS: usize = 18;

    fn one_of_each() -> Vec<Screen> {
        vec![
            Screen::Agenda,
            Screen::Contacts,
            Screen::ContactsAt(EventId::new("ev-1")),
            Screen::Capture,
            Screen::CaptureScanned("BEGIN:VCARD".into()),
            Screen::CaptureAt("Figma".into()),
            Screen::Card,
            Screen::Scan,
            Screen::Merge(contact(), ContactId::new("new")),
            // Ids that are also words of the table must not change the page.
            Screen::Contact(ContactId::new("edit")),
            Screen::EditContact(ContactId::new("new")),
            Screen::Compose(ContactId::new("merge"), Step::Nudge),
            Screen::Events,
            Screen::Funnel,
            Screen::Companies,
            Screen::Settings,
            Screen::Referrals,
            // An event called "funnel" is still its plan.
            Screen::Plan(EventId::new("funnel")),
        ]
    }

    #[test]
    fn one_screen_of_every_variant_round_trips() {
        let screens = one_of_each();
        let mut seen: Vec<usize> = screens.iter().map(variant).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..VARIANTS).collect::<Vec<_>>());
        for screen in screens {
            let path = screen.path();
            assert_eq!(Screen::parse(&path), Some(screen.clone()), "{path}");
            let route = path.split('?').next().unwrap_or_default();
            assert_eq!(
                Page::at(route).map(|(page, _)| page),
                Some(screen.page()),
                "{path}"
            );
        }
    }

    #[test]
    fn the_route_table_has_one_entry_per_page_and_none_is_shadowed() {
        let screens = one_of_each();
        for page in Page::ALL {
            assert_eq!(
                Page::ALL.iter().filter(|p| **p == page).count(),
                1,
                "{page:?} once in the table"
            );
            assert!(
                screens.iter().any(|s| s.page() == page),
                "{page:?} shows some screen"
            );
            // The pattern itself (its parameters taken as values) is a path of this page
            // that no entry before it may take: an entry after one that takes all of its
            // paths (`contacts/new` after `contacts/:id`) would never be reached.
            let (found, params) = Page::at(page.pattern()).unwrap_or((Page::Agenda, vec![]));
            assert_eq!(found, page, "{} is taken by {found:?}", page.pattern());
            let values: Vec<String> = params.iter().map(|(name, _)| format!(":{name}")).collect();
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            assert_eq!(page.fill(&values), page.pattern());
        }
        for screen in &screens {
            assert!(Page::ALL.contains(&screen.page()), "{screen:?}");
        }
        assert_eq!(
            Page::at("/contacts/x9/merge/y1"),
            Some((Page::Merge, vec![("id", "x9"), ("other", "y1")]))
        );
    }

    #[test]
    fn unknown_addresses_are_none() {
        for path in [
            "/nope",
            "/contacts/a/b",
            "/contacts/a/send/nonsense",
            "/contacts/a/send",
            "/settings/x",
        ] {
            assert_eq!(Screen::parse(path), None, "{path}");
        }
        assert_eq!(Screen::parse("/contacts?event="), Some(Screen::Contacts));
        assert_eq!(Screen::parse("/contacts/"), Some(Screen::Contacts));
        // A share opens plain capture; the page reads the shared fields itself.
        assert_eq!(
            Screen::parse("/contacts/new?title=&text=Ana&url="),
            Some(Screen::Capture)
        );
        assert_eq!(Screen::parse("/contacts/a/merge"), None);
        assert_eq!(
            Screen::parse("/contacts/new?company=+Figma+Inc"),
            Some(Screen::CaptureAt(" Figma Inc".into()))
        );
        assert_eq!(
            Screen::parse("/contacts/new?company=%20"),
            Some(Screen::Capture)
        );
        assert_eq!(Screen::parse("/events/funnel/x"), None);
    }

    #[test]
    fn base_paths() {
        for (uri, base) in [
            ("https://sam.github.io/followup/", "/followup"),
            (
                "https://sam.github.io/followup/index.html?x=1",
                "/followup/index.html",
            ),
            ("http://127.0.0.1:8080/", ""),
            ("http://127.0.0.1:8080", ""),
            ("https://a.example/deep/sub/#frag", "/deep/sub"),
        ] {
            assert_eq!(base_path(uri), base, "{uri}");
        }
    }

    #[test]
    fn the_composer_knows_where_to_return() {
        let compose = Screen::Compose(contact(), Step::Email);
        for back in [Screen::Agenda, Screen::Contact(contact()), Screen::Contacts] {
            let path = compose.path_back_to(&back);
            let (route, query) = path.split_once('?').unwrap();
            assert_eq!(Screen::parse(route), Some(compose.clone()));
            let value = query.strip_prefix("back=").unwrap().replace("%2F", "/");
            assert_eq!(Screen::parse(&value), Some(back.clone()), "{path}");
        }
        assert_eq!(
            compose.path_back_to(&Screen::Agenda),
            "/contacts/lq3k2-7/send/email?back=%2F"
        );
    }

    #[test]
    fn query_values_are_escaped() {
        assert_eq!(
            Screen::ContactsAt(EventId::new("a b&c")).path(),
            "/contacts?event=a%20b%26c"
        );
    }
}
