//! `cargo xtask <command>`: the only entry points a developer or CI needs.
//!
//! - `serve` builds the release app exactly as deployed and serves it; `serve --fast` is the
//!   quick loop: a debug build (stable toolchain, no split, no wasm-opt, no service worker)
//!   rebuilt on every save under `src/`, `style/`, `public/` and `index.html`, with the open
//!   page reloading itself when the new build is served (`xtask::fast`, and the server's
//!   live mode in `xtask::server`).
//! - `test` runs every gate and test level, as CI does; `test --only host|browser|e2e
//!   [FILTER]` runs one level, with FILTER passed to its test harness.
//! - `dist`, `size`, `bench`, `tools`: see [`HELP`].
//!
//! Every command first installs what it is missing (the wasm32 target, the pinned Trunk,
//! wasm-bindgen-cli at the version in Cargo.lock, wasm-opt from the pinned npm binaryen), so
//! a fresh clone with rustup and npm needs nothing else; `serve --fast` and the host and
//! browser levels of `test --only` need only what they use. Trunk always runs with
//! `--offline=true`: a missing tool is an error here, never a download.

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use xtask::{fast, finish_dist, server, size, wasm};

const TRUNK_VERSION: &str = "0.21.14";
/// The pinned nightly that builds the release wasm: `-Zbuild-std` with
/// `panic=immediate-abort`, no `Debug` formatting and no panic locations make it much
/// smaller (measure with `cargo xtask size`; the bench report keeps the sizes). Everything
/// else builds with stable (rust-toolchain.toml).
const NIGHTLY: &str = "nightly-2026-05-19";
/// `--emit-relocs` is what the splitter reads; the rest removes panic and formatting
/// machinery that the release build never shows anyone.
const RELEASE_RUSTFLAGS: &str =
    "-Clink-args=--emit-relocs -Zunstable-options -Cpanic=immediate-abort \
     -Zfmt-debug=none -Zlocation-detail=none";
const WASM_OPT_VERSION: &str = "version 132";
/// The brotli budget for what the agenda loads at start (html, css, js, the main wasm; not
/// the split chunks: `size::is_first_load`). `cargo xtask test` builds the release dist and
/// fails when the first-load total that `cargo xtask size` prints is above it, so growth
/// fails the build. It sits a few KB above what is measured, to stop growth; the target
/// (150 KB, `MAX_FIRST_LOAD_BROTLI`) is the bench report's, and the history is in git log.
const FIRST_LOAD_BUDGET: usize = 186 * 1024;

type Result<T = ()> = std::result::Result<T, String>;

const HELP: &str = "\
cargo xtask <command>

  serve [--port N]          release build (public URL /), served at http://127.0.0.1:8080/
  serve --fast [--port N]   the quick loop: a debug build (stable toolchain, no split, no
                            wasm-opt, no service worker) served at http://127.0.0.1:8080/,
                            rebuilt when a file under src/, style/, public/ or index.html
                            is saved; the open page reloads itself with the new build
  test                      fmt and clippy gates, host tests, browser tests (headless
                            Chromium), release build, size budget, end-to-end tests;
                            non-zero exit on any failure
  test --only host|browser|e2e [FILTER]
                            one level, FILTER passed to its test harness:
                              host     cargo test of the domain, routes and xtask
                              browser  wasm-bindgen-test in headless Chromium (built
                                       in the fast profile: no debug info)
                              e2e      dist --fast under /followup/, then the Chromium
                                       suite (FILTER like `pwa::` or `days::`)
  dist [--public-url P] [--fast]
                            release build into dist/ exactly as deployed (default P = /);
                            --fast skips wasm-opt (bigger files, same behaviour: for
                            quick end-to-end runs while developing, never for deploys)
  size                      raw, gzip and brotli size of every file in dist/
  bench [--sizes 500,5000,20000] [--runs N] [--queries N] [--no-lighthouse] [--publish]
                            benchmark at 500/5,000/20,000 contacts vs a static floor, sizes,
                            Lighthouse; writes target/bench/report.{json,md}; never fails on timing
  tools                     install the pinned build tools only
