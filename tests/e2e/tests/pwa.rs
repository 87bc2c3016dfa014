//! The PWA end to end: the release dist served under `/followup/` like GitHub Pages.
//!
//! Build first: `cargo xtask dist --public-url /followup/`; run (from the workspace root):
//! `cargo test -p followup-e2e --test e2e -- --test-threads=1 pwa::`.

use std::path::Path;
use std::time::Duration;

use followup_e2e::ui::{
    add_contact, caused_by_stopped_server, deep_link_404, open_home, shoot, tab, Person,
};
use followup_e2e::{
    build_meta, copy_dir, dist_dir, Browser, Fixture, StaticServer, PREFIX, RECORDS_JS, STORED_JS,
    VIEWPORT,
};
use serde_json::{json, Value};

// ---------------------------------------------------------------- helpers

/// Names (link texts) and hrefs of `ul.contact-list > li a`.
async fn contact_links(b: &Browser) -> Vec<(String, String)> {
    let v = b
        .js(r#"return Array.from(document.querySelectorAll('ul.contact-list > li')).map(li => {
                const a = li.querySelector('a');
                return a ? [a.textContent.trim(), new URL(a.getAttribute('href'), document.baseURI).pathname] : ['(no <a> in li)', ''];
            });"#)
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap_or("").to_string(),
                p[1].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// Waits for the contacts list to show a link to `/followup/contacts/<id>` containing `name`.
async fn wait_contact_listed(b: &Browser, name: &str, id: &str) {
    let href = format!("{PREFIX}contacts/{id}");
    let js = format!(
        r#"return Array.from(document.querySelectorAll('ul.contact-list > li a')).some(a =>
               new URL(a.getAttribute('href'), document.baseURI).pathname === {href:?} && a.textContent.includes({name:?}));"#
    );
    b.wait_js(
        &format!("ul.contact-list > li with an <a href={href:?}> naming {name:?}"),
        Duration::from_secs(10),
        &js,
    )
    .await;
}

async fn assert_viewport(b: &Browser) {
    let v = b
        .js("return [window.innerWidth, window.innerHeight, window.devicePixelRatio];")
        .await;
    assert_eq!(
        (v[0].as_u64(), v[1].as_u64()),
        (Some(VIEWPORT.0 as u64), Some(VIEWPORT.1 as u64)),
        "viewport should be {}x{} CSS px (innerWidth, innerHeight, devicePixelRatio) = {v}",
        VIEWPORT.0,
        VIEWPORT.1
    );
}

// ---------------------------------------------------------------- 1

/// The app renders at `/followup/`, and the bottom navigation moves between pages on the
/// client (same document, no reload), with hrefs under the subpath.
#[tokio::test]
async fn app_renders_and_tabs_navigate_client_side() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    assert!(
        !b.h1().await.is_empty(),
        "the agenda page has an empty <h1>\n{}",
        b.describe().await
    );
    assert_viewport(b).await;
    b.assert_no_console_errors("while loading /followup/").await;

    // A marker that survives only if no full page load happens.
    b.js("window.__e2eSameDocument = 'yes'; return true;").await;
    let origin = f.server.origin();
    let tabs = [
        (
            "#nav-contacts",
            "contacts",
            Some(format!("{PREFIX}contacts")),
        ),
        ("#nav-add", "add", Some(format!("{PREFIX}contacts/new"))),
        ("#nav-settings", "settings", None),
        ("#nav-agenda", "agenda", Some(PREFIX.to_string())),
    ];
    for (link, page, expected_path) in tabs {
        let href = b
            .js(&format!(
                "const a = document.querySelector({link:?}); return a ? [a.tagName, a.getAttribute('href'), a.href] : null;"
            ))
            .await;
        assert!(
            href.is_array(),
            "bottom navigation link {link} is missing\n{}",
            b.describe().await
        );
        assert_eq!(href[0], "A", "{link} should be an <a>, it is {}", href[0]);
        let abs = href[2].as_str().unwrap_or("");
        assert!(
            abs.starts_with(&format!("{origin}{PREFIX}")),
            "{link} href {} resolves to {abs}, outside {PREFIX}",
            href[1]
        );
        b.click(link).await;
        b.wait_page(page).await;
        let path = b.path().await;
        if let Some(expected) = expected_path {
            assert_eq!(
                path.trim_end_matches('/'),
                expected.trim_end_matches('/'),
                "URL path after clicking {link}"
            );
        } else {
            assert!(
                path.starts_with(PREFIX),
                "after clicking {link} the path {path} is outside {PREFIX}"
            );
        }
        assert_eq!(
            b.js("return window.__e2eSameDocument || null;").await,
            json!("yes"),
            "clicking {link} reloaded the document instead of navigating client-side"
        );
        assert!(
            !b.h1().await.is_empty(),
            "the {page} page has an empty <h1>\n{}",
            b.describe().await
        );
        // The tab of the page shown, and only it, is the current one.
        assert_eq!(
            b.js("return Array.from(document.querySelectorAll('nav.tabbar a[aria-current=page]'), a => '#' + a.id);")
                .await,
            json!([link]),
            "the current tab after clicking {link}"
        );
    }
    f.finish("while navigating with the bottom tabs").await;
}

