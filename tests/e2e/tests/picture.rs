//! The agenda's picture (issue 22): with a book stored, `index.html`'s shell paints the
//! agenda as the app last drew it for today, before the wasm, and the app's first frame is
//! the very same markup (no layout shift). A picture is never shown when it is not true:
//! another day, another tab's change, an import, a reset, a save cut short, another screen,
//! another build. It works offline and through an update.
//!
//! Each load is watched by a script that runs before the page's own: it records whether
//! the picture was painted before the wasm started, the app's `<main>` the moment it
//! replaces the shell, and the layout shifts.

use std::path::Path;

use followup_e2e::ui::{
    add_contact, capture_met_days_ago, caused_by_stopped_server, download_backup, install_clock,
    open_home, pick_import_file, set_clock, tab, wait_gone, Person,
};
use followup_e2e::{build_meta, copy_dir, dist_dir, write_file, Browser, Fixture, UI};
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

/// Imports `file` from Settings (open) once its preview says `summary`: the save removes
/// the picture; the agenda drawn since keeps a new one, painted by the next start.
/// Returns the live agenda's text.
async fn import_then_reload(b: &Browser, file: &Path, summary: &str, what: &str) -> String {
    pick_import_file(b, file).await;
    b.wait_text(".data-summary", summary).await;
    b.click(".data-confirm").await;
    b.wait_text(".data-done", "Imported").await;
    assert_eq!(
        b.js("return localStorage.getItem('followup.picture');")
            .await,
        Value::Null,
        "{what} removes the picture"
    );
    tab(b, "agenda", "agenda").await;
    wait_kept(b, 1).await;
    reload_and_check(b, true, &format!("the agenda drawn since {what}")).await
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
    import_then_reload(b, &file, "Connections.csv: 1 new", "an import").await;

    // A backup restored over the book: one contact renamed since the backup was made.
    let (_, backup) = {
        tab(b, "settings", "settings").await;
        download_backup(b, dir.path()).await
    };
    let mut document: Value = serde_json::from_str(&backup).expect("the backup is JSON");
    let ravi = document["contacts"]
        .as_array_mut()
        .and_then(|contacts| contacts.iter_mut().find(|c| c["name"] == "Ravi Reload"))
        .expect("Ravi is in the backup");
    ravi["name"] = Value::from("Ravi Restored");
    let later = ravi["updated_at"].as_i64().expect("updated_at") + 1_000;
    ravi["updated_at"] = Value::from(later);
    let file = write_file(
        dir.path(),
        "restore.json",
        &serde_json::to_string(&document).expect("JSON"),
    );
    let text = import_then_reload(b, &file, "restore.json: 0 new, 1 updated", "a restore").await;
    assert!(text.contains("Ravi Restored"), "{text}");

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

/// A copy of the build in `dist` as the next deploy would be: its loader
/// (`followup-<hash>.js`, the `build` a picture is kept for) under another name, a new
/// build stamp, and the service worker made again for these files.
fn next_build(dist: &Path, to: &Path) {
    copy_dir(dist, to).expect("copy the build");
    let loader = std::fs::read_dir(to)
        .expect("the build's files")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| n.starts_with("followup-") && n.ends_with(".js"))
        .expect("the build's loader");
    let next = loader.replace(".js", "-next.js");
    std::fs::rename(to.join(&loader), to.join(&next)).expect("rename the loader");
    let index = std::fs::read_to_string(to.join("index.html")).expect("index.html");
    let stamp = build_meta(&index).expect("the build stamp");
    for entry in std::fs::read_dir(to)
        .expect("the build's files")
        .filter_map(|e| e.ok())
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if !(name.ends_with(".html") || name.ends_with(".js")) || name == "sw.js" {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("a text file");
        let changed = text.replace(&loader, &next).replace(
            &format!("content=\"{stamp}\""),
            &format!("content=\"{stamp}-next\""),
        );
        if changed != text {
            std::fs::write(entry.path(), changed).expect("write");
        }
    }
    xtask::finish_dist(to).expect("the next build's service worker");
}

/// The start that paints the picture works with the server stopped (the service worker
/// answers), and through an update: the new build paints no picture of the old one, keeps
/// its own, and paints that, online and offline.
#[tokio::test]
async fn the_painted_start_works_offline_and_through_an_update() {
    let mut f = Fixture::new().await;
    watch(&f.browser).await;
    open_home(&f).await;
    f.browser.wait_sw_control().await;
    capture_met_days_ago(&f.browser, "Omar Offline", 1).await;
    tab(&f.browser, "agenda", "agenda").await;
    wait_kept(&f.browser, 1).await;

    f.server.stop();
    let text = reload_and_check(&f.browser, true, "offline").await;
    assert!(text.contains("Omar Offline"), "{text}");
    f.server.restart();

    // The next build is deployed; the page finds it and the student taps Reload.
    let next = tempfile::tempdir().expect("a temporary folder");
    let dist_next = next.path().join("dist");
    next_build(&dist_dir(), &dist_next);
    f.server.set_root(&dist_next);
    let b = &f.browser;
    let updated = b
        .js_async(
            "navigator.serviceWorker.getRegistration() \
               .then(r => r ? r.update().then(() => true) : 'no registration') \
               .then(done, e => done('error: ' + e));",
        )
        .await;
    assert_eq!(updated, Value::Bool(true), "registration.update()");
    b.wait_css("#update-reload", UI).await;
    b.click("#update-reload").await;
    b.wait_js(
        "the next build's loader",
        UI,
        "const l = document.querySelector('link[rel=modulepreload]'); \
         return !!l && l.getAttribute('href').endsWith('-next.js');",
    )
    .await;
    b.wait_page("agenda").await;
    let seen = watched(b).await;
    assert_eq!(
        seen["painted"],
        Value::Bool(false),
        "the old build's picture after the update: {seen:#}"
    );
    b.wait_text("main#main", "Omar Offline").await;
    wait_kept(b, 1).await;
    let kept = b
        .js("return JSON.parse(localStorage.getItem('followup.picture')).build;")
        .await;
    assert!(
        kept.as_str().is_some_and(|k| k.ends_with("-next.js")),
        "the picture is kept for the new build: {kept}"
    );
    let text = reload_and_check(b, true, "the new build's own picture").await;
    assert!(text.contains("Omar Offline"), "{text}");

    f.server.stop();
    let text = reload_and_check(&f.browser, true, "offline after the update").await;
    assert!(text.contains("Omar Offline"), "{text}");
    f.browser
        .assert_no_console_errors_except("offline, painted", caused_by_stopped_server)
        .await;
    f.server.restart();
    f.browser.close().await;
}