";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(
            flag(&args, "--port").unwrap_or("8080"),
            args.iter().any(|a| a == "--fast"),
        ),
        Some("test") => match &args[1..] {
            [] => test(),
            [only, rest @ ..] if only == "--only" => test_only(rest),
            _ => Err(format!(
                "`cargo xtask test` takes no options but `--only host|browser|e2e [FILTER]`, not {:?}",
                &args[1..]
            )),
        },
        Some("dist") => dist(
            flag(&args, "--public-url").unwrap_or("/"),
            Optimise::from_fast_flag(args.iter().any(|a| a == "--fast")),
        ),
        Some("size") => print_size().map(|_| ()),
        Some("tools") => ensure_build_tools(),
        Some("bench") => bench(&args[1..]),
        _ => {
            print!("{HELP}");
            return if args.is_empty() || args[0] == "help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn dist_dir() -> PathBuf {
    root().join("dist")
}

// ---------------------------------------------------------------------------------------
// Commands

fn serve(port: &str, fast: bool) -> Result {
    let port: u16 = port
        .parse()
        .map_err(|_| format!("--port wants a number, not {port:?}"))?;
    if fast {
        return serve_fast(port);
    }
    dist("/", Optimise::Full)?;
    let server = server::StaticServer::start_at(dist_dir(), "/", port)
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!(
        "\nFollowup is being served at {}  (Ctrl-C to stop)",
        server.url("")
    );
    loop {
        std::thread::park();
    }
}

