//! Performance marks for the benchmark (`cargo xtask bench`): named instants on the
//! page's `performance` timeline, read back by the bench with
//! `performance.getEntriesByName`.
//!
//! Marks set: `followup:start` (the wasm module's `main` begins), `followup:loaded` (the
//! book is read from storage and decoded), `followup:agenda` (the agenda page's first
//! frame after its list is in the DOM). Without `performance` this does nothing.

/// Sets the mark `name` on the page's performance timeline, if there is one.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
