//! The resume PDF: picked once in Settings, kept in IndexedDB, shared with the drafted
//! email through a stubbed Web Share API (the PDF's bytes are the ones picked), the
//! fallback where files cannot be shared (Download resume + Open email), files that are
//! refused, and the resume surviving a reload and working offline.

use std::path::{Path, PathBuf};

use followup_e2e::ui::{
    add_contact, caused_by_stopped_server, open_home, settle, tab, value, wait_gone, Person,
};
use followup_e2e::{js_str, screenshots_dir, write_file, Browser, Fixture, UI};
use serde_json::{json, Value};

const PRIYA: Person = Person {
    name: "Priya Raman",
    kind: "Engineer",
    company: "Figma",
    hook: "the multiplayer cursor talk",
    email: "priya@figma.example",
    linkedin: "",
    really_want: false,
};

/// A small PDF with every byte value in it, so a copy that changes any byte is caught.
fn resume_pdf(dir: &Path, name: &str) -> (PathBuf, Vec<u8>) {
    let mut bytes = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    bytes.extend((0..60_000u32).map(|i| (i * 7 % 256) as u8));
    bytes.extend_from_slice(b"\n%%EOF\n");
    let path = dir.join(name);
    std::fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

/// Opens Settings and picks `path` as the resume; waits until it is kept.
async fn pick_resume(b: &Browser, path: &Path, name: &str) {
    tab(b, "settings", "settings").await;
    b.wait_css("#resume-file", UI).await;
    b.pick_file("#resume-file", path).await;
    b.wait_text("#resume-kept", name).await;
}

/// Follows an in-app link to `path` (under the base), as a tap on a link would: the
/// router takes it, so the page (and any stub in it) stays.
async fn open_in_app(b: &Browser, path: &str, page: &str) {
    b.js(&format!(
        "const a = document.createElement('a'); a.href = new URL({}, document.baseURI).href; \
         document.body.append(a); a.click(); a.remove(); return true;",
        js_str(path)
    ))
    .await;
    b.wait_page(page).await;
}

/// Replaces the Web Share API: `canShare` answers `can`, `share` records the files and
/// text it is given in `window.__shared` (or rejects with `reject`, a DOMException name).
async fn stub_share(b: &Browser, can: bool, reject: Option<&str>) {
    let reject = reject.map(js_str).unwrap_or_else(|| "null".into());
    b.js(&format!(
        r#"window.__shared = null; window.__shareCalls = 0;
           navigator.canShare = (data) => {can} && !!data && Array.isArray(data.files);
           navigator.share = async (data) => {{
               window.__shareCalls += 1;
               if ({reject}) throw new DOMException('stubbed', {reject});
               const f = data.files[0];
               const bytes = Array.from(new Uint8Array(await f.arrayBuffer()));
               window.__shared = {{ count: data.files.length, name: f.name, type: f.type, bytes,
                                    title: data.title, text: data.text }};
           }};
           return true;"#
    ))
    .await;
}

/// Bytes from a JSON array of numbers.
fn bytes_of(v: &Value) -> Vec<u8> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a byte array: {v}"))
        .iter()
        .map(|n| n.as_u64().unwrap() as u8)
        .collect()
}

/// Scrolls `css` to the top of the viewport and saves a 390×844 screenshot.
async fn shoot_at(b: &Browser, css: &str, name: &str) {
    b.js(&format!(
        "document.activeElement && document.activeElement.blur(); \
         document.querySelector({}).scrollIntoView({{block: 'start'}}); return true;",
        js_str(css)
    ))
    .await;
    settle(b).await;
    let path = screenshots_dir().join(name);
    assert_eq!(b.screenshot(&path).await, followup_e2e::VIEWPORT);
    eprintln!("screenshot: {}", path.display());
}

async fn set_scheme(b: &Browser, dark: bool) {
    let features = if dark {
        json!([{ "name": "prefers-color-scheme", "value": "dark" }])
    } else {
        json!([])
    };
    b.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "features": features }),
    )
    .await;
}

