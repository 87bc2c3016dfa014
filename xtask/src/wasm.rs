//! The wasm half of the release build, which Trunk 0.21 cannot do: split the app's wasm
//! into the main module and the chunks the lazy routes load on demand, name every file by
//! the build, and write the loader into `index.html`.
//!
//! The steps around these functions (in `main.rs`): cargo builds the library as a
//! `cdylib` with `--features split` and `-Clink-args=--emit-relocs`; [`split`] runs
//! `wasm_split_cli_support` on that raw output; `wasm-bindgen --target web
//! --keep-lld-exports` runs on the main module only; `wasm-opt` on every `.wasm`; the files
//! go into `dist/` and [`with_loader`] names them in `index.html`. Every name carries the
//! build id (a hash of the raw cargo output, from which everything else is derived
//! deterministically), so a browser's HTTP cache can never mix two builds' chunks.

use sha2::{Digest, Sha256};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The stem of the main module: `followup-<id>.js` and `followup-<id>_bg.wasm`.
pub fn main_stem(id: &str) -> String {
    format!("followup-{id}")
}

/// The link module the main JS and the chunks meet in (the splitter writes it).
pub fn link_name(id: &str) -> String {
    format!("__wasm_split.{id}.js")
}

/// 16 hex digits of the SHA-256 of the raw cargo output.
pub fn build_id(raw_wasm: &[u8]) -> String {
    Sha256::digest(raw_wasm)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What [`split`] wrote into its output folder.
#[derive(Debug)]
pub struct Split {
    /// The main module, still to be processed by wasm-bindgen.
    pub main: PathBuf,
    /// The link module's file name (beside the main JS in `dist/`).
    pub link: String,
    /// The chunks' file names, in the output folder, each carrying the build id.
    pub chunks: Vec<String>,
}

/// Splits `raw_wasm` (built with `--emit-relocs`) into `out`: `main.wasm`, the link JS
/// and one `.wasm` per lazy function or shared chunk, each renamed `<name>-<id>.wasm`.
pub fn split(raw_wasm: &[u8], out: &Path, id: &str) -> Result<Split, String> {
    let _ = fs::remove_dir_all(out);
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let main = out.join("main.wasm");
    let link = link_name(id);
    let link_path = format!("./{link}");
    let main_module = format!("./{}.js", main_stem(id));
    let mut options = wasm_split_cli_support::Options::new(raw_wasm);
    options.output_dir = out;
    options.main_out_path = &main;
    options.link_name = &link_path;
    options.main_module = &main_module;
    let result = wasm_split_cli_support::transform(options)
        .map_err(|e| format!("splitting the wasm: {e:#}"))?;
    let link_file = out.join(&link);
    let mut js = fs::read_to_string(&link_file).map_err(|e| format!("{link}: {e}"))?;
    let mut chunks = Vec::new();
    let mut modules = result.split_modules;
    modules.sort();
    for path in modules {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("odd chunk name {}", path.display()))?
            .to_string();
        let renamed = format!("{stem}-{id}.wasm");
        let quoted = format!("\"./{stem}.wasm\"");
        if !js.contains(&quoted) {
            return Err(format!("the link module does not name {stem}.wasm"));
        }
        js = js.replace(&quoted, &format!("\"./{renamed}\""));
        fs::rename(&path, out.join(&renamed)).map_err(|e| format!("{renamed}: {e}"))?;
        chunks.push(renamed);
    }
    fs::write(&link_file, js).map_err(|e| format!("{link}: {e}"))?;
    Ok(Split { main, link, chunks })
}

/// `html` with the preload hints and the module script that starts the app inserted
/// before `</head>`. Paths are absolute under `public_url` (as Trunk writes them), so deep
/// links load the same files. `None` if there is no `</head>`.
///
/// The main wasm is not preloaded. On a first visit (no service worker in control) it is
/// requested once the static shell's largest paint is reported (`followupShellPainted`,
/// or after a second at the latest): on a slow connection the html and css then have the
/// bandwidth to themselves and the shell paints sooner, instead of sharing it with a
/// download a hundred times their size. On a repeat visit the service worker answers at
/// once, and the app starts without waiting.
pub fn with_loader(html: &str, public_url: &str, id: &str) -> Option<String> {
    let at = html.find("</head>")?;
    let stem = main_stem(id);
    let js = format!("{public_url}{stem}.js");
    let wasm = format!("{public_url}{stem}_bg.wasm");
    let link = format!("{public_url}{}", link_name(id));
    let tags = format!(
        "  <link rel=\"modulepreload\" href=\"{js}\" />\n    \
         <link rel=\"modulepreload\" href=\"{link}\" />\n    \
         <script type=\"module\">import init from '{js}';\
         const go = () => init({{ module_or_path: '{wasm}' }});\
         const sw = navigator.serviceWorker;\
         if (sw && sw.controller) go();\
         else Promise.race([window.followupShellPainted, new Promise(r => setTimeout(r, 1000))]).then(go);\
         </script>\n  "
    );
    let mut out = String::with_capacity(html.len() + tags.len());
    out.push_str(html[..at].trim_end_matches([' ', '\t']));
    out.push_str(&tags);
    out.push_str(&html[at..]);
    Some(out)
}

/// Whether `path` (relative to `dist/`) is a chunk that only a lazy route loads.
pub fn is_chunk(path: &str) -> bool {
    path.ends_with(".wasm") && !path.ends_with("_bg.wasm")
}

/// Copies `from` to `to`, creating `to`'s folder.
pub fn copy(from: &Path, to: &Path) -> io::Result<()> {
    if let Some(dir) = to.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::copy(from, to).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_build_id() {
        let id = build_id(b"wasm");
        assert_eq!(id.len(), 16);
        assert_ne!(id, build_id(b"wasm2"));
        assert_eq!(main_stem(&id), format!("followup-{id}"));
        assert_eq!(link_name("ab"), "__wasm_split.ab.js");
    }

    #[test]
    fn loader_goes_before_head_end() {
        let html = "<html><head>\n    <title>x</title>\n  </head><body></body></html>";
        let out = with_loader(html, "/followup/", "ab").unwrap();
        let script = "<script type=\"module\">import init from '/followup/followup-ab.js';\
                      const go = () => init({ module_or_path: '/followup/followup-ab_bg.wasm' });";
        assert!(out.contains(script), "{out}");
        // Not preloaded: on a first visit it waits for the shell's paint.
        assert!(!out.contains("rel=\"preload\""), "{out}");
        assert!(out.contains("window.followupShellPainted"), "{out}");
        assert!(
            out.contains("<link rel=\"modulepreload\" href=\"/followup/__wasm_split.ab.js\" />")
        );
        assert!(out.find(script).unwrap() < out.find("</head>").unwrap());
        assert!(with_loader("<body></body>", "/", "ab").is_none());
    }

    #[test]
    fn chunks_are_wasm_other_than_the_main_module() {
        for (path, chunk) in [
            ("followup-ab_bg.wasm", false),
            ("split_settings_route_12-ab.wasm", true),
            ("chunk_3-ab.wasm", true),
            ("__wasm_split.ab.js", false),
            ("index.html", false),
        ] {
            assert_eq!(is_chunk(path), chunk, "{path}");
        }
    }
}