// ---------------------------------------------------------------- 2

/// Adding a contact shows it on the contacts list, and it survives a reload; an empty name
/// shows `.field-error` and saves nothing.
#[tokio::test]
async fn add_contact_persists_across_reload_and_empty_name_is_rejected() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;

    // Empty name: inline error, nothing saved.
    tab(b, "add", "add").await;
    b.type_into("#company", "Nobody Inc").await;
    b.click("#save").await;
    b.wait_css(".field-error", Duration::from_secs(5)).await;
    assert_eq!(
        b.page().await.as_deref(),
        Some("add"),
        "an empty name must keep the add page"
    );
    let err = b
        .js("return document.querySelector('.field-error').textContent.trim();")
        .await;
    assert!(
        !err.as_str().unwrap_or("").is_empty(),
        ".field-error is empty"
    );
    tab(b, "contacts", "contacts").await;
    assert!(
        contact_links(b).await.is_empty(),
        "an empty-name contact was saved: {:?}",
        contact_links(b).await
    );

    // A real one.
    let name = "Ada Lovelace";
    let id = add_contact(
        b,
        &Person {
            name,
            company: "Analytical Engines",
            hook: "Bernoulli numbers and the loom",
            ..Person::default()
        },
    )
    .await;
    tab(b, "contacts", "contacts").await;
    wait_contact_listed(b, name, &id).await;
    assert_eq!(
        contact_links(b).await.len(),
        1,
        "exactly one contact expected: {:?}",
        contact_links(b).await
    );

    // Stored once in localStorage, in its shard.
    let ids = b
        .js(&format!(
            "return {RECORDS_JS}.filter(c => c.name === {name:?}).map(c => c.id);"
        ))
        .await;
    assert_eq!(
        ids,
        serde_json::json!([id]),
        "the contact should be stored once"
    );
    b.assert_no_console_errors("while adding a contact").await;

    // Reload on /followup/contacts: served by the worker or by 404.html; same data.
    b.refresh().await;
    b.wait_page("contacts").await;
    wait_contact_listed(b, name, &id).await;
    assert_eq!(
        contact_links(b).await.len(),
        1,
        "after reload: {:?}",
        contact_links(b).await
    );

    // The list links to the detail page.
    b.click("ul.contact-list > li a").await;
    b.wait_page("contact").await;
    assert_eq!(b.h1().await, name);
    assert_eq!(b.path().await, format!("{PREFIX}contacts/{id}"));
    b.assert_no_console_errors_except(
        "after reloading /followup/contacts",
        deep_link_404(f.url("contacts")),
    )
    .await;
    f.finish("at the end").await;
}

// ---------------------------------------------------------------- 3

