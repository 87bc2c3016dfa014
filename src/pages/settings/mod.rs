//! Settings: the student's profile, the message templates with a live preview, the
//! follow-up preferences and where the data lives.
//!
//! Every form keeps what is typed in signals and sends one command on save; nothing here
//! touches storage. A template that does not parse is shown with its error and never sent
//! to the book.
//!
//! Parts used only here live beside it: `resume_section` (the resume PDF: pick, replace,
//! remove), `reminders_section` (morning notifications, or what this browser can do),
//! `data_section` (import, with `export_section` for export), `calendar_section` (the calendar's last
//! export, what changed since, Update my calendar),
//! `storage_info` (how much is stored, persistence, the last backup) and `kept_copies`
//! (copies of unreadable data, with Download and Delete).

mod calendar_section;
mod data_section;
mod export_section;
mod kept_copies;
mod reminders_section;
mod resume_section;
mod storage_info;

use crate::components::notice::use_notices;
use crate::components::text_field::TextField;
use crate::domain::note::NoteLength;
use crate::domain::profile::web_link;
use crate::domain::settings::Theme;
use crate::domain::Cadence;
use crate::domain::{
    Command, Context, Email, LinkedIn, Placeholder, Profile, Template, TemplateKind,
};
use crate::state::use_app;
use data_section::DataSection;
use kept_copies::KeptCopies;
use leptos::prelude::*;
use reminders_section::RemindersSection;
use resume_section::{KeptResume, ResumeSection};
use storage_info::StorageInfo;

#[component]
pub fn Settings() -> impl IntoView {
    KeptResume::provide();
    view! {
        <main id="main" data-page="settings" class="page">
            <header class="page-head">
                <h1>"Settings"</h1>
                <p class="subtitle">"Your details, your messages, your rhythm."</p>
            </header>
            <ProfileForm/>
            <ResumeSection/>
            <Messages/>
            <FollowUp/>
            <RemindersSection/>
            <Appearance/>
            <section class="card settings-section" aria-labelledby="data-title">
                <h2 id="data-title">"Your data"</h2>
                <StorageInfo/>
                <KeptCopies/>
                <DataSection/>
            </section>
        </main>
    }
}

/// "Saved" after a successful save, until the form is changed again.
#[component]
fn SavedNote(#[prop(into)] show: Signal<bool>) -> impl IntoView {
    view! {
        <p class="settings-saved" role="status">
            {move || show.get().then(|| view! { <span aria-hidden="true">"✓ "</span>"Saved" })}
        </p>
    }
}

