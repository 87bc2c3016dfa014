//! End-to-end tests of the storage guarantees (issue 4): unreadable data is backed up and
//! never overwritten until the student chooses; version-1 data migrates to the keyed
//! layout on load; two windows editing different contacts both keep their edits, and a
//! form being typed in is not reset by the other window's save.
//!
//! Build first: `cargo xtask dist --public-url /followup/`; run (from the workspace root):
//! `cargo test -p followup-e2e --test e2e -- --test-threads=1 storage::`.

use std::time::Duration;

use followup_e2e::ui::{add_contact, capture_met_days_ago, deep_link_404, open_home, tab, Person};
use followup_e2e::{js_str, Browser, Fixture, META_KEY, RECORDS_JS, UI};
use serde_json::Value;

/// Storage as version 1 of the app wrote it (the domain's fixture).
const V1_FIXTURE: &str = include_str!("../../fixtures/storage/v1.json");
const V2_FIXTURE: &str = include_str!("../../fixtures/storage/v2.json");

/// Every key starting with `followup.`, with its text.
async fn all_keys(b: &Browser) -> serde_json::Map<String, Value> {
    let v = b
        .js("const o = {}; for (const k of Object.keys(localStorage)) if (k.startsWith('followup.')) o[k] = localStorage.getItem(k); return o;")
        .await;
    v.as_object().cloned().unwrap_or_default()
}

async fn set_item(b: &Browser, key: &str, value: &str) {
    b.js(&format!(
        "localStorage.setItem({}, {}); return true;",
        js_str(key),
        js_str(value)
    ))
    .await;
}

#[tokio::test]
async fn unreadable_data_is_kept_until_the_student_starts_fresh() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    let broken = "{\"version\":2,\"events\":[";
    set_item(b, META_KEY, broken).await;
    set_item(
        b,
        "followup.c.keep-me",
        "{\"id\":\"keep-me\",\"name\":\"Precious\"}",
    )
    .await;
    b.refresh().await;
    b.wait_page("agenda").await;
    b.wait_css("#unreadable-banner", UI).await;
    b.wait_text("#unreadable-banner", "kept under").await;

    // The original is backed up under its own key.
    let keys = all_keys(b).await;
    let backup = keys
        .iter()
        .find(|(k, _)| k.starts_with("followup.unreadable."))
        .map(|(_, v)| v.as_str().unwrap_or("").to_string())
        .unwrap_or_else(|| panic!("no backup key among {:?}", keys.keys()));
    let backup: Value = serde_json::from_str(&backup).expect("the backup is a JSON object");
    assert_eq!(backup[META_KEY], broken);
    assert!(backup["followup.c.keep-me"]
        .as_str()
        .unwrap()
        .contains("Precious"));

    // Working on does not overwrite it: nothing is saved until "Start fresh".
    add_contact(b, &Person::named("Newly Met")).await;
    let keys = all_keys(b).await;
    assert_eq!(
        keys[META_KEY], broken,
        "the unreadable data was overwritten"
    );
    assert!(
        !keys.keys().any(
            |k| (k.starts_with("followup.c.") && k != "followup.c.keep-me")
                || k.starts_with("followup.s.")
        ),
        "a new contact was saved over unreadable data: {:?}",
        keys.keys()
    );
    b.wait_css("#unreadable-download", UI).await;
    let enabled = b
        .js("return !document.querySelector('#unreadable-start-fresh').disabled;")
        .await;
    assert_eq!(
        enabled,
        Value::Bool(true),
        "a backup exists, so starting fresh is allowed"
    );

    b.click("#unreadable-start-fresh").await;
    b.wait_js(
        "the contact typed meanwhile to be saved",
        UI,
        &format!("return {RECORDS_JS}.some(c => c.name === 'Newly Met');"),
    )
    .await;
    let keys = all_keys(b).await;
    assert!(!keys.contains_key("followup.c.keep-me"));
    assert!(keys[META_KEY]
        .as_str()
        .unwrap()
        .starts_with("{\"version\":3"));
    assert!(
        keys.keys().any(|k| k.starts_with("followup.unreadable.")),
        "the backup survives starting fresh"
    );
    assert_eq!(
        b.js("return !!document.querySelector('#unreadable-banner');")
            .await,
        Value::Bool(false)
    );
    f.finish("unreadable data").await;
}