/// After the first visit, with the server STOPPED, a reload and deep links still render
/// from the service worker, with the contact there.
#[tokio::test]
async fn works_offline_with_the_server_stopped() {
    let mut f = Fixture::new().await;
    open_home(&f).await;
    f.browser.wait_sw_control().await;

    // The precache is complete: every file of the build but sw.js and 404.html is cached.
    let dist = dist_dir();
    let cached = f
        .browser
        .js_async(
            r#"(async () => {
                const out = [];
                for (const key of await caches.keys()) {
                    const cache = await caches.open(key);
                    for (const req of await cache.keys()) out.push(new URL(req.url).pathname);
                }
                return out;
            })().then(done, e => done('error: ' + e));"#,
        )
        .await;
    let cached: Vec<String> = cached
        .as_array()
        .unwrap_or_else(|| panic!("reading the caches failed: {cached}"))
        .iter()
        .map(|v| v.as_str().unwrap_or("").to_string())
        .collect();
    let mut missing = Vec::new();
    for file in list_files(&dist) {
        if file == "sw.js" || file == "404.html" {
            continue;
        }
        let path = format!("{PREFIX}{file}");
        if !cached.contains(&path) {
            missing.push(path);
        }
    }
    assert!(
        missing.is_empty(),
        "not precached once the worker is active: {missing:?}\ncached: {cached:?}"
    );

    let name = "Grace Hopper";
    let id = add_contact(
        &f.browser,
        &Person {
            name,
            company: "Navy",
            hook: "COBOL and nanoseconds",
            ..Person::default()
        },
    )
    .await;
    f.browser
        .assert_no_console_errors("before stopping the server")
        .await;

    f.server.stop();
    let hits_at_stop = f.server.hits().len();

    // Reload the detail page.
    f.browser.refresh().await;
    f.browser.wait_page("contact").await;
    assert_eq!(
        f.browser.h1().await,
        name,
        "offline reload of the contact page"
    );

    // Deep links typed into the address bar.
    f.browser.goto(&f.url("contacts")).await;
    f.browser.wait_page("contacts").await;
    wait_contact_listed(&f.browser, name, &id).await;
    f.browser.goto(&f.url(&format!("contacts/{id}"))).await;
    f.browser.wait_page("contact").await;
    assert_eq!(
        f.browser.h1().await,
        name,
        "offline deep link to the contact"
    );
    f.browser.goto(&f.url(&format!("contacts/{id}/edit"))).await;
    f.browser.wait_page("edit").await;
    f.browser.goto(&f.url("")).await;
    f.browser.wait_page("agenda").await;
    // A fresh page: every lazy route's chunk is fetched now, with the server stopped.
    open_lazy_pages(&f.browser, Some(&id)).await;
    assert_eq!(
        f.server.hits().len(),
        hits_at_stop,
        "the server answered while stopped?"
    );
    let tolerated = f
        .browser
        .assert_no_console_errors_except(
            "while offline (other than failed network loads)",
            caused_by_stopped_server,
        )
        .await;
    if !tolerated.is_empty() {
        eprintln!("offline test: console errors attributed to the stopped server:");
        for e in &tolerated {
            eprintln!("  {e}");
        }
    }

    // Back online on the same origin.
    f.server.restart();
    f.browser.goto(&f.url("contacts")).await;
    f.browser.wait_page("contacts").await;
    wait_contact_listed(&f.browser, name, &id).await;
    f.finish("after restarting the server").await;
}

/// Opens the pages that are lazy routes (their code is a wasm chunk of its own in the
/// release build) through the tab bar and capture's header, so each chunk is fetched by
/// the running page. The composer opens for `contact` when given; without one, a link to
/// a contact that does not exist fetches its chunk all the same (the composer's own
/// "Nothing to write here" view, drawn by the chunk).
async fn open_lazy_pages(b: &Browser, contact: Option<&str>) {
    for (link, page) in [
        ("#nav-contacts", "contacts"),
        ("#nav-events", "events"),
        ("#nav-settings", "settings"),
        ("#nav-add", "add"),
        ("#open-card", "card"),
        ("#nav-add", "add"),
        ("#open-scan", "scan"),
    ] {
        b.click(link).await;
        b.wait_page(page).await;
    }
    // Referrals is linked from a contacts list that has contacts, the merge screen from a
    // contact that has a look-alike; a link to each, followed in the page (the router
    // takes the click), fetches its chunk all the same.
    let (composer, page) = match contact {
        Some(id) => (format!("contacts/{id}/send/email"), "composer"),
        None => ("contacts/none/send/email".to_string(), "not-found"),
    };
    for (path, page) in [
        ("referrals", "referrals"),
        ("contacts/none/merge/other", "merge"),
        (composer.as_str(), page),
    ] {
        b.js(&format!(
            "const a = document.createElement('a'); \
             a.href = new URL('{path}', document.baseURI).href; \
             document.body.append(a); a.click(); a.remove(); return true;"
        ))
        .await;
        b.wait_page(page).await;
    }
    if contact.is_none() {
        assert_eq!(
            b.h1().await,
            "Nothing to write here",
            "the composer's chunk should draw its own view for a missing contact"
        );
    }
    tab(b, "agenda", "agenda").await;
}

