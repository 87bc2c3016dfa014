//! The reusable half of `cargo xtask`: finishing a Trunk `dist/` into an offline-first PWA,
//! measuring it, serving it the way GitHub Pages does, and the quick loop's fast build that
//! reloads its page on every save (`fast`, with the server's live mode).
//!
//! The binary (`main.rs`) installs tools and runs commands; the end-to-end suite
//! (`tests/e2e`) links this library to rebuild a dist's service worker for its update test.
//! Nothing here downloads anything.

pub mod fast;
pub mod pwa;
pub mod server;
pub mod size;
pub mod wasm;

pub use pwa::finish_dist;
