//! The end-to-end suite: one test binary over the release dist served under `/followup/`
//! like GitHub Pages, driven through real headless Chromium.
//!
//! Build first: `cargo xtask dist --public-url /followup/`; run (from the workspace root):
//! `cargo test -p followup-e2e --test e2e -- --test-threads=1 [area::][test name]`.
//! `cargo xtask test` does both.
//!
//! The helpers every area shares live in the library (`followup_e2e::ui` for driving the
//! app, `followup_e2e::browser` for Chromium and the console); an area's file keeps only
//! what it alone uses.

/// Accessibility: axe-core on every screen, empty and with a realistic book.
mod a11y;
/// A page killed mid-save: a new page finds the book whole, before or after.
mod crash;
/// Your data: export and import through Settings, a backup restored in a fresh profile.
mod data;
/// A fair and the hundred days after it, with the page's clock moved; midnight.
mod days;
/// The fair floor: My card's QR code decoded, the share target, scanning, duplicates
/// merged and undone, the app badge.
mod fair;
/// Which fairs pay off (the funnel) and Companies, over a known book; screenshots.
mod insights;
/// My page: the third card's QR decoded, opened in a fresh profile, its vCard read back,
/// its reply opening capture filled in on the student's phone.
mod my_page;
/// Outcomes: a meeting's reminder, an introduction's draft, a referral walked to the
/// offer, the Referrals screen in light and dark.
mod outcomes;
/// The agenda's picture painted by the shell before the wasm, and never when stale.
mod picture;
/// Before the fair: an event's plan pasted, carried onto the floor offline, into the
/// drafts and the backup; To visit and not reached in light and dark.
mod plan;
/// The follow-up playbook through the UI: capture, agenda, composer, contact, search,
/// settings, screenshots.
mod playbook;
/// The PWA: rendering, deep links, offline with the server stopped, install, updates.
mod pwa;
/// Morning reminders with the app closed and offline: periodic sync fired over CDP, the
/// notifications read back; the offer after the first capture; Settings → Reminders.
mod reminders;
/// The resume PDF: kept in Settings, shared with the draft (stubbed Web Share), the
/// download fallback, refusals, offline.
mod resume;
/// Security: XSS payloads in every field, `javascript:` links refused.
mod security;
/// The first visit: the static shell draws the first screen where the app will, and holds
/// the largest paint.
mod shell;
/// Storage guarantees: unreadable data kept, migration, two windows, backup reminder.
mod storage;
