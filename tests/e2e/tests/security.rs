//! End-to-end security tests (issue 4, "Security"): XSS payloads typed into every text
//! field of the app are rendered as text and never run, `javascript:` links are refused
//! at input and at import, and every link leaving the app opens with
//! `rel="noopener noreferrer"`.
//!
//! The payloads would set `window.__xss` or open an alert if they ever ran; rendered as
//! HTML they would also create `<img src=x>` / `<svg onload>` elements, request
//! `/followup/x` (a 404 in the console) or break the Content-Security-Policy (a console
//! error): the harness fails a test on any console error, so each of those is caught.
//!
//! Build first: `cargo xtask dist --public-url /followup/`; run (from the workspace root):
//! `cargo test -p followup-e2e --test e2e -- --test-threads=1 security::`.

use std::path::Path;

use followup_e2e::ui::{
    capture_at_new_event, click_text, open_home, pick_import_file, tab, wait_gone, Strings,
};
use followup_e2e::{js_str, write_file, Browser, Fixture, STORED_JS, UI, VIEWPORT};
use serde_json::Value;

const IMG: &str = "<img src=x onerror=\"window.__xss=1\">";
const SCRIPT: &str = "<script>window.__xss=1</script>";
const SVG: &str = "\"><svg onload=window.__xss=1>";
const JS_URL: &str = "javascript:alert(1)";

/// What a page holds that matters here.
struct PageCheck {
    /// `typeof window.__xss`: "undefined" unless a payload ran.
    xss: String,
    /// `<a>` whose href is a `javascript:` URL.
    js_links: Vec<String>,
    /// Elements a payload would have created if rendered as HTML.
    injected: Vec<String>,
    /// Links leaving the app (or opening a new tab) without `rel="noopener noreferrer"`.
    unsafe_external: Vec<String>,
    /// Links leaving the app, as checked.
    external: Vec<String>,
    /// The page's visible text plus the values of its fields.
    text: String,
    /// The document's width: wider than the phone when a long payload overflows.
    width: u64,
}

const CHECK_JS: &str = r#"
    const links = Array.from(document.querySelectorAll('a[href]'));
    const external = links.filter(a => {
        const u = new URL(a.getAttribute('href'), document.baseURI);
        return ((u.protocol === 'http:' || u.protocol === 'https:') && u.origin !== location.origin)
            || a.target === '_blank';
    });
    const main = document.querySelector('main#main') || document.body;
    const fields = Array.from(document.querySelectorAll('input, textarea')).map(e => e.value);
    return {
        xss: typeof window.__xss,
        jsLinks: links.filter(a => /^\s*javascript:/i.test(a.getAttribute('href'))).map(a => a.outerHTML),
        injected: Array.from(main.querySelectorAll('img[src="x"], svg, script, iframe, object, embed, [onerror], [onload], [onclick]'))
            .filter(e => !(e.tagName.toLowerCase() === 'svg' && e.closest('[aria-hidden="true"], .icon, button, a, summary')))
            .map(e => e.outerHTML.slice(0, 120)),
        unsafeExternal: external.filter(a => {
            const rel = (a.getAttribute('rel') || '').split(/\s+/);
            return !(rel.includes('noopener') && rel.includes('noreferrer'));
        }).map(a => a.outerHTML.slice(0, 200)),
        external: external.map(a => a.getAttribute('href')),
        text: document.body.innerText + '\n' + fields.join('\n'),
        width: document.documentElement.scrollWidth,
    };"#;

async fn check_page(b: &Browser) -> PageCheck {
    let v = b.js(CHECK_JS).await;
    let list = |k: &str| -> Vec<String> { v[k].strings() };
    PageCheck {
        xss: v["xss"].as_str().unwrap_or("?").to_string(),
        js_links: list("jsLinks"),
        injected: list("injected"),
        unsafe_external: list("unsafeExternal"),
        external: list("external"),
        text: v["text"].as_str().unwrap_or("").to_string(),
        width: v["width"].as_u64().unwrap_or(0),
    }
}

