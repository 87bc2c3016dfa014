//! "What came of it?": the outcomes a student records on a contact (they replied, a
//! meeting booked, an introduction, applied, interview, offer, not now). Each is one
//! `Command` (`RecordOutcome`, or `IntroduceNew` for someone new) and lands in the
//! history, where it can be undone. A booked meeting offers its calendar file.
//!
//! The choices, the meeting's parsing and the words come from `view::outcomes`.

use crate::components::notice::{use_notices, Notice};
use crate::domain::formats::ics;
use crate::domain::{dates, Command, Contact, ContactId, Outcome};
use crate::routes::Screen;
use crate::state::{new_id, use_app};
use crate::view::outcomes::{introduced_person, meeting_time, parse_meeting, Choice};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Outcomes(id: Memo<ContactId>, contact: Memo<Contact>) -> impl IntoView {
    let open = RwSignal::new(None::<Choice>);
    let chips = Choice::ALL.map(|choice| {
        view! {
            <button type="button" id=format!("outcome-{}", choice.slug()) class="chip"
                aria-pressed=move || (open.get() == Some(choice)).to_string()
                on:click=move |_| open.update(|o| *o = if *o == Some(choice) { None } else { Some(choice) })>
                {choice.label()}
            </button>
        }
    });
    let form = move || {
        open.get().map(|choice| match choice {
            Choice::Meeting => view! { <MeetingForm id contact open/> }.into_any(),
            Choice::Introduced => view! { <IntroForm id contact open/> }.into_any(),
            _ => view! { <SimpleForm id contact choice open/> }.into_any(),
        })
    };
    view! {
        <section class="card outcomes" aria-labelledby="outcomes-title">
            <div class="card-head">
                <h2 id="outcomes-title">"What came of it?"</h2>
                <A href=Screen::Referrals.href() attr:class="link-button">"Referrals"</A>
            </div>
            <div class="chips" role="group" aria-label="Record an outcome">{chips}</div>
            {form}
        </section>
    }
}

/// Sends `command`; on success says `done` and closes the form.
fn record(command: Command, done: String, open: RwSignal<Option<Choice>>) -> bool {
    let state = use_app();
    let notices = use_notices();
    match state.apply(command) {
        Ok(()) => {
            notices.show(Notice::done(done, Vec::new()));
            open.set(None);
            true
        }
        Err(e) => {
            notices.show(Notice::error(e.to_string()));
            false
        }
    }
}

/// Replied, applied, interview, offer, not now: the day (today or earlier), a note, and
/// for an application the job and its link or id.
#[component]
fn SimpleForm(
    id: Memo<ContactId>,
    contact: Memo<Contact>,
    choice: Choice,
    open: RwSignal<Option<Choice>>,
) -> impl IntoView {
    let state = use_app();
    let on = RwSignal::new(dates::iso(state.now().today));
    let note = RwSignal::new(String::new());
    let job = RwSignal::new(String::new());
    let link = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = state.now();
        let day = match dates::parse_iso(&on.get_untracked()) {
            Some(day) if day <= now.today => day,
            Some(_) => return error.set(Some("Pick today or a day in the past.")),
            None => return error.set(Some("Pick the day it happened.")),
        };
        let outcome = match choice.simple(&contact.get_untracked()) {
            Some(outcome) => outcome,
            None => Outcome::Applied {
                job: job.get_untracked().trim().to_string(),
                link: link.get_untracked().trim().to_string(),
            },
        };
        error.set(None);
        let command = Command::RecordOutcome {
            contact: id.get_untracked(),
            on: day,
            outcome,
            note: note.get_untracked(),
            at: now.at,
        };
        record(
            command,
            format!("Added to history: {}.", choice.label()),
            open,
        );
    };
    let applied = choice == Choice::Applied;
    view! {
        <form class="outcome-form" on:submit=submit novalidate>
            {applied.then(|| view! {
                <label for="outcome-job">"Job title"</label>
                <input id="outcome-job" placeholder="Software Engineer Intern" prop:value=job on:input=move |ev| job.set(event_target_value(&ev))/>
                <label for="outcome-link">"Link or job id " <span class="optional">"(optional)"</span></label>
                <input id="outcome-link" placeholder="R-12345" prop:value=link on:input=move |ev| link.set(event_target_value(&ev))/>
            })}
            <label for="outcome-date">"When"</label>
            <input id="outcome-date" type="date" max=move || dates::iso(state.today.get())
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=on on:input=move |ev| on.set(event_target_value(&ev))/>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <NoteAndSave note save=choice.label()/>
        </form>
    }
}

/// A note and the Save / Cancel buttons, shared by every outcome form.
#[component]
fn NoteAndSave(note: RwSignal<String>, save: &'static str) -> impl IntoView {
    view! {
        <label for="outcome-note">"Note " <span class="optional">"(optional)"</span></label>
        <textarea id="outcome-note" rows="2" prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
        <div class="form-actions">
            <button type="submit" id="outcome-save" class="button primary small">
                "Save"<span class="visually-hidden">": " {save}</span>
            </button>
        </div>
    }
}

