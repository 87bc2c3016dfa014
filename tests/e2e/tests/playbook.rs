//! End-to-end tests of the follow-up playbook, driven through the real UI of the release
//! dist served under `/followup/` (issue 3, "UI"): capture in event mode, the agenda's
//! one-tap actions, the composer, the contact page, search and filters, settings, and
//! phone-size screenshots of every screen.
//!
//! Build first: `cargo xtask dist --public-url /followup/`; run (from the workspace root):
//! `cargo test -p followup-e2e --test e2e -- --test-threads=1 playbook::`.
//!
//! Each test starts from a fresh browser profile and builds what it needs by tapping
//! through the app, as a student would.

use followup_e2e::ui::{
    add_contact, append_into, attr, by_text_js, capture_at_new_event, click_text,
    contact_id_from_url, deep_link_404, fill_person, open_home, pin, select_value,
    set_met_days_ago, shoot, tab, text, value, wait_for, wait_gone, wait_h1, Person, Strings,
};
use followup_e2e::{js_str, Browser, Fixture, META_KEY, PREFIX, UI};
use serde_json::Value;

// ---------------------------------------------------------------- helpers

/// From anywhere: the contact page of `name`, through the Contacts tab.
async fn open_contact(b: &Browser, name: &str) {
    tab(b, "contacts", "contacts").await;
    click_text(b, "ul.contact-list", name).await;
    b.wait_page("contact").await;
}

/// What the agenda shows: per section (`overdue`, `due`, `later`) its heading pill and
/// its rows as "Name: step label", plus the summary counts at the top.
#[derive(Debug, Clone, PartialEq, Default)]
struct AgendaView {
    overdue: Vec<String>,
    due: Vec<String>,
    later: Vec<String>,
    /// Pills in the section headings (None when the section is not shown).
    pills: [Option<u64>; 3],
    /// The summary line: overdue, due today, this week.
    counts: [Option<u64>; 3],
    caught_up: bool,
}

impl AgendaView {
    /// Sorted rows, for comparisons that do not depend on the order of equal-date rows.
    fn sorted(&self) -> (Vec<String>, Vec<String>, Vec<String>) {
        let s = |v: &Vec<String>| {
            let mut v = v.clone();
            v.sort();
            v
        };
        (s(&self.overdue), s(&self.due), s(&self.later))
    }

    /// Counts and pills agree with the rows.
    fn consistent(&self) -> bool {
        let n = [self.overdue.len(), self.due.len(), self.later.len()];
        (0..3).all(|i| {
            self.counts[i] == Some(n[i] as u64)
                && self.pills[i] == (n[i] > 0).then_some(n[i] as u64)
        })
    }
}

