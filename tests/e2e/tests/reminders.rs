//! Morning reminders with every page of the app closed and the server stopped: the
//! permissions granted over CDP (a test cannot tap a prompt), the periodic sync fired as
//! the browser would (`ServiceWorker.dispatchPeriodicSyncEvent`), and the notifications
//! read back from the worker's registration by a page of the same origin outside the app
//! (`/`, the server's plain 404).
//!
//! The browser runs in a time zone chosen so that its local clock reads 10:xx (`TZ` for
//! chromedriver and the Chromium it starts), whatever the real time: the worker shows
//! notifications only from the chosen hour to 21:00 of the device's own day.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use followup_e2e::browser::Browser;
use followup_e2e::ui::{
    add_contact, caused_by_stopped_server, click_text, dark, install_clock, open_home,
    select_value, set_clock, shoot, tab, Person,
};
use followup_e2e::{Fixture, StaticServer};
use serde_json::json;

/// The local hour the browser's clock is put at.
const LOCAL_HOUR: i64 = 10;

/// An `Etc/GMT±N` zone in which it is now `LOCAL_HOUR`:xx (POSIX signs: `Etc/GMT-5` is
/// five hours ahead of UTC).
fn zone_at_local_hour() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let utc_hour = (secs / 3600) % 24;
    let mut ahead = LOCAL_HOUR - utc_hour;
    if ahead > 14 {
        ahead -= 24;
    }
    if ahead < -12 {
        ahead += 24;
    }
    match ahead {
        0 => "Etc/GMT".to_string(),
        n if n > 0 => format!("Etc/GMT-{n}"),
        n => format!("Etc/GMT+{}", -n),
    }
}

/// A server and a browser at 10:xx local time, with notifications and periodic background
/// sync granted to the app's origin.
async fn fixture() -> Fixture {
    let server = StaticServer::start(followup_e2e::dist_dir(), followup_e2e::PREFIX);
    let zone = zone_at_local_hour();
    let browser = Browser::launch_with(&[("TZ", zone.as_str())]).await;
    browser
        .cdp(
            "Browser.grantPermissions",
            json!({
                "origin": server.origin(),
                "permissions": ["notifications", "periodicBackgroundSync"],
            }),
        )
        .await;
    Fixture { server, browser }
}

async fn local_hour(b: &Browser) -> i64 {
    b.js("return new Date().getHours();")
        .await
        .as_i64()
        .unwrap()
}

const PRIYA: Person = Person {
    name: "Priya Raman",
    kind: "Engineer",
    company: "Figma",
    hook: "Rust in the browser",
    email: "priya@figma.example",
    linkedin: "linkedin.com/in/priya-raman",
    really_want: false,
};

const TOM: Person = Person {
    name: "Tom Becker",
    kind: "Recruiter",
    company: "",
    hook: "Internships next summer",
    email: "tom@example.com",
    linkedin: "linkedin.com/in/tom-becker",
    really_want: false,
};

/// Turns reminders on from the offer shown after the first capture (on the contact page).
async fn accept_the_offer(b: &Browser, screenshot: Option<&str>) {
    b.wait_css("#reminder-offer-yes", followup_e2e::UI).await;
    if let Some(name) = screenshot {
        shoot(b, &format!("{name}.png"), false).await;
        dark(b, true).await;
        shoot(b, &format!("{name}-dark.png"), false).await;
        dark(b, false).await;
    }
    b.click("#reminder-offer-yes").await;
    b.wait_text("#reminder-offer", "Reminders are on.").await;
    wait_registered(b, true).await;
}

/// Waits until the periodic sync is (or is no longer) registered.
async fn wait_registered(b: &Browser, registered: bool) {
    let js = format!(
        "navigator.serviceWorker.getRegistration().then(r => r.periodicSync.getTags())\
         .then(tags => {{ window.__tags = tags; }}); \
         return Array.isArray(window.__tags) && window.__tags.includes('followup-reminders') === {registered};"
    );
    b.wait_js("the periodic sync's registration", followup_e2e::UI, &js)
        .await;
}