/// The kept copies of unreadable data: key → text.
async fn kept_copies(b: &Browser) -> Vec<(String, String)> {
    let mut copies: Vec<(String, String)> = all_keys(b)
        .await
        .into_iter()
        .filter(|(k, _)| k.starts_with("followup.unreadable."))
        .map(|(k, v)| (k, v.as_str().unwrap_or("").to_string()))
        .collect();
    copies.sort();
    copies
}

#[tokio::test]
async fn reloading_unreadable_data_keeps_one_copy_listed_in_settings_until_deleted() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    set_item(b, META_KEY, "{\"version\":2,\"events\":[").await;
    // A copy an older version kept under the time it was made: folded into the same one.
    set_item(
        b,
        "followup.unreadable.1764000000000",
        "{\n  \"followup.meta\": \"{\\\"version\\\":2,\\\"events\\\":[\"\n}",
    )
    .await;
    b.refresh().await;
    b.wait_css("#unreadable-banner", UI).await;
    let first = kept_copies(b).await;
    assert_eq!(first.len(), 1, "one copy per content: {first:?}");
    for _ in 0..3 {
        b.refresh().await;
        b.wait_css("#unreadable-banner", UI).await;
    }
    assert_eq!(kept_copies(b).await, first, "reloads kept no new copy");

    b.click("#unreadable-start-fresh").await;
    followup_e2e::ui::wait_gone(b, "#unreadable-banner").await;
    assert_eq!(kept_copies(b).await, first, "Start fresh keeps the copy");
    followup_e2e::ui::tab(b, "settings", "settings").await;
    b.wait_text("#kept-copies", "1 stored entry").await;
    b.wait_css("#kept-copies .kept-download", UI).await;
    b.click("#kept-copies .kept-delete").await;
    followup_e2e::ui::wait_gone(b, "#kept-copies .kept-copy").await;
    assert_eq!(kept_copies(b).await, [], "Delete removes the copy");
    f.finish("kept copies").await;
}

#[tokio::test]
async fn version_one_data_is_migrated_on_load() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    let fixture: serde_json::Map<String, Value> = serde_json::from_str(V1_FIXTURE).unwrap();
    let document = fixture["followup.v1"].as_str().unwrap();
    set_item(b, "followup.v1", document).await;
    b.refresh().await;
    b.wait_page("agenda").await;
    b.wait_js(
        "the version-1 key to be replaced by the keyed layout",
        UI,
        &format!("return !localStorage.getItem('followup.v1') && !!localStorage.getItem('followup.meta') && {RECORDS_JS}.map(c => c.id).sort().join() === 'a,b';"),
    )
    .await;
    fixture_contacts_listed(&f).await;
    f.finish("migration").await;
}

/// The fixtures' two contacts are listed, and still after a reload (of the deep link,
/// which the server answers with `404.html`, as GitHub Pages does).
async fn fixture_contacts_listed(f: &Fixture) {
    let b = &f.browser;
    tab(b, "contacts", "contacts").await;
    b.wait_text("main", "Bo Chen").await;
    b.wait_text("main", "Ana López").await;
    b.refresh().await;
    b.wait_page("contacts").await;
    b.wait_text("main", "Bo Chen").await;
    b.wait_text("main", "Ana López").await;
    b.assert_no_console_errors_except(
        "listing the migrated contacts",
        deep_link_404(f.url("contacts")),
    )
    .await;
}

