//! Messages that sit above every page: an update is waiting, a save failed, stored data
//! could not be read, a save was found cut short, and the one-time hint for adding the app
//! to an iPhone's home screen.
//! Each says what happened and what the user can do.

use crate::download;
use crate::pwa;
use crate::state::{use_app, AppState, LoadNotice};
use crate::storage;
use leptos::prelude::*;

/// The file name for downloading data that could not be read.
fn raw_file_name(state: &AppState) -> String {
    format!(
        "followup-unreadable-{}.json",
        crate::domain::dates::iso(state.now().today)
    )
}

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
                LoadNotice::NotFetched => view! {
                    <div class="banner banner-error" role="alert">
                        "Part of Followup could not be downloaded, so your saved contacts can't be "
                        "shown yet. They are safe: nothing is changed. Check the connection and reload."
                    </div>
                }.into_any(),
                // Drawn by the deferred module: only its code finds a save cut short.
                LoadNotice::CutShort { message, raw } => match crate::deferred::get() {
                    Some(deferred) => (deferred.cut_short_banner)(message, raw),
                    None => ().into_any(),
                },
                LoadNotice::Unreadable { reason, raw, backup_key } => {
                    view! { <UnreadableBanner reason raw backup_key/> }.into_any()
                }
                LoadNotice::Damaged(damaged) => {
                    let raw = damaged.raw.clone();
                    let download_error = RwSignal::new(None::<String>);
                    let count = damaged.count;
                    view! {
                        <div id="damaged-banner" class="banner banner-error" role="alert">
                            <p>{if count == 1 {
                                "1 saved contact could not be read".to_string()
                            } else {
                                format!("{count} saved contacts could not be read")
                            }} " (" {damaged.reason.clone()} "). The others loaded normally."</p>
                            <p>{match damaged.backup_key {
                                Some(key) => format!("Their original text is kept under \u{201c}{key}\u{201d} in this browser; download it to keep a copy."),
                                None => "Their original text was left in place; download it to keep a copy.".to_string(),
                            }}</p>
                            <div class="banner-actions">
                                <button class="button small" on:click=move |_| {
                                    let name = raw_file_name(&state);
                                    download_error.set(download::download(&name, "application/json", &raw).err());
                                }>"Download the original"</button>
                                <button class="button small secondary" on:click=move |_| state.notice.set(None)>"OK"</button>
                            </div>
                            {move || download_error.get().map(|e| view! { <p>"Couldn't download: " {e}</p> })}
                        </div>
                    }.into_any()
                }
            })}
            <IosInstallHint/>
        </div>
    }
}

/// The banner of a save found cut short (`LoadNotice::CutShort`), for the deferred module.
pub fn cut_short_banner(message: String, raw: Option<String>) -> AnyView {
    view! { <CutShortBanner message raw/> }.into_any()
}

/// A save was found cut short: what was done about it, and when it could not be finished,
/// the download of what is stored.
#[component]
fn CutShortBanner(message: String, raw: Option<String>) -> impl IntoView {
    let state = use_app();
    let download_error = RwSignal::new(None::<String>);
    let class = if raw.is_some() {
        "banner banner-error"
    } else {
        "banner banner-info"
    };
    view! {
        <div id="cut-short-banner" class=class role="alert">
            <p>{message}</p>
            <div class="banner-actions">
                {raw.map(|raw| view! {
                    <button id="cut-short-download" class="button small" on:click=move |_| {
                        let name = raw_file_name(&state);
                        download_error.set(download::download(&name, "application/json", &raw).err());
                    }>"Download what is stored"</button>
                })}
                <button class="button small secondary" on:click=move |_| state.notice.set(None)>"OK"</button>
            </div>
            {move || download_error.get().map(|e| view! { <p>"Couldn't download: " {e}</p> })}
        </div>
    }
}

/// The stored data could not be read at all. Nothing is written until the student has
/// either a backup in the browser or a downloaded copy, and chooses to start fresh.
#[component]
fn UnreadableBanner(reason: String, raw: String, backup_key: Option<String>) -> impl IntoView {
    let state = use_app();
    let downloaded = RwSignal::new(false);
    let download_error = RwSignal::new(None::<String>);
    let backed_up = backup_key.is_some();
    let can_start = move || backed_up || downloaded.get();
    view! {
        <div id="unreadable-banner" class="banner banner-error" role="alert">
            <p>{reason}</p>
            <p>{match backup_key {
                Some(key) => format!("Nothing was deleted: the original is kept under \u{201c}{key}\u{201d} in this browser. Download a copy to keep it safe, then start fresh. Until you do, nothing new is saved."),
                None => "Nothing was deleted, and this browser has no room for a second copy. Download the original first; then you can start fresh. Until you do, nothing new is saved.".to_string(),
            }}</p>
            <div class="banner-actions">
                <button id="unreadable-download" class="button small" on:click=move |_| {
                    let name = raw_file_name(&state);
                    match download::download(&name, "application/json", &raw) {
                        Ok(()) => {
                            downloaded.set(true);
                            download_error.set(None);
                        }
                        Err(e) => download_error.set(Some(e)),
                    }
                }>"Download the original"</button>
                <button id="unreadable-start-fresh" class="button small secondary"
                    disabled=move || !can_start()
                    on:click=move |_| state.start_fresh()>
                    "Start fresh"
                </button>
            </div>
            {move || download_error.get().map(|e| view! { <p>"Couldn't download: " {e}</p> })}
        </div>
    }
}

/// The localStorage key that remembers the iOS hint was dismissed.
const IOS_HINT_KEY: &str = "followup.hint.ios-install";

/// Whether this is Safari on an iPhone or iPad, in a tab rather than the installed app.
/// There, data of a site not used for 7 days may be deleted; the installed app keeps it.
fn ios_safari_tab() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let agent = window.navigator().user_agent().unwrap_or_default();
    let ios = agent.contains("iPhone") || agent.contains("iPad")
        // iPadOS presents itself as a Mac; a Mac has no touch screen.
        || (agent.contains("Macintosh") && window.navigator().max_touch_points() > 1);
    let standalone = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
        || window
            .match_media("(display-mode: standalone)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
    ios && !standalone
}

/// Explains "Add to Home Screen" once, on iOS Safari outside the installed app.
#[component]
fn IosInstallHint() -> impl IntoView {
    let show = RwSignal::new(ios_safari_tab() && storage::read_raw(IOS_HINT_KEY).is_none());
    let dismiss = move |_| {
        let _ = storage::write_raw(IOS_HINT_KEY, "dismissed");
        show.set(false);
    };
    view! {
        <Show when=move || show.get()>
            <aside id="ios-install-hint" class="banner banner-info" aria-label="Install tip">
                <p>
                    "Keep your contacts safe on this iPhone: tap the Share button, then "
                    <strong>"Add to Home Screen"</strong>
                    ". Safari may clear data of websites you haven't opened for a week; the home-screen app keeps it."
                </p>
                <button class="button small" on:click=dismiss>"Got it"</button>
            </aside>
        </Show>
    }
}