/// The wasm modules the page itself has fetched so far (file names).
async fn modules_fetched(b: &Browser) -> Vec<String> {
    let v = b
        .js("return performance.getEntriesByType('resource').map(e => e.name.split('/').pop()).filter(n => n.endsWith('.wasm'));")
        .await;
    serde_json::from_value(v).unwrap_or_default()
}

/// On a first visit the page fetches only the main module (the on-demand ones wait for
/// their page). On a repeat visit, with the service worker answering, the other pages'
/// modules load in the background a second after start, so the first tap on Settings
/// fetches nothing and draws at once.
#[tokio::test]
async fn later_pages_load_in_the_background_on_a_repeat_visit() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let first = modules_fetched(b).await;
    assert!(
        first
            .iter()
            .all(|m| !m.starts_with("split_") && !m.starts_with("chunk_")),
        "a first visit fetches no on-demand module before it is needed: {first:?}"
    );
    b.wait_sw_control().await;

    b.goto("about:blank").await;
    b.goto(&f.url("")).await;
    b.wait_page("agenda").await;
    let loaded = b
        .wait_js(
            "the later pages', capture's and the composer's modules fetched in the background",
            Duration::from_secs(10),
            "const names = performance.getEntriesByType('resource').map(e => e.name); \
             return ['/split_later_page', '/split___capture_page', '/split___composer_page', '/split_deferred'] \
               .every(m => names.some(n => n.includes(m)));",
        )
        .await;
    assert_eq!(loaded, json!(true));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = modules_fetched(b).await;
    b.click("#nav-settings").await;
    b.wait_page("settings").await;
    assert_eq!(
        modules_fetched(b).await,
        before,
        "Settings opened without fetching a module"
    );
    b.assert_no_console_errors("background loading").await;
    f.finish("later pages loaded in the background").await;
}

/// The deferred module (`src/deferred.rs`: serde, the shard codec, the merge, the agenda's
/// rows) is a module of its own: a first visit, which has nothing to read, does not fetch
/// it; the first contact's save does, the contact is stored and the agenda lists it; a
/// start with a book fetches it at once and shows the book; and it comes from the service
/// worker's cache with the server stopped.
#[tokio::test]
async fn the_data_layer_is_fetched_only_when_there_is_a_book_to_read_or_save() {
    let mut f = Fixture::new().await;
    let b = &f.browser;
    let deferred = |modules: &[String]| modules.iter().any(|m| m.starts_with("split_deferred"));
    open_home(&f).await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let first = modules_fetched(b).await;
    assert!(
        !deferred(&first),
        "a first visit with nothing stored fetches no deferred module: {first:?}"
    );
    assert_eq!(b.stored().await, "", "nothing is stored before a change");

    let id = add_contact(
        b,
        &Person {
            name: "Ada Codec",
            kind: "Engineer",
            company: "Lovelace Labs",
            hook: "Talked about difference engines",
            email: "ada@example.com",
            linkedin: "",
            really_want: false,
        },
    )
    .await;
    let fetched = modules_fetched(b).await;
    assert!(
        deferred(&fetched),
        "the first save fetched the deferred module: {fetched:?}"
    );
    b.wait_js(
        "the new contact stored",
        Duration::from_secs(10),
        &format!("return {STORED_JS}.includes('Ada Codec');"),
    )
    .await;
    tab(b, "agenda", "agenda").await;
    b.wait_css("li.agenda-item", Duration::from_secs(10)).await;
    b.wait_sw_control().await;

    // A start with a book: the deferred module is fetched at once and the agenda shows it.
    b.goto("about:blank").await;
    b.goto(&f.url("")).await;
    b.wait_page("agenda").await;
    b.wait_js(
        "the agenda naming the stored contact",
        Duration::from_secs(10),
        "return [...document.querySelectorAll('li.agenda-item')].some(li => li.textContent.includes('Ada Codec'));",
    )
    .await;
    assert!(
        deferred(&modules_fetched(b).await),
        "fetched at the start of a visit with a book"
    );

    // Offline: from the worker's cache.
    f.server.stop();
    let hits_at_stop = f.server.hits().len();
    f.browser.goto("about:blank").await;
    f.browser.goto(&f.url(&format!("contacts/{id}"))).await;
    f.browser.wait_page("contact").await;
    assert_eq!(
        f.browser.h1().await,
        "Ada Codec",
        "the contact read offline"
    );
    assert_eq!(
        f.server.hits().len(),
        hits_at_stop,
        "the server answered while stopped?"
    );
    f.server.restart();
    f.finish("the deferred module fetched when needed").await;
}

