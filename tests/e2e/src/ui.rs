//! Driving the app as a student would: the helpers every end-to-end test shares, defined
//! once (open the agenda, find and tap things by their text, wait for the page to settle,
//! capture a person, read values back). Tests import what they need from here; a helper
//! used by one area only stays in that area's file.

use std::fmt::Debug;
use std::future::Future;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::Value;

use crate::{js_str, screenshots_dir, Browser, ConsoleEntry, Fixture, PREFIX, UI, VIEWPORT};

// ---------------------------------------------------------------- pages

/// Loads the app at `/followup/` and waits for the agenda.
pub async fn open_home(f: &Fixture) {
    f.browser.goto(&f.url("")).await;
    f.browser.wait_page("agenda").await;
}

/// Goes to a tab through the tab bar (`nav` is the tab's id suffix: `add`, `settings`…).
pub async fn tab(b: &Browser, nav: &str, page: &str) {
    b.click(&format!("#nav-{nav}")).await;
    b.wait_page(page).await;
}

/// Chrome reports the main document's 404 status when a deep link is first loaded from the
/// server: that is GitHub Pages answering with `404.html`, which the design relies on.
pub fn deep_link_404(url: String) -> impl Fn(&ConsoleEntry) -> bool {
    let expected =
        format!("{url} - Failed to load resource: the server responded with a status of 404");
    move |e: &ConsoleEntry| e.source == "network" && e.message.starts_with(&expected)
}

/// Console errors that a stopped server explains: failed loads and the worker's failed
/// update check of `sw.js` (the page itself is answered by the service worker).
pub fn caused_by_stopped_server(e: &ConsoleEntry) -> bool {
    let m = &e.message;
    m.contains("net::ERR_CONNECTION_REFUSED")
        || m.contains("Failed to fetch")
        || (m.contains("ServiceWorker")
            && (m.contains("fetching the script") || m.contains("Failed to update")))
}

/// Emulates a device in dark mode (`prefers-color-scheme: dark`), or stops doing so.
pub async fn dark(b: &Browser, on: bool) {
    let features = if on {
        serde_json::json!([{ "name": "prefers-color-scheme", "value": "dark" }])
    } else {
        serde_json::json!([])
    };
    b.cdp(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "features": features }),
    )
    .await;
}

/// Waits for the fonts and two frames, so a screenshot or an audit sees the settled page.
pub async fn settle(b: &Browser) {
    b.js_async(
        "document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));",
    )
    .await;
}

/// Saves a 390×844 screenshot of the top of the page as `target/screenshots/<name>`.
/// Unless `keep_focus`, first taps the (inert) page heading, as a person glancing at the
/// screen would, so the tap highlight of the tab just tapped and focus rings are not in it.
pub async fn shoot(b: &Browser, name: &str, keep_focus: bool) {
    b.js("window.scrollTo(0, 0); return true;").await;
    if !keep_focus {
        let h1 = b
            .client
            .find(Locator::Css("main#main h1"))
            .await
            .unwrap_or_else(|e| panic!("e2e: no main#main h1 to tap before {name}: {e}"));
        h1.click()
            .await
            .unwrap_or_else(|e| panic!("e2e: tapping the heading before {name}: {e}"));
        b.js("window.scrollTo(0, 0); return true;").await;
    }
    settle(b).await;
    let path = screenshots_dir().join(name);
    let size = b.screenshot(&path).await;
    assert_eq!(
        size,
        VIEWPORT,
        "{} should be {}x{} px",
        path.display(),
        VIEWPORT.0,
        VIEWPORT.1
    );
    eprintln!("screenshot: {}", path.display());
}

// ---------------------------------------------------------------- finding and tapping

