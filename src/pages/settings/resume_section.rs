//! "Resume" in Settings: the one resume PDF the composer can send, picked once and kept
//! on this device (in IndexedDB through `resume_store`, never in localStorage), with its
//! name, size and the day it was kept; replace or remove it any time.
//!
//! A file that is not a PDF, is empty or is over 2 MB is refused with a sentence saying
//! what to do, and the resume kept before stays. The kept resume's details are shared with
//! "On this device" and the backup export through [`KeptResume`] (context), read once
//! when Settings opens.

use crate::domain::dates;
use crate::domain::resume::{self, Resume, ResumeFile, MAX_RESUME_BYTES};
use crate::download;
use crate::resume_store;
use crate::state::use_app;
use crate::view::data;
use crate::view::sizes::size;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// What Settings knows about the kept resume.
#[derive(Clone, PartialEq)]
pub(super) enum StoredResume {
    Reading,
    Nothing,
    Some(ResumeFile),
    /// IndexedDB could not be read: the sentence to show.
    Failed(String),
}

/// The kept resume's details, shared by the parts of Settings that show them.
#[derive(Clone, Copy)]
pub(super) struct KeptResume(pub RwSignal<StoredResume>);

impl KeptResume {
    /// Reads the kept resume and puts it in context for the Settings page.
    pub fn provide() {
        let kept = RwSignal::new(StoredResume::Reading);
        leptos::task::spawn_local(async move {
            kept.set(match resume_store::load().await {
                Ok(Some(r)) => StoredResume::Some(r.file),
                Ok(None) => StoredResume::Nothing,
                Err(e) => StoredResume::Failed(data::resume_unreadable(&e.to_string())),
            });
        });
        provide_context(KeptResume(kept));
    }

    pub fn get() -> RwSignal<StoredResume> {
        expect_context::<KeptResume>().0
    }
}

/// The kept resume's name, size and day, as one line.
pub(super) fn describe(file: &ResumeFile) -> String {
    format!(
        "{} · {} · kept {}",
        file.name,
        size(file.size),
        dates::long(file.saved_on)
    )
}

/// Reads, checks and keeps the picked file; the sentence to show either way.
async fn keep_picked(input: &HtmlInputElement, today: chrono::NaiveDate) -> Result<Resume, String> {
    let picked = download::read_file(input.clone(), MAX_RESUME_BYTES)
        .await?
        .ok_or_else(|| "No file was picked.".to_string())?;
    let Some(bytes) = picked.bytes else {
        return Err(resume::too_large(&picked.name, picked.size)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default());
    };
    let resume = Resume::new(&picked.name, bytes, today).map_err(|e| e.to_string())?;
    resume_store::save(&resume)
        .await
        .map_err(|e| format!("{e}."))?;
    Ok(resume)
}

#[component]
pub(super) fn ResumeSection() -> impl IntoView {
    let state = use_app();
    let kept = KeptResume::get();
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let before = kept.get_untracked();
        error.set(None);
        status.set(Some("Reading the file…".into()));
        busy.set(true);
        leptos::task::spawn_local(async move {
            match keep_picked(&input, state.now().today).await {
                Ok(resume) => {
                    let replaced = matches!(before, StoredResume::Some(_));
                    status.set(Some(format!(
                        "{} {} ({}). It stays on this device, offline too.",
                        if replaced { "Replaced with" } else { "Kept" },
                        resume.file.name,
                        size(resume.file.size)
                    )));
                    kept.set(StoredResume::Some(resume.file));
                }
                Err(e) => {
                    status.set(None);
                    let kept_note = match before {
                        StoredResume::Some(file) => {
                            format!(" Your resume {} is still kept.", file.name)
                        }
                        _ => String::new(),
                    };
                    error.set(Some(format!("{e}{kept_note}")));
                }
            }
            busy.set(false);
            // Let the same file be picked again after a fix.
            input.set_value("");
        });
    };
    let has_resume = move || matches!(kept.get(), StoredResume::Some(_));
    view! {
        <section class="card settings-section" id="resume" aria-labelledby="resume-title">
            <h2 id="resume-title">"Resume"</h2>
            <p class="settings-lead">
                "Keep your resume here as a PDF, and you can send it with a follow-up email in one tap — even offline. It stays on this device."
            </p>
            {move || match kept.get() {
                StoredResume::Reading => view! { <p class="resume-kept" id="resume-kept">"Looking for your resume…"</p> }.into_any(),
                StoredResume::Nothing => view! { <p class="resume-kept" id="resume-kept">"No resume kept yet."</p> }.into_any(),
                StoredResume::Some(file) => view! {
                    <p class="resume-kept resume-file" id="resume-kept"><span class="resume-label">"Resume "</span>{describe(&file)}</p>
                }.into_any(),
                StoredResume::Failed(message) => view! { <p class="field-error" id="resume-kept" role="alert">{message}</p> }.into_any(),
            }}
            <label for="resume-file" class="data-label">
                {move || if has_resume() { "Replace it with another PDF" } else { "Choose your resume (PDF)" }}
            </label>
            <input id="resume-file" class="data-file" type="file" accept="application/pdf,.pdf"
                aria-describedby="resume-hint" disabled=move || busy.get() on:change=on_pick/>
            <p id="resume-hint" class="data-hint">"A PDF of up to 2 MB. Export it from Word or Google Docs with File → Download → PDF."</p>
            {move || error.get().map(|e| view! { <p class="field-error" id="resume-error" role="alert">{e}</p> })}
            <p class="data-status" id="resume-status" role="status">{move || status.get()}</p>
            <Show when=has_resume>
                <RemoveResume kept error status/>
            </Show>
        </section>
    }
}

/// Remove resume, confirmed in place: "Remove your resume from this device?"
#[component]
fn RemoveResume(
    kept: RwSignal<StoredResume>,
    error: RwSignal<Option<String>>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let confirm_remove = RwSignal::new(false);
    let remove = move |_| {
        confirm_remove.set(false);
        leptos::task::spawn_local(async move {
            match resume_store::remove().await {
                Ok(()) => {
                    error.set(None);
                    status.set(Some("Your resume was removed from this device.".into()));
                    kept.set(StoredResume::Nothing);
                }
                Err(e) => error.set(Some(format!("Your resume couldn't be removed: {e}."))),
            }
        });
    };
    view! {
                <div class="settings-actions">
                    <Show when=move || confirm_remove.get()
                        fallback=move || view! {
                            <button type="button" class="button secondary" id="resume-remove"
                                on:click=move |_| confirm_remove.set(true)>"Remove resume"</button>
                        }>
                        <p class="resume-confirm">"Remove your resume from this device?"</p>
                        <button type="button" class="button danger" id="resume-remove-confirm" on:click=remove>"Remove"</button>
                        <button type="button" class="button" on:click=move |_| confirm_remove.set(false)>"Keep it"</button>
                    </Show>
                </div>
    }
}
