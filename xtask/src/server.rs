//! A small static file server that behaves like GitHub Pages for one site.
//!
//! It serves a folder under a path prefix (`/` or `/followup/`): a directory answers with
//! its `index.html`, a missing file answers with the site's `404.html` and status 404 (which
//! is how a deep link reloads into the app on Pages), and every response carries Pages'
//! `Cache-Control: max-age=600`. Loopback only; for `cargo xtask serve`.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

/// Serves `root` under `prefix` on `listener` until the process ends.
pub fn serve(listener: TcpListener, root: PathBuf, prefix: String) {
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        let prefix = prefix.clone();
        std::thread::spawn(move || {
            let _ = answer(stream, &root, &prefix);
        });
    }
}

fn answer(mut stream: TcpStream, root: &Path, prefix: &str) -> std::io::Result<()> {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let (status, path) = resolve(root, prefix, target);
    let body = fs::read(&path).unwrap_or_default();
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: max-age=600\r\nConnection: close\r\n\r\n",
        content_type(&path),
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !request_line.starts_with("HEAD ") {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// Maps a request target to a status line and the file that answers it.
pub fn resolve(root: &Path, prefix: &str, target: &str) -> (&'static str, PathBuf) {
    let not_found = ("404 Not Found", root.join("404.html"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(rest) = path
        .strip_prefix(prefix)
        .or_else(|| (path.to_string() + "/" == prefix).then_some(""))
    else {
        return not_found;
    };
    if rest
        .split('/')
        .any(|part| part == ".." || part.starts_with('.'))
    {
        return not_found;
    }
    let mut file = root.join(rest);
    if file.is_dir() {
        file = file.join("index.html");
    }
    if file.is_file() {
        ("200 OK", file)
    } else {
        not_found
    }
}

/// The Content-Type GitHub Pages sends for the file types a build contains.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_like_github_pages() {
        let root = std::env::temp_dir().join(format!("xtask-server-{}", std::process::id()));
        fs::create_dir_all(root.join("sub")).unwrap();
        for f in ["index.html", "404.html", "app.wasm", "sub/index.html"] {
            fs::write(root.join(f), f).unwrap();
        }
        let check = |prefix: &str, target: &str, status: &str, file: &str| {
            let (s, p) = resolve(&root, prefix, target);
            assert_eq!((s, p), (status, root.join(file)), "{prefix} {target}");
        };
        check("/followup/", "/followup/", "200 OK", "index.html");
        check("/followup/", "/followup", "200 OK", "index.html");
        check("/followup/", "/followup/app.wasm?v=1", "200 OK", "app.wasm");
        check("/followup/", "/followup/sub", "200 OK", "sub/index.html");
        check(
            "/followup/",
            "/followup/contacts/42",
            "404 Not Found",
            "404.html",
        );
        check("/followup/", "/app.wasm", "404 Not Found", "404.html");
        check(
            "/followup/",
            "/followup/../secret",
            "404 Not Found",
            "404.html",
        );
        check("/", "/", "200 OK", "index.html");
        check("/", "/settings", "404 Not Found", "404.html");
    }

    #[test]
    fn wasm_has_its_streaming_content_type() {
        for (file, ty) in [
            ("a.wasm", "application/wasm"),
            ("m.webmanifest", "application/manifest+json"),
            ("x.bin", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(file)), ty);
        }
    }
}