fn list_files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap();
                out.push(
                    rel.components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                        .join("/"),
                );
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

// ---------------------------------------------------------------- 4

/// A deep link loaded from the server in a fresh profile (answered by `404.html`, as GitHub
/// Pages does) renders its page; an unknown route renders the not-found view.
#[tokio::test]
async fn deep_link_reload_renders_via_404_html() {
    let f = Fixture::new().await;
    let b = &f.browser;
    let deep = f.url("contacts/new");
    b.goto(&deep).await;
    b.wait_page("add").await;
    assert!(
        f.server
            .hits()
            .iter()
            .any(|h| h.path == format!("{PREFIX}contacts/new") && h.status == 404),
        "the deep link should have been answered by 404.html with status 404; server saw {:?}",
        f.server.hits()
    );
    assert!(!b.h1().await.is_empty(), "the add page has an empty <h1>");
    // The page's assets resolved from two levels down, under the subpath.
    let not_found_assets: Vec<_> = f
        .server
        .hits()
        .into_iter()
        .filter(|h| h.status == 404 && h.path != format!("{PREFIX}contacts/new"))
        .collect();
    assert!(
        not_found_assets.is_empty(),
        "requests that got 404: {not_found_assets:?}"
    );
    b.assert_no_console_errors_except("loading a deep link", deep_link_404(deep.clone()))
        .await;

    let nope = f.url("nope");
    b.goto(&nope).await;
    b.wait_page("not-found").await;
    assert!(
        !b.h1().await.is_empty(),
        "the not-found page has an empty <h1>"
    );
    b.assert_no_console_errors_except("loading an unknown route", deep_link_404(nope.clone()))
        .await;
    f.finish("at the end").await;
}

// ---------------------------------------------------------------- 5

