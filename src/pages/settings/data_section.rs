//! "Your data" in Settings: exporting the book as files and importing files into it.
//!
//! Export turns the book into text with `domain::formats` and hands it to `download`.
//! Import always goes file → parse → preview → confirm: nothing in the book changes until
//! the student taps "Import", and then the whole import is applied at once with
//! `ImportPreview::apply` (or not at all). A file that cannot be read at all says why,
//! naming the file, and changes nothing. This view never touches storage; the state's
//! save effect persists the new book.

use super::calendar_section::{self, CalendarSection};
use super::resume_section::{KeptResume, StoredResume};
use crate::components::import_duplicates::{ImportDuplicates, MergeNext, PendingMerge};
use crate::domain::formats::backup::{export_backup_with_resume, resume_in_backup};
use crate::domain::formats::ics_update::CalendarExport;
use crate::domain::formats::{
    self, export_csv, export_vcard, file_name, ExportKind, FormatError, ImportPreview,
};
use crate::domain::resume::Resume;
use crate::domain::snapshot;
use crate::domain::{Book, Command};
use crate::download;
use crate::resume_store;
use crate::state::{new_id, use_app, AppState, Now};
use crate::storage;
use crate::view::data;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// Where an import stands.
#[derive(Clone, PartialEq)]
enum ImportStage {
    Idle,
    Reading(String),
    /// Parsed; waiting for the student to confirm or cancel. Boxed: a preview holds the
    /// whole incoming book, the other states a sentence.
    Preview(Box<ImportPreview>),
    /// The file could not be used; nothing changed.
    Failed(String),
    /// Applied: what changed.
    Done(String),
    /// Applied in this page, but the browser refused to store it.
    NotStored(String),
}

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
pub fn DataSection() -> impl IntoView {
    // The calendar's last export, shared by its export row and "Your calendar".
    let calendar = RwSignal::new(storage::calendar_export());
    view! {
        <p>
            "Everything you add — contacts, events, messages and your profile — is kept only in "
            "this browser, on this device. Nothing is sent to a server, so it stays private; "
            "it also means clearing this browser's data, or losing the phone, erases it. "
            "Export a backup now and then, and keep it somewhere safe."
        </p>
        <Export calendar/>
        <CalendarSection record=calendar/>
        <ImportFile/>
    }
}

#[component]
fn Export(calendar: RwSignal<Option<CalendarExport>>) -> impl IntoView {
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

/// A titled list of names, folded away when long.
#[component]
fn NameList(title: String, class: &'static str, count: usize, names: Vec<String>) -> impl IntoView {
    (!names.is_empty()).then(|| {
        let open = count <= 8;
        view! {
            <details class=data::list_class(class) open=open>
                <summary>{data::list_summary(&title, count)}</summary>
                <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </details>
        }
    })
}

#[component]
fn ImportFile() -> impl IntoView {
    let state = use_app();
    let import = RwSignal::new(ImportStage::Idle);
    let merges = RwSignal::new(Vec::<PendingMerge>::new());
    // The resume in the backup being previewed, and what became of restoring it.
    let incoming = RwSignal::new(None::<Result<Resume, String>>);
    let restored = RwSignal::new(None::<Result<String, String>>);
    // Moves duplicate `i` to the new contacts; `merge` also lists it to merge afterwards.
    let take_duplicate = move |i: usize, merge: bool| {
        import.update(|imp| {
            if let ImportStage::Preview(p) = imp {
                if i < p.duplicates.len() {
                    let d = p.duplicates.remove(i);
                    if merge {
                        merges.update(|m| {
                            m.push(PendingMerge {
                                existing: d.existing.clone(),
                                incoming: d.incoming.id.clone(),
                                name: d.incoming.name.clone(),
                            })
                        });
                    }
                    p.new.push(d.incoming);
                }
            }
        })
    };
    let add_anyway = Callback::new(move |i| take_duplicate(i, false));
    let merge = Callback::new(move |i| take_duplicate(i, true));

    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        import.set(ImportStage::Reading(String::new()));
        merges.set(Vec::new());
        restored.set(None);
        leptos::task::spawn_local(async move {
            let (next, resume) = read_picked(state, &input).await;
            incoming.set(resume);
            // Let the same file be picked again after a cancel or a fix.
            input.set_value("");
            import.set(next);
        });
    };

    let restored_note = move || {
        restored.get().map(|r| match r {
            Ok(m) => view! { <p class="data-done" id="data-resume-restored" role="status">{m}</p> }
                .into_any(),
            Err(e) => view! { <p class="field-error data-error" role="alert">{e}</p> }.into_any(),
        })
    };

    view! {
        <div class="data-block" role="group" aria-labelledby="data-import-title">
            <h3 id="data-import-title">"Import"</h3>
            <label for="data-import-file" class="data-label">"Choose a file to import"</label>
            <input id="data-import-file" class="data-file" type="file" accept=".json,.csv,.vcf,application/json,text/csv,text/vcard"
                aria-describedby="data-import-hint" on:change=on_change/>
            <p id="data-import-hint" class="data-hint">
                "A Followup backup (.json), LinkedIn's Connections.csv (Settings → Data privacy → "
                "Get a copy of your data → Connections) or contacts from your phone (.vcf). "
                "You'll see what would change first."
            </p>
            <ImportBody import merges add_anyway merge incoming restored/>
            {restored_note}
        </div>
    }
}

