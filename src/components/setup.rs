//! The first-run set-up: the student's name, school, LinkedIn and resume link, each
//! optional, so that the first messages go out signed and with the links. Offered on the
//! empty agenda until saved or skipped; everything stays editable in Settings.

use crate::components::notice::use_notices;
use crate::domain::profile::web_link;
use crate::domain::{Command, LinkedIn};
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Setup() -> impl IntoView {
    let state = use_app();
    let notices = use_notices();
    let name = RwSignal::new(String::new());
    let school = RwSignal::new(String::new());
    let linkedin = RwSignal::new(String::new());
    let resume = RwSignal::new(String::new());
    let linkedin_error = RwSignal::new(None::<String>);
    let resume_error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let resume_url = web_link(&resume.get_untracked());
        let linkedin_url = LinkedIn::parse_optional(&linkedin.get_untracked())
            .map(|l| l.map(|l| l.url().to_string()).unwrap_or_default())
            .map_err(|e| e.to_string());
        resume_error.set(resume_url.as_ref().err().cloned());
        linkedin_error.set(linkedin_url.as_ref().err().cloned());
        let (Ok(resume_url), Ok(linkedin_url)) = (resume_url, linkedin_url) else {
            return;
        };
        let mut profile = state.book.with_untracked(|b| b.profile().clone());
        for (slot, value) in [
            (&mut profile.name, name.get_untracked()),
            (&mut profile.school, school.get_untracked()),
            (&mut profile.linkedin_url, linkedin_url),
            (&mut profile.resume_url, resume_url),
        ] {
            let value = value.trim().to_string();
            if !value.is_empty() {
                *slot = value;
            }
        }
        notices.report(
            state
                .apply(Command::SetProfile(profile))
                .and_then(|()| state.apply(Command::SetupSeen)),
        );
    };
    let skip = move |_| notices.report(state.apply(Command::SetupSeen));
    let field = move |id: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      value: RwSignal<String>,
                      error: Option<RwSignal<Option<String>>>| {
        let error_id = format!("{id}-error");
        view! {
            <label for=id>{label}<span class="optional">" (optional)"</span></label>
            <input id=id prop:value=value placeholder=hint autocomplete="off"
                aria-invalid=move || error.and_then(|e| e.get()).map(|_| "true")
                aria-describedby={
                    let error_id = error_id.clone();
                    move || error.and_then(|e| e.get()).map(|_| error_id.clone())
                }
                on:input=move |ev| value.set(event_target_value(&ev))/>
            {move || error.and_then(|e| e.get()).map(|e| view! { <p id=error_id.clone() class="field-error" role="alert">{e}</p> })}
        }
    };
    view! {
        <section class="card setup" aria-labelledby="setup-title">
            <h2 id="setup-title">"First, about you"</h2>
            <p class="meta">"Your messages are signed with your name and carry your links. Skip anything; Settings has it all later."</p>
            <form class="form" on:submit=save novalidate>
                {field("setup-name", "Your name", "Sam Lee", name, None)}
                {field("setup-school", "School", "State University", school, None)}
                {field("setup-linkedin", "Your LinkedIn", "linkedin.com/in/you", linkedin, Some(linkedin_error))}
                {field("setup-resume", "Link to your resume", "https://…/resume.pdf", resume, Some(resume_error))}
                <div class="setup-actions">
                    <button type="submit" id="setup-save" class="button primary">"Save"</button>
                    <button type="button" id="setup-skip" class="button" on:click=skip>"Skip for now"</button>
                </div>
            </form>
        </section>
    }
}
