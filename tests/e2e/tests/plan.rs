//! Before the fair (issue 23): a plan pasted from an employer page, three companies made
//! must-visit with a question each, four people captured with the server stopped (two from
//! the plan through capture's suggestions), To visit and the pitch's length, the not-reached
//! list and the funnel's row the day after, a draft using the prepared role, and a backup
//! that keeps the plan. Screenshots of the plan editor, To visit and not reached, light and
//! dark, at 390×844.

use followup_e2e::ui::{
    capture_at_new_event, caused_by_stopped_server, click_text, contact_id_from_url, dark,
    fill_person, install_clock, offset_for, open_home, select_value, set_clock, shoot, tab, Person,
};
use followup_e2e::{js_str, Browser, Fixture, UI};

/// A fair's employer page as copied: a heading, an A–Z index, booth lines, a detail line.
const EMPLOYERS: &str =
    "Employers attending (12)\n\nA\nAcme Robotics\nBooth 12\nAirbnb — Booth 14\n\
B\nBloomberg (Table B4)\n\nC\nCanva, Booth 7\nCloudflare\nIndustry: Internet\nD\nDatadog\n\
F\nFigma\nBooth 3\nFastly\nG\nGitLab\nN\nNotion\nS\nShopify\nStripe\nBack to top";

/// 65 words: about 30 seconds aloud.
const PITCH: &str = "Hi, I'm Alex, a third-year computer science student at State University. \
I build developer tools: this summer I wrote a build cache that cut our test runs in half. \
I'm looking for an infrastructure or platform internship where I can work on fast, reliable \
systems with a team that cares about code review. What is your team working on this year, \
and who should I talk to?";

fn row(company: &str) -> String {
    format!("li[data-company={}]", js_str(company))
}

/// Makes `company` must-visit with a question (and a role or team when given).
async fn prepare(b: &Browser, company: &str, roles: &str, question: &str) {
    let row = row(company);
    select_value(b, &format!("{row} .plan-priority"), "0").await;
    b.wait_js(
        &format!("{company} to be must-visit"),
        UI,
        &format!(
            "const s = document.querySelector({}); return !!s && s.value === '0';",
            js_str(&format!("{row} .plan-priority"))
        ),
    )
    .await;
    b.click(&format!("{row} .plan-details > summary")).await;
    if !roles.is_empty() {
        b.type_into(&format!("{row} input[id$='-roles']"), roles)
            .await;
    }
    b.type_into(&format!("{row} input[id$='-question']"), question)
        .await;
    b.click(&format!("{row} .plan-edit button[type=submit]"))
        .await;
    b.wait_text(&format!("{row} .plan-planned"), question).await;
}

/// On capture: types the name and the start of the company, taps the plan's suggestion.
async fn capture_from_plan(b: &Browser, name: &str, typed: &str, company: &str) {
    b.type_into("#name", name).await;
    b.type_into("#company", typed).await;
    click_text(b, ".plan-picks", company).await;
    b.wait_text("#plan-prepared", company).await;
}

async fn screenshots(b: &Browser, name: &str) {
    shoot(b, &format!("{name}.png"), false).await;
    dark(b, true).await;
    shoot(b, &format!("{name}-dark.png"), false).await;
    dark(b, false).await;
}

