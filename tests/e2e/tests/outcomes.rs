//! Outcomes through the real UI (issue 11): a meeting booked brings its prep reminder to
//! the agenda; an introduction adds the recruiter, whose first email names the engineer;
//! a referral walked from the introduction to the offer on the Referrals screen, and an
//! outcome undone; screenshots of Referrals in light and dark.
//!
//! Build first: `cargo xtask dist --public-url /followup/`; run (from the workspace root):
//! `cargo test -p followup-e2e --test e2e -- --test-threads=1 outcomes::`.

use chrono::{Days, NaiveDate};
use followup::domain::outcome::Outcome;
use followup::domain::{Book, Command, ContactId, Email, Kind, NewContact, Step};
use followup_e2e::ui::{add_contact, click_text, open_home, shoot, value, wait_for, Person};
use followup_e2e::{js_str, Browser, Fixture, UI};
use serde_json::json;

const MAYA: Person = Person {
    name: "Maya Chen",
    kind: "Engineer",
    company: "Stripe",
    hook: "payments infrastructure written in Rust",
    email: "maya.chen@stripe.example",
    linkedin: "",
    really_want: false,
};

/// Taps an outcome chip (`meeting`, `introduced`, …) on the contact page.
async fn choose(b: &Browser, slug: &str) {
    b.click(&format!("#outcome-{slug}")).await;
    b.wait_css(".outcome-form", UI).await;
}

/// Sets an input's value as typing would (date and time inputs ignore typed keys in
/// some locales).
async fn set_input(b: &Browser, css: &str, text: &str) {
    b.js(&format!(
        "const e = document.querySelector({}); e.value = {}; \
         e.dispatchEvent(new Event('input', {{bubbles: true}})); return true;",
        js_str(css),
        js_str(text)
    ))
    .await;
}

/// Waits for a history entry reading `what`.
async fn wait_history(b: &Browser, what: &str) {
    b.wait_js(
        &format!("the history to list {what:?}"),
        UI,
        &format!(
            "return Array.from(document.querySelectorAll('ol.history > li .what')).some(e => \
               e.textContent.trim() === {});",
            js_str(what)
        ),
    )
    .await;
}

/// The page's today, as the app sees it.
async fn today(b: &Browser) -> NaiveDate {
    let iso = b
        .js("const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');")
        .await;
    NaiveDate::parse_from_str(iso.as_str().unwrap(), "%Y-%m-%d").unwrap()
}

/// The Referrals screen's rows as "Name: State".
async fn referral_rows(b: &Browser) -> Vec<String> {
    let v = b
        .js("return Array.from(document.querySelectorAll('ol.referrals > li')).map(li => \
               li.querySelector('.name').textContent.trim() + ': ' + li.querySelector('.state').textContent.trim());")
        .await;
    serde_json::from_value(v).unwrap_or_default()
}

async fn wait_referrals(b: &Browser, expected: &[&str]) {
    wait_for(
        &format!("the Referrals screen to list {expected:?}"),
        || referral_rows(b),
        |rows| rows == expected,
    )
    .await;
}

#[tokio::test]
async fn a_meeting_booked_brings_its_prep_reminder_to_the_agenda() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    add_contact(b, &MAYA).await;
    let tomorrow = today(b).await + Days::new(1);
    choose(b, "meeting").await;
    set_input(b, "#meeting-date", &tomorrow.to_string()).await;
    set_input(b, "#meeting-time", "14:30").await;
    b.click("#outcome-save").await;
    wait_history(b, "Meeting booked for tomorrow, 14:30").await;
    // The timeline has the prep, due today (the meeting is tomorrow), and the thank-you.
    b.wait_js(
        "the timeline to show the meeting's prep and thank-you",
        UI,
        "const labels = Array.from(document.querySelectorAll('ol.timeline .step-label')).map(e => e.textContent.trim()); \
         return labels.includes('Prepare for your meeting') && labels.includes('Send a thank-you');",
    )
    .await;
    b.click("#nav-agenda").await;
    b.wait_page("agenda").await;
    b.wait_js(
        "the agenda to list Maya's meeting prep",
        UI,
        "return Array.from(document.querySelectorAll('.agenda-item')).some(li => \
           li.textContent.includes('Maya Chen') && li.textContent.includes('Prepare for your meeting'));",
    )
    .await;
    // The prep opens as a checklist for the student: whom it is for, no email to open,
    // no resume to attach, no warning about signing it, and "Mark as prepared".
    b.js(
        "const li = Array.from(document.querySelectorAll('.agenda-item')).find(li => \
           li.textContent.includes('Prepare for your meeting')); \
         li.querySelector('a[href*=\"/send/prep\"]').click(); return true;",
    )
    .await;
    b.wait_page("composer").await;
    b.wait_text(".page-head .subtitle", "For your meeting with Maya Chen")
        .await;
    b.wait_text("#mark-sent", "Mark as prepared").await;
    b.wait_text("label[for=message]", "Checklist").await;
    assert_eq!(
        b.js("return ['#open-email', '.resume-share', '.draft-warnings'].filter(s => document.querySelector(s));")
            .await,
        json!([]),
        "a checklist is not sent to them"
    );
    b.click("#mark-sent").await;
    b.wait_page("agenda").await;
    b.wait_js(
        "the prep to leave the agenda once marked",
        UI,
        "return !Array.from(document.querySelectorAll('.agenda-item')).some(li => \
           li.textContent.includes('Prepare for your meeting'));",
    )
    .await;
    f.finish("after booking a meeting").await;
}

