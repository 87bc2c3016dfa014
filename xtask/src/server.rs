//! A static file server that behaves like GitHub Pages for a project site, used by
//! `cargo xtask serve` and by the end-to-end suite.
//!
//! - serves one folder under a path prefix (`/followup/`), `/followup/` → `index.html`;
//! - `/followup` and directories without a trailing slash → 301 to the slashed path;
//! - unknown paths → the folder's `404.html` with status 404;
//! - `Cache-Control: max-age=600` on every file, as Pages sends;
//! - Content-Types as Pages sends them (`.wasm` is `application/wasm`);
//! - gzip (`Content-Encoding: gzip`, `Vary: Accept-Encoding`) for text and wasm when the
//!   request accepts it, as Pages does (Pages never sends brotli). `set_gzip(false)` serves
//!   every file uncompressed (the bench's second Lighthouse run).
//!
//! It can be stopped (to test offline behaviour honestly: the service worker's own fetches
//! fail too), restarted on the same port (same origin, so the same service worker and
//! storage), and switched to another folder (to deploy a "newer build" in place).
//!
//! Every response carries `Connection: close` and `stop()` shuts down every open socket, so
//! no idle keep-alive or speculative connection of Chromium can outlive a stop.
//!
//! `cargo xtask serve --fast` starts it with [`StaticServer::start_live`] instead: every
//! response is `Cache-Control: no-store` (a reload always fetches the newest files), and
//! `<prefix>__build` is a Server-Sent Events stream of the build the server holds
//! ([`StaticServer::publish`], [`StaticServer::failed`]), which the page of a fast build
//! follows to reload itself (`xtask/src/fast.rs`). The plain server has neither.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// One request as the server saw it: `(method, path, status)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub method: String,
    pub path: String,
    pub status: u16,
}

struct Shared {
    root: RwLock<PathBuf>,
    prefix: String,
    hits: Mutex<Vec<Hit>>,
    conns: Mutex<HashMap<u64, TcpStream>>,
    next_conn: AtomicU64,
    gzip: AtomicBool,
    /// `Some` for the live server of `serve --fast`.
    live: Option<Live>,
}

/// The build a live server holds, and a condition variable that wakes the event streams
/// when it changes.
struct Live {
    state: Mutex<LiveState>,
    changed: Condvar,
}

#[derive(Clone, Default, PartialEq, Eq)]
struct LiveState {
    /// Counts every change, so that a stream notices one that repeats an earlier value.
    seq: u64,
    /// The build id being served (empty before the first build).
    build: String,
    /// The last failed build's message, until a build succeeds again.
    failure: Option<String>,
}

struct Running {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<()>,
}

pub struct StaticServer {
    port: u16,
    shared: Arc<Shared>,
    running: Option<Running>,
}

impl StaticServer {
    /// Starts serving `root` under `prefix` (e.g. `/followup/`) on 127.0.0.1 and a free port.
    pub fn start(root: impl Into<PathBuf>, prefix: &str) -> StaticServer {
        StaticServer::start_at(root, prefix, 0).expect("bind 127.0.0.1:0 for the static server")
    }

    /// Starts serving `root` under `prefix` on 127.0.0.1:`port` (0 picks a free port).
    pub fn start_at(root: impl Into<PathBuf>, prefix: &str, port: u16) -> io::Result<StaticServer> {
        StaticServer::listen(root.into(), prefix, port, None)
    }

    /// Starts the live server of `serve --fast` on 127.0.0.1:`port`: like [`start_at`]
    /// but every response is `Cache-Control: no-store`, and `<prefix>__build` streams the
    /// build id (see [`publish`]) as Server-Sent Events. It serves `root` until the first
    /// [`publish`].
    ///
    /// [`start_at`]: StaticServer::start_at
    /// [`publish`]: StaticServer::publish
    pub fn start_live(
        root: impl Into<PathBuf>,
        prefix: &str,
        port: u16,
    ) -> io::Result<StaticServer> {
        let live = Live {
            state: Mutex::new(LiveState::default()),
            changed: Condvar::new(),
        };
        StaticServer::listen(root.into(), prefix, port, Some(live))
    }