async fn read_agenda(b: &Browser) -> AgendaView {
    let v = b
        .js(r#"
            const out = { sections: {}, pills: {}, counts: {} };
            for (const c of ['overdue', 'due', 'later']) {
                const s = document.querySelector('section.agenda-section.' + c);
                out.sections[c] = s ? Array.from(s.querySelectorAll('li.agenda-item')).map(li =>
                    (li.querySelector('.agenda-name')?.textContent.trim() || '?') + ': ' +
                    (li.querySelector('.agenda-step')?.textContent.split(' · ')[0].trim() || '?')) : [];
                const pill = s && s.querySelector('h2 .pill');
                out.pills[c] = pill ? Number(pill.textContent.trim()) : null;
                const count = document.querySelector('.agenda-counts li.' + c + ' strong');
                out.counts[c] = count ? Number(count.textContent.trim()) : null;
            }
            out.caughtUp = !!document.querySelector('.caught-up');
            return out;"#)
        .await;
    let list = |c: &str| -> Vec<String> { v["sections"][c].strings() };
    let three = |k: &str| {
        [
            v[k]["overdue"].as_u64(),
            v[k]["due"].as_u64(),
            v[k]["later"].as_u64(),
        ]
    };
    AgendaView {
        overdue: list("overdue"),
        due: list("due"),
        later: list("later"),
        pills: three("pills"),
        counts: three("counts"),
        caught_up: v["caughtUp"].as_bool().unwrap_or(false),
    }
}

/// Waits until the agenda shows exactly these rows (in any order within a section) with
/// counts and pills to match.
async fn wait_agenda(b: &Browser, overdue: &[&str], due: &[&str], later: &[&str]) -> AgendaView {
    let sort = |v: &[&str]| {
        let mut v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    };
    let expected = (sort(overdue), sort(due), sort(later));
    let what = format!(
        "the agenda to show overdue {:?}, due today {:?}, next 7 days {:?} (with matching counts)",
        expected.0, expected.1, expected.2
    );
    wait_for(
        &what,
        || read_agenda(b),
        |a| a.sorted() == expected && a.consistent(),
    )
    .await
}

/// JS body returning the `li.agenda-item` of `name`'s `step` in section `class`.
fn agenda_item_js(class: &str, name: &str, step: &str) -> String {
    format!(
        "return Array.from(document.querySelectorAll('section.agenda-section.{class} li.agenda-item')).find(li => \
           li.querySelector('.agenda-name')?.textContent.trim() === {name} && \
           li.querySelector('.agenda-step')?.textContent.trim().startsWith({step})) || null;",
        name = js_str(name),
        step = js_str(step),
    )
}

/// Clicks the button or link reading `button` in the agenda row of `name`'s `step`.
async fn click_in_agenda_item(b: &Browser, class: &str, name: &str, step: &str, button: &str) {
    let item = pin(
        b,
        &format!("the agenda row {name:?} / {step:?} in section .{class}"),
        &agenda_item_js(class, name, step),
    )
    .await;
    click_text(b, &item, button).await;
}

/// From anywhere: opens the agenda and the composer of `name`'s connection note.
async fn write_connection_note(b: &Browser, name: &str) {
    tab(b, "agenda", "agenda").await;
    click_in_agenda_item(b, "due", name, "Connect on LinkedIn", "Write it").await;
    b.wait_page("composer").await;
}

/// Same-origin links on the page whose target is outside the app's subpath, as
/// "text → path": clicking one leaves the app (GitHub Pages answers with another site's 404).
async fn links_leaving_the_app(b: &Browser) -> Vec<String> {
    let v = b
        .js(&format!(
            "return Array.from(document.querySelectorAll('a[href]')).filter(a => {{ \
               const u = new URL(a.getAttribute('href'), document.baseURI); \
               return u.origin === location.origin && !u.pathname.startsWith({prefix}); \
             }}).map(a => a.textContent.trim().replace(/\\s+/g, ' ') + ' → ' + \
               new URL(a.getAttribute('href'), document.baseURI).pathname + \
               ' (href=' + a.getAttribute('href') + (a.id ? ', #' + a.id : '') + ')');",
            prefix = js_str(PREFIX)
        ))
        .await;
    v.strings()
}

/// Names shown in `ul.contact-list`, in order.
async fn listed_names(b: &Browser) -> Vec<String> {
    b.js(
        "return Array.from(document.querySelectorAll('ul.contact-list > li')).map(li => \
            (li.querySelector('.name') || li.querySelector('a') || li).textContent.trim());",
    )
    .await
    .strings()
}

async fn wait_listed(b: &Browser, what: &str, expected: &[&str]) -> Vec<String> {
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    wait_for(
        &format!("the contact list to show {expected:?} ({what})"),
        || async {
            let mut v = listed_names(b).await;
            v.sort();
            v
        },
        |v| *v == expected,
    )
    .await
}

/// Opens the history form on a contact page, logs `kind` (a value of `#log-kind`) with a
/// note, and waits for it in the history.
async fn log_interaction(b: &Browser, kind_value: &str, kind_label: &str, note: &str) {
    b.click("#log-open").await;
    b.wait_css("#log-kind", UI).await;
    select_value(b, "#log-kind", kind_value).await;
    b.type_into("#log-note", note).await;
    b.click("#log-save").await;
    b.wait_js(
        &format!("the history to list {kind_label:?} with the note {note:?}"),
        UI,
        &format!(
            "return Array.from(document.querySelectorAll('ol.history > li')).some(li => \
               li.querySelector('.what')?.textContent.trim() === {} && \
               (li.querySelector('.note')?.textContent || '').includes({}));",
            js_str(kind_label),
            js_str(note)
        ),
    )
    .await;
}

/// The history rows of a contact page, as "what" labels.
async fn history(b: &Browser) -> Vec<String> {
    b.js("return Array.from(document.querySelectorAll('ol.history > li .what')).map(e => e.textContent.trim());")
        .await
        .strings()
}

/// Waits for a timeline row whose heading is `label` and whose class has `tone-<tone>`.
async fn wait_timeline_step(b: &Browser, label: &str, tone: &str) {
    b.wait_js(
        &format!("the contact's follow-up timeline to show {label:?} as tone-{tone}"),
        UI,
        &format!(
            "return Array.from(document.querySelectorAll('ol.timeline > li.step')).some(li => \
               li.classList.contains('tone-{tone}') && \
               li.querySelector('.step-label')?.textContent.trim() === {});",
            js_str(label)
        ),
    )
    .await;
}

// ---------------------------------------------------------------- people

const MAYA: Person = Person {
    name: "Maya Chen",
    kind: "Engineer",
    company: "Stripe",
    hook: "payments infrastructure written in Rust",
    email: "maya.chen@stripe.example",
    linkedin: "",
    really_want: false,
};

const LEO: Person = Person {
    name: "Leo Park",
    kind: "Recruiter",
    company: "Figma",
    hook: "the summer internship timeline",
    email: "leo@figma.example",
    linkedin: "linkedin.com/in/leo-park",
    really_want: false,
};

const SAM: Person = Person {
    name: "Sam Rivera",
    kind: "Other",
    company: "Duolingo",
    hook: "gamified language learning research",
    email: "",
    linkedin: "",
    really_want: false,
};

const PRIYA: Person = Person {
    name: "Priya Raman",
    kind: "Engineer",
    company: "Acme Robotics",
    hook: "calibrating robot arms with computer vision",
    email: "priya.raman@acme.example",
    linkedin: "https://www.linkedin.com/in/priya-raman-42?utm_source=share&utm_medium=member_ios",
    really_want: true,
};

// ---------------------------------------------------------------- 1

/// Event mode: an event created from the capture page's event bar stays set while two
/// contacts are captured with "Save and add another" (name focused and empty after each,
/// a "Saved …" flash); an invalid email is marked inline and keeps everything typed; the
/// Events page then counts 2 met there.
#[tokio::test]
async fn capture_in_event_mode_saves_and_adds_another() {
    let f = Fixture::new().await;
    let b = &f.browser;
    let deep = f.url("contacts/new");
    b.goto(&deep).await;
    b.wait_page("add").await;
    b.wait_js(
        "the name field to be focused when capture opens",
        UI,
        "return document.activeElement && document.activeElement.id === 'name';",
    )
    .await;

    // Set the event once.
    let event = "Spring Engineering Fair";
    assert_eq!(
        text(b, ".event-bar .event-name").await.as_deref(),
        Some("No event"),
        "a fresh profile has no current event"
    );
    b.click("#change-event").await;
    b.type_into("#new-event-name", event).await;
    b.click("#create-event").await;
    b.wait_text(".event-bar .event-name", event).await;
    wait_gone(b, "#new-event-name").await;

    // First capture.
    fill_person(b, &MAYA).await;
    b.click("#save-another").await;
    b.wait_text(".saved-flash", &format!("Saved {}", MAYA.name))
        .await;
    assert_cleared_for_next(b, event, "after saving the first contact").await;

    // Second capture, first with an invalid email: marked inline, nothing lost.
    let leo = Person {
        email: "not-an-email",
        ..LEO
    };
    fill_person(b, &leo).await;
    b.click("#save-another").await;
    b.wait_css("#email-error.field-error", UI).await;
    let err = text(b, "#email-error").await.unwrap_or_default();
    assert!(!err.is_empty(), "the email error is empty");
    assert_eq!(
        attr(b, "#email", "aria-invalid").await.as_deref(),
        Some("true"),
        "#email should be marked aria-invalid"
    );
    assert_eq!(
        b.page().await.as_deref(),
        Some("add"),
        "a failed save must stay on capture"
    );
    assert!(
        text(b, ".saved-flash").await.is_none(),
        "the previous 'Saved' flash must not stay up after a failed save"
    );
    for (css, expected) in [
        ("#name", leo.name),
        ("#company", leo.company),
        ("#hook", leo.hook),
        ("#email", "not-an-email"),
        ("#linkedin", leo.linkedin),
    ] {
        assert_eq!(value(b, css).await, expected, "{css} after the failed save");
    }
    assert_eq!(
        b.js("return Array.from(document.querySelectorAll('fieldset.segmented label')).filter(l => l.querySelector('input').checked).map(l => l.textContent.trim());").await,
        serde_json::json!(["Recruiter"]),
        "the kind chosen before the failed save"
    );
    assert!(
        !b.stored().await.contains(leo.name),
        "a contact with an invalid email was stored"
    );

    // Fix it and save.
    b.type_into("#email", LEO.email).await;
    b.click("#save-another").await;
    b.wait_text(".saved-flash", &format!("Saved {}", LEO.name))
        .await;
    wait_gone(b, "#email-error").await;
    assert_cleared_for_next(b, event, "after saving the second contact").await;

    b.assert_no_console_errors_except("while capturing", deep_link_404(deep))
        .await;

    // The Events page counts both.
    tab(b, "events", "events").await;
    let card = pin(
        b,
        &format!("the events card for {event:?}"),
        &format!(
            "return Array.from(document.querySelectorAll('article.events-card')).find(a => \
               a.querySelector('h2')?.textContent.trim() === {}) || null;",
            js_str(event)
        ),
    )
    .await;
    b.wait_text(&format!("{card} .events-stats"), "2 met").await;
    let stats = text(b, &format!("{card} .events-stats")).await.unwrap();
    assert!(
        stats.contains("0 followed up") && stats.contains("0 follow-ups overdue"),
        "event stats: {stats:?}"
    );
    assert!(
        text(b, &format!("{card} .events-badge")).await.is_some(),
        "the event being captured at should be badged on the Events page"
    );

    // Its counts link to the people met there.
    b.click(&format!("{card} .events-stats")).await;
    b.wait_page("contacts").await;
    wait_listed(b, "the contacts met at the event", &[MAYA.name, LEO.name]).await;
    f.finish("on the events and contacts pages").await;
}

/// After a "Save and add another": the person's fields are empty, the name is focused,
/// the event is kept.
async fn assert_cleared_for_next(b: &Browser, event: &str, context: &str) {
    b.wait_js(
        &format!("the name field to be empty and focused {context}"),
        UI,
        "const n = document.querySelector('#name'); return !!n && n.value === '' && document.activeElement === n;",
    )
    .await;
    for css in ["#company", "#hook", "#email", "#linkedin"] {
        assert_eq!(value(b, css).await, "", "{css} {context}");
    }
    assert_eq!(
        b.page().await.as_deref(),
        Some("add"),
        "still capturing {context}"
    );
    let bar = text(b, ".event-bar .event-name").await.unwrap_or_default();
    assert!(
        bar.contains(event),
        "the event bar should still show {event:?} {context}, it shows {bar:?}"
    );
    assert!(
        !b.js("return !!document.querySelector('#new-event-name');")
            .await
            .as_bool()
            .unwrap_or(false),
        "the event picker reopened {context}"
    );
}

// ---------------------------------------------------------------- 2

/// The agenda lists a new contact's "Connect on LinkedIn" as due today (and the email in
/// the next 7 days); "Done" removes a row from Due today in one tap; "Snooze" → "Tomorrow"
/// moves another into Next 7 days; the counts follow, and survive a reload.
#[tokio::test]
async fn agenda_done_and_snooze_act_in_one_tap() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    assert!(
        b.js("return !!document.querySelector('.first-run');").await == Value::Bool(true),
        "an empty book should show the first-run explanation on the agenda\n{}",
        b.describe().await
    );

    add_contact(b, &MAYA).await;
    add_contact(b, &LEO).await;
    tab(b, "agenda", "agenda").await;
    let connect = "Connect on LinkedIn";
    let email = "Send the follow-up email";
    let maya_connect = format!("{}: {connect}", MAYA.name);
    let leo_connect = format!("{}: {connect}", LEO.name);
    let maya_email = format!("{}: {email}", MAYA.name);
    let leo_email = format!("{}: {email}", LEO.name);
    let a = wait_agenda(
        b,
        &[],
        &[&maya_connect, &leo_connect],
        &[&maya_email, &leo_email],
    )
    .await;
    assert!(!a.caught_up, "'All caught up' shown with steps due today");
    let status = text(
        b,
        &pin(
            b,
            "Maya's connect row",
            &agenda_item_js("due", MAYA.name, connect),
        )
        .await,
    )
    .await
    .unwrap();
    assert!(status.contains("due today"), "row text: {status:?}");

    // Done: one tap.
    click_in_agenda_item(b, "due", MAYA.name, connect, "Done").await;
    wait_agenda(b, &[], &[&leo_connect], &[&maya_email, &leo_email]).await;

    // Snooze → Tomorrow: two taps.
    click_in_agenda_item(b, "due", LEO.name, connect, "Snooze").await;
    click_text(b, ".snooze-options", "Tomorrow").await;
    let a = wait_agenda(b, &[], &[], &[&leo_connect, &maya_email, &leo_email]).await;
    assert!(
        a.caught_up,
        "nothing due: 'All caught up' should show\n{a:#?}"
    );
    let row = pin(
        b,
        "Leo's snoozed connect row",
        &agenda_item_js("later", LEO.name, connect),
    )
    .await;
    let row_text = text(b, &row).await.unwrap();
    assert!(
        row_text.contains("due tomorrow"),
        "the snoozed step should read 'due tomorrow': {row_text:?}"
    );
    b.assert_no_console_errors("while acting on the agenda")
        .await;

    // Stored: a reload shows the same agenda.
    b.refresh().await;
    b.wait_page("agenda").await;
    wait_agenda(b, &[], &[], &[&leo_connect, &maya_email, &leo_email]).await;

    // Done shows on the contact's page too.
    click_in_agenda_item(b, "later", MAYA.name, email, MAYA.name).await;
    b.wait_page("contact").await;
    wait_h1(b, MAYA.name).await;
    wait_timeline_step(b, "Connected on LinkedIn", "done").await;
    f.finish("after the reload").await;
}

