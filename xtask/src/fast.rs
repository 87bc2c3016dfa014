//! The quick loop's build, `cargo xtask serve --fast`: what it puts in the folder it serves,
//! and how it notices a saved file.
//!
//! A fast build is the app as one unsplit wasm (stable toolchain, `--features start`, the
//! `fast` profile: dev without debug info; no wasm-opt) bound by `wasm-bindgen --target
//! web`, next to Trunk's debug output (html, css, the copied files). [`assemble`] puts both into a new folder per build, with
//!
//! - `index.html` (and `404.html`, for deep links) starting the wasm from a small module
//!   script ([`index_html`]), under the same Content-Security-Policy as the release build,
//!   so that a violation shows in development too;
//! - `register-sw.js` replaced by [`PAGE_SCRIPT`]: no service worker, and the page reloads
//!   itself when the server announces a newer build (Server-Sent Events from
//!   `xtask::server`'s live mode), or shows the compiler's message when a build failed;
//! - `sw.js` replaced by [`WORKER`], which removes a release worker left on the same origin
//!   by an earlier `cargo xtask serve`.
//!
//! Nothing here is ever written into `dist/`. [`Watch`] polls the modification times of
//! the watched files (std only, no watcher crate): every 300 ms is cheap for a few hundred
//! files and reacts well within a build's time.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The page's script of a fast build, served as `register-sw.js`; its build id is
/// [`BUILD_PLACEHOLDER`].
pub const PAGE_SCRIPT: &str = include_str!("fast-page.js");
/// The worker of a fast build, served as `sw.js`.
pub const WORKER: &str = include_str!("fast-sw.js");
/// What [`page_script`] replaces with the build id.
pub const BUILD_PLACEHOLDER: &str = "__FOLLOWUP_FAST_BUILD__";

/// What a change needs rebuilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// `src/`, `Cargo.toml`, `Cargo.lock`: cargo and wasm-bindgen.
    Wasm,
    /// `index.html`, `style/`, `public/`: Trunk (html, css, copied files).
    Page,
}

/// The files and folders watched, relative to the workspace root, and what each needs.
pub const WATCHED: &[(&str, Part)] = &[
    ("src", Part::Wasm),
    ("Cargo.toml", Part::Wasm),
    ("Cargo.lock", Part::Wasm),
    ("index.html", Part::Page),
    ("style", Part::Page),
    ("public", Part::Page),
];

/// The page script with its build id.
pub fn page_script(build: &str) -> String {
    PAGE_SCRIPT.replace(BUILD_PLACEHOLDER, build)
}

/// A build id: the build's number in this run and the time it was made (milliseconds since
/// 1970), so that a page left open across a restart of `serve --fast` reloads too.
pub fn build_id(number: u64, at: SystemTime) -> String {
    let millis = at.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis());
    format!("{number}-{millis}")
}

/// The time of day (UTC) to the millisecond, `23:04:05.678`, for the log lines a developer
/// compares with a save.
pub fn clock() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs();
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        secs / 3600 % 24,
        secs / 60 % 60,
        secs % 60,
        now.subsec_millis()
    )
}

/// Trunk's `index.html` of a fast build: the module script that starts the wasm (`stem.js`
/// and `stem_bg.wasm` under `public_url`, logging when the app has started) before
/// `</head>`, then a Content-Security-Policy as in the release build. `None` if there is
/// no `</head>`.
pub fn index_html(html: &str, public_url: &str, stem: &str, build: &str) -> Option<String> {
    let at = html.find("</head>")?;
    let loader = format!(
        "  <script type=\"module\">import init from '{public_url}{stem}.js';\
         init({{ module_or_path: '{public_url}{stem}_bg.wasm' }}).then(() => console.info(\
         'Followup fast build {build}: the app started ' + Math.round(performance.now()) + \
         ' ms after the navigation'));</script>\n  "
    );
    let mut out = String::with_capacity(html.len() + loader.len());
    out.push_str(html[..at].trim_end_matches([' ', '\t']));
    out.push_str(&loader);
    out.push_str(&html[at..]);
    crate::pwa::with_csp(&out)
}