/// A book saved by storage version 2 (a meta key and one key per contact, with a
/// tombstone from 1970) is rewritten as packed shards on load: every contact still there,
/// every old key gone, the tombstone pruned (over 90 days old), and the book still reads
/// after a reload.
#[tokio::test]
async fn version_two_data_is_migrated_to_shards_on_load() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    let fixture: serde_json::Map<String, Value> = serde_json::from_str(V2_FIXTURE).unwrap();
    for (key, value) in &fixture {
        set_item(b, key, value.as_str().unwrap()).await;
    }
    b.refresh().await;
    b.wait_page("agenda").await;
    b.wait_js(
        "the version-2 keys to be replaced by shards",
        UI,
        &format!(
            "return !Object.keys(localStorage).some(k => k.startsWith('followup.c.')) && \
             localStorage.getItem('followup.meta').startsWith('{{\"version\":3') && \
             {RECORDS_JS}.map(c => c.id).sort().join() === 'a,b';"
        ),
    )
    .await;
    fixture_contacts_listed(&f).await;
    f.finish("migration from version 2").await;
}

/// Opens a second window on the same browser profile (same localStorage) and returns
/// the two window handles.
async fn second_window(
    b: &Browser,
    url: &str,
) -> (fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
    let first = b.client.window().await.expect("current window");
    let new = b.client.new_window(false).await.expect("a second window");
    b.client
        .switch_to_window(new.handle.clone())
        .await
        .expect("switch to the second window");
    b.goto(url).await;
    b.wait_page("agenda").await;
    (first, new.handle)
}

async fn switch(b: &Browser, handle: &fantoccini::wd::WindowHandle) {
    b.client
        .switch_to_window(handle.clone())
        .await
        .expect("switch window");
}

/// The contact ids and names in storage.
async fn stored_names(b: &Browser) -> Vec<String> {
    let v = b
        .js(&format!(
            "return {RECORDS_JS}.map(c => c.name).filter(Boolean).sort();"
        ))
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect()
}

async fn contact_id(b: &Browser, name: &str) -> String {
    b.js(&format!(
        "for (const c of {RECORDS_JS}) {{ if (c.name === {}) return c.id; }} return null;",
        js_str(name)
    ))
    .await
    .as_str()
    .unwrap_or_else(|| panic!("{name} is not stored"))
    .to_string()
}

/// Replaces the text of the field `css` in the open form.
async fn retype(b: &Browser, css: &str, text: &str) {
    b.js(&format!(
        "const e = document.querySelector({}); e.value = ''; e.dispatchEvent(new Event('input', {{bubbles: true}})); return true;",
        js_str(css)
    ))
    .await;
    b.type_into(css, text).await;
}

#[tokio::test]
async fn two_windows_editing_different_contacts_both_keep_their_edits() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    add_contact(b, &Person::named("Ada Window")).await;
    add_contact(b, &Person::named("Bea Window")).await;
    let ada = contact_id(b, "Ada Window").await;
    let bea = contact_id(b, "Bea Window").await;

    let (one, two) = second_window(b, &f.url("")).await;

    // Window two opens Bea's edit form and starts typing, without saving.
    b.goto(&f.url(&format!("contacts/{bea}/edit"))).await;
    b.wait_page("edit").await;
    retype(b, "#name", "Bea Edited In Two").await;

    // Meanwhile window one edits Ada and saves.
    switch(b, &one).await;
    b.goto(&f.url(&format!("contacts/{ada}/edit"))).await;
    b.wait_page("edit").await;
    retype(b, "#name", "Ada Edited In One").await;
    b.click("#save").await;
    b.wait_page("contact").await;

    // Window two: Ada's change arrived, and the form still holds what was typed.
    switch(b, &two).await;
    // The storage event reaches window two at once; give its handler a moment to run.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let typed = b.js("return document.querySelector('#name').value;").await;
    assert_eq!(
        typed,
        Value::String("Bea Edited In Two".into()),
        "the form was reset"
    );
    b.click("#save").await;
    b.wait_page("contact").await;
    tab(b, "contacts", "contacts").await;
    b.wait_text("main", "Ada Edited In One").await;
    b.wait_text("main", "Bea Edited In Two").await;

    // Window one sees Bea's edit without a reload, and storage holds both.
    switch(b, &one).await;
    tab(b, "contacts", "contacts").await;
    b.wait_text("main", "Bea Edited In Two").await;
    b.wait_text("main", "Ada Edited In One").await;
    assert_eq!(
        stored_names(b).await,
        ["Ada Edited In One", "Bea Edited In Two"]
    );

    // A delete in one window reaches the other.
    b.goto(&f.url(&format!("contacts/{ada}"))).await;
    b.wait_page("contact").await;
    switch(b, &two).await;
    b.wait_text("main", "Ada Edited In One").await;
    switch(b, &one).await;
    b.click("#delete").await;
    b.wait_css("#confirm-delete", UI).await;
    b.click("#confirm-delete").await;
    b.wait_js(
        "Ada's key to become a tombstone",
        UI,
        &format!("return {RECORDS_JS}.some(c => c.id === '{ada}' && c.deleted_at !== undefined);"),
    )
    .await;
    switch(b, &two).await;
    b.wait_js(
        "window two to drop Ada",
        Duration::from_secs(10),
        "return !document.querySelector('main').textContent.includes('Ada Edited In One');",
    )
    .await;
    b.wait_text("main", "Bea Edited In Two").await;
    f.finish("two windows").await;
}