/// Chrome judges the app installable, and the manifest it fetched has the expected icons.
#[tokio::test]
async fn chrome_judges_the_app_installable() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    b.wait_sw_control().await;

    let mut last = Value::Null;
    let mut ok = false;
    for _ in 0..20 {
        last = b.cdp("Page.getInstallabilityErrors", json!({})).await;
        if last["installabilityErrors"]
            .as_array()
            .is_some_and(|a| a.is_empty())
        {
            ok = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(
        ok,
        "Page.getInstallabilityErrors still reports errors after ~10 s: {last}"
    );

    let m = b.cdp("Page.getAppManifest", json!({})).await;
    let url = m["url"].as_str().unwrap_or("");
    assert_eq!(
        url,
        f.url("manifest.webmanifest"),
        "manifest URL (Page.getAppManifest: {m})"
    );
    assert!(
        m["errors"].as_array().is_none_or(|e| e.is_empty()),
        "manifest errors: {}",
        m["errors"]
    );
    let text = m["data"]
        .as_str()
        .unwrap_or_else(|| panic!("Page.getAppManifest returned no data: {m}"));
    let manifest: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("manifest is not JSON ({e}): {text}"));
    assert_eq!(manifest["name"], "Followup");
    assert_eq!(manifest["display"], "standalone");
    for key in ["start_url", "scope"] {
        let v = manifest[key].as_str().unwrap_or("");
        assert!(
            !v.starts_with('/') && !v.contains("://"),
            "manifest {key} should be relative, it is {v:?}"
        );
    }
    let icons = manifest["icons"]
        .as_array()
        .unwrap_or_else(|| panic!("manifest has no icons: {manifest}"));
    let has = |pred: &dyn Fn(&Value) -> bool| icons.iter().any(pred);
    let purposes = |i: &Value| {
        i["purpose"]
            .as_str()
            .unwrap_or("any")
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert!(
        has(&|i| i["sizes"] == "192x192" && i["type"] == "image/png"),
        "no 192x192 PNG icon: {icons:?}"
    );
    assert!(
        has(&|i| i["sizes"] == "512x512" && i["type"] == "image/png"),
        "no 512x512 PNG icon: {icons:?}"
    );
    assert!(
        has(&|i| purposes(i).iter().any(|p| p == "maskable")),
        "no maskable icon: {icons:?}"
    );
    assert!(
        has(&|i| i["type"] == "image/svg+xml"),
        "no SVG icon: {icons:?}"
    );

    // Each icon loads, with an image Content-Type.
    let srcs: Vec<String> = icons
        .iter()
        .filter_map(|i| i["src"].as_str().map(str::to_string))
        .collect();
    let checked = b
        .js_async(&format!(
            r#"Promise.all({srcs:?}.map(src => fetch(new URL(src, {url:?}), {{cache: 'no-store'}})
                 .then(r => [src, r.status, r.headers.get('content-type')])))
               .then(done, e => done('error: ' + e));"#
        ))
        .await;
    for row in checked
        .as_array()
        .unwrap_or_else(|| panic!("fetching icons failed: {checked}"))
    {
        assert_eq!(row[1], 200, "icon {} did not load: {row}", row[0]);
        assert!(
            row[2].as_str().unwrap_or("").starts_with("image/"),
            "icon {} has Content-Type {}",
            row[0],
            row[2]
        );
    }
    f.finish("at the end").await;
}

// ---------------------------------------------------------------- 6

