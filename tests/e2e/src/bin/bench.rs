//! `cargo xtask bench` runs this (after the release build): the benchmark of Followup at
//! 500, 5,000 and 20,000 contacts. See `followup_e2e::bench` and the README.
//!
//! Options: `--sizes 500,5000,20000`, `--runs N` (at least 1; 5 by default), `--queries N`
//! (search queries per run, 50 by default), `--no-lighthouse`, `--no-import` (skip importing
//! 5,000 contacts into 15,000), `--publish` (also write the
//! Markdown report to `.github/bench.md`, the copy the README links), `--out DIR` (default
//! `target/bench`). Needs `FOLLOWUP_DIST` (or `./dist`) built with `--public-url /followup/`.

use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;
use followup_e2e::bench::lighthouse::Lighthouse;
use followup_e2e::bench::report::{
    thousands, FirstLoadFile, LighthouseRun, Machine, Report, LIGHTHOUSE_BOOKS,
};
use followup_e2e::bench::{generate, lighthouse, measure, site::Site};
use followup_e2e::{dist_dir, workspace_root, StaticServer};

struct Options {
    sizes: Vec<usize>,
    runs: usize,
    queries: usize,
    lighthouse: bool,
    import: bool,
    publish: bool,
    out: PathBuf,
}

fn options() -> Result<Options, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut o = Options {
        sizes: vec![500, 5_000, 20_000],
        runs: 5,
        queries: 50,
        lighthouse: true,
        import: true,
        publish: false,
        out: workspace_root().join("target").join("bench"),
    };
    let mut i = 0;
    while i < args.len() {
        let value = || {
            args.get(i + 1)
                .cloned()
                .ok_or_else(|| format!("{} needs a value", args[i]))
        };
        match args[i].as_str() {
            "--sizes" => {
                o.sizes = value()?
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse::<usize>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| "--sizes wants numbers like 500,5000,20000".to_string())?;
                i += 1;
            }
            "--runs" => {
                o.runs = value()?
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or("--runs wants a number ≥ 1")?;
                i += 1;
            }
            "--queries" => {
                o.queries = value()?
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or("--queries wants a number ≥ 1")?;
                i += 1;
            }
            "--no-lighthouse" => o.lighthouse = false,
            "--no-import" => o.import = false,
            "--publish" => o.publish = true,
            "--out" => {
                o.out = PathBuf::from(value()?);
                i += 1;
            }
            other => return Err(format!("unknown option {other:?}")),
        }
        i += 1;
    }
    Ok(o)
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    match run(options).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nbench: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(o: Options) -> Result<(), String> {
    let dist = dist_dir();
    std::fs::create_dir_all(&o.out).map_err(|e| format!("{}: {e}", o.out.display()))?;
    let today = local_today();
    println!("bench: books relative to {today}; {} runs per size", o.runs);

    let machine = machine();
    let (first_load, precache_gzip, precache_brotli) = first_load(&dist)?;
    let site = Arc::new(Site::new(&dist).map_err(|e| format!("preparing the served folder: {e}"))?);
    let server = Arc::new(StaticServer::start(site.root(), "/"));
    let queries = generate::queries(o.queries);

    let mut sizes = Vec::new();
    for &size in &o.sizes {
        let started = Instant::now();
        let book = generate::book(size, today);
        let pairs = generate::storage_pairs(&book);
        let needed: usize = pairs
            .iter()
            .map(|(k, v)| 2 * (k.encode_utf16().count() + v.encode_utf16().count()))
            .sum();
        let seed = site
            .write_seed(size, &pairs)
            .map_err(|e| format!("writing the {size}-contact seed: {e}"))?;
        println!(
            "\n==> {size} contacts (book generated in {:.1} s, {} storage keys)",
            started.elapsed().as_secs_f64(),
            pairs.len()
        );
        // Each size in its own task, so a panic in a browser helper becomes a reported error.
        let (site, server, q, runs) = (site.clone(), server.clone(), queries.clone(), o.runs);
        let task = tokio::spawn(async move {
            measure::measure(&site, &server, size, &seed, needed as f64, runs, &q).await
        });
        let result = match task.await {
            Ok(r) => r,
            Err(e) => measure::SizeResult {
                size,
                needed_utf16: needed as f64,
                error: Some(panic_message(e)),
                ..Default::default()
            },
        };
        if let Some(e) = &result.error {
            println!("    {size} contacts: {e}");
        }
        println!("    measured in {:.0} s", started.elapsed().as_secs_f64());
        sizes.push(result);
    }

    let lighthouse = if o.lighthouse {
        lighthouse_runs(&site, &server, &o.out, today)
    } else {
        Vec::new()
    };

    let mut imports = Vec::new();
    if o.import {
        let file = generate::book(5_000, today);
        // The case: 5,000 into 15,000 (20,000 after, which storage version 3 holds).
        let book = 15_000;
        println!("\n==> import: 5,000 contacts into a book of {book}");
        imports.push(import_into(&site, &server, &file, book, today, o.runs).await);
    }

    let report = Report {
        machine,
        runs: o.runs,
        queries: o.queries,
        sizes,
        first_load,
        precache_brotli,
        precache_gzip,
        lighthouse,
        imports,
    };
    let json = serde_json::to_string_pretty(&report.to_json()).unwrap();
    std::fs::write(o.out.join("report.json"), json).map_err(|e| format!("report.json: {e}"))?;
    std::fs::write(o.out.join("report.md"), report.to_markdown())
        .map_err(|e| format!("report.md: {e}"))?;
    if o.publish {
        let published = workspace_root().join(".github").join("bench.md");
        std::fs::write(&published, report.to_markdown())
            .map_err(|e| format!("{}: {e}", published.display()))?;
        println!("published: {}", published.display());
    }
    println!("\n{}", report.to_text());
    println!(
        "written: {} and {}",
        o.out.join("report.json").display(),
        o.out.join("report.md").display()
    );
    if report.sizes.iter().all(|s| s.load.agenda.is_empty()) {
        return Err("no size could be measured".into());
    }
    Ok(())
}

