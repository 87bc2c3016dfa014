use super::*;
use crate::domain::formats::test_support::{arb_book, sample_book};
use proptest::prelude::*;

fn rows(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("starts with a BOM");
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(|f| unescape_cell(f).to_string())
                .collect()
        })
        .collect()
}

#[test]
fn export_starts_with_a_bom_and_the_documented_header() {
    let text = export_csv(&Book::default());
    assert!(text
        .as_bytes()
        .starts_with(b"\xEF\xBB\xBFName,Company,Title,Kind,"));
    assert_eq!(
        rows(&text),
        [columns().into_iter().map(String::from).collect::<Vec<_>>()]
    );
    assert!(text.ends_with("\r\n"));
}

#[test]
fn one_row_per_contact_quoting_commas_quotes_and_line_breaks() {
    let text = export_csv(&sample_book());
    let rows = rows(&text);
    assert_eq!(rows.len(), 3);
    let check = |row: usize, column: &str, expected: &str| {
        let i = columns().iter().position(|c| *c == column).unwrap();
        assert_eq!(rows[row][i], expected, "row {row}, {column}");
    };
    check(1, "Name", "Priya Raman");
    check(1, "Company", "Acme, Inc.");
    check(1, "Kind", "Engineer");
    check(1, "Email", "priya@acme.example");
    check(1, "LinkedIn", "https://www.linkedin.com/in/priya-raman/");
    check(1, "Event", "Fall Career Fair");
    check(1, "Met on", "2026-11-24");
    check(
        1,
        "Hook",
        "Rust; WebAssembly, and her team's \"zero-downtime\" deploys",
    );
    check(1, "Really want", "yes");
    check(1, "Tags", "rust; fall fair");
    check(1, "Notes", "Two lines\nof notes");
    check(1, "Connect on LinkedIn", "pending");
    check(1, "Ask for an intro to a recruiter", "pending");
    check(1, "Last interaction", "");
    check(1, "Id", "c1");
    check(2, "Name", "José García");
    check(2, "Kind", "Recruiter");
    check(2, "Connect on LinkedIn", "done 2026-11-20");
    check(2, "Send a LinkedIn message", "");
    check(2, "Ask for an intro to a recruiter", "");
    check(2, "Last interaction", "2026-11-20");
    assert!(text.contains("\"Acme, Inc.\""));
    assert!(text.contains("\"Rust; WebAssembly, and her team's \"\"zero-downtime\"\" deploys\""));
}

#[test]
fn cells_a_spreadsheet_would_run_as_formulas_are_written_as_text() {
    #[rustfmt::skip]
    let table = [
        // (cell, as written)
        ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        // Already guarded by hand: one more quote, so reading back gives it unchanged.
        ("'=1", "''=1"),
        ("''+1", "'''+1"),
        // Not formulas: unchanged, quotes and all.
        ("Priya", "Priya"),
        ("", ""),
        ("'", "'"),
        ("'quoted'", "'quoted'"),
        ("a=b", "a=b"),
        (" =1", " =1"),
        ("2026-11-24", "2026-11-24"),
        ("\n=1", "\n=1"),
    ];
    for (cell, written) in table {
        assert_eq!(escape_cell(cell), written, "{cell:?}");
        assert_eq!(unescape_cell(written), cell, "{written:?}");
    }
}

#[test]
fn an_exported_formula_is_inert_in_the_file_and_exact_when_read_back() {
    use crate::domain::command::Command;
    use crate::domain::contact::{ContactId, NewContact};
    let mut book = sample_book();
    book.apply(Command::AddContact(NewContact {
        id: ContactId::new("evil"),
        name: "=HYPERLINK(\"https://evil.example\",\"Click\")".into(),
        company: "@SUM(1+1)*cmd|' /C calc'!A0".into(),
        title: "-1+1".into(),
        notes: "=1+1\n\t=2".into(),
        met_on: crate::domain::formats::test_support::d(2026, 1, 1),
        ..NewContact::default()
    }))
    .unwrap();
    let text = export_csv(&book);
    let raw: Vec<Vec<String>> = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    // In the file no cell of any row starts a formula.
    for row in &raw {
        for cell in row {
            assert!(!cell.starts_with(FORMULA_START), "{cell:?}");
        }
    }
    let id = columns().iter().position(|c| *c == "Id").unwrap();
    let evil = raw.iter().find(|r| r[id] == "evil").unwrap();
    assert_eq!(evil[0], "'=HYPERLINK(\"https://evil.example\",\"Click\")");
    assert_eq!(evil[1], "'@SUM(1+1)*cmd|' /C calc'!A0");
    assert_eq!(evil[2], "'-1+1");
    assert_eq!(evil[13], "'=1+1\n\t=2");
    let priya = raw.iter().find(|r| r[id] == "c1").unwrap();
    assert_eq!(priya[5], "'+1 555 0100");
    // Read back, every cell is what the book holds.
    let rows = rows(&text);
    let evil = rows.iter().find(|r| r[id] == "evil").unwrap();
    assert_eq!(evil[0], "=HYPERLINK(\"https://evil.example\",\"Click\")");
    assert_eq!(evil[13], "=1+1\n\t=2");
    let priya = rows.iter().find(|r| r[id] == "c1").unwrap();
    assert_eq!(priya[5], "+1 555 0100");
}