    fn listen(root: PathBuf, prefix: &str, port: u16, live: Option<Live>) -> io::Result<Self> {
        assert!(
            prefix.starts_with('/') && prefix.ends_with('/'),
            "prefix must start and end with '/': {prefix:?}"
        );
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let port = listener.local_addr()?.port();
        let shared = Arc::new(Shared {
            root: RwLock::new(root),
            prefix: prefix.to_string(),
            hits: Mutex::new(Vec::new()),
            conns: Mutex::new(HashMap::new()),
            next_conn: AtomicU64::new(0),
            gzip: AtomicBool::new(true),
            live,
        });
        let mut server = StaticServer {
            port,
            shared,
            running: None,
        };
        server.run(listener);
        Ok(server)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Full URL of `path` under the prefix: `url("contacts/new")` →
    /// `http://127.0.0.1:PORT/followup/contacts/new`.
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}{}{}",
            self.origin(),
            self.shared.prefix,
            path.trim_start_matches('/')
        )
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The folder currently served.
    pub fn root(&self) -> PathBuf {
        self.shared.root.read().unwrap().clone()
    }

    /// Serves another folder from the next request on (same port, same origin).
    pub fn set_root(&self, root: impl Into<PathBuf>) {
        *self.shared.root.write().unwrap() = root.into();
    }

    /// Whether files are sent gzip-compressed to clients that accept it (the default, as
    /// GitHub Pages does) or always uncompressed.
    pub fn set_gzip(&self, on: bool) {
        self.shared.gzip.store(on, Ordering::SeqCst);
    }

    /// Live server only: serves `root` from the next request on and tells every open page
    /// that `build` is the build now (clearing a failure). Does nothing on a plain server.
    pub fn publish(&self, root: impl Into<PathBuf>, build: &str) {
        let Some(live) = &self.shared.live else {
            return;
        };
        self.set_root(root);
        let mut state = live.state.lock().unwrap();
        state.seq += 1;
        state.build = build.to_string();
        state.failure = None;
        live.changed.notify_all();
    }

    /// Live server only: tells every open page that the last build failed, with `message`
    /// (the compiler's errors). The last good build stays served.
    pub fn failed(&self, message: &str) {
        let Some(live) = &self.shared.live else {
            return;
        };
        let mut state = live.state.lock().unwrap();
        state.seq += 1;
        state.failure = Some(message.to_string());
        live.changed.notify_all();
    }

    /// Every request served so far.
    pub fn hits(&self) -> Vec<Hit> {
        self.shared.hits.lock().unwrap().clone()
    }

    /// Stops listening and closes every open connection. Idempotent.
    pub fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            running.stop.store(true, Ordering::SeqCst);
            let _ = running.thread.join();
        }
        let conns: Vec<TcpStream> = self
            .shared
            .conns
            .lock()
            .unwrap()
            .drain()
            .map(|(_, s)| s)
            .collect();
        for conn in conns {
            let _ = conn.shutdown(Shutdown::Both);
        }
        // Nothing may answer on the port any more.
        assert!(
            TcpStream::connect_timeout(&self.addr(), Duration::from_millis(200)).is_err(),
            "static server still accepts connections on port {} after stop()",
            self.port
        );
    }

    /// Listens again on the same port. Idempotent.
    pub fn restart(&mut self) {
        if self.running.is_some() {
            return;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        let listener = loop {
            match TcpListener::bind(self.addr()) {
                Ok(l) => break l,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => panic!("cannot listen again on 127.0.0.1:{}: {e}", self.port),
            }
        };
        self.run(listener);
    }

    fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }

    fn run(&mut self, listener: TcpListener) {
        listener
            .set_nonblocking(true)
            .expect("nonblocking listener");
        let stop = Arc::new(AtomicBool::new(false));
        let shared = self.shared.clone();
        let stop2 = stop.clone();
        let thread = std::thread::Builder::new()
            .name(format!("static-server-{}", self.port))
            .spawn(move || accept_loop(listener, shared, stop2))
            .expect("spawn static server thread");
        self.running = Some(Running { stop, thread });
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        if let Some(running) = self.running.take() {
            running.stop.store(true, Ordering::SeqCst);
            let _ = running.thread.join();
        }
        for (_, conn) in self.shared.conns.lock().unwrap().drain() {
            let _ = conn.shutdown(Shutdown::Both);
        }
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>, stop: Arc<AtomicBool>) {
    while !stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((stream, _)) => {
                if stop.load(Ordering::SeqCst) {
                    let _ = stream.shutdown(Shutdown::Both);
                    break;
                }
                let _ = stream.set_nonblocking(false);
                let id = shared.next_conn.fetch_add(1, Ordering::SeqCst);
                if let Ok(clone) = stream.try_clone() {
                    shared.conns.lock().unwrap().insert(id, clone);
                }
                let shared = shared.clone();
                std::thread::spawn(move || {
                    let _ = handle(stream, &shared);
                    shared.conns.lock().unwrap().remove(&id);
                });
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(3))
            }
            Err(_) => std::thread::sleep(Duration::from_millis(3)),
        }
    }
    // `listener` is dropped here: the port is closed.
}

