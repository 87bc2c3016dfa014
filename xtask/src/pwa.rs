//! Turns Trunk's output into an installable, offline-first build.
//!
//! `finish_dist` lists the files of one build, writes their paths and a hash of their
//! contents into `sw.js` (the two `const VERSION`/`const PRECACHE` lines of
//! `public/sw.js`), and copies `index.html` to `404.html` so that GitHub Pages answers a
//! deep link with the app. It is idempotent: running it again on a changed folder gives the
//! new file list and a new version, which is how a deploy becomes an "Update available".

use sha2::{Digest, Sha256};
use std::fs;
use std::io;
use std::path::Path;

/// Files that are part of the build but must not be precached.
const NOT_PRECACHED: &[&str] = &["sw.js", "404.html"];

/// Rewrites `sw.js` and `404.html` in `dist` from the files currently in it.
/// Returns the version string written into the worker.
pub fn finish_dist(dist: &Path) -> io::Result<String> {
    let index = fs::read_to_string(dist.join("index.html"))?;
    let files = precached_files(dist)?;
    let version = version_of(dist, &files)?;
    let sw_path = dist.join("sw.js");
    let source = fs::read_to_string(&sw_path)?;
    let sw = rewrite_worker(&source, &version, &files).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} lacks the `const VERSION =` and `const PRECACHE =` lines",
                sw_path.display()
            ),
        )
    })?;
    fs::write(&sw_path, sw)?;
    fs::write(dist.join("404.html"), index)?;
    Ok(version)
}

/// Every file under `dist` except the worker itself and the 404 copy, as `/`-separated
/// paths relative to `dist`, sorted. `index.html` comes first: navigations are served from it.
pub fn precached_files(dist: &Path) -> io::Result<Vec<String>> {
    let mut files = Vec::new();
    collect(dist, dist, &mut files)?;
    files.retain(|f| !NOT_PRECACHED.contains(&f.as_str()));
    files.sort_by(|a, b| (a != "index.html", a).cmp(&(b != "index.html", b)));
    Ok(files)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else {
            let rel = path.strip_prefix(root).expect("walked from root");
            let parts: Vec<_> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

fn version_of(dist: &Path, files: &[String]) -> io::Result<String> {
    let mut hasher = Sha256::new();
    for file in files {
        hasher.update(file.as_bytes());
        hasher.update([0]);
        hasher.update(fs::read(dist.join(file))?);
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    Ok(digest.iter().take(8).map(|b| format!("{b:02x}")).collect())
}

/// Replaces the `const VERSION = …;` and `const PRECACHE = …;` lines; `None` if either is missing.
pub fn rewrite_worker(source: &str, version: &str, files: &[String]) -> Option<String> {
    let list = files
        .iter()
        .map(|f| format!("\"{f}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mut seen = (false, false);
    let lines: Vec<String> = source
        .lines()
        .map(|line| {
            if line.starts_with("const VERSION =") {
                seen.0 = true;
                format!("const VERSION = \"{version}\";")
            } else if line.starts_with("const PRECACHE =") {
                seen.1 = true;
                format!("const PRECACHE = [{list}];")
            } else {
                line.to_string()
            }
        })
        .collect();
    (seen == (true, true)).then(|| lines.join("\n") + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dist(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-pwa-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("icons")).unwrap();
        fs::write(dir.join("index.html"), "<html>v1</html>").unwrap();
        fs::write(dir.join("app-abc.js"), "js").unwrap();
        fs::write(dir.join("icons/a.png"), "png").unwrap();
        fs::write(
            dir.join("sw.js"),
            "// top\nconst VERSION = \"dev\";\nconst PRECACHE = [];\nrest();\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn worker_lists_every_build_file_with_index_first() {
        let dist = temp_dist("list");
        finish_dist(&dist).unwrap();
        let sw = fs::read_to_string(dist.join("sw.js")).unwrap();
        assert!(
            sw.contains("const PRECACHE = [\"index.html\", \"app-abc.js\", \"icons/a.png\"];"),
            "{sw}"
        );
        assert!(sw.contains("rest();"));
        assert_eq!(
            fs::read_to_string(dist.join("404.html")).unwrap(),
            "<html>v1</html>"
        );
    }

    #[test]
    fn version_changes_when_a_file_changes_and_is_stable_otherwise() {
        let dist = temp_dist("version");
        let first = finish_dist(&dist).unwrap();
        assert_eq!(
            finish_dist(&dist).unwrap(),
            first,
            "rerunning on the same files keeps the version"
        );
        fs::write(dist.join("index.html"), "<html>v2</html>").unwrap();
        let second = finish_dist(&dist).unwrap();
        assert_ne!(second, first);
        assert_eq!(
            fs::read_to_string(dist.join("404.html")).unwrap(),
            "<html>v2</html>"
        );
    }

    #[test]
    fn worker_without_placeholders_is_an_error() {
        let check =
            |src: &str, ok: bool| assert_eq!(rewrite_worker(src, "v", &[]).is_some(), ok, "{src}");
        check("const VERSION = 1;\nconst PRECACHE = [];", true);
        check("const VERSION = 1;", false);
        check("const PRECACHE = [];", false);
        check("", false);
    }
}