/// Serving a newer build over the old one shows "Update available"; its Reload button
/// brings the new version.
#[tokio::test]
async fn new_build_shows_update_bar_and_reload_brings_it() {
    let dist_a = dist_dir();
    let index_a = std::fs::read_to_string(dist_a.join("index.html")).unwrap();
    let old = build_meta(&index_a).unwrap_or_else(|| {
        panic!(
            "{} has no <meta name=\"followup-build\" content=...>",
            dist_a.join("index.html").display()
        )
    });
    let new = format!("{old}-e2e-next");

    // Build B: the same files, a different build stamp, the worker regenerated.
    let tmp = tempfile::Builder::new()
        .prefix("followup-dist-b-")
        .tempdir()
        .unwrap();
    let dist_b = tmp.path().join("dist");
    copy_dir(&dist_a, &dist_b).unwrap();
    let index_b = index_a.replacen(
        &format!("content=\"{old}\""),
        &format!("content=\"{new}\""),
        1,
    );
    assert_ne!(
        index_a, index_b,
        "could not rewrite the followup-build meta in index.html"
    );
    std::fs::write(dist_b.join("index.html"), &index_b).unwrap();
    let _version = xtask::finish_dist(&dist_b)
        .unwrap_or_else(|e| panic!("xtask::finish_dist({}) failed: {e}", dist_b.display()));
    let sw_a = std::fs::read_to_string(dist_a.join("sw.js")).unwrap();
    let sw_b = std::fs::read_to_string(dist_b.join("sw.js")).unwrap();
    assert_ne!(sw_a, sw_b, "finish_dist did not change sw.js although index.html changed: the browser would see no update");
    assert_eq!(
        build_meta(&std::fs::read_to_string(dist_b.join("404.html")).unwrap()).as_deref(),
        Some(new.as_str()),
        "404.html of B"
    );

    let server = StaticServer::start(&dist_a, PREFIX);
    let b = Browser::launch().await;
    b.goto(&server.url("")).await;
    b.wait_page("agenda").await;
    b.wait_sw_control().await;
    let meta_js = "const m = document.querySelector('meta[name=\"followup-build\"]'); return m ? m.content : null;";
    assert_eq!(
        b.js(meta_js).await,
        json!(old),
        "build meta of A in the page"
    );
    assert!(
        !bar_visible(&b).await,
        "#update-bar shown before any update\n{}",
        b.describe().await
    );
    b.assert_no_console_errors("loading build A").await;

    // Deploy B in place, and let the page look for it.
    server.set_root(&dist_b);
    b.js("window.__e2eBeforeUpdate = true; return true;").await;
    let r = b
        .js_async(
            r#"navigator.serviceWorker.getRegistration()
                 .then(r => r ? r.update().then(() => true) : 'no registration')
                 .then(done, e => done('error: ' + e));"#,
        )
        .await;
    assert_eq!(r, json!(true), "registration.update() did not succeed");
    b.wait_js(
        "#update-bar (with #update-reload) to be shown",
        Duration::from_secs(15),
        r#"const bar = document.querySelector('#update-bar');
           if (!bar || !bar.querySelector('#update-reload')) return false;
           const r = bar.getBoundingClientRect();
           return r.width > 0 && r.height > 0 && getComputedStyle(bar).visibility !== 'hidden';"#,
    )
    .await;
    assert_eq!(
        b.js("return window.__e2eBeforeUpdate || null;").await,
        json!(true),
        "the page reloaded by itself before Reload was clicked"
    );
    assert_eq!(
        b.js(meta_js).await,
        json!(old),
        "still build A until Reload"
    );
    b.assert_no_console_errors("while the update installed")
        .await;

    b.click("#update-reload").await;
    b.wait_js(
        &format!("a reload into the new build (meta followup-build = {new:?})"),
        Duration::from_secs(15),
        &format!(
            "const m = document.querySelector('meta[name=\"followup-build\"]'); \
             return !window.__e2eBeforeUpdate && !!m && m.content === {new:?};"
        ),
    )
    .await;
    b.wait_page("agenda").await;
    let state = b
        .js_async(
            r#"navigator.serviceWorker.getRegistration().then(r => done({
                  waiting: !!(r && r.waiting),
                  active: r && r.active ? r.active.state : null,
                  controlled: !!navigator.serviceWorker.controller,
               }), e => done('error: ' + e));"#,
        )
        .await;
    assert_eq!(
        state,
        json!({"waiting": false, "active": "activated", "controlled": true}),
        "worker state after the update"
    );
    // Give the app a moment: the bar must not come back for the version now running.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        !bar_visible(&b).await,
        "#update-bar still shown after updating\n{}",
        b.describe().await
    );
    b.assert_no_console_errors("after the update").await;

    // The new worker's cache holds every chunk of B: the lazy pages open with the server
    // stopped, in the page that just updated.
    let mut server = server;
    server.stop();
    open_lazy_pages(&b, None).await;
    b.assert_no_console_errors_except(
        "opening the lazy pages offline after the update",
        caused_by_stopped_server,
    )
    .await;
    b.close().await;
    drop(server);
}

async fn bar_visible(b: &Browser) -> bool {
    b.js(r#"const bar = document.querySelector('#update-bar');
            if (!bar) return false;
            const r = bar.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(bar).visibility !== 'hidden';"#)
        .await
        == json!(true)
}

// ---------------------------------------------------------------- 7

/// Phone-size screenshots of every page, for people to look at:
/// `target/screenshots/{agenda,contacts,add,contact,settings}.png`.
#[tokio::test]
async fn screenshots_at_phone_size() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    assert_viewport(b).await;
    b.wait_sw_control().await;
    for (name, company, hook) in [
        (
            "Katherine Johnson",
            "NASA Langley",
            "Orbital mechanics by hand; wants a follow-up about internships",
        ),
        (
            "Alan Turing",
            "Bletchley Park",
            "Asked about the imitation game",
        ),
    ] {
        add_contact(
            b,
            &Person {
                name,
                company,
                hook,
                ..Person::default()
            },
        )
        .await;
    }

    let shots = [
        ("contact", None),
        ("agenda", Some("#nav-agenda")),
        ("contacts", Some("#nav-contacts")),
        ("add", Some("#nav-add")),
        ("settings", Some("#nav-settings")),
    ];
    for (page, link) in shots {
        if let Some(link) = link {
            b.click(link).await;
        }
        b.wait_page(page).await;
        shoot(b, &format!("{page}.png"), true).await;
    }
    f.finish("while taking screenshots").await;
}
