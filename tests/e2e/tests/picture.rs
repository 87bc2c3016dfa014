//! The agenda's picture (issue 22): with a book stored, `index.html`'s shell paints the
//! agenda as the app last drew it for today, before the wasm, and the app's first frame is
//! the very same markup (no layout shift). A picture is never shown when it is not true:
//! another day, another tab's change, an import, a reset, a save cut short, another screen,
//! another build.
//!
//! Each load is watched by a script that runs before the page's own: it records whether
//! the picture was painted before the wasm started, the app's `<main>` the moment it
//! replaces the shell, and the layout shifts.

use followup_e2e::ui::{
    add_contact, capture_met_days_ago, install_clock, open_home, pick_import_file, set_clock, tab,
    wait_gone, Person,
};
use followup_e2e::{write_file, Browser, Fixture, UI};
use serde_json::Value;

/// Watches each load (see the module header): `window.__picture` gets
/// `{painted, before_wasm, app_main, shifts}`.
const WATCH: &str = r#"(() => {
    const seen = window.__picture = { painted: null, before_wasm: null, app_main: null, shifts: 0 };
    new PerformanceObserver(list => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) seen.shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        seen.painted = typeof window.followupPicture === 'string'
            && !!document.querySelector('#shell main#main[data-page="agenda"]');
        seen.before_wasm = performance.getEntriesByName('followup:start').length === 0;
    });
    new MutationObserver((records, observer) => {
        const app = document.getElementById('app');
        if (app && app.isConnected && !document.getElementById('shell')) {
            const main = document.getElementById('main');
            seen.app_main = main ? main.outerHTML : '';
            observer.disconnect();
        }
    }).observe(document, { childList: true, subtree: true });
})();"#;

/// What the watch saw in this load, once the app has replaced the shell.
async fn watched(b: &Browser) -> Value {
    b.wait_js(
        "the app to replace the shell",
        UI,
        "return !!(window.__picture && window.__picture.app_main !== null);",
    )
    .await;
    // A little longer, for a late layout shift.
    b.js_async("setTimeout(() => done(true), 300);").await;
    b.js("return Object.assign({}, window.__picture, { picture: window.followupPicture ?? null });")
        .await
}

/// Reloads the agenda and checks what the shell painted: when `expected` the picture was
/// painted before the wasm started and the app's first `<main>` is exactly it, with no
/// layout shift; otherwise nothing was painted. Returns the live agenda's text.
async fn reload_and_check(b: &Browser, expected: bool, why: &str) -> String {
    b.refresh().await;
    b.wait_page("agenda").await;
    let seen = watched(b).await;
    assert_eq!(seen["painted"], Value::Bool(expected), "{why}: {seen:#}");
    if expected {
        assert_eq!(seen["before_wasm"], Value::Bool(true), "{why}: {seen:#}");
        assert_eq!(
            seen["picture"], seen["app_main"],
            "{why}: the app's first frame is the picture"
        );
        assert_eq!(seen["shifts"].as_f64(), Some(0.0), "{why}: no layout shift");
    } else {
        assert_eq!(seen["picture"], Value::Null, "{why}: {seen:#}");
    }
    b.js("return document.getElementById('main').textContent;")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Waits for the app to keep a picture of `days` days (today, and the next day).
async fn wait_kept(b: &Browser, days: usize) {
    b.wait_js(
        &format!("a picture of {days} day(s) to be kept"),
        UI,
        &format!(
            "const p = JSON.parse(localStorage.getItem('followup.picture') || 'null'); \
             return !!p && Object.keys(p.days).length === {days};"
        ),
    )
    .await;
}

/// The page is hidden, as when the student leaves the app, then shown again: the app
/// draws the next day's agenda for the picture then.
async fn leave_and_come_back(b: &Browser) {
    b.js("Object.defineProperty(document, 'hidden', { configurable: true, get: () => true }); \
          document.dispatchEvent(new Event('visibilitychange')); delete document.hidden; return true;")
        .await;
}

async fn watch(b: &Browser) {
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": WATCH }),
    )
    .await;
}

