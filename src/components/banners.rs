//! Messages that sit above every page: an update is waiting, a save failed, stored data
//! could not be read. Each says what happened and what the user can do.

use crate::pwa;
use crate::state::{use_app, LoadNotice};
use leptos::prelude::*;

#[component]
pub fn Banners() -> impl IntoView {
    let state = use_app();
    let update_ready = pwa::update_ready();
    view! {
        <div class="banners">
            <Show when=move || update_ready.get()>
                <div id="update-bar" class="banner banner-info" role="status">
                    <span>"A new version of Followup is ready."</span>
                    <button id="update-reload" class="button small" on:click=|_| pwa::apply_update()>
                        "Reload"
                    </button>
                </div>
            </Show>
            {move || state.save_error.get().map(|message| view! {
                <div id="save-error" class="banner banner-error" role="alert">{message}</div>
            })}
            {move || state.notice.get().map(|notice| match notice {
                LoadNotice::Unavailable => view! {
                    <div class="banner banner-error" role="alert">
                        "This browser is not letting Followup store anything (private mode?). "
                        "Contacts you add will be lost when you close the page."
                    </div>
                }.into_any(),
                LoadNotice::Unreadable { reason, backup_key, .. } => view! {
                    <div class="banner banner-error" role="alert">
                        <p>"Your saved contacts could not be read: " {reason} "."</p>
                        <p>{match backup_key {
                            Some(key) => format!("Nothing was deleted: the original text is kept under \u{201c}{key}\u{201d}. Followup started with an empty list."),
                            None => "Followup started with an empty list; the original text was left in place.".to_string(),
                        }}</p>
                        <button class="button small" on:click=move |_| state.notice.set(None)>"OK"</button>
                    </div>
                }.into_any(),
            })}
        </div>
    }
}
