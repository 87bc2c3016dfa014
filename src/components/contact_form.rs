//! The fields of a contact, shared by capture and edit.
//!
//! `ContactDraft` holds what is being typed (strings and flags in signals, never domain
//! values with signals inside). `validate` hands a snapshot to the view model
//! (`view::contact_form::ContactInput::parse`) and marks the fields that are wrong;
//! nothing typed is ever cleared by a failed validation.

use crate::components::text_field::TextField;
use crate::domain::{ContactId, EventId, Kind, NewContact};
use crate::state::use_app;
use crate::view::contact_form::{ContactInput, FieldErrors};
use leptos::html::Input;
use leptos::prelude::*;

/// What is being typed into the contact form.
#[derive(Clone, Copy)]
pub struct ContactDraft {
    pub name: RwSignal<String>,
    pub company: RwSignal<String>,
    pub title: RwSignal<String>,
    pub kind: RwSignal<Kind>,
    pub email: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub linkedin: RwSignal<String>,
    pub event: RwSignal<Option<EventId>>,
    pub met_on: RwSignal<String>,
    pub hook: RwSignal<String>,
    pub role: RwSignal<String>,
    pub really_want: RwSignal<bool>,
    pub tags: RwSignal<String>,
    pub notes: RwSignal<String>,
    pub cadence: RwSignal<String>,
    pub errors: RwSignal<FieldErrors>,
}

impl ContactDraft {
    /// A draft prefilled from `fields`.
    pub fn new(fields: &NewContact) -> ContactDraft {
        let input = ContactInput::from_fields(fields);
        ContactDraft {
            name: RwSignal::new(input.name),
            company: RwSignal::new(input.company),
            title: RwSignal::new(input.title),
            kind: RwSignal::new(input.kind),
            email: RwSignal::new(input.email),
            phone: RwSignal::new(input.phone),
            linkedin: RwSignal::new(input.linkedin),
            event: RwSignal::new(input.event),
            met_on: RwSignal::new(input.met_on),
            hook: RwSignal::new(input.hook),
            role: RwSignal::new(input.role),
            really_want: RwSignal::new(input.really_want),
            tags: RwSignal::new(input.tags),
            notes: RwSignal::new(input.notes),
            cadence: RwSignal::new(input.cadence),
            errors: RwSignal::new(FieldErrors::default()),
        }
    }

    /// What the form holds now.
    fn input(&self) -> ContactInput {
        ContactInput {
            name: self.name.get_untracked(),
            company: self.company.get_untracked(),
            title: self.title.get_untracked(),
            kind: self.kind.get_untracked(),
            email: self.email.get_untracked(),
            phone: self.phone.get_untracked(),
            linkedin: self.linkedin.get_untracked(),
            event: self.event.get_untracked(),
            met_on: self.met_on.get_untracked(),
            hook: self.hook.get_untracked(),
            role: self.role.get_untracked(),
            really_want: self.really_want.get_untracked(),
            tags: self.tags.get_untracked(),
            notes: self.notes.get_untracked(),
            cadence: self.cadence.get_untracked(),
        }
    }

    /// Clears what is personal to one contact, keeping the event and the date (capture mode).
    pub fn clear_person(&self) {
        for field in [
            self.name,
            self.company,
            self.title,
            self.email,
            self.phone,
            self.linkedin,
            self.hook,
            self.role,
            self.tags,
            self.notes,
            self.cadence,
        ] {
            field.set(String::new());
        }
        // The kind stays: the next person met at a fair is often of the same kind.
        self.really_want.set(false);
        self.errors.set(FieldErrors::default());
    }

    /// The contact as typed, or `None` after marking the fields that need fixing.
    pub fn validate(&self, id: ContactId, updated_at: i64) -> Option<NewContact> {
        let parsed = self.input().parse(id, updated_at);
        self.errors
            .set(parsed.as_ref().err().cloned().unwrap_or_default());
        parsed.ok()
    }
}

