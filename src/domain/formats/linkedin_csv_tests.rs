use super::*;
use crate::domain::formats::test_support::{d, sample_book};
use crate::domain::formats::MAX_BYTES;
use proptest::prelude::*;

const FIXTURE: &[u8] = include_bytes!("../../../tests/fixtures/formats/Connections.csv");

fn read(bytes: &[u8]) -> Result<(Vec<Connection>, Vec<RowError>), FormatError> {
    import_linkedin_connections(bytes, "Connections.csv")
}

#[test]
fn the_real_export_is_read_past_its_notes() {
    let (connections, errors) = read(FIXTURE).unwrap();
    let got: Vec<(String, Option<&str>, &str, Option<NaiveDate>, usize)> = connections
        .iter()
        .map(|c| {
            (
                c.name(),
                c.linkedin.as_ref().map(|l| l.slug()),
                c.company.as_str(),
                c.connected_on,
                c.row,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Priya Raman".into(),
                Some("priya-raman"),
                "Acme",
                Some(d(2024, 11, 12)),
                5
            ),
            (
                "José García".into(),
                Some("jos%C3%A9-garc%C3%ADa"),
                "Globex, Inc.",
                Some(d(2025, 1, 3)),
                6
            ),
            ("Zoë".into(), Some("zoe-l"), "", Some(d(2025, 2, 28)), 7),
            ("Bad Link".into(), None, "", Some(d(2025, 3, 1)), 8),
            ("No Date".into(), Some("no-date"), "", None, 9),
        ]
    );
    assert_eq!(
        connections[1].email.as_ref().map(|e| e.as_str()),
        Some("jose@globex.example")
    );
    assert_eq!(connections[2].position, "Engineer, \"Platform\"");
    let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 4, "{errors:#?}");
    assert!(
        errors[0].starts_with("Connections.csv, row 8: the profile link for Bad Link was left out"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("Connections.csv, row 9: the email address for No Date was left out")
    );
    assert!(errors[2].starts_with("Connections.csv, row 9: the date \u{201c}someday\u{201d}"));
    assert_eq!(
        errors[3],
        "Connections.csv, row 10: this row has no name, so it was skipped."
    );
}

#[test]
fn linkedin_dates() {
    let check = |text: &str, expected: Option<NaiveDate>| {
        assert_eq!(parse_date(text), expected, "{text:?}")
    };
    check("12 Nov 2024", Some(d(2024, 11, 12)));
    check("03 Jan 2025", Some(d(2025, 1, 3)));
    check("1 September 2023", Some(d(2023, 9, 1)));
    check("29 Feb 2024", Some(d(2024, 2, 29)));
    check("2024-11-12", Some(d(2024, 11, 12)));
    check("29 Feb 2023", None);
    check("12 Nox 2024", None);
    check("Nov 12 2024", None);
    check("12 Nov", None);
    check("12 Nov 2024 extra", None);
    check("", None);
}

#[test]
fn files_that_are_not_connections_are_refused() {
    fn check(bytes: &[u8], fragment: &str) {
        let e = read(bytes).unwrap_err().to_string();
        assert!(e.contains(fragment) && e.contains("Connections.csv"), "{e}");
    }
    check(b"", "is empty");
    check(
        b"Name,Company\nAna,Acme\n",
        "the columns First Name, Last Name, URL are missing",
    );
    check(
        b"Notes:\nhi\n\nFirst Name,URL,Company\nAna,x,y\n",
        "row 4: the columns Last Name are missing",
    );
    check(
        b"First Name,Last Name,URL\nJos\xe9,,x\n",
        "line 2: the file is not UTF-8",
    );
    check(b"PK\x03\x04\x14\0\0\0\x08\0", "not a text file");
    check(&vec![b'a'; MAX_BYTES + 1], "larger than");
}

#[test]
fn a_truncated_file_keeps_whole_rows_and_reports_the_cut_one() {
    let cut = &FIXTURE[..FIXTURE.len() - 95];
    let (connections, errors) = read(cut).unwrap();
    assert_eq!(connections.len(), 4);
    assert!(errors.iter().any(|e| e.line == 9), "{errors:?}");
    let (_, errors) = read(b"First Name,Last Name,URL,Email Address\nAna\n").unwrap();
    assert_eq!(
        errors[0].to_string(),
        "Connections.csv, row 2: this row has 1 of the 4 columns (it may be cut off), so it was skipped."
    );
}

#[test]
fn matches_mark_connect_done_and_others_become_new_contacts() {
    let book = sample_book();
    let (connections, errors) = read(FIXTURE).unwrap();
    let mut n = 0;
    let p = plan_linkedin_import(
        &book,
        "Connections.csv",
        connections,
        errors,
        || {
            n += 1;
            format!("li{n}")
        },
        d(2026, 11, 26),
        500,
    );
    assert_eq!(
        p.summary(),
        "Connections.csv: 4 new, 1 updated, 0 possible duplicates, 4 rows with errors."
    );
    assert_eq!(
        p.commands,
        [Command::MarkDone {
            contact: ContactId::new("c1"),
            step: Step::Connect,
            on: d(2024, 11, 12),
            at: 500,
        }]
    );
    let names: Vec<&str> = p.new.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["José García", "Zoë", "Bad Link", "No Date"]);
    assert_eq!(p.new[0].steps.connect, StepState::Done(d(2025, 1, 3)));
    assert_eq!(p.new[0].title, "Talent Partner");
    assert_eq!(p.new[3].met_on, d(2026, 11, 26));
    let after = p.apply(&book).unwrap();
    assert_eq!(after.contact_count(), 6);
    let priya = after.contact(&ContactId::new("c1")).unwrap();
    assert_eq!(priya.steps.connect, StepState::Done(d(2024, 11, 12)));
    // Importing the same file again proposes only duplicates of what was added.
    let (connections, errors) = read(FIXTURE).unwrap();
    let again = plan_linkedin_import(
        &after,
        "Connections.csv",
        connections,
        errors,
        || "x".into(),
        d(2026, 11, 26),
        501,
    );
    assert_eq!(again.commands, []);
    assert_eq!(again.new.iter().filter(|c| c.linkedin.is_some()).count(), 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn connections_import_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = read(&bytes);
    }

    #[test]
    fn connections_import_never_panics_on_csv_like_text(
        body in "(First Name,Last Name,URL,Email Address,Connected On\n|\"|,|\n|\r|a|é|12 Nov 2024|https://linkedin.com/in/a){0,40}"
    ) {
        if let Ok((connections, errors)) = read(body.as_bytes()) {
            let _ = plan_linkedin_import(&sample_book(), "c.csv", connections, errors, || "x".into(), d(2026, 1, 1), 0);
        }
    }
}
