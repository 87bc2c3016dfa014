//! The top of the contact page: name and pronouns, role, kind and the links to reach them; what you
//! talked about; where you met and how to reach them.

use crate::domain::mailto::mailto_url;
use crate::domain::{dates, profile_or_search, Contact, ContactId};
use crate::routes::Screen;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

/// Name (pronouns), "title at company", kind, and Email / LinkedIn / Call.
#[component]
pub fn Heading(contact: Memo<Contact>) -> impl IntoView {
    move || {
        contact.with(|c| {
            let subtitle = match (c.title.is_empty(), c.company.is_empty()) {
                (false, false) => format!("{} at {}", c.title, c.company),
                (false, true) => c.title.clone(),
                (true, false) => c.company.clone(),
                (true, true) => String::new(),
            };
            let linkedin = profile_or_search(c.linkedin.as_ref(), &c.name, &c.company);
            let linkedin_text = if c.linkedin.is_some() {
                "LinkedIn"
            } else {
                "Find on LinkedIn"
            };
            let email = c.email.as_ref().map(|e| mailto_url(e.as_str(), "", ""));
            let phone = (!c.phone.is_empty()).then(|| {
                let digits: String = c
                    .phone
                    .chars()
                    .filter(|ch| ch.is_ascii_digit() || *ch == '+')
                    .collect();
                format!("tel:{digits}")
            });
            view! {
                <div class="title-row">
                    <h1>
                        {c.name.clone()}
                        {(!c.pronouns.is_empty()).then(|| view! {
                            " "<span class="pronouns">"(" {c.pronouns.clone()} ")"</span>
                        })}
                    </h1>
                    {c.really_want.then(|| view! {
                        <span class="star" title="A job you really want">
                            <span aria-hidden="true">"★"</span>
                            <span class="visually-hidden">"A job you really want"</span>
                        </span>
                    })}
                </div>
                {(!subtitle.is_empty()).then(|| view! { <p class="subtitle">{subtitle}</p> })}
                <p class="badges">
                    <span class=format!("badge kind-{}", c.kind.label().to_lowercase())>{c.kind.label()}</span>
                </p>
                <nav class="quick-links" aria-label="Reach out">
                    {email.map(|href| view! {
                        <a class="button small" href=href>"Email"</a>
                    })}
                    <a class="button small" href=linkedin target="_blank" rel="noopener noreferrer">
                        {linkedin_text}<span class="visually-hidden">" (opens in a new tab)"</span>
                    </a>
                    {phone.map(|href| view! { <a class="button small" href=href>"Call"</a> })}
                </nav>
            }
        })
    }
}

/// What you talked about, and the role they mentioned.
#[component]
pub fn About(id: Memo<ContactId>, contact: Memo<Contact>) -> impl IntoView {
    let state = use_app();
    let edit_href = move || Screen::EditContact(id.get()).href();
    move || {
        contact.with(|c| {
            // What the event's plan prepared for their company.
            let planned = state.book.with(|b| {
                crate::domain::prep::prepared_for(b, c)
                    .map(|t| t.planned_line())
                    .filter(|line| !line.is_empty())
            });
            let hook = if c.hook.is_empty() {
                view! {
                    <p class="hook empty-hook">"Nothing noted yet. The detail you talked about is what makes every follow-up personal."</p>
                    <A href=edit_href attr:class="link-button">"Add it now"</A>
                }
                .into_any()
            } else {
                view! { <p class="hook">{c.hook.clone()}</p> }.into_any()
            };
            view! {
                <h2>"What you talked about"</h2>
                {hook}
                {(!c.role.is_empty()).then(|| view! {
                    <dl class="facts"><div><dt>"Role or team"</dt><dd>{c.role.clone()}</dd></div></dl>
                })}
                {planned.map(|line| view! { <p class="meta planned" id="contact-planned">{format!("Planned: {line}")}</p> })}
            }
        })
    }
}

/// Where you met, email, phone, tags and notes.
#[component]
pub fn Details(contact: Memo<Contact>) -> impl IntoView {
    let state = use_app();
    move || {
        contact.with(|c| {
            let met = state.book.with(|b| match b.event_of(c) {
                Some(event) => format!("{}, {}", event.name, dates::long(c.met_on)),
                None => dates::long(c.met_on),
            });
            let row = |term: &'static str, value: String| {
                (!value.is_empty()).then(|| view! { <div><dt>{term}</dt><dd>{value}</dd></div> })
            };
            view! {
                <h2>"Details"</h2>
                <dl class="facts">
                    {row("Where you met", met)}
                    {row("Email", c.email.as_ref().map(|e| e.as_str().to_string()).unwrap_or_default())}
                    {row("Phone", c.phone.clone())}
                </dl>
                {(!c.tags.is_empty()).then(|| view! {
                    <ul class="tags" aria-label="Tags">
                        {c.tags.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                    </ul>
                })}
                {(!c.notes.is_empty()).then(|| view! {
                    <h3>"Notes"</h3>
                    <p class="notes">{c.notes.clone()}</p>
                })}
            }
        })
    }
}