// ---------------------------------------------------------------- 3

/// The composer: the connection note is drafted from the contact (first name, hook); past
/// 200 characters the count says so and Copy warns first ("Copy anyway"); Open LinkedIn is
/// the normalised profile in a new tab; the email step's Open email is a `mailto:` with
/// CRLF line breaks carrying exactly the edited text; "Mark as sent" records the step as
/// done and logs it.
#[tokio::test]
async fn composer_drafts_counts_links_and_marks_sent() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    let id = add_contact(b, &PRIYA).await;

    write_connection_note(b, PRIYA.name).await;
    assert_eq!(
        b.path().await,
        format!("{PREFIX}contacts/{id}/send/connect")
    );
    assert_eq!(b.h1().await, "Connect on LinkedIn");

    // The drafted note.
    b.wait_js(
        "a drafted note in #message",
        UI,
        "const m = document.querySelector('#message'); return !!m && m.value.length > 0;",
    )
    .await;
    let note = value(b, "#message").await;
    assert!(
        note.contains(PRIYA.first_name()) && note.contains(PRIYA.hook),
        "the note should mention {:?} and the hook {:?}: {note:?}",
        PRIYA.first_name(),
        PRIYA.hook
    );
    assert!(
        !note.contains('{') && !note.contains('}') && !note.contains('['),
        "unfilled template syntax in the note: {note:?}"
    );
    let len = note.chars().count();
    assert!(
        len <= 200,
        "the default note is already over 200 ({len}): {note:?}"
    );
    let count = text(b, "#message-count").await.unwrap_or_default();
    assert!(
        count.contains(&format!("{len} / 200")),
        "#message-count should read '{len} / 200 …': {count:?}"
    );
    assert_eq!(
        attr(b, "#message-count", "class")
            .await
            .as_deref()
            .map(|c| c.contains("over")),
        Some(false)
    );

    // Push it over the limit.
    let extra = " I'd also love to hear how your team validates the calibration pipeline before every release.";
    append_into(b, "#message", extra).await;
    let typed_len = len + extra.chars().count();
    assert!(typed_len > 200);
    b.wait_text("#message-count", &format!("{typed_len} / 200"))
        .await;
    b.wait_text("#message-count", "over LinkedIn's limit").await;
    assert!(
        attr(b, "#message-count", "class")
            .await
            .unwrap_or_default()
            .contains("over"),
        "#message-count should have the .over class past 200"
    );

    // Copy warns first, then copies.
    assert_eq!(text(b, "#copy").await.as_deref(), Some("Copy"));
    b.click("#copy").await;
    b.wait_css(".composer [role=alert]", UI).await;
    let warning = text(b, ".composer [role=alert]").await.unwrap();
    assert!(
        warning.contains("200"),
        "the warning should name the limit: {warning:?}"
    );
    b.wait_text("#copy", "Copy anyway").await;
    assert!(
        b.js("return !document.querySelector('.feedback');").await == Value::Bool(true),
        "the first tap on Copy of an over-long note must not copy"
    );
    b.click("#copy").await;
    wait_gone(b, ".composer [role=alert]").await;
    b.wait_css(".feedback", UI).await; // "Copied." or, headless, "Couldn't copy automatically …"
    assert_eq!(text(b, "#copy").await.as_deref(), Some("Copy"));

    // Open LinkedIn: the normalised profile, in a new tab, without opener.
    let href = attr(b, "#open-linkedin", "href").await.unwrap_or_default();
    assert_eq!(
        href, "https://www.linkedin.com/in/priya-raman-42/",
        "#open-linkedin href (the pasted URL had tracking parameters)"
    );
    assert_eq!(
        attr(b, "#open-linkedin", "target").await.as_deref(),
        Some("_blank")
    );
    let rel = attr(b, "#open-linkedin", "rel").await.unwrap_or_default();
    assert!(
        rel.split_whitespace().any(|r| r == "noopener"),
        "rel={rel:?}"
    );
    assert!(
        b.js("return !document.querySelector('#open-email');").await == Value::Bool(true),
        "a connection note has no email link"
    );

    // Mark as sent → back where the composer was opened (the agenda), step done, logged.
    b.click("#mark-sent").await;
    b.wait_page("agenda").await;
    assert_eq!(
        b.path().await.trim_end_matches('/'),
        PREFIX.trim_end_matches('/')
    );
    open_contact(b, PRIYA.name).await;
    assert_eq!(b.path().await, format!("{PREFIX}contacts/{id}"));
    wait_timeline_step(b, "Connected on LinkedIn", "done").await;
    assert!(
        history(b)
            .await
            .iter()
            .any(|h| h == "Connected on LinkedIn"),
        "the history should log 'Connected on LinkedIn': {:?}",
        history(b).await
    );
    b.assert_no_console_errors("in the note composer").await;

    // The email step, written early from the agenda.
    tab(b, "agenda", "agenda").await;
    click_in_agenda_item(
        b,
        "later",
        PRIYA.name,
        "Send the follow-up email",
        "Write it early",
    )
    .await;
    b.wait_page("composer").await;
    assert_eq!(b.path().await, format!("{PREFIX}contacts/{id}/send/email"));
    b.wait_css("#open-email", UI).await;
    assert!(
        b.js("return !document.querySelector('#message-count');")
            .await
            == Value::Bool(true),
        "an email has no LinkedIn character count"
    );
    let subject = value(b, "#subject").await;
    let body = value(b, "#message").await;
    assert!(!subject.trim().is_empty(), "empty subject");
    assert!(
        body.contains(&format!("Hi {},", PRIYA.first_name())) && body.contains(PRIYA.hook),
        "the email should greet {:?} and quote the hook: {body:?}",
        PRIYA.first_name()
    );
    assert!(
        !format!("{subject}{body}").contains('{'),
        "unfilled placeholder in {subject:?} / {body:?}"
    );
    assert!(
        body.contains('\n'),
        "the email body has no line breaks: {body:?}"
    );

    // Edit it, then check the link carries exactly the edited text.
    let ps = "\nPS: congratulations on the launch!";
    append_into(b, "#message", ps).await;
    let body = format!("{body}{ps}");
    b.wait_js(
        "#open-email to follow the edited body",
        UI,
        "const a = document.querySelector('#open-email'); return !!a && a.getAttribute('href').includes('congratulations');",
    )
    .await;
    let mail = attr(b, "#open-email", "href").await.unwrap();
    assert!(
        mail.starts_with(&format!("mailto:{}?", PRIYA.email)),
        "#open-email should be a mailto: to {}: {mail}",
        PRIYA.email
    );
    assert!(
        mail.contains("%0D%0A"),
        "line breaks should be %0D%0A: {mail}"
    );
    assert!(
        !mail.contains('\n') && !mail.contains('\r') && !mail.contains(' '),
        "raw whitespace in the mailto: {mail:?}"
    );
    let decoded = b
        .js(&format!(
            "const u = {}; const q = new URLSearchParams(u.slice(u.indexOf('?') + 1).replace(/\\+/g, '%2B')); \
             return [q.get('subject'), q.get('body')];",
            js_str(&mail)
        ))
        .await;
    assert_eq!(
        decoded[0].as_str(),
        Some(subject.as_str()),
        "subject in {mail}"
    );
    assert_eq!(
        decoded[1].as_str().map(|s| s.replace("\r\n", "\n")),
        Some(body.clone()),
        "body in {mail}"
    );
    assert!(
        !decoded[1]
            .as_str()
            .unwrap_or("")
            .replace("\r\n", "")
            .contains('\n'),
        "every line break in the mailto body should be CRLF: {mail}"
    );

    b.click("#mark-sent").await;
    b.wait_page("agenda").await;
    open_contact(b, PRIYA.name).await;
    wait_timeline_step(b, "Sent the follow-up email", "done").await;
    let h = history(b).await;
    assert!(
        h.iter().any(|x| x == "Sent the follow-up email")
            && h.iter().any(|x| x == "Connected on LinkedIn"),
        "the history should log both steps: {h:?}"
    );
    f.finish("in the email composer").await;
}

