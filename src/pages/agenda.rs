//! Home: the follow-ups due today, the overdue ones first, and the week ahead.
//!
//! The rows are a `Memo` over the pure `agenda(book, today)`; each row acts in one tap.

use crate::components::backup_reminder::BackupReminder;
use crate::components::step_actions::StepActions;
use crate::domain::agenda::{agenda, AgendaEntry};
use crate::domain::dates;
use crate::domain::playbook::{self, Hint};
use crate::domain::{Book, Contact, ContactId, Status, Step};
use crate::perf;
use crate::routes::Screen;
use crate::state::use_app;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::HashMap;

/// One agenda line, as the view needs it.
#[derive(Clone, PartialEq)]
struct Row {
    contact: ContactId,
    name: String,
    company: String,
    step: Step,
    status: Status,
    hint: Option<String>,
    hook: String,
}

fn rows(
    book: &Book,
    by_id: &HashMap<&ContactId, &Contact>,
    entries: &[AgendaEntry],
    today: NaiveDate,
) -> Vec<Row> {
    entries
        .iter()
        .filter_map(|entry| {
            let contact = *by_id.get(&entry.contact)?;
            // The missing-LinkedIn hint would repeat on most cards, and the composer offers
            // a search anyway. A missing email changes how to send, so that one is shown.
            let default_cadence = book.settings().default_cadence_days;
            let hint = playbook::view(contact, entry.step, default_cadence, today)
                .hint
                .filter(|h| *h == Hint::NoEmailAddress);
            Some(Row {
                contact: entry.contact.clone(),
                name: contact.name.clone(),
                company: contact.company.clone(),
                step: entry.step,
                status: entry.status,
                hint: hint.map(|h| h.to_string()),
                hook: contact.hook.clone(),
            })
        })
        .collect()
}

#[derive(Clone, PartialEq, Default)]
struct Sections {
    overdue: Vec<Row>,
    today: Vec<Row>,
    upcoming: Vec<Row>,
    contacts: usize,
}

#[component]
pub fn Agenda() -> impl IntoView {
    let state = use_app();
    let sections = Memo::new(move |_| {
        let today = state.today.get();
        state.book.with(|book| {
            let agenda = agenda(book, today);
            // One lookup table instead of a scan of the book per row.
            let by_id: HashMap<&ContactId, &Contact> =
                book.contacts_unordered().map(|c| (&c.id, c)).collect();
            Sections {
                overdue: rows(book, &by_id, &agenda.overdue, today),
                today: rows(book, &by_id, &agenda.today, today),
                upcoming: rows(book, &by_id, &agenda.upcoming, today),
                contacts: book.contact_count(),
            }
        })
    });
    let heading_date = move || {
        let today = state.today.get();
        format!("{} · {}", weekday_name(today), dates::long(today))
    };
    // For the bench: the first frame after the list is in the DOM (effects run after mount;
    // the timeout lets the frame that rAF precedes be painted).
    Effect::new(move || {
        request_animation_frame(|| {
            set_timeout(|| perf::mark("followup:agenda"), Default::default())
        })
    });
    view! {
        <main id="main" data-page="agenda" class="page">
            <header class="page-head">
                <h1>"Today"</h1>
                <p class="subtitle">{heading_date}</p>
            </header>
            {move || {
                let s = sections.get();
                if s.contacts == 0 {
                    return view! { <FirstRun/> }.into_any();
                }
                let counts = view! {
                    <ul class="agenda-counts" aria-label="Summary">
                        <li class="count overdue"><strong>{s.overdue.len()}</strong>" overdue"</li>
                        <li class="count due"><strong>{s.today.len()}</strong>" due today"</li>
                        <li class="count later"><strong>{s.upcoming.len()}</strong>" this week"</li>
                    </ul>
                };
                let caught_up = s.overdue.is_empty() && s.today.is_empty();
                view! {
                    <BackupReminder/>
                    {counts}
                    {caught_up.then(|| view! {
                        <section class="card caught-up">
                            <h2>"All caught up"</h2>
                            <p>"Nothing is due today. Met someone new? Add them while the chat is fresh."</p>
                            <A href=Screen::Capture.href() attr:class="button primary">"Add a contact"</A>
                        </section>
                    })}
                    <AgendaSection title="Overdue" class="overdue" rows=s.overdue/>
                    <AgendaSection title="Due today" class="due" rows=s.today/>
                    <AgendaSection title="Next 7 days" class="later" rows=s.upcoming/>
                }.into_any()
            }}
        </main>
    }
}

