//! "On this device" in Settings: whether the browser has promised to keep the data, how
//! much of local storage it takes, how much the resume PDF takes (in IndexedDB), and when
//! the last backup was made.

use super::resume_section::{KeptResume, StoredResume};
use crate::domain::dates;
use crate::state::use_app;
use crate::storage;
use crate::view::sizes::size;
use leptos::prelude::*;

#[component]
pub fn StorageInfo() -> impl IntoView {
    let state = use_app();
    let resume = KeptResume::get();
    // None while asking; Some(None) when the browser cannot say.
    let persisted = RwSignal::new(None::<Option<bool>>);
    leptos::task::spawn_local(async move {
        persisted.set(Some(storage::persisted().await));
    });
    let keep = move |_| {
        leptos::task::spawn_local(async move {
            persisted.set(Some(storage::request_persistence().await));
        });
    };
    let used = Memo::new(move |_| {
        state.book.track();
        storage::bytes_used()
    });
    let count = Memo::new(move |_| state.book.with(|b| b.contact_count()));
    let last_backup = move || {
        let today = state.today.get();
        state.book.with(|b| match b.settings().last_backup {
            Some(on) => format!(
                "Last backup: {} ({}).",
                dates::long(on),
                dates::relative(on, today)
            ),
            None => "No backup yet. Export a backup below and keep the file somewhere safe.".into(),
        })
    };
    view! {
        <div class="data-block storage-info" role="group" aria-labelledby="storage-title">
            <h3 id="storage-title">"On this device"</h3>
            <ul class="storage-facts">
                <li id="storage-persisted">{move || match persisted.get() {
                    None => "Checking whether this browser keeps your data…".to_string(),
                    Some(Some(true)) => "This browser has agreed to keep your data, even when space runs low.".into(),
                    Some(Some(false)) => "This browser may clear your data when space runs low or after weeks without a visit. Installing the app helps; so do regular backups.".into(),
                    Some(None) => "This browser can't say whether it keeps your data; regular backups keep it safe.".into(),
                }}</li>
                <li id="storage-used">{move || format!(
                    "{} in this browser's storage for {} contact{}.",
                    size(used.get()),
                    count.get(),
                    if count.get() == 1 { "" } else { "s" }
                )}</li>
                {move || match resume.get() {
                    StoredResume::Some(file) => Some(view! {
                        <li id="storage-resume">{format!(
                            "{} more for your resume ({}), kept apart from your contacts in the browser's file storage.",
                            size(file.size),
                            file.name
                        )}</li>
                    }),
                    _ => None,
                }}
                <li id="storage-last-backup">{last_backup}</li>
            </ul>
            <Show when=move || persisted.get() == Some(Some(false))>
                <button type="button" class="button secondary" id="storage-keep" on:click=keep>
                    "Ask to keep my data"
                </button>
            </Show>
        </div>
    }
}