/// Writes a fast build into `to` (a new folder): every file of `trunk_out` and `bindgen_out`,
/// then [`index_html`] as `index.html` and `404.html`, [`page_script`] as `register-sw.js`
/// and [`WORKER`] as `sw.js`.
pub fn assemble(
    trunk_out: &Path,
    bindgen_out: &Path,
    stem: &str,
    public_url: &str,
    build: &str,
    to: &Path,
) -> io::Result<()> {
    let _ = fs::remove_dir_all(to);
    copy_tree(trunk_out, to)?;
    copy_tree(bindgen_out, to)?;
    let index = fs::read_to_string(to.join("index.html"))?;
    let index = index_html(&index, public_url, stem, build).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "Trunk's index.html has no </head>",
        )
    })?;
    fs::write(to.join("index.html"), &index)?;
    fs::write(to.join("404.html"), &index)?;
    fs::write(to.join("register-sw.js"), page_script(build))?;
    fs::write(to.join("sw.js"), WORKER)
}

/// What the server shows before the first build is ready: a page that waits for it (and
/// shows the compiler's message if it fails), for any path.
pub fn write_waiting_page(to: &Path) -> io::Result<()> {
    let _ = fs::remove_dir_all(to);
    fs::create_dir_all(to)?;
    let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\" />\
                <base href=\"/\" /><title>Followup: building…</title>\
                <script src=\"/register-sw.js\" defer></script></head>\n\
                <body><p>cargo xtask serve --fast: the first build is under way; this page \
                reloads when it is ready.</p></body>\n</html>\n";
    fs::write(to.join("index.html"), page)?;
    fs::write(to.join("404.html"), page)?;
    fs::write(to.join("register-sw.js"), page_script("waiting"))?;
    fs::write(to.join("sw.js"), WORKER)
}

fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Every watched file's modification time and size.
type Snapshot = BTreeMap<PathBuf, (Option<SystemTime>, u64)>;

/// Notices saved, added and removed files under [`WATCHED`] by comparing snapshots.
pub struct Watch {
    root: PathBuf,
    last: Snapshot,
}

impl Watch {
    /// Watches [`WATCHED`] under the workspace `root`, from now on.
    pub fn new(root: &Path) -> Watch {
        let last = snapshot(root);
        Watch {
            root: root.to_path_buf(),
            last,
        }
    }

    /// The files changed since the last call (or [`Watch::new`]), relative to the root and
    /// sorted, each with the part it needs rebuilt. Editors' hidden and backup files
    /// (`.name.swp`, `name~`, `#name#`) are not counted.
    pub fn changes(&mut self) -> Vec<(PathBuf, Part)> {
        let now = snapshot(&self.root);
        let mut changed: Vec<&PathBuf> = now
            .iter()
            .filter(|(path, stamp)| self.last.get(*path) != Some(stamp))
            .map(|(path, _)| path)
            .collect();
        changed.extend(self.last.keys().filter(|path| !now.contains_key(*path)));
        changed.sort();
        let changes = changed
            .into_iter()
            .filter_map(|path| Some((path.clone(), part_of(path)?)))
            .collect();
        self.last = now;
        changes
    }
}

/// The part a changed path (relative to the root) needs rebuilt; `None` for what no build
/// reads.
fn part_of(path: &Path) -> Option<Part> {
    let name = path.file_name()?.to_str()?;
    if name.starts_with('.') || name.ends_with('~') || name.starts_with('#') {
        return None;
    }
    WATCHED
        .iter()
        .find(|(watched, _)| path.starts_with(watched))
        .map(|&(_, part)| part)
}

fn snapshot(root: &Path) -> Snapshot {
    let mut files = Snapshot::new();
    for (watched, _) in WATCHED {
        walk(root, &root.join(watched), &mut files);
    }
    files
}

