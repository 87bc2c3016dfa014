//! `cargo xtask bench`: how fast, small and accessible Followup is at 500, 5,000 and
//! 20,000 contacts, side by side with a static-page floor. It reports; it never fails on
//! a timing (only when it cannot run at all).
//!
//! - `generate`: deterministic books (fixed seed) and the storage pairs to preload;
//! - `site`: the served folder (dist under `/followup/`, the seeding page, the floor page);
//! - `measure`: one size in one fresh headless Chromium: load → agenda on screen (the
//!   snapshot index.html paints, `followup:snapshot`, or the live agenda, `followup:agenda`,
//!   whichever is first) and each of the two, the layout shift until the live agenda + 500 ms,
//!   the floor, all of it again with the CPU slowed 4× (CDP), the contacts list, Settings,
//!   search (keystroke → DOM updated, and → next frame), capture, heap and storage;
//! - `import`: a backup of 5,000 contacts imported into a book of 15,000 (preview, apply);
//! - `lighthouse`: Lighthouse 12.8.2: a first visit (3 runs, gzip; then uncompressed), and
//!   with the 500- and 5,000-contact books stored, a first visit and a repeat visit (the
//!   service worker in control);
//! - `report`: statistics, targets, the printed table, `report.json` and `report.md`.
//!
//! The binary is `src/bin/bench.rs`.

pub mod generate;
pub mod import;
pub mod lighthouse;
pub mod measure;
pub mod report;
pub mod site;