/// Lighthouse as the issue measures it: a first visit (empty storage, no service worker)
/// served with gzip like GitHub Pages, three times, keeping the run with the median LCP (and
/// the TBT of each); the same served uncompressed; and for the 500- and 5,000-contact books,
/// a visit with the book stored (no service worker yet) and a repeat visit (the app visited
/// once, its service worker in control), all gzip.
fn lighthouse_runs(
    site: &Site,
    server: &StaticServer,
    out: &std::path::Path,
    today: NaiveDate,
) -> Vec<LighthouseRun> {
    let dir = workspace_root().join("xtask").join("lighthouse");
    let mut runs = Vec::new();
    let once = |seed: &Result<String, String>, file: &str| {
        println!("    {file}");
        seed.clone()
            .and_then(|seed| lighthouse::run(&dir, server, &seed, &out.join(file)))
    };
    println!(
        "\n==> Lighthouse {} (mobile): first visit ×3 gzip, ×1 uncompressed; 500 and 5,000 \
         contacts, first and repeat visit, ×1 each",
        lighthouse::VERSION
    );
    let empty = site
        .write_seed(0, &[])
        .map_err(|e| format!("writing the empty seed: {e}"));
    server.set_gzip(true);
    let mut gzip: Vec<Result<Lighthouse, String>> = (1..=3)
        .map(|i| once(&empty, &format!("lighthouse-first-visit-gzip-{i}.json")))
        .collect();
    let tbt_runs = gzip
        .iter()
        .map(|r| r.as_ref().ok().and_then(|l| l.tbt_ms))
        .collect();
    let ok = gzip.iter().filter(|r| r.is_ok()).count();
    let headline = if ok == 0 {
        gzip.remove(0)
    } else {
        let mut done: Vec<Lighthouse> = gzip.into_iter().filter_map(Result::ok).collect();
        done.sort_by(|a, b| {
            a.lcp_ms
                .unwrap_or(f64::MAX)
                .total_cmp(&b.lcp_ms.unwrap_or(f64::MAX))
        });
        Ok(done.swap_remove(done.len() / 2))
    };
    runs.push(LighthouseRun {
        key: "first-visit-gzip".into(),
        what: format!(
            "First visit (empty storage, no service worker), served with gzip and \
             `Cache-Control: max-age=600` as GitHub Pages does; the median-LCP run of {ok}"
        ),
        result: headline,
        tbt_runs,
    });
    server.set_gzip(false);
    runs.push(LighthouseRun::one(
        "first-visit-uncompressed",
        "The same first visit, served uncompressed".into(),
        once(&empty, "lighthouse-first-visit-uncompressed.json"),
    ));
    server.set_gzip(true);
    for size in LIGHTHOUSE_BOOKS {
        let pairs = generate::storage_pairs(&generate::book(size, today));
        let book = site
            .write_seed(size, &pairs)
            .map_err(|e| format!("writing the Lighthouse seed: {e}"));
        let n = thousands(size);
        runs.push(LighthouseRun::one(
            format!("book-{size}-gzip"),
            format!(
                "A visit with the {n}-contact book in localStorage (no service worker yet), \
                 served with gzip"
            ),
            once(&book, &format!("lighthouse-{size}.json")),
        ));
        let visited = book.map(|seed| format!("{seed}&visit=1"));
        runs.push(LighthouseRun::one(
            format!("repeat-{size}-gzip"),
            format!(
                "A repeat visit with the {n}-contact book: the same profile had loaded the app \
                 (its agenda drawn, then reloaded until the service worker controlled it), \
                 served with gzip; Lighthouse keeps the storage and the worker's cache"
            ),
            once(&visited, &format!("lighthouse-{size}-repeat.json")),
        ));
    }
    for run in &runs {
        if let Err(e) = &run.result {
            println!("    {}: {e}", run.key);
        }
    }
    runs
}

