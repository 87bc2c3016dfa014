//! Every screen of the app and its address: the only place paths inside the app are
//! written. Pages link with `Screen::…​.href()` and move with `go(Screen::…)`, never with a
//! hand-formatted string.
//!
//! `Screen::path` and `Screen::parse` are plain Rust, tested natively; they mirror the route
//! table in `app.rs` (Leptos's `path!` wants literals there). On `wasm32`, `href` puts the
//! app's base (`/followup` on GitHub Pages, read from `<base href>`) in front, the `Params`
//! structs give pages their typed route parameters, and `ContactRoute` is the one place that
//! turns `:id` into a contact on this device, or the "Contact not found" view.

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
    /// Which events pay off: the funnel of every event and overall.
    Funnel,
    /// The people the student knows, grouped by company.
    Companies,
    Settings,
    /// Every referral ask and where it stands.
    Referrals,
}

impl Screen {
    /// The path inside the app, without the base: `/contacts/<id>/send/email`.
    pub fn path(&self) -> String {
        match self {
            Screen::Agenda => "/".into(),
            Screen::Contacts => "/contacts".into(),
            Screen::ContactsAt(event) => format!("/contacts?event={}", query_value(event.as_str())),
            Screen::Capture => "/contacts/new".into(),
            Screen::CaptureScanned(code) => format!("/contacts/new?code={}", query_value(code)),
            Screen::CaptureAt(company) => {
                format!("/contacts/new?company={}", query_value(company))
            }
            Screen::Card => "/card".into(),
            Screen::Scan => "/scan".into(),
            Screen::Merge(keep, other) => format!("/contacts/{keep}/merge/{other}"),
            Screen::Contact(id) => format!("/contacts/{id}"),
            Screen::EditContact(id) => format!("/contacts/{id}/edit"),
            Screen::Compose(id, step) => format!("/contacts/{id}/send/{}", step.slug()),
            Screen::Events => "/events".into(),
            Screen::Funnel => "/events/funnel".into(),
            Screen::Companies => "/companies".into(),
            Screen::Settings => "/settings".into(),
            Screen::Referrals => "/referrals".into(),
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
        let parts: Vec<&str> = path
            .trim_matches('/')
            .split('/')
            .filter(|p| !p.is_empty())
            .collect();
        let id = |s: &str| ContactId::new(s);
        Some(match parts.as_slice() {
            [] => Screen::Agenda,
            ["contacts"] => match query
                .split('&')
                .find_map(|kv| kv.strip_prefix("event="))
                .filter(|v| !v.is_empty())
            {
                Some(event) => Screen::ContactsAt(EventId::new(event)),
                None => Screen::Contacts,
            },
            ["contacts", "new"] => match (query_get(query, "code"), query_get(query, "company")) {
                (Some(code), _) => Screen::CaptureScanned(code),
                (None, Some(company)) => Screen::CaptureAt(company),
                (None, None) => Screen::Capture,
            },
            ["card"] => Screen::Card,
            ["scan"] => Screen::Scan,
            ["contacts", c, "merge", other] => Screen::Merge(id(c), id(other)),
            ["contacts", c] => Screen::Contact(id(c)),
            ["contacts", c, "edit"] => Screen::EditContact(id(c)),
            ["contacts", c, "send", step] => Screen::Compose(id(c), Step::from_slug(step)?),
            ["events"] => Screen::Events,
            ["events", "funnel"] => Screen::Funnel,
            ["companies"] => Screen::Companies,
            ["settings"] => Screen::Settings,
            ["referrals"] => Screen::Referrals,
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
    use super::{base_path, Screen};
    use crate::domain::ContactId;
    use crate::pages::not_found::Missing;
    use crate::state::use_app;
    use leptos::prelude::*;
    use leptos_router::hooks::{use_navigate, use_params};
    use leptos_router::params::Params;

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
