//! "Add to calendar" for one step, on agenda rows, the contact page (through
//! `step_actions`) and in the composer: the step as a one-event `.ics` file, shared
//! through the device's share sheet where it takes files (a phone's calendar opens it)
//! and downloaded elsewhere, and a Google Calendar link that opens the same event.
//!
//! The file and the link are made by `domain::formats::ics_step` through the deferred
//! module's table (`deferred::Deferred::step_calendar`), never by this view: the agenda's
//! first load carries only these buttons. (A `#[lazy]` function of its own was tried and
//! measured worse: the splitter made 11 more shared chunks, 22 → 33 modules, and the first
//! load and the deferred path both grew.) The file is made again at each tap, so it says
//! what the step is at that moment; the share happens during the tap, as browsers require.

use crate::deferred::{self, Deferred};
use crate::domain::formats::ics_step::StepCalendar;
use crate::domain::{ContactId, Step};
use crate::download;
use crate::state::{use_app, AppState};
use leptos::prelude::*;

/// The calendar file's type.
const ICS_TYPE: &str = "text/calendar";

/// The step as a calendar event now, if the book has it.
fn made(
    deferred: Deferred,
    state: AppState,
    contact: &ContactId,
    step: Step,
) -> Option<StepCalendar> {
    state.finish_loading();
    let now = state.now();
    state
        .book
        .with_untracked(|book| (deferred.step_calendar)(book, contact, step, now.today, now.at))
}

/// The "Add to calendar" toggle and its choices, for a page that has no step actions (the
/// composer).
#[component]
pub fn AddToCalendar(contact: ContactId, step: Step) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <div class="step-actions">
            <button type="button" class="button small add-to-calendar"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                "Add to calendar"
            </button>
        </div>
        <Show when=move || open.get()>
            <CalendarChoices contact=contact.clone() step/>
        </Show>
    }
}

/// The two ways to add the step: the calendar file, or Google Calendar's page.
#[component]
pub fn CalendarChoices(contact: ContactId, step: Step) -> impl IntoView {
    let state = use_app();
    let status = RwSignal::new(None::<String>);
    let can_share = download::can_share_files();
    let contact = StoredValue::new(contact);
    // Drawn once the deferred module is here (it is, unless a page was opened straight
    // from a link a moment ago).
    let google = move || {
        let deferred = deferred::get_tracked()?;
        contact
            .with_value(|c| made(deferred, state, c, step))
            .map(|c| c.google)
    };
    let add = move |_| {
        let Some(deferred) = deferred::get() else {
            status.set(Some("Still loading: try again in a moment.".into()));
            return;
        };
        let Some(calendar) = contact.with_value(|c| made(deferred, state, c, step)) else {
            status.set(Some(
                "This step isn't waiting any more: nothing to add.".into(),
            ));
            return;
        };
        let name = calendar.file_name;
        if can_share && download::share_file(&name, ICS_TYPE, &calendar.ics) {
            status.set(None);
            return;
        }
        status.set(Some(
            match download::download(&name, ICS_TYPE, &calendar.ics) {
                Ok(()) => format!("Saved {name} to your downloads: open it to add the event."),
                Err(e) => format!("Couldn't save {name}: {e}."),
            },
        ));
    };
    view! {
        <div class="snooze-options calendar-options" role="group" aria-label="Add to calendar">
            <button type="button" class="button small calendar-file" on:click=add>
                {if can_share { "Calendar app" } else { "Calendar file (.ics)" }}
            </button>
            {move || google().map(|href| view! {
                <a class="button small calendar-google" href=href target="_blank" rel="noopener noreferrer">
                    "Google Calendar"
                </a>
            })}
        </div>
        {move || status.get().map(|s| view! { <p class="feedback calendar-status" role="status">{s}</p> })}
    }
}
