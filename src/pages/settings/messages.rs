//! Settings → Messages: each template with its text box, the parse error if any, a live
//! preview with a sample contact, and Save / Undo / Reset; and the placeholders one can use.
//!
//! A template that does not parse is shown with its error and never sent to the book.
//! Ids, box sizes and the note's length in words come from `view::settings`.

use super::SavedNote;
use crate::domain::note::NoteLength;
use crate::domain::{Command, Context, Placeholder, Template, TemplateKind};
use crate::state::use_app;
use crate::view::settings::{self, TemplateIds};
use leptos::prelude::*;

#[component]
pub(super) fn Messages() -> impl IntoView {
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
                        <dt><code>{settings::placeholder_code(p.name())}</code></dt>
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
    if settings::is_subject(kind) {
        return view! {
            <input id=id.to_string() type="text" autocomplete="off" spellcheck="true"
                aria-describedby=described_by aria-invalid=invalid
                prop:value=text on:input=on_input/>
        }
        .into_any();
    }
    view! {
        <textarea id=id.to_string() rows=settings::text_rows(kind) spellcheck="true"
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
            let text = settings::note_length_text(length);
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

    let ids = TemplateIds::of(kind);
    let TemplateIds {
        input: id,
        error: error_id,
        preview: preview_id,
    } = ids.clone();
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
    let editor = template_input(kind, &id, ids.described_by(), invalid, text, on_input);
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
                    {if settings::is_subject(kind) { "Subject line" } else { "Message" }}
                    <span class="visually-hidden">{settings::label_suffix(kind)}</span>
                </label>
                {editor}
                <div id=error_id.clone()>
                    {move || error_message().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </div>
                <TemplatePreview id=preview_id preview/>
                {settings::is_note(kind).then(|| view! { <NoteLengthHint preview premium/> })}
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
