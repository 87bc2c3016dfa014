//! One book size, measured in one fresh headless Chromium: seed localStorage, load the app
//! until its agenda is drawn (several times, reading the layout shifts until then), load the
//! static floor page the same way, do both again with the CPU slowed 4× (CDP
//! `Emulation.setCPUThrottlingRate`, as Lighthouse's mobile profile), open the contacts
//! list, type 50 searches (twice: to the DOM updated, then to the next frame), capture new
//! contacts, and read storage and heap.
//!
//! Every timing is taken inside the page with `performance.now()` (or the page's own
//! `performance.mark`s), so WebDriver round trips never count. "DOM updated" means: the
//! event was dispatched, every microtask the app queued has run (the next macrotask, via a
//! `MessageChannel`), and a forced layout (`offsetHeight`) has completed; painting is not
//! included.

use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use serde_json::{json, Value};

use super::site::Site;
use crate::{js_str, Browser, StaticServer};

/// What one size measured; times in milliseconds, sizes in bytes.
#[derive(Debug, Default, Clone)]
pub struct SizeResult {
    pub size: usize,
    /// Why the size could not be (fully) measured.
    pub error: Option<String>,
    pub seed_keys: usize,
    /// What the storage adapter's pairs for this book weigh as UTF-16 (key + value, ×2),
    /// computed by the bench: known even when the browser refuses to store them.
    pub needed_utf16: f64,
    pub storage_keys: usize,
    pub storage_utf16: f64,
    pub storage_utf8: f64,
    /// The loads at full speed (the app's and the floor's).
    pub load: Loads,
    /// The same loads with the CPU slowed 4×.
    pub slowed: Loads,
    /// Navigation start to `followup:start` (wasm `main` runs).
    pub mark_start: Vec<f64>,
    /// Navigation start to `followup:loaded` (what the agenda needs read: the shards' digests,
    /// or the whole book when they do not match).
    pub mark_loaded: Vec<f64>,
    pub agenda_rows: usize,
    /// How much slower a fixed loop ran in the slowed loads than at full speed (the
    /// slowdown actually applied; about [`SLOWDOWN`]).
    pub slowdown: Option<f64>,
    /// Tap on the Contacts tab to the list in the DOM.
    pub contacts: Vec<f64>,
    /// Tap on the Settings tab (first opened in that page load: its chunk comes from the
    /// worker's cache) to the first frame with the page drawn.
    pub settings: Vec<f64>,
    pub contacts_rows: usize,
    /// Each keystroke: input event to DOM updated.
    pub search: Vec<f64>,
    /// Each keystroke, dispatched at a frame's start: input event to the frame that shows
    /// it produced (a timeout queued in the animation frame callback after the update).
    pub search_frame: Vec<f64>,
    pub search_keystrokes_per_run: usize,
    /// Click on Save to the last localStorage write of the new contact.
    pub capture: Vec<f64>,
    /// The service worker's plan of reminders rebuilt after that save
    /// (`followup:reminders-start` → `followup:reminders`).
    pub reminder_plan: Vec<f64>,
    /// V8 heap used after load and a full GC.
    pub heap_js: Vec<f64>,
    /// The wasm linear memory after load (outside the V8 heap).
    pub heap_backing: Vec<f64>,
    pub console_errors: Vec<String>,
}

/// Loads of the app until its agenda, and of the static floor, at one CPU speed.
#[derive(Debug, Default, Clone)]
pub struct Loads {
    /// Navigation start to `followup:agenda` (the live agenda's first frame).
    pub agenda: Vec<f64>,
    /// Navigation start to `followup:snapshot` (the stored snapshot of the agenda painted
    /// by index.html's inline script), in the runs that set it.
    pub snapshot: Vec<f64>,
    /// Per run, the earlier of the two: the agenda on screen.
    pub on_screen: Vec<f64>,
    /// Per run, the sum of the layout shifts (without recent input) from navigation start to
    /// 500 ms after `followup:agenda`.
    pub cls: Vec<f64>,
    /// Navigation start to `floor:paint` on the static page.
    pub floor: Vec<f64>,
}