/// `serve --fast`: the quick loop (see `xtask::fast`). The server starts at once with a page
/// that waits for the first build; then every saved file under [`fast::WATCHED`] rebuilds
/// what it needs (Trunk for html, css and copied files; cargo and wasm-bindgen for the
/// wasm), the new build is put in a folder of its own and served from the next request on,
/// and the open pages hear of it and reload. A failed build keeps the last good one served
/// and shows the compiler's message on the page.
fn serve_fast(port: u16) -> Result {
    use std::collections::BTreeSet;
    use std::time::{Duration, Instant, SystemTime};
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    let dir = root().join("target").join("fast");
    let waiting = dir.join("waiting");
    remove_sites(&dir, None);
    fast::write_waiting_page(&waiting).map_err(|e| format!("{}: {e}", waiting.display()))?;
    let server = server::StaticServer::start_live(&waiting, "/", port)
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!(
        "\nThe fast build will be served at {}  (Ctrl-C to stop); watching src/, style/, public/, index.html",
        server.url("")
    );

    let mut watch = fast::Watch::new(&root());
    let mut pending = BTreeSet::from([fast::Part::Page, fast::Part::Wasm]);
    let mut changed_at = Instant::now();
    let mut number = 0;
    loop {
        let started = Instant::now();
        let mut timings = Vec::new();
        let built = fast_build(&dir, &mut pending, &mut timings);
        let took = |t: &[(&str, f64)]| {
            t.iter()
                .map(|(what, secs)| format!("{what} {secs:.1} s"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match built {
            Ok(()) => {
                number += 1;
                let id = fast::build_id(number, SystemTime::now());
                let site = dir.join(format!("site-{number}"));
                fast::assemble(
                    &dir.join("trunk"),
                    &dir.join("bindgen"),
                    "followup",
                    "/",
                    &id,
                    &site,
                )
                .map_err(|e| format!("writing {}: {e}", site.display()))?;
                server.publish(&site, &id);
                remove_sites(&dir, Some(&site));
                println!(
                    "[{}] build {id} served: {:.1} s after the change ({}; assembled {:.1} s)",
                    fast::clock(),
                    changed_at.elapsed().as_secs_f64(),
                    took(&timings),
                    started.elapsed().as_secs_f64() - timings.iter().map(|t| t.1).sum::<f64>(),
                );
            }
            Err(message) => {
                server.failed(&message);
                eprintln!(
                    "[{}] the build failed ({}); the last good build stays served. Waiting for a save.",
                    fast::clock(),
                    took(&timings)
                );
            }
        }
        // Wait for a save; then a moment more, so that an editor's burst of writes (format
        // on save, a save of several files) makes one build.
        let mut changes = loop {
            std::thread::sleep(Duration::from_millis(300));
            let changes = watch.changes();
            if !changes.is_empty() {
                changed_at = Instant::now();
                break changes;
            }
        };
        std::thread::sleep(Duration::from_millis(100));
        changes.extend(watch.changes());
        let names: BTreeSet<_> = changes
            .iter()
            .map(|(p, _)| p.display().to_string())
            .collect();
        println!(
            "\n[{}] changed: {}",
            fast::clock(),
            names.into_iter().collect::<Vec<_>>().join(", ")
        );
        pending.extend(changes.into_iter().map(|(_, part)| part));
    }
}

/// Rebuilds the `pending` parts of a fast build into `dir/trunk` and `dir/bindgen`, taking
/// each one out of `pending` once it is built and adding its time to `timings`. `Err` is
/// the failed step's message (the compiler's errors).
fn fast_build(
    dir: &Path,
    pending: &mut std::collections::BTreeSet<fast::Part>,
    timings: &mut Vec<(&'static str, f64)>,
) -> std::result::Result<(), String> {
    let mut timed = |what: &'static str, cmd: &mut Command| {
        let started = std::time::Instant::now();
        let result = run_logged(cmd);
        timings.push((what, started.elapsed().as_secs_f64()));
        result
    };
    if pending.contains(&fast::Part::Page) {
        step("trunk build (debug: html, css, copied files; public URL /)");
        timed(
            "trunk",
            trunk()
                .args(["build", "--offline=true", "--public-url", "/", "--dist"])
                .arg(dir.join("trunk")),
        )?;
        pending.remove(&fast::Part::Page);
    }
    if pending.contains(&fast::Part::Wasm) {
        step("cargo build --lib --features start --profile fast (debug without debug info, wasm32, stable toolchain)");
        timed(
            "cargo",
            cargo().args([
                "build",
                "--lib",
                "-p",
                "followup",
                "--features",
                "start",
                "--profile",
                "fast",
                "--target",
                "wasm32-unknown-unknown",
            ]),
        )?;
        step("wasm-bindgen --target web");
        let raw = cargo_target_dir().join("wasm32-unknown-unknown/fast/followup.wasm");
        let out = dir.join("bindgen");
        let _ = std::fs::remove_dir_all(&out);
        timed(
            "wasm-bindgen",
            Command::new("wasm-bindgen")
                .args([
                    "--target",
                    "web",
                    "--no-typescript",
                    "--out-name",
                    "followup",
                ])
                .arg("--out-dir")
                .arg(&out)
                .arg(&raw),
        )?;
        pending.remove(&fast::Part::Wasm);
    }
    Ok(())
}

/// Removes the fast builds' `site-N` folders under `dir`, all but `keep`.
fn remove_sites(dir: &Path, keep: Option<&Path>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_site = entry.file_name().to_string_lossy().starts_with("site-");
        if is_site && Some(path.as_path()) != keep {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Whether `dist` runs wasm-opt on every module (deploys, tests, the bench) or copies the
/// modules as wasm-bindgen and the splitter wrote them (`--fast`, development only).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Optimise {
    Full,
    Skip,
}

impl Optimise {
    fn from_fast_flag(fast: bool) -> Self {
        if fast {
            Optimise::Skip
        } else {
            Optimise::Full
        }
    }
}

fn dist(public_url: &str, optimise: Optimise) -> Result {
    ensure_build_tools()?;
    let public_url = normalise_public_url(public_url);
    step(&format!(
        "trunk build --release (html, css, copied files; public URL {public_url})"
    ));
    run(trunk().args([
        "build",
        "--release",
        "--offline=true",
        "--public-url",
        &public_url,
    ]))?;
    build_wasm(&public_url, optimise)?;
    let version = finish_dist(&dist_dir()).map_err(|e| format!("finishing dist/: {e}"))?;
    println!("service worker version {version}; 404.html written");
    Ok(())
}

/// The app's wasm, built, split, bound and optimised into `dist/`, and the loader written
/// into `dist/index.html` (see `xtask/src/wasm.rs`).
fn build_wasm(public_url: &str, optimise: Optimise) -> Result {
    let target_dir = root().join("target").join("app");
    step(&format!(
        "cargo +{NIGHTLY} build --release --lib --features split (build-std, immediate-abort)"
    ));
    run(cargo_nightly()
        .args([
            "build",
            "--release",
            "--lib",
            "-p",
            "followup",
            "--features",
            "split",
            "--target",
            "wasm32-unknown-unknown",
            "-Zbuild-std=std,panic_abort",
        ])
        .env("CARGO_TARGET_DIR", &target_dir)
        .env("RUSTFLAGS", RELEASE_RUSTFLAGS))?;
    let raw_path = target_dir.join("wasm32-unknown-unknown/release/followup.wasm");
    let raw = std::fs::read(&raw_path).map_err(|e| format!("{}: {e}", raw_path.display()))?;
    let id = wasm::build_id(&raw);

    step("splitting the wasm (wasm_split_cli_support)");
    let split_dir = target_dir.join("split");
    let split = wasm::split(&raw, &split_dir, &id)?;
    println!(
        "main module + {} chunk(s): {}",
        split.chunks.len(),
        split.chunks.join(", ")
    );

    step("wasm-bindgen --target web --keep-lld-exports (main module)");
    let bindgen_dir = target_dir.join("bindgen");
    let _ = std::fs::remove_dir_all(&bindgen_dir);
    let stem = wasm::main_stem(&id);
    run(Command::new("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-demangle",
            "--no-typescript",
        ])
        .arg("--out-dir")
        .arg(&bindgen_dir)
        .args(["--out-name", &stem])
        .arg(&split.main))?;

    step(if optimise == Optimise::Full {
        "wasm-opt -Oz on every module, one per core"
    } else {
        "--fast: copying every module without wasm-opt"
    });
    let dist = dist_dir();
    let mut modules = vec![(
        bindgen_dir.join(format!("{stem}_bg.wasm")),
        dist.join(format!("{stem}_bg.wasm")),
    )];
    let mut chunks: Vec<_> = split
        .chunks
        .iter()
        .map(|c| (split_dir.join(c), dist.join(c)))
        .collect();
    // Largest first, so that no large chunk starts last while the other cores idle.
    chunks
        .sort_by_key(|(from, _)| std::cmp::Reverse(std::fs::metadata(from).map_or(0, |m| m.len())));
    modules.extend(chunks);
    if optimise == Optimise::Skip {
        for (from, to) in &modules {
            wasm::copy(from, to).map_err(|e| format!("copying {}: {e}", from.display()))?;
        }
    } else {
        let started = std::time::Instant::now();
        optimise_all(&modules)?;
        println!(
            "{} modules optimised in {:.0} s",
            modules.len(),
            started.elapsed().as_secs_f64()
        );
    }
    let copy = |from: PathBuf, name: &str| {
        wasm::copy(&from, &dist.join(name)).map_err(|e| format!("copying {name}: {e}"))
    };
    copy(
        bindgen_dir.join(format!("{stem}.js")),
        &format!("{stem}.js"),
    )?;
    copy(split_dir.join(&split.link), &split.link)?;

    let index_path = dist.join("index.html");
    let index =
        std::fs::read_to_string(&index_path).map_err(|e| format!("dist/index.html: {e}"))?;
    let index = wasm::with_loader(&index, public_url, &id)
        .ok_or("dist/index.html has no </head> for the loader")?;
    std::fs::write(&index_path, index).map_err(|e| format!("dist/index.html: {e}"))?;
    Ok(())
}

/// `wasm-opt -Oz` from each `(from, to)` pair's first file into its second, as many at once
/// as there are cores (binaryen from npm runs on one thread). `modules` comes largest first
/// (the main module, then the chunks by size), so the long runs start at once.
fn optimise_all(modules: &[(PathBuf, PathBuf)]) -> Result {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let wasm_opt = root().join("node_modules/.bin/wasm-opt");
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(modules.len());
    let optimise = |(from, to): &(PathBuf, PathBuf)| {
        run(Command::new(&wasm_opt)
            .args([
                "-Oz",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
            ])
            .arg(from)
            .arg("-o")
            .arg(to))
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result {
                    while let Some(module) = modules.get(next.fetch_add(1, Ordering::Relaxed)) {
                        optimise(module)?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a wasm-opt worker panicked".into()))
            })
            .collect::<Result<Vec<()>>>()
            .map(|_| ())
    })
}

fn test() -> Result {
    ensure_build_tools()?;
    let (chrome, chromedriver) = find_browsers()?;

    step("1/5 format and lints: cargo fmt --check, clippy -D warnings (host and wasm32)");
    lint()?;

    step("2/5 host tests: cargo test");
    host_tests(None)?;

    step("3/5 browser tests: wasm-bindgen-test in headless Chromium");
    browser_tests(&chromedriver, None, Profile::Dev)?;

    step("4/5 release build under /followup/ and size budget");
    dist("/followup/", Optimise::Full)?;
    let total = print_size()?;
    if total > FIRST_LOAD_BUDGET {
        return Err(format!(
            "first-load brotli total {total} B exceeds the {FIRST_LOAD_BUDGET} B budget"
        ));
    }

    step("5/5 end-to-end tests: the built app in Chromium");
    e2e_tests(&chrome, &chromedriver, None)?;

    println!("\nAll tests passed: host, browser, size, end to end.");
    Ok(())
}

/// `test --only LEVEL [FILTER]`: one level of [`test`], without the gates before it, with
/// FILTER handed to the level's test harness (a substring of the tests' names).
fn test_only(args: &[String]) -> Result {
    const LEVELS: &str = "host, browser or e2e";
    let (level, filter) = match args {
        [level] => (level.as_str(), None),
        [level, filter] => (level.as_str(), Some(filter.as_str())),
        [] => return Err(format!("--only wants a level: {LEVELS}")),
        _ => {
            return Err(format!(
                "--only takes a level ({LEVELS}) and at most one FILTER, not {args:?}"
            ))
        }
    };
    match level {
        "host" => {
            step("host tests: cargo test (the domain, routes and xtask)");
            host_tests(filter)
        }
        "browser" => {
            ensure_wasm_target()?;
            ensure_wasm_bindgen()?;
            let (_, chromedriver) = find_browsers()?;
            step("browser tests: wasm-bindgen-test in headless Chromium (profile fast)");
            browser_tests(&chromedriver, filter, Profile::Fast)
        }
        "e2e" => {
            ensure_build_tools()?;
            let (chrome, chromedriver) = find_browsers()?;
            step("release build under /followup/, without wasm-opt (dist --fast)");
            dist("/followup/", Optimise::Skip)?;
            step("end-to-end tests: the built app in Chromium");
            e2e_tests(&chrome, &chromedriver, filter)
        }
        other => Err(format!(
            "unknown --only level {other:?}: use {LEVELS}\n  \
             host     cargo test of the domain, routes and xtask\n  \
             browser  wasm-bindgen-test in headless Chromium\n  \
             e2e      the Chromium suite against a dist --fast build"
        )),
    }
}

/// Host tests: every workspace crate's tests but the end-to-end suite's.
fn host_tests(filter: Option<&str>) -> Result {
    run(cargo()
        .args(["test", "--workspace", "--exclude", "followup-e2e"])
        .args(filter))
}

/// The cargo profile of the browser tests' build.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Profile {
    /// Cargo's test profile, with debug info (`cargo xtask test`, as CI runs it).
    Dev,
    /// `fast` (Cargo.toml): no debug info, so the test wasm is about 5 MB, not 575 MB,
    /// and wasm-bindgen-test-runner goes through it in seconds (`test --only browser`).
    Fast,
}

/// The browser tests (`tests/browser.rs`): wasm-bindgen-test in headless Chromium.
fn browser_tests(chromedriver: &str, filter: Option<&str>, profile: Profile) -> Result {
    run(cargo()
        .args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "followup",
            "--test",
            "browser",
        ])
        .args(
            (profile == Profile::Fast)
                .then_some(["--profile", "fast"])
                .into_iter()
                .flatten(),
        )
        .args(filter)
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", chromedriver)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "60")
        .env_remove("GECKODRIVER")
        .env_remove("SAFARIDRIVER"))
}

