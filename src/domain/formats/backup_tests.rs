use super::*;
use crate::domain::command::Command;
use crate::domain::contact::{ContactId, NewContact};
use crate::domain::email::Email;
use crate::domain::formats::test_support::{arb_book, d, sample_book};
use crate::domain::formats::{MAX_BACKUP_BYTES, MAX_BYTES};
use proptest::prelude::*;

fn preview(book: &Book, text: &str) -> Result<ImportPreview, FormatError> {
    preview_backup_import(book, text.as_bytes(), "followup-2026-11-26.json")
}

#[test]
fn export_is_pretty_versioned_json() {
    let text = export_backup(&sample_book());
    assert!(
        text.starts_with("{\n  \"version\": 1,\n  \"contacts\": ["),
        "{text}"
    );
    assert!(text.contains("\"name\": \"Priya Raman\""));
    assert_eq!(snapshot::decode(&text).unwrap(), sample_book());
}

#[test]
fn a_backup_into_a_fresh_book_restores_everything() {
    let book = sample_book();
    let p = preview(&Book::default(), &export_backup(&book)).unwrap();
    assert_eq!(
        p.summary(),
        "followup-2026-11-26.json: 2 new, 0 updated, 0 possible duplicates, 0 rows with errors."
    );
    assert_eq!(p.apply(&Book::default()).unwrap(), book);
}

#[test]
fn merging_by_id_counts_new_updated_and_duplicates() {
    let mut backup = sample_book();
    // Newer edit of c1 in the backup; a new contact; one that shares c2's email.
    let mut priya = backup.contact(&ContactId::new("c1")).unwrap().fields();
    priya.title = "Staff Engineer".into();
    priya.updated_at = 50;
    backup.apply(Command::UpdateContact(priya)).unwrap();
    backup
        .apply(Command::AddContact(NewContact {
            id: ContactId::new("c3"),
            name: "Wei Chen".into(),
            met_on: d(2026, 11, 25),
            ..NewContact::default()
        }))
        .unwrap();
    let mut here = sample_book();
    let mut jose = here.contact(&ContactId::new("c2")).unwrap().fields();
    jose.email = Some(Email::parse("jose@globex.example").unwrap());
    here.apply(Command::UpdateContact(jose)).unwrap();
    backup
        .apply(Command::AddContact(NewContact {
            id: ContactId::new("other-id"),
            name: "J. García".into(),
            email: Some(Email::parse("JOSE@globex.example").unwrap()),
            ..NewContact::default()
        }))
        .unwrap();

    let p = preview(&here, &export_backup(&backup)).unwrap();
    assert_eq!(
        p.summary(),
        "followup-2026-11-26.json: 1 new, 2 updated, 1 possible duplicate, 0 rows with errors."
    );
    assert_eq!(p.duplicates[0].existing, ContactId::new("c2"));
    assert_eq!(p.duplicates[0].reason, "the same email address");
    assert!(p.setup.is_none(), "a book in use keeps its own profile");
    let merged = p.apply(&here).unwrap();
    assert_eq!(merged.contact_count(), 3);
    assert_eq!(
        merged.contact(&ContactId::new("c1")).unwrap().title,
        "Staff Engineer"
    );
    assert!(merged.contact(&ContactId::new("other-id")).is_none());
}

#[test]
fn an_edit_made_after_the_backup_is_kept() {
    let backup = export_backup(&sample_book());
    let mut here = sample_book();
    let mut priya = here.contact(&ContactId::new("c1")).unwrap().fields();
    priya.title = "Edited later".into();
    priya.updated_at = 999;
    here.apply(Command::UpdateContact(priya)).unwrap();
    let p = preview(&here, &backup).unwrap();
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(p.apply(&here).unwrap(), here);
}

