//! Which fairs pay off and who you know where (issue 11): the funnel's numbers for a known
//! book, on each event and in the summary; companies grouped across spellings, with their
//! referral state, and one tap to capture another person at a company. Screenshots of both
//! screens at 390×844 in light and dark, each checked with axe in both.
//!
//! The known book is the domain's funnel test book, stored as the app stores it
//! (`tests/fixtures/funnel/book.json`; a domain test checks the file is that book), so the
//! numbers below are the ones the domain tests assert.

use crate::a11y::Audit;
use followup_e2e::ui::{click_text, dark, open_home, shoot, text, value};
use followup_e2e::{js_str, Browser, Fixture, UI};
use serde_json::Value;

/// The funnel test book, key by key as localStorage holds it.
const BOOK: &str = include_str!("../../fixtures/funnel/book.json");

/// Opens the app, writes the known book into storage and reloads.
async fn seed(f: &Fixture) {
    open_home(f).await;
    let b = &f.browser;
    b.js(&format!(
        "const keys = {BOOK}; for (const [k, v] of Object.entries(keys)) localStorage.setItem(k, v); return true;"
    ))
    .await;
    b.refresh().await;
    b.wait_page("agenda").await;
}

/// The rows of the funnel table under `scope`: (stage, count, percent).
async fn funnel_rows(b: &Browser, scope: &str) -> Vec<(String, String, String)> {
    b.wait_css(&format!("{scope} table.funnel tbody tr[data-stage]"), UI)
        .await;
    let rows = b
        .js(&format!(
            "return Array.from(document.querySelectorAll({} )).map(tr => [\
               tr.querySelector('th').textContent.trim(), \
               tr.querySelector('.funnel-n').textContent.trim(), \
               tr.querySelector('.funnel-pct').textContent.trim()]);",
            js_str(&format!("{scope} table.funnel tbody tr[data-stage]"))
        ))
        .await;
    serde_json::from_value(rows).expect("funnel rows as [stage, count, percent]")
}

fn expected(rows: [(&str, u32, u32); 8]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|(s, n, p)| (s.to_string(), n.to_string(), format!("{p}%")))
        .collect()
}

const FALL: [(&str, u32, u32); 8] = [
    ("Met", 6, 100),
    ("Connected", 4, 67),
    ("Emailed", 3, 50),
    ("Replied", 5, 83),
    ("Meeting", 3, 50),
    ("Referral", 1, 17),
    ("Interview", 1, 17),
    ("Offer", 1, 17),
];

#[tokio::test]
async fn the_funnel_counts_a_known_book_per_event_and_overall() {
    let f = Fixture::new().await;
    let b = &f.browser;
    seed(&f).await;

    // On the event: folded under its headline, the same numbers when opened.
    b.click("#nav-events").await;
    b.wait_page("events").await;
    let fall = "article[aria-labelledby=\"event-fall\"]";
    b.wait_text(
        &format!("{fall} .events-funnel-headline"),
        "5 replied · 3 meetings · 1 referral · 1 interview · 1 offer",
    )
    .await;
    b.click(&format!("{fall} details.events-funnel > summary"))
        .await;
    assert_eq!(funnel_rows(b, fall).await, expected(FALL));
    let mut audit = Audit::new();
    audit.probe(b).await;
    audit.check(b, "events, a funnel open").await;
    // Nobody captured at the spring fair yet: no funnel on it.
    let spring = b
        .js("return !!document.querySelector('article[aria-labelledby=\"event-spring\"] .events-funnel');")
        .await;
    assert_eq!(spring, Value::Bool(false));

    // The summary: everyone, then each event with people.
    click_text(b, "main", "Which events pay off").await;
    b.wait_page("funnel").await;
    assert_eq!(
        funnel_rows(b, "#funnel-overall").await,
        expected([
            ("Met", 10, 100),
            ("Connected", 5, 50),
            ("Emailed", 4, 40),
            ("Replied", 8, 80),
            ("Meeting", 4, 40),
            ("Referral", 1, 10),
            ("Interview", 2, 20),
            ("Offer", 2, 20),
        ])
    );
    assert_eq!(
        funnel_rows(b, "section[data-event=\"fall\"]").await,
        expected(FALL)
    );
    assert_eq!(
        funnel_rows(b, "section[data-event=\"hack\"]").await,
        expected([
            ("Met", 2, 100),
            ("Connected", 0, 0),
            ("Emailed", 1, 50),
            ("Replied", 1, 50),
            ("Meeting", 1, 50),
            ("Referral", 0, 0),
            ("Interview", 0, 0),
            ("Offer", 0, 0),
        ])
    );
    assert_eq!(
        text(b, ".funnel-none").await.as_deref(),
        Some("No one captured yet at Spring Career Fair.")
    );
    // A screen reader gets a table with a caption; the bars are hidden from it.
    let a11y = b
        .js(
            "const t = document.querySelector('#funnel-overall table.funnel'); \
             return [t.querySelector('caption').textContent, \
                     t.querySelectorAll('svg[aria-hidden=\"true\"]').length, \
                     t.querySelectorAll('th[scope=\"row\"]').length];",
        )
        .await;
    assert_eq!(
        a11y,
        serde_json::json!(["Everyone you met: what you did and what came of it", 8, 8])
    );
    // Not a funnel (issue 25): the rows sit under headings, with the note saying each
    // counts on its own.
    let headings = b
        .js("return Array.from(document.querySelectorAll('#funnel-overall .funnel-group th')).map(th => th.textContent);")
        .await;
    assert_eq!(
        headings,
        serde_json::json!(["What you did", "What came of it"])
    );
    assert!(text(b, "#funnel-overall .funnel-note")
        .await
        .is_some_and(|t| t.starts_with("Each row counts on its own")));

    b.click("details.funnel-legend > summary").await;
    audit.check(b, "funnel summary, legend open").await;
    b.click("details.funnel-legend > summary").await;
    shoot(b, "funnel.png", false).await;
    dark(b, true).await;
    audit.check(b, "funnel summary, dark").await;
    shoot(b, "funnel-dark.png", false).await;
    dark(b, false).await;
    audit.assert_clean("the funnel screens");
    f.finish("reading the funnel").await;
}

