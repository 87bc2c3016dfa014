//! "May already be in your book": shown on capture (typed, scanned or shared) as soon as
//! the name and company, email or LinkedIn link match a contact, with Open them, Add
//! anyway and Merge. Matching is `domain::duplicates`; the book is indexed once per change,
//! not once per keystroke. `PossibleDuplicates` lists them on a contact's page.

use crate::components::contact_form::ContactDraft;
use crate::domain::duplicates::{duplicates_of, Known, Person};
use crate::domain::{Contact, ContactField, ContactId, Email, LinkedIn};
use crate::routes::Screen;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

/// One contact the person being typed may be.
#[derive(Clone, Debug, PartialEq)]
struct Suspect {
    id: ContactId,
    name: String,
    company: String,
    reason: &'static str,
}

/// The warning for `draft`. `merge(existing)` saves the person being added and opens the
/// merge screen with `existing`.
#[component]
pub fn DuplicateWarning(draft: ContactDraft, merge: Callback<ContactId>) -> impl IntoView {
    let state = use_app();
    let known = Memo::new(move |_| state.book.with(Known::new));
    let dismissed = RwSignal::new(Vec::<ContactId>::new());
    let suspects = Memo::new(move |_| {
        let text = |field: ContactField| draft.field(field).get();
        let email = Email::parse(&text(ContactField::Email)).ok();
        let linkedin = LinkedIn::parse(&text(ContactField::LinkedIn)).ok();
        let (name, company) = (text(ContactField::Name), text(ContactField::Company));
        let id = ContactId::default();
        let found = known.with(|k| {
            k.matches(Person {
                id: &id,
                name: &name,
                company: &company,
                email: email.as_ref(),
                linkedin: linkedin.as_ref(),
            })
        });
        state.book.with(|b| {
            found
                .into_iter()
                .filter_map(|m| {
                    let c = b.contact(&m.existing)?;
                    Some(Suspect {
                        id: c.id.clone(),
                        name: c.name.clone(),
                        company: c.company.clone(),
                        reason: m.reason.describe(),
                    })
                })
                .filter(|s| !dismissed.with(|d| d.contains(&s.id)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !suspects.with(Vec::is_empty)>
            <section class="card duplicate-warning" id="duplicate-warning" role="status" aria-labelledby="duplicate-title">
                <h2 id="duplicate-title">"May already be in your book"</h2>
                <ul class="duplicate-list">
                    <For each=move || suspects.get() key=|s| s.id.clone() let:s>
                        <li class="duplicate-row">
                            <p>
                                <strong>{s.name.clone()}</strong>
                                {(!s.company.is_empty()).then(|| format!(", {}", s.company))}
                                <span class="meta">{format!(" — {}", s.reason)}</span>
                            </p>
                            <div class="duplicate-actions">
                                <A href=Screen::Contact(s.id.clone()).href() attr:class="button small duplicate-open">"Open them"</A>
                                <button type="button" class="button small duplicate-merge"
                                    on:click={let id = s.id.clone(); move |_| merge.run(id.clone())}>"Merge"</button>
                                <button type="button" class="button small duplicate-dismiss"
                                    on:click={let id = s.id.clone(); move |_| dismissed.update(|d| d.push(id.clone()))}>"Add anyway"</button>
                            </div>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// On a contact's page: the other contacts that may be the same person, each with Merge
/// (this contact is kept). Nothing is shown when there are none.
#[component]
pub fn PossibleDuplicates(contact: Memo<Contact>) -> impl IntoView {
    let state = use_app();
    let suspects = Memo::new(move |_| {
        contact.with(|c| {
            state.book.with(|b| {
                duplicates_of(b, Person::from(c))
                    .into_iter()
                    .filter_map(|m| {
                        let other = b.contact(&m.existing)?;
                        Some((
                            c.id.clone(),
                            other.id.clone(),
                            other.name.clone(),
                            m.reason.describe(),
                        ))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || !suspects.with(Vec::is_empty)>
            <section class="card duplicate-warning" aria-labelledby="possible-duplicates-title">
                <h2 id="possible-duplicates-title">"Maybe the same person"</h2>
                <ul class="duplicate-list">
                    <For each=move || suspects.get() key=|s| s.1.clone() let:s>
                        <li class="duplicate-row">
                            <p><strong>{s.2.clone()}</strong><span class="meta">{format!(" — {}", s.3)}</span></p>
                            <div class="duplicate-actions">
                                <A href=Screen::Contact(s.1.clone()).href() attr:class="button small">"Open them"</A>
                                <A href=Screen::Merge(s.0.clone(), s.1.clone()).href() attr:class="button small duplicate-merge">"Merge"</A>
                            </div>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}