impl Loads {
    /// Adds one load of the app (what [`wait_mark_js`] returned).
    fn add_app(&mut self, v: &Value) {
        let agenda = num(v, "mark");
        let snapshot = num(v, "snapshot");
        self.agenda.extend(agenda);
        self.snapshot.extend(snapshot);
        self.on_screen
            .extend([agenda, snapshot].into_iter().flatten().reduce(f64::min));
        self.cls.extend(num(v, "cls"));
    }
}

/// Lighthouse's mobile profile slows the CPU this much.
pub const SLOWDOWN: f64 = 4.0;
/// How long after `followup:agenda` the layout shifts are summed.
pub const CLS_SETTLE_MS: u32 = 500;

const APP: &str = "/followup/";
const LONG: Duration = Duration::from_secs(600);

fn err(what: &str, e: impl std::fmt::Display) -> String {
    format!("{what}: {e}")
}

async fn exec_async(browser: &Browser, what: &str, body: &str) -> Result<Value, String> {
    let wrapped = format!("const done = arguments[arguments.length - 1];\n{body}");
    let v = browser
        .client
        .execute_async(&wrapped, vec![])
        .await
        .map_err(|e| err(what, e))?;
    if let Some(e) = v.get("error").and_then(Value::as_str) {
        return Err(format!("{what}: {e}"));
    }
    Ok(v)
}

async fn exec(browser: &Browser, what: &str, body: &str) -> Result<Value, String> {
    browser
        .client
        .execute(body, vec![])
        .await
        .map_err(|e| err(what, e))
}

async fn goto(browser: &Browser, url: &str) -> Result<(), String> {
    browser
        .client
        .goto(url)
        .await
        .map_err(|e| err(&format!("navigating to {url}"), e))
}

/// A macrotask after every queued microtask, as a promise.
const MACROTASK: &str = "const macrotask = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });";

/// Waits for the mark `name` after a navigation and returns the page's timeline; with
/// `settle`, also the layout shifts summed until `settle` ms after the mark (`cls`).
fn wait_mark_js(name: &str, settle: Option<u32>) -> String {
    format!(
        r#"
const deadline = performance.now() + 300000;
const m = n => {{ const e = performance.getEntriesByName(n, 'mark')[0]; return e ? e.startTime : null; }};
const settle = {settle};
// Every layout shift since navigation start (buffered), without recent input.
const shifts = () => new Promise(resolve => {{
  let sum = 0, n = 0;
  const add = list => {{ for (const e of list) if (!e.hadRecentInput) {{ sum += e.value; n++; }} }};
  let po;
  try {{
    po = new PerformanceObserver(l => add(l.getEntries()));
    po.observe({{ type: 'layout-shift', buffered: true }});
  }} catch (e) {{ resolve({{ cls: null, shifts: 0 }}); return; }}
  setTimeout(() => {{ add(po.takeRecords()); po.disconnect(); resolve({{ cls: sum, shifts: n }}); }}, 50);
}});
(function poll() {{
  const mark = m({name});
  if (mark !== null) {{
    const main = document.querySelector('main#main');
    const out = {{
      mark, start: m('followup:start'), loaded: m('followup:loaded'), snapshot: m('followup:snapshot'),
      page: main ? main.getAttribute('data-page') : null,
      rows: document.querySelectorAll('.agenda-item').length,
      counts: !!document.querySelector('.agenda-counts'),
    }};
    if (settle === null) {{ done(out); return; }}
    setTimeout(() => shifts().then(s => done(Object.assign(out, s))), Math.max(0, mark + settle - performance.now()));
    return;
  }}
  if (performance.now() > deadline) {{
    done({{ error: 'no ' + {name} + ' mark within 300 s; page text: ' + (document.body ? document.body.innerText.slice(0, 300) : '') }});
    return;
  }}
  setTimeout(poll, 5);
}})();
"#,
        name = js_str(name),
        settle = settle.map_or("null".to_string(), |ms| ms.to_string()),
    )
}

const STORAGE_JS: &str = r#"
const enc = new TextEncoder();
let chars = 0, utf8 = 0;
for (let i = 0; i < localStorage.length; i++) {
  const k = localStorage.key(i), v = localStorage.getItem(k);
  chars += k.length + v.length;
  utf8 += enc.encode(k).length + enc.encode(v).length;
}
return { keys: localStorage.length, utf16: chars * 2, utf8 };
"#;