// ---------------------------------------------------------------- 4

/// The contact page: log an interaction; edit (a bad LinkedIn link is marked inline and
/// keeps what was typed, then a good one saves); delete behind a confirmation removes the
/// contact from the list.
#[tokio::test]
async fn contact_detail_logs_edits_and_deletes() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    add_contact(b, &SAM).await;
    let id = add_contact(b, &MAYA).await;

    // Log a coffee chat.
    let note = "Coffee at the campus café; she suggested applying before the 15th";
    log_interaction(b, "1", "Coffee chat", note).await;
    b.wait_css(".toast", UI).await;
    b.assert_no_console_errors("while logging an interaction")
        .await;

    // Edit: change the company; an unsafe LinkedIn link is refused inline.
    let edit_href = b
        .js("const a = document.querySelector('#edit'); return a ? new URL(a.getAttribute('href'), document.baseURI).pathname : null;")
        .await;
    assert_eq!(
        edit_href.as_str(),
        Some(format!("{PREFIX}contacts/{id}/edit").as_str()),
        "the contact page's #edit link must stay under {PREFIX} (raw href: {:?}); \
         otherwise tapping Edit leaves the app",
        attr(b, "#edit", "href").await
    );
    b.click("#edit").await;
    b.wait_page("edit").await;
    assert_eq!(b.path().await, format!("{PREFIX}contacts/{id}/edit"));
    assert_eq!(value(b, "#name").await, MAYA.name, "edit form prefilled");
    assert_eq!(
        value(b, "#company").await,
        MAYA.company,
        "edit form prefilled"
    );
    b.type_into("#company", "Stripe Payments Lab").await;
    b.type_into("#linkedin", "javascript:alert(1)").await;
    b.click("#save").await;
    b.wait_css("#linkedin-error.field-error", UI).await;
    assert_eq!(
        b.page().await.as_deref(),
        Some("edit"),
        "an invalid edit must stay on the form"
    );
    assert_eq!(
        attr(b, "#linkedin", "aria-invalid").await.as_deref(),
        Some("true")
    );
    assert_eq!(
        value(b, "#linkedin").await,
        "javascript:alert(1)",
        "typed LinkedIn kept"
    );
    assert_eq!(
        value(b, "#company").await,
        "Stripe Payments Lab",
        "typed company kept"
    );
    assert_eq!(value(b, "#name").await, MAYA.name);
    assert_eq!(value(b, "#hook").await, MAYA.hook);
    assert!(
        !b.stored().await.contains("javascript:"),
        "the unsafe link reached storage"
    );
    b.wait_js(
        "focus to move to the invalid LinkedIn field",
        UI,
        "return document.activeElement && document.activeElement.id === 'linkedin';",
    )
    .await;

    b.type_into("#linkedin", "linkedin.com/in/maya-chen-dev")
        .await;
    b.type_into("#pronouns", "she/her").await;
    b.click("#save").await;
    b.wait_page("contact").await;
    assert_eq!(b.path().await, format!("{PREFIX}contacts/{id}"));
    b.wait_text(".page-head .subtitle", "Stripe Payments Lab")
        .await;
    // Pronouns show after the name.
    b.wait_text(".title-row h1", "Maya Chen (she/her)").await;
    let linkedin = b
        .js("return Array.from(document.querySelectorAll('.quick-links a')).map(a => a.getAttribute('href'));")
        .await;
    assert!(
        linkedin.as_array().is_some_and(|a| a
            .iter()
            .any(|h| h == "https://www.linkedin.com/in/maya-chen-dev/")),
        "the contact's LinkedIn link after the edit: {linkedin}"
    );
    assert!(
        history(b).await.iter().any(|h| h == "Coffee chat"),
        "the edit lost the history: {:?}",
        history(b).await
    );

    // Delete, with confirmation.
    b.click("#delete").await;
    b.wait_css("#confirm-delete", UI).await;
    b.wait_text(".confirm", &format!("Delete {}?", MAYA.name))
        .await;
    click_text(b, ".confirm", "Keep").await;
    wait_gone(b, "#confirm-delete").await;
    assert_eq!(
        b.page().await.as_deref(),
        Some("contact"),
        "Keep must not delete"
    );
    b.click("#delete").await;
    b.click("#confirm-delete").await;
    b.wait_page("contacts").await;
    assert_eq!(
        b.path().await.trim_end_matches('/'),
        format!("{PREFIX}contacts")
    );
    wait_listed(b, "after deleting Maya", &[SAM.name]).await;
    assert!(
        !b.stored().await.contains(MAYA.name),
        "the deleted contact is still stored"
    );
    f.finish("after deleting").await;
}

