//! Accessibility of every screen (issue 5): axe-core, pinned in the root `package.json`,
//! is run on each route of the release dist at the phone viewport, in the states a student
//! meets — empty book, a realistic book, forms open, validation errors shown — and any
//! violation fails the test. Each screen is also checked for ARIA id references that point
//! at nothing (`aria-describedby` naming an error message that is not shown, say), which
//! axe only reports as "needs review".
//!
//! Build first: `cargo xtask dist --public-url /followup/`, and `npm ci` for axe-core
//! (`cargo xtask tools` does both); run (from the workspace root):
//! `cargo test -p followup-e2e --test e2e -- --test-threads=1 a11y::`.
//!
//! axe is injected with WebDriver's execute-script, which Chromium runs through the DevTools
//! protocol: the page's Content-Security-Policy does not apply to it, and axe itself needs no
//! `eval`, so nothing is reported to the console (which the harness would fail on).

use followup_e2e::ui::{
    capture_at_new_event, capture_met_days_ago, click_containing, contact_id_from_url,
    deep_link_404, fill_person, open_home, pick_import_file, pin, set_met_days_ago, settle, tab,
    Person, Strings,
};
use followup_e2e::{workspace_root, Browser, Fixture, UI};
use serde_json::Value;

/// The axe rule sets that must pass: WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 AA adds
/// `target-size`, the tap-target rule Lighthouse 12 scores), plus Deque's best practices
/// (landmarks, heading order, one `<h1>`, …).
const TAGS: &[&str] = &[
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
];

/// The colour scheme the browser reports (`prefers-color-scheme`): every screen must pass
/// in both, contrast included.
#[derive(Clone, Copy, Debug)]
enum Scheme {
    Light,
    Dark,
}

impl Scheme {
    async fn emulate(self, b: &Browser) {
        let value = match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        };
        b.cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": value }] }),
        )
        .await;
    }
}

/// The source of axe-core from `node_modules`, or a panic saying how to install it.
fn axe_source() -> String {
    let path = workspace_root().join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "e2e: cannot read {} ({e}).\nInstall the pinned npm tools from the workspace root: \
             npm ci   (or: cargo xtask tools)",
            path.display()
        )
    })
}

/// Everything found wrong on the screens checked so far, one readable block per screen.
struct Audit {
    axe: String,
    problems: Vec<String>,
    screens: usize,
}

impl Audit {
    fn new() -> Audit {
        Audit {
            axe: axe_source(),
            problems: Vec::new(),
            screens: 0,
        }
    }

    /// Runs axe and the id-reference check on the page as it is now, recording what fails
    /// under the name `screen`.
    async fn check(&mut self, b: &Browser, screen: &str) {
        settle(b).await;
        let loaded = b.js("return typeof window.axe === 'object';").await;
        if loaded != Value::Bool(true) {
            // The script defines `window.axe` when run as a function body.
            b.js(&self.axe).await;
            let version = b.js("return window.axe ? window.axe.version : null;").await;
            assert!(
                version.is_string(),
                "e2e: injecting axe-core did not define window.axe\n{}",
                b.describe().await
            );
        }
        let tags = serde_json::to_string(TAGS).unwrap();
        let result = b
            .js_async(&format!(
                r#"
                axe.run(document, {{ runOnly: {{ type: 'tag', values: {tags} }}, resultTypes: ['violations'] }})
                  .then(r => done({{ violations: r.violations.map(v => ({{
                      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                      nodes: v.nodes.map(n => ({{ target: n.target.map(String).join(' '),
                          html: n.html.slice(0, 200), summary: n.failureSummary || '' }})),
                  }})) }}))
                  .catch(e => done({{ error: String(e && e.stack || e) }}));"#
            ))
            .await;
        if let Some(e) = result["error"].as_str() {
            panic!("e2e: axe.run failed on {screen}: {e}");
        }
        let mut found = Vec::new();
        for v in result["violations"].as_array().into_iter().flatten() {
            let nodes = v["nodes"].as_array().map(Vec::as_slice).unwrap_or(&[]);
            found.push(format!(
                "  {} ({}, {} element{}): {}\n    {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                nodes.len(),
                if nodes.len() == 1 { "" } else { "s" },
                v["help"].as_str().unwrap_or(""),
                v["helpUrl"].as_str().unwrap_or(""),
            ));
            for n in nodes {
                found.push(format!(
                    "      {}\n        {}\n        {}",
                    n["target"].as_str().unwrap_or("?"),
                    n["html"].as_str().unwrap_or(""),
                    n["summary"]
                        .as_str()
                        .unwrap_or("")
                        .replace('\n', "\n        ")
                ));
            }
        }
        for small in small_targets(b).await {
            found.push(format!("  small tap target: {small}"));
        }
        for dangling in dangling_idrefs(b).await {
            found.push(format!("  dangling id reference: {dangling}"));
        }
        self.screens += 1;
        eprintln!(
            "a11y: {screen}: {}",
            if found.is_empty() { "ok" } else { "FAILED" }
        );
        if !found.is_empty() {
            self.problems.push(format!(
                "{screen} ({}):\n{}",
                b.path().await,
                found.join("\n")
            ));
        }
    }