/// Asserts nothing ran, nothing was injected, no `javascript:` link and no unsafe
/// external link exists on the current page, and that each of `visible` is shown as text.
/// Returns the external links seen.
async fn assert_safe(b: &Browser, context: &str, visible: &[&str]) -> Vec<String> {
    // The texts may take a frame to render.
    for needle in visible {
        b.wait_js(
            &format!("{needle:?} shown as text on {context}"),
            UI,
            &format!(
                "const fields = Array.from(document.querySelectorAll('input, textarea')).map(e => e.value).join('\\n'); \
                 return (document.body.innerText + '\\n' + fields).includes({});",
                js_str(needle)
            ),
        )
        .await;
    }
    let page = check_page(b).await;
    let alert = b.client.get_alert_text().await;
    assert!(alert.is_err(), "{context}: an alert opened: {alert:?}");
    assert_eq!(
        page.xss, "undefined",
        "{context}: a payload ran (window.__xss set)"
    );
    assert!(
        page.js_links.is_empty(),
        "{context}: javascript: links: {:?}",
        page.js_links
    );
    assert!(
        page.injected.is_empty(),
        "{context}: payload elements in the page: {:?}",
        page.injected
    );
    assert!(
        page.unsafe_external.is_empty(),
        "{context}: external links without rel=\"noopener noreferrer\": {:?}",
        page.unsafe_external
    );
    for needle in visible {
        assert!(
            page.text.contains(needle),
            "{context}: {needle:?} not shown"
        );
    }
    // Long unbreakable payload text wraps instead of widening the page (which would push
    // the tab bar off a phone's screen).
    assert!(
        page.width <= u64::from(VIEWPORT.0),
        "{context}: the page is {} px wide on a {} px screen",
        page.width,
        VIEWPORT.0
    );
    b.assert_no_console_errors(context).await;
    page.external
}

/// Waits for a field error under the field `id` containing `fragment`.
async fn wait_field_error(b: &Browser, id: &str, fragment: &str) {
    b.wait_text(&format!("#{id}-error"), fragment).await;
}