#[tokio::test]
async fn an_introduction_adds_the_recruiter_whose_draft_names_the_engineer() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    add_contact(b, &MAYA).await;
    choose(b, "introduced").await;
    b.type_into("#intro-name", "Leo Park").await;
    b.type_into("#intro-email", "leo@stripe.example").await;
    assert_eq!(
        value(b, "#intro-company").await,
        "Stripe",
        "the engineer's company is offered"
    );
    b.click("#outcome-save").await;
    wait_history(b, "Introduced you to Leo Park").await;
    click_text(b, "ol.history", "Open").await;
    b.wait_text("main#main h1", "Leo Park").await;
    wait_history(b, "Introduced by Maya Chen").await;
    // Leo's first email, written from his page's follow-up step.
    let path = b.path().await;
    b.goto(&format!(
        "{}{}/send/email",
        f.url(""),
        path.trim_start_matches("/followup/")
    ))
    .await;
    b.wait_page("composer").await;
    let subject = value(b, "#subject").await;
    let body = value(b, "#message").await;
    assert_eq!(subject, "Maya Chen suggested I reach out");
    assert!(
        body.starts_with("Hi Leo,\n\nMaya Chen kindly suggested I reach out to you."),
        "{body}"
    );
    f.finish("after an introduction").await;
}

#[tokio::test]
async fn a_referral_walks_from_the_introduction_to_the_offer() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    add_contact(b, &MAYA).await;
    let contact_page = b.path().await;
    let steps: [(&str, &str, &str); 4] = [
        (
            "introduced",
            "Introduced you to Leo Park",
            "Maya Chen: Introduced",
        ),
        (
            "applied",
            "Applied for Backend Intern (R-2231)",
            "Maya Chen: Applied",
        ),
        ("interview", "Interview", "Maya Chen: Interviewing"),
        ("offer", "Offer", "Maya Chen: Offer"),
    ];
    for (slug, entry, row) in steps {
        choose(b, slug).await;
        match slug {
            "introduced" => b.type_into("#intro-name", "Leo Park").await,
            "applied" => {
                b.type_into("#outcome-job", "Backend Intern").await;
                b.type_into("#outcome-link", "R-2231").await;
            }
            _ => {}
        }
        b.click("#outcome-save").await;
        wait_history(b, entry).await;
        click_text(b, ".outcomes", "Referrals").await;
        b.wait_page("referrals").await;
        wait_referrals(b, &[row]).await;
        b.goto(&format!(
            "{}{}",
            f.url(""),
            contact_page.trim_start_matches("/followup/")
        ))
        .await;
        b.wait_page("contact").await;
    }
    // A look at the outcomes card and the history, for the eye (not committed).
    choose(b, "applied").await;
    b.js("document.querySelector('.outcomes').scrollIntoView(); return true;")
        .await;
    followup_e2e::ui::settle(b).await;
    b.screenshot(&followup_e2e::screenshots_dir().join("outcomes-contact.png"))
        .await;
    b.click("#outcome-applied").await;
    // The role is the job applied for; the next action thanks Maya.
    click_text(b, ".outcomes", "Referrals").await;
    b.wait_page("referrals").await;
    b.wait_text("ol.referrals .at", "Stripe · Backend Intern")
        .await;
    b.wait_text("ol.referrals .next", "Thank Maya for the referral")
        .await;
    // Undoing the offer puts the referral back to interviewing.
    click_text(b, "ol.referrals", "Maya Chen").await;
    b.wait_page("contact").await;
    b.click("ol.history > li:first-child .entry-undo").await;
    b.wait_js(
        "the offer to leave the history",
        UI,
        "return !Array.from(document.querySelectorAll('ol.history .what')).some(e => e.textContent.trim() === 'Offer');",
    )
    .await;
    click_text(b, ".outcomes", "Referrals").await;
    b.wait_page("referrals").await;
    wait_referrals(b, &["Maya Chen: Interviewing"]).await;
    f.finish("after walking a referral").await;
}

