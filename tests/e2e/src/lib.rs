//! End-to-end test harness for Followup.
//!
//! The tests (one binary, `tests/main.rs`) drive the release `dist/` exactly as GitHub Pages serves
//! it under `/followup/`:
//!
//! - [`StaticServer`] (from `xtask::server`): a Pages-like static server on 127.0.0.1 (free port) that can
//!   be stopped, restarted on the same port and pointed at another folder;
//! - [`browser::Browser`]: chromedriver (started on a free port) + headless Chromium at
//!   390×844 with a fresh profile, console log collection, CDP passthrough and wait helpers.
//!
//! [`bench`] is the benchmark behind `cargo xtask bench` (binary `src/bin/bench.rs`).
//!
//! Run from the workspace root, after `cargo xtask dist --public-url /followup/`:
//! `cargo test -p followup-e2e --test e2e -- --test-threads=1`.

pub mod bench;
pub mod browser;
pub mod ui;

use std::path::{Path, PathBuf};

pub use browser::{js_str, Browser, ConsoleEntry, META_KEY, RECORDS_JS, STORED_JS, UI, VIEWPORT};
pub use xtask::server::StaticServer;

/// The path prefix the dist was built for (`--public-url /followup/`).
pub const PREFIX: &str = "/followup/";

/// The workspace root (`tests/e2e/../..`).
pub fn workspace_root() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..");
    dir.canonicalize().unwrap_or(dir)
}

/// The release dist to test: `$FOLLOWUP_DIST`, or `<workspace>/dist`. Panics with how to
/// build it when it is missing.
pub fn dist_dir() -> PathBuf {
    let dist = match std::env::var_os("FOLLOWUP_DIST") {
        Some(p) => PathBuf::from(p),
        None => workspace_root().join("dist"),
    };
    for required in ["index.html", "404.html", "sw.js", "manifest.webmanifest"] {
        if !dist.join(required).is_file() {
            panic!(
                "e2e: {} has no {required}.\n\
                 Build the release dist first, from the workspace root:\n    \
                 cargo xtask dist --public-url /followup/\n\
                 (or point FOLLOWUP_DIST at a dist folder built with --public-url /followup/)",
                dist.display()
            );
        }
    }
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    if !index.contains(&format!("\"{PREFIX}")) {
        panic!(
            "e2e: {} was not built for the {PREFIX} subpath (its index.html never mentions \"{PREFIX}…\"; \
             a `cargo xtask serve` build uses /).\n\
             Rebuild it from the workspace root:\n    cargo xtask dist --public-url /followup/",
            dist.join("index.html").display()
        );
    }
    dist
}

/// Where screenshots go: `<workspace>/target/screenshots/`.
pub fn screenshots_dir() -> PathBuf {
    let dir = workspace_root().join("target").join("screenshots");
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("e2e: cannot create {}: {e}", dir.display()));
    dir
}

/// Copies a folder tree (files and subfolders).
/// Writes `text` to `<dir>/<name>` and returns the path (a file to import).
pub fn write_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("e2e: writing {}: {e}", path.display()));
    path
}

pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// The `content` of `<meta name="followup-build" content="...">` in an HTML text.
pub fn build_meta(html: &str) -> Option<String> {
    let at = html.find("name=\"followup-build\"")?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let c = tag.find("content=\"")? + "content=\"".len();
    let len = tag[c..].find('"')?;
    Some(tag[c..c + len].to_string())
}

/// A server on the dist plus a fresh browser: the usual start of a test.
pub struct Fixture {
    pub server: StaticServer,
    pub browser: Browser,
}

impl Fixture {
    pub async fn new() -> Fixture {
        let dist = dist_dir();
        let server = StaticServer::start(dist, PREFIX);
        let browser = Browser::launch().await;
        Fixture { server, browser }
    }

    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    /// Closes the browser after a last console check.
    pub async fn finish(self, context: &str) {
        self.browser.assert_no_console_errors(context).await;
        self.browser.close().await;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_build_meta() {
        let html =
            r#"<head><meta charset="utf-8"><meta name="followup-build" content="abc123"></head>"#;
        assert_eq!(super::build_meta(html).as_deref(), Some("abc123"));
        let html = r#"<meta content="x1" name="followup-build" />"#;
        assert_eq!(super::build_meta(html).as_deref(), Some("x1"));
    }
}