    /// Proves the audit can fail on this page: a nameless button and an input described by
    /// a missing id, added for the occasion, must both be reported (then they are removed
    /// and so is the report).
    async fn probe(&mut self, b: &Browser) {
        b.js("const main = document.querySelector('main#main'); \
              const probe = document.createElement('div'); probe.id = 'a11y-probe'; \
              probe.innerHTML = '<button type=\"button\"></button>' + \
                '<label for=\"a11y-probe-input\">Probe</label>' + \
                '<input id=\"a11y-probe-input\" aria-describedby=\"a11y-probe-missing\">'; \
              main.appendChild(probe); return true;")
            .await;
        self.check(b, "probe").await;
        b.js("document.getElementById('a11y-probe').remove(); return true;")
            .await;
        let report = self.problems.pop().unwrap_or_default();
        self.screens -= 1;
        assert!(
            report.contains("button-name") && report.contains("#a11y-probe-missing"),
            "e2e: the audit missed the nameless button or the dangling aria-describedby \
             planted to prove it works; it reported:\n{report}"
        );
    }

    /// Panics listing every problem, if any.
    fn assert_clean(&self, what: &str) {
        assert!(self.screens > 0, "no screen was checked");
        if !self.problems.is_empty() {
            panic!(
                "e2e: accessibility problems on {} of the {} screens checked ({what}):\n\n{}",
                self.problems.len(),
                self.screens,
                self.problems.join("\n\n")
            );
        }
    }
}

/// The smallest side a control may have, in CSS px. Lighthouse's old tap-target audit asked
/// for 48 px; WCAG 2.5.5 (AAA) and Apple ask for 44, axe's `target-size` (2.5.8, AA) for 24.
const MIN_TARGET: f64 = 44.0;

/// Controls on screen smaller than [`MIN_TARGET`] either way, except links inside a sentence
/// (WCAG's "inline" exception) and checkboxes or radios whose label is the target. A
/// control's label counts towards its size, as a tap on it acts on the control.
async fn small_targets(b: &Browser) -> Vec<String> {
    b.js(&format!(
        r#"
        const min = {MIN_TARGET};
        const out = [];
        const controls = document.querySelectorAll(
            'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
        for (const el of controls) {{
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden')) continue;
            if (getComputedStyle(el).visibility === 'hidden') continue;
            // A link within running text.
            if (el.tagName === 'A' && getComputedStyle(el).display === 'inline' &&
                el.parentElement && /^(P|LI|SPAN|SMALL|DD)$/.test(el.parentElement.tagName)) continue;
            let w = r.width, h = r.height;
            const label = el.closest('label') || (el.id && document.querySelector('label[for="' + el.id + '"]'));
            if (label && /^(checkbox|radio)$/.test(el.type)) {{
                const l = label.getBoundingClientRect();
                w = Math.max(w, l.width); h = Math.max(h, l.height);
            }}
            if (w + 0.5 < min || h + 0.5 < min) {{
                out.push(Math.round(w) + '×' + Math.round(h) + ' px: ' + el.outerHTML.slice(0, 140));
            }}
        }}
        return out;"#
    ))
    .await
    .strings()
}

/// Attributes naming other elements by id, each of whose ids must exist in the document.
async fn dangling_idrefs(b: &Browser) -> Vec<String> {
    b.js(r#"
        const out = [];
        for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-owns',
                            'aria-errormessage', 'aria-activedescendant', 'for', 'list']) {
            for (const el of document.querySelectorAll('[' + attr + ']')) {
                for (const id of el.getAttribute(attr).split(/\s+/).filter(Boolean)) {
                    if (!document.getElementById(id)) {
                        out.push(attr + '="' + el.getAttribute(attr) + '" on ' +
                            el.outerHTML.slice(0, 160) + ' (no element #' + id + ')');
                    }
                }
            }
        }
        return out;"#)
        .await
        .strings()
}

