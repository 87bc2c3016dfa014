//! My page (issue 24, part 3): the student shows My card's third code; a stranger's phone
//! (a fresh profile that never had Followup) opens the page it holds, saves the student as
//! a contact (the `.vcf` read back by the app's own vCard parser) and sends their details
//! back; the link in that message opens capture filled in on the student's phone, at the
//! current event, with a duplicate warned about, and saving it works. The page's JS must
//! decode exactly what `MyPage::link` encodes and write exactly what `Reply::link` writes.

use chrono::NaiveDate;
use followup::domain::card::{card_text, CardKind};
use followup::domain::formats::vcard::import_vcard;
use followup::domain::my_page::{MyPage, Reply};
use followup::domain::Profile;
use followup_e2e::ui::{
    add_contact, allow_downloads, capture_at_new_event, click_text, dark, open_home, shoot, tab,
    text, value, wait_file, Person,
};
use followup_e2e::{Browser, Fixture, UI};
use serde_json::Value;

use crate::a11y::Audit;
use crate::fair::{alex, decode_card, fill_profile, stored_names, wait_stored, wait_warning};

/// Alex's profile as `fill_profile` types it, with a programme and a graduation year.
fn student() -> Profile {
    Profile {
        programme: "Computer Science".into(),
        grad_year: "2027".into(),
        ..alex()
    }
}

/// Lets the next tap on a `mailto:` or `sms:` link be recorded in `window.__sent` instead
/// of leaving the page (headless Chromium has no mail app).
async fn catch_sent_link(b: &Browser) {
    b.js(
        "window.__sent = null; document.addEventListener('click', (e) => { \
           const a = e.target.closest('a'); \
           if (a && /^(mailto|sms):/.test(a.href)) { window.__sent = a.href; e.preventDefault(); } \
         }, true); return true;",
    )
    .await;
}

/// The link the page tried to open, once it has.
async fn sent_link(b: &Browser) -> String {
    let v = b
        .wait_js("the message to open", UI, "return window.__sent || false;")
        .await;
    v.as_str().unwrap_or_default().to_string()
}