/// Tags the element returned by the JS function body `find` with a unique attribute and
/// returns a CSS selector for it, waiting (up to [`UI`]) for it to exist. Lets the harness's
/// `click` (scroll to centre, then a real WebDriver click) reach elements found by text.
pub async fn pin(b: &Browser, what: &str, find: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    let js = format!(
        "const el = (() => {{ {find} }})(); if (!el) return false; \
         el.setAttribute('data-e2e-pin', '{n}'); return true;"
    );
    b.wait_js(what, UI, &js).await;
    format!("[data-e2e-pin=\"{n}\"]")
}

/// JS body finding the first rendered `button`/`a`/`summary`/`label` under `scope` (a CSS
/// selector, or "" for the document) whose text matches `text`: its trimmed text starts
/// with it, or (with `anywhere`) contains it.
fn text_js(scope: &str, text: &str, anywhere: bool) -> String {
    let test = if anywhere {
        "e.textContent.includes(text)"
    } else {
        "e.textContent.trim().startsWith(text)"
    };
    format!(
        "const text = {text}; const root = {scope} ? document.querySelector({scope}) : document; \
         if (!root) return null; \
         return Array.from(root.querySelectorAll('button, a, summary, label')).find(e => \
             {test} && e.getClientRects().length > 0) || null;",
        scope = js_str(scope),
        text = js_str(text),
    )
}

/// JS body finding the first rendered control under `scope` whose trimmed text starts with
/// `text` (see [`click_text`]), for [`pin`].
pub fn by_text_js(scope: &str, text: &str) -> String {
    text_js(scope, text, false)
}

async fn click_matching(b: &Browser, scope: &str, text: &str, anywhere: bool) {
    let what = if scope.is_empty() {
        format!("a button or link reading {text:?}")
    } else {
        format!("a button or link reading {text:?} inside {scope:?}")
    };
    let css = pin(b, &what, &text_js(scope, text, anywhere)).await;
    b.click(&css).await;
}

/// Clicks the button, link, summary or label under `scope` ("" for the whole page) whose
/// text starts with `text`.
pub async fn click_text(b: &Browser, scope: &str, text: &str) {
    click_matching(b, scope, text, false).await;
}

/// Clicks the button, link, summary or label under `scope` whose text contains `text`
/// anywhere (for labels that start with an icon, such as "+ New event").
pub async fn click_containing(b: &Browser, scope: &str, text: &str) {
    click_matching(b, scope, text, true).await;
}

/// Waits until no element matches `css`.
pub async fn wait_gone(b: &Browser, css: &str) {
    b.wait_js(
        &format!("no element matching {css:?}"),
        UI,
        &format!("return !document.querySelector({});", js_str(css)),
    )
    .await;
}

