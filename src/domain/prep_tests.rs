use super::*;
use crate::domain::book::BookError;
use crate::domain::{Command, ContactId, Kind, NewContact};
use chrono::NaiveDate;

fn names(pasted: &Pasted) -> Vec<(&str, &str)> {
    pasted
        .targets
        .iter()
        .map(|t| (t.name.as_str(), t.note.as_str()))
        .collect()
}

/// Pastes `text` and checks the companies (name, note) and how many lines were left out.
fn check(text: &str, expected: &[(&str, &str)], skipped: usize) {
    let pasted = parse_pasted(text);
    assert_eq!(names(&pasted), expected, "{text}");
    assert_eq!(
        pasted.skipped.len(),
        skipped,
        "{text}: {:?}",
        pasted.skipped
    );
}

#[test]
fn pasted_lists_become_companies_with_the_noise_left_out() {
    // One a line, with blank lines and bullets.
    check(
        "Figma\n\n  Stripe  \n- Datadog\n• Jane Street\n3. Shopify",
        &[
            ("Figma", ""),
            ("Stripe", ""),
            ("Datadog", ""),
            ("Jane Street", ""),
            ("Shopify", ""),
        ],
        0,
    );
    // A fair's employer page: headings, an A–Z index, booth lines and details.
    let page =
        "Employers Attending (124)\n\nA\nAcme Robotics\nBooth 12\nIndustry: Manufacturing\n\n\
                Airbnb — Booth 14\nB\nBloomberg (Table B4)\nBack to top\nC\nCanva, Booth 7\n#22\n";
    check(
        page,
        &[
            ("Acme Robotics", "Booth 12"),
            ("Airbnb", "Booth 14"),
            ("Bloomberg", "Table B4"),
            ("Canva", "Booth 7 · Booth 22"),
        ],
        6,
    );
    // A copied table: name, industry, booth.
    check(
        "Figma\tSoftware\tBooth 3\nStripe\tFintech\t12",
        &[("Figma", "Booth 3"), ("Stripe", "Booth 12")],
        0,
    );
    // A copied table's header row is not a company.
    check("Company\tBooth\nFigma\t3", &[("Figma", "Booth 3")], 0);
    check("Employer\n\nFigma", &[("Figma", "")], 1);
    // A booth number before any company is left out, not lost silently.
    check("Booth 4\nFigma", &[("Figma", "")], 1);
    // Names that only look like noise stay.
    check(
        "Tableau\n3M\nMeta\nMetabase\nFigma Booth 9",
        &[
            ("Tableau", ""),
            ("3M", ""),
            ("Meta", ""),
            ("Metabase", ""),
            ("Figma", "Booth 9"),
        ],
        0,
    );
}

#[test]
fn duplicates_are_merged_with_the_companies_views_name_matching() {
    // Case, accents, legal forms: the first spelling is kept.
    check(
        "Figma\nfigma, Inc.\nFIGMA Inc\nSociété Générale\nSOCIETE GENERALE S.A.\nAcme LLC\nAcme\n",
        &[("Figma", ""), ("Société Générale", ""), ("Acme LLC", "")],
        0,
    );
    // The later line fills what the first left empty.
    check("Figma\nfigma — Booth 4", &[("Figma", "Booth 4")], 0);
}

#[test]
fn a_csv_with_a_header_reads_its_columns() {
    let csv = "Employer,Booth,Priority,Roles / teams,Question to ask,Notes\n\
               Figma,12,must,Infra team,\"What is on-call like for interns?\",ask for Dana\n\
               \"Stripe, Inc.\",7,,Payments,,\n\
               ,,,,,\n\
               stripe,,maybe,,How big is the team?,\n\
               Datadog,,2,,,\n";
    let pasted = parse_pasted(csv);
    let rows: Vec<(&str, Priority, &str, &str, &str)> = pasted
        .targets
        .iter()
        .map(|t| {
            (
                t.name.as_str(),
                t.priority,
                t.roles.as_str(),
                t.question.as_str(),
                t.note.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Figma",
                Priority::Must,
                "Infra team",
                "What is on-call like for interns?",
                "Booth 12 · ask for Dana"
            ),
            (
                "Stripe, Inc.",
                Priority::Want,
                "Payments",
                "How big is the team?",
                "Booth 7"
            ),
            ("Datadog", Priority::Want, "", "", ""),
        ]
    );
    assert!(pasted.skipped.is_empty(), "{:?}", pasted.skipped);
    // A comma in a plain line is not a CSV: no company column.
    check(
        "Stripe, Inc.\nFigma",
        &[("Stripe, Inc.", ""), ("Figma", "")],
        0,
    );
    // A spreadsheet's formula guard is taken off, as every CSV this app reads does.
    check("Company,Booth\n'=Figma,3", &[("=Figma", "Booth 3")], 0);
}

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, day).unwrap()
}

