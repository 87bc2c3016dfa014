//! The fair floor (issue 12): My card's QR code read back by a real decoder, the share
//! target opened under `/followup/`, a scan with a stubbed `BarcodeDetector` (and the plain
//! message where there is none), duplicates caught at capture and at import then merged
//! and undone, and the app badge observed through a stub.

use std::path::Path;

use fantoccini::Locator;
use followup::domain::card::{card_text, CardKind};
use followup::domain::Profile;
use followup_e2e::ui::{
    add_contact, capture_at_new_event, click_text, open_home, pick_import_file, shoot, tab, value,
    wait_for, Person,
};
use followup_e2e::{js_str, write_file, Browser, Fixture, RECORDS_JS, UI};
use serde_json::Value;

/// The profile typed in Settings by the tests that need one.
pub(crate) fn alex() -> Profile {
    Profile {
        name: "Alex Kim".into(),
        school: "State University".into(),
        email: "alex.kim@uni.edu".into(),
        linkedin_url: "https://www.linkedin.com/in/alex-kim/".into(),
        resume_url: "https://alexkim.dev/resume.pdf".into(),
        ..Profile::default()
    }
}

/// Types `alex()` into Settings' profile form and saves it.
pub async fn fill_profile(b: &Browser) {
    tab(b, "settings", "settings").await;
    let p = alex();
    for (css, text) in [
        ("#profile-name", p.name.as_str()),
        ("#profile-school", &p.school),
        ("#profile-email", &p.email),
        ("#profile-linkedin", &p.linkedin_url),
        ("#profile-resume", &p.resume_url),
    ] {
        b.type_into(css, text).await;
    }
    click_text(b, "", "Save profile").await;
    b.wait_js(
        "the profile to be saved",
        UI,
        "return (localStorage.getItem('followup.meta') || '').includes('alex.kim@uni.edu');",
    )
    .await;
}

/// Reads the QR code on screen back from a screenshot of the `<svg>`, with rqrr.
pub(crate) async fn decode_card(b: &Browser) -> String {
    let svg = b
        .client
        .find(Locator::Css("#my-card-qr"))
        .await
        .unwrap_or_else(|e| panic!("e2e: no QR code on My card: {e}"));
    let png = svg
        .screenshot()
        .await
        .unwrap_or_else(|e| panic!("e2e: screenshot of the QR code failed: {e}"));
    decode_png(&png)
}

fn decode_png(png: &[u8]) -> String {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a PNG screenshot");
    let mut buf = vec![
        0;
        reader
            .output_buffer_size()
            .expect("a PNG that fits in memory")
    ];
    let info = reader.next_frame(&mut buf).expect("a PNG frame");
    let samples = info.color_type.samples();
    let (w, h, line) = (info.width as usize, info.height as usize, info.line_size);
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * line + x * samples]);
    let grids = image.detect_grids();
    assert_eq!(
        grids.len(),
        1,
        "e2e: one QR code in the screenshot ({w}x{h})"
    );
    let (_, text) = grids[0]
        .decode()
        .unwrap_or_else(|e| panic!("e2e: the QR code on screen does not decode: {e:?}"));
    text
}

/// Contacts stored in localStorage (tombstones left out), by name.
pub async fn stored_names(b: &Browser) -> Vec<String> {
    let names = b
        .js(&format!(
            "return {RECORDS_JS}.filter(c => c.name).map(c => c.name).sort();"
        ))
        .await;
    names
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n.as_str().map(str::to_string))
        .collect()
}

pub(crate) async fn wait_stored(b: &Browser, expected: &[&str]) {
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    wait_for(
        &format!("the stored contacts to be {expected:?}"),
        || stored_names(b),
        |names| *names == expected,
    )
    .await;
}

/// Replaces `BarcodeDetector` with one that "sees" `code`, and the camera with a canvas
/// stream, as a phone pointed at a QR code would give.
pub async fn stub_scanner(b: &Browser, code: &str) {
    b.js(&format!(
        "window.BarcodeDetector = class {{ constructor(options) {{ this.options = options; }} \
           async detect(source) {{ window.__scanned = (window.__scanned || 0) + 1; \
             return [{{ format: 'qr_code', rawValue: {code} }}]; }} }}; \
         navigator.mediaDevices.getUserMedia = async () => {{ \
           const c = document.createElement('canvas'); c.width = 64; c.height = 64; \
           c.getContext('2d').fillRect(0, 0, 64, 64); return c.captureStream(); }}; \
         return true;",
        code = js_str(code)
    ))
    .await;
}

