//! The folder the bench serves: the release dist under `/followup/`, plus pages outside the
//! service worker's scope on the same origin (so localStorage is shared with the app but
//! the worker never answers for them):
//!
//! - `/seed.html?src=seed-N.json` clears localStorage, fetches the key/value pairs the
//!   storage adapter would write and stores them, then sets `window.__seeded` and requests
//!   `/seed-done` (so a browser the bench does not drive, Lighthouse's, can be waited for);
//!   with `&visit=1` it first visits the app in an iframe until the service worker controls
//!   it (the agenda drawn, the worker activated, the frame reloaded until controlled), so
//!   the profile is the one of someone who has used the app (a repeat visit);
//! - `/seed-N.json` the pairs for each book size;
//! - `/floor.html` the static copy of the rendered agenda (written once the app has drawn it).

use std::path::{Path, PathBuf};

/// The seeding page. It runs no app code; the data comes from the JSON file named in `src`.
const SEED_HTML: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>seeding</title><link rel="icon" href="data:,"></head>
<body><p>Seeding localStorage…</p><script>
// The app in a frame (same origin, so its storage and service worker are the profile's):
// its agenda drawn, then reloaded until the service worker controls it; the frame is then
// removed so no app runs beside the measured page.
async function visit() {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:390px;height:844px;border:0';
  frame.src = '/followup/';
  document.body.append(frame);
  const deadline = Date.now() + 120000;
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const drawn = () => {
    const w = frame.contentWindow;
    return !!(w && w.performance && w.performance.getEntriesByName('followup:agenda', 'mark').length);
  };
  for (;;) {
    if (Date.now() > deadline) throw new Error('no agenda drawn with the service worker in control within 120 s');
    await sleep(100);
    if (!drawn()) continue;
    if (frame.contentWindow.navigator.serviceWorker.controller) break;
    const reg = await navigator.serviceWorker.getRegistration('/followup/');
    if (reg && reg.active && reg.active.state === 'activated') {
      await new Promise(r => { frame.onload = r; frame.contentWindow.location.reload(); });
    }
  }
  frame.remove();
}
(async () => {
  const src = new URLSearchParams(location.search).get('src');
  let result, stored = 0, chars = 0, total = 0;
  try {
    localStorage.clear();
    const pairs = await (await fetch(src, { cache: 'no-store' })).json();
    total = pairs.length;
    for (const [k, v] of pairs) { localStorage.setItem(k, v); stored++; chars += k.length + v.length; }
    result = { ok: true, keys: pairs.length, chars };
  } catch (e) {
    result = { ok: false, error: String(e && e.name) + ': ' + String(e && e.message) +
      ` (after storing ${stored} of ${total} keys, ${chars * 2} bytes as UTF-16)` };
  }
  if (result.ok && new URLSearchParams(location.search).get('visit')) {
    try { await visit(); } catch (e) { result = { ok: false, error: 'visiting the app: ' + String(e && e.message || e) }; }
  }
  window.__seeded = result;
  document.title = result.ok ? 'seeded' : 'seed failed';
  const why = result.ok ? '' : '&error=' + encodeURIComponent(result.error);
  fetch('/seed-done?' + why.slice(1) + '&ok=' + result.ok, { cache: 'no-store' }).catch(() => {});
})();
</script></body></html>
"#;

/// The served folder (a temp dir, deleted on drop).
pub struct Site {
    tmp: tempfile::TempDir,
}

impl Site {
    /// Copies `dist` to `<tmp>/followup/` and writes the seeding page.
    pub fn new(dist: &Path) -> std::io::Result<Site> {
        let tmp = tempfile::Builder::new()
            .prefix("followup-bench-")
            .tempdir()?;
        crate::copy_dir(dist, &tmp.path().join("followup"))?;
        // Deep links under /followup/ fall back to the app, as on Pages.
        std::fs::copy(dist.join("404.html"), tmp.path().join("404.html"))?;
        std::fs::write(tmp.path().join("seed.html"), SEED_HTML)?;
        // What the seeding page requests when done: a file, so the request is not a 404.
        std::fs::write(tmp.path().join("seed-done"), "")?;
        Ok(Site { tmp })
    }

    pub fn root(&self) -> PathBuf {
        self.tmp.path().to_path_buf()
    }

    /// Writes the storage pairs of a book as `/seed-<size>.json`; returns its URL path.
    pub fn write_seed(&self, size: usize, pairs: &[(String, String)]) -> std::io::Result<String> {
        let name = format!("seed-{size}.json");
        let json = serde_json::to_string(pairs).expect("pairs serialise");
        std::fs::write(self.tmp.path().join(&name), json)?;
        Ok(format!("/seed.html?src=/{name}"))
    }

    /// Writes `/floor.html`: `body` (the app's rendered markup, scripts removed) with the
    /// app's stylesheets and an inline script that marks the first frame after parsing.
    pub fn write_floor(&self, stylesheets: &[String], body: &str) -> std::io::Result<String> {
        let links: String = stylesheets
            .iter()
            .map(|href| format!("<link rel=\"stylesheet\" href=\"{href}\">\n"))
            .collect();
        let html = format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n\
             <title>Followup floor</title>\n<link rel=\"icon\" href=\"data:,\">\n{links}</head>\n<body>{body}\n\
             <script>requestAnimationFrame(() => setTimeout(() => performance.mark('floor:paint')));</script>\n\
             </body></html>\n"
        );
        std::fs::write(self.tmp.path().join("floor.html"), html)?;
        Ok("/floor.html".into())
    }
}