// ---------------------------------------------------------------- driving the app

/// Goes to an in-app path with a full page load (a deep link: the server answers 404.html
/// with status 404, as GitHub Pages does, which Chromium logs) and waits for `page`.
async fn deep_link(f: &Fixture, path: &str, page: &str) {
    let url = f.url(path);
    f.browser
        .assert_no_console_errors("before a deep link")
        .await;
    f.browser.goto(&url).await;
    f.browser.wait_page(page).await;
    f.browser
        .assert_no_console_errors_except(&format!("opening {path}"), deep_link_404(url))
        .await;
}

/// The people of the realistic book, each with how many days before today they were met.
const PEOPLE: &[(Person, u32)] = &[
    (
        Person {
            name: "Priya Raman",
            kind: "Engineer",
            company: "Acme Robotics",
            hook: "calibrating robot arms with computer vision",
            email: "priya.raman@acme.example",
            linkedin: "linkedin.com/in/priya-raman",
            really_want: false,
        },
        0,
    ),
    (
        Person {
            name: "Marcus Lee",
            kind: "Recruiter",
            company: "Globex",
            hook: "the summer internship timeline and the online assessment",
            email: "marcus.lee@globex.example",
            linkedin: "",
            really_want: false,
        },
        0,
    ),
    (
        Person {
            name: "Sofía García",
            kind: "Engineer",
            company: "Umbrella Health",
            hook: "FHIR APIs and on-call at a hospital startup",
            email: "sofia@umbrella.example",
            linkedin: "",
            really_want: false,
        },
        2,
    ),
    (
        Person {
            name: "Daniel Okafor",
            kind: "Other",
            company: "Hooli",
            hook: "migrating a monolith to Kotlin services",
            email: "",
            linkedin: "daniel-okafor",
            really_want: false,
        },
        9,
    ),
];

/// Captures `PEOPLE` through the Add tab, at an event created from the event bar, and
/// returns the id of the first (from its contact page's URL).
async fn seed_book(b: &Browser) -> String {
    capture_at_new_event(b, "Fall Career Fair").await;
    for (p, days_ago) in PEOPLE.iter().rev() {
        fill_person(b, p).await;
        // Capture keeps the last date between people: set each one's.
        set_met_days_ago(b, *days_ago).await;
        let last = std::ptr::eq(p, &PEOPLE[0].0);
        b.click(if last { "#save" } else { "#save-another" }).await;
        if last {
            b.wait_page("contact").await;
        } else {
            b.wait_text(".saved-flash", &format!("Saved {}", p.name))
                .await;
        }
    }
    contact_id_from_url(b).await
}

// ---------------------------------------------------------------- tests

/// A first run: the agenda's welcome, the empty contacts and events pages, capture (also
/// with its event picker open), settings and the not-found page.
#[tokio::test]
async fn every_screen_of_an_empty_book_passes_axe() {
    empty_book(Scheme::Light).await;
}

#[tokio::test]
async fn every_screen_of_an_empty_book_passes_axe_in_dark_mode() {
    empty_book(Scheme::Dark).await;
}