/// Under the file input: reading, the preview, or what came of the import.
#[component]
fn ImportBody(
    import: RwSignal<ImportStage>,
    merges: RwSignal<Vec<PendingMerge>>,
    add_anyway: Callback<usize>,
    merge: Callback<usize>,
    incoming: RwSignal<Option<Result<Resume, String>>>,
    restored: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    move || match import.get() {
        ImportStage::Idle => None,
        ImportStage::Reading(status) => {
            // Reading, then comparing with the book: one status for both.
            let status = if status.is_empty() {
                "Reading the file and comparing it with your contacts…".to_string()
            } else {
                status
            };
            Some(view! { <p class="data-status" role="status">{status}</p> }.into_any())
        }
        ImportStage::Failed(message) => {
            Some(view! { <p class="field-error data-error" role="alert">{message}</p> }.into_any())
        }
        ImportStage::NotStored(message) => Some(
            view! {
                <p class="field-error data-error" role="alert">{message}</p>
                <MergeNext pending=merges.get()/>
            }
            .into_any(),
        ),
        ImportStage::Done(message) => Some(
            view! {
                <p class="data-done" role="status"><span aria-hidden="true">"✓ "</span>{message}</p>
                <MergeNext pending=merges.get()/>
            }
            .into_any(),
        ),
        ImportStage::Preview(p) => Some(
            view! { <PreviewPanel p import merges add_anyway merge incoming restored/> }.into_any(),
        ),
    }
}

/// Reads the picked file and previews it against the book, with the resume a backup
/// carries; nothing changes.
async fn read_picked(
    state: AppState,
    input: &HtmlInputElement,
) -> (ImportStage, Option<Result<Resume, String>>) {
    match download::read_file(input.clone(), formats::MAX_BACKUP_BYTES).await {
        Ok(Some(file)) => {
            let resume = file.bytes.as_deref().and_then(|bytes| {
                (data::detect(&file.name, bytes) == data::ImportKind::Backup)
                    .then(|| resume_in_backup(bytes, &file.name))
                    .flatten()
            });
            (preview_picked(state, file), resume)
        }
        Ok(None) => (ImportStage::Idle, None),
        Err(e) => (
            ImportStage::Failed(data::not_imported(&e.to_string())),
            None,
        ),
    }
}

/// The preview of a picked file.
fn preview_picked(state: AppState, file: download::Picked) -> ImportStage {
    match file.bytes {
        None => ImportStage::Failed(
            FormatError::TooLarge {
                file: file.name,
                bytes: file.size,
                limit: formats::MAX_BACKUP_BYTES,
            }
            .to_string(),
        ),
        Some(bytes) => match state.book.with_untracked(|b| {
            let Now { today, at } = state.now();
            data::preview(b, &file.name, &bytes, today, at, new_id)
        }) {
            Ok(p) => ImportStage::Preview(Box::new(p)),
            Err(e) => ImportStage::Failed(e.to_string()),
        },
    }
}

/// Applies an accepted preview: refused first when it would not fit in storage, then one
/// command through the reducer, saved at once so the message says what really happened.
fn apply_preview(state: AppState, p: &ImportPreview) -> ImportStage {
    let changes = p.import();
    let needed = state
        .book
        .with_untracked(|b| snapshot::import_growth(b, &changes));
    if let Err(free) = storage::room_for(needed) {
        return ImportStage::Failed(p.does_not_fit(needed, free));
    }
    match state.apply(Command::Import(Box::new(changes))) {
        Ok(()) => {
            state.save_now();
            if state.save_error.get_untracked().is_none() {
                ImportStage::Done(p.imported(true))
            } else {
                ImportStage::NotStored(p.imported(false))
            }
        }
        Err(e) => ImportStage::Failed(data::import_refused(&p.file, &e.to_string())),
    }
}

