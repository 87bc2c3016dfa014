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
    type Row<'a> = (String, Option<&'a str>, &'a str, Option<NaiveDate>, usize);
    let got: Vec<Row> = connections
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
    // The three dated connections are years old; "No Date" counts as made today.
    assert_eq!(
        p.notes,
        [
            "3 older connections: their first follow-ups are marked as skipped (the email and \
          the LinkedIn message, since you connected more than 14 days ago). Keep-in-touch \
          reminders stay on."
        ]
    );
    assert_eq!(p.new[0].steps.email, StepState::Skipped(d(2026, 11, 26)));
    assert_eq!(p.new[3].steps.email, StepState::Pending);
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

fn connection(name: &str, connected_on: Option<NaiveDate>) -> Connection {
    Connection {
        row: 2,
        first_name: name.into(),
        linkedin: Some(
            LinkedIn::parse(&format!("linkedin.com/in/{}", name.to_lowercase())).unwrap(),
        ),
        connected_on,
        ..Connection::default()
    }
}

/// Connected on, email, bonus message, email status today, keep in touch due.
type Row = (
    Option<NaiveDate>,
    StepState,
    StepState,
    crate::domain::step::Status,
    Option<NaiveDate>,
);

#[test]
fn old_connections_start_with_their_first_follow_ups_skipped() {
    use crate::domain::agenda::agenda;
    use crate::domain::step::Status;
    let today = d(2026, 11, 26);
    let ago = |days: u64| Some(today - chrono::Days::new(days));
    let pending = StepState::Pending;
    let skipped = StepState::Skipped(today);
    // (connected, email, bonus message, email status today, keep in touch due if not waiting)
    #[rustfmt::skip]
    let table: [Row; 7] = [
        // Connected today or with no date (today stands in): the playbook as usual, and
        // keep in touch waits on the email.
        (None, pending, pending, Status::Upcoming(d(2026, 11, 27)), None),
        (ago(0), pending, pending, Status::Upcoming(d(2026, 11, 27)), None),
        // Within 14 days: the email is overdue, and still worth sending.
        (ago(10), pending, pending, Status::Overdue(7), None),
        (ago(14), pending, pending, Status::Overdue(11), None),
        // Older: the email and bonus message are skipped today; keep in touch comes due
        // a cadence (90 days) from today, not from the connection date.
        (ago(15), skipped, skipped, Status::Skipped(today), Some(d(2027, 2, 24))),
        (ago(800), skipped, skipped, Status::Skipped(today), Some(d(2027, 2, 24))),
        // A date after the import's today (a clock set wrong) is not old.
        (Some(d(2026, 12, 1)), pending, pending, Status::Upcoming(d(2026, 12, 2)), None),
    ];
    for (connected, email, bonus, status, keep_in_touch) in table {
        let mut n = 0;
        let p = plan_linkedin_import(
            &Book::default(),
            "Connections.csv",
            vec![connection("Ana", connected)],
            vec![],
            || {
                n += 1;
                format!("n{n}")
            },
            today,
            9,
        );
        let c = &p.new[0];
        let on = connected.unwrap_or(today);
        assert_eq!(c.met_on, on, "{connected:?}");
        assert_eq!(c.steps.connect, StepState::Done(on), "{connected:?}");
        assert_eq!(c.steps.email, email, "{connected:?}");
        assert_eq!(c.steps.bonus_message, bonus, "{connected:?}");
        assert_eq!(c.steps.referral, StepState::Pending, "{connected:?}");
        assert_eq!(c.steps.keep_in_touch, StepState::Pending, "{connected:?}");
        let cadence = crate::domain::settings::Settings::default().default_cadence_days;
        let plan = crate::domain::playbook::plan(c, cadence, today);
        let view = |step| plan.iter().find(|v| v.step == step).unwrap();
        assert_eq!(view(Step::Email).status, status, "{connected:?}");
        let old = email != StepState::Pending;
        assert_eq!(p.notes.len(), usize::from(old), "{connected:?}");
        let keep = view(Step::KeepInTouch);
        match keep_in_touch {
            Some(due) => {
                assert_eq!(keep.status, Status::Upcoming(due), "{connected:?}");
                assert_eq!(keep.waiting_on, None, "{connected:?}");
            }
            None => assert_eq!(keep.waiting_on, Some(Step::Email), "{connected:?}"),
        }
        if old {
            // Nothing of an old connection is overdue or due on the day of the import.
            let book = p.apply(&Book::default()).unwrap();
            let agenda = agenda(&book, today);
            assert_eq!(agenda.needs_action(), 0, "{connected:?}: {agenda:?}");
        }
    }
}

#[test]
fn the_note_counts_only_old_connections_that_are_added() {
    let today = d(2026, 11, 26);
    let old = Some(d(2025, 3, 1));
    let check = |book: &Book, connections: Vec<Connection>, expected: &[&str]| {
        let p = plan_linkedin_import(book, "c.csv", connections, vec![], || "x".into(), today, 0);
        let notes: Vec<String> = p
            .notes
            .iter()
            .map(|n| n.split(':').next().unwrap().to_string())
            .collect();
        assert_eq!(notes, expected);
    };
    check(&Book::default(), vec![], &[]);
    check(&Book::default(), vec![connection("Ana", Some(today))], &[]);
    check(
        &Book::default(),
        vec![connection("Ana", old)],
        &["1 older connection"],
    );
    check(
        &Book::default(),
        vec![
            connection("Ana", old),
            connection("Bo", old),
            connection("Cy", Some(today)),
        ],
        &["2 older connections"],
    );
    // Already in the book (matched by profile): updated, not added, so not counted.
    let mut book = Book::default();
    book.apply(Command::AddContact(crate::domain::contact::NewContact {
        id: ContactId::new("a"),
        name: "Ana".into(),
        linkedin: Some(LinkedIn::parse("linkedin.com/in/ana").unwrap()),
        met_on: today,
        ..Default::default()
    }))
    .unwrap();
    check(
        &book,
        vec![connection("Ana", old), connection("Bo", old)],
        &["1 older connection"],
    );
    assert!(
        older_note(1).starts_with("1 older connection: its first follow-ups are marked as skipped")
    );
    assert!(older_note(4)
        .starts_with("4 older connections: their first follow-ups are marked as skipped"));
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