fn handle(mut stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut buf = Vec::with_capacity(2048);
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Ok(()); // preconnect closed without a request
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(pos) = find(&buf, b"\r\n\r\n") {
            break pos;
        }
        if buf.len() > 64 * 1024 {
            return respond(
                &mut stream,
                shared,
                "?",
                "?",
                431,
                "text/plain; charset=utf-8",
                b"request header too large",
                &[],
                false,
            );
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let request_line = head.lines().next().unwrap_or("");
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let head_only = method == "HEAD";
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            shared,
            &method,
            &target,
            405,
            "text/plain; charset=utf-8",
            b"method not allowed",
            &[("Allow", "GET, HEAD")],
            false,
        );
    }

    let path = percent_decode(target.split(['?', '#']).next().unwrap_or(""));
    let prefix = shared.prefix.as_str();
    if let Some(live) = &shared.live {
        if path.strip_prefix(prefix) == Some(LIVE_EVENTS) && !head_only {
            // The fast page connects as soon as it has loaded: the developer's "reloaded".
            if let Some(page) = target.split_once("page=").map(|(_, p)| p) {
                let page = percent_decode(page.split('&').next().unwrap_or(""));
                println!("[{}] a page loaded build {page}", crate::fast::clock());
            }
            shared.hits.lock().unwrap().push(Hit {
                method,
                path: target,
                status: 200,
            });
            return stream_builds(stream, live);
        }
    }
    let root = shared.root.read().unwrap().clone();

    // `/followup` → `/followup/`, as Pages does.
    if path == prefix.trim_end_matches('/') {
        return redirect(&mut stream, shared, &method, &target, prefix, head_only);
    }
    let Some(rel) = path.strip_prefix(prefix) else {
        // Outside the project site: Pages would answer with the user site's 404.
        return respond(
            &mut stream,
            shared,
            &method,
            &target,
            404,
            "text/plain; charset=utf-8",
            b"404 Not Found (outside the site prefix)",
            &[],
            head_only,
        );
    };

    match resolve(&root, rel) {
        Resolved::File(file) => {
            let body = std::fs::read(&file)?;
            let content_type = content_type(&file);
            let zipped = shared.gzip.load(Ordering::SeqCst)
                && accepts_gzip(&head)
                && compressible(content_type);
            let (body, extra): (Vec<u8>, &[(&str, &str)]) = if zipped {
                (
                    gzip(&body)?,
                    &[("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")],
                )
            } else {
                (body, &[])
            };
            respond(
                &mut stream,
                shared,
                &method,
                &target,
                200,
                content_type,
                &body,
                extra,
                head_only,
            )
        }
        Resolved::AddSlash => {
            let location = format!("{path}/");
            redirect(&mut stream, shared, &method, &target, &location, head_only)
        }
        Resolved::NotFound => match std::fs::read(root.join("404.html")) {
            Ok(body) => respond(
                &mut stream,
                shared,
                &method,
                &target,
                404,
                "text/html; charset=utf-8",
                &body,
                &[],
                head_only,
            ),
            Err(_) => respond(
                &mut stream,
                shared,
                &method,
                &target,
                404,
                "text/plain; charset=utf-8",
                b"404 Not Found (and the dist has no 404.html)",
                &[],
                head_only,
            ),
        },
    }
}