#[tokio::test]
async fn the_agenda_reminds_to_back_up_after_two_weeks() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    // A contact met today: no reminder yet.
    add_contact(b, &Person::named("Fresh Contact")).await;
    tab(b, "agenda", "agenda").await;
    b.wait_text("main", "Fresh Contact").await;
    assert_eq!(
        b.js("return !!document.querySelector('#backup-reminder');")
            .await,
        Value::Bool(false),
        "no reminder for data younger than 14 days"
    );
    // One met three weeks ago: the reminder appears.
    capture_met_days_ago(b, "Older Contact", 21).await;
    tab(b, "agenda", "agenda").await;
    b.wait_css("#backup-reminder", UI).await;
    b.wait_text("#backup-reminder", "backup").await;
    // "Back up now" saves the file and records the backup: the reminder goes, and
    // Settings shows the date.
    b.click("#backup-now").await;
    b.wait_js(
        "the backup to be recorded",
        UI,
        "return (localStorage.getItem('followup.meta') || '').includes('\"last_backup\":\"');",
    )
    .await;
    b.wait_js(
        "the reminder to go",
        UI,
        "return !document.querySelector('#backup-reminder');",
    )
    .await;
    tab(b, "settings", "settings").await;
    b.wait_text("#storage-last-backup", "Last backup").await;
    b.wait_text("#storage-used", "2 contacts").await;
    f.finish("backup reminder").await;
}

#[tokio::test]
async fn ios_safari_explains_add_to_home_screen_once() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    assert_eq!(
        b.js("return !!document.querySelector('#ios-install-hint');")
            .await,
        Value::Bool(false),
        "no iOS hint in Chromium"
    );
    b.emulate_ios_safari().await;
    b.refresh().await;
    b.wait_page("agenda").await;
    b.wait_css("#ios-install-hint", UI).await;
    b.wait_text("#ios-install-hint", "Add to Home Screen").await;
    b.js("[...document.querySelectorAll('#ios-install-hint button')].find(x => x.textContent.includes('Got it')).click(); return true;")
        .await;
    b.wait_js(
        "the hint to close",
        UI,
        "return !document.querySelector('#ios-install-hint');",
    )
    .await;
    b.refresh().await;
    b.wait_page("agenda").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        b.js("return !!document.querySelector('#ios-install-hint');")
            .await,
        Value::Bool(false),
        "the hint is shown only once"
    );
    f.finish("iOS hint").await;
}