/// Polls `read` until `ok` holds (up to [`UI`]); panics with the last value read.
pub async fn wait_for<T, F, Fut>(what: &str, mut read: F, ok: impl Fn(&T) -> bool) -> T
where
    T: Debug,
    F: FnMut() -> Fut,
    Fut: Future<Output = T>,
{
    let start = Instant::now();
    loop {
        let v = read().await;
        if ok(&v) {
            return v;
        }
        if start.elapsed() > UI {
            panic!("e2e: timed out waiting for {what}; last seen: {v:#?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for the page's `<h1>` to read `expected`.
pub async fn wait_h1(b: &Browser, expected: &str) {
    b.wait_js(
        &format!("the <h1> to read {expected:?}"),
        UI,
        &format!(
            "const h = document.querySelector('h1'); return !!h && h.textContent.trim() === {};",
            js_str(expected)
        ),
    )
    .await;
}

// ---------------------------------------------------------------- fields

/// The element `css` finds, once it is in the page.
async fn element(b: &Browser, css: &str) -> fantoccini::elements::Element {
    b.wait_css(css, UI).await;
    b.client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("e2e: find {css}: {e}"))
}

/// Types `text` at the end of what the field holds (no clearing).
pub async fn append_into(b: &Browser, css: &str, text: &str) {
    let el = element(b, css).await;
    // Put the caret at the end first, as a person tapping after the text would.
    b.js(&format!(
        "const e = document.querySelector({css}); e.scrollIntoView({{block: 'center'}}); e.focus(); \
         e.setSelectionRange(e.value.length, e.value.length); return true;",
        css = js_str(css)
    ))
    .await;
    el.send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("e2e: typing into {css} failed: {e}"));
}

/// Picks an `<option>` of a `<select>` by its value, through WebDriver.
pub async fn select_value(b: &Browser, css: &str, value: &str) {
    let el = element(b, css).await;
    el.select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("e2e: choosing {value:?} in {css} failed: {e}"));
}

/// `.value` of the element matching `css` (panics if absent).
pub async fn value(b: &Browser, css: &str) -> String {
    let v = b
        .js(&format!(
            "const e = document.querySelector({}); return e ? e.value : null;",
            js_str(css)
        ))
        .await;
    match v.as_str() {
        Some(s) => s.to_string(),
        None => panic!(
            "no element {css} to read a value from\n{}",
            b.describe().await
        ),
    }
}

/// Trimmed `textContent` of the element matching `css`, or None if absent.
pub async fn text(b: &Browser, css: &str) -> Option<String> {
    b.js(&format!(
        "const e = document.querySelector({}); return e ? e.textContent.trim() : null;",
        js_str(css)
    ))
    .await
    .as_str()
    .map(str::to_string)
}

/// An attribute of the element matching `css`.
pub async fn attr(b: &Browser, css: &str, name: &str) -> Option<String> {
    b.js(&format!(
        "const e = document.querySelector({}); return e ? e.getAttribute({}) : null;",
        js_str(css),
        js_str(name)
    ))
    .await
    .as_str()
    .map(str::to_string)
}

/// Fills localStorage under `followup.test.filler.*` until the browser refuses a value
/// of `smallest` characters; returns how many characters were stored.
pub async fn fill_storage(b: &Browser, smallest: usize) -> u64 {
    b.js(&format!(
        "let n = 0, i = 0; for (let size = 1 << 20; size >= {smallest}; ) {{ \
           try {{ localStorage.setItem('followup.test.filler.' + i++, 'x'.repeat(size)); n += size; }} \
           catch (e) {{ size = size >> 1; }} }} return n;"
    ))
    .await
    .as_u64()
    .unwrap_or(0)
}

/// Picks `path` in Settings' import file input, as the file chooser would.
pub async fn pick_import_file(b: &Browser, path: &Path) {
    b.pick_file("#data-import-file", path).await;
}

/// Opens capture (the Add tab) and starts a new event named `name` from its event bar, so
/// the next captures are filed under it.
pub async fn capture_at_new_event(b: &Browser, name: &str) {
    tab(b, "add", "add").await;
    b.click("#change-event").await;
    b.type_into("#new-event-name", name).await;
    b.click("#create-event").await;
    wait_gone(b, "#new-event-name").await;
    b.wait_text(".event-bar .event-name", name).await;
}

/// Sets the "Date you met" of the capture form to `days_ago` days before today (local
/// time). Seeding only: a date input's typing format depends on the locale, so this sets
/// the value and fires `input`, as the browser's date picker does.
pub async fn set_met_days_ago(b: &Browser, days_ago: u32) {
    // "More details" stays open between captures: open it only if it is closed.
    let open = b
        .js("return !!document.querySelector('.capture details.more[open]');")
        .await;
    if open != Value::Bool(true) {
        b.click(".capture details.more > summary").await;
    }
    b.wait_css(".capture details.more[open] #met-on", UI).await;
    b.js(&format!(
        "const d = new Date(); d.setDate(d.getDate() - {days_ago}); \
         const iso = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); \
         const e = document.querySelector('#met-on'); e.value = iso; \
         e.dispatchEvent(new Event('input', {{bubbles: true}})); return iso;"
    ))
    .await;
}

/// Captures a person with only a name, met `days_ago` days ago, and waits for their page.
pub async fn capture_met_days_ago(b: &Browser, name: &str, days_ago: u32) {
    tab(b, "add", "add").await;
    b.type_into("#name", name).await;
    b.set_date_days_ago("#met-on", days_ago).await;
    b.click("#save").await;
    b.wait_page("contact").await;
}

// ---------------------------------------------------------------- people

/// One contact as typed into the capture / add form. Empty fields are left untouched.
#[derive(Clone, Debug, Default)]
pub struct Person {
    pub name: &'static str,
    /// The label of the kind button: "Engineer", "Recruiter" or "Other" ("" leaves the
    /// form's choice).
    pub kind: &'static str,
    pub company: &'static str,
    pub hook: &'static str,
    pub email: &'static str,
    pub linkedin: &'static str,
    pub really_want: bool,
}

impl Person {
    /// A person with only a name (and whatever `rest` sets).
    pub fn named(name: &'static str) -> Person {
        Person {
            name,
            ..Person::default()
        }
    }

    pub fn first_name(&self) -> &'static str {
        self.name.split_whitespace().next().unwrap_or(self.name)
    }
}