/// Rows drawn at first in each section; years of contacts can make hundreds overdue, and
/// drawing them all would delay the page. "Show more" adds this many again.
const ROWS_AT_ONCE: usize = 25;

#[component]
fn AgendaSection(title: &'static str, class: &'static str, rows: Vec<Row>) -> impl IntoView {
    let state = use_app();
    let total = rows.len();
    let rows = StoredValue::new(rows);
    let shown = RwSignal::new(ROWS_AT_ONCE);
    (total > 0).then(|| {
        let heading_id = format!("agenda-{class}");
        let more = move || {
            let left = total.saturating_sub(shown.get());
            (left > 0).then(|| view! {
                <button type="button" class="button secondary show-more"
                    on:click=move |_| shown.update(|n| *n += ROWS_AT_ONCE)>
                    {format!("Show {} more ({left} not shown)", left.min(ROWS_AT_ONCE))}
                </button>
            })
        };
        view! {
            <section class=format!("agenda-section {class}") aria-labelledby=heading_id.clone()>
                <h2 id=heading_id.clone()>{title}" "<span class="pill">{total}</span></h2>
                <ul class="agenda-list">
                    {move || rows.with_value(|rows| rows.iter().take(shown.get()).cloned().collect::<Vec<_>>()).into_iter().map(|row| {
                        let today = state.today.get_untracked();
                        let status = dates::status_text(row.status, today);
                        let actionable = matches!(row.status, Status::DueToday | Status::Overdue(_));
                        view! {
                            <li class="agenda-item card">
                                <div class="agenda-item-head">
                                    <A href=Screen::Contact(row.contact.clone()).href() attr:class="agenda-name">{row.name.clone()}</A>
                                    <span class=format!("status {class}")>{status}</span>
                                </div>
                                <p class="agenda-step">{row.step.label()}
                                    {(!row.company.is_empty()).then(|| view! { <span class="meta">" · " {row.company.clone()}</span> })}
                                </p>
                                {(!row.hook.is_empty()).then(|| view! { <p class="agenda-hook">{row.hook.clone()}</p> })}
                                {row.hint.clone().map(|h| view! { <p class="hint">{h}</p> })}
                                {actionable.then(|| view! { <StepActions contact=row.contact.clone() step=row.step/> })}
                                {(!actionable).then(|| view! {
                                    <div class="step-actions">
                                        <A href=Screen::Compose(row.contact.clone(), row.step).href() attr:class="button small">"Write it early"</A>
                                    </div>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {more}
            </section>
        }
    })
}

/// The empty state: what the habit is, and the first step.
#[component]
fn FirstRun() -> impl IntoView {
    view! {
        <section class="card first-run">
            <h2>"Meet someone. Follow up. Every time."</h2>
            <p>"Most students never follow up after a career fair chat. The ones who do get noticed. Followup keeps the habit for you:"</p>
            <ol class="habit">
                <li><strong>"Capture"</strong>" their name, email and what you talked about — it takes seconds, even with no signal."</li>
                <li><strong>"Connect on LinkedIn"</strong>" the same day, with a note that mentions your chat."</li>
                <li><strong>"Email within 1–3 days"</strong>": a short write-up, your resume and a request for a follow-up chat."</li>
                <li><strong>"Keep in touch"</strong>" — and ask engineers to introduce you to a recruiter."</li>
            </ol>
            <p>"Each day, this page lists exactly who to follow up with, with the message already drafted."</p>
            <A href=Screen::Capture.href() attr:class="button primary">"Add your first contact"</A>
        </section>
    }
}

fn weekday_name(date: NaiveDate) -> &'static str {
    match date.weekday() {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    }
}
