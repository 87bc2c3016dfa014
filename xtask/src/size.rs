//! Raw, gzip and brotli sizes of the files in a build, and the first-load total.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// One file's sizes in bytes.
#[derive(Debug, Clone)]
pub struct FileSize {
    pub path: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

/// Sizes of every precached file in `dist`.
pub fn measure(dist: &Path) -> io::Result<Vec<FileSize>> {
    let mut files = crate::pwa::precached_files(dist)?;
    files.push("sw.js".into());
    files
        .into_iter()
        .map(|path| {
            let bytes = fs::read(dist.join(&path))?;
            Ok(FileSize {
                raw: bytes.len(),
                gzip: gzip(&bytes)?,
                brotli: brotli(&bytes)?,
                path,
            })
        })
        .collect()
}

/// My page (`public/me.html`), the static page My card's third code opens on a stranger's
/// phone: never part of the app's first load, and held to `MY_PAGE_BUDGET` on its own.
pub const MY_PAGE: [&str; 3] = ["me.html", "me.css", "me.js"];

/// The most My page's files may weigh together, gzip or brotli (gzip is the larger).
pub const MY_PAGE_BUDGET: usize = 15 * 1024;

/// Whether a file is fetched when the agenda loads (html, css, js, the main wasm): not
/// the worker, not the 404 copy, not the chunks of lazy routes (fetched on first use, or by
/// the worker's precache after the page has loaded).
pub fn is_first_load(path: &str) -> bool {
    let code = [".html", ".css", ".js", ".wasm"];
    path != "404.html"
        && path != "sw.js"
        && !MY_PAGE.contains(&path)
        && !crate::wasm::is_chunk(path)
        && code.iter().any(|ext| path.ends_with(ext))
}

fn gzip(bytes: &[u8]) -> io::Result<usize> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?.len())
}

fn brotli(bytes: &[u8]) -> io::Result<usize> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_load_is_code_only() {
        for (path, expected) in [
            ("index.html", true),
            ("followup-1a2b_bg.wasm", true),
            ("__wasm_split.1a2b.js", true),
            ("split_settings_page_view_99-1a2b.wasm", false),
            ("chunk_0-1a2b.wasm", false),
            ("followup-1a2b.js", true),
            ("app-9f.css", true),
            ("register-sw.js", true),
            ("sw.js", false),
            ("404.html", false),
            ("icon-512.png", false),
            ("manifest.webmanifest", false),
            ("me.html", false),
            ("me.js", false),
            ("me.css", false),
        ] {
            assert_eq!(is_first_load(path), expected, "{path}");
        }
    }

    #[test]
    fn compression_shrinks_repetitive_text() {
        let text = "follow up ".repeat(1000);
        assert!(gzip(text.as_bytes()).unwrap() < 200);
        assert!(brotli(text.as_bytes()).unwrap() < 200);
    }
}