fn panic_message(e: tokio::task::JoinError) -> String {
    match e.try_into_panic() {
        Ok(p) => p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "the measurement panicked".into()),
        Err(e) => format!("the measurement task failed: {e}"),
    }
}

/// Today in the local time zone (the one Chromium uses, as it runs here), from `date`;
/// UTC when `date` is missing.
/// Imports `file` into a generated book of `book` contacts and prints the times.
async fn import_into(
    site: &Site,
    server: &StaticServer,
    file: &followup::domain::Book,
    book: usize,
    today: NaiveDate,
    runs: usize,
) -> followup_e2e::bench::import::ImportResult {
    let started = Instant::now();
    let mut result = followup_e2e::bench::import::ImportResult {
        book,
        file: file.contact_count(),
        ..Default::default()
    };
    let pairs = generate::storage_pairs(&generate::book(book, today));
    match (
        site.write_seed(book, &pairs),
        followup_e2e::bench::import::write_file(site, file),
    ) {
        (Ok(seed), Ok((path, bytes))) => {
            result.file_bytes = bytes;
            followup_e2e::bench::import::measure(server, &seed, &path, runs, &mut result).await;
        }
        (Err(e), _) | (_, Err(e)) => result.error = Some(format!("writing the files: {e}")),
    }
    println!(
        "    preview {:?} ms, apply {:?} ms: {}{} ({:.0} s)",
        result.preview,
        result.apply,
        result.done,
        result
            .error
            .as_ref()
            .map(|e| format!(", {e}"))
            .unwrap_or_default(),
        started.elapsed().as_secs_f64()
    );
    result
}

fn local_today() -> NaiveDate {
    let local = Command::new("date")
        .arg("+%Y-%m-%d")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok());
    local.unwrap_or_else(|| {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() / 86_400)
            .unwrap_or(0);
        NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Days::new(days)
    })
}

/// The first-load files (index.html and every file it names), and the gzip and brotli
/// totals of everything the service worker precaches.
fn first_load(dist: &std::path::Path) -> Result<(Vec<FirstLoadFile>, usize, usize), String> {
    let files =
        xtask::size::measure(dist).map_err(|e| format!("measuring {}: {e}", dist.display()))?;
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("reading index.html: {e}"))?;
    let named = |path: &str| {
        path == "index.html"
            || index.contains(&format!("/{path}\""))
            || index.contains(&format!("/{path}'"))
            || index.contains(&format!("\"{path}\""))
    };
    let first: Vec<FirstLoadFile> = files
        .iter()
        .filter(|f| f.path != "sw.js" && named(&f.path))
        .map(|f| FirstLoadFile {
            path: f.path.clone(),
            raw: f.raw,
            gzip: f.gzip,
            brotli: f.brotli,
        })
        .collect();
    let precached = files.iter().filter(|f| f.path != "sw.js");
    let (gzip, brotli) = precached.fold((0, 0), |t, f| (t.0 + f.gzip, t.1 + f.brotli));
    Ok((first, gzip, brotli))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn command_line(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Date (UTC), CPU model, cores, RAM, Chromium version and OS of this run.
fn machine() -> Machine {
    let cpuinfo = read("/proc/cpuinfo");
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    let ram = read("/proc/meminfo")
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| format!("{:.1} GiB", kb / 1024.0 / 1024.0))
        .unwrap_or_else(|| "unknown".into());
    let chrome = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let os = read("/etc/os-release")
        .lines()
        .find(|l| l.starts_with("PRETTY_NAME="))
        .map(|l| l["PRETTY_NAME=".len()..].trim_matches('"').to_string())
        .unwrap_or_else(|| std::env::consts::OS.into());
    Machine {
        date: command_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"])
            .unwrap_or_else(|| local_today().to_string()),
        cpu,
        cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        ram,
        chromium: command_line(&chrome, &["--version"])
            .unwrap_or_else(|| "Chromium (version unknown)".into()),
        os,
        load: read("/proc/loadavg")
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
    }
}
