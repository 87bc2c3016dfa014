//! Referrals: every referral ask with who, company, role, state, days in that state and
//! the next action, overdue asks (no answer after a week) first. A lazy route; the rows
//! come from `view::outcomes::referral_rows`.

use crate::components::icons::{Icon, Svg};
use crate::domain::ReferralState;
use crate::routes::Screen;
use crate::state::use_app;
use crate::view::outcomes::{referral_rows, ReferralRow};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Referrals() -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| {
        let today = state.today.get();
        state.book.with(|b| referral_rows(b, today))
    });
    let count = move || {
        rows.with(|r| {
            let open = r
                .iter()
                .filter(|row| !matches!(row.state, ReferralState::Offer | ReferralState::NotNow))
                .count();
            match (r.len(), open) {
                (1, _) => "1 referral ask".to_string(),
                (n, o) => format!("{n} referral asks, {o} still moving"),
            }
        })
    };
    view! {
        <main id="main" data-page="referrals" class="page">
            <header class="page-head">
                <A href=Screen::Contacts.href() attr:class="back"><Svg icon=Icon::Back/>"Contacts"</A>
                <h1>"Referrals"</h1>
                <Show when=move || rows.with(|r| !r.is_empty())>
                    <p class="subtitle">{count}</p>
                </Show>
            </header>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! {
                <section class="card empty">
                    <h2>"No referral asks yet"</h2>
                    <p>"A week after your follow-up email, Followup suggests asking each engineer for an intro to a recruiter. Each ask shows up here, from asked to introduced, applied, interviewing and the offer."</p>
                </section>
            }>
                <ol class="referrals">
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <Row row/>
                    </For>
                </ol>
            </Show>
        </main>
    }
}

#[component]
fn Row(row: ReferralRow) -> impl IntoView {
    let state_class = format!(
        "state state-{}",
        row.state.label().to_lowercase().replace(' ', "-")
    );
    let at = match (row.company.is_empty(), row.role.is_empty()) {
        (false, false) => format!("{} · {}", row.company, row.role),
        (false, true) => row.company.clone(),
        (true, false) => row.role.clone(),
        (true, true) => String::new(),
    };
    view! {
        <li class="card referral" class:overdue=row.overdue>
            <div class="row-top">
                <A href=Screen::Contact(row.contact.clone()).href() attr:class="name">{row.name.clone()}</A>
                <span class=state_class>{row.state.label()}</span>
            </div>
            {(!at.is_empty()).then(|| view! { <p class="at">{at}</p> })}
            <p class="next"><span class="days">{row.days.clone()}</span>" · "{row.next.clone()}</p>
        </li>
    }
}
