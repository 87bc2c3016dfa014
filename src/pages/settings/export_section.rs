//! The Export part of "Your data": a button per file (backup, spreadsheet, phone contacts,
//! calendar), Share… where the browser can share files, and the resume box for the backup.
//!
//! Export turns the book into text with `domain::formats` and hands it to `download`; what
//! each button is called and every sentence it says come from `view::data`. This part never
//! touches storage: the backup's day and the calendar's record go through the state.

use super::calendar_section;
use super::resume_section::{KeptResume, StoredResume};
use crate::domain::formats::backup::export_backup_with_resume;
use crate::domain::formats::ics_update::CalendarExport;
use crate::domain::formats::{export_csv, export_vcard, file_name, ExportKind};
use crate::domain::resume::Resume;
use crate::domain::{Book, Command};
use crate::download;
use crate::resume_store;
use crate::state::{use_app, AppState, Now};
use crate::view::data;
use leptos::prelude::*;

/// The file's text for `kind`: a backup carries `resume` when given; the calendar is the
/// update from its last export (`calendar_section::calendar_file`), with the record of
/// this one.
fn export_text(
    state: AppState,
    kind: ExportKind,
    now: Now,
    resume: Option<&Resume>,
    calendar: RwSignal<Option<CalendarExport>>,
) -> (String, Option<CalendarExport>) {
    let text = |f: &dyn Fn(&Book) -> String| state.book.with_untracked(f);
    match kind {
        ExportKind::Backup => (text(&|b| export_backup_with_resume(b, resume)), None),
        ExportKind::Spreadsheet => (text(&export_csv), None),
        ExportKind::Contacts => (text(&|b| export_vcard(b.contacts(), b)), None),
        ExportKind::Calendar => {
            let (text, record) = calendar_section::calendar_file(state, calendar, now);
            (text, Some(record))
        }
    }
}

#[component]
pub(super) fn Export(calendar: RwSignal<Option<CalendarExport>>) -> impl IntoView {
    let state = use_app();
    let empty = Memo::new(move |_| state.book.with(|b| b.contact_count() == 0));
    let error = RwSignal::new(None::<String>);
    let exported = RwSignal::new(None::<String>);
    let with_resume = RwSignal::new(None::<Resume>);

    let rows = data::EXPORTS
        .into_iter()
        .map(|(kind, label, hint)| view! { <ExportRow kind label hint empty error exported with_resume calendar/> })
        .collect_view();

    view! {
        <div class="data-block" role="group" aria-labelledby="data-export-title">
            <h3 id="data-export-title">"Export"</h3>
            {move || if empty.get() {
                view! {
                    <p class="data-lead data-empty">
                        "You have no contacts yet. Once you do, export saves them as a file on this "
                        "device — a backup to restore later, a spreadsheet, phone contacts or "
                        "calendar reminders. A backup of your profile and messages works already."
                    </p>
                }.into_any()
            } else {
                view! {
                    <p class="data-lead">
                        "Each button saves a file named with today's date to your downloads."
                    </p>
                }.into_any()
            }}
            <ul class="data-exports">{rows}</ul>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <p class="data-status" role="status">{move || exported.get()}</p>
        </div>
    }
}

/// One export: its button, Share… where the browser can share files, and its hint.
#[component]
fn ExportRow(
    kind: ExportKind,
    label: &'static str,
    hint: &'static str,
    empty: Memo<bool>,
    error: RwSignal<Option<String>>,
    exported: RwSignal<Option<String>>,
    /// The resume to put in the backup, read when the student ticks the box.
    with_resume: RwSignal<Option<Resume>>,
    /// The calendar's last export: the calendar row updates it.
    calendar: RwSignal<Option<CalendarExport>>,
) -> impl IntoView {
    let state = use_app();
    let can_share = download::can_share_files();
    // The file's text, and for the calendar the record of this export.
    let text_of = move |now: Now| {
        with_resume
            .with_untracked(|resume| export_text(state, kind, now, resume.as_ref(), calendar))
    };
    // After the file went out: the backup's day, the calendar's record.
    let record = move |now: Now, calendar_record: Option<CalendarExport>| {
        if kind == ExportKind::Backup {
            if let Err(e) = state.apply(Command::RecordBackup(now.today)) {
                error.set(Some(e.to_string()));
            }
        }
        if let Some(r) = calendar_record {
            if let Err(e) = calendar_section::keep(calendar, r) {
                error.set(Some(e));
            }
        }
    };
    let save = move |_| {
        let now = state.now();
        let name = file_name(kind, now.today);
        let (text, calendar_record) = text_of(now);
        match download::download(&name, kind.mime_type(), &text) {
            Ok(()) => {
                error.set(None);
                exported.set(Some(data::saved(&name)));
                record(now, calendar_record);
            }
            Err(e) => {
                exported.set(None);
                error.set(Some(data::not_saved(&name, &e.to_string())));
            }
        }
    };
    let share = move |_| {
        let now = state.now();
        let name = file_name(kind, now.today);
        let (text, calendar_record) = text_of(now);
        if download::share_file(&name, kind.mime_type(), &text) {
            record(now, calendar_record);
        } else {
            error.set(Some(data::not_shared(&name)));
        }
    };
    let needs_contacts = kind != ExportKind::Backup;
    let hint_id = data::export_hint_id(kind);
    view! {
        <li class="data-export-row">
            <div class="data-export-buttons">
                <button type="button" class="button data-export" id=data::export_id(kind)
                    aria-describedby=hint_id.clone()
                    disabled=move || needs_contacts && empty.get()
                    on:click=save>
                    {label}
                </button>
                {can_share.then(|| view! {
                    <button type="button" class="button small data-share"
                        aria-label=data::share_label(label)
                        disabled=move || needs_contacts && empty.get()
                        on:click=share>
                        "Share…"
                    </button>
                })}
            </div>
            <p id=hint_id class="data-hint">{hint}</p>
            {(kind == ExportKind::Backup).then(|| view! { <ResumeChoice with_resume error/> })}
        </li>
    }
}

/// "Put my resume in the backup": shown when a resume is kept; ticking it reads the PDF
/// so the export (and a share, which must happen during the tap) has it at once.
#[component]
fn ResumeChoice(
    with_resume: RwSignal<Option<Resume>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let kept = KeptResume::get();
    // A resume replaced or removed since the box was ticked is not the one to export.
    Effect::new(move |seen: Option<()>| {
        kept.track();
        if seen.is_some() {
            with_resume.set(None);
        }
    });
    let toggle = move |ev: leptos::ev::Event| {
        if !event_target_checked(&ev) {
            with_resume.set(None);
            return;
        }
        leptos::task::spawn_local(async move {
            match resume_store::load().await {
                Ok(resume) => with_resume.set(resume),
                Err(e) => error.set(Some(data::resume_unreadable(&e.to_string()))),
            }
        });
    };
    move || match kept.get() {
        StoredResume::Some(file) => Some(view! {
            <label class="data-check" for="data-export-resume">
                <input type="checkbox" id="data-export-resume"
                    prop:checked=move || with_resume.with(Option::is_some) on:change=toggle/>
                {data::resume_choice(&file)}
            </label>
        }),
        _ => None,
    }
}