/// The end-to-end suite against `dist/` (built under `/followup/`), one test at a time.
fn e2e_tests(chrome: &str, chromedriver: &str, filter: Option<&str>) -> Result {
    run(cargo()
        .args(["test", "-p", "followup-e2e", "--", "--test-threads=1"])
        .args(filter)
        .env("FOLLOWUP_DIST", dist_dir())
        .env("CHROME", chrome)
        .env("CHROMEDRIVER", chromedriver))
}

/// `cargo fmt --check` and clippy with every warning an error, for the host (the domain,
/// the view models, xtask and the e2e harness with their tests) and for wasm32 (the app's
/// shell and the browser tests, which the host never compiles).
fn lint() -> Result {
    run(cargo().args(["fmt", "--all", "--", "--check"]))
        .map_err(|e| format!("{e}\n(run `cargo fmt --all` to format the code)"))?;
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo().args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "followup",
        "--lib",
        "--test",
        "browser",
        "--",
        "-D",
        "warnings",
    ]))
}

/// The release build under `/followup/`, then the bench binary of the e2e crate
/// (`tests/e2e/src/bin/bench.rs`) with the given options.
fn bench(options: &[String]) -> Result {
    ensure_build_tools()?;
    let (chrome, chromedriver) = find_browsers()?;
    dist("/followup/", Optimise::Full)?;
    step("benchmark: headless Chromium against the release build");
    run(cargo()
        .args([
            "run",
            "--release",
            "-p",
            "followup-e2e",
            "--bin",
            "bench",
            "--",
        ])
        .args(options)
        .env("FOLLOWUP_DIST", dist_dir())
        .env("CHROME", &chrome)
        .env("CHROMEDRIVER", &chromedriver))
}

