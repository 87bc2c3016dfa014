//! A page killed mid-save (issue 27): storage freezes after the page's k-th write of the
//! book, the page is closed, and a new page of the same profile finds the book whole:
//! before the save, or after it with a message that it was cut short and finished.

use followup_e2e::ui::{add_contact, open_home, pick_import_file, tab, Person};
use followup_e2e::{write_file, Browser, Fixture, RECORDS_JS, UI};
use serde_json::Value;

/// A backup of `count` contacts.
fn backup(count: usize) -> String {
    let contacts: Vec<String> = (1..=count)
        .map(|i| {
            format!(
                "{{\"id\": \"crash{i:06}\", \"name\": \"Imported Person {i}\", \"company\": \
                 \"Company {}\", \"met_on\": \"2026-11-{:02}\", \"updated_at\": 1}}",
                i % 97,
                1 + i % 28
            )
        })
        .collect();
    format!(
        "{{\"version\": 1, \"contacts\": [{}], \"events\": []}}",
        contacts.join(",")
    )
}

/// Freezes storage as a killed page leaves it: the first `k` writes (set or remove) of
/// the book's keys go through, and from the next one on no write of any of the app's keys
/// reaches storage. Other keys (the room check's probe) are untouched.
fn freeze_after(k: usize) -> String {
    format!(
        "const set = Storage.prototype.setItem, remove = Storage.prototype.removeItem; \
         const ours = key => key.startsWith('followup.') && key !== 'followup.probe'; \
         const book = key => key === 'followup.meta' || key === 'followup.journal' || \
           key.startsWith('followup.s.') || key.startsWith('followup.d.'); \
         window.__writes = 0; window.__frozen = false; \
         const pass = key => {{ \
           if (!ours(key)) return true; \
           if (window.__frozen) return false; \
           if (!book(key)) return true; \
           if (window.__writes >= {k}) {{ window.__frozen = true; return false; }} \
           window.__writes += 1; return true; }}; \
         Storage.prototype.setItem = function (key, value) {{ \
           if (pass(key)) set.call(this, key, value); }}; \
         Storage.prototype.removeItem = function (key) {{ \
           if (pass(key)) remove.call(this, key); }}; \
         return true;"
    )
}

async fn stored_contacts(b: &Browser) -> u64 {
    b.js(&format!("return {RECORDS_JS}.length;"))
        .await
        .as_u64()
        .unwrap_or(0)
}

/// The book's keys as stored now.
async fn book_keys(b: &Browser) -> Value {
    b.js("const o = {}; for (const k of Object.keys(localStorage)) \
          if (k === 'followup.meta' || k === 'followup.journal' || k.startsWith('followup.s.') \
          || k.startsWith('followup.d.')) o[k] = localStorage.getItem(k); return o;")
        .await
}

#[tokio::test]
async fn an_import_killed_after_any_write_leaves_the_book_whole() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    for name in ["Kept Karin", "Kept Kofi", "Kept Kim"] {
        add_contact(b, &Person::named(name)).await;
    }
    let before = book_keys(b).await;
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "followup-600.json", &backup(600));
    // The import writes the journal, 64 shards and their digests, then removes the
    // journal: 130 writes. Stopped before the first, after the journal alone, after the
    // third (as in the issue) and just before the commit.
    for k in [0, 1, 3, 129] {
        b.js(
            "for (const k of Object.keys(localStorage)) if (k.startsWith('followup.')) \
             localStorage.removeItem(k); return true;",
        )
        .await;
        b.js(&format!(
            "const o = {before}; for (const k in o) localStorage.setItem(k, o[k]); return true;"
        ))
        .await;
        b.goto(&f.url("settings")).await;
        b.wait_page("settings").await;
        b.wait_css("#data-import-file", UI).await;
        pick_import_file(b, &file).await;
        b.wait_text(".data-summary", "600 new").await;
        b.js(&freeze_after(k)).await;
        b.click(".data-confirm").await;
        b.wait_text(".data-done", "Imported").await;
        let writes = b.js("return [window.__writes, window.__frozen];").await;
        assert_eq!(
            writes,
            serde_json::json!([k, true]),
            "k = {k}: frozen mid-save"
        );

        // The page is gone; a new one opens the book.
        let next = b.client.new_window(false).await.expect("a new window");
        b.client
            .close_window()
            .await
            .expect("the killed page closes");
        b.client
            .switch_to_window(next.handle)
            .await
            .expect("switch to the new window");
        b.goto(&f.url("")).await;
        b.wait_page("agenda").await;
        if k == 0 {
            b.wait_css("main", UI).await;
            assert_eq!(book_keys(b).await, before, "k = 0: the book before");
            assert_eq!(stored_contacts(b).await, 3);
            assert_eq!(
                b.js("return !document.querySelector('#cut-short-banner');")
                    .await,
                Value::Bool(true),
                "nothing was cut short"
            );
        } else {
            b.wait_text("#cut-short-banner", "was cut short when the page closed")
                .await;
            b.wait_text("#cut-short-banner", "(600 contacts)").await;
            b.wait_text("#cut-short-banner", "It was finished now")
                .await;
            assert_eq!(stored_contacts(b).await, 603, "k = {k}: the book after");
            assert_eq!(
                b.js("return localStorage.getItem('followup.journal');")
                    .await,
                Value::Null,
                "k = {k}: the journal is gone once the save is finished"
            );
        }
        // The page's own book, as read.
        tab(b, "contacts", "contacts").await;
        let count = if k == 0 { "3 contacts" } else { "603 contacts" };
        b.wait_text(".result-count", count).await;
    }
    f.finish("an import killed mid-save").await;
}