// ---------------------------------------------------------------- 5

/// The contacts list: search filters instantly by company and by words of the hook, the
/// kind chips and "Needs action" filter, and clearing restores everyone.
#[tokio::test]
async fn contacts_search_and_filters() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    for p in [&MAYA, &LEO, &SAM] {
        add_contact(b, p).await;
    }
    // Sam (no email, no LinkedIn: one "find a way to reach them" step) found and
    // connected from the agenda: only Maya and Leo still need action.
    tab(b, "agenda", "agenda").await;
    click_in_agenda_item(b, "due", SAM.name, "Find a way to reach them", "Done").await;
    b.wait_js(
        "Sam's row to leave Due today",
        UI,
        &format!(
            "return !(() => {{ {} }})();",
            agenda_item_js("due", SAM.name, "Find a way to reach them")
        ),
    )
    .await;

    tab(b, "contacts", "contacts").await;
    let all = [MAYA.name, LEO.name, SAM.name];
    wait_listed(b, "unfiltered", &all).await;
    b.wait_text(".result-count", "3 contacts").await;

    // Search, by company and by hook words (any case, any order).
    for (query, expected, why) in [
        ("figma", vec![LEO.name], "company"),
        ("STRIPE", vec![MAYA.name], "company, upper case"),
        (
            "rust payments",
            vec![MAYA.name],
            "hook words in another order",
        ),
        ("internship", vec![LEO.name], "a hook word"),
        ("language duolingo", vec![SAM.name], "hook word and company"),
        ("nobody-here", vec![], "no match"),
    ] {
        b.type_into("#search", query).await;
        let shown = wait_listed(b, &format!("search {query:?} ({why})"), &expected).await;
        if !shown.is_empty() {
            b.wait_text(".result-count", &format!("{} of 3 match", shown.len()))
                .await;
        }
    }
    b.wait_css(".card.empty", UI).await; // "No one matches"
    click_text(b, ".card.empty", "Clear filters").await;
    wait_listed(b, "after clearing the search", &all).await;
    assert_eq!(
        value(b, "#search").await,
        "",
        "Clear filters should empty the search box"
    );

    // Kind chips.
    for (chip, expected) in [
        ("Engineers", vec![MAYA.name]),
        ("Recruiters", vec![LEO.name]),
        ("Others", vec![SAM.name]),
        ("All", all.to_vec()),
    ] {
        click_text(b, ".chips", chip).await;
        wait_listed(b, &format!("kind chip {chip:?}"), &expected).await;
        let pressed = pin(
            b,
            &format!("the {chip:?} chip"),
            &by_text_js(".chips", chip),
        )
        .await;
        assert_eq!(
            attr(b, &pressed, "aria-pressed").await.as_deref(),
            Some("true"),
            "{chip} chip pressed"
        );
    }

    // Needs action.
    assert_eq!(
        text(b, ".chip-action .chip-count").await.as_deref(),
        Some("2"),
        "the Needs action chip should count Maya and Leo"
    );
    b.click(".chip-action").await;
    wait_listed(b, "needs action", &[MAYA.name, LEO.name]).await;
    // Combined with a kind and a search.
    click_text(b, ".chips", "Recruiters").await;
    wait_listed(b, "needs action + recruiters", &[LEO.name]).await;
    b.type_into("#search", "stripe").await;
    wait_listed(b, "needs action + recruiters + 'stripe'", &[]).await;

    // Clearing restores everyone.
    click_text(b, ".result-count", "Clear filters").await;
    wait_listed(b, "after Clear filters", &all).await;
    b.wait_text(".result-count", "3 contacts").await;
    assert_eq!(
        attr(b, ".chip-action", "aria-pressed").await.as_deref(),
        Some("false")
    );
    assert_eq!(value(b, "#search").await, "");
    f.finish("while searching and filtering").await;
}

