//! Lighthouse 12.8.2 (pinned in `xtask/lighthouse/package-lock.json`, installed there with
//! `npm ci` on first use) against the release build: a first visit (empty storage, no
//! service worker) served with gzip as GitHub Pages serves it (3 runs: the median-LCP one
//! reported, the TBT of each), the same served uncompressed, a visit with the 500- and the
//! 5,000-contact book stored (gzip, no service worker yet), and the repeat visit with each
//! book (the service worker installed and in control).
//!
//! Lighthouse normally starts Chromium with an empty profile. Here the bench starts
//! Chromium itself (the README's flags, `--remote-debugging-port`), opening the seeding page
//! as its first tab (for a repeat visit, with `&visit=1`: it also loads the app in a frame
//! until the service worker controls it); once that page reports `/seed-done`, Lighthouse
//! attaches to that same profile with `--port` and `--disable-storage-reset`, so the app
//! finds the book in localStorage (and the worker its cache). Mobile preset (Lighthouse's
//! default), simulated throttling.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::browser::{free_port, CHROME_ARGS};
use crate::StaticServer;

pub const VERSION: &str = "12.8.2";
const CATEGORIES: [&str; 4] = ["performance", "accessibility", "best-practices", "seo"];

/// The scores (0–100) and what kept each category from 100.
#[derive(Debug, Clone)]
pub struct Lighthouse {
    pub scores: Vec<(String, Option<f64>)>,
    /// (category, audit id, title, score) of audits below 1.
    pub failing: Vec<(String, String, String, Option<f64>)>,
    pub metrics: Vec<(String, String)>,
    /// Largest contentful paint, total blocking time (ms) and cumulative layout shift.
    pub lcp_ms: Option<f64>,
    pub tbt_ms: Option<f64>,
    pub cls: Option<f64>,
    pub report_path: PathBuf,
}

