//! Home: the follow-ups due today, the overdue ones first, the week ahead, and the missed
//! ones (more than two weeks late) folded away with Try again / Skip / Skip all.
//!
//! The rows are a `Memo` over the pure `view::agenda::agenda_screen(book, today)`; each
//! row acts through the shared `StepActions`. An empty book's page (the set-up card and the
//! welcome) is in the main module; a book's screen and rows ([`agenda_body`]) are drawn by
//! the deferred module (`crate::deferred`), which only a stored or saved book fetches.
//!
//! Its links are plain `<a href>`: the router catches their clicks all the same, and
//! Leptos's `<A>` adds only the active state (`aria-current`), which no row link has, at
//! the cost of a memo and two effects a link, for every row of a start.

use crate::components::backup_reminder::BackupReminder;
use crate::components::notice::{use_notices, Notice};
use crate::components::reminder_offer::ReminderOffer;
use crate::components::setup::Setup;
use crate::components::step_actions::{StepActions, StepCommands};
use crate::deferred;
use crate::domain::{dates, Command};
use crate::perf;
use crate::routes::Screen;
use crate::state::use_app;
use crate::view::agenda::{agenda_screen, counts, glance_screen, AgendaRow, AgendaScreen};
use crate::view::steps::UndoStep;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// In context while another day's agenda is drawn off the page for the picture
/// (`crate::picture`): that copy sets no marks, reads nothing and keeps no picture.
#[derive(Clone, Copy)]
pub struct Picturing;

#[component]
pub fn Agenda() -> impl IntoView {
    let state = use_app();
    let live = use_context::<Picturing>().is_none();
    // Whether the book has no contacts (the glance's count while the book is being read).
    let empty = Memo::new(move |_| {
        let count = state.with_glance(|g| g.count);
        count.unwrap_or_else(|| state.book.with(|b| b.contact_count())) == 0
    });
    // The set-up card, until the student saves or skips it.
    let offer_setup = Memo::new(move |_| {
        state
            .book
            .with(|b| !b.settings().setup_seen && b.profile().name.is_empty())
    });
    let heading_date = move || {
        let today = state.today.get();
        format!("{} · {}", weekday_name(today), dates::long(today))
    };
    // For the bench: the first frame after the list is in the DOM (effects run after mount;
    // the timeout lets the frame that rAF precedes be painted). Then the book is read, if
    // the agenda was drawn from the digests.
    Effect::new(move || {
        if !live {
            return;
        }
        request_animation_frame(move || {
            set_timeout(
                move || {
                    perf::mark("followup:agenda");
                    state.read_in_steps();
                },
                Default::default(),
            )
        })
    });
    view! {
        <main id="main" data-page="agenda" class="page">
            <header class="page-head">
                <h1>"Today"</h1>
                <p class="subtitle" id="today-date">{heading_date}</p>
            </header>
            {move || {
                if empty.get() {
                    return view! {
                        {offer_setup.get().then(|| view! { <Setup/> })}
                        <FirstRun/>
                    }.into_any();
                }
                // The rows' code (the screen's, and the step actions') is the deferred
                // module's: a stored book fetched it before the app was mounted, a first
                // save after.
                match deferred::get_tracked() {
                    Some(deferred) => (deferred.agenda_body)(),
                    None => {
                        deferred::preload();
                        view! {
                            <p class="card agenda-loading" role="status">"Loading your follow-ups…"</p>
                        }.into_any()
                    }
                }
            }}
        </main>
    }
}

/// The agenda of a book with contacts, redrawn when the screen changes. Called through
/// [`crate::deferred::Deferred::agenda_body`] only, so that in the release build all of it
/// (the screen's computation, the rows, the step actions) lives in the deferred module,
/// which a first visit with nothing stored never fetches.
pub fn agenda_body() -> AnyView {
    let state = use_app();
    // From the digests while the book is still being read, then from the book: the same
    // screen, so the rows drawn first stay.
    let screen = Memo::new(move |_| {
        let today = state.today.get();
        let early = state.with_glance(|g| glance_screen(g, today));
        early.unwrap_or_else(|| state.book.with(|book| agenda_screen(book, today)))
    });
    // Once the rows are drawn (effects run after the view), the agenda as drawn is kept
    // for the next start's shell (`crate::picture`).
    if use_context::<Picturing>().is_none() {
        Effect::new(move || {
            screen.track();
            crate::picture::keep(state);
        });
    }
    (move || agenda_rows(screen.get())).into_any()
}