// ---------------------------------------------------------------- 6

/// Settings: a misspelt placeholder is named in an error and cannot be saved; a
/// `javascript:` resume link is refused; LinkedIn Premium raises the composer's limit
/// from 200 to 300.
#[tokio::test]
async fn settings_refuse_bad_input_and_premium_raises_the_limit() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    let id = add_contact(b, &LEO).await;
    write_connection_note(b, LEO.name).await;
    b.wait_text("#message-count", "/ 200 characters").await;

    tab(b, "settings", "settings").await;

    // A misspelt placeholder.
    let editor = "#template-connect-note";
    let details = pin(
        b,
        "the <details> of the connection note template",
        &format!(
            "return document.querySelector({})?.closest('details') || null;",
            js_str(editor)
        ),
    )
    .await;
    b.click(&format!("{details} > summary")).await;
    b.wait_js(
        "the connection note template to open",
        UI,
        &format!("return document.querySelector({}).open;", js_str(&details)),
    )
    .await;
    let before = value(b, editor).await;
    append_into(b, editor, " {frist_name}").await;
    let error_css = format!("{editor}-error .field-error");
    b.wait_text(&error_css, "frist_name").await;
    assert_eq!(
        attr(b, editor, "aria-invalid").await.as_deref(),
        Some("true")
    );
    let save = pin(
        b,
        "the template's Save button",
        &by_text_js(&format!("{details} .settings-actions"), "Save"),
    )
    .await;
    assert_eq!(
        b.js(&format!(
            "return document.querySelector({}).disabled;",
            js_str(&save)
        ))
        .await,
        Value::Bool(true),
        "Save must be disabled while the template has an unknown placeholder"
    );
    b.click(&save).await; // a tap on the disabled button does nothing
    assert!(
        !b.stored().await.contains("frist_name"),
        "a template with an unknown placeholder was stored"
    );
    assert!(
        b.js(&format!(
            "return !!document.querySelector('{details} .settings-preview-off');"
        ))
        .await
            == Value::Bool(true),
        "the preview should say it waits for a fix"
    );
    click_text(b, &format!("{details} .settings-actions"), "Undo changes").await;
    wait_gone(b, &error_css).await;
    assert_eq!(
        value(b, editor).await,
        before,
        "Undo changes restores the stored text"
    );

    // A javascript: resume link.
    b.type_into("#profile-name", "Alex Kim").await;
    b.type_into("#profile-resume", "javascript:alert(1)").await;
    click_text(b, "form.settings-form", "Save profile").await;
    b.wait_css("#profile-resume-error.field-error", UI).await;
    assert_eq!(
        value(b, "#profile-resume").await,
        "javascript:alert(1)",
        "typed link kept"
    );
    assert_eq!(
        attr(b, "#profile-resume", "aria-invalid").await.as_deref(),
        Some("true")
    );
    let book = b.stored().await;
    assert!(
        !book.contains("javascript:"),
        "the unsafe resume link was stored"
    );
    assert!(
        !book.contains("Alex Kim"),
        "the profile was saved although its resume link was refused"
    );
    b.type_into("#profile-resume", "https://example.com/alex-kim-resume.pdf")
        .await;
    click_text(b, "form.settings-form", "Save profile").await;
    wait_gone(b, "#profile-resume-error").await;
    b.wait_js(
        "the profile to be stored with the resume link",
        UI,
        &format!(
            "const s = localStorage.getItem({}) || ''; return s.includes('alex-kim-resume.pdf') && s.includes('Alex Kim');",
            js_str(META_KEY)
        ),
    )
    .await;

    // Premium.
    assert_eq!(
        b.js("return document.querySelector('#premium').checked;")
            .await,
        Value::Bool(false)
    );
    b.click("#premium").await;
    b.wait_js(
        "#premium to be checked",
        UI,
        "return document.querySelector('#premium').checked;",
    )
    .await;
    write_connection_note(b, LEO.name).await;
    b.wait_text("#message-count", "/ 300 characters").await;
    // Kept after a reload.
    b.refresh().await;
    b.wait_page("composer").await;
    b.wait_text("#message-count", "/ 300 characters").await;
    b.assert_no_console_errors_except(
        "in settings",
        deep_link_404(f.url(&format!("contacts/{id}/send/connect"))),
    )
    .await;
    f.finish("at the end").await;
}

