//! chromedriver + headless Chromium at phone size, driven by fantoccini over plain HTTP.
//!
//! Each [`Browser`] owns its own chromedriver process (on a free port) and a fresh Chromium
//! profile (`--user-data-dir` in a temp dir); dropping it ends the WebDriver session, kills
//! chromedriver and deletes the profile.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// Phone viewport in CSS pixels.
pub const VIEWPORT: (u32, u32) = (390, 844);

/// How long a UI change may take to show after an action.
pub const UI: Duration = Duration::from_secs(5);

/// The localStorage key of the book's events, profile, templates and settings
/// (`domain::snapshot::META_KEY`); contacts are in 64 packed shards, `followup.s.NN`,
/// each with its digest for the agenda, `followup.d.NN`.
pub const META_KEY: &str = "followup.meta";

/// `followupUnpack(text)`: a shard's packed text back to its lines, as
/// `domain::snapshot::unpack` does (LZW codes, 15 bits per character) — an independent
/// reader, so that the tests check what is really stored.
macro_rules! unpack_js {
    () => {
        "function followupUnpack(s) { let i = 0, acc = 0, bits = 0; \
         const get = w => { while (bits < w) { if (i >= s.length) throw new Error('short'); \
         acc = acc * 32768 + (s.charCodeAt(i++) - 32); bits += 15; } bits -= w; \
         const p = 2 ** bits; const v = Math.floor(acc / p); acc = acc % p; return v; }; \
         const len = get(15) * 32768 + get(15); const out = new Uint8Array(len); let n = 0; \
         const dict = []; let prev = null; \
         while (n < len) { const k = dict.length + (prev ? 1 : 0); \
         const w = 32 - Math.clz32(Math.min(255 + k, 65535)); const code = get(w); \
         const start = n; let e; \
         if (code < 256) { out[n++] = code; e = [start, 1]; } \
         else if (code - 256 < dict.length) { const [f, l] = dict[code - 256]; \
         for (let j = 0; j < l; j++) out[n++] = out[f + j]; e = [start, l]; } \
         else { const [f, l] = prev; for (let j = 0; j <= l; j++) out[n++] = out[f + j]; \
         e = [start, l + 1]; } \
         if (prev && dict.length + 256 < 65536) dict.push([prev[0], prev[1] + 1]); \
         prev = e; } \
         return new TextDecoder().decode(out); } "
    };
}

/// A JS expression: every key holding the book (`domain::snapshot::is_data_key`) and its
/// text (a shard's unpacked; a digest as stored), as one JSON object text with sorted keys ("" when nothing
/// is stored).
pub const STORED_JS: &str = concat!(
    "(() => { ",
    unpack_js!(),
    "const keys = Object.keys(localStorage).filter(k => k === 'followup.meta' || \
     k === 'followup.v1' || k.startsWith('followup.c.') || k.startsWith('followup.s.') || \
     k.startsWith('followup.d.')).sort(); \
     if (!keys.length) return ''; const o = {}; for (const k of keys) { \
     const v = localStorage.getItem(k); o[k] = k.startsWith('followup.s.') ? followupUnpack(v) : v; } \
     return JSON.stringify(o); })()"
);

/// A JS expression: every stored contact record (the contact's JSON, or a tombstone
/// `{id, deleted_at}`) from every shard, as an array.
pub const RECORDS_JS: &str = concat!(
    "(() => { ",
    unpack_js!(),
    "return Object.keys(localStorage).filter(k => k.startsWith('followup.s.')).sort() \
     .flatMap(k => followupUnpack(localStorage.getItem(k)).split('\\n').filter(Boolean) \
     .map(l => JSON.parse(l))); })()"
);

/// A JS string literal for `s`.
pub fn js_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// Chromium flags needed as root in a container, plus quietness.
pub const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--no-default-browser-check",
    "--window-size=390,844",
];