const FLOOR_SOURCE_JS: &str = r#"
const body = document.body.cloneNode(true);
body.querySelectorAll('script, noscript').forEach(e => e.remove());
return {
  body: body.innerHTML,
  css: [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href),
};
"#;

const CONTACTS_JS: &str = r#"
const t0 = performance.now();
let finished = false;
const rowsNow = () => {
  const m = document.querySelector('main#main[data-page=contacts]');
  return m ? m.querySelectorAll('ul.contact-list > li').length : 0;
};
const check = () => {
  if (finished || rowsNow() === 0) return;
  finished = true;
  obs.disconnect();
  const c = new MessageChannel();
  c.port1.onmessage = () => {
    document.body.offsetHeight;
    done({ ms: performance.now() - t0, rows: rowsNow() });
  };
  c.port2.postMessage(0);
};
const obs = new MutationObserver(check);
obs.observe(document.body, { childList: true, subtree: true });
document.querySelector('#nav-contacts').click();
check();
setTimeout(() => {
  if (!finished) { finished = true; obs.disconnect(); done({ error: 'the contacts list did not render within 300 s' }); }
}, 300000);
"#;

/// Waits until a book first drawn from its digests has been read (`followup:book`; the
/// app reads it a part per task after the agenda's first frame), or 3 s for a book read
/// whole before the agenda (no such mark): a tap then times its screen, not the rest of
/// the start.
const BOOK_READ_JS: &str = r#"
const until = performance.now() + 3000;
(function poll() {
  if (performance.getEntriesByName('followup:book', 'mark').length || performance.now() > until) done(true);
  else setTimeout(poll, 20);
})();
"#;

/// Tap on Settings to the first frame after the page is in the DOM (rAF, then a macrotask).
const SETTINGS_JS: &str = r#"
const t0 = performance.now();
let finished = false;
const check = () => {
  if (finished || !document.querySelector('main#main[data-page=settings] h1')) return;
  finished = true;
  obs.disconnect();
  requestAnimationFrame(() => setTimeout(() => done({ ms: performance.now() - t0 })));
};
const obs = new MutationObserver(check);
obs.observe(document.body, { childList: true, subtree: true });
document.querySelector('#nav-settings').click();
check();
setTimeout(() => {
  if (!finished) { finished = true; obs.disconnect(); done({ error: 'Settings did not render within 300 s' }); }
}, 300000);
"#;

/// One keystroke to the DOM updated and laid out (no paint), after a macrotask.
const KEY_TO_DOM_JS: &str = r#"
const key = async value => {
  await macrotask();
  const t0 = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await macrotask();
  document.body.offsetHeight;
  times.push(performance.now() - t0);
};
"#;

/// One keystroke to the next frame produced. The key is dispatched in an animation frame
/// callback (at the frame's start, so the wait for the next vsync is not counted); a second
/// callback of the same frame runs after it and its microtasks (the app's update) and queues
/// a timeout, which runs once that frame is produced. When the page changed after that
/// second callback (work the app deferred past the frame), the next frame is waited for too.
const KEY_TO_FRAME_JS: &str = r#"
const key = value => new Promise(resolve => {
  let last = 0, t0 = 0, cut = 0;
  const mo = new MutationObserver(() => { last = performance.now(); });
  mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  requestAnimationFrame(() => {
    t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  });
  const frame = () => {
    cut = performance.now();
    setTimeout(() => {
      if (last > cut) { requestAnimationFrame(frame); return; }
      mo.disconnect();
      times.push(performance.now() - t0);
      resolve();
    });
  };
  requestAnimationFrame(frame);
});
"#;

/// Types each query one key at a time, then clears the box; `key` is one of the two
/// keystroke measures above.
fn search_js(queries: &[String], key: &str) -> String {
    format!(
        r#"
{MACROTASK}
const queries = {queries};
const input = document.querySelector('#search');
const times = [];
let hits = 0;
{key}
(async () => {{
  if (!input) {{ done({{ error: 'no #search input on the page' }}); return; }}
  for (const q of queries) {{
    for (let i = 1; i <= q.length; i++) await key(q.slice(0, i));
    if (document.querySelectorAll('ul.contact-list > li').length > 0) hits++;
    await key('');
  }}
  done({{ times, hits, rowsAfter: document.querySelectorAll('ul.contact-list > li').length }});
}})().catch(e => done({{ error: String(e) }}));
"#,
        queries = serde_json::to_string(queries).unwrap()
    )
}

