//! "Your calendar" in Settings: when the calendar file was last exported and what changed
//! since ("Calendar exported 9 days ago · 4 new follow-ups, 2 done since"), "Update my
//! calendar", and which calendars take an update.
//!
//! The file is `domain::formats::ics_update::update_ics` against the last export's record,
//! which `storage` keeps under its own key; the record is replaced only once the file was
//! saved or handed to the share sheet. The words come from `view::calendar`. The export
//! list's calendar row goes through [`calendar_file`] and [`keep`] too, so both count as
//! the last export. The block's id, `your-calendar`, is where other parts of Settings (the
//! reminders, where a browser cannot notify) point to offer the calendar instead.

use crate::domain::formats::ics;
use crate::domain::formats::ics_update::{calendar_changes, update_ics, CalendarExport};
use crate::domain::formats::{file_name, ExportKind};
use crate::download;
use crate::state::{use_app, AppState, Now};
use crate::storage;
use crate::view::calendar::{exported_line, saved_update, update_label, NOT_EXPORTED, WHO_UPDATES};
use crate::view::data;
use leptos::prelude::*;

/// The calendar file that brings the student's calendar up to date now, and the record of
/// that export (kept with [`keep`] once the file has gone out).
pub(super) fn calendar_file(
    state: AppState,
    record: RwSignal<Option<CalendarExport>>,
    now: Now,
) -> (String, CalendarExport) {
    record.with_untracked(|record| {
        state.book.with_untracked(|book| {
            update_ics(
                book,
                record.as_ref(),
                now.today,
                now.at,
                &ics::dtstamp(now.at),
            )
        })
    })
}

/// Remembers `exported` as the last export; `Err` says what could not be kept.
pub(super) fn keep(
    record: RwSignal<Option<CalendarExport>>,
    exported: CalendarExport,
) -> Result<(), String> {
    let stored = storage::save_calendar_export(&exported);
    record.set(Some(exported));
    stored.map_err(|e| {
        format!("Your calendar file went out, but this browser couldn't note when ({e}).")
    })
}

#[component]
pub fn CalendarSection(record: RwSignal<Option<CalendarExport>>) -> impl IntoView {
    let state = use_app();
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let empty = Memo::new(move |_| state.book.with(|b| b.contact_count() == 0));
    let changes = Memo::new(move |_| {
        let today = state.today.get();
        record.with(|r| {
            r.as_ref()
                .map(|r| (r.on, state.book.with(|b| calendar_changes(b, r, today))))
        })
    });
    let line = move || match changes.get() {
        Some((on, changes)) => exported_line(on, changes, state.today.get()),
        None => NOT_EXPORTED.to_string(),
    };
    let can_share = download::can_share_files();
    // `share`: through the share sheet, else a download.
    let export = move |share: bool| {
        let now = state.now();
        let name = file_name(ExportKind::Calendar, now.today);
        let (text, exported) = calendar_file(state, record, now);
        let before = changes.get_untracked().map(|(_, c)| c);
        let went = if share {
            download::share_file(&name, ExportKind::Calendar.mime_type(), &text)
                .then_some(())
                .ok_or_else(|| {
                    format!("This browser couldn't share {name}. Use Update my calendar instead.")
                })
        } else {
            download::download(&name, ExportKind::Calendar.mime_type(), &text)
                .map_err(|e| data::not_saved(&name, &e.to_string()))
        };
        match went.and_then(|()| keep(record, exported)) {
            Ok(()) => {
                error.set(None);
                status.set((!share).then(|| saved_update(&name, before)));
            }
            Err(e) => {
                status.set(None);
                error.set(Some(e));
            }
        }
    };
    view! {
        <div class="data-block" id="your-calendar" role="group" aria-labelledby="calendar-title">
            <h3 id="calendar-title">"Your calendar"</h3>
            <p class="data-lead" id="calendar-line">{line}</p>
            <div class="data-export-buttons">
                <button type="button" class="button data-export" id="calendar-update"
                    aria-describedby="calendar-hint" disabled=move || empty.get()
                    on:click=move |_| export(false)>
                    {move || update_label(record.with(Option::is_some))}
                </button>
                {can_share.then(|| view! {
                    <button type="button" class="button small data-share" id="calendar-share"
                        aria-label="Share the calendar update" disabled=move || empty.get()
                        on:click=move |_| export(true)>
                        "Share…"
                    </button>
                })}
            </div>
            <p class="data-hint" id="calendar-hint">{WHO_UPDATES}</p>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <p class="data-status" role="status">{move || status.get()}</p>
        </div>
    }
}