#[tokio::test]
async fn my_card_decodes_back_to_the_exact_payload() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    // One tap from Add; nothing to show until the profile has a link.
    tab(b, "add", "add").await;
    b.click("#open-card").await;
    b.wait_page("card").await;
    b.wait_text(
        ".my-card-missing",
        "Add your LinkedIn profile link in Settings",
    )
    .await;
    assert!(b.client.find(Locator::Css("#my-card-qr")).await.is_err());
    b.click("#card-vcard").await;
    b.wait_text(".my-card-missing", "Add your name in Settings")
        .await;

    fill_profile(b).await;
    tab(b, "add", "add").await;
    b.click("#open-card").await;
    b.wait_page("card").await;
    // The choice of a contact card was remembered.
    b.wait_css("#my-card-qr", UI).await;
    let vcard = card_text(&alex(), CardKind::VCard, "").unwrap();
    assert_eq!(decode_card(b).await, vcard);
    assert!(
        vcard.contains("EMAIL;TYPE=INTERNET:alex.kim@uni.edu"),
        "{vcard}"
    );
    assert!(
        vcard.contains("URL;TYPE=resume:https://alexkim.dev/resume.pdf"),
        "{vcard}"
    );

    b.click("#card-linkedin").await;
    b.wait_js(
        "the LinkedIn code",
        UI,
        "return document.querySelector('#my-card-qr')?.getAttribute('data-payload') === \
           'https://www.linkedin.com/in/alex-kim/';",
    )
    .await;
    assert_eq!(
        decode_card(b).await,
        "https://www.linkedin.com/in/alex-kim/"
    );
    shoot(b, "my-card.png", false).await;
    f.finish("My card").await;
}

#[tokio::test]
async fn the_share_target_opens_capture_prefilled() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    // The manifest sends shares to capture, under the subpath, with GET.
    let manifest = b
        .js_async(
            "fetch('manifest.webmanifest').then(r => r.json()).then(m => done({ \
               action: new URL(m.share_target.action, location.href).pathname, \
               method: m.share_target.method, params: m.share_target.params }));",
        )
        .await;
    assert_eq!(manifest["action"], "/followup/contacts/new");
    assert_eq!(manifest["method"], "GET");
    assert_eq!(manifest["params"]["url"], "url");
    assert_eq!(manifest["params"]["text"], "text");

    // Capturing at a fair: the shared person lands there.
    capture_at_new_event(b, "Spring Career Fair").await;

    let text = "Check out Ana López’s profile on LinkedIn https://www.linkedin.com/in/ana-lopez-1a2b3c?utm_source=share&utm_campaign=share_via&utm_content=profile&utm_medium=android_app";
    let shared = format!(
        "contacts/new?title=&text={}&url=",
        url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>()
    );
    let url = f.url(&shared);
    b.goto(&url).await;
    b.wait_page("add").await;
    b.wait_css("#prefilled", UI).await;
    assert_eq!(value(b, "#name").await, "Ana López");
    assert_eq!(
        value(b, "#linkedin").await,
        "https://www.linkedin.com/in/ana-lopez-1a2b3c/"
    );
    b.wait_text(".event-name", "Spring Career Fair").await;
    b.click("#save").await;
    b.wait_page("contact").await;
    wait_stored(b, &["Ana López"]).await;

    // Text with no profile link becomes the notes.
    let url2 = f.url("contacts/new?text=Booth%2014%3A%20ask%20for%20the%20platform%20team");
    b.goto(&url2).await;
    b.wait_page("add").await;
    b.wait_text("#prefilled", "in the notes").await;
    assert_eq!(
        value(b, "#notes").await,
        "Booth 14: ask for the platform team"
    );
    assert_eq!(value(b, "#name").await, "");
    // GitHub Pages answers a deep link with 404.html (before the service worker controls
    // the page); that status is the design, not an error.
    let capture = f.url("contacts/new");
    b.assert_no_console_errors_except("opening the share target", |e| {
        e.source == "network"
            && e.message.starts_with(&capture)
            && e.message.contains("status of 404")
    })
    .await;
    f.finish("share target").await;
}