/// Keeps the resume a backup brought (after its contacts were imported).
async fn restore_resume(
    resume: Resume,
    kept: RwSignal<StoredResume>,
    restored: RwSignal<Option<Result<String, String>>>,
) {
    restored.set(Some(match resume_store::save(&resume).await {
        Ok(()) => {
            let message = data::resume_kept(&resume.file.name);
            kept.set(StoredResume::Some(resume.file));
            Ok(message)
        }
        Err(e) => Err(data::resume_not_kept(&e.to_string())),
    }));
}

#[component]
fn PreviewPanel(
    p: Box<ImportPreview>,
    import: RwSignal<ImportStage>,
    merges: RwSignal<Vec<PendingMerge>>,
    add_anyway: Callback<usize>,
    merge: Callback<usize>,
    incoming: RwSignal<Option<Result<Resume, String>>>,
    restored: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let state = use_app();
    let kept = KeptResume::get();
    let resume_note = {
        let incoming = incoming.get_untracked();
        let kept = kept.get_untracked();
        let kept_name = match &kept {
            StoredResume::Some(file) => Some(file.name.as_str()),
            _ => None,
        };
        let incoming = incoming.as_ref().map(|r| match r {
            Ok(resume) => Ok(&resume.file),
            Err(note) => Err(note.as_str()),
        });
        data::resume_note(incoming, kept_name)
    };
    let has_resume = matches!(incoming.get_untracked(), Some(Ok(_)));
    let lists = state.book.with_untracked(|book| p.lists(book));
    let notes = p
        .notes
        .iter()
        .map(|n| view! { <p class="data-note">{n.clone()}</p> })
        .collect_view();
    let empty = p.is_empty();
    let (summary, nothing) = (p.summary(), p.nothing_to_import());
    let counts = (
        p.new.len(),
        p.updated_count(),
        p.duplicates.len(),
        p.errors.len(),
    );
    let duplicates = state
        .book
        .with_untracked(|book| data::duplicate_rows(book, &p));
    // Applying a big file takes a moment: the status is drawn first, then the import runs.
    let confirm = move |_| {
        let p = p.clone();
        import.set(ImportStage::Reading(
            "Importing… a big file takes a few seconds.".into(),
        ));
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let outcome = if empty {
                        ImportStage::Done(data::nothing_else(&p.file))
                    } else {
                        apply_preview(state, &p)
                    };
                    let applied =
                        matches!(outcome, ImportStage::Done(_) | ImportStage::NotStored(_));
                    if let (true, Some(Ok(resume))) = (applied, incoming.get_untracked()) {
                        leptos::task::spawn_local(restore_resume(resume, kept, restored));
                    }
                    import.set(outcome);
                },
                std::time::Duration::ZERO,
            )
        });
    };
    let cancel = move |_| {
        merges.set(Vec::new());
        import.set(ImportStage::Idle);
    };
    view! {
        <div class="data-preview" role="region" aria-labelledby="data-preview-title">
            <h4 id="data-preview-title">"Check before importing"</h4>
            <p class="data-summary">{summary}</p>
            {notes}
            {resume_note.map(|n| view! { <p class="data-note" id="data-resume-note">{n}</p> })}
            <NameList title="New".into() class="data-new" count=counts.0 names=lists.new/>
            <NameList title="Updated".into() class="data-updated" count=counts.1 names=lists.updated/>
            <ImportDuplicates rows=duplicates count=counts.2 add_anyway merge/>
            <NameList title="Rows with errors".into() class="data-row-errors" count=counts.3 names=lists.errors/>
            {nothing.map(|why| view! { <p class="data-hint data-nothing">{why}</p> })}
            <p class="data-hint">"Nothing changes until you tap Import."</p>
            <div class="settings-actions">
                <button type="button" class="button primary data-confirm" disabled=empty && !has_resume on:click=confirm>
                    "Import"
                </button>
                <button type="button" class="button data-cancel" on:click=cancel>"Cancel"</button>
            </div>
        </div>
    }
}