#[tokio::test]
async fn a_capture_the_browser_refuses_to_store_never_shows_saved() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    followup_e2e::ui::tab(b, "add", "add").await;
    assert!(
        followup_e2e::ui::fill_storage(b, 16).await > 0,
        "the filler should take some room"
    );
    followup_e2e::ui::fill_person(b, &Person::named("Refused Rita")).await;
    b.click("#save-another").await;
    b.wait_css("#save-error", UI).await;
    b.wait_text(".saved-flash", "refused to store it").await;
    let flash = followup_e2e::ui::text(b, ".saved-flash")
        .await
        .unwrap_or_default();
    assert!(
        !flash.contains('✓') && !flash.contains("Saved"),
        "a refused save showed success: {flash:?}"
    );
    assert!(
        !stored_names(b).await.contains(&"Refused Rita".to_string()),
        "the browser was said to refuse it, yet it is stored"
    );
    // Room again: the next capture saves both, and says so.
    b.js("for (const k of Object.keys(localStorage)) if (k.startsWith('followup.test.filler.')) localStorage.removeItem(k); return true;")
        .await;
    followup_e2e::ui::fill_person(b, &Person::named("Saved Sam")).await;
    b.click("#save-another").await;
    b.wait_text(".saved-flash", "✓ Saved Saved Sam. Next!")
        .await;
    followup_e2e::ui::wait_gone(b, "#save-error").await;
    let stored = stored_names(b).await;
    for name in ["Refused Rita", "Saved Sam"] {
        assert!(
            stored.iter().any(|n| n == name),
            "{name} should be stored once there is room: {stored:?}"
        );
    }
    f.finish("refused capture").await;
}

/// The stored contact `id` as JSON.
async fn stored_contact(b: &Browser, id: &str) -> Value {
    let contact = b
        .js(&format!(
            "return {RECORDS_JS}.find(c => c.id === {}) || null;",
            js_str(id)
        ))
        .await;
    assert!(contact.is_object(), "the contact {id} is stored");
    contact
}

/// Opens the edit form of `id` in the current window.
async fn open_edit(f: &Fixture, id: &str) {
    f.browser.goto(&f.url(&format!("contacts/{id}/edit"))).await;
    f.browser.wait_page("edit").await;
}

#[tokio::test]
async fn two_windows_editing_one_contact_merge_field_by_field() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    add_contact(b, &Person::named("Cleo Merge")).await;
    let cleo = contact_id(b, "Cleo Merge").await;
    let (one, two) = second_window(b, &f.url("")).await;

    // Both open the form; one saves new notes, then two saves a title from its older form.
    open_edit(&f, &cleo).await;
    switch(b, &one).await;
    open_edit(&f, &cleo).await;
    retype(b, "#notes", "Notes from window one").await;
    b.click("#save").await;
    b.wait_page("contact").await;
    switch(b, &two).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    retype(b, "#title", "Title from window two").await;
    b.click("#save").await;
    b.wait_page("contact").await;
    let stored = stored_contact(b, &cleo).await;
    assert_eq!(stored["notes"], "Notes from window one", "{stored}");
    assert_eq!(stored["title"], "Title from window two", "{stored}");

    // Both change the company: the second to save sees both values and picks.
    open_edit(&f, &cleo).await;
    switch(b, &one).await;
    open_edit(&f, &cleo).await;
    retype(b, "#company", "Acme One").await;
    b.click("#save").await;
    b.wait_page("contact").await;
    switch(b, &two).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    retype(b, "#company", "Initech Two").await;
    retype(b, "#role", "Platform team").await;
    b.click("#save").await;
    b.wait_css("#edit-conflicts", UI).await;
    b.wait_text("#edit-conflicts", "Yours: Initech Two").await;
    b.wait_text("#edit-conflicts", "Saved in another tab: Acme One")
        .await;
    assert_eq!(
        stored_contact(b, &cleo).await["company"],
        "Acme One",
        "nothing saved yet"
    );
    b.click("#edit-conflicts input[value=theirs]").await;
    b.click("#save-choices").await;
    b.wait_page("contact").await;
    let stored = stored_contact(b, &cleo).await;
    assert_eq!(stored["company"], "Acme One", "the pick was kept: {stored}");
    assert_eq!(
        stored["role"], "Platform team",
        "the other change survives: {stored}"
    );
    assert_eq!(stored["notes"], "Notes from window one", "{stored}");
    f.finish("field merge").await;
}