#[tokio::test]
async fn a_scan_opens_capture_prefilled_and_no_detector_offers_pasting() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    stub_scanner(
        b,
        "MECARD:N:López,Ana;ORG:Stripe;EMAIL:ana@stripe.com;URL:https://www.linkedin.com/in/ana-lopez?trk=qr;;",
    )
    .await;
    tab(b, "add", "add").await;
    b.click("#open-scan").await;
    // The stubbed camera "sees" the code at once and capture opens filled in.
    b.wait_page("add").await;
    b.wait_text("#prefilled", "scanned code").await;
    assert_eq!(value(b, "#name").await, "Ana López");
    assert_eq!(value(b, "#company").await, "Stripe");
    assert_eq!(value(b, "#email").await, "ana@stripe.com");
    assert_eq!(
        value(b, "#linkedin").await,
        "https://www.linkedin.com/in/ana-lopez/"
    );
    let scanned = b.js("return window.__scanned || 0;").await;
    assert!(scanned.as_u64().unwrap_or(0) >= 1, "the detector was asked");

    // Without a detector (Safari on iPhone, Firefox): said plainly, and pasting works.
    b.js("delete window.BarcodeDetector; return true;").await;
    b.click("#open-scan").await;
    b.wait_page("scan").await;
    b.wait_text("#scan-unsupported", "can't read QR codes")
        .await;
    assert!(
        b.client.find(Locator::Css("video")).await.is_err(),
        "no camera box"
    );
    b.click("#scan-paste-use").await;
    b.wait_text("#scan-paste-error", "Paste a LinkedIn link")
        .await;
    b.type_into("#scan-paste-text", "linkedin.com/in/sam-lee?trk=x")
        .await;
    b.click("#scan-paste-use").await;
    b.wait_page("add").await;
    b.wait_css("#prefilled", UI).await;
    assert_eq!(
        value(b, "#linkedin").await,
        "https://www.linkedin.com/in/sam-lee/"
    );
    f.finish("scan").await;
}

/// Waits for the capture form's duplicate warning to name `who` for `reason`.
pub(crate) async fn wait_warning(b: &Browser, who: &str, reason: &str) {
    b.wait_text("#duplicate-warning", who).await;
    b.wait_text("#duplicate-warning", reason).await;
}

#[tokio::test]
async fn a_duplicate_caught_at_capture_is_merged_and_undone() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    add_contact(
        b,
        &Person {
            name: "Ana López",
            company: "Stripe",
            email: "ana@stripe.com",
            hook: "Payments retries in Rust",
            ..Person::default()
        },
    )
    .await;
    tab(b, "add", "add").await;
    b.type_into("#name", "ana lopez").await;
    b.type_into("#company", "STRIPE").await;
    wait_warning(b, "Ana López", "the same name and company").await;
    // Add anyway hides the warning; an email match brings it back.
    click_text(b, "#duplicate-warning", "Add anyway").await;
    b.wait_js(
        "the warning to go",
        UI,
        "return !document.querySelector('#duplicate-warning');",
    )
    .await;
    b.type_into("#email", "ANA@stripe.com").await;
    assert_eq!(
        b.js("return !!document.querySelector('#duplicate-warning');")
            .await,
        Value::Bool(false),
        "a dismissed contact stays dismissed"
    );
    // A fresh capture form (through the tabs: no reload, so no deep-link 404).
    tab(b, "contacts", "contacts").await;
    tab(b, "add", "add").await;
    b.type_into("#name", "Ana Lopez-Garcia").await;
    b.type_into("#email", "ANA@stripe.com").await;
    b.type_into("#linkedin", "linkedin.com/in/ana-lopez").await;
    b.type_into("#hook", "Met her again at the spring fair")
        .await;
    wait_warning(b, "Ana López", "the same email address").await;
    click_text(b, "#duplicate-warning", "Merge").await;
    b.wait_page("merge").await;
    wait_stored(b, &["Ana López", "Ana Lopez-Garcia"]).await;
    b.wait_css("#merge-name-other", UI).await;
    // Name and hook differ; LinkedIn is only on the new one and is carried over.
    b.wait_text(".merge-pair", "Added from the other contact: LinkedIn")
        .await;
    assert!(
        b.client
            .find(Locator::Css("#merge-email-other"))
            .await
            .is_err(),
        "emails differing only in case are not a choice"
    );
    shoot(b, "merge.png", false).await;
    b.click("#merge-name-other").await;
    b.click("#merge-confirm").await;
    b.wait_text(".merge-done", "Merged into one contact").await;
    wait_stored(b, &["Ana Lopez-Garcia"]).await;
    let merged = b
        .js(&format!("return {RECORDS_JS}.find(c => c.name);"))
        .await;
    assert_eq!(merged["hook"], "Payments retries in Rust", "the kept hook");
    assert_eq!(merged["linkedin"], "https://www.linkedin.com/in/ana-lopez/");
    assert_eq!(merged["email"], "ana@stripe.com");

    b.click("#merge-undo").await;
    b.wait_text(".merge-done", "both contacts are back").await;
    wait_stored(b, &["Ana López", "Ana Lopez-Garcia"]).await;
    f.finish("merge at capture").await;
}