/// The three kinds as one-tap buttons.
#[component]
pub fn KindPicker(kind: RwSignal<Kind>) -> impl IntoView {
    view! {
        <fieldset class="segmented">
            <legend>"They are"</legend>
            {Kind::ALL.into_iter().map(|k| view! {
                <label class:selected=move || kind.get() == k>
                    <input type="radio" name="kind" prop:checked=move || kind.get() == k on:change=move |_| kind.set(k)/>
                    {k.label()}
                </label>
            }).collect_view()}
        </fieldset>
    }
}

/// The fields of the form. `full` shows every field open (edit); otherwise the rarely used
/// ones sit under "More details" (capture at a fair).
#[component]
pub fn ContactFields(
    draft: ContactDraft,
    #[prop(optional)] full: bool,
    name_ref: NodeRef<Input>,
) -> impl IntoView {
    let state = use_app();
    let err = move |pick: fn(&FieldErrors) -> Option<String>| {
        Signal::derive(move || draft.errors.with(pick))
    };
    let events = Memo::new(move |_| {
        state.book.with(|b| {
            b.events()
                .map(|e| (e.id.clone(), e.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let more = view! {
        <TextField id="title" label="Job title" value=draft.title placeholder="Software Engineer"/>
        <TextField id="phone" label="Phone" value=draft.phone kind="tel"/>
        <div class="field">
            <label for="event">"Where you met"</label>
            <select id="event" on:change=move |ev| {
                let v = event_target_value(&ev);
                draft.event.set((!v.is_empty()).then(|| EventId::new(v)));
            }>
                <option value="" selected=move || draft.event.get().is_none()>"No event"</option>
                <For each=move || events.get() key=|e| e.clone() let:e>
                    <option value=e.0.to_string() selected={let id = e.0.clone(); move || draft.event.get().as_ref() == Some(&id)}>{e.1.clone()}</option>
                </For>
            </select>
        </div>
        <TextField id="met-on" label="Date you met" value=draft.met_on kind="date" error=err(|e| e.met_on.clone())/>
        <TextField id="tags" label="Tags" value=draft.tags placeholder="backend, dream company (comma-separated)"/>
        <div class="field">
            <label for="notes">"Notes"</label>
            <textarea id="notes" rows="3" prop:value=draft.notes on:input=move |ev| draft.notes.set(event_target_value(&ev))></textarea>
        </div>
        <TextField id="cadence" label="Keep in touch every … days" value=draft.cadence kind="number"
            placeholder="Default from Settings" error=err(|e| e.cadence.clone())/>
    };
    view! {
        <TextField id="name" label="Name" value=draft.name error=err(|e| e.name.clone()) node_ref=name_ref
            placeholder="Who did you meet?"/>
        <KindPicker kind=draft.kind/>
        <TextField id="company" label="Company" value=draft.company placeholder="Where they work"/>
        <TextField id="role" label="Role or team they mentioned" value=draft.role placeholder="Summer internship, Payments team"/>
        <div class="field">
            <label for="hook">"What you talked about"</label>
            <textarea id="hook" rows="3" placeholder="A few words your messages will quote, e.g. their move to Rust"
                prop:value=draft.hook on:input=move |ev| draft.hook.set(event_target_value(&ev))></textarea>
        </div>
        <TextField id="email" label="Email" value=draft.email kind="email" autocomplete="off"
            placeholder="name@company.com" error=err(|e| e.email.clone())/>
        <TextField id="linkedin" label="LinkedIn" value=draft.linkedin kind="url"
            placeholder="Profile link or name from the URL" error=err(|e| e.linkedin.clone())/>
        <label class="check">
            <input id="really-want" type="checkbox" prop:checked=draft.really_want
                on:change=move |ev| draft.really_want.set(event_target_checked(&ev))/>
            <span>"A job I really want"<small>" — adds a LinkedIn message a few days after the email"</small></span>
        </label>
        {if full {
            view! { <div class="more-fields">{more}</div> }.into_any()
        } else {
            view! { <details class="more"><summary>"More details"</summary>{more}</details> }.into_any()
        }}
    }
}