fn walk(root: &Path, path: &Path, out: &mut Snapshot) {
    let Ok(meta) = fs::metadata(path) else {
        return;
    };
    if meta.is_dir() {
        let Ok(entries) = fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            walk(root, &entry.path(), out);
        }
    } else {
        let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        out.insert(rel, (meta.modified().ok(), meta.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn watch_sees_saves_additions_and_removals_by_part() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["src/pages", "style", "public", "target"] {
            fs::create_dir_all(root.join(folder)).unwrap();
        }
        fs::write(root.join("src/pages/agenda.rs"), "// a").unwrap();
        fs::write(root.join("style/app.css"), "a {}").unwrap();
        fs::write(root.join("index.html"), "<html>").unwrap();
        let mut watch = Watch::new(root);
        assert!(watch.changes().is_empty());

        // A save that keeps the size still moves the modification time.
        let file = fs::File::options()
            .write(true)
            .open(root.join("src/pages/agenda.rs"))
            .unwrap();
        file.set_modified(SystemTime::now() + Duration::from_secs(5))
            .unwrap();
        fs::write(root.join("public/sw.js"), "//").unwrap();
        fs::write(root.join("target/out.wasm"), "not watched").unwrap();
        fs::write(root.join("src/.agenda.rs.swp"), "editor").unwrap();
        let expect = |changes: &[(&str, Part)]| -> Vec<(PathBuf, Part)> {
            changes.iter().map(|&(p, part)| (p.into(), part)).collect()
        };
        assert_eq!(
            watch.changes(),
            expect(&[
                ("public/sw.js", Part::Page),
                ("src/pages/agenda.rs", Part::Wasm)
            ])
        );
        assert!(watch.changes().is_empty());

        fs::remove_file(root.join("style/app.css")).unwrap();
        fs::write(root.join("index.html"), "<html lang=en>").unwrap();
        assert_eq!(
            watch.changes(),
            expect(&[("index.html", Part::Page), ("style/app.css", Part::Page)])
        );
    }

    #[test]
    fn index_starts_the_wasm_under_the_policy() {
        let html = "<html><head>\n    <meta charset=\"utf-8\" />\n    <script>var x = 1;</script>\n  </head><body></body></html>";
        let out = index_html(html, "/", "followup", "3-17").unwrap();
        let loader = "<script type=\"module\">import init from '/followup.js';\
                      init({ module_or_path: '/followup_bg.wasm' })";
        assert!(out.contains(loader), "{out}");
        assert!(out.find(loader).unwrap() < out.find("</head>").unwrap());
        assert!(
            out.contains("Followup fast build 3-17: the app started"),
            "{out}"
        );
        // Both inline scripts are allowed by their hashes, nothing else inline.
        let scripts = crate::pwa::inline_scripts(&out);
        assert_eq!(scripts.len(), 2);
        assert!(out.contains(&format!(
            "content=\"{}\"",
            crate::pwa::csp_for(scripts.iter().copied())
        )));
        assert!(index_html("<body></body>", "/", "followup", "1").is_none());
    }

    #[test]
    fn a_fast_build_has_no_service_worker_and_reloads_itself() {
        let dir = tempfile::tempdir().unwrap();
        let (trunk, bindgen, site) = (
            dir.path().join("trunk"),
            dir.path().join("bindgen"),
            dir.path().join("site"),
        );
        fs::create_dir_all(trunk.join("nested")).unwrap();
        fs::create_dir_all(&bindgen).unwrap();
        fs::write(
            trunk.join("index.html"),
            "<html><head><script src=\"register-sw.js\" defer></script></head></html>",
        )
        .unwrap();
        fs::write(trunk.join("register-sw.js"), "register the worker").unwrap();
        fs::write(trunk.join("sw.js"), "const VERSION = \"dev\";").unwrap();
        fs::write(trunk.join("nested/icon.svg"), "<svg/>").unwrap();
        fs::write(bindgen.join("followup.js"), "glue").unwrap();
        fs::write(bindgen.join("followup_bg.wasm"), "wasm").unwrap();
        fs::create_dir_all(&site).unwrap();
        fs::write(site.join("stale.txt"), "from an older build").unwrap();

        assemble(&trunk, &bindgen, "followup", "/", "7-99", &site).unwrap();
        let read = |name: &str| fs::read_to_string(site.join(name)).unwrap();
        assert_eq!(read("nested/icon.svg"), "<svg/>");
        assert_eq!(read("followup_bg.wasm"), "wasm");
        assert!(!site.join("stale.txt").exists());
        assert_eq!(read("index.html"), read("404.html"));
        assert!(read("index.html").contains("import init from '/followup.js'"));
        let page = read("register-sw.js");
        assert!(page.contains("var BUILD = \"7-99\";"), "{page}");
        assert!(!page.contains(BUILD_PLACEHOLDER));
        assert!(
            !page.contains(".register("),
            "a fast build never registers a worker"
        );
        assert!(page.contains("location.reload()"));
        let worker = read("sw.js");
        assert!(worker.contains("skipWaiting") && worker.contains("unregister"));
        assert!(
            !worker.contains("addEventListener(\"fetch\""),
            "answers nothing"
        );
    }

    #[test]
    fn ids_and_clock() {
        let at = UNIX_EPOCH + Duration::from_millis(1_765_148_400_123);
        assert_eq!(build_id(3, at), "3-1765148400123");
        let clock = clock();
        assert_eq!(clock.len(), 12, "{clock}");
        assert_eq!(&clock[2..3], ":");
        assert_eq!(&clock[8..9], ".");
    }
}