/// Fills the capture form (which must be on screen) with `p`.
pub async fn fill_person(b: &Browser, p: &Person) {
    b.type_into("#name", p.name).await;
    if !p.kind.is_empty() {
        click_text(b, "fieldset.segmented", p.kind).await;
        b.wait_js(
            &format!("the {:?} kind to be selected", p.kind),
            UI,
            &format!(
                "return Array.from(document.querySelectorAll('fieldset.segmented label')).some(l => \
                   l.textContent.trim() === {} && l.querySelector('input').checked);",
                js_str(p.kind)
            ),
        )
        .await;
    }
    for (css, v) in [
        ("#company", p.company),
        ("#hook", p.hook),
        ("#email", p.email),
        ("#linkedin", p.linkedin),
    ] {
        if !v.is_empty() {
            b.type_into(css, v).await;
        }
    }
    if p.really_want {
        b.click("#really-want").await;
    }
}

/// Adds a contact through the bottom nav's Add tab and "Save and open"; returns its id
/// (from `/followup/contacts/<id>`), leaving the browser on the contact page.
pub async fn add_contact(b: &Browser, p: &Person) -> String {
    b.click("#nav-add").await;
    b.wait_page("add").await;
    fill_person(b, p).await;
    b.click("#save").await;
    b.wait_page("contact").await;
    wait_h1(b, p.name).await;
    contact_id_from_url(b).await
}

/// The id in a contact page's URL, `/followup/contacts/<id>`.
pub async fn contact_id_from_url(b: &Browser) -> String {
    let path = b.path().await;
    let id = path
        .strip_prefix(&format!("{PREFIX}contacts/"))
        .unwrap_or_else(|| {
            panic!("a contact page's URL should be {PREFIX}contacts/<id>, it is {path}")
        })
        .trim_end_matches('/')
        .to_string();
    assert!(
        !id.is_empty() && !id.contains('/'),
        "contact id taken from {path} looks wrong: {id:?}"
    );
    id
}

/// The strings of a JSON array a page script returned (non-strings read as "", anything
/// else as no strings).
pub trait Strings {
    fn strings(&self) -> Vec<String>;
}

impl Strings for Value {
    fn strings(&self) -> Vec<String> {
        self.as_array()
            .map(|a| {
                a.iter()
                    .map(|s| s.as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }
}

// ---------------------------------------------------------------- the clock

/// Makes the page's clock movable: from the next load on, `Date` (and so the app's
/// today, its timestamps and its midnight timer) runs `sessionStorage['e2e.clock.offset']`
/// milliseconds ahead of the real clock. Call before the first `goto`.
pub async fn install_clock(b: &Browser) {
    const SOURCE: &str = r#"(() => {
        const Real = Date;
        window.__e2eOffset = Number(sessionStorage.getItem('e2e.clock.offset') || '0');
        function FakeDate(...args) {
            if (!new.target) return new Real(Real.now() + window.__e2eOffset).toString();
            return args.length === 0 ? new Real(Real.now() + window.__e2eOffset) : new Real(...args);
        }
        FakeDate.prototype = Real.prototype;
        FakeDate.now = () => Real.now() + window.__e2eOffset;
        FakeDate.UTC = Real.UTC;
        FakeDate.parse = Real.parse;
        window.Date = FakeDate;
    })();"#;
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": SOURCE }),
    )
    .await;
}