// ---------------------------------------------------------------- 7

/// Phone-size (390×844) screenshots of every screen with a realistic book, all made
/// through the UI: `target/screenshots/{agenda-full,capture,composer-email,composer-note,
/// contact-detail,contacts-list,events,settings-full,edit}.png`.
#[tokio::test]
async fn screenshots_of_every_screen_with_a_realistic_book() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;

    // Profile.
    tab(b, "settings", "settings").await;
    for (css, v) in [
        ("#profile-name", "Alex Kim"),
        ("#profile-school", "State University"),
        ("#profile-programme", "Computer Science"),
        ("#profile-grad-year", "2027"),
        ("#profile-resume", "https://example.com/alex-kim-resume.pdf"),
        ("#profile-linkedin", "linkedin.com/in/alex-kim"),
        ("#profile-sign-off", "Best,"),
    ] {
        b.type_into(css, v).await;
    }
    click_text(b, "form.settings-form", "Save profile").await;
    b.wait_css(".settings-saved span", UI).await;

    // Capture at the fair.
    capture_at_new_event(b, "Fall Career Fair").await;
    let marcus = Person {
        name: "Marcus Lee",
        kind: "Recruiter",
        company: "Globex",
        hook: "the summer internship timeline and the online assessment",
        email: "marcus.lee@globex.example",
        ..Person::default()
    };
    let jordan = Person {
        name: "Jordan Smith",
        kind: "Other",
        company: "Initech",
        hook: "the hackathon they sponsor in March",
        ..Person::default()
    };
    for p in [&PRIYA, &marcus, &jordan] {
        fill_person(b, p).await;
        b.click("#save-another").await;
        b.wait_text(".saved-flash", &format!("Saved {}", p.name))
            .await;
    }
    // Two met earlier in the week, so the agenda has overdue rows.
    let sofia = Person {
        name: "Sofía García",
        kind: "Engineer",
        company: "Umbrella Health",
        hook: "FHIR APIs and on-call at a hospital startup",
        email: "sofia@umbrella.example",
        ..Person::default()
    };
    let daniel = Person {
        name: "Daniel Okafor",
        kind: "Engineer",
        company: "Hooli",
        hook: "migrating a monolith to Kotlin services",
        email: "daniel.okafor@hooli.example",
        linkedin: "daniel-okafor",
        ..Person::default()
    };
    for (p, days) in [(&sofia, 2), (&daniel, 4)] {
        fill_person(b, p).await;
        set_met_days_ago(b, days).await;
        select_value(b, "#event", "").await;
        b.click("#save-another").await;
        b.wait_text(".saved-flash", &format!("Saved {}", p.name))
            .await;
    }
    // The capture screen, mid-capture.
    b.type_into("#name", "Chris").await;
    shoot(b, "capture.png", true).await;

    // Agenda, after connecting with Priya.
    tab(b, "agenda", "agenda").await;
    click_in_agenda_item(b, "due", PRIYA.name, "Connect on LinkedIn", "Done").await;
    b.wait_js(
        "Priya's connect row to leave Due today",
        UI,
        &format!(
            "return !(() => {{ {} }})();",
            agenda_item_js("due", PRIYA.name, "Connect on LinkedIn")
        ),
    )
    .await;
    let a = read_agenda(b).await;
    assert!(
        a.consistent(),
        "agenda counts disagree with its rows: {a:#?}"
    );
    assert!(
        !a.overdue.is_empty(),
        "the seeded book should have overdue rows: {a:#?}"
    );
    shoot(b, "agenda-full.png", false).await;

    // Composer: a connection note, and an email.
    click_in_agenda_item(b, "due", marcus.name, "Connect on LinkedIn", "Write it").await;
    b.wait_page("composer").await;
    b.wait_css("#message-count", UI).await;
    shoot(b, "composer-note.png", false).await;
    tab(b, "agenda", "agenda").await;
    click_in_agenda_item(b, "due", sofia.name, "Send the follow-up email", "Write it").await;
    b.wait_page("composer").await;
    b.wait_css("#open-email", UI).await;
    shoot(b, "composer-email.png", false).await;

    // Priya's page with some history.
    tab(b, "agenda", "agenda").await;
    click_in_agenda_item(
        b,
        "later",
        PRIYA.name,
        "Send the follow-up email",
        PRIYA.name,
    )
    .await;
    b.wait_page("contact").await;
    log_interaction(
        b,
        "0",
        "They replied",
        "Happy to chat next week, send times",
    )
    .await;
    b.click("button.toast-close").await;
    wait_gone(b, ".toast").await;
    shoot(b, "contact-detail.png", false).await;
    // Through the address bar: the Edit link's own test is in
    // `contact_detail_logs_edits_and_deletes` and `in_app_links_stay_under_the_subpath`.
    let priya = contact_id_from_url(b).await;
    let edit_url = f.url(&format!("contacts/{priya}/edit"));
    b.assert_no_console_errors("before opening the edit page")
        .await;
    b.goto(&edit_url).await;
    b.wait_page("edit").await;
    shoot(b, "edit.png", false).await;
    b.assert_no_console_errors_except("opening the edit page", deep_link_404(edit_url))
        .await;

    tab(b, "contacts", "contacts").await;
    wait_listed(
        b,
        "the seeded book",
        &[
            PRIYA.name,
            marcus.name,
            jordan.name,
            sofia.name,
            daniel.name,
        ],
    )
    .await;
    shoot(b, "contacts-list.png", false).await;

    tab(b, "events", "events").await;
    b.wait_text(".events-stats", "3 met").await;
    shoot(b, "events.png", false).await;

    tab(b, "settings", "settings").await;
    shoot(b, "settings-full.png", false).await;
    f.finish("while taking screenshots").await;
}

