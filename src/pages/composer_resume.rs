//! The composer's "Share with resume": the drafted email and the student's resume PDF
//! handed together to the mail app they choose, through the device's share sheet (Web
//! Share with files: `navigator.canShare({ files })`, then `navigator.share({ files,
//! title, text })`).
//!
//! The resume is read from IndexedDB and made into a file when the composer opens, so the
//! tap shares at once (browsers allow sharing only while handling a tap). Where files
//! cannot be shared the card says so and offers Download resume and Open email instead;
//! without a kept resume it points to Settings. Closing the share sheet is not an error.
//!
//! Reading the resume (`resume_store`, IndexedDB) is a lazy function in the release
//! build: its code is a wasm chunk fetched when a composer first opens, so the first load
//! carries only this card and the share call.

use crate::domain::mailto::Mailto;
use crate::domain::resume::ResumeFile;
use crate::download::{self, Shared};
use crate::routes::Screen;
use crate::view::sizes::size;
use leptos::prelude::*;
use leptos_router::components::A;
use web_sys::File;

/// The kept resume, ready to share.
#[derive(Clone)]
struct Ready {
    file: File,
    about: ResumeFile,
    /// Whether this browser's share sheet takes files.
    can_share: bool,
}

/// What the card shows.
#[derive(Clone)]
enum ResumeToSend {
    Reading,
    Nothing,
    Failed(String),
    Ready(Ready),
}

/// Reads the kept resume and makes it a file, in this module's chunk.
async fn read_kept() -> ResumeToSend {
    match crate::resume_store::load().await {
        Ok(None) => ResumeToSend::Nothing,
        Err(e) => ResumeToSend::Failed(format!("Your resume couldn't be read: {e}.")),
        Ok(Some(resume)) => match download::pdf_file(&resume) {
            Some(file) => ResumeToSend::Ready(Ready {
                can_share: download::can_share(&file),
                file,
                about: resume.file,
            }),
            None => {
                ResumeToSend::Failed("Your resume couldn't be made into a file to send.".into())
            }
        },
    }
}

#[cfg(feature = "split")]
#[leptos::lazy]
async fn kept_resume() -> ResumeToSend {
    read_kept().await
}

#[cfg(not(feature = "split"))]
async fn kept_resume() -> ResumeToSend {
    read_kept().await
}

/// "Share with resume", or Download resume + Open email where files cannot be shared.
#[component]
pub fn ResumeShare(
    subject: RwSignal<String>,
    body: RwSignal<String>,
    mail: Memo<Mailto>,
    /// The contact's email address, which the share sheet cannot fill in.
    to: Option<String>,
) -> impl IntoView {
    let kept = RwSignal::new(ResumeToSend::Reading);
    leptos::task::spawn_local(async move { kept.set(kept_resume().await) });
    // Set when the browser refused a share it said it could make: fall back.
    let refused = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<&'static str>);
    let share = move |_| {
        let ResumeToSend::Ready(ready) = kept.get_untracked() else {
            return;
        };
        let shared =
            download::share_with_text(&ready.file, &subject.get_untracked(), &body.get_untracked());
        status.set(None);
        leptos::task::spawn_local(async move {
            match shared.await {
                Shared::Sent => status.set(Some(
                    "Handed to your app with your resume. Once it's sent, tap Mark as sent.",
                )),
                Shared::Cancelled => {}
                Shared::Refused(why) => refused.set(Some(why)),
            }
        });
    };
    let to_hint = to.map(|address| {
        format!("Your mail app won't know who it's for: add {address} as the recipient.")
    });
    move || {
        match kept.get() {
        ResumeToSend::Reading => ().into_any(),
        ResumeToSend::Nothing => view! {
            <section class="card resume-share" aria-label="Your resume">
                <p class="resume-hint">"Keep your resume PDF in Settings and it can go with this email."</p>
                <A href=Screen::Settings.href() attr:class="button small" attr:id="add-resume">"Add your resume"</A>
            </section>
        }
        .into_any(),
        ResumeToSend::Failed(message) => view! {
            <section class="card resume-share" aria-label="Your resume">
                <p class="field-error" role="alert">{message}</p>
            </section>
        }
        .into_any(),
        ResumeToSend::Ready(ready) => {
            let about = format!("{} · {}", ready.about.name, size(ready.about.size));
            let fallback = move || (!ready.can_share).then(|| {
                "This browser can't attach files when sharing, so your resume can't go with the email from here. Download it, open the email, then attach it from your downloads.".to_string()
            }).or_else(|| refused.get().map(|why| format!(
                "Your device couldn't share the resume ({why}). Download it, open the email, then attach it from your downloads."
            )));
            let ready_file = ready.file.clone();
            let name = ready.about.file_name();
            let to_hint = to_hint.clone();
            view! {
                <section class="card resume-share" aria-label="Your resume">
                    <p class="resume-file"><span class="resume-label">"Resume "</span>{about}</p>
                    {move || match fallback() {
                        None => view! {
                            <button id="share-resume" class="button" on:click=share>"Share with resume"</button>
                            {to_hint.clone().map(|h| view! { <p class="resume-hint">{h}</p> })}
                        }.into_any(),
                        Some(why) => view! {
                            <ResumeFallback why file=ready_file.clone() name=name.clone() mail status/>
                        }.into_any(),
                    }}
                    {move || status.get().map(|s| view! { <p class="feedback" role="status">{s}</p> })}
                </section>
            }
            .into_any()
        }
    }
    }
}

/// Where files cannot be shared: why, then Download resume and Open email.
#[component]
fn ResumeFallback(
    why: String,
    file: File,
    name: String,
    mail: Memo<Mailto>,
    status: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let download = move |_| {
        let done = download::download_blob(&name, &file);
        status.set(Some(match done {
            Ok(()) => "Saved your resume to your downloads.",
            Err(_) => "Your resume couldn't be downloaded here.",
        }));
    };
    view! {
        <p class="resume-fallback" role="note">{why}</p>
        <div class="resume-actions">
            <button id="download-resume" class="button" on:click=download>"Download resume"</button>
            {move || match mail.get() {
                Mailto::Link(href) => view! { <a id="resume-open-email" class="button" href=href>"Open email"</a> }.into_any(),
                Mailto::TooLong { .. } => ().into_any(),
            }}
        </div>
    }
}
