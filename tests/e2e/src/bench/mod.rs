//! `cargo xtask bench`: how fast, small and accessible Followup is at 500, 5,000 and
//! 20,000 contacts, side by side with a static-page floor. It reports; it never fails on
//! a timing (only when it cannot run at all).
//!
//! - `generate`: deterministic books (fixed seed) and the storage pairs to preload;
//! - `site`: the served folder (dist under `/followup/`, the seeding page, the floor page);
//! - `measure`: one size in one fresh headless Chromium;
//! - `import`: a backup of 5,000 contacts imported into a book of 15,000 (preview, apply);
//! - `lighthouse`: Lighthouse 12.8.2 with the 500-contact book preloaded;
//! - `report`: statistics, targets, the printed table, `report.json` and `report.md`.
//!
//! The binary is `src/bin/bench.rs`.

pub mod generate;
pub mod import;
pub mod lighthouse;
pub mod measure;
pub mod report;
pub mod site;