#[tokio::test]
async fn xss_payloads_in_every_text_field_render_as_text() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;

    // Settings: the profile. Links must be web links; the other fields take any text.
    tab(b, "settings", "settings").await;
    b.type_into("#profile-name", &format!("Sam {IMG}")).await;
    b.type_into("#profile-school", SVG).await;
    b.type_into("#profile-programme", SCRIPT).await;
    b.type_into("#profile-sign-off", JS_URL).await;
    b.type_into("#profile-resume", JS_URL).await;
    b.type_into("#profile-linkedin", JS_URL).await;
    click_text(b, "#main", "Save profile").await;
    wait_field_error(
        b,
        "profile-resume",
        "Only web links starting with https:// can be saved",
    )
    .await;
    b.wait_css("#profile-linkedin-error", UI).await;
    assert!(
        !b.stored().await.contains(JS_URL),
        "a refused profile is not saved"
    );
    b.type_into("#profile-resume", "https://example.com/cv.pdf")
        .await;
    b.js("const e = document.querySelector('#profile-linkedin'); e.value = ''; e.dispatchEvent(new Event('input', {bubbles: true})); return true;")
        .await;
    click_text(b, "#main", "Save profile").await;
    b.wait_text(".settings-saved", "Saved").await;
    let stored = b.stored().await;
    assert!(
        stored.contains("https://example.com/cv.pdf") && stored.contains("Sam <img"),
        "{stored}"
    );

    // A template with every payload (and placeholders).
    let template = format!("Hi {{first_name}} {IMG} {SCRIPT} {SVG} {JS_URL}");
    b.js("document.querySelector('#template-connect-note').closest('details').open = true; return true;")
        .await;
    b.type_into("#template-connect-note", &template).await;
    let editor = "details.settings-template:has(#template-connect-note)";
    click_text(b, editor, "Save").await;
    b.wait_js(
        "the template to be saved",
        UI,
        &format!("return ({STORED_JS}).includes({});", js_str(SCRIPT)),
    )
    .await;
    assert_safe(
        b,
        "Settings with payloads in the profile and a template",
        &[SVG, SCRIPT],
    )
    .await;

    // Capture: an event named with a payload, then a contact with one in every field.
    capture_at_new_event(b, SVG).await;
    let name = format!("Mallory {IMG}");
    b.type_into("#name", &name).await;
    b.type_into("#company", SVG).await;
    b.type_into("#hook", &format!("{SCRIPT} and {IMG}")).await;
    b.type_into("#email", IMG).await;
    b.type_into("#linkedin", JS_URL).await;
    b.js("document.querySelector('details.more').open = true; return true;")
        .await;
    b.type_into("#title", SCRIPT).await;
    b.type_into("#pronouns", SVG).await;
    b.type_into("#role", JS_URL).await;
    b.type_into("#phone", &format!("+1 555 {IMG}")).await;
    b.type_into("#tags", &format!("<b>bold</b>, {JS_URL}"))
        .await;
    b.type_into("#notes", &format!("{SVG} {JS_URL}")).await;
    b.click("#save").await;
    b.wait_css("#email-error", UI).await;
    b.wait_css("#linkedin-error", UI).await;
    assert_eq!(
        b.page().await.as_deref(),
        Some("add"),
        "refused input is not saved"
    );
    assert!(!b.stored().await.contains("Mallory"), "nothing saved yet");
    b.type_into("#email", "mallory@example.com").await;
    b.type_into("#linkedin", SVG).await;
    b.click("#save").await;
    b.wait_css("#linkedin-error", UI).await;
    b.js("const e = document.querySelector('#linkedin'); e.value = ''; e.dispatchEvent(new Event('input', {bubbles: true})); return true;")
        .await;
    b.click("#save").await;
    b.wait_page("contact").await;
    let contact_path = b.path().await;

    // The contact page: every field shown as text; log an interaction with payloads.
    let log_note = format!("{IMG} {SVG}");
    b.click("#log-open").await;
    b.type_into("#log-note", &log_note).await;
    b.click("#log-save").await;
    wait_gone(b, "#log-note").await;
    let external = assert_safe(
        b,
        "the contact page",
        &[&name, SVG, SCRIPT, JS_URL, IMG, "<b>bold</b>", &log_note],
    )
    .await;
    assert!(
        external
            .iter()
            .any(|h| h.starts_with("https://www.linkedin.com/search/results/people/")),
        "the contact page links to a LinkedIn search: {external:?}"
    );
    let tel = b
        .js("const a = document.querySelector('a[href^=\"tel:\"]'); return a ? a.getAttribute('href') : null;")
        .await;
    assert_eq!(
        tel,
        Value::String("tel:+15551".into()),
        "only digits and + go into tel:"
    );

    // Events: a second event with payloads in its name and place.
    tab(b, "events", "events").await;
    click_text(b, "#main", "+New event").await;
    b.type_into("#event-name", SCRIPT).await;
    b.type_into("#event-place", IMG).await;
    click_text(b, "#main", "Add event").await;
    b.wait_text("#main", SCRIPT).await;
    assert_safe(b, "the events page", &[SVG, SCRIPT]).await;

    // The agenda and the contacts list show the name as text.
    tab(b, "agenda", "agenda").await;
    assert_safe(b, "the agenda", &[&name]).await;
    tab(b, "contacts", "contacts").await;
    assert_safe(b, "the contacts list", &[&name, SVG]).await;

    // The composers, opened from the contact page: the note drafted from the payload
    // template, and the email.
    b.click(&format!(
        "main a[href$='{}']",
        contact_path.rsplit('/').next().unwrap()
    ))
    .await;
    b.wait_page("contact").await;
    b.click("main a[href*='/send/connect?']").await;
    b.wait_page("composer").await;
    let external = assert_safe(
        b,
        "the connection-note composer",
        &[IMG, SCRIPT, SVG, JS_URL],
    )
    .await;
    assert!(
        external
            .iter()
            .all(|h| h.starts_with("https://www.linkedin.com/")),
        "{external:?}"
    );
    // The email step opens tomorrow: the agenda offers "Write it early".
    tab(b, "agenda", "agenda").await;
    b.click("main a[href*='/send/email?']").await;
    b.wait_page("composer").await;
    assert_safe(b, "the email composer", &["Mallory", IMG]).await;
    let mailto = b
        .js("const a = document.querySelector('#open-email'); return a ? a.getAttribute('href') : null;")
        .await;
    let href = mailto.as_str().expect("an Open email link");
    assert!(href.starts_with("mailto:mallory@example.com?"), "{href}");
    assert!(
        !href.contains('<') && !href.contains('"'),
        "the body is percent-encoded: {href}"
    );
    b.click(".back-link").await;
    b.wait_page("contact").await;
    assert_safe(
        b,
        "the contact page, from the composer",
        &[&name, &log_note],
    )
    .await;
    f.finish("XSS payloads in every field").await;
}