/// Moves the page's clock (see [`install_clock`]) to `offset_ms` ahead of the real one,
/// now and for later loads. The open page notices at its next read of the clock.
pub async fn set_clock(b: &Browser, offset_ms: i64) {
    b.js(&format!(
        "sessionStorage.setItem('e2e.clock.offset', '{offset_ms}'); window.__e2eOffset = {offset_ms}; return true;"
    ))
    .await;
}

/// The offset that puts the page's clock `days` days ahead, at `seconds_before_midnight`
/// before the local midnight that ends that day (or at the same time of day when `None`).
pub async fn offset_for(b: &Browser, days: i64, seconds_before_midnight: Option<i64>) -> i64 {
    let js = match seconds_before_midnight {
        None => format!("return {days} * 86400000;"),
        Some(s) => format!(
            "const real = Date.now() - (window.__e2eOffset || 0); \
             const t = new Date(real); t.setDate(t.getDate() + {days}); t.setHours(24, 0, 0, 0); \
             return t.getTime() - {s} * 1000 - real;"
        ),
    };
    b.js(&js).await.as_i64().expect("an offset in ms")
}

/// Brings the page back to the foreground, as unlocking a phone does: fires
/// `visibilitychange` (the page stays visible in headless Chromium).
pub async fn page_shown_again(b: &Browser) {
    b.js("document.dispatchEvent(new Event('visibilitychange')); return true;")
        .await;
}

// ---------------------------------------------------------------- downloads

/// Taps "Backup (JSON)" in Settings (which must be open) and returns the downloaded
/// file's name and text, once Chromium has finished writing it into `dir`.
pub async fn download_backup(b: &Browser, dir: &Path) -> (String, String) {
    allow_downloads(b, dir).await;
    b.click("#data-export-json").await;
    // The export's own status line (Settings has others: the resume's, an import's).
    b.wait_text(
        "[aria-labelledby=data-export-title] .data-status",
        "Saved followup-",
    )
    .await;
    wait_download(dir, ".json", "}").await
}

/// Waits for a complete file named `followup-….<extension>` (its text ends with
/// `ends_with`) in `dir` and returns its name and text.
pub async fn wait_download(dir: &Path, extension: &str, ends_with: &str) -> (String, String) {
    let (name, bytes) = wait_file(dir, "followup-", extension, ends_with).await;
    (name, String::from_utf8_lossy(&bytes).into_owned())
}

/// Waits for a complete file named `<starts_with>….<extension>` (its text, trimmed, ends
/// with `ends_with`) in `dir` and returns its name and bytes.
pub async fn wait_file(
    dir: &Path,
    starts_with: &str,
    extension: &str,
    ends_with: &str,
) -> (String, Vec<u8>) {
    let start = Instant::now();
    loop {
        let found = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .find(|n| n.starts_with(starts_with) && n.ends_with(extension));
        if let Some(name) = found {
            let bytes = std::fs::read(dir.join(&name)).unwrap_or_default();
            if String::from_utf8_lossy(&bytes)
                .trim_end()
                .ends_with(ends_with)
            {
                return (name, bytes);
            }
        }
        if start.elapsed() > Duration::from_secs(10) {
            panic!("e2e: no {starts_with}*{extension} in the download dir {dir:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Lets Chromium save downloads into `dir`.
pub async fn allow_downloads(b: &Browser, dir: &Path) {
    b.cdp(
        "Browser.setDownloadBehavior",
        serde_json::json!({ "behavior": "allow", "downloadPath": dir.display().to_string() }),
    )
    .await;
}