/// Prints the size table and returns the brotli total of the first-load files. Files the
/// agenda loads at start are marked `*`, the lazy routes' chunks `+`.
fn print_size() -> Result<usize> {
    let files = size::measure(&dist_dir())
        .map_err(|e| format!("measuring dist/ (run `cargo xtask dist` first): {e}"))?;
    println!(
        "{:<52} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut first_load = (0, 0, 0);
    let mut chunks = (0, 0, 0);
    let mut my_page = (0, 0, 0);
    for f in &files {
        let first = size::is_first_load(&f.path);
        let chunk = wasm::is_chunk(&f.path);
        let mine = size::MY_PAGE.contains(&f.path.as_str());
        let mark = if first {
            "*"
        } else if chunk {
            "+"
        } else if mine {
            "m"
        } else {
            " "
        };
        println!(
            "{mark}{:<51} {:>10} {:>10} {:>10}",
            f.path, f.raw, f.gzip, f.brotli
        );
        let sum = if first {
            &mut first_load
        } else if chunk {
            &mut chunks
        } else if mine {
            &mut my_page
        } else {
            continue;
        };
        *sum = (sum.0 + f.raw, sum.1 + f.gzip, sum.2 + f.brotli);
    }
    println!(
        "{:<52} {:>10} {:>10} {:>10}",
        "* first load (html+css+js+main wasm)", first_load.0, first_load.1, first_load.2
    );
    println!(
        "{:<52} {:>10} {:>10} {:>10}",
        "+ lazy chunks (on demand, precached)", chunks.0, chunks.1, chunks.2
    );
    println!(
        "{:<52} {:>10} {:>10} {:>10}",
        "m My page (a stranger's phone loads only these)", my_page.0, my_page.1, my_page.2
    );
    println!("budget for the brotli first load: {FIRST_LOAD_BUDGET} B");
    let heavier = my_page.1.max(my_page.2);
    if heavier > size::MY_PAGE_BUDGET {
        return Err(format!(
            "My page weighs {heavier} B compressed, over its {} B budget",
            size::MY_PAGE_BUDGET
        ));
    }
    Ok(first_load.2)
}

// ---------------------------------------------------------------------------------------
// Tools

fn ensure_build_tools() -> Result {
    ensure_wasm_target()?;
    ensure_nightly()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_npm_tools()
}

fn ensure_wasm_target() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        step("installing the wasm32-unknown-unknown target");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

fn ensure_nightly() -> Result {
    let nightly_src = output(
        Command::new("rustup").args(["run", NIGHTLY, "rustc", "--print", "sysroot"]),
    )
    .map(|sysroot| {
        Path::new(sysroot.trim())
            .join("lib/rustlib/src/rust/library/std")
            .is_dir()
    });
    if nightly_src != Some(true) {
        step(&format!(
            "installing {NIGHTLY} with rust-src (builds the release wasm)"
        ));
        run(Command::new("rustup").args([
            "toolchain",
            "install",
            NIGHTLY,
            "--profile",
            "minimal",
            "--component",
            "rust-src",
        ]))?;
    }
    Ok(())
}

fn ensure_trunk() -> Result {
    let trunk_version = output(Command::new("trunk").arg("--version"));
    if trunk_version.is_none_or(|v| v.trim() != format!("trunk {TRUNK_VERSION}")) {
        step(&format!(
            "installing trunk {TRUNK_VERSION} (about 7 minutes on 2 cores)"
        ));
        run(cargo().args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]))?;
    }
    Ok(())
}