async fn empty_book(scheme: Scheme) {
    let f = Fixture::new().await;
    let b = &f.browser;
    scheme.emulate(b).await;
    let mut audit = Audit::new();
    open_home(&f).await;
    b.wait_css(".first-run", UI).await;
    audit.probe(b).await;
    audit.check(b, "agenda, empty book").await;

    tab(b, "contacts", "contacts").await;
    audit.check(b, "contacts, empty book").await;

    tab(b, "events", "events").await;
    audit.check(b, "events, empty book").await;

    tab(b, "add", "add").await;
    audit.check(b, "capture").await;
    b.click("#change-event").await;
    b.wait_css("#new-event-name", UI).await;
    audit.check(b, "capture, event picker open").await;

    tab(b, "settings", "settings").await;
    audit.check(b, "settings, empty book").await;

    deep_link(&f, "no/such/page", "not-found").await;
    audit.check(b, "not found").await;
    deep_link(&f, "contacts/no-such-id", "not-found").await;
    audit.check(b, "a contact that does not exist").await;

    audit.assert_clean("empty book");
    f.finish("checking the empty book's screens").await;
}

/// A realistic book made through capture: the agenda with overdue, due and upcoming rows
/// (and a snooze menu open), the contacts list (searched, and filtered to one event), a
/// contact page (log form and snooze open), both composers, events (form and delete
/// question open), edit, and settings with a template and an import preview open.
#[tokio::test]
async fn every_screen_with_a_realistic_book_passes_axe() {
    realistic_book(Scheme::Light).await;
}

#[tokio::test]
async fn every_screen_with_a_realistic_book_passes_axe_in_dark_mode() {
    realistic_book(Scheme::Dark).await;
}