/// The program named by the environment variable `var`, or `default`; a panic that says how
/// to install it when it is missing.
fn program_path(var: &str, default: &str, what: &str) -> PathBuf {
    let path = PathBuf::from(std::env::var_os(var).unwrap_or_else(|| default.into()));
    if !path.is_file() {
        panic!(
            "e2e: {what} not found at {} (set {var} to override).\n\
             Install it with: apt-get update && apt-get install -y chromium chromium-driver",
            path.display()
        );
    }
    path
}

fn chrome_path() -> PathBuf {
    program_path("CHROME", "/usr/bin/chromium", "Chromium")
}

fn chromedriver_path() -> PathBuf {
    program_path("CHROMEDRIVER", "/usr/bin/chromedriver", "chromedriver")
}

/// Safari's user agent on an iPhone (iOS 18).
pub const IOS_SAFARI_UA: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

/// A free TCP port on 127.0.0.1 (bound then released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A chromedriver process, killed on drop.
pub struct Chromedriver {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Chromedriver {
    pub fn start(log: PathBuf) -> Chromedriver {
        Chromedriver::start_with(log, &[])
    }

    /// Starts chromedriver with extra environment variables, which the browser it starts
    /// inherits (`TZ`: the browser's time zone).
    pub fn start_with(log: PathBuf, env: &[(&str, &str)]) -> Chromedriver {
        let exe = chromedriver_path();
        let port = free_port();
        let child = Command::new(&exe)
            .envs(env.iter().copied())
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("e2e: cannot start {}: {e}", exe.display()));
        let mut driver = Chromedriver { child, port, log };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok((200, body)) = http_blocking(port, "GET", "/status", None) {
                if body.contains("\"ready\":true") || body.contains("\"ready\": true") {
                    break;
                }
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!(
                    "e2e: chromedriver exited at start-up with {status}; its log: {}",
                    driver.log.display()
                );
            }
            if Instant::now() > deadline {
                panic!("e2e: chromedriver did not become ready on port {port} within 20 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Minimal blocking HTTP/1.1 request to 127.0.0.1:port; returns (status, body).
pub fn http_blocking(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&str>,
) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    let body = body.unwrap_or("");
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    // chromedriver keeps the connection open: read the head, then Content-Length bytes.
    let mut out = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        let n = s.read(&mut chunk)?;
        if n == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "connection closed before the response head",
            ));
        }
        out.extend_from_slice(&chunk[..n]);
        if let Some(p) = out.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
    };
    let head = String::from_utf8_lossy(&out[..head_end]).to_string();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let length = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse::<usize>().ok());
    let mut body = out[head_end + 4..].to_vec();
    match length {
        Some(len) => {
            while body.len() < len {
                let n = s.read(&mut chunk)?;
                if n == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..n]);
            }
        }
        None => {
            s.read_to_end(&mut body)?;
        }
    }
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

/// A WebDriver command under `/session/{id}/` that fantoccini has no method for
/// (chromedriver's `se/log` and `goog/cdp/execute`).
#[derive(Debug)]
struct SessionCmd {
    method: http::Method,
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for SessionCmd {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or("none"),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (self.method.clone(), Some(self.body.to_string()))
    }
}

/// One entry of the browser console log as chromedriver reports it.
#[derive(Debug, Clone)]
pub struct ConsoleEntry {
    pub level: String,
    pub source: String,
    pub message: String,
}

impl ConsoleEntry {
    pub fn is_error(&self) -> bool {
        self.level == "SEVERE"
    }
}

impl std::fmt::Display for ConsoleEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{} {}] {}", self.level, self.source, self.message)
    }
}

pub struct Browser {
    pub client: Client,
    session_id: String,
    closed: bool,
    /// Every console entry read so far (chromedriver hands each out once).
    console: Mutex<Vec<ConsoleEntry>>,
    /// How many of `console` were already checked by `assert_no_console_errors`.
    checked: Mutex<usize>,
    // Field order matters for Drop: the session is deleted in Drop::drop, then the
    // driver is killed, then the profile is deleted.
    driver: Chromedriver,
    tmp: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a fresh profile at 390×844.
    pub async fn launch() -> Browser {
        Browser::launch_with(&[]).await
    }