#[test]
fn damaged_contacts_are_left_out_and_reported() {
    let text = export_backup(&sample_book())
        .replace("\"met_on\": \"2026-11-24\"", "\"met_on\": \"someday\"")
        .replace("\"c2\"", "\"c2b\"");
    let p = preview(&Book::default(), &text).unwrap();
    assert_eq!(p.new.len(), 1);
    assert_eq!(p.errors.len(), 1);
    let message = p.errors[0].to_string();
    assert!(
        message.starts_with(
            "followup-2026-11-26.json, contact 1: this contact (Priya Raman) could not be read"
        ),
        "{message}"
    );
    assert!(message.ends_with("so it was left out."), "{message}");
}

#[test]
fn links_that_are_not_web_links_are_left_out_and_the_contact_kept() {
    #[rustfmt::skip]
    let table = [
        // (field, value in the backup, message fragment)
        ("linkedin", "javascript:alert(1)", "the LinkedIn link of Priya Raman (\u{201c}javascript:alert(1)\u{201d}) was left out"),
        ("linkedin", "https://evil.example/in/x", "the LinkedIn link of Priya Raman"),
        ("linkedin", "data:text/html,<script>alert(1)</script>", "was left out"),
        ("email", "javascript:alert(1)", "the email address of Priya Raman"),
    ];
    for (field, bad, fragment) in table {
        let mut json: Value = serde_json::from_str(&export_backup(&sample_book())).unwrap();
        json["contacts"][0][field] = Value::String(bad.into());
        let p = preview(&Book::default(), &json.to_string()).unwrap();
        let errors: Vec<String> = p.errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 1, "{bad}: {errors:?}");
        assert!(
            errors[0].starts_with("followup-2026-11-26.json, contact 1: "),
            "{}",
            errors[0]
        );
        assert!(errors[0].contains(fragment), "{bad}: {}", errors[0]);
        assert_eq!(p.new.len(), 2, "{bad}: the contact is kept");
        let priya = p.new.iter().find(|c| c.name == "Priya Raman").unwrap();
        match field {
            "linkedin" => {
                assert_eq!(priya.linkedin, None);
                assert!(priya.email.is_some());
            }
            _ => {
                assert_eq!(priya.email, None);
                assert!(priya.linkedin.is_some());
            }
        }
        assert_eq!(
            priya.hook,
            "Rust; WebAssembly, and her team's \"zero-downtime\" deploys"
        );
    }
}

#[test]
fn profile_links_that_are_not_web_links_are_left_out_with_a_note() {
    let mut book = Book::default();
    book.apply(Command::SetProfile(crate::domain::profile::Profile {
        name: "Sam".into(),
        resume_url: "https://example.com/cv.pdf".into(),
        ..Default::default()
    }))
    .unwrap();
    let text = export_backup(&book)
        .replace("https://example.com/cv.pdf", "javascript:alert(1)")
        .replace("\"linkedin_url\": \"\"", "\"linkedin_url\": \"vbscript:x\"");
    assert!(text.contains("vbscript:x"), "{text}");
    let p = preview(&Book::default(), &text).unwrap();
    let (profile, _, _) = p.setup.clone().unwrap();
    assert_eq!(profile.name, "Sam");
    assert_eq!(profile.resume_url, "");
    assert_eq!(profile.linkedin_url, "");
    assert_eq!(p.notes.len(), 2, "{:?}", p.notes);
    assert!(
        p.notes[0]
            .starts_with("The resume link in this backup's profile was left out: Only web links"),
        "{}",
        p.notes[0]
    );
    assert!(
        p.notes[1].starts_with("The LinkedIn link in this backup's profile was left out"),
        "{}",
        p.notes[1]
    );
    // A good profile link passes untouched, without a note.
    let p = preview(&Book::default(), &export_backup(&book)).unwrap();
    assert_eq!(p.setup.unwrap().0.resume_url, "https://example.com/cv.pdf");
    assert!(p.notes.is_empty());
}

