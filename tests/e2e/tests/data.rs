//! End-to-end tests of "Your data" in Settings (issue 4, export and import): a JSON backup
//! downloaded through the real UI holds the contacts; LinkedIn's `Connections.csv` is
//! previewed, changes nothing until confirmed, then adds the contacts; a malformed file
//! gets an error naming it and changes nothing; a backup exported in one browser profile
//! and imported in a fresh one gives the same agenda; a step added to the calendar from its
//! agenda row (and offered in the composer), and "Update my calendar" cancelling a step
//! done since the last export.
//!
//! Build first: `cargo xtask dist --public-url /followup/`; run (from the workspace root):
//! `cargo test -p followup-e2e --test e2e -- --test-threads=1 data::`.

use std::path::Path;
use std::time::Duration;

use followup_e2e::ui::{
    add_contact, allow_downloads, contact_id_from_url, download_backup, open_home,
    pick_import_file, tab, wait_download, Person, Strings,
};
use followup_e2e::{
    js_str, screenshots_dir, write_file, Browser, Fixture, RECORDS_JS, UI, VIEWPORT,
};
use serde_json::json;

/// LinkedIn's export as it really begins: a "Notes:" preamble, a blank line, the header.
const CONNECTIONS: &str = "Notes:\n\
\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\
\n\
First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
Ana,Lopez,https://www.linkedin.com/in/ana-lopez-e2e,,Globex,Recruiter,12 Nov 2024\n\
Ben,Okafor,https://www.linkedin.com/in/ben-okafor-e2e,ben@initech.example,Initech,Engineer,3 Oct 2024\n";

async fn open_settings(f: &Fixture) {
    open_home(f).await;
    f.browser.click("#nav-settings").await;
    f.browser.wait_page("settings").await;
    f.browser.wait_css("#data-import-file", UI).await;
}

/// [`wait_download`], then removes the file (so the next download of that name is read
/// afresh).
async fn take_download(dir: &Path, extension: &str, ends_with: &str) -> (String, String) {
    let (name, text) = wait_download(dir, extension, ends_with).await;
    std::fs::remove_file(dir.join(&name)).unwrap();
    (name, text)
}

/// Clicks the button or link whose text starts with `label` in the agenda row of the
/// step `step` ("Connect on LinkedIn").
async fn click_in_row(b: &Browser, step: &str, label: &str) {
    let clicked = b
        .js(&format!(
            r#"
            const row = Array.from(document.querySelectorAll('li.agenda-item'))
                .find(li => li.querySelector('.agenda-step')?.textContent.includes({step}));
            const button = row && Array.from(row.querySelectorAll('button, a.button'))
                .find(x => x.textContent.trim().startsWith({label}));
            if (button) button.click();
            return !!button;"#,
            step = js_str(step),
            label = js_str(label)
        ))
        .await;
    assert_eq!(clicked, json!(true), "no {label:?} in the row of {step:?}");
}

