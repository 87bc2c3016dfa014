//! Merge: two contacts that are one person become one. The page lists every field both
//! have with different values and lets the student pick a side for each; everything else
//! (fields only one has, tags, both logs, every step done, every event met at) is kept.
//! After merging, Undo puts both contacts back exactly as they were.
//!
//! The two contacts are copied when the page opens, so the undo restores what was merged
//! even after the book changed.

use crate::domain::merge::{choosable, conflicts, merged, show, Choices};
use crate::domain::{Book, Command, Contact, ContactField, ContactId};
use crate::routes::Screen;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// How far the merge has got (not a playbook `Step`).
#[derive(Clone, Debug, PartialEq)]
enum MergeStage {
    Choosing,
    Merged,
    Undone,
    Failed(String),
}

#[component]
pub fn MergeContacts() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let ids = params.with_untracked(|p| {
        (
            ContactId::new(p.get("id").unwrap_or_default()),
            ContactId::new(p.get("other").unwrap_or_default()),
        )
    });
    let pair = state.book.with_untracked(|b| {
        Some((b.contact(&ids.0)?.clone(), b.contact(&ids.1)?.clone())).filter(|(a, b)| a.id != b.id)
    });
    view! {
        <main id="main" data-page="merge" class="page merge-page">
            <header class="page-head">
                <h1>"Merge contacts"</h1>
                <p class="subtitle">"One person, one contact: pick what to keep."</p>
            </header>
            {match pair {
                Some((kept, other)) => view! { <MergeForm kept other/> }.into_any(),
                None => view! {
                    <section class="card">
                        <p role="status">"One of these contacts is no longer in your book, so there is nothing to merge."</p>
                        <A href=Screen::Contacts.href() attr:class="button">"All contacts"</A>
                    </section>
                }.into_any(),
            }}
        </main>
    }
}

#[component]
fn MergeForm(kept: Contact, other: Contact) -> impl IntoView {
    let state = use_app();
    let book = state.book.get_untracked();
    let fields = conflicts(&book, &kept, &other);
    let choices = RwSignal::new(Choices::default());
    let stage = RwSignal::new(MergeStage::Choosing);
    let (kept_id, other_id) = (kept.id.clone(), other.id.clone());
    let carried = carried_over(&book, &kept, &other);

    let merge = {
        let (kept_id, other_id) = (kept_id.clone(), other_id.clone());
        move |_| {
            let cmd = Command::MergeContacts {
                keep: kept_id.clone(),
                other: other_id.clone(),
                choices: choices.get_untracked(),
                at: state.now().at,
            };
            stage.set(match state.apply(cmd) {
                Ok(()) => MergeStage::Merged,
                Err(e) => MergeStage::Failed(e.to_string()),
            });
        }
    };
    let undo = {
        let both = vec![kept.clone(), other.clone()];
        move |_| {
            let cmd = Command::RestoreContacts {
                contacts: both.clone(),
                at: state.now().at,
            };
            stage.set(match state.apply(cmd) {
                Ok(()) => MergeStage::Undone,
                Err(e) => MergeStage::Failed(e.to_string()),
            });
        }
    };

    let rows = fields
        .iter()
        .map(|&field| {
            let mine = show(&book, field, &kept.fields());
            let theirs = show(&book, field, &other.fields());
            view! { <FieldChoice field mine theirs choices/> }
        })
        .collect_view();
    let none_to_choose = fields.is_empty();
    let kept_href = Screen::Contact(kept_id.clone()).href();
    let other_href = Screen::Contact(other_id.clone()).href();
    view! {
        <section class="card merge-pair" aria-label="The two contacts">
            <p>"Merging "<strong>{other.name.clone()}</strong>" into "<strong>{kept.name.clone()}</strong>"."</p>
            <p class="meta">{carried}</p>
        </section>
        <section class="card merge-fields" aria-labelledby="merge-fields-title"
            hidden=move || stage.get() != MergeStage::Choosing>
                <h2 id="merge-fields-title">"Where they differ"</h2>
                {none_to_choose.then(|| view! { <p>"Nothing to choose: they agree on every field both have."</p> })}
                {rows}
                <div class="form-actions">
                    <button id="merge-confirm" type="button" class="button primary" on:click=merge>"Merge"</button>
                    <A href=other_href attr:class="button">"Cancel"</A>
                </div>
        </section>
        <MergeOutcome stage kept_href undo/>
    }
}

/// After Merge: "Merged" with Open them and Undo, "Undone", or why it failed.
#[component]
fn MergeOutcome(
    stage: RwSignal<MergeStage>,
    kept_href: String,
    undo: impl Fn(leptos::ev::MouseEvent) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        match stage.get() {
        MergeStage::Choosing => None,
        MergeStage::Merged => Some(view! {
            <section class="card merge-done" role="status">
                <p>"Merged into one contact. Both logs and every step done were kept."</p>
                <div class="form-actions">
                    <A href=kept_href.clone() attr:class="button primary" attr:id="merge-open">"Open them"</A>
                    <button id="merge-undo" type="button" class="button" on:click=undo.clone()>"Undo"</button>
                </div>
            </section>
        }.into_any()),
        MergeStage::Undone => Some(view! {
            <section class="card merge-done" role="status">
                <p>"Undone: both contacts are back as they were."</p>
                <A href=Screen::Contacts.href() attr:class="button">"All contacts"</A>
            </section>
        }.into_any()),
        MergeStage::Failed(message) => Some(view! {
            <p class="field-error" role="alert">{message}</p>
        }.into_any()),
    }
    }
}

/// One field both contacts have: two radio buttons, the kept contact's value first.
#[component]
fn FieldChoice(
    field: ContactField,
    mine: String,
    theirs: String,
    choices: RwSignal<Choices>,
) -> impl IntoView {
    let name = format!("merge-{}", field.slug());
    let (kept_id, other_id) = (format!("{name}-kept"), format!("{name}-other"));
    view! {
        <fieldset class="merge-field">
            <legend>{field.label()}</legend>
            <label class="merge-option">
                <input type="radio" id=kept_id name=name.clone()
                    prop:checked=move || !choices.with(|c| c.takes_other(field))
                    on:change=move |_| choices.update(|c| c.set(field, false))/>
                <span>{mine}</span>
            </label>
            <label class="merge-option">
                <input type="radio" id=other_id name=name
                    prop:checked=move || choices.with(|c| c.takes_other(field))
                    on:change=move |_| choices.update(|c| c.set(field, true))/>
                <span>{theirs}</span>
            </label>
        </fieldset>
    }
}

/// "Also kept: phone, LinkedIn …" — the fields only the other contact has.
fn carried_over(book: &Book, kept: &Contact, other: &Contact) -> String {
    let merged = merged(book, kept, other, &Choices::default(), 0);
    let (kept, merged) = (kept.fields(), merged.fields());
    let filled: Vec<&str> = choosable()
        .filter(|f| show(book, *f, &kept).is_empty() && !show(book, *f, &merged).is_empty())
        .map(ContactField::label)
        .collect();
    let mut text =
        String::from("Both logs, every step done and every event they were met at are kept.");
    if !filled.is_empty() {
        text.push_str(&format!(
            " Added from the other contact: {}.",
            filled.join(", ")
        ));
    }
    text
}