fn fair() -> Book {
    let mut book = Book::default();
    book.apply(Command::SaveEvent(Event {
        id: EventId::new("fair"),
        name: "Fall Career Fair".into(),
        date: d(1),
        ..Event::default()
    }))
    .unwrap();
    book
}

fn add(book: &mut Book, text: &str) {
    let targets = parse_pasted(text).targets;
    crate::domain::prep::PrepChange::AddTargets {
        event: EventId::new("fair"),
        targets,
    }
    .apply(book)
    .unwrap();
}

fn capture(book: &mut Book, id: &str, name: &str, company: &str, event: Option<&str>) {
    book.apply(Command::AddContact(NewContact {
        id: ContactId::new(id),
        name: name.into(),
        company: company.into(),
        kind: Kind::Engineer,
        event: event.map(EventId::new),
        met_on: d(1),
        ..NewContact::default()
    }))
    .unwrap();
}

fn prep(book: &Book) -> &Prep {
    &book.event(&EventId::new("fair")).unwrap().prep
}

fn set(book: &mut Book, name: &str, change: impl FnOnce(&mut Target)) {
    let mut target = prep(book).target_for(name).unwrap().clone();
    change(&mut target);
    crate::domain::prep::PrepChange::SaveTarget {
        event: EventId::new("fair"),
        target,
    }
    .apply(book)
    .unwrap();
}

#[test]
fn targets_keep_their_order_entered_and_adding_again_merges() {
    let mut book = fair();
    add(&mut book, "Figma\nStripe");
    add(&mut book, "stripe inc — Booth 9\nDatadog");
    let rows: Vec<(u32, &str, &str)> = prep(&book)
        .targets
        .iter()
        .map(|t| (t.id, t.name.as_str(), t.note.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (1, "Figma", ""),
            (2, "Stripe", "Booth 9"),
            (3, "Datadog", "")
        ]
    );
}

#[test]
fn edits_are_refused_with_a_reason_and_change_nothing() {
    let mut book = fair();
    add(&mut book, "Figma\nStripe");
    let before = book.clone();
    let stripe = prep(&book).target_for("Stripe").unwrap().clone();
    for (command, error) in [
        (
            crate::domain::prep::PrepChange::SaveTarget {
                event: EventId::new("fair"),
                target: Target {
                    name: "FIGMA, Inc.".into(),
                    ..stripe.clone()
                },
            },
            BookError::Prep(PrepError::AlreadyPlanned("Figma".into())),
        ),
        (
            crate::domain::prep::PrepChange::SaveTarget {
                event: EventId::new("fair"),
                target: Target {
                    name: "  ".into(),
                    ..stripe.clone()
                },
            },
            BookError::Prep(PrepError::BlankCompany),
        ),
        (
            crate::domain::prep::PrepChange::RemoveTarget {
                event: EventId::new("fair"),
                id: 9,
            },
            BookError::Prep(PrepError::NoSuchTarget),
        ),
        (
            crate::domain::prep::PrepChange::SetPitch {
                event: EventId::new("gone"),
                pitch: "Hi".into(),
            },
            BookError::NoSuchEvent(EventId::new("gone")),
        ),
    ] {
        assert_eq!(command.apply(&mut book), Err(error.clone()), "{error}");
        assert_eq!(book, before, "{error}");
    }
}

#[test]
fn a_removed_target_comes_back_in_its_place_on_undo() {
    let mut book = fair();
    add(&mut book, "Figma\nStripe\nDatadog");
    let stripe = prep(&book).target_for("Stripe").unwrap().clone();
    let before = book.clone();
    crate::domain::prep::PrepChange::RemoveTarget {
        event: EventId::new("fair"),
        id: stripe.id,
    }
    .apply(&mut book)
    .unwrap();
    assert!(prep(&book).target_for("Stripe").is_none());
    crate::domain::prep::PrepChange::SaveTarget {
        event: EventId::new("fair"),
        target: stripe,
    }
    .apply(&mut book)
    .unwrap();
    assert_eq!(book, before);
    // A company added after a removal never takes the removed one's id.
    crate::domain::prep::PrepChange::RemoveTarget {
        event: EventId::new("fair"),
        id: 3,
    }
    .apply(&mut book)
    .unwrap();
    add(&mut book, "Canva");
    assert_eq!(prep(&book).target_for("Canva").unwrap().id, 3);
}