fn capture_js(run: usize) -> String {
    let name = format!("Bench Capture {run:03}");
    format!(
        r#"
{MACROTASK}
const NAME = {name};
const set = (sel, v) => {{
  const e = document.querySelector(sel);
  if (!e) throw new Error('no ' + sel + ' on the capture page');
  e.value = v;
  e.dispatchEvent(new Event('input', {{ bubbles: true, composed: true }}));
}};
const proto = Storage.prototype, orig = proto.setItem, writes = [];
(async () => {{
  set('#name', NAME);
  set('#company', 'Benchmark Industries');
  set('#hook', 'Talked about measuring things the same way every time. They liked the floor idea.');
  set('#email', 'bench.capture{run}@example.com');
  await macrotask();
  proto.setItem = function (k, v) {{ const r = orig.call(this, k, v); writes.push({{ t: performance.now(), k: String(k) }}); return r; }};
  const t0 = performance.now();
  document.querySelector('#save-another').click();
  const deadline = t0 + 120000;
  for (;;) {{
    await macrotask();
    // The new contact is packed into its shard: the first shard write is the save.
    if (writes.some(w => w.k.startsWith('followup.s.'))) break;
    if (performance.now() > deadline) {{ proto.setItem = orig; done({{ error: 'the new contact was not stored within 120 s' }}); return; }}
  }}
  await macrotask();
  proto.setItem = orig;
  const t1 = Math.max(...writes.map(w => w.t));
  const flash = document.querySelector('.saved-flash');
  // The reminders' plan of this save: its last start and end marks after the click.
  const after = (name) => performance.getEntriesByName(name).filter(e => e.startTime >= t0);
  while (after('followup:reminders').length === 0 && performance.now() < t0 + 5000) await macrotask();
  const starts = after('followup:reminders-start'), ends = after('followup:reminders');
  const plan = starts.length && ends.length ? ends[ends.length - 1].startTime - starts[starts.length - 1].startTime : null;
  done({{ ms: t1 - t0, plan_ms: plan, writes: writes.length, flash: flash ? flash.textContent : null }});
}})().catch(e => {{ proto.setItem = orig; done({{ error: String(e) }}); }});
"#,
        name = js_str(&name)
    )
}

