//! Turns Trunk's output into an installable, offline-first build.
//!
//! `finish_dist` lists the files of one build, writes their paths and a hash of their
//! contents into `sw.js` (the two `const VERSION`/`const PRECACHE` lines of
//! `public/sw.js`), and copies `index.html` to `404.html` so that GitHub Pages answers a
//! deep link with the app. It is idempotent: running it again on a changed folder gives the
//! new file list and a new version, which is how a deploy becomes an "Update available".
//!
//! Before any of that it writes a Content-Security-Policy `<meta>` into `index.html` (see
//! [`with_csp`]): only the app's own files may load, and the one inline script Trunk injects
//! (the wasm loader) is allowed by its SHA-256 hash, computed from the finished file.

use sha2::{Digest, Sha256};
use std::fs;
use std::io;
use std::path::Path;

/// Files that are part of the build but must not be precached.
const NOT_PRECACHED: &[&str] = &["sw.js", "404.html"];

/// Writes a fresh Content-Security-Policy into `index.html`, then rewrites `sw.js` and
/// `404.html` in `dist` from the files currently in it. Returns the version string written into the worker.
pub fn finish_dist(dist: &Path) -> io::Result<String> {
    let index_path = dist.join("index.html");
    let index = with_csp(&fs::read_to_string(&index_path)?).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} has no <head> to put the Content-Security-Policy in",
                index_path.display()
            ),
        )
    })?;
    fs::write(&index_path, &index)?;
    // My page (`public/me.html`) loads only its own files, under the same policy.
    let me_path = dist.join("me.html");
    if me_path.exists() {
        let me = with_csp(&fs::read_to_string(&me_path)?)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "me.html has no <head>"))?;
        fs::write(&me_path, me)?;
    }
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

/// The policy of the finished `index.html`, apart from the inline-script hashes: only the
/// app's own files; `'wasm-unsafe-eval'` lets the page compile its WebAssembly; `data:`
/// images are the icons inlined in the CSS. The app sets no inline `style` attributes and
/// Trunk injects no inline styles, so `style-src` is only `'self'`. (`frame-ancestors` is
/// ignored in a `<meta>` policy, so it is not listed.)
const CSP_BEFORE_HASHES: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const CSP_AFTER_HASHES: &str = "; style-src 'self'; img-src 'self' data:; manifest-src 'self'; \
     worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

/// The Content-Security-Policy for a page whose inline scripts are `scripts` (their bodies,
/// exactly as they appear in the file).
pub fn csp_for<'a>(scripts: impl IntoIterator<Item = &'a str>) -> String {
    let mut policy = CSP_BEFORE_HASHES.to_string();
    for script in scripts {
        policy.push_str(" 'sha256-");
        policy.push_str(&base64(&Sha256::digest(script.as_bytes())));
        policy.push('\'');
    }
    policy.push_str(CSP_AFTER_HASHES);
    policy
}

/// `html` with a fresh Content-Security-Policy `<meta>` at the top of `<head>`: right after
/// `<meta charset>` if that comes before any script, otherwise first in `<head>`. A policy
/// meta already there (from an earlier run) is replaced, so running it twice changes
/// nothing. `None` if the page has no `<head>`.
pub fn with_csp(html: &str) -> Option<String> {
    let html = without_csp(html);
    let policy = csp_for(inline_scripts(&html));
    let head_start = find_tag(&html, "head", 0)?;
    let head_end = tag_end(&html, head_start)?;
    let first_script = find_tag(&html, "script", head_end).unwrap_or(html.len());
    let at = charset_meta(&html, head_end)
        .filter(|&(start, _)| start < first_script)
        .map_or(head_end, |(_, end)| end);
    let indent = indent_of(&html, at);
    let meta =
        format!("\n{indent}<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    let mut out = String::with_capacity(html.len() + meta.len());
    out.push_str(&html[..at]);
    out.push_str(&meta);
    out.push_str(&html[at..]);
    Some(out)
}

/// `html` without any Content-Security-Policy `<meta>` (and the line break and indentation
/// `with_csp` put before it).
fn without_csp(html: &str) -> String {
    let mut html = html.to_string();
    let mut from = 0;
    while let Some(start) = find_tag(&html, "meta", from) {
        let Some(end) = tag_end(&html, start) else {
            break;
        };
        let tag = html[start..end].to_ascii_lowercase();
        if tag.contains("http-equiv=\"content-security-policy\"")
            || tag.contains("http-equiv='content-security-policy'")
            || tag.contains("http-equiv=content-security-policy")
        {
            let before = html[..start].trim_end_matches([' ', '\t']);
            let cut = before.strip_suffix('\n').unwrap_or(before);
            let cut = cut.strip_suffix('\r').unwrap_or(cut).len();
            html.replace_range(cut..end, "");
            from = cut;
        } else {
            from = end;
        }
    }
    html
}

/// The bodies of the inline `<script>`s (those without `src`), in order.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(start) = find_tag(html, "script", from) {
        let Some(open_end) = tag_end(html, start) else {
            break;
        };
        let close = find_ascii_ci(html, "</script", open_end).unwrap_or(html.len());
        if !has_attribute(&html[start..open_end], "src") {
            scripts.push(&html[open_end..close]);
        }
        from = close;
    }
    scripts
}

