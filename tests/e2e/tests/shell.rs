//! The first visit (issue 9): the static app shell in `index.html` draws the agenda's first
//! screen before the wasm arrives, the app then draws the very same boxes, and the largest
//! paint Chrome reports is the shell's, so it happens before the wasm is even fetched.
//!
//! The shell alone is seen in a copy of the dist whose `index.html` has no loader script;
//! the app in the real dist. Both in a fresh profile (the set-up card and the welcome text
//! of a first visit), in light and in dark.

use followup_e2e::ui::settle;
use followup_e2e::{copy_dir, dist_dir, Browser, StaticServer, PREFIX};
use serde_json::Value;

/// Every element of the page's `<main>` and tab bar that takes up room, as
/// `[tag, x, y, width, height]` in CSS pixels.
const BOXES: &str = r#"
    const out = [];
    for (const el of document.querySelectorAll('main, main *, nav.tabbar, nav.tabbar *')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        out.push([el.tagName.toLowerCase(), r.x, r.y, r.width, r.height]);
    }
    return out;
"#;

/// Chrome's largest-contentful-paint entries so far: when, how large, and whether the
/// element is still in the page (the shell's nodes are removed when the app mounts).
const LCP: &str = r#"
    new PerformanceObserver((list, observer) => {
        observer.disconnect();
        done(list.getEntries().map(e => ({
            time: Math.round(e.startTime),
            size: e.size,
            in_page: !!(e.element && e.element.isConnected),
            element: e.element ? e.element.tagName + ' ' + e.element.textContent.slice(0, 50) : null,
        })));
    }).observe({ type: 'largest-contentful-paint', buffered: true });
"#;

async fn emulate(b: &Browser, scheme: &str) {
    b.cdp(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
    )
    .await;
}

async fn boxes(b: &Browser) -> Vec<(String, [f64; 4])> {
    let Value::Array(rows) = b.js(BOXES).await else {
        panic!("e2e: the box probe returned no list");
    };
    rows.iter()
        .map(|row| {
            let tag = row[0].as_str().unwrap_or_default().to_string();
            let n = |i: usize| row[i].as_f64().unwrap_or(f64::NAN);
            (tag, [n(1), n(2), n(3), n(4)])
        })
        .collect()
}

/// The first element where the two lists of boxes differ by more than a pixel, if any.
fn first_difference(shell: &[(String, [f64; 4])], app: &[(String, [f64; 4])]) -> Option<String> {
    for (i, (s, a)) in shell.iter().zip(app).enumerate() {
        let moved = s.1.iter().zip(&a.1).any(|(x, y)| (x - y).abs() > 1.0);
        if s.0 != a.0 || moved {
            return Some(format!("box {i}: the shell has {s:?}, the app {a:?}"));
        }
    }
    (shell.len() != app.len()).then(|| {
        format!(
            "the shell has {} boxes, the app {} (first extra: {:?})",
            shell.len(),
            app.len(),
            app.get(shell.len()).or(shell.get(app.len()))
        )
    })
}

#[test]
fn boxes_compare_within_a_pixel() {
    let b = |tag: &str, y: f64| (tag.to_string(), [0.0, y, 100.0, 20.0]);
    assert_eq!(first_difference(&[b("p", 10.0)], &[b("p", 10.6)]), None);
    assert!(first_difference(&[b("p", 10.0)], &[b("p", 12.0)]).is_some());
    assert!(first_difference(&[b("p", 10.0)], &[b("h2", 10.0)]).is_some());
    assert!(first_difference(&[b("p", 10.0)], &[b("p", 10.0), b("p", 30.0)]).is_some());
}

/// The app shell and the app draw the first visit's screen in the same places, and the
/// shell's paint stays the largest: Lighthouse's LCP is then the shell's, not the app's.
#[tokio::test]
async fn the_shell_draws_the_first_screen_and_holds_the_largest_paint() {
    // The shell alone: the dist without the script that loads the wasm.
    let tmp = tempfile::Builder::new()
        .prefix("followup-shell-only-")
        .tempdir()
        .unwrap();
    let shell_dist = tmp.path().join("dist");
    copy_dir(&dist_dir(), &shell_dist).unwrap();
    let index = std::fs::read_to_string(shell_dist.join("index.html")).unwrap();
    let start = index
        .find("<script type=\"module\">")
        .expect("index.html has the module script that loads the wasm");
    let end = start + index[start..].find("</script>").unwrap() + "</script>".len();
    std::fs::write(
        shell_dist.join("index.html"),
        format!("{}{}", &index[..start], &index[end..]),
    )
    .unwrap();
    let shell_server = StaticServer::start(&shell_dist, PREFIX);
    let app_server = StaticServer::start(dist_dir(), PREFIX);

    for scheme in ["light", "dark"] {
        let b = Browser::launch().await;
        emulate(&b, scheme).await;
        b.goto(&shell_server.url("")).await;
        b.wait_css("#shell main h1", std::time::Duration::from_secs(10))
            .await;
        settle(&b).await;
        let shell = boxes(&b).await;
        b.close().await;

        let b = Browser::launch().await;
        emulate(&b, scheme).await;
        b.goto(&app_server.url("")).await;
        b.wait_page("agenda").await;
        settle(&b).await;
        assert!(
            b.js("return document.getElementById('shell') === null;")
                .await
                .as_bool()
                .unwrap_or(false),
            "the app did not remove the shell"
        );
        let app = boxes(&b).await;
        assert!(
            shell.len() > 20,
            "{scheme}: the shell drew almost nothing: {shell:?}"
        );
        if let Some(difference) = first_difference(&shell, &app) {
            panic!("{scheme}: the app does not draw the shell's first screen: {difference}");
        }

        let entries = b.js_async(LCP).await;
        let last = entries
            .as_array()
            .and_then(|e| e.last())
            .unwrap_or_else(|| panic!("{scheme}: no largest-contentful-paint entry"));
        assert_eq!(
            last["in_page"],
            Value::Bool(false),
            "{scheme}: the largest paint is an element the app drew, not the shell's: {entries}"
        );
        b.assert_no_console_errors("the first visit").await;
        b.close().await;
    }
}