/// Share with resume: the picked PDF, byte for byte, goes to the share sheet with the
/// drafted subject and body; closing the sheet is not an error.
#[tokio::test]
async fn share_with_resume_sends_the_picked_pdf_and_the_draft() {
    let f = Fixture::new().await;
    let b = &f.browser;
    let dir = tempfile::tempdir().unwrap();
    let (pdf, bytes) = resume_pdf(dir.path(), "Sam Lee resume.pdf");
    open_home(&f).await;
    let id = add_contact(b, &PRIYA).await;

    // Before a resume is kept, the composer points to Settings.
    open_in_app(b, &format!("contacts/{id}/send/email"), "composer").await;
    b.wait_css("#add-resume", UI).await;

    pick_resume(b, &pdf, "Sam Lee resume.pdf").await;
    b.wait_text("#resume-kept", "60 KB").await;
    b.wait_text(
        "#storage-resume",
        "60 KB more for your resume (Sam Lee resume.pdf)",
    )
    .await;
    for dark in [false, true] {
        set_scheme(b, dark).await;
        let name = if dark {
            "resume-settings-dark.png"
        } else {
            "resume-settings.png"
        };
        shoot_at(b, "#resume", name).await;
    }
    set_scheme(b, false).await;

    stub_share(b, true, None).await;
    open_in_app(b, &format!("contacts/{id}/send/email"), "composer").await;
    b.wait_css("#share-resume", UI).await;
    b.wait_text(".resume-share", "Sam Lee resume.pdf · 60 KB")
        .await;
    b.wait_text(".resume-share", "add priya@figma.example as the recipient")
        .await;
    for dark in [false, true] {
        set_scheme(b, dark).await;
        let name = if dark {
            "resume-share-dark.png"
        } else {
            "resume-share.png"
        };
        shoot_at(b, ".composer-actions", name).await;
    }
    set_scheme(b, false).await;

    // The student edits the draft; the share carries what is in the boxes now.
    b.js("const m = document.querySelector('#message'); m.value = m.value + '\\nP.S. My resume is attached.'; m.dispatchEvent(new Event('input', {bubbles: true})); return true;").await;
    let subject = value(b, "#subject").await;
    let body = value(b, "#message").await;
    assert!(body.ends_with("P.S. My resume is attached."), "{body:?}");
    b.click("#share-resume").await;
    let shared = b
        .wait_js(
            "the stubbed share to be called",
            UI,
            "return window.__shared;",
        )
        .await;
    assert_eq!(shared["count"], 1, "one file: {}", shared["name"]);
    assert_eq!(shared["name"], "Sam Lee resume.pdf");
    assert_eq!(shared["type"], "application/pdf");
    assert!(
        bytes_of(&shared["bytes"]) == bytes,
        "the shared PDF is not the picked file"
    );
    assert_eq!(shared["text"].as_str(), Some(body.as_str()));
    assert_eq!(shared["title"].as_str(), Some(subject.as_str()));
    b.wait_text(
        ".resume-share .feedback",
        "Handed to your app with your resume",
    )
    .await;

    // Closing the share sheet: nothing to report, no fallback, no error.
    stub_share(b, true, Some("AbortError")).await;
    b.click("#share-resume").await;
    b.wait_js(
        "the second share call",
        UI,
        "return window.__shareCalls === 1;",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let state = b
        .js("return [!!document.querySelector('.resume-share .field-error, .resume-fallback, #download-resume'), !!document.querySelector('#share-resume')];")
        .await;
    assert_eq!(
        state,
        json!([false, true]),
        "a cancelled share is not an error"
    );
    f.finish("sharing with the resume").await;
}

/// Where files cannot be shared, the composer says so and offers Download resume (the
/// kept bytes) and Open email (the drafted mailto:).
#[tokio::test]
async fn without_file_sharing_the_composer_offers_download_and_open_email() {
    let f = Fixture::new().await;
    let b = &f.browser;
    let dir = tempfile::tempdir().unwrap();
    let (pdf, bytes) = resume_pdf(dir.path(), "cv.pdf");
    open_home(&f).await;
    let id = add_contact(b, &PRIYA).await;
    pick_resume(b, &pdf, "cv.pdf").await;

    stub_share(b, false, None).await;
    b.js("window.__downloaded = null; const create = URL.createObjectURL; \
          URL.createObjectURL = (blob) => { window.__downloaded = blob; return create.call(URL, blob); }; \
          return true;")
        .await;
    open_in_app(b, &format!("contacts/{id}/send/email"), "composer").await;
    b.wait_text(
        ".resume-fallback",
        "This browser can't attach files when sharing",
    )
    .await;
    assert_eq!(
        b.js("return !!document.querySelector('#share-resume');")
            .await,
        json!(false)
    );
    let mail = b
        .js("const a = document.querySelector('#resume-open-email'); return a && a.getAttribute('href');")
        .await;
    let mail = mail.as_str().unwrap_or_default();
    assert!(
        mail.starts_with("mailto:priya@figma.example?subject="),
        "Open email should be the drafted mailto: {mail}"
    );
    assert_eq!(
        Some(mail),
        b.js("return document.querySelector('#open-email').getAttribute('href');")
            .await
            .as_str(),
        "the same email as the composer's own Open email"
    );
    b.cdp(
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": dir.path().join("downloads").display().to_string() }),
    )
    .await;
    b.click("#download-resume").await;
    b.wait_text(
        ".resume-share .feedback",
        "Saved your resume to your downloads.",
    )
    .await;
    let downloaded = b
        .js_async(
            "window.__downloaded.arrayBuffer().then(buf => done([window.__downloaded.type, Array.from(new Uint8Array(buf))]));",
        )
        .await;
    assert_eq!(downloaded[0], "application/pdf");
    assert!(
        bytes_of(&downloaded[1]) == bytes,
        "the downloaded resume is not the picked file"
    );
    assert_eq!(
        b.js("return window.__shareCalls;").await,
        json!(0),
        "nothing was shared"
    );
    f.finish("the download fallback").await;
}

/// A file that is not a PDF, or is over 2 MB, is refused with a message and the kept
/// resume stays; the resume survives a reload and is there offline, in Settings and in
/// the composer; Remove takes it away.
#[tokio::test]
async fn the_resume_is_checked_kept_across_reloads_and_offline() {
    let mut f = Fixture::new().await;
    let dir = tempfile::tempdir().unwrap();
    let (pdf, _) = resume_pdf(dir.path(), "resume.pdf");
    open_home(&f).await;
    f.browser.wait_sw_control().await;
    let id = add_contact(&f.browser, &PRIYA).await;
    let b = &f.browser;
    pick_resume(b, &pdf, "resume.pdf").await;

    let not_pdf = write_file(dir.path(), "resume.docx", "PK\u{3}\u{4} a Word file");
    b.pick_file("#resume-file", &not_pdf).await;
    b.wait_text("#resume-error", "resume.docx isn't a PDF.")
        .await;
    b.wait_text("#resume-error", "Your resume resume.pdf is still kept.")
        .await;
    let large = dir.path().join("big.pdf");
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(2_100_000, b' ');
    std::fs::write(&large, big).unwrap();
    b.pick_file("#resume-file", &large).await;
    b.wait_text("#resume-error", "big.pdf is 2.1 MB, over the 2.0 MB limit.")
        .await;
    b.wait_text("#resume-kept", "resume.pdf").await;

    b.refresh().await;
    b.wait_page("settings").await;
    b.wait_text("#resume-kept", "resume.pdf · 60 KB").await;
    b.assert_no_console_errors("before stopping the server")
        .await;

    f.server.stop();
    let b = &f.browser;
    b.refresh().await;
    b.wait_page("settings").await;
    b.wait_text("#resume-kept", "resume.pdf · 60 KB").await;
    b.goto(&f.url(&format!("contacts/{id}/send/email"))).await;
    b.wait_page("composer").await;
    // Headless Chromium on Linux cannot share files: the fallback, with the kept resume.
    b.wait_text(".resume-share", "resume.pdf · 60 KB").await;
    b.wait_css("#download-resume, #share-resume", UI).await;
    b.assert_no_console_errors_except("offline", caused_by_stopped_server)
        .await;
    f.server.restart();

    let b = &f.browser;
    tab(b, "settings", "settings").await;
    b.click("#resume-remove").await;
    b.click("#resume-remove-confirm").await;
    b.wait_text("#resume-kept", "No resume kept yet.").await;
    wait_gone(b, "#storage-resume").await;
    b.refresh().await;
    b.wait_page("settings").await;
    b.wait_text("#resume-kept", "No resume kept yet.").await;
    f.finish("after removing the resume").await;
}