#[tokio::test]
async fn update_my_calendar_cancels_a_step_done_since_the_last_export() {
    let f = Fixture::new().await;
    let b = &f.browser;
    let downloads = tempfile::tempdir().unwrap();
    open_home(&f).await;
    add_contact_met(b, "Priya Raman", "Acme Robotics", "priya@acme.example", 0).await;
    let id = contact_id_from_url(b).await;
    allow_downloads(b, downloads.path()).await;

    // One step from its agenda row: the file, and Google's link for the same event.
    tab(b, "agenda", "agenda").await;
    b.wait_text("main#main", "Connect on LinkedIn").await;
    click_in_row(b, "Connect on LinkedIn", "Add to calendar").await;
    b.wait_css(".calendar-options .calendar-google", UI).await;
    b.screenshot(&screenshots_dir().join("calendar-step.png"))
        .await;
    let google = b
        .js("return document.querySelector('.calendar-google').href;")
        .await;
    let google = google.as_str().unwrap_or("");
    assert!(
        google.starts_with("https://calendar.google.com/calendar/render?action=TEMPLATE&text=Follow%20up%3A%20Connect%20on%20LinkedIn%20with%20Priya%20Raman&dates="),
        "{google}"
    );
    b.click(".calendar-options .calendar-file").await;
    let (name, one) = take_download(downloads.path(), ".ics", "END:VCALENDAR").await;
    assert!(name.starts_with("followup-connect-"), "{name}");
    assert_eq!(one.matches("BEGIN:VEVENT").count(), 1, "{one}");
    assert!(
        one.contains(&format!("UID:{id}-connect@followup\r\n")),
        "{one}"
    );

    // The whole calendar, first exported from Settings.
    tab(b, "settings", "settings").await;
    b.wait_text("#calendar-line", "aren't in a calendar yet")
        .await;
    b.click("#calendar-update").await;
    b.wait_text(
        "[aria-labelledby=calendar-title] .data-status",
        "Saved followup-",
    )
    .await;
    let (_, first) = take_download(downloads.path(), ".ics", "END:VCALENDAR").await;
    assert!(
        first.contains(&format!("UID:{id}-connect@followup\r\nDTSTAMP:")),
        "{first}"
    );
    assert!(!first.contains("CANCELLED"), "{first}");
    b.wait_text("#calendar-line", "Calendar exported today · up to date")
        .await;
    b.wait_text("#calendar-update", "Update my calendar").await;

    // Connected on LinkedIn since: the update cancels that event.
    tab(b, "agenda", "agenda").await;
    b.wait_text("main#main", "Connect on LinkedIn").await;
    click_in_row(b, "Connect on LinkedIn", "Done").await;
    tab(b, "settings", "settings").await;
    b.wait_text("#calendar-line", "1 done since").await;
    b.click("#calendar-update").await;
    let (_, update) = take_download(downloads.path(), ".ics", "END:VCALENDAR").await;
    let cancelled = update
        .split("BEGIN:VEVENT")
        .find(|e| e.contains(&format!("UID:{id}-connect@followup")))
        .unwrap_or_else(|| panic!("the connect event is in the update: {update}"));
    assert!(cancelled.contains("STATUS:CANCELLED\r\n"), "{cancelled}");
    assert!(cancelled.contains("SEQUENCE:1\r\n"), "{cancelled}");
    assert!(
        update.contains(&format!("UID:{id}-email@followup")),
        "the email step stays: {update}"
    );
    b.wait_text("#calendar-line", "up to date").await;
    b.js("document.querySelector('#your-calendar').scrollIntoView(); return true;")
        .await;
    b.screenshot(&screenshots_dir().join("calendar-settings.png"))
        .await;

    // The composer offers the same for its step.
    tab(b, "agenda", "agenda").await;
    b.wait_text("main#main", "Send the follow-up email").await;
    click_in_row(b, "Send the follow-up email", "Write it").await;
    b.wait_page("composer").await;
    b.click("main#main .add-to-calendar").await;
    b.wait_css(".calendar-options .calendar-google", UI).await;
    let google = b
        .js("return document.querySelector('.calendar-google').href;")
        .await;
    assert!(
        google.as_str().unwrap_or("").contains(
            "&text=Follow%20up%3A%20Send%20the%20follow-up%20email%20to%20Priya%20Raman&"
        ),
        "{google}"
    );
    b.assert_no_console_errors("calendar export and update")
        .await;
}

/// The agenda as rendered: each section's heading, then its rows' text.
async fn agenda_text(b: &Browser) -> Vec<String> {
    let v = b
        .js(r#"
            return Array.from(document.querySelectorAll('main#main section.agenda-section')).map(s =>
                (s.querySelector('h2')?.innerText.trim() || '?') + ' | ' +
                Array.from(s.querySelectorAll('li.agenda-item')).map(li =>
                    li.innerText.trim().replace(/\s+/g, ' ')).join(' | '));"#)
        .await;
    v.strings()
}

/// Adds a contact met `days_ago` days ago (set in "More details").
async fn add_contact_met(b: &Browser, name: &str, company: &str, email: &str, days_ago: i64) {
    tab(b, "add", "add").await;
    b.type_into("#name", name).await;
    b.type_into("#company", company).await;
    if !email.is_empty() {
        b.type_into("#email", email).await;
    }
    b.js(&format!(
        "document.querySelector('details.more').open = true; \
         const e = document.querySelector('#met-on'); \
         const d = new Date(); d.setDate(d.getDate() - {days_ago}); \
         e.value = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); \
         e.dispatchEvent(new Event('input', {{bubbles: true}})); return true;"
    ))
    .await;
    b.click("#save").await;
    b.wait_page("contact").await;
}

#[tokio::test]
async fn a_backup_restored_in_a_fresh_profile_shows_the_same_agenda() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    // Steps due today, overdue and coming up, with and without an email address.
    add_contact_met(b, "Priya Raman", "Acme Robotics", "priya@acme.example", 0).await;
    add_contact_met(b, "Leo Park", "Initech", "", 2).await;
    add_contact_met(b, "Wei Chen", "Globex", "wei@globex.example", 9).await;
    add_contact_met(b, "Zoë Ødegaard", "Umbrella", "", 1).await;
    tab(b, "agenda", "agenda").await;
    b.wait_text("main#main", "Zoë Ødegaard").await;
    let before = agenda_text(b).await;
    assert!(
        before.len() >= 2 && before.iter().any(|s| s.contains("Wei Chen")),
        "the agenda has several sections: {before:#?}"
    );
    tab(b, "settings", "settings").await;
    let downloads = tempfile::tempdir().unwrap();
    let (name, _) = download_backup(b, downloads.path()).await;
    let file = downloads.path().join(&name);

    // Another browser profile: nothing stored; import the file and confirm.
    let fresh = Browser::launch().await;
    fresh.goto(&f.url("")).await;
    fresh.wait_page("agenda").await;
    assert!(
        !fresh.stored().await.contains("Priya Raman"),
        "a fresh profile starts empty"
    );
    tab(&fresh, "settings", "settings").await;
    pick_import_file(&fresh, &file).await;
    fresh
        .wait_text(".data-summary", &format!("{name}: 4 new, 0 updated"))
        .await;
    fresh.click(".data-confirm").await;
    fresh.wait_text(".data-done", "Imported").await;
    tab(&fresh, "agenda", "agenda").await;
    fresh.wait_text("main#main", "Zoë Ødegaard").await;
    let after = agenda_text(&fresh).await;
    assert_eq!(
        after, before,
        "the same agenda after a restore in a fresh profile"
    );
    fresh.assert_no_console_errors("restoring a backup").await;
    fresh.close().await;
    f.finish("exporting a backup to restore").await;
}