async fn realistic_book(scheme: Scheme) {
    let f = Fixture::new().await;
    let b = &f.browser;
    scheme.emulate(b).await;
    let mut audit = Audit::new();
    open_home(&f).await;
    let priya = seed_book(b).await;

    audit.check(b, "contact detail").await;
    b.click("#log-open").await;
    b.wait_css("#log-note", UI).await;
    b.type_into("#log-note", "Happy to chat next week").await;
    b.click("#log-save").await;
    b.wait_css("ol.history > li", UI).await;
    audit
        .check(b, "contact detail, with history and a toast")
        .await;
    click_containing(b, "ol.timeline", "Snooze").await;
    b.wait_css("form.snooze", UI).await;
    audit.check(b, "contact detail, snooze open").await;
    b.click("#outcome-introduced").await;
    b.wait_css("#intro-name", UI).await;
    audit
        .check(b, "contact detail, an introduction being recorded")
        .await;
    b.click("#outcome-applied").await;
    b.wait_css("#outcome-job", UI).await;
    b.type_into("#outcome-job", "Backend Intern").await;
    b.click("#outcome-save").await;
    b.wait_css("ol.history .entry-undo", UI).await;
    audit
        .check(b, "contact detail, an outcome with its undo")
        .await;
    b.click("button.toast-close").await;
    b.click("#delete").await;
    b.wait_css("#confirm-delete", UI).await;
    audit.check(b, "contact detail, delete question").await;

    tab(b, "agenda", "agenda").await;
    b.wait_css("section.agenda-section.overdue li.agenda-item", UI)
        .await;
    b.wait_css("section.agenda-section.due li.agenda-item", UI)
        .await;
    audit.check(b, "agenda, with overdue and due rows").await;
    click_containing(b, "section.agenda-section.due li.agenda-item", "Snooze").await;
    b.wait_css(".snooze-options", UI).await;
    audit.check(b, "agenda, snooze options open").await;

    click_containing(b, "section.agenda-section.due li.agenda-item", "Write it").await;
    b.wait_page("composer").await;
    audit.check(b, "composer, a connection note").await;
    tab(b, "agenda", "agenda").await;
    let email = pin(
        b,
        "a Write it link to an email step",
        "return Array.from(document.querySelectorAll('li.agenda-item a')).find(a => \
           a.textContent.trim().startsWith('Write it') && /send\\/[a-z-]*email/.test(a.getAttribute('href'))) || null;",
    )
    .await;
    b.click(&email).await;
    b.wait_page("composer").await;
    audit.check(b, "composer, an email").await;

    tab(b, "contacts", "contacts").await;
    b.wait_css("ul.contact-list > li", UI).await;
    audit.check(b, "contacts list").await;
    let search = pin(
        b,
        "the contacts search box",
        "return document.querySelector('.finder input[type=search], .finder input') || null;",
    )
    .await;
    b.type_into(&search, "gar").await;
    b.wait_text(".result-count", "1").await;
    audit.check(b, "contacts list, searched").await;
    b.type_into(&search, "zzzz").await;
    b.wait_text(".result-count", "0").await;
    audit.check(b, "contacts list, no match").await;
    b.click("#open-referrals").await;
    b.wait_page("referrals").await;
    b.wait_css("ol.referrals > li", UI).await;
    audit.check(b, "referrals").await;

    tab(b, "events", "events").await;
    b.wait_css(".events-card", UI).await;
    audit.check(b, "events").await;
    b.click("a.events-stats").await;
    b.wait_page("contacts").await;
    b.wait_css("ul.contact-list > li", UI).await;
    audit.check(b, "contacts of one event").await;
    tab(b, "events", "events").await;
    click_containing(b, "main#main", "New event").await;
    b.wait_css("#event-name", UI).await;
    audit.check(b, "events, new event form").await;
    click_containing(b, ".events-form", "Cancel").await;
    click_containing(b, ".events-card", "Edit").await;
    b.wait_css("#event-name", UI).await;
    audit.check(b, "events, edit form").await;
    click_containing(b, ".events-form", "Cancel").await;
    click_containing(b, ".events-card", "Delete").await;
    b.wait_css(".events-confirm", UI).await;
    audit.check(b, "events, delete question").await;

    deep_link(&f, &format!("contacts/{priya}/edit"), "edit").await;
    audit.check(b, "edit contact").await;

    tab(b, "settings", "settings").await;
    audit.check(b, "settings").await;
    b.click("details.settings-template > summary").await;
    audit.check(b, "settings, a template open").await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Connections.csv");
    std::fs::write(
        &file,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Ana,Lopez,https://www.linkedin.com/in/ana-lopez-a11y,,Globex,Recruiter,12 Nov 2024\n\
         Priya,Raman,https://www.linkedin.com/in/priya-raman,,Acme Robotics,Engineer,3 Oct 2024\n",
    )
    .unwrap();
    pick_import_file(b, &file).await;
    b.wait_css(".data-preview", UI).await;
    audit.check(b, "settings, import preview").await;

    audit.assert_clean("realistic book");
    f.finish("checking the realistic book's screens").await;
}