/// (company, people in order, referral chip) of every card on the Companies page.
async fn companies(b: &Browser) -> Vec<(String, Vec<String>, String)> {
    b.wait_css(".companies-list article.company", UI).await;
    let found = b
        .js("return Array.from(document.querySelectorAll('.companies-list article.company')).map(a => [\
               a.querySelector('h2').textContent.trim(), \
               Array.from(a.querySelectorAll('.company-people li > a')).map(x => x.textContent.trim()), \
               (a.querySelector('.company-referral') || {textContent: ''}).textContent.trim()]);")
        .await;
    serde_json::from_value(found).expect("companies as [name, people, referral]")
}

fn owned(name: &str, people: &[&str], referral: &str) -> (String, Vec<String>, String) {
    (
        name.to_string(),
        people.iter().map(|p| p.to_string()).collect(),
        referral.to_string(),
    )
}

#[tokio::test]
async fn companies_group_spellings_and_capture_another_person_there() {
    let f = Fixture::new().await;
    let b = &f.browser;
    seed(&f).await;

    b.click("#nav-contacts").await;
    b.wait_page("contacts").await;
    b.click("#open-companies").await;
    b.wait_page("companies").await;
    // "Figma", "figma, inc." and "FIGMA Inc" are one company; "Meta" is not "Metabase";
    // "Société Générale" is "societe generale". The most recent touch first.
    assert_eq!(
        companies(b).await,
        vec![
            owned(
                "Figma",
                &["Ana López", "Cy Nakamura", "Ben Carter", "Rex Ahmed"],
                "Referral: offer"
            ),
            owned("Société Générale", &["Gus Moreau", "Fay Dubois"], ""),
            owned("Metabase", &["Dee Okafor"], ""),
            owned("Stripe", &["Ida Svensson"], ""),
            owned("Meta", &["Eve Martin"], ""),
        ]
    );
    let line = text(b, "article.company .company-line")
        .await
        .unwrap_or_default();
    assert!(
        line.starts_with("2 engineers · 2 recruiters · last touch "),
        "{line}"
    );
    assert_eq!(
        text(b, ".companies-without").await.as_deref(),
        Some("1 person has no company yet. See your contacts")
    );

    let mut audit = Audit::new();
    audit.check(b, "companies").await;
    dark(b, true).await;
    audit.check(b, "companies, dark").await;
    shoot(b, "companies-dark.png", false).await;
    dark(b, false).await;
    shoot(b, "companies.png", false).await;
    audit.assert_clean("the Companies screen");

    // One tap to capture another person there: the company is filled in.
    click_text(
        b,
        ".companies-list li:first-child article.company",
        "+Add someone at Figma",
    )
    .await;
    b.wait_page("add").await;
    assert_eq!(value(b, "#company").await, "Figma");
    b.wait_css("#prefilled", UI).await;
    b.type_into("#name", "Zoe Park").await;
    b.click("#save").await;
    b.wait_page("contact").await;

    b.click("#nav-contacts").await;
    b.wait_page("contacts").await;
    b.click("#open-companies").await;
    b.wait_page("companies").await;
    let figma = &companies(b).await[0];
    assert_eq!(figma.0, "Figma");
    assert!(
        figma.1.contains(&"Zoe Park".to_string()) && figma.1.len() == 5,
        "{figma:?}"
    );
    f.finish("companies").await;
}