#[tokio::test]
async fn json_backup_downloads_with_the_contacts() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    add_contact(
        b,
        &Person {
            name: "Priya Raman",
            company: "Acme Robotics",
            email: "priya@acme.example",
            ..Person::default()
        },
    )
    .await;
    tab(b, "settings", "settings").await;

    let downloads = tempfile::tempdir().unwrap();
    let (name, text) = download_backup(b, downloads.path()).await;
    assert_eq!(name.len(), "followup-2026-11-26.json".len(), "{name}");
    let backup: serde_json::Value = serde_json::from_str(&text).expect("the backup is JSON");
    assert!(
        backup["version"].is_u64(),
        "the backup is versioned: {text}"
    );
    assert!(
        text.contains("Priya Raman") && text.contains("priya@acme.example"),
        "{text}"
    );
    f.finish("downloading a backup").await;
}

#[tokio::test]
async fn linkedin_connections_import_after_a_preview() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_settings(&f).await;
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "Connections.csv", CONNECTIONS);
    let before = b.stored().await;

    pick_import_file(b, &file).await;
    b.wait_text(
        ".data-summary",
        "Connections.csv: 2 new, 0 updated, 0 possible duplicates, 0 rows with errors.",
    )
    .await;
    b.wait_text(".data-new", "Ana Lopez").await;
    b.wait_text(".data-new", "Ben Okafor").await;
    assert_eq!(b.stored().await, before, "a preview changes nothing");

    // The screenshot of the section, with the preview open.
    b.js("document.querySelector('#data-import-title').scrollIntoView({block: 'start'}); return true;")
        .await;
    b.js_async("requestAnimationFrame(() => requestAnimationFrame(() => done(true)));")
        .await;
    let path = screenshots_dir().join("data.png");
    assert_eq!(b.screenshot(&path).await, VIEWPORT);
    eprintln!("screenshot: {}", path.display());

    b.click(".data-confirm").await;
    b.wait_text(".data-done", "Imported").await;
    let after = b.stored().await;
    assert!(
        after.contains("Ana Lopez") && after.contains("Ben Okafor"),
        "{after}"
    );

    tab(b, "contacts", "contacts").await;
    b.wait_text("main#main", "Ana Lopez").await;
    b.wait_text("main#main", "Ben Okafor").await;
    f.finish("importing Connections.csv").await;
}

#[tokio::test]
async fn a_malformed_file_is_named_and_changes_nothing() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    add_contact(
        b,
        &Person {
            name: "Leo Park",
            company: "Initech",
            email: "leo@initech.example",
            ..Person::default()
        },
    )
    .await;
    tab(b, "settings", "settings").await;
    let dir = tempfile::tempdir().unwrap();
    let before = b.stored().await;

    let file = write_file(dir.path(), "contacts.csv", "Name,Phone\nAna,555\n");
    pick_import_file(b, &file).await;
    b.wait_text(".data-error", "contacts.csv").await;
    b.wait_text(".data-error", "Nothing was imported").await;
    assert!(
        b.js("return !document.querySelector('.data-confirm');")
            .await
            == json!(true),
        "no Import button for a file that cannot be read"
    );

    let file = write_file(
        dir.path(),
        "backup.json",
        "{\"version\": 1, \"contacts\": [",
    );
    pick_import_file(b, &file).await;
    b.wait_text(".data-error", "backup.json").await;
    assert_eq!(b.stored().await, before, "a bad file changes nothing");
    f.finish("importing malformed files").await;
}

