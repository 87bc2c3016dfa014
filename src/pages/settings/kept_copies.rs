//! "Kept copies" in Settings: the copies of stored data the app could not read, each with
//! Download and Delete. Shown only when there is one; a copy stays until deleted here
//! (Start fresh keeps it).

use super::storage_info::size;
use crate::domain::dates;
use crate::domain::kept::KeptCopy;
use crate::download;
use crate::state::use_app;
use crate::storage;
use leptos::prelude::*;

#[component]
pub fn KeptCopies() -> impl IntoView {
    let copies = RwSignal::new(storage::kept_copies());
    let message = RwSignal::new(None::<String>);
    view! {
        <Show when=move || !copies.with(Vec::is_empty)>
            <div id="kept-copies" class="data-block" role="group" aria-labelledby="kept-title">
                <h3 id="kept-title">"Kept copies of unreadable data"</h3>
                <p class="meta">
                    "Followup could not read this data, so it kept it as it was. Download a "
                    "copy to keep it safe or to ask for help; delete it when you no longer need it."
                </p>
                <ul class="kept-list">
                    <For each=move || copies.get() key=|c| c.key.clone() let:copy>
                        <KeptCopyRow copy copies message/>
                    </For>
                </ul>
                {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
            </div>
        </Show>
    }
}

#[component]
fn KeptCopyRow(
    copy: KeptCopy,
    copies: RwSignal<Vec<KeptCopy>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let label = format!("{}, {}", copy.describe(), size(copy.bytes));
    let key = copy.key.clone();
    let download = move |_| {
        let name = format!("followup-unreadable-{}.json", dates::iso(state.now().today));
        let Some(text) = storage::read_raw(&key) else {
            message.set(Some("This copy is no longer in this browser.".into()));
            copies.set(storage::kept_copies());
            return;
        };
        message.set(match download::download(&name, "application/json", &text) {
            Ok(()) => None,
            Err(e) => Some(format!("Couldn't download: {e}")),
        });
    };
    let key = copy.key.clone();
    let delete = move |_| {
        storage::delete_copy(&key);
        copies.set(storage::kept_copies());
        message.set(Some("The copy was deleted.".into()));
    };
    view! {
        <li class="kept-copy">
            <span>{label}</span>
            <button class="button small kept-download" on:click=download>"Download"</button>
            <button class="button small secondary kept-delete" on:click=delete>"Delete"</button>
        </li>
    }
}
