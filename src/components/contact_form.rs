//! The fields of a contact, shared by capture and edit.
//!
//! `ContactDraft` holds what is being typed: one text signal per field of
//! `ContactField::ALL` (never domain values with signals inside). `validate` hands a snapshot to the view model
//! (`view::contact_form::ContactInput::parse`) and marks the fields that are wrong;
//! nothing typed is ever cleared by a failed validation.

use crate::components::text_field::TextField;
use crate::domain::{ContactField, ContactId, Kind, NewContact};
use crate::state::use_app;
use crate::view::contact_form::{ContactInput, FieldErrors};
use leptos::html::Input;
use leptos::prelude::*;
use ContactField as F;

/// What is being typed into the contact form: one text per field of `ContactField::ALL`.
#[derive(Clone, Copy)]
pub struct ContactDraft {
    texts: [RwSignal<String>; ContactField::ALL.len()],
    pub errors: RwSignal<FieldErrors>,
}

impl ContactDraft {
    /// A draft prefilled from `fields`.
    pub fn new(fields: &NewContact) -> ContactDraft {
        let input = ContactInput::from_fields(fields);
        ContactDraft {
            texts: ContactField::ALL.map(|f| RwSignal::new(input.get(f).to_string())),
            errors: RwSignal::new(FieldErrors::default()),
        }
    }

    /// The text typed for `field`.
    pub fn field(&self, field: ContactField) -> RwSignal<String> {
        self.texts[field as usize]
    }

    /// What the form holds now.
    fn input(&self) -> ContactInput {
        let mut input = ContactInput::default();
        for field in ContactField::ALL {
            input.set(field, self.field(field).get_untracked());
        }
        input
    }

    /// Clears what is personal to one contact, keeping the event, the date and the kind
    /// (capture mode: the next person met at a fair is often of the same kind).
    pub fn clear_person(&self) {
        let empty = ContactInput::default();
        for field in ContactField::ALL {
            if !matches!(field, F::Event | F::MetOn | F::Kind) {
                self.field(field).set(empty.get(field).to_string());
            }
        }
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
pub fn KindPicker(kind: RwSignal<String>) -> impl IntoView {
    view! {
        <fieldset class="segmented">
            <legend>"They are"</legend>
            {Kind::ALL.into_iter().map(|k| view! {
                <label class:selected=move || kind.with(|t| t == k.label())>
                    <input type="radio" name="kind" prop:checked=move || kind.with(|t| t == k.label())
                        on:change=move |_| kind.set(k.label().to_string())/>
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
    let err =
        move |field: ContactField| Signal::derive(move || draft.errors.with(|e| e.get(field)));
    let events = Memo::new(move |_| {
        state.book.with(|b| {
            b.events()
                .map(|e| (e.id.to_string(), e.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let (event, notes, hook, really_want) = (
        draft.field(F::Event),
        draft.field(F::Notes),
        draft.field(F::Hook),
        draft.field(F::ReallyWant),
    );
    let more = view! {
        <TextField id="pronouns" label="Pronouns" value=draft.field(F::Pronouns) placeholder="she/her, they/them"
            autocapitalize="none" error=err(F::Pronouns)/>
        <TextField id="title" label="Job title" value=draft.field(F::Title) placeholder="Software Engineer"/>
        <TextField id="phone" label="Phone" value=draft.field(F::Phone) kind="tel"/>
        <div class="field">
            <label for="event">"Where you met"</label>
            <select id="event" on:change=move |ev| event.set(event_target_value(&ev))>
                <option value="" selected=move || event.with(String::is_empty)>"No event"</option>
                <For each=move || events.get() key=|e| e.clone() let:e>
                    <option value=e.0.clone() selected={let id = e.0.clone(); move || event.with(|v| *v == id)}>{e.1.clone()}</option>
                </For>
            </select>
        </div>
        <TextField id="met-on" label="Date you met" value=draft.field(F::MetOn) kind="date" error=err(F::MetOn)/>
        <TextField id="tags" label="Tags" value=draft.field(F::Tags) placeholder="backend, dream company (comma-separated)"/>
        <div class="field">
            <label for="notes">"Notes"</label>
            <textarea id="notes" rows="3" prop:value=notes on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
        </div>
        <TextField id="cadence" label="Keep in touch every … days" value=draft.field(F::Cadence) kind="number"
            placeholder="Default from Settings" error=err(F::Cadence)/>
    };
    view! {
        <TextField id="name" label="Name" value=draft.field(F::Name) error=err(F::Name) node_ref=name_ref
            placeholder="Who did you meet?"/>
        <KindPicker kind=draft.field(F::Kind)/>
        <TextField id="company" label="Company" value=draft.field(F::Company) placeholder="Where they work"/>
        <TextField id="role" label="Role or team they mentioned" value=draft.field(F::Role) placeholder="Summer internship, Payments team"/>
        <div class="field">
            <label for="hook">"What you talked about"</label>
            <textarea id="hook" rows="3" placeholder="A few words your messages will quote, e.g. their move to Rust"
                prop:value=hook on:input=move |ev| hook.set(event_target_value(&ev))></textarea>
        </div>
        <TextField id="email" label="Email" value=draft.field(F::Email) kind="email" autocomplete="off"
            placeholder="name@company.com" error=err(F::Email)/>
        <TextField id="linkedin" label="LinkedIn" value=draft.field(F::LinkedIn) kind="url"
            placeholder="Profile link or name from the URL" error=err(F::LinkedIn)/>
        <label class="check">
            <input id="really-want" type="checkbox" prop:checked=move || really_want.with(|v| v == "yes")
                on:change=move |ev| really_want.set((if event_target_checked(&ev) { "yes" } else { "no" }).to_string())/>
            <span>"A job I really want"<small>" — adds a LinkedIn message a few days after the email"</small></span>
        </label>
        {if full {
            view! { <div class="more-fields">{more}</div> }.into_any()
        } else {
            view! { <details class="more"><summary>"More details"</summary>{more}</details> }.into_any()
        }}
    }
}