/// Waits until the plan the worker reads says `needle` (or, with `absent`, no longer).
async fn wait_plan(b: &Browser, needle: &str, present: bool) -> String {
    let js = format!(
        "caches.open('followup-reminders').then(c => c.match(new URL('reminders.json', document.baseURI).href))\
         .then(r => r ? r.text() : '').then(t => {{ window.__plan = t; }}); \
         return typeof window.__plan === 'string' && window.__plan.includes({}) === {present} ? window.__plan : false;",
        followup_e2e::js_str(needle)
    );
    b.wait_js("the reminders' plan", followup_e2e::UI, &js)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Closes the app and stops the server: no page of the app is open and the network is
/// gone. On the way out, reads the worker's registration id (which
/// `ServiceWorker.dispatchPeriodicSyncEvent` needs) from `chrome://serviceworker-internals`;
/// the tab is then left on `/`, a page of the same origin outside the app.
async fn close_the_app(f: &mut Fixture) -> String {
    let b = &f.browser;
    b.goto("chrome://serviceworker-internals/").await;
    let scope = f.server.url("");
    let js = format!(
        "const text = document.body ? document.body.innerText : ''; \
         const at = text.indexOf({}); if (at < 0) return false; \
         const m = /Registration ID:\\s*(\\d+)/.exec(text.slice(at)); return m ? m[1] : false;",
        followup_e2e::js_str(&scope)
    );
    let id = b
        .wait_js("the worker's registration id", followup_e2e::UI, &js)
        .await;
    b.goto(&format!("{}/", f.server.origin())).await;
    f.server.stop();
    id.as_str().unwrap_or_default().to_string()
}

/// Wakes the worker as the browser does for a periodic sync, then gives it time to act.
async fn wake(f: &Fixture, registration: &str) {
    f.browser.cdp("ServiceWorker.enable", json!({})).await;
    f.browser
        .cdp(
            "ServiceWorker.dispatchPeriodicSyncEvent",
            json!({
                "origin": f.server.origin(),
                "registrationId": registration,
                "tag": "followup-reminders",
            }),
        )
        .await;
    tokio::time::sleep(Duration::from_secs(3)).await;
}

/// The notifications the app's worker shows now, `(title, body)`, read from a page of
/// the same origin.
async fn notifications(b: &Browser) -> Vec<(String, String)> {
    let value = b
        .js_async(
            "navigator.serviceWorker.getRegistration('/followup/')\
             .then(r => r ? r.getNotifications() : [])\
             .then(list => done(list.map(n => [n.title, n.body])))\
             .catch(e => done(String(e)));",
        )
        .await;
    value
        .as_array()
        .unwrap_or_else(|| panic!("reading notifications: {value}"))
        .iter()
        .map(|n| {
            (
                n[0].as_str().unwrap_or_default().to_string(),
                n[1].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Closes every notification shown, as the student swiping them away.
async fn dismiss_all(b: &Browser) {
    b.js_async(
        "navigator.serviceWorker.getRegistration('/followup/')\
         .then(r => r.getNotifications()).then(list => { list.forEach(n => n.close()); done(true); });",
    )
    .await;
}

/// Back in the app, with the server up again.
async fn reopen(f: &mut Fixture, path: &str, page: &str) {
    f.server.restart();
    f.browser.goto(&f.url(path)).await;
    f.browser.wait_page(page).await;
}

async fn finish(f: Fixture, context: &str) {
    let origin = f.server.origin();
    // The page left open outside the app (`/`, and its favicon) is the server's 404.
    let outside = move |e: &followup_e2e::ConsoleEntry| {
        caused_by_stopped_server(e)
            || (e.message.starts_with(&origin)
                && !e.message.contains("/followup/")
                && e.message.contains("status of 404"))
    };
    f.browser
        .assert_no_console_errors_except(context, outside)
        .await;
    f.browser.close().await;
}

#[tokio::test]
async fn a_due_book_notifies_once_a_day_from_the_chosen_hour_with_the_app_closed() {
    let mut f = fixture().await;
    let b = &f.browser;
    open_home(&f).await;
    assert_eq!(local_hour(b).await, LOCAL_HOUR, "the browser's time zone");
    b.wait_sw_control().await;
    // Nothing is offered before there is anything to remind.
    assert!(
        b.js("return !document.querySelector('#reminder-offer');")
            .await
            == true
    );
    add_contact(b, &PRIYA).await;
    accept_the_offer(b, Some("reminders-offer")).await;
    add_contact(b, &TOM).await;
    // Settings: on, from 8:00, in words.
    tab(b, "settings", "settings").await;
    b.wait_text("#reminders-when", "Each morning from 8:00")
        .await;
    assert!(
        b.js("return document.querySelector('#reminders-on').checked;")
            .await
            == true
    );
    b.js("document.querySelector('#reminders').scrollIntoView(); return true;")
        .await;
    shoot_section(b, "reminders-settings").await;
    // From 20:00: at 10:xx nothing is shown.
    select_value(b, "#reminders-hour", "20").await;
    b.wait_text("#reminders-when", "Each morning from 20:00")
        .await;
    wait_plan(b, "\"hour\":20", true).await;
    let registration = close_the_app(&mut f).await;
    wake(&f, &registration).await;
    assert_eq!(
        notifications(&f.browser).await,
        [],
        "before the chosen hour"
    );

    // From 8:00: one notification naming the people.
    reopen(&mut f, "settings", "settings").await;
    select_value(&f.browser, "#reminders-hour", "8").await;
    wait_plan(&f.browser, "\"hour\":8", true).await;
    let registration = close_the_app(&mut f).await;
    wake(&f, &registration).await;
    let shown = notifications(&f.browser).await;
    assert_eq!(shown.len(), 1, "one notification: {shown:?}");
    assert_eq!(shown[0].0, "2 follow-ups today");
    let mut named: Vec<&str> = shown[0].1.split(" · ").collect();
    named.sort();
    assert_eq!(
        named,
        [
            "Connect with Priya Raman (Figma)",
            "Connect with Tom Becker"
        ],
        "naming both: {shown:?}"
    );
    // Swiped away; woken again the same day: nothing more.
    dismiss_all(&f.browser).await;
    wake(&f, &registration).await;
    assert_eq!(
        notifications(&f.browser).await,
        [],
        "a second wake the same day"
    );
    f.server.restart();
    finish(f, "reminders: due book").await;
}

/// Shoots the Reminders section at the top of the screen, in light and dark.
async fn shoot_section(b: &Browser, name: &str) {
    for (on, suffix) in [(false, ""), (true, "-dark")] {
        dark(b, on).await;
        b.js("window.scrollTo(0, document.querySelector('#reminders').getBoundingClientRect().top + window.scrollY - 8); return true;")
            .await;
        followup_e2e::ui::settle(b).await;
        let path = followup_e2e::screenshots_dir().join(format!("{name}{suffix}.png"));
        b.screenshot(&path).await;
        eprintln!("screenshot: {}", path.display());
    }
    dark(b, false).await;
}

#[tokio::test]
async fn a_step_marked_sent_is_not_named_the_next_day() {
    let mut f = fixture().await;
    let b = &f.browser;
    // The app lives yesterday; the worker wakes today, the app's "tomorrow".
    install_clock(b).await;
    open_home(&f).await;
    set_clock(b, -86_400_000).await;
    b.refresh().await;
    b.wait_page("agenda").await;
    b.wait_sw_control().await;
    add_contact(b, &TOM).await;
    accept_the_offer(b, None).await;
    // Before: tomorrow names Tom's LinkedIn note (overdue by then).
    wait_plan(b, "Connect with Tom Becker", true).await;
    tab(b, "agenda", "agenda").await;
    click_text(b, "#main", "Done").await;
    let plan = wait_plan(b, "Connect with Tom Becker", false).await;
    assert!(plan.contains("Email Tom Becker"), "{plan}");
    let registration = close_the_app(&mut f).await;
    wake(&f, &registration).await;
    assert_eq!(
        notifications(&f.browser).await,
        [(
            "1 follow-up today".to_string(),
            "Email Tom Becker".to_string()
        )]
    );
    f.server.restart();
    finish(f, "reminders: marked sent").await;
}

#[tokio::test]
async fn nothing_due_shows_nothing_and_turned_off_nothing_is_registered() {
    let mut f = fixture().await;
    let b = &f.browser;
    open_home(&f).await;
    b.wait_sw_control().await;
    add_contact(b, &TOM).await;
    accept_the_offer(b, None).await;
    // Today's note done: nothing is due until the email opens tomorrow.
    tab(b, "agenda", "agenda").await;
    click_text(b, "#main", "Done").await;
    wait_plan(b, "Connect with Tom Becker", false).await;
    let registration = close_the_app(&mut f).await;
    wake(&f, &registration).await;
    assert_eq!(notifications(&f.browser).await, [], "nothing due");

    // Turned off in Settings: unregistered, and the plan says so.
    reopen(&mut f, "settings", "settings").await;
    let b = &f.browser;
    b.wait_css("#reminders-on", followup_e2e::UI).await;
    b.click("#reminders-on").await;
    wait_registered(b, false).await;
    wait_plan(b, "\"on\":false", true).await;
    assert!(
        b.js("return !document.querySelector('#reminders-hour');")
            .await
            == true
    );

    // Notifications blocked for the site: turning on says so and stays off.
    b.cdp(
        "Browser.setPermission",
        json!({
            "origin": f.server.origin(),
            "permission": { "name": "notifications" },
            "setting": "denied",
        }),
    )
    .await;
    b.click("#reminders-on").await;
    b.wait_text(
        "#reminders .field-error",
        "Notifications are blocked for Followup",
    )
    .await;
    b.wait_text(
        "#reminders-explain",
        "Allow them in your browser's site settings",
    )
    .await;
    wait_registered(b, false).await;
    finish(f, "reminders: nothing due, off").await;
}