/// The path (under the prefix) of a live server's build events.
pub const LIVE_EVENTS: &str = "__build";

/// A live server's `__build` stream: `event: build` with the id being served, at once and
/// on every new build; `event: failed` with the compiler's message when a build fails; a
/// comment every 15 s, so that a closed page's connection is noticed and its thread ends.
/// `retry: 300` has a page reconnect quickly after the server restarts.
fn stream_builds(mut stream: TcpStream, live: &Live) -> io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
          Connection: close\r\n\r\nretry: 300\n\n",
    )?;
    let mut sent = LiveState {
        seq: u64::MAX,
        ..LiveState::default()
    };
    loop {
        let state = {
            let guard = live.state.lock().unwrap();
            let (guard, _) = live
                .changed
                .wait_timeout_while(guard, Duration::from_secs(15), |s| s.seq == sent.seq)
                .unwrap();
            guard.clone()
        };
        let mut message = String::new();
        if state.seq == sent.seq {
            message.push_str(": still here\n\n");
        } else {
            if !state.build.is_empty() && state.build != sent.build {
                message.push_str(&sse_event("build", &state.build));
            }
            if let Some(failure) = state
                .failure
                .as_ref()
                .filter(|f| sent.failure.as_ref() != Some(f))
            {
                message.push_str(&sse_event("failed", failure));
            }
            sent = state;
        }
        stream.write_all(message.as_bytes())?;
        stream.flush()?;
    }
}

/// One Server-Sent Event: `event: NAME` and one `data:` line per line of `data`.
pub fn sse_event(name: &str, data: &str) -> String {
    let mut event = format!("event: {name}\n");
    for line in data.lines() {
        event.push_str("data: ");
        event.push_str(line);
        event.push('\n');
    }
    if data.is_empty() {
        event.push_str("data:\n");
    }
    event.push('\n');
    event
}

enum Resolved {
    File(PathBuf),
    AddSlash,
    NotFound,
}

fn resolve(root: &Path, rel: &str) -> Resolved {
    let rel_path = Path::new(rel);
    if rel_path
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Resolved::NotFound;
    }
    let mut file = root.join(rel_path);
    if rel.is_empty() || rel.ends_with('/') {
        file = file.join("index.html");
    } else if file.is_dir() {
        return if file.join("index.html").is_file() {
            Resolved::AddSlash
        } else {
            Resolved::NotFound
        };
    }
    if file.is_file() {
        return Resolved::File(file);
    }
    // Pages also serves `foo.html` for `/foo`.
    if !rel.is_empty() && !rel.ends_with('/') {
        let html = root.join(format!("{rel}.html"));
        if html.is_file() {
            return Resolved::File(html);
        }
    }
    Resolved::NotFound
}

#[allow(clippy::too_many_arguments)]
fn respond(
    stream: &mut TcpStream,
    shared: &Shared,
    method: &str,
    target: &str,
    status: u16,
    content_type: &str,
    body: &[u8],
    extra: &[(&str, &str)],
    head_only: bool,
) -> io::Result<()> {
    shared.hits.lock().unwrap().push(Hit {
        method: method.to_string(),
        path: target.to_string(),
        status,
    });
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        _ => "Unknown",
    };
    // Pages' caching, or none at all on the live server: a reload must fetch every file anew.
    let cache = if shared.live.is_some() {
        "no-store"
    } else {
        "max-age=600"
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: {cache}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()?;
    let _ = stream.shutdown(Shutdown::Write);
    Ok(())
}

fn redirect(
    stream: &mut TcpStream,
    shared: &Shared,
    method: &str,
    target: &str,
    location: &str,
    head_only: bool,
) -> io::Result<()> {
    let body = format!("Moved to {location}");
    respond(
        stream,
        shared,
        method,
        target,
        301,
        "text/plain; charset=utf-8",
        body.as_bytes(),
        &[("Location", location)],
        head_only,
    )
}

