//! The importer chosen for each file, the previews of small files, and every sentence the
//! data section says.

use super::*;
use crate::domain::formats::test_support::new_contact;
use crate::domain::Command;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("id{n}")
    }
}

/// A book with Priya Shah, an engineer at Acme with someone@acme.example.
fn book() -> Book {
    let mut book = Book::default();
    let mut priya = new_contact("priya", "Priya Shah");
    priya.event = None;
    book.apply(Command::AddContact(priya)).unwrap();
    book
}

fn file(name: &str, size: usize) -> ResumeFile {
    ResumeFile {
        name: name.into(),
        size,
        saved_on: today(),
    }
}

#[test]
fn a_file_goes_to_the_importer_its_name_or_first_bytes_name() {
    let check = |name: &str, bytes: &str, expected: ImportKind| {
        assert_eq!(detect(name, bytes.as_bytes()), expected, "{name} {bytes:?}");
    };
    check("backup.json", "", ImportKind::Backup);
    check("BACKUP.JSON", "BEGIN:VCARD", ImportKind::Backup);
    check("phone.vcf", "{", ImportKind::VCard);
    check("phone.VCard", "", ImportKind::VCard);
    check("Connections.csv", "{", ImportKind::LinkedIn);
    check("download", "  {\"version\": 2}", ImportKind::Backup);
    check("download", "\u{feff}{}", ImportKind::Backup);
    check(
        "download",
        "begin:vcard\nFN:Ana\nend:vcard",
        ImportKind::VCard,
    );
    check("download", "First Name,Last Name,URL", ImportKind::LinkedIn);
    check("download", "", ImportKind::LinkedIn);
}

#[test]
fn a_preview_offers_new_people_and_shows_who_may_be_known() {
    let check = |name: &str, text: &str, new: &[&str], duplicates: &[&str]| {
        let p = preview(&book(), name, text.as_bytes(), today(), 7, ids()).unwrap();
        let names = |v: Vec<&Contact>| v.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(p.new.iter().collect()), new, "{name}");
        assert_eq!(
            names(p.duplicates.iter().map(|d| &d.incoming).collect()),
            duplicates,
            "{name}"
        );
        assert_eq!(p.file, name);
    };
    check(
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lopez\r\nEND:VCARD\r\n",
        &["Ana Lopez"],
        &[],
    );
    check(
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P. Shah\r\nEMAIL:someone@acme.example\r\nEND:VCARD\r\n",
        &[],
        &["P. Shah"],
    );
    check(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Ben,Okafor,https://www.linkedin.com/in/ben-okafor,,Globex,Engineer,12 Nov 2024\n",
        &["Ben Okafor"],
        &[],
    );
}

#[test]
fn a_file_that_cannot_be_read_is_an_error() {
    for (name, text) in [
        ("backup.json", "{ not json"),
        ("Connections.csv", "nothing here"),
    ] {
        assert!(
            preview(&book(), name, text.as_bytes(), today(), 7, ids()).is_err(),
            "{name}"
        );
    }
}

#[test]
fn duplicate_rows_name_the_contact_each_would_join() {
    let book = book();
    let text =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P. Shah\r\nEMAIL:someone@acme.example\r\nEND:VCARD\r\n";
    let p = preview(&book, "phone.vcf", text.as_bytes(), today(), 7, ids()).unwrap();
    let rows = duplicate_rows(&book, &p);
    assert_eq!(
        rows,
        [DuplicateRow {
            incoming: "P. Shah".into(),
            existing: ContactId::new("priya"),
            existing_name: "Priya Shah".into(),
            reason: "the same email address",
        }]
    );
    let mut many = p.clone();
    many.duplicates = std::iter::repeat_n(p.duplicates[0].clone(), LISTED + 3).collect();
    assert_eq!(duplicate_rows(&book, &many).len(), LISTED);
}

#[test]
fn each_export_has_its_ids() {
    let check = |kind: ExportKind, id: &str, hint: &str| {
        assert_eq!(export_id(kind), id);
        assert_eq!(export_hint_id(kind), hint);
    };
    for (kind, _, _) in EXPORTS {
        check(
            kind,
            &format!("data-export-{}", kind.extension()),
            &format!("data-export-{}-hint", kind.extension()),
        );
    }
    check(
        ExportKind::Backup,
        "data-export-json",
        "data-export-json-hint",
    );
}

#[test]
fn the_sentences_about_files() {
    let check = |said: String, expected: &str| assert_eq!(said, expected);
    let name = "followup-2026-12-01.json";
    check(share_label("Backup (JSON)"), "Share Backup (JSON)");
    check(
        saved(name),
        "Saved followup-2026-12-01.json to your downloads.",
    );
    check(
        not_saved(name, "the disk is full"),
        "Couldn't save followup-2026-12-01.json: the disk is full.",
    );
    check(
        not_shared(name),
        "This browser couldn't share followup-2026-12-01.json. Use the download button instead.",
    );
    check(
        resume_unreadable("blocked"),
        "Your resume couldn't be read: blocked.",
    );
    check(
        resume_choice(&file("cv.pdf", 412_500)),
        "Put my resume in the backup (cv.pdf, 413 KB)",
    );
    check(list_class("data-new"), "data-list data-new");
    check(list_summary("New", 3), "New (3)");
    check(list_summary("Rows with errors", 0), "Rows with errors (0)");
    check(
        not_imported("a.txt is empty."),
        "a.txt is empty. Nothing was imported.",
    );
    check(
        import_refused("a.json", "a clash"),
        "a.json couldn't be imported: a clash. Nothing was changed.",
    );
    check(nothing_else("a.json"), "a.json: nothing else to import.");
    check(
        resume_kept("cv.pdf"),
        "Your resume, cv.pdf, is kept on this device.",
    );
    check(
        resume_not_kept("no room"),
        "The resume in the backup wasn't kept: no room.",
    );
}

#[test]
fn the_preview_says_what_becomes_of_a_backups_resume() {
    let cv = file("cv.pdf", 840);
    let check = |incoming: Option<Result<&ResumeFile, &str>>,
                 kept: Option<&str>,
                 expected: Option<&str>| {
        assert_eq!(resume_note(incoming, kept).as_deref(), expected);
    };
    check(None, Some("old.pdf"), None);
    check(
        Some(Ok(&cv)),
        None,
        Some("This backup has your resume, cv.pdf (840 bytes): importing keeps it on this device."),
    );
    check(
        Some(Ok(&cv)),
        Some("cv.pdf"),
        Some("This backup has your resume, cv.pdf (840 bytes): importing keeps it on this device."),
    );
    check(
        Some(Ok(&cv)),
        Some("old.pdf"),
        Some("This backup has your resume, cv.pdf (840 bytes): importing keeps it on this device, in place of old.pdf."),
    );
    check(
        Some(Err("The resume in it was not a PDF.")),
        Some("old.pdf"),
        Some("The resume in it was not a PDF."),
    );
}
