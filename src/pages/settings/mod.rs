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
//! (copies of unreadable data, with Download and Delete), `messages` (the templates).

mod calendar_section;
mod data_section;
mod export_section;
mod kept_copies;
mod messages;
mod reminders_section;
mod resume_section;
mod storage_info;

use crate::components::notice::use_notices;
use crate::components::text_field::TextField;
use crate::domain::profile::web_link;
use crate::domain::settings::Theme;
use crate::domain::Cadence;
use crate::domain::{Command, Email, LinkedIn, Profile};
use crate::state::use_app;
use crate::view::settings;
use data_section::DataSection;
use kept_copies::KeptCopies;
use leptos::prelude::*;
use messages::Messages;
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
pub(super) fn SavedNote(#[prop(into)] show: Signal<bool>) -> impl IntoView {
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
    let phone = RwSignal::new(stored.phone);
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
        phone: phone.get().trim().to_string(),
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
        for field in [name, school, programme, grad_year, phone, sign_off] {
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
                    hint="Shared on your card if you choose a contact card or My page." error=email_error on_input=Callback::new(move |()| email_error.set(None))/>
                <TextField id="profile-phone" label="Your phone" value=phone kind="tel" inputmode="tel"
                    autocomplete="tel" placeholder="+1 555 010 0199"
                    hint="Only on My page: people who scan it can text you their details."/>
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
                        <input type="radio" name="theme" id=settings::theme_id(t)
                            prop:checked=move || theme.get() == t
                            on:change=move |_| notices.report(state.apply(Command::SetTheme(t)))/>
                        {t.label()}
                    </label>
                }).collect_view()}
            </fieldset>
        </section>
    }
}