#[test]
fn unreadable_backups_change_nothing() {
    fn check(bytes: &[u8], fragment: &str) {
        let e = preview_backup_import(&sample_book(), bytes, "b.json").unwrap_err();
        let e = e.to_string();
        assert!(e.contains(fragment) && e.contains("b.json"), "{e}");
        assert!(e.ends_with("Nothing was imported."), "{e}");
    }
    let full = export_backup(&sample_book());
    check(b"", "is empty");
    check(&full.as_bytes()[..full.len() / 2], "the JSON is damaged");
    check(b"[1,2,3]", "not a Followup backup");
    check(b"{\"contacts\": []}", "not a Followup backup");
    check(
        b"{\"version\": 99, \"contacts\": []}",
        "newer version of Followup (format 99)",
    );
    check(b"\x1f\x8b\x08\0\0\0\0\0", "not a text file");
    check(
        b"{\"version\": 1, \"name\": \"Jos\xe9\"}",
        "line 1: the file is not UTF-8",
    );
    check(&vec![b' '; MAX_BACKUP_BYTES + 1], "larger than the 64 MB");
}

#[test]
fn a_backup_larger_than_other_imports_may_be_still_comes_back() {
    let mut book = Book::default();
    for i in 0..100 {
        let fields = NewContact {
            id: ContactId::new(format!("c{i:03}")),
            name: format!("Contact {i}"),
            notes: "n".repeat(60_000),
            met_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            ..NewContact::default()
        };
        book.apply(Command::AddContact(fields)).unwrap();
    }
    let text = export_backup(&book);
    assert!(text.len() > MAX_BYTES, "{} bytes", text.len());
    let preview = preview_backup_import(&Book::default(), text.as_bytes(), "big.json").unwrap();
    assert_eq!(preview.new.len(), 100);
    assert_eq!(
        preview
            .apply(&Book::default())
            .unwrap()
            .contacts_unordered()
            .count(),
        100
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn json_export_then_import_is_the_identity(book in arb_book()) {
        let text = export_backup(&book);
        let p = preview(&Book::default(), &text).unwrap();
        prop_assert_eq!(p.errors.len(), 0);
        prop_assert_eq!(p.apply(&Book::default()).unwrap(), book.clone());
        // Importing the same backup again changes nothing.
        let again = preview(&book, &text).unwrap();
        prop_assert!(again.is_empty());
    }

    #[test]
    fn backup_import_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = preview_backup_import(&sample_book(), &bytes, "b.json");
    }

    #[test]
    fn backup_import_never_panics_on_json_like_text(
        body in "(\\{|\\}|\\[|\\]|\"version\":|1|\"contacts\":|\"name\":|\"id\":|\"x\"|,|null){0,40}"
    ) {
        let _ = preview_backup_import(&sample_book(), body.as_bytes(), "b.json");
    }
}

#[test]
fn an_events_plan_comes_back_from_a_backup_and_one_without_it_loads() {
    let mut book = sample_book();
    let event = book.events().next().unwrap().id.clone();
    let pasted = crate::domain::prep::parse_pasted(
        "Company,Priority,Roles,Question,Booth\nFigma,must,Infra team,On-call for interns?,12\nStripe,,,,",
    );
    crate::domain::prep::PrepChange::AddTargets {
        event: event.clone(),
        targets: pasted.targets,
    }
    .apply(&mut book)
    .unwrap();
    crate::domain::prep::PrepChange::SetPitch {
        event: event.clone(),
        pitch: "Hi, I build developer tools.".into(),
    }
    .apply(&mut book)
    .unwrap();
    let text = export_backup(&book);
    assert!(text.contains("\"prep\""), "{text}");
    let restored = preview(&Book::default(), &text)
        .unwrap()
        .apply(&Book::default())
        .unwrap();
    assert_eq!(restored, book);
    assert_eq!(restored.event(&event).unwrap().prep.targets.len(), 2);
    // The sample book's backup has no plan at all, and reads as before.
    let plain = export_backup(&sample_book());
    assert!(!plain.contains("\"prep\""));
    assert_eq!(snapshot::decode(&plain).unwrap(), sample_book());
}