#[tokio::test]
async fn a_fair_walked_from_the_plan_to_the_follow_ups() {
    let mut f = Fixture::new().await;
    let b = &f.browser;
    install_clock(b).await;
    open_home(&f).await;
    b.wait_sw_control().await;
    capture_at_new_event(b, "Fall Career Fair").await;

    // The plan: pasted, three companies made must-visit, the pitch.
    tab(b, "events", "events").await;
    b.click("a.plan-open").await;
    b.wait_page("plan").await;
    b.type_into("#plan-paste", EMPLOYERS).await;
    b.click(".plan-add button[type=submit]").await;
    b.wait_text(".plan-notice", "Added 12 companies.").await;
    b.wait_text(".plan-notice", "Left out as headings").await;
    b.wait_text(&format!("{} .plan-note", row("Figma")), "Booth 3")
        .await;
    prepare(
        b,
        "Figma",
        "Infra team",
        "What is on-call like for interns?",
    )
    .await;
    prepare(
        b,
        "Stripe",
        "Payments team",
        "How do interns ship to production?",
    )
    .await;
    prepare(b, "Datadog", "", "Which teams hire interns in spring?").await;
    b.wait_text(".plan-must", "0 of 3 must-visit companies met")
        .await;
    b.type_into("#plan-pitch", PITCH).await;
    b.click("main#main h1").await;
    b.wait_text(".plan-pitch-length", "about 30 seconds aloud")
        .await;
    b.click(&format!("{} .plan-details > summary", row("Figma")))
        .await;
    screenshots(b, "plan-editor").await;

    // On the floor, with no network: two people from the plan, two not.
    b.assert_no_console_errors("before stopping the server")
        .await;
    f.server.stop();
    tab(b, "add", "add").await;
    capture_from_plan(b, "Priya Raman", "fig", "Figma").await;
    b.click("#plan-use-role").await;
    b.click("#plan-use-question").await;
    b.click("#save-another").await;
    b.wait_text(".saved-flash", "Saved Priya Raman").await;
    // Stripe's prepared role is not copied: the draft takes it from the plan.
    capture_from_plan(b, "Tom Becker", "str", "Stripe").await;
    b.click("#save").await;
    b.wait_page("contact").await;
    let tom = contact_id_from_url(b).await;
    b.wait_text(
        "#contact-planned",
        "Planned: Payments team · \u{201c}How do interns ship to production?\u{201d}",
    )
    .await;
    for (name, company) in [("Ana Lima", "Zoom"), ("Lee Chen", "Metabase")] {
        tab(b, "add", "add").await;
        fill_person(
            b,
            &Person {
                name,
                company,
                ..Person::default()
            },
        )
        .await;
        b.click("#save-another").await;
        b.wait_text(".saved-flash", &format!("Saved {name}")).await;
    }

    // To visit: who was met where, and the pitch's length.
    tab(b, "events", "events").await;
    b.click("a.plan-open").await;
    b.wait_page("plan").await;
    b.wait_text(".plan-must", "2 of 3 must-visit companies met")
        .await;
    b.wait_text(&format!("{} .plan-people", row("Figma")), "Met Priya Raman")
        .await;
    b.wait_text(
        &format!("{} .plan-people", row("Datadog")),
        "Nobody captured yet",
    )
    .await;
    b.wait_text(".plan-pitch-length", "about 30 seconds aloud")
        .await;
    b.click(&format!("{} .plan-visited input", row("Canva")))
        .await;
    b.wait_js(
        "Canva to be ticked",
        UI,
        &format!(
            "return !!document.querySelector({});",
            js_str(&format!("{}.plan-met", row("Canva")))
        ),
    )
    .await;
    screenshots(b, "plan-to-visit").await;

    // The day after: not reached, with a recruiter search each, and the funnel's row.
    let tomorrow = offset_for(b, 1, None).await;
    set_clock(b, tomorrow).await;
    b.refresh().await;
    b.wait_page("plan").await;
    b.wait_text(".plan-not-reached", "Datadog").await;
    let href = b
        .js(&format!(
            "return document.querySelector({}).href;",
            js_str(&format!(
                ".plan-not-reached {} a.plan-search",
                row("Datadog")
            ))
        ))
        .await;
    assert_eq!(
        href.as_str(),
        Some("https://www.linkedin.com/search/results/people/?keywords=recruiter%20Datadog")
    );
    let not_reached = b
        .js("return document.querySelectorAll('.plan-not-reached li').length;")
        .await;
    assert_eq!(not_reached.as_u64(), Some(10), "12 planned, 2 reached");
    screenshots(b, "plan-not-reached").await;
    tab(b, "events", "events").await;
    b.wait_text(".events-planned", "2 of 12 planned companies reached")
        .await;

    // Tom's email uses the role prepared for Stripe.
    b.goto(&f.url(&format!("contacts/{tom}/send/email"))).await;
    b.wait_page("composer").await;
    b.wait_js(
        "the draft to name the prepared role",
        UI,
        "const t = document.querySelector('#message'); return !!t && t.value.includes('the Payments team');",
    )
    .await;

    // The backup keeps the plan.
    tab(b, "settings", "settings").await;
    let downloads = tempfile::tempdir().unwrap();
    let (_, text) = followup_e2e::ui::download_backup(b, downloads.path()).await;
    let book = followup::domain::snapshot::decode(&text).expect("the backup reads back");
    let event = book.events().next().expect("the fair is in the backup");
    assert_eq!(event.prep.targets.len(), 12);
    assert_eq!(event.prep.pitch, PITCH);
    let figma = event.prep.target_for("Figma").expect("Figma is planned");
    assert_eq!(figma.question, "What is on-call like for interns?");
    b.assert_no_console_errors_except("walking the fair offline", caused_by_stopped_server)
        .await;
    f.browser.close().await;
}