impl Lighthouse {
    pub fn summary(&self) -> String {
        self.scores
            .iter()
            .map(|(c, s)| format!("{c} {}", s.map(|v| format!("{v:.0}")).unwrap_or("—".into())))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn score(&self, category: &str) -> Option<f64> {
        self.scores
            .iter()
            .find(|(c, _)| c == category)
            .and_then(|(_, s)| *s)
    }

    pub fn to_json(&self) -> Value {
        json!({
            "lcp_ms": self.lcp_ms,
            "tbt_ms": self.tbt_ms,
            "cls": self.cls,
            "version": VERSION,
            "scores": self.scores.iter().map(|(c, s)| (c.clone(), json!(s))).collect::<serde_json::Map<_, _>>(),
            "failing_audits": self.failing.iter().map(|(c, id, t, s)| json!({"category": c, "id": id, "title": t, "score": s})).collect::<Vec<_>>(),
            "metrics": self.metrics.iter().map(|(k, v)| (k.clone(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "report": self.report_path.display().to_string(),
        })
    }

    /// The scores, metrics and lost points; `what` says how the run was made.
    pub fn to_markdown(&self, what: &str) -> String {
        let mut md = format!(
            "{what}; Lighthouse {VERSION}, mobile preset (simulated slow 4G and 4× CPU \
             slowdown); full report: `{}`.\n\n",
            self.report_path
                .strip_prefix(crate::workspace_root())
                .unwrap_or(&self.report_path)
                .display()
        );
        md.push_str(
            "| performance | accessibility | best practices | SEO |\n|---:|---:|---:|---:|\n|",
        );
        for (_, s) in &self.scores {
            md.push_str(&format!(
                " {} |",
                s.map(|v| format!("{v:.0}")).unwrap_or("—".into())
            ));
        }
        md.push('\n');
        if !self.metrics.is_empty() {
            md.push_str("\nMetrics (simulated mobile): ");
            md.push_str(
                &self
                    .metrics
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            md.push('\n');
        }
        if !self.failing.is_empty() {
            md.push_str("\nAudits below full score:\n\n");
            for (c, id, title, s) in &self.failing {
                md.push_str(&format!(
                    "- {c}: `{id}` — {title} ({})\n",
                    s.map(|v| format!("{:.2}", v)).unwrap_or("n/a".into())
                ));
            }
        }
        md
    }
}

/// Installs Lighthouse into `dir/node_modules` with `npm ci` unless that version is there.
fn ensure_installed(dir: &Path) -> Result<PathBuf, String> {
    let bin = dir.join("node_modules/.bin/lighthouse");
    let installed = std::fs::read_to_string(dir.join("node_modules/lighthouse/package.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|v| v["version"].as_str().map(str::to_string));
    if installed.as_deref() != Some(VERSION) || !bin.exists() {
        println!(
            "==> installing Lighthouse {VERSION} (npm ci in {})",
            dir.display()
        );
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir)
            .status()
            .map_err(|e| format!("could not run npm (it comes with Node.js): {e}"))?;
        if !status.success() {
            return Err(format!("npm ci in {} failed ({status})", dir.display()));
        }
    }
    Ok(bin)
}

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs Lighthouse against `server`'s app after seeding the book at `seed_path`; writes
/// the JSON report to `out`.
pub fn run(
    lighthouse_dir: &Path,
    server: &StaticServer,
    seed_path: &str,
    out: &Path,
) -> Result<Lighthouse, String> {
    let bin = ensure_installed(lighthouse_dir)?;
    let chrome = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let profile = tempfile::Builder::new()
        .prefix("followup-lighthouse-")
        .tempdir()
        .map_err(|e| format!("temp profile: {e}"))?;
    let port = free_port();
    let hits_before = server.hits().len();
    let child = Command::new(&chrome)
        .args(
            CHROME_ARGS
                .iter()
                .filter(|a| !a.starts_with("--window-size")),
        )
        .arg(format!("--remote-debugging-port={port}"))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(server.url(seed_path))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start {chrome}: {e}"))?;
    let _chrome = KillOnDrop(child);
    let deadline = Instant::now() + Duration::from_secs(240);
    loop {
        let done = server
            .hits()
            .into_iter()
            .skip(hits_before)
            .find(|h| h.path.starts_with("/seed-done"));
        if let Some(hit) = done {
            if !hit.path.ends_with("ok=true") {
                let query = hit.path.split_once('?').map_or("", |(_, q)| q);
                let why = url::form_urlencoded::parse(query.as_bytes())
                    .find(|(k, _)| k == "error")
                    .map_or("no reason given".into(), |(_, v)| v.into_owned());
                return Err(format!("the seeding page failed: {why}"));
            }
            break;
        }
        if Instant::now() > deadline {
            return Err("the seeding page did not report within 240 s".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }

    let flags = CHROME_ARGS.join(" ");
    let output = Command::new(&bin)
        .arg(server.url("/followup/"))
        .arg(format!("--port={port}"))
        .arg("--disable-storage-reset")
        .arg(format!("--only-categories={}", CATEGORIES.join(",")))
        .arg("--output=json")
        .arg(format!("--output-path={}", out.display()))
        .arg(format!("--chrome-flags={flags}"))
        .arg("--quiet")
        .env("CHROME_PATH", &chrome)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start Lighthouse: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "Lighthouse failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .rev()
                .take(15)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
                .join("\n")
        ));
    }
    parse(out)
}

/// Reads the scores and the audits that lost points from a Lighthouse JSON report.
pub fn parse(path: &Path) -> Result<Lighthouse, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let lhr: Value =
        serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
    if let Some(e) = lhr["runtimeError"]["message"].as_str() {
        return Err(format!("Lighthouse runtime error: {e}"));
    }
    let mut scores = Vec::new();
    let mut failing = Vec::new();
    for cat in CATEGORIES {
        let c = &lhr["categories"][cat];
        scores.push((
            cat.to_string(),
            c["score"].as_f64().map(|s| (s * 100.0).round()),
        ));
        for r in c["auditRefs"].as_array().into_iter().flatten() {
            if r["weight"].as_f64().unwrap_or(0.0) == 0.0 && cat != "performance" {
                continue;
            }
            let id = r["id"].as_str().unwrap_or("");
            let audit = &lhr["audits"][id];
            let mode = audit["scoreDisplayMode"].as_str().unwrap_or("");
            if matches!(mode, "notApplicable" | "manual" | "informative") {
                continue;
            }
            let score = audit["score"].as_f64();
            if score.is_some_and(|s| s < 1.0) {
                failing.push((
                    cat.to_string(),
                    id.to_string(),
                    audit["title"].as_str().unwrap_or("").to_string(),
                    score,
                ));
            }
        }
    }
    let metrics = [
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
        "speed-index",
    ]
    .iter()
    .filter_map(|id| {
        let v = lhr["audits"][id]["displayValue"].as_str()?;
        Some((id.to_string(), v.to_string()))
    })
    .collect();
    let numeric = |id: &str| lhr["audits"][id]["numericValue"].as_f64();
    Ok(Lighthouse {
        scores,
        failing,
        metrics,
        lcp_ms: numeric("largest-contentful-paint"),
        tbt_ms: numeric("total-blocking-time"),
        cls: numeric("cumulative-layout-shift"),
        report_path: path.to_path_buf(),
    })
}