#[tokio::test]
async fn a_duplicate_caught_at_import_is_merged_and_undone() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    add_contact(
        b,
        &Person {
            name: "José Ortega",
            company: "Datadog",
            ..Person::default()
        },
    )
    .await;
    let vcf = write_file(
        b.tmp_dir(),
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jose Ortega\r\nORG:DATADOG\r\nTEL:+1 555 0199\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Lee\r\nEND:VCARD\r\n",
    );
    import(b, &vcf).await;
    b.wait_text(".data-summary", "1 new, 0 updated, 1 possible duplicate")
        .await;
    b.wait_text(
        ".data-duplicates",
        "Jose Ortega — the same name and company as José Ortega",
    )
    .await;
    click_text(b, ".data-duplicates", "Merge").await;
    b.wait_text(".data-summary", "2 new, 0 updated, 0 possible duplicates")
        .await;
    b.click(".data-confirm").await;
    b.wait_css(".data-merge-link", UI).await;
    wait_stored(b, &["Jose Ortega", "José Ortega", "Sam Lee"]).await;
    click_text(b, ".data-merge-next", "Merge Jose Ortega").await;
    b.wait_page("merge").await;
    b.click("#merge-confirm").await;
    b.wait_text(".merge-done", "Merged into one contact").await;
    wait_stored(b, &["José Ortega", "Sam Lee"]).await;
    let merged = b
        .js(&format!(
            "return {RECORDS_JS}.find(c => c.name === 'José Ortega');"
        ))
        .await;
    assert_eq!(
        merged["phone"], "+1 555 0199",
        "the imported phone is carried over"
    );
    b.click("#merge-undo").await;
    wait_stored(b, &["Jose Ortega", "José Ortega", "Sam Lee"]).await;
    f.finish("merge at import").await;
}

async fn import(b: &Browser, file: &Path) {
    tab(b, "settings", "settings").await;
    pick_import_file(b, file).await;
    b.wait_css(".data-preview", UI).await;
}

/// The badge calls the page made, as `["set", n]` or `["clear"]`.
async fn badge_calls(b: &Browser) -> Vec<Value> {
    b.js("return window.__badge || [];")
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test]
async fn the_badge_counts_people_due_and_can_be_turned_off() {
    let f = Fixture::new().await;
    let b = &f.browser;
    // The Badging API, recorded, in place before the app starts.
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source":
            "window.__badge = []; \
             Navigator.prototype.setAppBadge = function (n) { window.__badge.push(['set', n]); return Promise.resolve(); }; \
             Navigator.prototype.clearAppBadge = function () { window.__badge.push(['clear']); return Promise.resolve(); };"
        }),
    )
    .await;
    open_home(&f).await;
    wait_for(
        "the badge to be cleared on an empty book",
        || badge_calls(b),
        |calls| calls.last() == Some(&serde_json::json!(["clear"])),
    )
    .await;
    add_contact(b, &Person::named("Ana López")).await;
    add_contact(b, &Person::named("Sam Lee")).await;
    // Met today: each has their LinkedIn note due, so two people.
    wait_for(
        "the badge to show 2",
        || badge_calls(b),
        |calls| calls.last() == Some(&serde_json::json!(["set", 2])),
    )
    .await;
    tab(b, "settings", "settings").await;
    b.click("#badge").await;
    wait_for(
        "the badge to be cleared when turned off",
        || badge_calls(b),
        |calls| calls.last() == Some(&serde_json::json!(["clear"])),
    )
    .await;
    b.click("#badge").await;
    wait_for(
        "the badge to come back",
        || badge_calls(b),
        |calls| calls.last() == Some(&serde_json::json!(["set", 2])),
    )
    .await;
    f.finish("badge").await;
}