#[tokio::test]
async fn the_picture_of_the_agenda_is_painted_first_and_only_while_true() {
    let f = Fixture::new().await;
    let b = &f.browser;
    install_clock(b).await;
    watch(b).await;
    open_home(&f).await;
    capture_met_days_ago(b, "Pia Picture", 2).await;
    capture_met_days_ago(b, "Quinn Quick", 0).await;
    tab(b, "agenda", "agenda").await;
    wait_kept(b, 1).await;
    let text = reload_and_check(b, true, "the same day, the same book").await;
    assert!(
        text.contains("Pia Picture") && text.contains("Quinn Quick"),
        "{text}"
    );

    // Another screen: never the agenda's picture.
    b.goto(&f.url("contacts")).await;
    b.wait_page("contacts").await;
    assert_eq!(
        b.js("return window.followupPicture ?? null;").await,
        Value::Null
    );
    tab(b, "agenda", "agenda").await;

    // Leaving the app draws the next day's agenda, off the page.
    leave_and_come_back(b).await;
    wait_kept(b, 2).await;
    set_clock(b, 86_400_000).await;
    reload_and_check(b, true, "the next day, drawn the day before").await;
    // Three days on, no picture is of that day.
    set_clock(b, 4 * 86_400_000).await;
    reload_and_check(b, false, "a day the picture does not have").await;
    wait_kept(b, 1).await;

    // A save cut short (or an older picture): its revision is not the book's.
    b.js(
        "const p = JSON.parse(localStorage.getItem('followup.picture')); p.rev = 'older'; \
          localStorage.setItem('followup.picture', JSON.stringify(p)); return true;",
    )
    .await;
    reload_and_check(b, false, "a picture of another revision").await;
    wait_kept(b, 1).await;
    reload_and_check(b, true, "kept again").await;

    // A picture drawn by another build (the one before an update) is not this build's.
    b.js("const p = JSON.parse(localStorage.getItem('followup.picture')); p.build = '/followup/followup-0.js'; \
          localStorage.setItem('followup.picture', JSON.stringify(p)); return true;")
        .await;
    reload_and_check(b, false, "a picture of another build").await;
    wait_kept(b, 1).await;
    reload_and_check(b, true, "kept by this build").await;
    f.finish("the agenda's picture").await;
}

#[tokio::test]
async fn another_tab_an_import_or_a_reset_leaves_no_stale_picture() {
    let f = Fixture::new().await;
    let b = &f.browser;
    watch(b).await;
    open_home(&f).await;
    capture_met_days_ago(b, "Ravi Reload", 1).await;
    tab(b, "agenda", "agenda").await;
    wait_kept(b, 1).await;

    // Another tab adds a contact while this one shows the agenda: this one merges it, but
    // keeps no picture of a book it did not save.
    let first = b.client.window().await.expect("current window");
    let second = b.client.new_window(false).await.expect("a second window");
    b.client
        .switch_to_window(second.handle.clone())
        .await
        .expect("switch");
    b.goto(&f.url("")).await;
    b.wait_page("agenda").await;
    add_contact(b, &Person::named("Sol Second")).await;
    b.client
        .close_window()
        .await
        .expect("close the second window");
    b.client.switch_to_window(first).await.expect("switch back");
    b.wait_text("main#main", "Sol Second").await;
    let text = reload_and_check(b, false, "after another tab's change").await;
    assert!(text.contains("Sol Second"), "{text}");
    wait_kept(b, 1).await;

    // An import from Settings.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = write_file(
        dir.path(),
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Tia,Imported,https://www.linkedin.com/in/tia-imported,tia@example.com,Figma,Engineer,01 Dec 2026\n",
    );
    tab(b, "settings", "settings").await;
    pick_import_file(b, &file).await;
    b.wait_text(".data-summary", "Connections.csv: 1 new").await;
    b.click(".data-confirm").await;
    b.wait_text(".data-done", "Imported").await;
    assert_eq!(
        b.js("return localStorage.getItem('followup.picture');")
            .await,
        Value::Null,
        "an import removes the picture"
    );
    tab(b, "agenda", "agenda").await;
    wait_kept(b, 1).await;
    reload_and_check(b, true, "the agenda drawn since the import").await;

    // Data this version cannot read (a newer version's save sets a new revision too),
    // then "Start fresh": no picture of the old book is painted at any point.
    b.js("localStorage.setItem('followup.meta', '{broken'); \
          localStorage.setItem('followup.rev', 'newer'); return true;")
        .await;
    b.refresh().await;
    b.wait_page("agenda").await;
    b.wait_css("#unreadable-banner", UI).await;
    assert_eq!(
        b.js("return window.followupPicture ?? null;").await,
        Value::Null
    );
    b.click("#unreadable-start-fresh").await;
    wait_gone(b, "#unreadable-banner").await;
    reload_and_check(b, false, "after starting fresh").await;
    f.finish("no stale picture").await;
}