/// The backup reminder, the counts, and each section's rows with their actions.
fn agenda_rows(s: AgendaScreen) -> AnyView {
    let counts = view! {
        <ul class="agenda-counts" aria-label="Follow-ups">
            {counts(&s).into_iter().map(|c| view! {
                <li class=format!("count {}", c.class)><strong>{c.number}</strong>" "{c.words}</li>
            }).collect_view()}
        </ul>
    };
    let caught_up = s.caught_up();
    view! {
        <BackupReminder/>
        <ReminderOffer/>
        {counts}
        {caught_up.then(|| view! {
            <section class="card caught-up">
                <h2>"All caught up"</h2>
                <p>"Nothing is due today. Met someone new? Add them while the chat is fresh."</p>
                <a href=Screen::Capture.href() class="button primary">"Add a contact"</a>
            </section>
        })}
        <AgendaSection title="Overdue" class="overdue" rows=s.overdue/>
        <AgendaSection title="Due today" class="due" rows=s.today/>
        <AgendaSection title="Next 7 days" class="later" rows=s.upcoming/>
        <Missed rows=s.missed/>
    }
    .into_any()
}

/// Rows drawn at first in each section: a phone shows about four cards, and years of
/// contacts can make hundreds overdue; every row drawn delays the first frame. "Show more"
/// adds this many again.
const ROWS_AT_ONCE: usize = 10;

#[component]
fn AgendaSection(title: &'static str, class: &'static str, rows: Vec<AgendaRow>) -> impl IntoView {
    let total = rows.len();
    (total > 0).then(|| {
        let heading_id = format!("agenda-{class}");
        view! {
            <section class=format!("agenda-section {class}") aria-labelledby=heading_id.clone()>
                <h2 id=heading_id.clone()>{title}" "<span class="pill">{total}</span></h2>
                <AgendaList rows class/>
            </section>
        }
    })
}

/// The rows of one section, `ROWS_AT_ONCE` at a time.
#[component]
fn AgendaList(rows: Vec<AgendaRow>, class: &'static str) -> impl IntoView {
    let total = rows.len();
    let rows = StoredValue::new(rows);
    let shown = RwSignal::new(ROWS_AT_ONCE);
    let more = move || {
        let left = total.saturating_sub(shown.get());
        (left > 0).then(|| {
            view! {
                <button type="button" class="button secondary show-more"
                    on:click=move |_| shown.update(|n| *n += ROWS_AT_ONCE)>
                    {format!("Show {} more ({left} not shown)", left.min(ROWS_AT_ONCE))}
                </button>
            }
        })
    };
    view! {
        <ul class="agenda-list">
            {move || rows.with_value(|rows| rows.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                .into_iter()
                .map(|row| view! { <AgendaItem row class/> })
                .collect_view()}
        </ul>
        {more}
    }
}

#[component]
fn AgendaItem(row: AgendaRow, class: &'static str) -> impl IntoView {
    let commands = StepCommands::new(row.contact.clone(), row.step, row.label, row.by_message);
    view! {
        <li class="agenda-item card">
            <div class="agenda-item-head">
                <a href=Screen::Contact(row.contact.clone()).href() class="agenda-name">{row.name.clone()}</a>
                <span class=format!("status {class}")>{row.when.clone()}</span>
            </div>
            <p class="agenda-step">{row.label}
                {(!row.company.is_empty()).then(|| view! { <span class="meta">" · " {row.company.clone()}</span> })}
            </p>
            {(!row.hook.is_empty()).then(|| view! { <p class="agenda-hook">{row.hook.clone()}</p> })}
            {row.hint.clone().map(|h| view! { <p class="hint">{h}</p> })}
            <StepActions commands buttons=row.buttons/>
        </li>
    }
}

/// Steps more than two weeks late, folded away: each can be tried again (due today) or
/// skipped, or all skipped at once (with one Undo).
#[component]
fn Missed(rows: Vec<AgendaRow>) -> impl IntoView {
    let state = use_app();
    let notices = use_notices();
    let total = rows.len();
    let targets: Vec<_> = rows
        .iter()
        .map(|r| (r.contact.clone(), r.step, r.label))
        .collect();
    let skip_all = move |_| {
        let now = state.now();
        let mut skipped = Vec::new();
        for (contact, step, label) in &targets {
            let before = state.book.with_untracked(|b| {
                b.contact(contact)
                    .map(|c| c.steps.get(*step))
                    .unwrap_or_default()
            });
            let command = Command::Skip {
                contact: contact.clone(),
                step: *step,
                on: now.today,
                at: now.at,
            };
            if let Err(e) = state.apply(command) {
                notices.show(Notice::error(e.to_string()));
                return;
            }
            skipped.push(UndoStep {
                contact: contact.clone(),
                step: *step,
                label,
                before,
            });
        }
        let text = format!(
            "Skipped {} missed follow-up{}.",
            skipped.len(),
            if skipped.len() == 1 { "" } else { "s" }
        );
        notices.show(Notice::done(text, skipped));
    };
    (total > 0).then(|| {
        view! {
            <details class="agenda-section missed">
                <summary>
                    <span class="missed-title">"Missed"</span>" "<span class="pill">{total}</span>
                    <span class="meta">"More than 2 weeks late: try again, or let them go."</span>
                </summary>
                <button type="button" class="button small quiet skip-all" on:click=skip_all>
                    {format!("Skip all {total}")}
                </button>
                <AgendaList rows class="missed"/>
            </details>
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
            <a href=Screen::Capture.href() class="button primary">"Add your first contact"</a>
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
