//! The composer: one step's message, drafted from the student's notes, ready to send.
//!
//! The draft is filled once when the page opens and is then the student's to edit; a
//! change in another part of the app never overwrites what they typed. Sending happens in
//! the app they choose (LinkedIn, their mail app, the share sheet, or a paste); "Mark as
//! sent" records it, which logs an interaction and moves the playbook on, and returns to
//! the screen the composer was opened from (its `back` query parameter, an in-app path).
//! For a follow-up to someone without an email address, the draft goes as a LinkedIn
//! message and is recorded as such. An email can go with the student's resume PDF
//! through the share sheet (`composer_resume`). "Add to calendar" puts the step in the
//! student's calendar (`components::add_to_calendar`).

use crate::components::add_to_calendar::AddToCalendar;
use crate::domain::linkedin::profile_or_search;
use crate::domain::mailto::{mailto, Mailto, MAX_LENGTH};
use crate::domain::note::NoteLength;
use crate::domain::playbook::{self, step_label};
use crate::domain::{Command, Contact, ContactId, Step};
use crate::pages::composer_resume::ResumeShare;
use crate::pages::not_found::Missing;
use crate::routes::{use_go, ComposeParams, Screen};
use crate::state::use_app;
use crate::view::composer::{
    char_range, no_email_hint, problems, signed, without, DraftProblem, Purpose,
};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params, use_query_map};
use wasm_bindgen::JsCast;

#[component]
pub fn Composer() -> impl IntoView {
    let state = use_app();
    let params = use_params::<ComposeParams>();
    let target = move || {
        let p = params.read();
        let p = p.as_ref().ok()?;
        let id = ContactId::new(p.id.clone()?);
        let step = Step::from_slug(p.step.as_deref()?)?;
        Some((id, step))
    };
    move || {
        let found = target().and_then(|(id, step)| {
            state.book.with_untracked(|book| {
                let contact = book.contact(&id)?.clone();
                let draft = book.draft(&contact, step);
                Some((contact, step, draft.subject, draft.body))
            })
        });
        match found {
            Some((contact, step, subject, body)) => {
                view! { <ComposerView contact step subject body/> }.into_any()
            }
            None => view! {
                <Missing title="Nothing to write here"
                    message="This contact or step does not exist on this device."
                    to=Screen::Agenda action="Back to the agenda"/>
            }
            .into_any(),
        }
    }
}

/// One step's message: the draft to edit, the ways to send it, and "Mark as sent".
#[component]
fn ComposerView(
    contact: Contact,
    step: Step,
    subject: Option<String>,
    body: String,
) -> impl IntoView {
    let state = use_app();
    let purpose = Purpose::of(step);
    let by_message =
        step == Step::Email && playbook::view(&contact, step, 1, state.now().today).by_message;
    // A LinkedIn message has no subject line.
    let has_subject = subject.is_some() && !by_message;
    let draft = MessageDraft {
        subject: RwSignal::new(subject.unwrap_or_default()),
        body: RwSignal::new(body),
        has_subject,
        is_note: step == Step::Connect,
        purpose,
        confirm_long: RwSignal::new(false),
    };
    let feedback = RwSignal::new(None::<String>);
    let id = contact.id.clone();
    let to_line = purpose.header(
        &contact.name,
        contact.email.as_ref().map(|e| e.as_str()),
        &contact.company,
    );
    let email_hint = no_email_hint(step, contact.email.is_some());
    let message = purpose == Purpose::Message;
    let name = contact.name.clone();

    view! {
        <main id="main" data-page="composer" class="page">
            <header class="page-head">
                <A href=Screen::Contact(id.clone()).href() attr:class="back-link">"‹ " {name}</A>
                <h1>{step_label(step, crate::domain::Status::DueToday, None, by_message)}</h1>
                <p class="subtitle">{to_line}</p>
            </header>
            {email_hint.map(|h| view! { <p class="card hint">{h}</p> })}
            <DraftEditor draft/>
            // A checklist is not signed or sent: no warnings about signing, no Open email.
            {message.then(|| view! { <DraftWarnings body=draft.body/> })}
            <SendActions contact draft feedback/>
            {move || feedback.get().map(|f| view! { <p class="feedback" role="status">{f}</p> })}
            <MarkSent id=id.clone() step by_message feedback purpose/>
            // Not sending it now: a calendar reminds the student when it is due.
            <AddToCalendar contact=id step/>
        </main>
    }
}