/// wasm-bindgen and its test runner at the version in Cargo.lock, which Trunk.toml must pin.
fn ensure_wasm_bindgen() -> Result {
    let wbg = wasm_bindgen_version()?;
    let trunk_toml = std::fs::read_to_string(root().join("Trunk.toml"))
        .map_err(|e| format!("Trunk.toml: {e}"))?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{wbg}\"")) {
        return Err(format!(
            "Trunk.toml must pin `wasm_bindgen = \"{wbg}\"` (the version in Cargo.lock)"
        ));
    }
    // Each binary prints its own name and version: `wasm-bindgen-test-runner 0.2.130`.
    let have = |bin: &str| {
        output(Command::new(bin).arg("--version"))
            .is_some_and(|v| v.trim() == format!("{bin} {wbg}"))
    };
    if !have("wasm-bindgen") || !have("wasm-bindgen-test-runner") {
        step(&format!("installing wasm-bindgen-cli {wbg}"));
        // Not --locked: one of its locked dependency versions is missing from the registry.
        run(cargo().args(["install", "wasm-bindgen-cli", "--version", &wbg, "--force"]))?;
    }
    Ok(())
}

/// package.json pins the npm tools: binaryen's wasm-opt for the build, axe-core for the
/// e2e accessibility test. `npm ci` installs both when either is missing or stale.
fn ensure_npm_tools() -> Result {
    let wasm_opt = root().join("node_modules/.bin/wasm-opt");
    let have_wasm_opt = output(Command::new(&wasm_opt).arg("--version"))
        .is_some_and(|v| v.contains(WASM_OPT_VERSION));
    let have_axe = root().join("node_modules/axe-core/axe.min.js").is_file();
    if !have_wasm_opt || !have_axe {
        step("installing npm tools (binaryen@132.0.0, axe-core)");
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(root()))
        .map_err(|e| format!("{e}\n(npm comes with Node.js: https://nodejs.org/)"))?;
    }
    Ok(())
}

fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

/// Chromium (or Chrome) and a matching chromedriver, from `CHROME`/`CHROMEDRIVER` or PATH.
fn find_browsers() -> Result<(String, String)> {
    let find = |var: &str, names: &[&str]| -> Option<String> {
        if let Ok(v) = env::var(var) {
            return Some(v);
        }
        names
            .iter()
            .find(|n| output(Command::new(n).arg("--version")).is_some())
            .map(|n| n.to_string())
    };
    let chrome = find(
        "CHROME",
        &["/usr/bin/chromium", "chromium", "google-chrome", "chrome"],
    );
    let driver = find("CHROMEDRIVER", &["/usr/bin/chromedriver", "chromedriver"]);
    match (chrome, driver) {
        (Some(c), Some(d)) => Ok((c, d)),
        _ => Err("the browser and end-to-end tests need Chromium (or Chrome) and chromedriver.\n\
             On Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium chromium-driver\n\
             Elsewhere: install Chrome and the matching chromedriver, and set CHROME and CHROMEDRIVER to their paths."
            .into()),
    }
}

fn normalise_public_url(url: &str) -> String {
    let trimmed = url.trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    }
}

// ---------------------------------------------------------------------------------------
// Processes

fn cargo() -> Command {
    let mut cmd = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

/// cargo of the pinned nightly (through rustup), for the release wasm only.
fn cargo_nightly() -> Command {
    let mut cmd = Command::new("cargo");
    cmd.arg(format!("+{NIGHTLY}")).current_dir(root());
    cmd.env_remove("RUSTUP_TOOLCHAIN").env_remove("CARGO");
    cmd
}

fn trunk() -> Command {
    let mut cmd = Command::new("trunk");
    let bin = root().join("node_modules/.bin");
    let path = env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin];
    paths.extend(env::split_paths(&path));
    cmd.env("PATH", env::join_paths(paths).expect("valid PATH"))
        .current_dir(root());
    cmd
}