/// Imports `file` through Settings, checks the preview names what was left out, confirms.
async fn import(b: &Browser, file: &Path, left_out: &[&str]) {
    tab(b, "settings", "settings").await;
    pick_import_file(b, file).await;
    b.wait_css(".data-preview", UI).await;
    for fragment in left_out {
        b.wait_text(".data-preview", fragment).await;
    }
    assert_safe(b, &format!("the preview of {}", file.display()), &[]).await;
    click_text(b, ".data-preview", "Import").await;
    b.wait_text(".data-done", "Imported").await;
}

#[tokio::test]
async fn imported_javascript_urls_are_left_out_with_a_message() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    let dir = tempfile::tempdir().unwrap();

    let backup = serde_json::json!({
        "version": 1,
        "contacts": [{
            "id": "xss-backup",
            "name": format!("Backup {IMG}"),
            "company": SVG,
            "met_on": "2026-11-20",
            "linkedin": JS_URL,
            "email": "backup@example.com",
            "notes": SCRIPT,
        }],
        "profile": { "name": "Sam", "resume_url": JS_URL },
    });
    let file = write_file(dir.path(), "backup.json", &backup.to_string());
    import(
        b,
        &file,
        &[
            "the LinkedIn link of Backup",
            "was left out",
            "The resume link in this backup's profile was left out",
        ],
    )
    .await;
    let stored = b.stored().await;
    assert!(
        stored.contains("backup@example.com"),
        "the contact is kept: {stored}"
    );
    assert!(
        !stored.contains(JS_URL),
        "the javascript: links are not: {stored}"
    );

    let vcard = format!(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card {IMG}\r\nN:Card;Test;;;\r\n\
         X-SOCIALPROFILE;type=linkedin:{JS_URL}\r\nNOTE:{SCRIPT}\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Second Card\r\nURL:javascript:alert('linkedin')\r\n\
         END:VCARD\r\n"
    );
    let file = write_file(dir.path(), "contacts.vcf", &vcard);
    import(b, &file, &["contacts.vcf, line 5", "left out"]).await;

    let csv = format!(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Csv,\"{}\",{JS_URL},,Acme,\"{}\",12 Nov 2024\n",
        IMG.replace('"', "\"\""),
        SVG.replace('"', "\"\"")
    );
    let file = write_file(dir.path(), "Connections.csv", &csv);
    import(
        b,
        &file,
        &[
            "Connections.csv, row 2: the profile link for Csv",
            "was left out",
            "1 older connection: its first follow-ups are marked as skipped",
        ],
    )
    .await;
    let stored = b.stored().await;
    assert!(
        !stored.contains("javascript:"),
        "no javascript: URL was imported: {stored}"
    );

    let names = [
        format!("Backup {IMG}"),
        format!("Card {IMG}"),
        format!("Csv {IMG}"),
        "Second Card".to_string(),
    ];
    let shown: Vec<&str> = names.iter().map(String::as_str).collect();
    tab(b, "contacts", "contacts").await;
    assert_safe(b, "the contacts list after the imports", &shown).await;
    for name in &names {
        tab(b, "contacts", "contacts").await;
        let js = format!(
            "document.querySelectorAll('[data-e2e-open]').forEach(e => e.removeAttribute('data-e2e-open')); \
             const a = Array.from(document.querySelectorAll('main a[href]')).find(a => a.textContent.includes({})); \
             if (!a) return false; a.setAttribute('data-e2e-open', '1'); return true;",
            js_str(name)
        );
        b.wait_js(&format!("{name:?} in the list"), UI, &js).await;
        b.click("[data-e2e-open]").await;
        b.wait_page("contact").await;
        assert_safe(b, &format!("the page of the imported {name:?}"), &[name]).await;
    }
    f.finish("importing javascript: URLs").await;
}