/// The value of `key` in a `mailto:`/`sms:` link's query, decoded.
fn link_param(link: &str, key: &str) -> String {
    let query = link.split_once('?').map_or("", |(_, q)| q);
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn my_page_saves_a_contact_and_sends_a_reply_into_capture() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    fill_profile(b).await;
    b.type_into("#profile-programme", "Computer Science").await;
    b.type_into("#profile-grad-year", "2027").await;
    click_text(b, "", "Save profile").await;
    b.wait_js(
        "the programme to be saved",
        UI,
        "return (localStorage.getItem('followup.meta') || '').includes('Computer Science');",
    )
    .await;

    // The student: My card, third kind.
    tab(b, "add", "add").await;
    b.click("#open-card").await;
    b.wait_page("card").await;
    b.click("#card-my-page").await;
    b.wait_js(
        "My page's code",
        UI,
        "return (document.querySelector('#my-card-qr')?.getAttribute('data-payload') || '').includes('me.html#');",
    )
    .await;
    let site = f.url("");
    let link = decode_card(b).await;
    assert_eq!(
        link,
        card_text(&student(), CardKind::MyPage, &site).unwrap(),
        "the code holds My page's link"
    );
    assert!(
        link.starts_with(&format!("{site}me.html#n=Alex+Kim&")),
        "{link}"
    );
    assert_eq!(text(b, "#my-page-left-out").await, None, "nothing left out");
    shoot(b, "my-card-my-page.png", false).await;
    dark(b, true).await;
    shoot(b, "my-card-my-page-dark.png", false).await;
    dark(b, false).await;

    // A stranger's phone: a fresh profile that never had Followup.
    let other = Browser::launch().await;
    let o = &other;
    o.goto(&link).await;
    o.wait_text("#me-name", "Alex Kim").await;
    let page = MyPage::read(link.split_once('#').map_or("", |(_, f)| f));
    assert_eq!(page, MyPage::from_profile(&student()).unwrap());
    assert_eq!(
        text(o, "#me-headline").await.as_deref(),
        Some("Computer Science, class of 2027")
    );
    assert_eq!(
        text(o, "#me-school").await.as_deref(),
        Some("State University")
    );
    let hrefs = o
        .js("return Array.from(document.querySelectorAll('#me-links a')).map(a => a.getAttribute('href'));")
        .await;
    assert_eq!(
        hrefs,
        serde_json::json!([
            "mailto:alex.kim@uni.edu",
            "https://www.linkedin.com/in/alex-kim/",
            "https://alexkim.dev/resume.pdf"
        ])
    );
    let worker = o
        .js("return !!(navigator.serviceWorker && navigator.serviceWorker.controller);")
        .await;
    assert_eq!(worker, Value::Bool(false), "My page registers no worker");
    let wasm = o
        .js("return performance.getEntriesByType('resource').some(r => r.name.endsWith('.wasm'));")
        .await;
    assert_eq!(wasm, Value::Bool(false), "My page loads no wasm");
    let mut audit = Audit::new();
    audit.check(o, "My page").await;
    shoot(o, "my-page.png", false).await;
    dark(o, true).await;
    audit.check(o, "My page, dark").await;
    shoot(o, "my-page-dark.png", false).await;
    dark(o, false).await;

    // Save contact: a vCard the app's own parser reads as Alex.
    allow_downloads(o, o.tmp_dir()).await;
    o.click("#me-save").await;
    let (name, bytes) = wait_file(o.tmp_dir(), "", ".vcf", "END:VCARD").await;
    assert_eq!(name, "Alex-Kim.vcf");
    let day = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    let (cards, errors) = import_vcard(&bytes, &name, || "x".into(), day, 0).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(cards.len(), 1);
    let card = &cards[0];
    assert_eq!(card.name, "Alex Kim");
    assert_eq!(card.company, "State University");
    assert_eq!(card.title, "Computer Science, class of 2027");
    assert_eq!(
        card.email.as_ref().map(|e| e.as_str()),
        Some("alex.kim@uni.edu")
    );
    assert_eq!(
        card.linkedin.as_ref().map(|l| l.url()),
        Some("https://www.linkedin.com/in/alex-kim/")
    );
    let vcf = String::from_utf8(bytes).unwrap();
    assert!(
        vcf.contains("URL;TYPE=resume:https://alexkim.dev/resume.pdf\r\n"),
        "{vcf}"
    );

    // Send me your details: no phone, so only email, to Alex.
    assert_eq!(
        o.js("return document.querySelector('#reply-sms-send').hidden;")
            .await,
        Value::Bool(true)
    );
    let reply = Reply {
        name: "Priya Raman".into(),
        company: "Figma & Co #2".into(),
        email: "priya@figma.com".into(),
        linkedin: "linkedin.com/in/priya-r".into(),
    };
    catch_sent_link(o).await;
    o.click("#reply-email-send").await;
    o.wait_text("#reply-error", "Add your name").await;
    for (css, v) in [
        ("#reply-name", &reply.name),
        ("#reply-company", &reply.company),
        ("#reply-email", &reply.email),
        ("#reply-linkedin", &reply.linkedin),
    ] {
        o.type_into(css, v).await;
    }
    audit.check(o, "My page, reply typed").await;
    o.click("#reply-email-send").await;
    let mail = sent_link(o).await;
    assert!(
        mail.starts_with("mailto:alex.kim@uni.edu?subject="),
        "{mail}"
    );
    let body = link_param(&mail, "body");
    let back = reply.link(&site);
    assert!(
        body.lines().any(|l| l == back),
        "the message carries exactly Reply::link:\n{back}\n{body}"
    );
    assert!(
        body.starts_with("Hi Alex, it's Priya Raman (Figma & Co #2)."),
        "{body}"
    );

    // With a phone on the page, the reply can go by text.
    let with_phone = MyPage {
        phone: "+15550100199".into(),
        ..page.clone()
    };
    // Only the fragment changes: reload, as opening the link from a code would.
    o.goto(&with_phone.link(&site)).await;
    o.refresh().await;
    o.wait_text("#me-name", "Alex Kim").await;
    o.wait_js(
        "the text button",
        UI,
        "return !document.querySelector('#reply-sms-send').hidden;",
    )
    .await;
    catch_sent_link(o).await;
    o.type_into("#reply-name", "Tom Becker").await;
    o.click("#reply-sms-send").await;
    let sms = sent_link(o).await;
    assert!(sms.starts_with("sms:+15550100199?&body="), "{sms}");
    assert!(
        link_param(&sms, "body").contains(
            &Reply {
                name: "Tom Becker".into(),
                ..Reply::default()
            }
            .link(&site)
        ),
        "{sms}"
    );
    // A broken link says so instead of showing an empty page.
    o.goto(&format!("{site}me.html#n=%ZZ&e=a@b.co&l=a%zz"))
        .await;
    o.refresh().await;
    o.wait_js(
        "the missing-details message",
        UI,
        "return !document.querySelector('#me-missing').hidden;",
    )
    .await;
    audit.assert_clean("My page");
    other
        .assert_no_console_errors("My page in a fresh profile")
        .await;
    other.close().await;

    // Back on the student's phone, at a fair, with Priya already met once.
    add_contact(
        b,
        &Person {
            name: "Priya R.",
            email: "priya@figma.com",
            ..Person::default()
        },
    )
    .await;
    capture_at_new_event(b, "Fall Career Fair").await;
    b.goto(&back).await;
    b.wait_page("add").await;
    b.wait_text("#prefilled", "My page").await;
    assert_eq!(value(b, "#name").await, "Priya Raman");
    assert_eq!(value(b, "#company").await, "Figma & Co #2");
    assert_eq!(value(b, "#email").await, "priya@figma.com");
    assert_eq!(
        value(b, "#linkedin").await,
        "https://www.linkedin.com/in/priya-r/"
    );
    assert_eq!(value(b, "#notes").await, "Sent from My page");
    b.wait_text(".event-name", "Fall Career Fair").await;
    wait_warning(b, "Priya R.", "email").await;
    b.click("#save").await;
    b.wait_page("contact").await;
    wait_stored(b, &["Priya R.", "Priya Raman"]).await;
    let stored = b.stored().await;
    assert!(stored.contains("Sent from My page"), "the note is kept");
    assert_eq!(stored_names(b).await.len(), 2);
    let capture = f.url("contacts/new");
    b.assert_no_console_errors_except("opening the reply", |e| {
        e.source == "network"
            && e.message.starts_with(&capture)
            && e.message.contains("status of 404")
    })
    .await;
    f.finish("My page").await;
}
