//! Companies: the people the student knows, grouped by company ("Figma" and "figma, inc."
//! are one), with who is an engineer or a recruiter, the last touch, where referrals
//! stand, and one tap to capture another person there (capture opens with the company
//! filled in).
//!
//! A lazy route. This page never changes the book; grouping is `domain::companies`.

use crate::domain::companies::{companies, Company};
use crate::domain::Kind;
use crate::routes::Screen;
use crate::state::use_app;
use crate::view::insights::company_line;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Companies() -> impl IntoView {
    let state = use_app();
    let found = Memo::new(move |_| state.book.with(companies));
    let without = move || found.with(|f| f.without_company);
    view! {
        <main id="main" data-page="companies" class="page">
            <header class="page-head">
                <h1>"Companies"</h1>
                <p class="subtitle">"Who you know where. Engineers can refer you; recruiters decide who gets an interview."</p>
            </header>
            <Show when=move || found.with(|f| !f.list.is_empty()) fallback=move || view! {
                <section class="card empty">
                    <h2>"No companies yet"</h2>
                    <p>"When you add people with their company, they are grouped here, so you see at a glance who you know at each one."</p>
                    <A href=Screen::Capture.href() attr:class="button primary">"Add a contact"</A>
                </section>
            }>
                <ul class="companies-list">
                    <For each=move || found.get().list key=|c| c.clone() let:company>
                        <li><CompanyCard company/></li>
                    </For>
                </ul>
            </Show>
            {move || match without() {
                0 => None,
                n => Some(view! {
                    <p class="meta companies-without">{if n == 1 {
                        "1 person has no company yet.".to_string()
                    } else {
                        format!("{n} people have no company yet.")
                    }}" "<A href=Screen::Contacts.href()>"See your contacts"</A></p>
                }),
            }}
        </main>
    }
}

/// One company: its name, who you know there, and "Add someone at …".
#[component]
fn CompanyCard(company: Company) -> impl IntoView {
    let state = use_app();
    let title_id = format!("company-{}", company.key.replace(' ', "-"));
    let line = {
        let company = company.clone();
        move || company_line(&company, state.today.get())
    };
    view! {
        <article class="card company" aria-labelledby=title_id.clone()>
            <div class="company-head">
                <h2 id=title_id.clone()>{company.name.clone()}</h2>
                {company.referral.map(|r| view! {
                    <span class="company-referral">{format!("Referral: {}", r.label().to_lowercase())}</span>
                })}
            </div>
            <p class="meta company-line">{line}</p>
            <ul class="company-people">
                {company.people.clone().into_iter().map(|m| view! {
                    <li>
                        <A href=Screen::Contact(m.id.clone()).href()>{m.name}</A>
                        {(m.kind != Kind::Other).then(|| view! {
                            <span class=format!("company-kind {}", m.kind.label().to_lowercase())>{m.kind.label()}</span>
                        })}
                        {(!m.title.is_empty()).then(|| view! { <span class="meta">{m.title}</span> })}
                        {m.referral.map(|r| view! { <span class="meta company-person-referral">{format!("referral: {}", r.label().to_lowercase())}</span> })}
                    </li>
                }).collect_view()}
            </ul>
            <A href=Screen::CaptureAt(company.name.clone()).href() attr:class="button small company-add">
                <span aria-hidden="true">"+"</span>{format!("Add someone at {}", company.name)}
            </A>
        </article>
    }
}