fn step(what: &str) {
    println!("\n==> {what}");
}

fn run(cmd: &mut Command) -> Result {
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "{:?} {:?} failed ({status})",
            cmd.get_program(),
            cmd.get_args().collect::<Vec<_>>()
        ))
    }
}

/// Runs `cmd` with its stderr shown as it comes and kept: `Err` is what it printed there
/// (less cargo's progress lines, at most the last 200 lines), for the fast page to show.
fn run_logged(cmd: &mut Command) -> Result {
    use std::io::{BufRead, BufReader, Write};
    let mut child = cmd
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {:?}: {e}", cmd.get_program()))?;
    let mut kept = Vec::new();
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr)
            .lines()
            .map_while(std::io::Result::ok)
        {
            let _ = writeln!(std::io::stderr(), "{line}");
            let progress = [
                "Compiling ",
                "Checking ",
                "Building ",
                "Blocking ",
                "Finished ",
            ]
            .iter()
            .any(|p| line.trim_start().starts_with(p));
            if !progress {
                kept.push(line);
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        return Ok(());
    }
    let from = kept.len().saturating_sub(200);
    kept.push(format!(
        "{:?} {:?} failed ({status})",
        cmd.get_program(),
        cmd.get_args().collect::<Vec<_>>()
    ));
    Err(kept[from..].join("\n"))
}

/// Where cargo puts what it builds for this workspace: `CARGO_TARGET_DIR`, or `target/`.
fn cargo_target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_takes_one_of_three_levels_and_one_filter() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let unknown = test_only(&args(&["unit"])).unwrap_err();
        assert!(unknown.contains("\"unit\""), "{unknown}");
        for level in ["host", "browser", "e2e"] {
            assert!(unknown.contains(level), "{unknown}");
        }
        assert!(test_only(&[]).unwrap_err().contains("host, browser or e2e"));
        let extra = test_only(&args(&["host", "storage", "more"])).unwrap_err();
        assert!(extra.contains("at most one FILTER"), "{extra}");
    }
}
