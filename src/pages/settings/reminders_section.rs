//! Settings → Reminders: "Remind me each morning" and the hour where the browser can wake
//! the app (Chromium, installed), and elsewhere a true sentence about what it can do
//! (install first, allow notifications for the iPhone icon's count, or the calendar).
//!
//! What the browser can do is detected when the section opens (`crate::reminders`); the
//! words are `view::reminders`'s. The permission prompt appears only after a tap.

use crate::domain::reminders::HOURS;
use crate::domain::Command;
use crate::reminders::{allow_notifications, capabilities, turn_off, turn_on};
use crate::state::use_app;
use crate::view::reminders::{
    explanation, hour_label, offer, refused, what_happens, Capabilities, Offer, Permission,
};
use leptos::prelude::*;

#[component]
pub fn RemindersSection() -> impl IntoView {
    let state = use_app();
    let caps = RwSignal::new(None::<Capabilities>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let detect = move || {
        leptos::task::spawn_local(async move {
            caps.set(Some(capabilities().await));
        })
    };
    detect();
    let chosen = Memo::new(move |_| state.book.with(|b| b.settings().reminders));
    let on = move || chosen.get().on;

    let toggle = move |ev: leptos::ev::Event| {
        let want = event_target_checked(&ev);
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        busy.set(true);
        error.set(None);
        let hour = chosen.get_untracked().hour();
        leptos::task::spawn_local(async move {
            let result = if want {
                turn_on(state, hour).await
            } else {
                turn_off(state).await
            };
            if let Err(e) = result {
                error.set(Some(e));
            }
            // A refused change leaves the box as the choice stands.
            input.set_checked(chosen.get_untracked().on);
            busy.set(false);
            caps.set(Some(capabilities().await));
        });
    };
    let set_hour = move |ev: leptos::ev::Event| {
        let Ok(hour) = event_target_value(&ev).parse::<u8>() else {
            return;
        };
        let current = chosen.get_untracked();
        if let Err(e) = state.apply(Command::SetReminders(crate::domain::reminders::Reminders {
            hour,
            ..current
        })) {
            error.set(Some(e.to_string()));
        }
    };
    let allow = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let permission = allow_notifications().await;
            if permission != Permission::Granted {
                error.set(Some(refused(permission).to_string()));
            }
            busy.set(false);
            caps.set(Some(capabilities().await));
        });
    };

    let body = move || {
        let c = caps.get()?;
        let offered = offer(&c);
        Some(match offered {
            Offer::Morning => view! {
                <label class="check settings-check">
                    <input id="reminders-on" type="checkbox" prop:checked=on
                        disabled=move || busy.get() on:change=toggle/>
                    <span>
                        "Remind me each morning"
                        <small>{explanation(Offer::Morning)}</small>
                    </span>
                </label>
                {move || on().then(|| view! {
                    <div class="settings-form reminders-hour">
                        <label for="reminders-hour">"Earliest reminder"</label>
                        <div class="settings-inline">
                            <select id="reminders-hour" on:change=set_hour>
                                {HOURS.map(|h| view! {
                                    <option value=h.to_string() selected=move || chosen.get().hour() == h>
                                        {hour_label(h)}
                                    </option>
                                }).collect_view()}
                            </select>
                        </div>
                        <p id="reminders-when" class="settings-hint">{move || what_happens(chosen.get().hour())}</p>
                    </div>
                })}
                {move || (on() && !c.registered && !busy.get()).then(|| view! {
                    <p class="settings-hint" role="status">
                        "Reminders are on in your data but not set up in this browser yet: turn them off and on again here."
                    </p>
                })}
            }
            .into_any(),
            Offer::IosAllow => view! {
                <p class="settings-hint" id="reminders-explain">{explanation(offered)}</p>
                <button type="button" id="reminders-allow" class="button" disabled=move || busy.get() on:click=allow>
                    "Allow notifications"
                </button>
            }
            .into_any(),
            other => view! {
                <p class="settings-hint" id="reminders-explain">{explanation(other)}</p>
                {(on() && other != Offer::Morning).then(|| view! {
                    <button type="button" class="button small" on:click=move |_| {
                        leptos::task::spawn_local(async move {
                            if let Err(e) = turn_off(state).await { error.set(Some(e)); }
                            caps.set(Some(capabilities().await));
                        });
                    }>"Turn reminders off"</button>
                })}
            }
            .into_any(),
        })
    };

    view! {
        <section class="card settings-section" id="reminders" aria-labelledby="reminders-title">
            <h2 id="reminders-title">"Reminders"</h2>
            {body}
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <p class="settings-hint">
                "On any phone your calendar can remind you too: "
                "\u{201c}Add to calendar\u{201d} on a follow-up adds that one, and Your calendar, \
                 below, adds them all and keeps them up to date."
            </p>
        </section>
    }
}