/// The byte range of the first `<meta charset …>` at or after `from`, if any.
fn charset_meta(html: &str, from: usize) -> Option<(usize, usize)> {
    let mut from = from;
    while let Some(start) = find_tag(html, "meta", from) {
        let end = tag_end(html, start)?;
        let tag = &html[start..end];
        if has_attribute(tag, "charset") && !has_attribute(tag, "http-equiv") {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// Whether the opening tag `tag` (`<name …>`) has the attribute `name` (case-insensitive;
/// quoted attribute values are not searched).
fn has_attribute(tag: &str, name: &str) -> bool {
    let mut quote = None;
    let bytes: Vec<u8> = tag
        .bytes()
        .map(|b| match quote {
            Some(q) if b == q => {
                quote = None;
                b
            }
            Some(_) => b'_',
            None => {
                if matches!(b, b'"' | b'\'') {
                    quote = Some(b);
                }
                b.to_ascii_lowercase()
            }
        })
        .collect();
    let tag = String::from_utf8_lossy(&bytes);
    let mut from = 0;
    while let Some(i) = tag[from..].find(name).map(|i| i + from) {
        let before = bytes[i - 1];
        let after = bytes.get(i + name.len()).copied().unwrap_or(b'>');
        if before.is_ascii_whitespace()
            && (after.is_ascii_whitespace() || matches!(after, b'=' | b'>' | b'/'))
        {
            return true;
        }
        from = i + name.len();
    }
    false
}

/// Start of the first `<name` tag (followed by whitespace, `>` or `/`) at or after `from`.
fn find_tag(html: &str, name: &str, from: usize) -> Option<usize> {
    let mut from = from;
    loop {
        let start = find_ascii_ci(html, &format!("<{name}"), from)?;
        let next = html.as_bytes().get(start + 1 + name.len()).copied();
        if matches!(next, Some(b) if b.is_ascii_whitespace() || b == b'>' || b == b'/') {
            return Some(start);
        }
        from = start + 1;
    }
}

/// The index just past the `>` closing the tag that starts at `start`, skipping quoted values.
fn tag_end(html: &str, start: usize) -> Option<usize> {
    let mut quote = None;
    for (i, b) in html.bytes().enumerate().skip(start) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Case-insensitive search for an ASCII `needle` at or after `from`.
fn find_ascii_ci(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (from..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The indentation of the line holding the tag that ends at `end`.
fn indent_of(html: &str, end: usize) -> &str {
    let line_start = html[..end].rfind('\n').map_or(0, |i| i + 1);
    let line = &html[line_start..end];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// Standard base64 (RFC 4648, with padding), as CSP hash sources are written.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE_V1: &str = "<html><head><meta charset=\"utf-8\"></head><body>v1</body></html>";

    fn temp_dist(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-pwa-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("icons")).unwrap();
        fs::write(dir.join("index.html"), PAGE_V1).unwrap();
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
    fn my_page_gets_the_apps_policy_and_is_precached() {
        let dist = temp_dist("my-page");
        let page = "<html><head><meta charset=\"utf-8\"><script src=\"me.js\" defer></script></head></html>";
        fs::write(dist.join("me.html"), page).unwrap();
        finish_dist(&dist).unwrap();
        assert_eq!(
            fs::read_to_string(dist.join("me.html")).unwrap(),
            with_csp(page).unwrap()
        );
        let sw = fs::read_to_string(dist.join("sw.js")).unwrap();
        assert!(sw.contains("\"me.html\""), "{sw}");
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
        let index = fs::read_to_string(dist.join("index.html")).unwrap();
        assert_eq!(index, with_csp(PAGE_V1).unwrap());
        assert_eq!(fs::read_to_string(dist.join("404.html")).unwrap(), index);
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
        let edited = fs::read_to_string(dist.join("index.html"))
            .unwrap()
            .replace("v1", "v2");
        fs::write(dist.join("index.html"), &edited).unwrap();
        let second = finish_dist(&dist).unwrap();
        assert_ne!(second, first);
        let index = fs::read_to_string(dist.join("index.html")).unwrap();
        assert_eq!(
            index, edited,
            "the policy already there is kept, not doubled"
        );
        assert_eq!(fs::read_to_string(dist.join("404.html")).unwrap(), index);
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

    /// Hashes computed independently: `printf '%s' BODY | openssl dgst -sha256 -binary | base64`.
    const HASH_ALERT: &str = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='";
    const HASH_LOADER: &str = "'sha256-wUsiySVaRp/GJupCk/xLBTwdibiDfWdmaMTdk04D4Gw='";
    const HASH_EMPTY: &str = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
    const HASH_ACCENT: &str = "'sha256-VTYzPTDQuNPoWL/7G5e/rIEDQUCBzo6SN59iNx2PWNw='";
    const LOADER: &str = "\nimport init from \"/a.js\";\nawait init();\n";

    fn policy_of(html: &str) -> Vec<String> {
        let marker = "http-equiv=\"Content-Security-Policy\" content=\"";
        html.match_indices(marker)
            .map(|(i, _)| {
                let rest = &html[i + marker.len()..];
                rest[..rest.find('"').unwrap()].to_string()
            })
            .collect()
    }

    fn script_hashes(policy: &str) -> Vec<&str> {
        policy
            .split_whitespace()
            .map(|w| w.trim_end_matches(';'))
            .filter(|w| w.starts_with("'sha256-"))
            .collect()
    }

    #[test]
    fn base64_matches_rfc_4648() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected, "{input:?}");
        }
        assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
    }

    #[test]
    fn inline_scripts_are_hashed_exactly_as_written() {
        let loader = format!("<script type=\"module\">{LOADER}</script>");
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "no inline script",
                "<script src=\"a.js\" defer></script>",
                &[],
            ),
            ("no script at all", "<title>x</title>", &[]),
            ("known script", "<script>alert(1)</script>", &[HASH_ALERT]),
            ("Trunk's loader", &loader, &[HASH_LOADER]),
            (
                "upper case tags",
                "<SCRIPT>alert(1)</SCRIPT >",
                &[HASH_ALERT],
            ),
            ("empty body", "<script></script>", &[HASH_EMPTY]),
            (
                "utf-8 body",
                "<script>console.log(\"é\")</script>",
                &[HASH_ACCENT],
            ),
            (
                "several, external ones skipped",
                &format!(
                    "<script>alert(1)</script><script src=\"x.js\"></script>{loader}\
                     <script data-x=\"src\">alert(1)</script>"
                ),
                &[HASH_ALERT, HASH_LOADER, HASH_ALERT],
            ),
        ];
        for (name, head, expected) in cases {
            let page = format!("<html><head><meta charset=\"utf-8\">{head}</head></html>");
            let out = with_csp(&page).unwrap();
            let policies = policy_of(&out);
            assert_eq!(policies.len(), 1, "{name}: {out}");
            assert_eq!(script_hashes(&policies[0]), *expected, "{name}");
            assert_eq!(
                policies[0],
                csp_for(inline_scripts(&page)),
                "{name}: the policy is csp_for of the page's inline scripts"
            );
        }
    }

    #[test]
    fn the_policy_allows_only_the_apps_own_files() {
        assert_eq!(
            csp_for(["alert(1)"]),
            format!(
                "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {HASH_ALERT}; \
                 style-src 'self'; img-src 'self' data:; manifest-src 'self'; \
                 worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; \
                 form-action 'none'"
            )
        );
    }

    #[test]
    fn the_policy_goes_first_in_head_before_any_script() {
        let meta = |scripts: &[&str]| {
            format!(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
                csp_for(scripts.iter().copied())
            )
        };
        let cases = [
            (
                "after meta charset, indented like it",
                "<head>\n    <meta charset=\"utf-8\" />\n    <title>t</title>\n</head>".to_string(),
                format!(
                    "<head>\n    <meta charset=\"utf-8\" />\n    {}\n    <title>t</title>\n</head>",
                    meta(&[])
                ),
            ),
            (
                "no meta charset: start of head",
                "<html><head><title>t</title><script>alert(1)</script></head></html>".to_string(),
                format!(
                    "<html><head>\n{}<title>t</title><script>alert(1)</script></head></html>",
                    meta(&["alert(1)"])
                ),
            ),
            (
                "meta charset after a script: start of head",
                "<head lang=x><script>alert(1)</script><meta charset=utf-8></head>".to_string(),
                format!(
                    "<head lang=x>\n{}<script>alert(1)</script><meta charset=utf-8></head>",
                    meta(&["alert(1)"])
                ),
            ),
            (
                "<header> in the body is not the head",
                "<html><head><META CHARSET=\"utf-8\"></head><body><header></header></body>"
                    .to_string(),
                format!(
                    "<html><head><META CHARSET=\"utf-8\">\n{}</head><body><header></header></body>",
                    meta(&[])
                ),
            ),
            (
                "a content-type meta is not the charset meta",
                "<head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head>"
                    .to_string(),
                format!(
                    "<head>\n{}<meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head>",
                    meta(&[])
                ),
            ),
        ];
        for (name, page, expected) in cases {
            assert_eq!(with_csp(&page).unwrap(), expected, "{name}");
        }
        assert_eq!(with_csp("<html>no head</html>"), None);
    }

    #[test]
    fn rerunning_replaces_the_policy_instead_of_adding_one() {
        let pages = [
            "<html>\n  <head>\n    <meta charset=\"utf-8\" />\n    <script>alert(1)</script>\n  </head>\n</html>\n",
            "<html><head><script>alert(1)</script></head></html>",
            "<html><head><meta charset=utf-8></head></html>",
        ];
        for page in pages {
            let once = with_csp(page).unwrap();
            assert_eq!(with_csp(&once).unwrap(), once, "{page}");
            assert_eq!(policy_of(&once).len(), 1);
            // An edited script gets a fresh hash, still in a single policy.
            let edited = once.replace("alert(1)", "alert(2)");
            let again = with_csp(&edited).unwrap();
            assert_eq!(policy_of(&again).len(), 1, "{again}");
            assert_eq!(
                again,
                with_csp(&page.replace("alert(1)", "alert(2)")).unwrap()
            );
        }
        // A stale hand-written policy (any spelling) is replaced too.
        let stale = "<head><meta charset=utf-8>\n<META HTTP-EQUIV='Content-Security-Policy' \
                     content=\"default-src *\"><script>alert(1)</script></head>";
        let fresh = with_csp(stale).unwrap();
        assert_eq!(policy_of(&fresh), [csp_for(["alert(1)"])], "{fresh}");
        assert!(!fresh.contains("default-src *"), "{fresh}");
    }

    #[test]
    fn finish_dist_writes_the_policy_into_index_and_404() {
        let dist = temp_dist("csp");
        let page = format!("<html><head><meta charset=\"utf-8\"><script type=\"module\">{LOADER}</script></head></html>");
        fs::write(dist.join("index.html"), &page).unwrap();
        let first = finish_dist(&dist).unwrap();
        let index = fs::read_to_string(dist.join("index.html")).unwrap();
        assert_eq!(script_hashes(&policy_of(&index)[0]), [HASH_LOADER]);
        assert_eq!(fs::read_to_string(dist.join("404.html")).unwrap(), index);
        assert_eq!(finish_dist(&dist).unwrap(), first, "idempotent");
        assert_eq!(fs::read_to_string(dist.join("index.html")).unwrap(), index);
        fs::write(dist.join("index.html"), "<html>no head</html>").unwrap();
        assert!(finish_dist(&dist).is_err());
    }
}