/// What the student is writing, shared by the composer's parts.
#[derive(Clone, Copy)]
struct MessageDraft {
    subject: RwSignal<String>,
    body: RwSignal<String>,
    has_subject: bool,
    /// A LinkedIn connection note, with its length limit.
    is_note: bool,
    purpose: Purpose,
    /// Copy was tapped on a note over the limit: the next tap copies it anyway.
    confirm_long: RwSignal<bool>,
}

impl MessageDraft {
    /// The note's length against LinkedIn's limit (premium accounts allow more).
    fn length(self) -> Memo<NoteLength> {
        let state = use_app();
        let premium = Memo::new(move |_| state.book.with(|b| b.settings().premium));
        let body = self.body;
        Memo::new(move |_| NoteLength::of(&body.get(), premium.get()))
    }

    /// The text Copy puts on the clipboard: the subject line first, when there is one.
    fn full_text(self) -> String {
        let s = self.subject.get_untracked();
        let b = self.body.get_untracked();
        if self.has_subject && !s.trim().is_empty() {
            format!("Subject: {s}\n\n{b}")
        } else {
            b
        }
    }
}

/// The subject and message fields, and the connection note's character count.
#[component]
fn DraftEditor(draft: MessageDraft) -> impl IntoView {
    let MessageDraft {
        subject,
        body,
        is_note,
        confirm_long,
        ..
    } = draft;
    let length = draft.length();
    view! {
        <section class="card form composer">
            {draft.has_subject.then(|| view! {
                <label for="subject">"Subject"</label>
                <input id="subject" prop:value=subject on:input=move |ev| subject.set(event_target_value(&ev))/>
            })}
            <label for="message">{if is_note { "Connection note" } else { draft.purpose.body_label() }}</label>
            <textarea id="message" rows=if is_note { "6" } else { "14" } prop:value=body
                aria-describedby=is_note.then_some("message-count")
                on:input=move |ev| { body.set(event_target_value(&ev)); confirm_long.set(false); }></textarea>
            {is_note.then(|| view! {
                <p id="message-count" class="note-count" class:over=move || !length.get().fits() aria-live="polite">
                    {move || {
                        let l = length.get();
                        if l.fits() { format!("{} / {} characters", l.length, l.limit) }
                        else { format!("{} / {} characters — {} over LinkedIn's limit", l.length, l.limit, l.over_by()) }
                    }}
                </p>
            })}
            <Show when=move || confirm_long.get()>
                <p class="field-error" role="alert">
                    {move || format!("LinkedIn cuts notes at {} characters, so the end of this one would be lost. Shorten it, or tap Copy again to copy it anyway.", length.get().limit)}
                </p>
            </Show>
        </section>
    }
}

/// Copy, Open LinkedIn, Open email (when the link fits) and the share sheet; for an
/// email, Share with resume (`composer_resume`).
#[component]
fn SendActions(
    contact: Contact,
    draft: MessageDraft,
    feedback: RwSignal<Option<String>>,
) -> impl IntoView {
    let MessageDraft {
        subject,
        body,
        is_note,
        confirm_long,
        ..
    } = draft;
    let length = draft.length();
    let email = contact.email.clone();
    let mail = Memo::new(move |_| mailto(email.as_ref(), &subject.get(), &body.get()));
    let linkedin = profile_or_search(contact.linkedin.as_ref(), &contact.name, &contact.company);
    let has_profile = contact.linkedin.is_some();
    let resume_to = contact.email.as_ref().map(|e| e.as_str().to_string());
    // Email (and the resume with it) only for a message to them that is not a note.
    let emailed = !is_note && draft.purpose == Purpose::Message;
    let can_share = js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false);
    let copy = move |_| {
        if is_note && !length.get_untracked().fits() && !confirm_long.get_untracked() {
            confirm_long.set(true);
            return;
        }
        confirm_long.set(false);
        copy_text(draft.full_text(), feedback);
    };
    let share = move |_| share_text(subject.get_untracked(), body.get_untracked(), feedback);
    view! {
        <section class="composer-actions">
            <button id="copy" class="button" on:click=copy>
                {move || if confirm_long.get() { "Copy anyway" } else { "Copy" }}
            </button>
            <a id="open-linkedin" class="button" href=linkedin target="_blank" rel="noopener noreferrer">
                {if has_profile { "Open LinkedIn" } else { "Find on LinkedIn" }}
            </a>
            {emailed.then_some(move || match mail.get() {
                Mailto::Link(href) => view! { <a id="open-email" class="button" href=href>"Open email"</a> }.into_any(),
                Mailto::TooLong { .. } => view! {
                    <p class="meta too-long">{format!("Too long to open in your mail app (over {MAX_LENGTH} characters): Copy it and paste it into a new email.")}</p>
                }.into_any(),
            })}
            {can_share.then(|| view! { <button id="share" class="button" on:click=share>"Share…"</button> })}
        </section>
        {emailed.then(|| view! { <ResumeShare subject body mail to=resume_to/> })}
    }
}

