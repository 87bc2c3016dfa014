//! "Your data" in Settings: exporting the book as files (`export_section`) and importing
//! files into it (here).
//!
//! Import always goes file → parse → preview → confirm: nothing in the book changes until
//! the student taps "Import", and then the whole import is applied at once with
//! `ImportPreview::apply` (or not at all). A file that cannot be read at all says why,
//! naming the file, and changes nothing. This view never touches storage; the state's
//! save effect persists the new book.

use super::calendar_section::CalendarSection;
use super::export_section::Export;
use super::resume_section::{KeptResume, StoredResume};
use crate::components::import_duplicates::{ImportDuplicates, MergeNext, PendingMerge};
use crate::domain::formats::backup::resume_in_backup;
use crate::domain::formats::{self, FormatError, ImportPreview};
use crate::domain::resume::Resume;
use crate::domain::snapshot;
use crate::domain::Command;
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
    // The growth, and the journal: a copy of every key the save writes, as it will be.
    let growth = state
        .book
        .with_untracked(|b| snapshot::import_growth(b, &changes));
    let needed = 2 * growth + storage::bytes_of(&snapshot::import_keys(&changes));
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