/// Counts agenda rows removed from the page, from the first script on (installed before
/// the app's, so the takeover and the book's arrival are both watched); not the rows of
/// the shell's picture of the agenda, which the app replaces whole.
const ROW_WATCH: &str = "window.__rowsRemoved = 0; \
     new MutationObserver(ms => { for (const m of ms) for (const n of m.removedNodes) \
       if (n.nodeType === 1 && n.id !== 'shell' && (n.matches('.agenda-item') || n.querySelector('.agenda-item'))) \
         window.__rowsRemoved++; }).observe(document, { childList: true, subtree: true });";

/// The agenda's rows as "name: step", in page order.
const ROWS: &str = "return Array.from(document.querySelectorAll('li.agenda-item')).map(li => \
     li.querySelector('.agenda-name').textContent.trim() + ': ' + \
     li.querySelector('.agenda-step').textContent.trim());";

/// A script returning when the mark `name` was set in this page load (ms), or null.
fn mark(name: &str) -> String {
    format!("return {};", mark_at(name))
}

/// The expression of [`mark`].
fn mark_at(name: &str) -> String {
    format!(
        "(performance.getEntriesByName({}, 'mark')[0] || {{}}).startTime ?? null",
        js_str(name)
    )
}

/// A book whose shard digests match draws its agenda from them, before the book is read
/// (`followup:agenda` before `followup:book`), and not one row is redrawn when the book
/// arrives. A digest that is missing (a save cut short, another tab's shard) means the
/// whole book is read first, and the next start has the digest back.
#[tokio::test]
async fn the_agenda_is_drawn_from_the_digests_and_stays_when_the_book_arrives() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    for (name, days) in [("Dana Digest", 5), ("Eli Early", 2), ("Fay First", 0)] {
        capture_met_days_ago(b, name, days).await;
    }
    tab(b, "agenda", "agenda").await;
    b.wait_text("main", "Dana Digest").await;
    let before = b.js(ROWS).await;
    assert!(
        before.as_array().is_some_and(|rows| rows.len() >= 3),
        "{before}"
    );
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": ROW_WATCH }),
    )
    .await;

    b.refresh().await;
    b.wait_page("agenda").await;
    let book = b
        .wait_js(
            "the book to be read after the agenda",
            UI,
            &mark("followup:book"),
        )
        .await;
    let agenda = b.js(&mark("followup:agenda")).await;
    assert!(
        agenda.as_f64().unwrap() <= book.as_f64().unwrap(),
        "the agenda ({agenda}) is drawn before the book is read ({book})"
    );
    assert_eq!(b.js(ROWS).await, before, "the same rows, in the same order");
    assert_eq!(
        b.js("return window.__rowsRemoved;").await,
        Value::from(0),
        "no row was redrawn when the book arrived"
    );

    // A digest goes missing: the book is read in full before the agenda, and the digest
    // is written again.
    let digest = b
        .js("return Object.keys(localStorage).filter(k => k.startsWith('followup.d.')).sort()[0];")
        .await;
    let digest = digest.as_str().expect("a digest key").to_string();
    b.js(&format!(
        "localStorage.removeItem({}); return true;",
        js_str(&digest)
    ))
    .await;
    b.refresh().await;
    b.wait_page("agenda").await;
    let drawn = format!("return {} !== null;", mark_at("followup:agenda"));
    b.wait_js("the agenda", UI, &drawn).await;
    assert_eq!(
        b.js(&mark("followup:book")).await,
        Value::Null,
        "read in full"
    );
    assert_eq!(b.js(ROWS).await, before);
    b.wait_js(
        "the missing digest to be written again",
        UI,
        &format!("return localStorage.getItem({}) !== null;", js_str(&digest)),
    )
    .await;
    b.refresh().await;
    b.wait_page("agenda").await;
    b.wait_js("the glance again", UI, &mark("followup:book"))
        .await;
    assert_eq!(b.js(ROWS).await, before);
    f.finish("digests").await;
}