/// "Mark as sent": records the step (or the follow-up sent as a LinkedIn message) and
/// returns to the screen the composer was opened from.
#[component]
fn MarkSent(
    id: ContactId,
    step: Step,
    by_message: bool,
    feedback: RwSignal<Option<String>>,
    purpose: Purpose,
) -> impl IntoView {
    let (prompt, button) = purpose.done_prompt();
    let state = use_app();
    let go = use_go();
    let query = use_query_map();
    let mark_sent = move |_| {
        let now = state.now();
        let command = if by_message {
            Command::SentAsMessage {
                contact: id.clone(),
                on: now.today,
                at: now.at,
            }
        } else {
            Command::MarkDone {
                contact: id.clone(),
                step,
                on: now.today,
                at: now.at,
            }
        };
        // Where it returns: the screen the composer was opened from.
        let back = query
            .read_untracked()
            .get("back")
            .and_then(|path| Screen::parse(&path))
            .unwrap_or_else(|| Screen::Contact(id.clone()));
        match state.apply(command) {
            Ok(()) => go(back),
            Err(e) => feedback.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="card sent">
            <p>{prompt}</p>
            <button id="mark-sent" class="button primary" on:click=mark_sent>{button}</button>
        </section>
    }
}

fn copy_text(text: String, feedback: RwSignal<Option<String>>) {
    let promise = window().navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let message = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => "Copied. Paste it into LinkedIn or your mail app.",
            Err(_) => "Couldn't copy automatically: select the text and copy it yourself.",
        };
        feedback.set(Some(message.into()));
    });
}

fn share_text(subject: String, body: String, feedback: RwSignal<Option<String>>) {
    let navigator = window().navigator();
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &subject.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &body.into());
    let Some(share) = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let Ok(promise) = share
        .call1(&navigator, &data)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        feedback.set(Some(
            "Sharing isn't available here: use Copy instead.".into(),
        ));
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// What to fix before sending (no name, an instruction in brackets, a leftover
/// placeholder), each with its fix one tap away.
#[component]
fn DraftWarnings(body: RwSignal<String>) -> impl IntoView {
    let state = use_app();
    let my_name = Memo::new(move |_| state.book.with(|b| b.profile().name.clone()));
    let found = Memo::new(move |_| body.with(|text| problems(text, &my_name.get())));
    let asking_name = RwSignal::new(false);
    let typed_name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = typed_name.get_untracked().trim().to_string();
        if name.is_empty() {
            name_error.set(Some("Type the name you sign with.".into()));
            return;
        }
        let mut profile = state.book.with_untracked(|b| b.profile().clone());
        profile.name = name.clone();
        match state.apply(Command::SetProfile(profile)) {
            Ok(()) => {
                body.update(|b| *b = signed(b, &name));
                asking_name.set(false);
                name_error.set(None);
            }
            Err(e) => name_error.set(Some(e.to_string())),
        }
    };
    let fix = move |problem: DraftProblem| match problem {
        DraftProblem::NoSenderName => asking_name.set(true),
        DraftProblem::NotSigned { name } => body.update(|b| *b = signed(b, &name)),
        DraftProblem::Placeholder { start, end } => body.update(|b| *b = without(b, start, end)),
        DraftProblem::Instruction { start, end } => {
            let (from, to) = body.with_untracked(|b| char_range(b, start, end));
            if let Some(area) = document()
                .get_element_by_id("message")
                .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                let _ = area.focus();
                let _ = area.set_selection_range(from, to);
            }
        }
    };
    move || {
        let list = found.get();
        (!list.is_empty()).then(|| view! {
            <section class="card draft-warnings" aria-label="Before you send">
                <ul>
                    {list.into_iter().map(|p| {
                        let label = p.fix();
                        view! {
                            <li>
                                <span>{p.message()}</span>
                                <button type="button" class="button small" on:click=move |_| fix(p.clone())>{label}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Show when=move || asking_name.get()>
                    <form class="name-form" on:submit=save_name novalidate>
                        <label for="my-name">"Your name, as you sign messages"</label>
                        <div class="snooze-pick">
                            <input id="my-name" autocomplete="name" prop:value=typed_name
                                aria-invalid=move || name_error.get().is_some().then_some("true")
                                on:input=move |ev| typed_name.set(event_target_value(&ev))/>
                            <button type="submit" class="button small primary">"Save and sign"</button>
                        </div>
                        {move || name_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    </form>
                </Show>
            </section>
        })
    }
}