#[component]
fn ProfileForm() -> impl IntoView {
    let state = use_app();
    let stored = state.book.with_untracked(|b| b.profile().clone());
    let name = RwSignal::new(stored.name);
    let school = RwSignal::new(stored.school);
    let programme = RwSignal::new(stored.programme);
    let grad_year = RwSignal::new(stored.grad_year);
    let resume_url = RwSignal::new(stored.resume_url);
    let linkedin_url = RwSignal::new(stored.linkedin_url);
    let email = RwSignal::new(stored.email);
    let email_error = RwSignal::new(None::<String>);
    let sign_off = RwSignal::new(stored.sign_off);
    let resume_error = RwSignal::new(None::<String>);
    let linkedin_error = RwSignal::new(None::<String>);
    let save_error = RwSignal::new(None::<String>);
    let saved_once = RwSignal::new(false);

    let typed = move || Profile {
        name: name.get().trim().to_string(),
        school: school.get().trim().to_string(),
        programme: programme.get().trim().to_string(),
        grad_year: grad_year.get().trim().to_string(),
        resume_url: resume_url.get().trim().to_string(),
        linkedin_url: linkedin_url.get().trim().to_string(),
        email: email.get().trim().to_string(),
        sign_off: sign_off.get().trim().to_string(),
    };
    let unchanged = move || state.book.with(|b| *b.profile() == typed());
    let show_saved = Signal::derive(move || saved_once.get() && unchanged());

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save_error.set(None);
        let resume = web_link(&resume_url.get_untracked());
        let linkedin = LinkedIn::parse_optional(&linkedin_url.get_untracked())
            .map(|l| l.map(|l| l.url().to_string()).unwrap_or_default())
            .map_err(|e| e.to_string());
        let address = Email::parse_optional(&email.get_untracked()).map_err(|e| e.to_string());
        resume_error.set(resume.as_ref().err().cloned());
        linkedin_error.set(linkedin.as_ref().err().cloned());
        email_error.set(address.as_ref().err().cloned());
        let (Ok(resume), Ok(linkedin), Ok(address)) = (resume, linkedin, address) else {
            return;
        };
        email.set(address.map(|a| a.as_str().to_string()).unwrap_or_default());
        resume_url.set(resume);
        linkedin_url.set(linkedin);
        for field in [name, school, programme, grad_year, sign_off] {
            field.update(|text| *text = text.trim().to_string());
        }
        match state.apply(Command::SetProfile(untrack(typed))) {
            Ok(()) => saved_once.set(true),
            Err(e) => save_error.set(Some(e.to_string())),
        }
    };

    view! {
        <section class="card settings-section" aria-labelledby="profile-title">
            <h2 id="profile-title">"Your profile"</h2>
            <p class="settings-lead">"Your messages are signed and filled in with these."</p>
            <form class="settings-form" on:submit=save novalidate>
                <TextField id="profile-name" label="Your name" value=name autocomplete="name" placeholder="Alex Kim"/>
                <TextField id="profile-school" label="School" value=school placeholder="State University"/>
                <div class="settings-pair">
                    <TextField id="profile-programme" label="Programme or major" value=programme placeholder="Computer Science"/>
                    <TextField id="profile-grad-year" label="Graduation year" value=grad_year inputmode="numeric" placeholder="2027"/>
                </div>
                <TextField id="profile-resume" label="Resume link" value=resume_url kind="url" inputmode="url"
                    placeholder="https://…" hint="A link anyone can open, such as a shared PDF."
                    error=resume_error on_input=Callback::new(move |()| resume_error.set(None))/>
                <TextField id="profile-linkedin" label="Your LinkedIn" value=linkedin_url kind="url" inputmode="url"
                    placeholder="linkedin.com/in/your-name" error=linkedin_error on_input=Callback::new(move |()| linkedin_error.set(None))/>
                <TextField id="profile-email" label="Your email" value=email kind="email" inputmode="email"
                    autocomplete="email" placeholder="alex@university.edu"
                    hint="Shared on your card if you choose a contact card." error=email_error on_input=Callback::new(move |()| email_error.set(None))/>
                <TextField id="profile-sign-off" label="Sign-off" value=sign_off placeholder="Best,"
                    hint="The line before your name at the end of an email."/>
                {move || save_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                <div class="settings-actions">
                    <button type="submit" class="button primary">"Save profile"</button>
                    <SavedNote show=show_saved/>
                </div>
            </form>
        </section>
    }
}

/// A stable id fragment for each template's fields.
fn template_slug(kind: TemplateKind) -> &'static str {
    match kind {
        TemplateKind::ConnectNote => "connect-note",
        TemplateKind::EmailSubject => "email-subject",
        TemplateKind::EmailBody => "email-body",
        TemplateKind::BonusMessage => "bonus-message",
        TemplateKind::ReferralSubject => "referral-subject",
        TemplateKind::ReferralBody => "referral-body",
        TemplateKind::KeepInTouch => "keep-in-touch",
        TemplateKind::Prep => "prep",
        TemplateKind::ThankYouSubject => "thank-you-subject",
        TemplateKind::ThankYou => "thank-you",
        TemplateKind::Nudge => "nudge",
        TemplateKind::IntroSubject => "intro-subject",
        TemplateKind::IntroBody => "intro-body",
        TemplateKind::IntroNote => "intro-note",
    }
}

fn is_subject(kind: TemplateKind) -> bool {
    matches!(
        kind,
        TemplateKind::EmailSubject
            | TemplateKind::ReferralSubject
            | TemplateKind::ThankYouSubject
            | TemplateKind::IntroSubject
    )
}

