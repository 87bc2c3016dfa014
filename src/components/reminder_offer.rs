//! The offer of morning reminders, made once: after the first contact is captured (on
//! their page and on the agenda), never before there is anything to remind, and only
//! where the browser can wake the app (`view::reminders::offer_card`). "Remind me each
//! morning" asks for the permission then; "Not now" is kept, and Settings → Reminders
//! stays the place to change it.

use crate::reminders::{capabilities, decline, turn_on};
use crate::state::use_app;
use crate::view::reminders::{offer_card, what_happens, Capabilities};
use leptos::prelude::*;

#[component]
pub fn ReminderOffer() -> impl IntoView {
    let state = use_app();
    let caps = RwSignal::new(None::<Capabilities>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let wanted = Memo::new(move |_| {
        state.book.with(|b| {
            let r = b.settings().reminders;
            b.contact_count() > 0 && !r.offered && !r.on
        })
    });
    Effect::new(move || {
        if wanted.get() && caps.get_untracked().is_none() {
            leptos::task::spawn_local(async move {
                caps.set(Some(capabilities().await));
            });
        }
    });
    let yes = move |_| {
        busy.set(true);
        error.set(None);
        let hour = state.book.with_untracked(|b| b.settings().reminders.hour());
        leptos::task::spawn_local(async move {
            match turn_on(state, hour).await {
                Ok(()) => done.set(Some(what_happens(hour))),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let no = move |_| {
        if let Err(e) = decline(state) {
            error.set(Some(e));
        }
    };
    move || {
        if let Some(text) = done.get() {
            return Some(
                view! {
                    <aside id="reminder-offer" class="card reminder-offer" aria-label="Reminders">
                        <p role="status"><strong>"Reminders are on. "</strong>{text}</p>
                    </aside>
                }
                .into_any(),
            );
        }
        let show = wanted.get() && caps.get().is_some_and(|c| offer_card(&c, false, false));
        show.then(|| {
            view! {
                <aside id="reminder-offer" class="card reminder-offer" aria-labelledby="reminder-offer-title">
                    <h2 id="reminder-offer-title">"Get a nudge each morning?"</h2>
                    <p>"Followup can show a notification on the mornings a follow-up is due, even when it's closed. You can change this in Settings."</p>
                    <div class="backup-reminder-actions">
                        <button type="button" id="reminder-offer-yes" class="button small primary"
                            disabled=move || busy.get() on:click=yes>"Remind me each morning"</button>
                        <button type="button" id="reminder-offer-no" class="button small secondary"
                            on:click=no>"Not now"</button>
                    </div>
                    {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </aside>
            }
            .into_any()
        })
    }
}