#[test]
fn step_states_read_as_words() {
    use crate::domain::formats::test_support::d;
    let check = |state, expected: &str| assert_eq!(state_text(state), expected);
    check(StepState::Pending, "pending");
    check(StepState::Done(d(2026, 11, 20)), "done 2026-11-20");
    check(StepState::Skipped(d(2026, 1, 2)), "skipped 2026-01-02");
    check(
        StepState::Snoozed(d(2026, 12, 1)),
        "snoozed until 2026-12-01",
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn escaping_a_cell_is_undone_exactly(cell in "['=+@\t\r -]{0,4}[a-z'=\"é\n ]{0,6}") {
        let written = escape_cell(&cell);
        prop_assert!(!written.starts_with(FORMULA_START));
        prop_assert_eq!(unescape_cell(&written), cell.as_str());
    }

    #[test]
    fn csv_round_trip_keeps_every_field_it_carries(book in arb_book()) {
        let rows = rows(&export_csv(&book));
        let contacts: Vec<_> = book.contacts().collect();
        prop_assert_eq!(rows.len(), contacts.len() + 1);
        for (row, c) in rows[1..].iter().zip(contacts) {
            prop_assert_eq!(row.len(), columns().len());
            prop_assert_eq!(&row[0], &c.name);
            prop_assert_eq!(&row[1], &c.company);
            prop_assert_eq!(&row[2], &c.title);
            prop_assert_eq!(&row[3], c.kind.label());
            prop_assert_eq!(row[4].clone(), c.email.as_ref().map(|e| e.to_string()).unwrap_or_default());
            prop_assert_eq!(&row[5], &c.phone);
            prop_assert_eq!(row[6].clone(), c.linkedin.as_ref().map(|l| l.to_string()).unwrap_or_default());
            prop_assert_eq!(crate::domain::dates::parse_iso(&row[8]), Some(c.met_on));
            prop_assert_eq!(&row[9], &c.hook);
            prop_assert_eq!(&row[10], &c.role);
            prop_assert_eq!(&row[11] == "yes", c.really_want);
            prop_assert_eq!(row[12].split("; ").filter(|t| !t.is_empty()).map(String::from).collect::<Vec<_>>(), c.tags.clone());
            prop_assert_eq!(&row[13], &c.notes);
            let id = columns().iter().position(|c| *c == "Id").unwrap();
            prop_assert_eq!(&row[id], c.id.as_str());
        }
    }
}

#[test]
fn referrals_links_and_outcomes_have_their_columns() {
    use crate::domain::command::Command;
    use crate::domain::contact::{ContactId, Kind, NewContact};
    use crate::domain::outcome::Outcome;
    let d = |text: &str| crate::domain::dates::parse_iso(text).unwrap();
    let mut book = Book::default();
    book.apply(Command::AddContact(NewContact {
        id: ContactId::new("ana"),
        name: "Ana López".into(),
        kind: Kind::Engineer,
        met_on: d("2026-11-10"),
        ..NewContact::default()
    }))
    .unwrap();
    book.apply(Command::MarkDone {
        contact: ContactId::new("ana"),
        step: crate::domain::step::Step::Referral,
        on: d("2026-11-18"),
        at: 1,
    })
    .unwrap();
    book.apply(Command::IntroduceNew {
        by: ContactId::new("ana"),
        new: NewContact {
            id: ContactId::new("sam"),
            name: "Sam Lee".into(),
            met_on: d("2026-11-20"),
            ..NewContact::default()
        },
        on: d("2026-11-20"),
        note: String::new(),
        at: 2,
    })
    .unwrap();
    book.apply(Command::RecordOutcome {
        contact: ContactId::new("ana"),
        on: d("2026-11-22"),
        outcome: Outcome::Applied {
            job: "Intern, 2027".into(),
            link: "R-17".into(),
        },
        note: String::new(),
        at: 3,
    })
    .unwrap();
    let rows = rows(&export_csv(&book));
    let cell = |row: &Vec<String>, column: &str| {
        row[columns().iter().position(|c| *c == column).unwrap()].clone()
    };
    let ana = rows.iter().find(|r| r[0] == "Ana López").unwrap();
    let sam = rows.iter().find(|r| r[0] == "Sam Lee").unwrap();
    assert_eq!(cell(ana, "Referral"), "Applied");
    assert_eq!(cell(ana, "Referral since"), "2026-11-22");
    assert_eq!(cell(ana, "Introduced to"), "Sam Lee");
    assert_eq!(cell(ana, "Introduced by"), "");
    assert_eq!(
        cell(ana, "Outcomes"),
        "2026-11-20 Introduced you to Sam Lee; 2026-11-22 Applied for Intern, 2027 (R-17)"
    );
    assert_eq!(cell(sam, "Introduced by"), "Ana López");
    assert_eq!(cell(sam, "Referral"), "");
    assert_eq!(cell(sam, "Outcomes"), "2026-11-20 Introduced by Ana López");
}