#[component]
fn Messages() -> impl IntoView {
    view! {
        <section class="card settings-section" aria-labelledby="messages-title">
            <h2 id="messages-title">"Messages"</h2>
            <p class="settings-lead">
                "Every follow-up starts from these. The previews use a sample contact — Priya, an "
                "engineer at Acme Robotics — and your profile."
            </p>
            <PlaceholderHelp/>
            <div class="settings-templates">
                {TemplateKind::ALL.into_iter().map(|kind| view! { <TemplateEditor kind/> }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn PlaceholderHelp() -> impl IntoView {
    view! {
        <details class="settings-help">
            <summary>"Placeholders you can use"</summary>
            <p>"Write a name in braces and it is filled in for each contact:"</p>
            <dl class="settings-placeholders">
                {Placeholder::ALL.into_iter().map(|p| view! {
                    <div>
                        <dt><code>{format!("{{{}}}", p.name())}</code></dt>
                        <dd>{p.description()}</dd>
                    </div>
                }).collect_view()}
            </dl>
            <ul class="settings-syntax">
                <li><code>"{role|internships}"</code>" uses the text after "<code>"|"</code>" when the value is empty."</li>
                <li><code>"[ at {event}]"</code>" is kept only when every placeholder inside it has a value."</li>
                <li><code>"{{"</code>" and "<code>"[["</code>" write a literal brace or bracket."</li>
            </ul>
        </details>
    }
}

/// One template: its text, the parse error if any, a live preview and save / reset.
/// The template's text box: one line for a subject, a text area for a message (shorter
/// for the LinkedIn note and message).
fn template_input(
    kind: TemplateKind,
    id: &str,
    described_by: String,
    invalid: Signal<bool>,
    text: RwSignal<String>,
    on_input: impl Fn(leptos::ev::Event) + 'static,
) -> AnyView {
    let invalid = move || invalid.get().then_some("true");
    if is_subject(kind) {
        return view! {
            <input id=id.to_string() type="text" autocomplete="off" spellcheck="true"
                aria-describedby=described_by aria-invalid=invalid
                prop:value=text on:input=on_input/>
        }
        .into_any();
    }
    let short = matches!(
        kind,
        TemplateKind::ConnectNote | TemplateKind::BonusMessage | TemplateKind::IntroNote
    );
    view! {
        <textarea id=id.to_string() rows=if short { 5 } else { 10 } spellcheck="true"
            aria-describedby=described_by aria-invalid=invalid
            prop:value=text on:input=on_input></textarea>
    }
    .into_any()
}

/// "Not saved" while the text differs from the stored template, else "Edited" when the
/// stored template is not the default.
fn badge(dirty: bool, edited: bool) -> Option<impl IntoView> {
    match (dirty, edited) {
        (true, _) => {
            Some(view! { <span class="settings-badge unsaved">"Not saved"</span> }.into_any())
        }
        (false, true) => Some(view! { <span class="settings-badge">"Edited"</span> }.into_any()),
        (false, false) => None,
    }
}

/// The message filled with a sample contact, or why there is none.
#[component]
fn TemplatePreview(id: String, preview: Memo<Option<String>>) -> impl IntoView {
    view! {
        <figure class="settings-preview" id=id>
            <figcaption>"Preview"</figcaption>
            {move || match preview.get() {
                Some(text) => view! { <div class="settings-preview-text">{text}</div> }.into_any(),
                None => view! {
                    <p class="settings-preview-off">"The preview comes back once the message is fixed."</p>
                }.into_any(),
            }}
        </figure>
    }
}

/// The connection note's length against LinkedIn's limit, with the sample contact.
#[component]
fn NoteLengthHint(preview: Memo<Option<String>>, premium: Memo<bool>) -> impl IntoView {
    move || {
        preview.get().map(|note| {
            let length = NoteLength::of(&note, premium.get());
            let text = if length.fits() {
                format!(
                    "{} of {} characters with this sample.",
                    length.length, length.limit
                )
            } else {
                format!(
                    "{} characters with this sample: {} over LinkedIn's limit of {}. Names and hooks vary, so leave some room.",
                    length.length,
                    length.over_by(),
                    length.limit
                )
            };
            view! { <p class="settings-count" class:over=!length.fits()>{text}</p> }
        })
    }
}

/// One template: its text box, the live preview, and Save / Undo / Reset.
///
/// About 90 lines, on purpose: the text, its parse, the stored copy and the dirty/edited
/// flags are shared by the box, the badge and the buttons; the pieces that stand alone
/// (`template_input`, `badge`, `TemplatePreview`, `NoteLengthHint`) are split out.
#[component]
fn TemplateEditor(kind: TemplateKind) -> impl IntoView {
    let state = use_app();
    let stored = Memo::new(move |_| {
        state
            .book
            .with(|b| b.templates().get(kind).source().to_string())
    });
    let text = RwSignal::new(stored.get_untracked());
    let parsed = Memo::new(move |_| text.with(|t| Template::parse(t)));
    let sample = Memo::new(move |_| state.book.with(|b| Context::sample(b.profile())));
    let preview =
        Memo::new(move |_| parsed.with(|p| p.as_ref().ok().map(|t| sample.with(|c| t.render(c)))));
    let premium = Memo::new(move |_| state.book.with(|b| b.settings().premium));
    let dirty = Memo::new(move |_| text.with(|t| stored.with(|s| t != s)));
    let edited = Memo::new(move |_| stored.with(|s| s != kind.default_text()));
    let save_error = RwSignal::new(None::<String>);
    let saved_once = RwSignal::new(false);

    let id = format!("template-{}", template_slug(kind));
    let error_id = format!("{id}-error");
    let preview_id = format!("{id}-preview");
    let error_message = move || {
        parsed
            .with(|p| p.as_ref().err().map(|e| e.to_string()))
            .or(save_error.get())
    };
    let on_input = move |ev: leptos::ev::Event| {
        text.set(event_target_value(&ev));
        save_error.set(None);
        saved_once.set(false);
    };
    let invalid = Signal::derive(move || error_message().is_some());
    let editor = template_input(
        kind,
        &id,
        format!("{error_id} {preview_id}"),
        invalid,
        text,
        on_input,
    );
    let save = move |_| match state.apply(Command::SetTemplate {
        kind,
        text: text.get_untracked(),
    }) {
        Ok(()) => saved_once.set(true),
        Err(e) => save_error.set(Some(e.to_string())),
    };
    let reset = move |_| match state.apply(Command::ResetTemplate(kind)) {
        Ok(()) => {
            text.set(kind.default_text().to_string());
            save_error.set(None);
            saved_once.set(true);
        }
        Err(e) => save_error.set(Some(e.to_string())),
    };
    view! {
        <details class="settings-template">
            <summary>
                <span class="settings-template-name">{kind.label()}</span>
                {move || badge(dirty.get(), edited.get())}
            </summary>
            <div class="settings-template-body">
                <label for=id.clone()>
                    {if is_subject(kind) { "Subject line" } else { "Message" }}
                    <span class="visually-hidden">{format!(" — {}", kind.label())}</span>
                </label>
                {editor}
                <div id=error_id.clone()>
                    {move || error_message().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </div>
                <TemplatePreview id=preview_id preview/>
                {matches!(kind, TemplateKind::ConnectNote | TemplateKind::IntroNote).then(|| view! { <NoteLengthHint preview premium/> })}
                <div class="settings-actions">
                    <Show when=move || dirty.get()>
                        <button type="button" class="button primary"
                            disabled=move || error_message().is_some()
                            on:click=save>
                            "Save"
                        </button>
                        <button type="button" class="button" on:click=move |_| {
                            text.set(stored.get_untracked());
                            save_error.set(None);
                        }>"Undo changes"</button>
                    </Show>
                    <Show when=move || edited.get() && !dirty.get()>
                        <button type="button" class="button" on:click=reset>"Reset to default"</button>
                    </Show>
                    <SavedNote show=Signal::derive(move || saved_once.get() && !dirty.get())/>
                </div>
            </div>
        </details>
    }
}

#[component]
fn FollowUp() -> impl IntoView {
    let state = use_app();
    let notices = use_notices();
    let premium = Memo::new(move |_| state.book.with(|b| b.settings().premium));
    let badge = Memo::new(move |_| state.book.with(|b| !b.settings().badge_off));
    let stored_cadence = Memo::new(move |_| state.book.with(|b| b.settings().default_cadence_days));
    let cadence = RwSignal::new(stored_cadence.get_untracked().to_string());
    let cadence_error = RwSignal::new(None::<String>);
    let cadence_saved = RwSignal::new(false);

    let save_cadence = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let days = match Cadence::parse(&cadence.get_untracked()) {
            Ok(cadence) => cadence.days(),
            Err(e) => {
                cadence_error.set(Some(e.to_string()));
                return;
            }
        };
        match state.apply(Command::SetDefaultCadence(days)) {
            Ok(()) => {
                cadence.set(days.to_string());
                cadence_saved.set(true);
            }
            Err(e) => cadence_error.set(Some(e.to_string())),
        }
    };
    let cadence_unchanged = move || cadence.with(|c| c.trim() == stored_cadence.get().to_string());

    view! {
        <section class="card settings-section" aria-labelledby="follow-up-title">
            <h2 id="follow-up-title">"Follow-ups"</h2>
            <label class="check settings-check">
                <input id="premium" type="checkbox" prop:checked=premium
                    on:change=move |ev| notices.report(state.apply(Command::SetPremium(event_target_checked(&ev))))/>
                <span>
                    "I have LinkedIn Premium"
                    <small>"Connection notes can then be 300 characters instead of 200."</small>
                </span>
            </label>
            <label class="check settings-check">
                <input id="badge" type="checkbox" prop:checked=badge
                    on:change=move |ev| notices.report(state.apply(Command::SetBadge(event_target_checked(&ev))))/>
                <span>
                    "Show a badge on the app icon"
                    <small>"The number of people with a follow-up due, when Followup is installed."</small>
                </span>
            </label>
            <form class="settings-form settings-cadence" on:submit=save_cadence novalidate>
                <label for="cadence">"Keep in touch every"</label>
                <div class="settings-inline">
                    <input id="cadence" type="number" inputmode="numeric" min="1" max=Cadence::MAX_DAYS
                        aria-describedby="cadence-hint cadence-error"
                        aria-invalid=move || cadence_error.get().map(|_| "true")
                        prop:value=cadence
                        on:input=move |ev| {
                            cadence.set(event_target_value(&ev));
                            cadence_error.set(None);
                            cadence_saved.set(false);
                        }/>
                    <span class="settings-unit">"days"</span>
                    <button type="submit" class="button">"Save"</button>
                </div>
                <div id="cadence-error">
                    {move || cadence_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </div>
                <p id="cadence-hint" class="settings-hint">
                    "Once the first follow-ups are done, you'll get a reminder to check in this often. "
                    "A contact can have their own rhythm."
                </p>
                <SavedNote show=Signal::derive(move || cadence_saved.get() && cadence_unchanged())/>
            </form>
        </section>
    }
}

/// Light, dark, or whatever the device uses.
#[component]
fn Appearance() -> impl IntoView {
    let state = use_app();
    let notices = use_notices();
    let theme = Memo::new(move |_| state.book.with(|b| b.settings().theme));
    view! {
        <section class="card settings-section" aria-labelledby="appearance-title">
            <h2 id="appearance-title">"Appearance"</h2>
            <fieldset class="segmented theme-choice" aria-labelledby="appearance-title">
                {Theme::ALL.into_iter().map(|t| view! {
                    <label class:selected=move || theme.get() == t>
                        <input type="radio" name="theme" id=format!("theme-{}", t.label().split(' ').next().unwrap_or("").to_lowercase())
                            prop:checked=move || theme.get() == t
                            on:change=move |_| notices.report(state.apply(Command::SetTheme(t)))/>
                        {t.label()}
                    </label>
                }).collect_view()}
            </fieldset>
        </section>
    }
}