// ---------------------------------------------------------------- 8

/// Every same-origin link on every screen points inside `/followup/`: under a GitHub Pages
/// subpath, a link written as `/contacts` leaves the app for another site's 404.
#[tokio::test]
async fn in_app_links_stay_under_the_subpath() {
    let f = Fixture::new().await;
    let b = &f.browser;
    open_home(&f).await;
    let mut problems: Vec<String> = Vec::new();
    let mut check = |page: &str, links: Vec<String>| {
        problems.extend(links.into_iter().map(|l| format!("{page}: {l}")));
    };
    check("agenda (empty)", links_leaving_the_app(b).await);
    tab(b, "contacts", "contacts").await;
    check("contacts (empty)", links_leaving_the_app(b).await);
    let id = add_contact(b, &PRIYA).await;
    check("contact", links_leaving_the_app(b).await);
    // The timeline's tools of an upcoming step.
    click_text(b, "ol.timeline", "Do it early").await;
    b.wait_css("ol.timeline .step-actions", UI).await;
    check("contact (step tools open)", links_leaving_the_app(b).await);
    tab(b, "contacts", "contacts").await;
    check("contacts", links_leaving_the_app(b).await);
    tab(b, "agenda", "agenda").await;
    check("agenda", links_leaving_the_app(b).await);
    click_in_agenda_item(b, "due", PRIYA.name, "Connect on LinkedIn", "Write it").await;
    b.wait_page("composer").await;
    check("composer", links_leaving_the_app(b).await);
    tab(b, "events", "events").await;
    check("events", links_leaving_the_app(b).await);
    tab(b, "settings", "settings").await;
    check("settings", links_leaving_the_app(b).await);
    tab(b, "add", "add").await;
    check("add", links_leaving_the_app(b).await);
    b.assert_no_console_errors("while visiting every screen")
        .await;
    let edit_url = f.url(&format!("contacts/{id}/edit"));
    b.goto(&edit_url).await;
    b.wait_page("edit").await;
    check("edit", links_leaving_the_app(b).await);
    b.assert_no_console_errors_except("opening the edit page", deep_link_404(edit_url))
        .await;
    assert!(
        problems.is_empty(),
        "links that leave the app (their path is outside {PREFIX}):\n  {}",
        problems.join("\n  ")
    );
    f.finish("at the end").await;
}