/// A meeting: its day and time; once saved, its calendar file.
#[component]
fn MeetingForm(
    id: Memo<ContactId>,
    contact: Memo<Contact>,
    open: RwSignal<Option<Choice>>,
) -> impl IntoView {
    let state = use_app();
    let notices = use_notices();
    let on = RwSignal::new(dates::iso(
        state.now().today.succ_opt().unwrap_or(state.now().today),
    ));
    let time = RwSignal::new("10:00".to_string());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = state.now();
        let at = match parse_meeting(&on.get_untracked(), &time.get_untracked(), now.today) {
            Ok(at) => at,
            Err(e) => return error.set(Some(e)),
        };
        error.set(None);
        let command = Command::RecordOutcome {
            contact: id.get_untracked(),
            on: now.today,
            outcome: Outcome::Meeting { at },
            note: note.get_untracked(),
            at: now.at,
        };
        let done = format!(
            "Meeting booked for {}. A prep reminder comes the day before.",
            meeting_time(at, now.today)
        );
        if record(command, done, open) {
            let c = contact.get_untracked();
            let text = state
                .book
                .with_untracked(|b| ics::meeting_ics(b, &c, at, &ics::dtstamp(now.at)));
            if let Err(e) = crate::download::download(
                &format!("meeting-{}.ics", dates::iso(at.date())),
                "text/calendar",
                &text,
            ) {
                notices.show(Notice::error(format!(
                    "The meeting is saved, but its calendar file could not be made: {e}."
                )));
            }
        }
    };
    view! {
        <form class="outcome-form" on:submit=submit novalidate>
            <div class="log-row">
                <div class="log-field">
                    <label for="meeting-date">"Day"</label>
                    <input id="meeting-date" type="date" min=move || dates::iso(state.today.get())
                        prop:value=on on:input=move |ev| on.set(event_target_value(&ev))/>
                </div>
                <div class="log-field">
                    <label for="meeting-time">"Time"</label>
                    <input id="meeting-time" type="time" prop:value=time on:input=move |ev| time.set(event_target_value(&ev))/>
                </div>
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <p class="meta">"Saving adds it to your calendar as a file, with a prep reminder the day before and a thank-you the day after."</p>
            <NoteAndSave note save="Meeting booked"/>
        </form>
    }
}

/// Who they introduced you to: someone new (added on the spot, with an email step that
/// names who introduced you) or someone already in the book.
#[component]
fn IntroForm(
    id: Memo<ContactId>,
    contact: Memo<Contact>,
    open: RwSignal<Option<Choice>>,
) -> impl IntoView {
    let state = use_app();
    let others = Memo::new(move |_| {
        let me = id.get();
        state.book.with(|b| {
            b.contacts()
                .filter(|c| c.id != me)
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let existing = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let company = RwSignal::new(contact.get_untracked().company);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = state.now();
        let picked = existing.get_untracked();
        let command = if !picked.is_empty() {
            let outcome = Outcome::IntroducedTo {
                contact: ContactId::new(picked),
            };
            Command::RecordOutcome {
                contact: id.get_untracked(),
                on: now.today,
                outcome,
                note: note.get_untracked(),
                at: now.at,
            }
        } else {
            let new = match introduced_person(
                ContactId::new(new_id()),
                &name.get_untracked(),
                &email.get_untracked(),
                &company.get_untracked(),
                now.today,
                now.at,
            ) {
                Ok(new) => new,
                Err(message) => return error.set(Some(message)),
            };
            Command::IntroduceNew {
                by: id.get_untracked(),
                new,
                on: now.today,
                note: note.get_untracked(),
                at: now.at,
            }
        };
        error.set(None);
        record(
            command,
            "Introduction saved: their first email is drafted and names who introduced you.".into(),
            open,
        );
    };
    view! {
        <form class="outcome-form" on:submit=submit novalidate>
            <label for="intro-existing">"Someone in your contacts"</label>
            <select id="intro-existing" on:change=move |ev| existing.set(event_target_value(&ev))>
                <option value="" selected=true>"No, someone new"</option>
                {move || others.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
            </select>
            <Show when=move || existing.with(String::is_empty)>
                <label for="intro-name">"Their name"</label>
                <input id="intro-name" autocomplete="off" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                <label for="intro-email">"Their email " <span class="optional">"(optional)"</span></label>
                <input id="intro-email" type="email" autocomplete="off" prop:value=email on:input=move |ev| email.set(event_target_value(&ev))/>
                <label for="intro-company">"Company"</label>
                <input id="intro-company" prop:value=company on:input=move |ev| company.set(event_target_value(&ev))/>
            </Show>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <NoteAndSave note save="Introduction"/>
        </form>
    }
}
