//! The reusable half of `cargo xtask`: finishing a Trunk `dist/` into an offline-first PWA,
//! measuring it, and serving it the way GitHub Pages does.
//!
//! The binary (`main.rs`) installs tools and runs commands; the end-to-end suite
//! (`tests/e2e`) links this library to rebuild a dist's service worker for its update test.
//! Nothing here downloads anything.

pub mod pwa;
pub mod server;
pub mod size;
pub mod wasm;

pub use pwa::finish_dist;