/// Forms showing their validation errors: capture, edit, an event, a logged interaction, a
/// snooze date and the settings — each error is announced and tied to its field.
#[tokio::test]
async fn forms_showing_validation_errors_pass_axe() {
    let f = Fixture::new().await;
    let b = &f.browser;
    let mut audit = Audit::new();
    open_home(&f).await;

    tab(b, "add", "add").await;
    b.type_into("#email", "not an email").await;
    b.type_into("#linkedin", "https://example.com/someone")
        .await;
    b.click("#save").await;
    b.wait_css("#name-error", UI).await;
    b.wait_css("#email-error", UI).await;
    audit.check(b, "capture, name and email errors").await;

    b.type_into("#name", "Leo Park").await;
    b.type_into("#email", "leo@figma.example").await;
    b.type_into("#linkedin", "leo-park").await;
    b.click("#save").await;
    b.wait_page("contact").await;

    b.click("#log-open").await;
    b.wait_css("#log-date", UI).await;
    b.js(
        "const e = document.querySelector('#log-date'); e.value = ''; \
          e.dispatchEvent(new Event('input', {bubbles: true})); return true;",
    )
    .await;
    b.click("#log-save").await;
    b.wait_css("#log-date-error", UI).await;
    audit.check(b, "contact, log form date error").await;

    click_containing(b, "ol.timeline", "Snooze").await;
    b.wait_css("form.snooze input[type=date]", UI).await;
    b.js(
        "const e = document.querySelector('form.snooze input[type=date]'); e.value = ''; \
          e.dispatchEvent(new Event('input', {bubbles: true})); return true;",
    )
    .await;
    click_containing(b, "form.snooze .snooze-pick", "Snooze").await;
    b.wait_css("form.snooze .field-error", UI).await;
    audit.check(b, "contact, snooze date error").await;

    b.click("#edit").await;
    b.wait_page("edit").await;
    b.type_into("#name", " ").await;
    b.js("const e = document.querySelector('#name'); e.value = ''; \
          e.dispatchEvent(new Event('input', {bubbles: true})); return true;")
        .await;
    b.type_into("#cadence", "0").await;
    click_containing(b, "main#main form", "Save").await;
    b.wait_css("#name-error", UI).await;
    b.wait_css("#cadence-error", UI).await;
    audit.check(b, "edit, name and cadence errors").await;

    tab(b, "events", "events").await;
    click_containing(b, "main#main", "Add your first event").await;
    b.wait_css("#event-date", UI).await;
    b.js(
        "const e = document.querySelector('#event-date'); e.value = ''; \
          e.dispatchEvent(new Event('input', {bubbles: true})); return true;",
    )
    .await;
    click_containing(b, ".events-form", "Add event").await;
    b.wait_css("#event-name-error", UI).await;
    b.wait_css("#event-date-error", UI).await;
    audit.check(b, "events, name and date errors").await;

    tab(b, "settings", "settings").await;
    b.type_into("#profile-linkedin", "https://example.com/me")
        .await;
    click_containing(b, "form.settings-form", "Save profile").await;
    b.wait_css("form.settings-form .field-error", UI).await;
    b.type_into("#cadence", "0").await;
    click_containing(b, "form.settings-cadence", "Save").await;
    b.wait_css("form.settings-cadence .field-error", UI).await;
    b.click("details.settings-template > summary").await;
    let template = pin(
        b,
        "the open template's editor",
        "return document.querySelector('details.settings-template[open] :is(textarea, input)');",
    )
    .await;
    b.type_into(&template, "Hi {unknown_placeholder}").await;
    b.wait_css("details.settings-template[open] .field-error", UI)
        .await;
    audit
        .check(b, "settings, profile, cadence and template errors")
        .await;

    audit.assert_clean("validation errors");
    f.finish("checking forms with errors").await;
}

/// The messages about stored data: unreadable data with its Download / Start fresh
/// buttons, the backup reminder on the agenda, the iOS install hint, and Settings' facts
/// about storage.
#[tokio::test]
async fn data_safety_messages_pass_axe() {
    let f = Fixture::new().await;
    let b = &f.browser;
    let mut audit = Audit::new();
    open_home(&f).await;
    b.js("localStorage.setItem('followup.meta', '{broken'); return true;")
        .await;
    b.refresh().await;
    b.wait_css("#unreadable-banner", UI).await;
    audit.check(b, "agenda, unreadable data banner").await;
    b.click("#unreadable-start-fresh").await;

    capture_met_days_ago(b, "Older Contact", 21).await;
    tab(b, "agenda", "agenda").await;
    b.wait_css("#backup-reminder", UI).await;
    audit.check(b, "agenda, backup reminder").await;

    b.emulate_ios_safari().await;
    b.refresh().await;
    b.wait_css("#ios-install-hint", UI).await;
    audit.check(b, "agenda, iOS install hint").await;

    tab(b, "settings", "settings").await;
    b.wait_css("#storage-used", UI).await;
    audit.check(b, "settings, storage facts").await;

    audit.assert_clean("data safety messages");
    f.finish("checking the data safety messages").await;
}