/// A book with referrals at every state, relative to `today`.
fn referrals_book(today: NaiveDate) -> Book {
    let ago = |n: u64| today - Days::new(n);
    let mut book = Book::default();
    let people: [(&str, &str, &str, &str, Kind, u64); 6] = [
        (
            "maya",
            "Maya Chen",
            "Stripe",
            "payments infrastructure team",
            Kind::Engineer,
            30,
        ),
        (
            "priya",
            "Priya Raman",
            "Acme Robotics",
            "perception team",
            Kind::Engineer,
            20,
        ),
        (
            "jonas",
            "Jonas Weber",
            "Figma",
            "the editor team",
            Kind::Engineer,
            14,
        ),
        (
            "ana",
            "Ana Silva",
            "Datadog",
            "observability internships",
            Kind::Engineer,
            12,
        ),
        (
            "ben",
            "Ben Okoro",
            "Duolingo",
            "the learning science group",
            Kind::Engineer,
            40,
        ),
        ("leo", "Leo Park", "Stripe", "", Kind::Recruiter, 25),
    ];
    for (id, name, company, role, kind, met) in people {
        book.apply(Command::AddContact(NewContact {
            id: ContactId::new(id),
            name: name.into(),
            company: company.into(),
            role: role.into(),
            kind,
            email: Email::parse(&format!("{id}@example.com")).ok(),
            met_on: ago(met),
            updated_at: 1,
            ..NewContact::default()
        }))
        .unwrap();
    }
    let ask = |book: &mut Book, id: &str, days: u64| {
        for step in [Step::Connect, Step::Email, Step::Referral] {
            book.apply(Command::MarkDone {
                contact: ContactId::new(id),
                step,
                on: ago(days),
                at: 2,
            })
            .unwrap();
        }
    };
    let record = |book: &mut Book, id: &str, days: u64, outcome: Outcome| {
        book.apply(Command::RecordOutcome {
            contact: ContactId::new(id),
            on: ago(days),
            outcome,
            note: String::new(),
            at: 3,
        })
        .unwrap();
    };
    ask(&mut book, "maya", 26);
    record(
        &mut book,
        "maya",
        25,
        Outcome::IntroducedTo {
            contact: ContactId::new("leo"),
        },
    );
    record(
        &mut book,
        "leo",
        20,
        Outcome::Applied {
            job: "Backend Intern".into(),
            link: "R-2231".into(),
        },
    );
    record(&mut book, "leo", 6, Outcome::Interview);
    ask(&mut book, "priya", 9);
    ask(&mut book, "jonas", 3);
    ask(&mut book, "ana", 8);
    record(
        &mut book,
        "ana",
        2,
        Outcome::Replied {
            to: Some(Step::Referral),
        },
    );
    book.apply(Command::IntroduceNew {
        by: ContactId::new("ana"),
        new: NewContact {
            id: ContactId::new("sara"),
            name: "Sara Kim".into(),
            company: "Datadog".into(),
            kind: Kind::Recruiter,
            met_on: ago(2),
            updated_at: 4,
            ..NewContact::default()
        },
        on: ago(2),
        note: String::new(),
        at: 4,
    })
    .unwrap();
    ask(&mut book, "ben", 35);
    record(&mut book, "ben", 30, Outcome::NotNow);
    book
}

#[tokio::test]
async fn screenshots_of_referrals_light_and_dark() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    let book = referrals_book(today(b).await);
    for (key, text) in followup::domain::snapshot::encode_keys(&book) {
        b.js(&format!(
            "localStorage.setItem({}, {}); return true;",
            js_str(&key),
            js_str(&text)
        ))
        .await;
    }
    b.goto(&f.url("")).await;
    b.wait_page("agenda").await;
    b.click("#nav-contacts").await;
    b.wait_page("contacts").await;
    b.click("#open-referrals").await;
    b.wait_page("referrals").await;
    wait_referrals(
        b,
        &[
            "Priya Raman: Asked",
            "Maya Chen: Interviewing",
            "Jonas Weber: Asked",
            "Ana Silva: Introduced",
            "Ben Okoro: Not now",
        ],
    )
    .await;
    b.wait_text(
        "ol.referrals li.overdue .next",
        "No answer after a week: check in with Priya gently",
    )
    .await;
    shoot(b, "referrals.png", false).await;
    b.cdp(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    )
    .await;
    shoot(b, "referrals-dark.png", false).await;
    b.cdp(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "features": [] }),
    )
    .await;
    // Priya's unanswered ask is back on the agenda, once, as a gentle check-in.
    b.click("#nav-agenda").await;
    b.wait_page("agenda").await;
    b.wait_js(
        "the agenda to list Priya's check-in",
        UI,
        "return Array.from(document.querySelectorAll('.agenda-item')).some(li => \
           li.textContent.includes('Priya Raman') && li.textContent.includes('Check in on your referral ask'));",
    )
    .await;
    f.finish("after the referrals screenshots").await;
}
