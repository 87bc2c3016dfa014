//! The resume in a backup: written only when asked, read back byte for byte, and a
//! damaged one left out with a note while the rest imports.

use super::*;
use crate::domain::formats::test_support::{d, sample_book};

fn resume() -> Resume {
    // Every byte value, so the base64 round trip is exercised fully.
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..=255u8).cycle().take(3000));
    Resume::new("Sam Lee — CV.pdf", bytes, d(2026, 12, 2)).unwrap()
}

#[test]
fn without_the_resume_a_backup_is_exactly_as_before() {
    let book = sample_book();
    assert_eq!(export_backup_with_resume(&book, None), export_backup(&book));
    assert!(resume_in_backup(export_backup(&book).as_bytes(), "b.json").is_none());
}

#[test]
fn the_resume_comes_back_byte_for_byte() {
    let book = sample_book();
    let resume = resume();
    let text = export_backup_with_resume(&book, Some(&resume));
    assert!(text.ends_with("\n}\n"), "{}", &text[text.len() - 40..]);
    assert!(text.contains("\n  \"resume\": {\n    \"name\": \"Sam Lee — CV.pdf\",\n    \"type\": \"application/pdf\",\n    \"size\": 3009,\n    \"saved_on\": \"2026-12-02\",\n    \"base64\": \"JVBERi0xLjcK"));
    // Still valid JSON, and still the same book for this and older versions.
    serde_json::from_str::<Value>(&text).unwrap();
    assert_eq!(snapshot::decode(&text).unwrap(), book);
    let p = preview_backup_import(&Book::default(), text.as_bytes(), "b.json").unwrap();
    assert_eq!(p.apply(&Book::default()).unwrap(), book);
    assert_eq!(
        resume_in_backup(text.as_bytes(), "b.json"),
        Some(Ok(resume))
    );
}

#[test]
fn a_damaged_resume_is_left_out_with_a_note() {
    let text = export_backup_with_resume(&sample_book(), Some(&resume()));
    let check = |changed: String, note: &str| {
        assert_eq!(
            resume_in_backup(changed.as_bytes(), "b.json"),
            Some(Err(note.to_string())),
            "{note}"
        );
        // The contacts still import.
        let p = preview_backup_import(&Book::default(), changed.as_bytes(), "b.json").unwrap();
        assert_eq!(p.new.len(), 2);
    };
    check(
        text.replace("\"base64\": \"JVBERi0x", "\"base64\": \"!!BERi0x"),
        "The resume in b.json was left out: its content is damaged.",
    );
    check(
        text.replace("\"size\": 3009", "\"size\": 4000"),
        "The resume in b.json was left out: its content is cut short or damaged.",
    );
    check(
        text.replace(
            "\"saved_on\": \"2026-12-02\"",
            "\"saved_on\": \"yesterday\"",
        ),
        "The resume in b.json was left out: its details are damaged.",
    );
    let not_pdf = format!(
        "\"base64\": \"{}\"",
        crate::domain::formats::base64::encode(&[b'x'; 3009])
    );
    let start = text.find("\"base64\": \"").unwrap();
    let end = start + text[start + 11..].find('"').unwrap() + 12;
    check(
        format!("{}{not_pdf}{}", &text[..start], &text[end..]),
        "The resume in b.json was left out: Sam Lee — CV.pdf isn't a PDF. Save or export your \
         resume as a PDF (in Word or Google Docs: File → Download → PDF) and pick that file.",
    );
    assert_eq!(resume_in_backup(b"not json", "b.json"), None);
    assert_eq!(resume_in_backup(b"{\"resume\": null}", "b.json"), None);
}