fn num(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

fn median_of(v: &[f64]) -> Option<f64> {
    super::report::stats(v).map(|s| s.median)
}

/// Sets the CPU slowdown of the page's target (1: full speed).
async fn throttle(browser: &Browser, rate: f64) -> Result<(), String> {
    browser
        .try_cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
        .await
        .map(drop)
        .map_err(|e| err(&format!("setting the CPU slowdown to {rate}×"), e))
}

/// A fixed loop, timed in the page: how much the CPU is slowed, compared across speeds.
const SPIN_JS: &str = r#"
const t0 = performance.now();
let x = 0;
for (let i = 0; i < 3000000; i++) x = (x * 31 + i) % 1000003;
return { ms: performance.now() - t0, x };
"#;

/// Navigates from `about:blank` to `path` with the CPU slowed `rate`× (set before the
/// navigation, reset to full speed after the load, also when it failed) and waits for
/// `mark` (see [`wait_mark_js`] for `settle`). Slowed, it also times [`SPIN_JS`] before the
/// reset (`spin`).
async fn load(
    browser: &Browser,
    server: &StaticServer,
    path: &str,
    mark: &str,
    settle: Option<u32>,
    rate: f64,
) -> Result<Value, String> {
    goto(browser, "about:blank").await?;
    let slowed = rate != 1.0;
    if slowed {
        throttle(browser, rate).await?;
    }
    let loaded = async {
        goto(browser, &server.url(path)).await?;
        let mut v = exec_async(
            browser,
            &format!("waiting for {mark}"),
            &wait_mark_js(mark, settle),
        )
        .await?;
        if slowed {
            v["spin"] = exec(browser, "timing a fixed loop", SPIN_JS).await?["ms"].clone();
        }
        Ok::<_, String>(v)
    }
    .await;
    let reset = if slowed {
        throttle(browser, 1.0).await
    } else {
        Ok(())
    };
    let v = loaded?;
    reset?;
    Ok(v)
}

/// Loads the app at `/followup/` from `about:blank` (see [`load`]) and returns its timeline.
async fn load_app(
    browser: &Browser,
    server: &StaticServer,
    settle: Option<u32>,
    rate: f64,
) -> Result<Value, String> {
    let v = load(browser, server, APP, "followup:agenda", settle, rate).await?;
    if v["page"] != "agenda" || v["counts"] != true {
        return Err(format!(
            "the app did not show the seeded book's agenda (page {}, summary counts shown: {})",
            v["page"], v["counts"]
        ));
    }
    Ok(v)
}

/// The size of the app's wasm linear memory: the wasm-bindgen glue's `init` returns the
/// already-instantiated module's exports, `memory` among them.
const WASM_MEMORY_JS: &str = r#"
const loader = [...document.querySelectorAll('script[type=module]')].map(s => s.textContent).join('\n');
const js = (loader.match(/from '([^']+\.js)'/) || [])[1];
if (!js) { done({ error: 'no wasm-bindgen module named in the loader script' }); }
else import(js).then(m => m.default()).then(w => done({ bytes: w.memory.buffer.byteLength }))
  .catch(e => done({ error: String(e) }));
"#;

/// Heap after a full garbage collection: (V8 heap used, wasm linear memory).
async fn heap(browser: &Browser) -> (Option<f64>, Option<f64>) {
    let _ = browser
        .try_cdp("HeapProfiler.collectGarbage", json!({}))
        .await;
    match browser.try_cdp("Runtime.getHeapUsage", json!({})).await {
        Ok(v) => {
            let wasm = exec_async(browser, "reading the wasm memory size", WASM_MEMORY_JS)
                .await
                .ok()
                .and_then(|m| num(&m, "bytes"));
            (num(&v, "usedSize"), wasm)
        }
        Err(_) => (None, None),
    }
}

/// Measures one size. Never panics on a measurement that fails: the error is kept in the
/// result with what was measured before it.
pub async fn measure(
    site: &Site,
    server: &StaticServer,
    size: usize,
    seed_path: &str,
    needed_utf16: f64,
    runs: usize,
    queries: &[String],
) -> SizeResult {
    let mut r = SizeResult {
        size,
        needed_utf16,
        ..SizeResult::default()
    };
    let browser = Browser::launch().await;
    if let Err(e) = run(&browser, site, server, seed_path, runs, queries, &mut r).await {
        r.error = Some(e);
    }
    r.console_errors = browser
        .read_console()
        .await
        .into_iter()
        .filter(|e| e.is_error())
        .map(|e| e.to_string())
        .collect();
    browser.close().await;
    r
}

async fn run(
    browser: &Browser,
    site: &Site,
    server: &StaticServer,
    seed_path: &str,
    runs: usize,
    queries: &[String],
    r: &mut SizeResult,
) -> Result<(), String> {
    browser
        .client
        .update_timeouts(TimeoutConfiguration::new(
            Some(LONG),
            Some(LONG),
            Some(Duration::ZERO),
        ))
        .await
        .map_err(|e| err("setting WebDriver timeouts", e))?;

    // Seed, from a page on the same origin outside the service worker's scope.
    goto(browser, &server.url(seed_path)).await?;
    let seeded = exec_async(
        browser,
        "seeding localStorage",
        r#"(function poll() { if (window.__seeded) done(window.__seeded); else setTimeout(poll, 20); })();"#,
    )
    .await?;
    if seeded["ok"] != true {
        return Err(format!(
            "could not seed localStorage: {}",
            seeded["error"].as_str().unwrap_or("?")
        ));
    }
    r.seed_keys = seeded["keys"].as_u64().unwrap_or(0) as usize;

    // Warm-up: the first visit installs the service worker; later loads are repeat visits
    // answered from its cache, as at a fair.
    load_app(browser, server, None, 1.0).await?;
    browser.wait_sw_control().await;
    load_app(browser, server, None, 1.0).await?;

    for i in 0..runs {
        let v = load_app(browser, server, Some(CLS_SETTLE_MS), 1.0).await?;
        r.load.add_app(&v);
        r.mark_start.extend(num(&v, "start"));
        r.mark_loaded.extend(num(&v, "loaded"));
        r.agenda_rows = v["rows"].as_u64().unwrap_or(0) as usize;
        let (js, backing) = heap(browser).await;
        r.heap_js.extend(js);
        r.heap_backing.extend(backing);
        if i == 0 {
            let s = exec(browser, "reading the storage size", STORAGE_JS).await?;
            r.storage_keys = s["keys"].as_u64().unwrap_or(0) as usize;
            r.storage_utf16 = num(&s, "utf16").unwrap_or(0.0);
            r.storage_utf8 = num(&s, "utf8").unwrap_or(0.0);
            let src = exec(browser, "copying the agenda markup", FLOOR_SOURCE_JS).await?;
            let css: Vec<String> = src["css"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            site.write_floor(&css, src["body"].as_str().unwrap_or(""))
                .map_err(|e| err("writing floor.html", e))?;
        }
    }

    // The floor: the same markup and styles as a static page, loaded the same way.
    goto(browser, &server.url("/floor.html")).await?; // warm the HTTP cache like the app's
    for _ in 0..runs {
        let v = load(browser, server, "/floor.html", "floor:paint", None, 1.0).await?;
        r.load.floor.extend(num(&v, "mark"));
    }

    // Both again with the CPU slowed as Lighthouse's mobile profile slows it.
    let mut spins = Vec::new();
    for _ in 0..runs {
        let v = load_app(browser, server, Some(CLS_SETTLE_MS), SLOWDOWN).await?;
        r.slowed.add_app(&v);
        spins.extend(num(&v, "spin"));
        let v = load(
            browser,
            server,
            "/floor.html",
            "floor:paint",
            None,
            SLOWDOWN,
        )
        .await?;
        r.slowed.floor.extend(num(&v, "mark"));
        spins.extend(num(&v, "spin"));
    }
    // The same loop at full speed: the slowdown actually applied, as a check.
    let mut full = Vec::new();
    for _ in 0..3 {
        full.extend(num(
            &exec(browser, "timing a fixed loop", SPIN_JS).await?,
            "ms",
        ));
    }
    if let (Some(full), Some(slow)) = (median_of(&full), median_of(&spins)) {
        r.slowdown = (full > 0.0).then(|| slow / full);
    }

    for _ in 0..runs {
        load_app(browser, server, None, 1.0).await?;
        exec_async(browser, "waiting for the book to be read", BOOK_READ_JS).await?;
        let v = exec_async(browser, "opening Settings", SETTINGS_JS).await?;
        r.settings.extend(num(&v, "ms"));
    }

    for _ in 0..runs {
        load_app(browser, server, None, 1.0).await?;
        exec_async(browser, "waiting for the book to be read", BOOK_READ_JS).await?;
        let v = exec_async(browser, "opening the contacts list", CONTACTS_JS).await?;
        r.contacts.extend(num(&v, "ms"));
        r.contacts_rows = v["rows"].as_u64().unwrap_or(0) as usize;
    }

    // Still on the contacts list: type the queries, once per run, for each measure.
    for frame in [false, true] {
        let script = search_js(
            queries,
            if frame {
                KEY_TO_FRAME_JS
            } else {
                KEY_TO_DOM_JS
            },
        );
        for _ in 0..runs {
            let v = exec_async(browser, "typing searches", &script).await?;
            let times: Vec<f64> = v["times"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_f64).collect())
                .unwrap_or_default();
            r.search_keystrokes_per_run = times.len();
            if frame {
                &mut r.search_frame
            } else {
                &mut r.search
            }
            .extend(times);
            if v["hits"].as_u64().unwrap_or(0) == 0 {
                return Err("no search query found anyone: the search did not run".into());
            }
        }
    }

    // Capture: open the form from the tab bar, fill it, click "Save and add another".
    exec(
        browser,
        "opening the capture page",
        "document.querySelector('#nav-add').click(); return true;",
    )
    .await?;
    exec_async(
        browser,
        "waiting for the capture form",
        r#"(function poll() { if (document.querySelector('main#main[data-page=add] #name')) done(true); else setTimeout(poll, 10); })();"#,
    )
    .await?;
    for i in 0..runs {
        let v = exec_async(browser, "capturing a contact", &capture_js(i)).await?;
        r.capture.extend(num(&v, "ms"));
        r.reminder_plan.extend(num(&v, "plan_ms"));
    }
    Ok(())
}