#[test]
fn captures_are_matched_to_targets_by_company_at_that_event() {
    let mut book = fair();
    add(&mut book, "Figma\nStripe\nDatadog\nCanva\nShopify");
    set(&mut book, "Datadog", |t| t.priority = Priority::Must);
    set(&mut book, "Shopify", |t| {
        t.priority = Priority::Must;
        t.visited = true;
    });
    set(&mut book, "Canva", |t| t.priority = Priority::Maybe);
    set(&mut book, "Figma", |t| t.priority = Priority::Must);
    capture(&mut book, "a", "Priya Raman", "figma, inc.", Some("fair"));
    capture(&mut book, "b", "Ana Lima", "FIGMA", Some("fair"));
    capture(&mut book, "c", "Tom Becker", "Stripe", None);
    capture(&mut book, "d", "Lee Chen", "Metabase", Some("fair"));
    let at = book_prep_at(&book, &EventId::new("fair")).unwrap();
    // (name, people, met)
    let rows: Vec<(&str, Vec<&str>, bool)> = at
        .to_visit
        .iter()
        .map(|t| {
            (
                t.target.name.as_str(),
                t.people.iter().map(|(_, n)| n.as_str()).collect(),
                t.met(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Figma", vec!["Ana Lima", "Priya Raman"], true),
            ("Datadog", vec![], false),
            ("Shopify", vec![], true),
            ("Stripe", vec![], false),
            ("Canva", vec![], false),
        ]
    );
    assert_eq!(at.must_met(), (2, 3));
    assert_eq!(at.reached(), (1, 5));
    let not_reached: Vec<&str> = at.not_reached().map(|t| t.target.name.as_str()).collect();
    assert_eq!(not_reached, ["Datadog", "Shopify", "Stripe", "Canva"]);
    assert_eq!(
        at.not_reached().next().unwrap().recruiter_search(),
        "https://www.linkedin.com/search/results/people/?keywords=recruiter%20Datadog"
    );
    let priya = book.contact(&ContactId::new("a")).unwrap();
    assert_eq!(prepared_for(&book, priya).map(|t| t.id), Some(1));
    let tom = book.contact(&ContactId::new("c")).unwrap();
    assert_eq!(prepared_for(&book, tom), None, "met elsewhere");
}

#[test]
fn an_event_without_a_plan_stores_nothing_for_it_and_old_events_load() {
    let event = Event {
        id: EventId::new("e"),
        name: "Fair".into(),
        date: d(1),
        ..Event::default()
    };
    let json = serde_json::to_string(&event).unwrap();
    assert!(!json.contains("prep"), "{json}");
    let back: Event = serde_json::from_str(&json).unwrap();
    assert_eq!(back, event);
    // A plan's defaults cost nothing either: only the name and id of a plain target.
    let target = serde_json::to_string(&Target {
        id: 4,
        ..Target::named("Figma")
    })
    .unwrap();
    assert_eq!(target, r#"{"id":4,"name":"Figma"}"#);
}

#[test]
fn the_pitch_says_its_length_and_time_aloud_at_130_words_a_minute() {
    let words = |n: usize| vec!["word"; n].join(" ");
    // (words, seconds)
    for (n, seconds) in [
        (0, 0),
        (1, 5),
        (10, 5),
        (65, 30),
        (70, 30),
        (76, 35),
        (130, 60),
        (200, 90),
    ] {
        let length = pitch_length(&words(n));
        assert_eq!((length.words, length.seconds), (n, seconds), "{n} words");
    }
    assert_eq!(pitch_length("Héllo  there\n").characters, 13);
}

#[test]
fn the_planned_line_joins_what_was_prepared() {
    for (roles, question, line) in [
        ("", "", ""),
        ("Infra team", "", "Infra team"),
        (
            "",
            "On-call for interns?",
            "\u{201c}On-call for interns?\u{201d}",
        ),
        (
            "Infra team",
            "On-call for interns?",
            "Infra team · \u{201c}On-call for interns?\u{201d}",
        ),
    ] {
        let target = Target {
            roles: roles.into(),
            question: question.into(),
            ..Target::named("Figma")
        };
        assert_eq!(target.planned_line(), line);
    }
}