/// The fair floor's screens: My card (nothing to show yet, then the code), Scan (camera
/// looking, and no detector with a paste error), capture with a duplicate warning, the
/// merge screen before and after merging, and an import preview with a duplicate.
#[tokio::test]
async fn the_fair_floor_screens_pass_axe() {
    let f = Fixture::new().await;
    let b = &f.browser;
    let mut audit = Audit::new();
    open_home(&f).await;

    tab(b, "add", "add").await;
    b.click("#open-card").await;
    b.wait_page("card").await;
    b.wait_css(".my-card-missing", UI).await;
    audit.check(b, "my card, nothing to show yet").await;
    crate::fair::fill_profile(b).await;
    tab(b, "add", "add").await;
    b.click("#open-card").await;
    b.wait_css("#my-card-qr", UI).await;
    audit.check(b, "my card").await;

    // A detector that never finds a code: the camera stays on, with its status line.
    b.js("window.BarcodeDetector = class { async detect() { return []; } }; \
          navigator.mediaDevices.getUserMedia = async () => { const c = document.createElement('canvas'); \
            c.width = 64; c.height = 64; c.getContext('2d').fillRect(0, 0, 64, 64); return c.captureStream(); }; \
          return true;")
        .await;
    tab(b, "add", "add").await;
    b.click("#open-scan").await;
    b.wait_page("scan").await;
    b.wait_text("#scan-status", "Point the camera").await;
    audit.check(b, "scan, camera on").await;
    b.js("delete window.BarcodeDetector; return true;").await;
    tab(b, "add", "add").await;
    b.click("#open-scan").await;
    b.wait_css("#scan-unsupported", UI).await;
    b.click("#scan-paste-use").await;
    b.wait_css("#scan-paste-error", UI).await;
    audit.check(b, "scan, no detector, paste error").await;

    add_person(b, "Ana López", "Stripe").await;
    tab(b, "add", "add").await;
    b.type_into("#name", "Ana Lopez").await;
    b.type_into("#company", "Stripe").await;
    b.wait_css("#duplicate-warning", UI).await;
    audit.check(b, "capture, duplicate warning").await;
    click_containing(b, "#duplicate-warning", "Merge").await;
    b.wait_page("merge").await;
    audit.check(b, "merge").await;
    b.click("#merge-confirm").await;
    b.wait_css(".merge-done", UI).await;
    audit.check(b, "merge, done").await;

    let vcf = followup_e2e::write_file(
        b.tmp_dir(),
        "dup.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:ana lopez\r\nORG:stripe\r\nEND:VCARD\r\n",
    );
    tab(b, "settings", "settings").await;
    b.pick_file("#data-import-file", &vcf).await;
    b.wait_css(".data-duplicates", UI).await;
    audit.check(b, "import preview with a duplicate").await;

    audit.assert_clean("fair floor");
    f.finish("checking the fair floor's screens").await;
}

/// Adds a contact with a name and company through capture.
async fn add_person(b: &Browser, name: &'static str, company: &'static str) {
    tab(b, "add", "add").await;
    fill_person(
        b,
        &Person {
            company,
            ..Person::named(name)
        },
    )
    .await;
    b.click("#save").await;
    b.wait_page("contact").await;
}

/// The palette follows the device until Settings chooses a theme, and the choice wins over
/// the device either way (one `light-dark()` palette, switched by `color-scheme`).
#[tokio::test]
async fn the_theme_setting_wins_over_the_device() {
    let f = Fixture::new().await;
    let b = &f.browser;
    let background = || async {
        b.js("return getComputedStyle(document.body).backgroundColor")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    const LIGHT: &str = "rgb(246, 244, 239)";
    const DARK: &str = "rgb(18, 23, 21)";
    Scheme::Light.emulate(b).await;
    b.goto(&f.url("settings")).await;
    b.wait_page("settings").await;
    assert_eq!(background().await, LIGHT, "a light device, no choice made");
    Scheme::Dark.emulate(b).await;
    assert_eq!(background().await, DARK, "a dark device, no choice made");

    b.click("#theme-light").await;
    assert_eq!(background().await, LIGHT, "Light chosen on a dark device");
    Scheme::Light.emulate(b).await;
    b.click("#theme-dark").await;
    assert_eq!(background().await, DARK, "Dark chosen on a light device");
    b.refresh().await;
    b.wait_page("settings").await;
    assert_eq!(
        background().await,
        DARK,
        "the choice is kept after a reload"
    );
    b.click("#theme-same").await;
    assert_eq!(background().await, LIGHT, "back to the device's light");
}
