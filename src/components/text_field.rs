//! The one labelled text input of every form (capture and edit, Settings, events): label,
//! optional "(optional)" mark and hint, and an inline error tied to the input with
//! `aria-invalid` and `aria-describedby` (`view::field::described_by`).

use crate::view::field::described_by;
use leptos::html::Input;
use leptos::prelude::*;

/// A labelled input bound to `value`. `error` is shown under it while it is `Some`;
/// `on_input` runs after each change (forms use it to clear an error once the student types).
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] on_input: Option<Callback<()>>,
    #[prop(optional)] hint: &'static str,
    /// Marks the label "(optional)".
    #[prop(optional)]
    optional: bool,
    #[prop(optional)] required: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autocapitalize: Option<&'static str>,
    #[prop(default = NodeRef::new())] node_ref: NodeRef<Input>,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let has_hint = !hint.is_empty();
    let described = move || described_by(id, has_hint, error.with(Option::is_some));
    view! {
        <div class="field">
            <label for=id>
                {label}
                {optional.then(|| view! { <span class="optional">" (optional)"</span> })}
            </label>
            <input id=id node_ref=node_ref type=kind placeholder=placeholder
                autocomplete=autocomplete inputmode=inputmode autocapitalize=autocapitalize
                required=required
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                prop:value=value
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    if let Some(f) = on_input {
                        f.run(());
                    }
                }/>
            {has_hint.then(|| view! { <p id=format!("{id}-hint") class="field-hint">{hint}</p> })}
            {move || error.get().map(|e| view! {
                <p id=format!("{id}-error") class="field-error" role="alert">{e}</p>
            })}
        </div>
    }
}