    /// [`Browser::launch`] with environment variables for the browser (such as `TZ`, its
    /// time zone).
    pub async fn launch_with(env: &[(&str, &str)]) -> Browser {
        let chrome = chrome_path();
        let tmp = tempfile::Builder::new()
            .prefix("followup-e2e-")
            .tempdir()
            .expect("temp dir for the browser profile");
        let profile = tmp.path().join("profile");
        std::fs::create_dir_all(&profile).unwrap();
        let driver = Chromedriver::start_with(tmp.path().join("chromedriver.log"), env);

        let mut args: Vec<String> = CHROME_ARGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let caps = json!({
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "goog:loggingPrefs": { "browser": "ALL" },
            "goog:chromeOptions": {
                "binary": chrome.to_string_lossy(),
                "args": args,
                "mobileEmulation": {
                    "deviceMetrics": {
                        "width": VIEWPORT.0,
                        "height": VIEWPORT.1,
                        "pixelRatio": 1.0,
                        "touch": true,
                        "mobile": true
                    }
                }
            }
        });
        let caps: Capabilities = match caps {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| {
                let log = std::fs::read_to_string(driver.log.as_path()).unwrap_or_default();
                let tail: String = log.lines().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n");
                panic!("e2e: could not start a Chromium session through chromedriver: {e}\nchromedriver log tail:\n{tail}")
            });
        let session_id = client
            .session_id()
            .await
            .unwrap()
            .expect("a WebDriver session id");
        client
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(Duration::from_secs(30)),
                Some(Duration::from_secs(30)),
                Some(Duration::ZERO),
            ))
            .await
            .expect("set WebDriver timeouts");
        Browser {
            client,
            session_id,
            closed: false,
            console: Mutex::new(Vec::new()),
            checked: Mutex::new(0),
            driver,
            tmp,
        }
    }

    /// The temp dir holding this browser's profile and chromedriver log.
    pub fn tmp_dir(&self) -> &Path {
        self.tmp.path()
    }

    // ---------- navigation and scripts ----------

    pub async fn goto(&self, url: &str) {
        if let Err(e) = self.client.goto(url).await {
            panic!(
                "e2e: navigation to {url} failed: {e}\n{}",
                self.describe().await
            );
        }
    }

    pub async fn refresh(&self) {
        if let Err(e) = self.client.refresh().await {
            panic!("e2e: reload failed: {e}\n{}", self.describe().await);
        }
    }

    /// Runs `body` as the body of a function in the page and returns its result.
    pub async fn js(&self, body: &str) -> Value {
        match self.client.execute(body, vec![]).await {
            Ok(v) => v,
            Err(e) => panic!(
                "e2e: script failed: {e}\nscript: {body}\n{}",
                self.describe().await
            ),
        }
    }

    /// Runs `body` with a callback `done` (the script must call `done(value)`).
    pub async fn js_async(&self, body: &str) -> Value {
        let wrapped = format!("const done = arguments[arguments.length - 1];\n{body}");
        match self.client.execute_async(&wrapped, vec![]).await {
            Ok(v) => v,
            Err(e) => panic!(
                "e2e: async script failed: {e}\nscript: {body}\n{}",
                self.describe().await
            ),
        }
    }

    /// What the page shows: URL, `data-page` and the start of the body text.
    pub async fn describe(&self) -> String {
        let js = r#"
            const main = document.querySelector('main#main');
            return {
                url: location.href,
                page: main ? main.getAttribute('data-page') : null,
                title: document.title,
                body: (document.body ? document.body.innerText : '').slice(0, 500),
            };"#;
        match self.client.execute(js, vec![]).await {
            Ok(v) => format!(
                "page state: url={} data-page={} title={:?}\nbody text (first 500 chars):\n{}",
                v["url"].as_str().unwrap_or("?"),
                v["page"]
                    .as_str()
                    .map(|s| format!("{s:?}"))
                    .unwrap_or_else(|| "(no main#main)".into()),
                v["title"].as_str().unwrap_or(""),
                v["body"].as_str().unwrap_or("")
            ),
            Err(e) => {
                let url = self
                    .client
                    .current_url()
                    .await
                    .map(|u| u.to_string())
                    .unwrap_or_else(|e| format!("? ({e})"));
                format!("page state: url={url}; could not read the page: {e}")
            }
        }
    }

    /// Waits until an element matching `css` exists and its text contains `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) {
        self.wait_js(
            &format!("{css:?} to contain the text {needle:?}"),
            UI,
            &format!(
                "const e = document.querySelector({}); return !!e && e.textContent.includes({});",
                js_str(css),
                js_str(needle)
            ),
        )
        .await;
    }

    /// Everything stored for the book, as one text ("" when nothing is stored): see
    /// [`STORED_JS`].
    pub async fn stored(&self) -> String {
        self.js(&format!("return {STORED_JS};"))
            .await
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Polls the function body `js` every 100 ms until it returns a truthy value, and returns
    /// that value. On timeout, panics naming `what` and describing the page.
    pub async fn wait_js(&self, what: &str, timeout: Duration, js: &str) -> Value {
        let start = Instant::now();
        let mut last_err: Option<String>;
        loop {
            match self.client.execute(js, vec![]).await {
                Ok(v) if truthy(&v) => return v,
                Ok(_) => last_err = None,
                Err(e) => last_err = Some(e.to_string()),
            }
            if start.elapsed() > timeout {
                let console = self.console_so_far().await;
                panic!(
                    "e2e: timed out after {:.1} s waiting for {what}\n{}{}\nconsole so far:\n{}",
                    timeout.as_secs_f32(),
                    self.describe().await,
                    last_err
                        .map(|e| format!("\nlast script error: {e}"))
                        .unwrap_or_default(),
                    console
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `main#main[data-page=page]` is rendered with an `<h1>`.
    pub async fn wait_page(&self, page: &str) {
        let js = format!(
            "const m = document.querySelector('main#main'); \
             return !!(m && m.getAttribute('data-page') === {page:?} && document.querySelector('h1') \
                 && !document.getElementById('shell'));"
        );
        self.wait_js(
            &format!("the {page:?} page (main#main[data-page={page:?}] with an <h1>, drawn by the app: the shell's picture of the agenda is gone)"),
            Duration::from_secs(15),
            &js,
        )
        .await;
    }

    /// Waits for an element matching `css` to exist.
    pub async fn wait_css(&self, css: &str, timeout: Duration) {
        let js = format!("return !!document.querySelector({css:?});");
        self.wait_js(&format!("an element matching {css:?}"), timeout, &js)
            .await;
    }

    /// The current `data-page`, if any.
    pub async fn page(&self) -> Option<String> {
        let v = self.js("const m = document.querySelector('main#main'); return m ? m.getAttribute('data-page') : null;").await;
        v.as_str().map(str::to_string)
    }

    /// Text of the first `<h1>`.
    pub async fn h1(&self) -> String {
        self.js("const h = document.querySelector('h1'); return h ? h.textContent.trim() : null;")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    pub async fn path(&self) -> String {
        self.js("return location.pathname;")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Scrolls the element to the middle of the viewport, as a person would before tapping
    /// it (WebDriver scrolls it only to the bottom edge, where a fixed tab bar covers it).
    async fn scroll_to_center(&self, css: &str) {
        self.js(&format!(
            "const e = document.querySelector({css:?}); if (e) e.scrollIntoView({{block: 'center', inline: 'center'}}); return true;"
        ))
        .await;
    }

    /// The element `css` finds, once it is in the page, scrolled to the middle of the view.
    async fn find_centred(&self, css: &str) -> fantoccini::elements::Element {
        self.wait_css(css, Duration::from_secs(10)).await;
        self.scroll_to_center(css).await;
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("e2e: find {css}: {e}"))
    }

    /// Clicks `css` as a person would: scrolled into view first. When something else is
    /// over it because the page moved after the scroll (a card drawn late above it), it
    /// scrolls again and retries, three times at most, as a person taps again.
    pub async fn click(&self, css: &str) {
        for attempt in 1..=3 {
            let el = self.find_centred(css).await;
            match el.click().await {
                Ok(()) => return,
                Err(e) if attempt < 3 && e.to_string().contains("click intercepted") => {
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(e) => {
                    panic!("e2e: click on {css} failed: {e}\n{}", self.describe().await)
                }
            }
        }
    }

    /// Picks `path` in the file input `css`, as the file chooser would.
    pub async fn pick_file(&self, css: &str, path: &Path) {
        let input = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("e2e: no file input {css}: {e}"));
        input
            .send_keys(&path.display().to_string())
            .await
            .unwrap_or_else(|e| panic!("e2e: picking {} failed: {e}", path.display()));
    }

    /// Sets the date input `css` to `days` days before today, as a person picking it would.
    pub async fn set_date_days_ago(&self, css: &str, days: u32) {
        self.js(&format!(
            "const d = document.querySelector({}); d.value = new Date(Date.now() - {days} * 86400000).toISOString().slice(0, 10); d.dispatchEvent(new Event('input', {{bubbles: true}})); d.dispatchEvent(new Event('change', {{bubbles: true}})); return true;",
            js_str(css)
        ))
        .await;
    }

    /// From the next load on, the page sees Safari on an iPhone.
    pub async fn emulate_ios_safari(&self) {
        self.cdp(
            "Emulation.setUserAgentOverride",
            json!({ "userAgent": IOS_SAFARI_UA }),
        )
        .await;
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.find_centred(css).await;
        el.clear()
            .await
            .unwrap_or_else(|e| panic!("e2e: clear {css}: {e}"));
        if let Err(e) = el.send_keys(text).await {
            panic!(
                "e2e: typing into {css} failed: {e}\n{}",
                self.describe().await
            );
        }
    }

    // ---------- service worker ----------

    /// Waits until a service worker controls the page, `navigator.serviceWorker.ready` has
    /// resolved and the active worker is `activated` (so its precache completed in `install`).
    pub async fn wait_sw_control(&self) {
        self.wait_js(
            "a service worker controlling the page (navigator.serviceWorker.controller set, registration active and activated)",
            Duration::from_secs(20),
            r#"
            if (!('serviceWorker' in navigator)) return false;
            const c = navigator.serviceWorker.controller;
            if (!c) return false;
            if (!window.__e2eSwReady) {
                window.__e2eSwReady = 'pending';
                navigator.serviceWorker.ready.then(r => { window.__e2eSwReady = r; });
            }
            const r = window.__e2eSwReady;
            return !!(r && r !== 'pending' && r.active && r.active.state === 'activated');
            "#,
        )
        .await;
    }

    // ---------- chromedriver extensions ----------

    async fn session_cmd(
        &self,
        method: http::Method,
        path: &'static str,
        body: Value,
    ) -> Result<Value, fantoccini::error::CmdError> {
        self.client
            .issue_cmd(SessionCmd { method, path, body })
            .await
    }

    /// A Chrome DevTools Protocol command through chromedriver's passthrough; panics on
    /// error (see [`Browser::try_cdp`]).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.try_cdp(cmd, params)
            .await
            .unwrap_or_else(|e| panic!("e2e: CDP {cmd} failed: {e}"))
    }

    /// A Chrome DevTools Protocol command, its error returned (for the bench, which
    /// reports a failed measurement instead of stopping).
    pub async fn try_cdp(
        &self,
        cmd: &str,
        params: Value,
    ) -> Result<Value, fantoccini::error::CmdError> {
        self.session_cmd(
            http::Method::POST,
            "goog/cdp/execute",
            json!({ "cmd": cmd, "params": params }),
        )
        .await
    }

    /// Fetches the console entries chromedriver has collected since the last call.
    pub async fn read_console(&self) -> Vec<ConsoleEntry> {
        let value = match self
            .session_cmd(http::Method::POST, "se/log", json!({ "type": "browser" }))
            .await
        {
            Ok(v) => v,
            Err(e) => panic!(
                "e2e: reading the browser console log (POST /session/{}/se/log) failed: {e}",
                self.session_id
            ),
        };
        let entries: Vec<ConsoleEntry> = value
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| ConsoleEntry {
                        level: e["level"].as_str().unwrap_or("").to_string(),
                        source: e["source"].as_str().unwrap_or("").to_string(),
                        message: e["message"].as_str().unwrap_or("").to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        self.console.lock().unwrap().extend(entries.iter().cloned());
        entries
    }

    async fn console_so_far(&self) -> String {
        let _ = self
            .session_cmd(http::Method::POST, "se/log", json!({ "type": "browser" }))
            .await
            .map(|v| {
                if let Some(a) = v.as_array() {
                    let mut c = self.console.lock().unwrap();
                    for e in a {
                        c.push(ConsoleEntry {
                            level: e["level"].as_str().unwrap_or("").to_string(),
                            source: e["source"].as_str().unwrap_or("").to_string(),
                            message: e["message"].as_str().unwrap_or("").to_string(),
                        });
                    }
                }
            });
        let c = self.console.lock().unwrap();
        if c.is_empty() {
            "  (empty)".to_string()
        } else {
            c.iter()
                .map(|e| format!("  {e}"))
                .collect::<Vec<_>>()
                .join("\n")
        }
    }

    /// Fails on any console error (SEVERE) logged since the previous check, except those
    /// for which `allowed` returns true. Returns the entries it let through as allowed.
    pub async fn assert_no_console_errors_except(
        &self,
        context: &str,
        allowed: impl Fn(&ConsoleEntry) -> bool,
    ) -> Vec<ConsoleEntry> {
        self.read_console().await;
        let new: Vec<ConsoleEntry> = {
            let c = self.console.lock().unwrap();
            let mut checked = self.checked.lock().unwrap();
            let new = c[*checked..].to_vec();
            *checked = c.len();
            new
        };
        let (ok, bad): (Vec<_>, Vec<_>) = new
            .iter()
            .filter(|e| e.is_error())
            .cloned()
            .partition(|e| allowed(e));
        if !bad.is_empty() {
            let all = new
                .iter()
                .map(|e| format!("  {e}"))
                .collect::<Vec<_>>()
                .join("\n");
            panic!(
                "e2e: console errors {context}:\n{}\nall console entries in that span:\n{all}\n{}",
                bad.iter()
                    .map(|e| format!("  {e}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                self.describe().await
            );
        }
        ok
    }

    /// Fails on any console error (SEVERE) logged since the previous check.
    pub async fn assert_no_console_errors(&self, context: &str) {
        self.assert_no_console_errors_except(context, |_| false)
            .await;
    }

    // ---------- screenshots ----------

    /// Saves a PNG screenshot of the viewport and returns its pixel size.
    pub async fn screenshot(&self, path: &Path) -> (u32, u32) {
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("e2e: screenshot failed: {e}"));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(path, &png)
            .unwrap_or_else(|e| panic!("e2e: writing {}: {e}", path.display()));
        png_size(&png).unwrap_or_else(|| panic!("e2e: {} is not a PNG", path.display()))
    }

    /// Ends the session (closing Chromium); the driver and profile go on drop.
    pub async fn close(mut self) {
        self.closed = true;
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.closed {
            // The async client cannot be awaited here: end the session with a plain request so
            // chromedriver quits Chromium before it is killed.
            let _ = http_blocking(
                self.driver.port,
                "DELETE",
                &format!("/session/{}", self.session_id),
                None,
            );
        }
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().map(|f| f != 0.0).unwrap_or(true),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// Width and height from a PNG's IHDR chunk.
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || &png[..8] != b"\x89PNG\r\n\x1a\n" || &png[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(png[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(png[20..24].try_into().ok()?);
    Some((w, h))
}