/// A backup file of `count` small contacts with ids `<prefix>000001`…, indented with
/// `indent` spaces (a wider indent makes a bigger file holding the same contacts).
fn backup_of(count: usize, prefix: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let contacts: Vec<String> = (1..=count)
        .map(|i| {
            format!(
                "{pad}{{\n{pad}{pad}\"id\": \"{prefix}{i:06}\",\n{pad}{pad}\"name\": \"Restored Person {i}\",\n\
                 {pad}{pad}\"company\": \"Company {}\",\n{pad}{pad}\"kind\": \"Engineer\",\n\
                 {pad}{pad}\"met_on\": \"2026-11-{:02}\",\n{pad}{pad}\"updated_at\": 1\n{pad}}}",
                i % 97,
                1 + i % 28
            )
        })
        .collect();
    format!(
        "{{\n{pad}\"version\": 1,\n{pad}\"contacts\": [\n{}\n{pad}],\n{pad}\"events\": []\n}}\n",
        contacts.join(",\n")
    )
}

/// How many contacts (and tombstones) localStorage holds.
async fn stored_contacts(b: &Browser) -> u64 {
    b.js(&format!("return {RECORDS_JS}.length;"))
        .await
        .as_u64()
        .unwrap_or(0)
}

/// A backup of 20,000 realistic contacts, written by the app's own export: the bench's
/// generated book (events, hooks of 1–3 sentences, interaction logs, outcomes, steps in
/// every state), about 20 MB of JSON. It is restored whole, and after a reload every
/// contact is stored with its fields as the backup had them.
#[tokio::test]
async fn a_backup_of_20000_realistic_contacts_is_restored() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_settings(&f).await;
    let dir = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let book = followup_e2e::bench::generate::book(20_000, today);
    // The bench's book, without its events' plans: 40 fifty-company plans make the meta
    // key half a megabyte, and a save's journal holds a copy of everything it writes, so
    // 20,000 contacts with them do not fit Chromium's 10 MB of localStorage.
    let mut document: serde_json::Value =
        serde_json::from_str(&followup::domain::formats::export_backup(&book)).unwrap();
    for event in document["events"].as_array_mut().into_iter().flatten() {
        event.as_object_mut().map(|e| e.remove("prep"));
    }
    let text = serde_json::to_string_pretty(&document).unwrap();
    assert!(text.len() > 10_000_000, "{} bytes", text.len());
    let file = write_file(dir.path(), "followup-big.json", &text);
    pick_import_file(b, &file).await;
    let long = Duration::from_secs(120);
    b.wait_js(
        "the preview of 20,000 new contacts",
        long,
        "const s = document.querySelector('.data-summary'); return !!s && s.textContent.includes(': 20000 new');",
    )
    .await;
    b.click(".data-confirm").await;
    b.wait_js(
        "the import to finish",
        long,
        "const d = document.querySelector('.data-done'); return !!d && d.textContent.includes('20000 new');",
    )
    .await;
    b.refresh().await;
    b.wait_page("settings").await;
    b.wait_text("#storage-used", "20000 contacts").await;
    // Every stored record, read back with the e2e suite's own unpacker, equals the
    // contact in the backup, field for field.
    let stored = b
        .js(&format!("return {RECORDS_JS};"))
        .await
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(stored.len(), 20_000);
    let backup: serde_json::Value = serde_json::from_str(&text).unwrap();
    let by_id: std::collections::HashMap<&str, &serde_json::Value> = backup["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c))
        .collect();
    let mut logs = 0;
    for record in &stored {
        let id = record["id"].as_str().expect("a stored contact has an id");
        assert_eq!(Some(&record), by_id.get(id), "contact {id}");
        logs += record["interactions"].as_array().map_or(0, Vec::len);
    }
    assert!(
        logs > 20_000,
        "the contacts carry their history: {logs} entries"
    );
    f.finish("restoring 20,000 realistic contacts").await;
}

#[tokio::test]
async fn an_import_that_does_not_fit_says_so_with_numbers_and_changes_nothing() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_settings(&f).await;
    add_contact(b, &Person::named("Kept Karin")).await;
    tab(b, "settings", "settings").await;
    assert!(followup_e2e::ui::fill_storage(b, 1024).await > 0);
    let before = b.stored().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "followup-2000.json", &backup_of(2_000, "n", 2));
    pick_import_file(b, &file).await;
    b.wait_text(".data-summary", "2000 new").await;
    b.click(".data-confirm").await;
    b.wait_text(".data-error", "more in this browser's storage, and only")
        .await;
    let message = followup_e2e::ui::text(b, ".data-error")
        .await
        .unwrap_or_default();
    assert!(
        message.contains(" MB more") && message.contains("Nothing was imported"),
        "{message}"
    );
    assert_eq!(b.stored().await, before, "storage changed");
    assert_eq!(stored_contacts(b).await, 1);
    assert!(
        b.js("return !document.querySelector('#save-error');").await
            == serde_json::Value::Bool(true),
        "no failed save: nothing was tried"
    );
    f.finish("an import that does not fit").await;
}