/// The Content-Type GitHub Pages sends for a file name.
pub fn content_type(file: &Path) -> &'static str {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

/// Whether the request's `Accept-Encoding` lists gzip (not refused with `q=0`).
fn accepts_gzip(head: &str) -> bool {
    head.lines()
        .filter_map(|line| line.split_once(':'))
        .filter(|(name, _)| name.trim().eq_ignore_ascii_case("accept-encoding"))
        .flat_map(|(_, value)| value.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| p.replace(' ', "") == "q=0");
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// The types Pages compresses: text, scripts, wasm, JSON, SVG, XML. Images and fonts that
/// are compressed already are sent as they are.
fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/wasm")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/manifest+json")
        || content_type.starts_with("application/xml")
        || content_type.starts_with("image/svg+xml")
}

/// gzip at zlib's default level 6, what common web servers (and so Pages) use on the fly.
fn gzip(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes)?;
    enc.finish()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(v) = u8::from_str_radix(hex, 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(port: u16, path: &str) -> (u16, String, Vec<u8>) {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        let end = find(&out, b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&out[..end]).to_string();
        let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
        (status, head, out[end + 4..].to_vec())
    }

    #[test]
    fn pages_semantics_stop_restart_switch() {
        let a = tempfile::tempdir().unwrap();
        std::fs::write(a.path().join("index.html"), "A-index").unwrap();
        std::fs::write(a.path().join("404.html"), "A-404").unwrap();
        std::fs::write(a.path().join("app_bg.wasm"), "wasm").unwrap();
        std::fs::create_dir(a.path().join("sub")).unwrap();
        std::fs::write(a.path().join("sub/index.html"), "sub").unwrap();
        let b = tempfile::tempdir().unwrap();
        std::fs::write(b.path().join("index.html"), "B-index").unwrap();

        let mut server = StaticServer::start(a.path(), "/followup/");
        let port = server.port();
        let (st, head, body) = get(port, "/followup/");
        assert_eq!((st, body.as_slice()), (200, &b"A-index"[..]));
        assert!(head.contains("Content-Type: text/html"), "{head}");
        assert!(head.contains("Cache-Control: max-age=600"), "{head}");
        let (st, head, _) = get(port, "/followup/app_bg.wasm?x=1");
        assert_eq!(st, 200);
        assert!(head.contains("Content-Type: application/wasm"), "{head}");
        let (st, _, body) = get(port, "/followup/contacts/12");
        assert_eq!((st, body.as_slice()), (404, &b"A-404"[..]));
        let (st, head, _) = get(port, "/followup");
        assert_eq!(st, 301);
        assert!(head.contains("Location: /followup/"), "{head}");
        let (st, head, _) = get(port, "/followup/sub");
        assert_eq!(st, 301);
        assert!(head.contains("Location: /followup/sub/"), "{head}");
        assert_eq!(get(port, "/followup/../Cargo.toml").0, 404);
        assert_eq!(get(port, "/other/").0, 404);

        server.stop();
        assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
        server.set_root(b.path());
        server.restart();
        assert_eq!(server.port(), port);
        let (st, _, body) = get(port, "/followup/");
        assert_eq!((st, body.as_slice()), (200, &b"B-index"[..]));
        assert!(server
            .hits()
            .iter()
            .any(|h| h.path == "/followup/contacts/12" && h.status == 404));
    }

    fn get_gzip(port: u16, path: &str, accept: &str) -> (String, Vec<u8>) {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept}\r\n\r\n"
        )
        .unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        let end = find(&out, b"\r\n\r\n").unwrap();
        (
            String::from_utf8_lossy(&out[..end]).to_string(),
            out[end + 4..].to_vec(),
        )
    }

    #[test]
    fn gzip_like_pages_when_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let text = "follow up ".repeat(500);
        std::fs::write(dir.path().join("index.html"), &text).unwrap();
        std::fs::write(dir.path().join("icon.png"), &text).unwrap();
        let server = StaticServer::start(dir.path(), "/followup/");
        let port = server.port();

        let (head, body) = get_gzip(port, "/followup/", "gzip, deflate, br");
        assert!(head.contains("Content-Encoding: gzip"), "{head}");
        assert!(head.contains("Vary: Accept-Encoding"), "{head}");
        assert!(body.len() < text.len() / 10, "{} bytes", body.len());
        let mut plain = String::new();
        flate2::read::GzDecoder::new(&body[..])
            .read_to_string(&mut plain)
            .unwrap();
        assert_eq!(plain, text);

        // Not asked for, refused, or an already-compressed type: sent as it is.
        for accept in ["identity", "gzip;q=0, br"] {
            let (head, body) = get_gzip(port, "/followup/", accept);
            assert!(!head.contains("Content-Encoding"), "{accept}: {head}");
            assert_eq!(body, text.as_bytes());
        }
        let (head, _) = get_gzip(port, "/followup/icon.png", "gzip");
        assert!(!head.contains("Content-Encoding"), "{head}");

        server.set_gzip(false);
        let (head, body) = get_gzip(port, "/followup/", "gzip");
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert_eq!(body, text.as_bytes());
    }

    /// Reads a live server's event stream until `want` has appeared, or panics after 10 s.
    fn read_events_until(stream: &mut TcpStream, seen: &mut String, want: &str) {
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut chunk = [0u8; 1024];
        while !seen.contains(want) {
            let n = stream
                .read(&mut chunk)
                .expect("the event stream stays open");
            assert!(n > 0, "the stream ended before {want:?}: {seen}");
            seen.push_str(&String::from_utf8_lossy(&chunk[..n]));
        }
    }

    #[test]
    fn live_server_streams_builds_and_never_caches() {
        let first = tempfile::tempdir().unwrap();
        std::fs::write(first.path().join("index.html"), "waiting").unwrap();
        let second = tempfile::tempdir().unwrap();
        std::fs::write(second.path().join("index.html"), "build 1").unwrap();
        let server = StaticServer::start_live(first.path(), "/", 0).unwrap();
        let port = server.port();
        let (st, head, body) = get(port, "/");
        assert_eq!((st, body.as_slice()), (200, &b"waiting"[..]));
        assert!(head.contains("Cache-Control: no-store"), "{head}");

        let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            events,
            "GET /__build?page=waiting HTTP/1.1\r\nHost: x\r\n\r\n"
        )
        .unwrap();
        let mut seen = String::new();
        read_events_until(&mut events, &mut seen, "retry: 300\n\n");
        assert!(seen.starts_with("HTTP/1.1 200 OK\r\n"), "{seen}");
        assert!(seen.contains("Content-Type: text/event-stream"), "{seen}");

        server.failed("error[E0425]: cannot find value `x`\n --> src/pages/agenda.rs:3:5");
        read_events_until(&mut events, &mut seen, "agenda.rs:3:5\n\n");
        assert!(
            seen.contains(
                "event: failed\ndata: error[E0425]: cannot find value `x`\ndata:  --> src/pages/agenda.rs:3:5\n\n"
            ),
            "{seen}"
        );
        server.publish(second.path(), "1-5");
        read_events_until(&mut events, &mut seen, "event: build\ndata: 1-5\n\n");
        assert_eq!(get(port, "/").2, b"build 1");

        // A page that connects later hears the current build at once.
        let mut late = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(late, "GET /__build HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        read_events_until(&mut late, &mut String::new(), "event: build\ndata: 1-5\n\n");

        // The plain server has no such endpoint, and Pages' caching.
        let plain = StaticServer::start(second.path(), "/");
        let (st, head, _) = get(plain.port(), "/__build");
        assert_eq!(st, 404);
        assert!(head.contains("Cache-Control: max-age=600"), "{head}");
        plain.publish(first.path(), "ignored");
        assert_eq!(get(plain.port(), "/").2, b"build 1");
    }

    #[test]
    fn events_carry_every_line() {
        assert_eq!(sse_event("build", "2-9"), "event: build\ndata: 2-9\n\n");
        assert_eq!(
            sse_event("failed", "a\nb"),
            "event: failed\ndata: a\ndata: b\n\n"
        );
        assert_eq!(sse_event("failed", ""), "event: failed\ndata:\n\n");
    }
}
