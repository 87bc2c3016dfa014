//! Writes a realistic `.vcf` and `.ics` to `target/interop/` for the external parsers in
//! `tests/interop/check.py` (Python's `vobject` and `icalendar`), and checks here the
//! structure those parsers rely on. The book and the expected values are shared with the
//! script through the files' content only; keep the two in step.

use std::path::PathBuf;

use crate::domain::book::Book;
use crate::domain::command::Command;
use crate::domain::contact::{ContactId, Kind, NewContact};
use crate::domain::email::Email;
use crate::domain::event::{Event, EventId, EventKind};
use crate::domain::formats::test_support::d;
use crate::domain::formats::{export_ics, export_vcard};
use crate::domain::linkedin::LinkedIn;
use crate::domain::step::Step;

/// Four contacts met at a fair: non-ASCII names in several scripts, a long note with
/// every character vCard escapes, LinkedIn profiles with percent-encoded slugs.
pub fn interop_book() -> Book {
    let mut book = Book::default();
    let mut run = |cmd| book.apply(cmd).unwrap();
    run(Command::SaveEvent(Event {
        id: EventId::new("fair"),
        name: "Foire de l'emploi, Université de Montréal".into(),
        kind: EventKind::CareerFair,
        date: d(2026, 11, 24),
        ends: None,
        place: "Pavillon Jean-Brillant; salle B-2285".into(),
        prep: Default::default(),
    }));
    let long_note = "Asked about the summer internship (backend, Rust or Go); she said \
        the team hires 3 interns a year, applications open in January.\n\
        Follow up with: résumé, the link to my WebAssembly project, and a question about \
        on-call; mention the talk on \"zero-downtime\" deploys. Path C:\\jobs\\acme — \
        très important, ça vaut le coup!";
    let contacts = [
        NewContact {
            id: ContactId::new("c-jose"),
            name: "José Ángel García Núñez".into(),
            company: "Globex, Inc.".into(),
            title: "Talent Partner".into(),
            kind: Kind::Recruiter,
            email: Some(Email::parse("jose.garcia@globex.example").unwrap()),
            phone: "+34 612 345 678".into(),
            linkedin: Some(
                LinkedIn::parse("https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa").unwrap(),
            ),
            event: Some(EventId::new("fair")),
            met_on: d(2026, 11, 24),
            hook: "Hiring for the Madrid office; likes Rust".into(),
            tags: vec!["recruiter".into(), "madrid".into()],
            ..NewContact::default()
        },
        NewContact {
            id: ContactId::new("c-zoe"),
            name: "Zoë Ødegaard-Łukasiewicz".into(),
            company: "Acme; Platform & Infra".into(),
            title: "Staff Engineer, Platform".into(),
            kind: Kind::Engineer,
            email: Some(Email::parse("zoe@acme.example").unwrap()),
            linkedin: Some(LinkedIn::parse("linkedin.com/in/zoe-odegaard").unwrap()),
            event: Some(EventId::new("fair")),
            met_on: d(2026, 11, 24),
            hook: "WebAssembly at the edge, and her team's on-call rotation".into(),
            really_want: true,
            notes: long_note.into(),
            ..NewContact::default()
        },
        NewContact {
            id: ContactId::new("c-taro"),
            name: "山田 太郎".into(),
            company: "株式会社サンプル".into(),
            title: "エンジニア".into(),
            kind: Kind::Engineer,
            phone: "+81 90-1234-5678".into(),
            met_on: d(2026, 11, 20),
            hook: "日本語の話: 東京オフィス".into(),
            ..NewContact::default()
        },
        NewContact {
            id: ContactId::new("c-anna"),
            name: "Anna-Lena Müller".into(),
            kind: Kind::Other,
            email: Some(Email::parse("anna.mueller@uni.example").unwrap()),
            met_on: d(2026, 11, 26),
            ..NewContact::default()
        },
    ];
    for contact in contacts {
        run(Command::AddContact(contact));
    }
    run(Command::MarkDone {
        contact: ContactId::new("c-jose"),
        step: Step::Connect,
        on: d(2026, 11, 24),
        at: 10,
    });
    book
}

pub const TODAY: (i32, u32, u32) = (2026, 11, 26);
pub const STAMP: &str = "20261126T081500Z";

fn out_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/interop")
}

#[test]
fn interop_files_are_written_folded_and_crlf_terminated() {
    let book = interop_book();
    let (y, m, day) = TODAY;
    let vcf = export_vcard(book.contacts(), &book);
    let ics = export_ics(&book, d(y, m, day), STAMP);
    for (text, begins) in [(&vcf, "BEGIN:VCARD\r\n"), (&ics, "BEGIN:VCALENDAR\r\n")] {
        assert!(text.starts_with(begins));
        assert!(text.ends_with("\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
            assert!(!line.contains(['\r', '\n']), "{line:?}");
        }
    }
    // The long note and the Japanese names are folded, never inside a UTF-8 sequence
    // (each physical line is valid UTF-8 on its own).
    assert!(vcf.contains("\r\n "), "the long note is folded");
    assert_eq!(vcf.matches("BEGIN:VCARD").count(), 4);
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        ics.matches("BEGIN:VALARM").count()
    );
    assert!(ics.matches("BEGIN:VEVENT").count() >= 4, "{ics}");
    let dir = out_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("followup.vcf"), &vcf).unwrap();
    std::fs::write(dir.join("followup.ics"), &ics).unwrap();
}
