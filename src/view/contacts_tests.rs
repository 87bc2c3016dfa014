//! The contacts list's rows, filters, sorts and count line, table-driven.

use super::*;
use crate::domain::{Command, ContactId, Email, Event, EventId, EventKind, NewContact};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

const TODAY: &str = "2024-09-20";

/// Ana (engineer at Acme, met at the fair), Ben (recruiter at Globex, met at the fair,
/// a job he really wants), Zoë (other, met earlier, nowhere in particular, no channel).
fn book() -> Book {
    let mut book = Book::default();
    book.apply(Command::SaveEvent(Event {
        id: EventId::new("fair"),
        name: "Fall Career Fair".into(),
        kind: EventKind::CareerFair,
        date: d("2024-09-12"),
        ends: None,
        place: "Gym".into(),
        prep: Default::default(),
    }))
    .unwrap();
    for (id, name, kind, company, title, hook, email, met, event, really_want) in [
        (
            "a",
            "Ana Álvarez",
            Kind::Engineer,
            "Acme",
            "Staff Engineer",
            "calibrating robot arms",
            Some("ana@acme.example"),
            "2024-09-12",
            Some("fair"),
            false,
        ),
        (
            "b",
            "Ben Okafor",
            Kind::Recruiter,
            "Globex",
            "",
            "summer internships",
            Some("ben@globex.example"),
            "2024-09-12",
            Some("fair"),
            true,
        ),
        (
            "z",
            "Zoë Zhang",
            Kind::Other,
            "",
            "",
            "Rust meetup talk",
            None,
            "2024-09-01",
            None,
            false,
        ),
    ] {
        book.apply(Command::AddContact(NewContact {
            id: ContactId::new(id),
            name: name.into(),
            company: company.into(),
            title: title.into(),
            kind,
            email: email.map(|e| Email::parse(e).unwrap()),
            phone: String::new(),
            linkedin: None,
            event: event.map(EventId::new),
            met_on: d(met),
            hook: hook.into(),
            role: String::new(),
            really_want,
            tags: vec![],
            notes: String::new(),
            cadence_days: None,
            pronouns: String::new(),
            updated_at: 1,
        }))
        .unwrap();
    }
    book
}

fn names(all: &[Entry], hits: &[usize]) -> Vec<String> {
    hits.iter().map(|&i| all[i].row.name.clone()).collect()
}

#[test]
fn filters_pick_and_order_the_rows() {
    let book = book();
    let all = entries(&book, d(TODAY));
    let check = |filter: Filter, expected: &[&str]| {
        assert_eq!(names(&all, &filter.select(&all)), expected, "{filter:?}");
    };
    let search = |s: &str| Filter {
        search: s.into(),
        sort: SortBy::Name,
        ..Filter::default()
    };
    // Search is accent- and case-insensitive, over every text field and the event's name.
    check(search(""), &["Ana Álvarez", "Ben Okafor", "Zoë Zhang"]);
    check(search("alvarez"), &["Ana Álvarez"]);
    check(search("ZOE"), &["Zoë Zhang"]);
    check(search("robot"), &["Ana Álvarez"]);
    check(search("staff"), &["Ana Álvarez"]);
    check(search("career fair"), &["Ana Álvarez", "Ben Okafor"]);
    check(search("nobody like this"), &[]);
    // Event, kind and needs-action narrow; the sort orders.
    check(
        Filter {
            event: Some("fair".into()),
            sort: SortBy::Name,
            ..Filter::default()
        },
        &["Ana Álvarez", "Ben Okafor"],
    );
    check(
        Filter {
            kind: Some(Kind::Recruiter),
            ..Filter::default()
        },
        &["Ben Okafor"],
    );
    check(
        Filter {
            sort: SortBy::MetOn,
            ..Filter::default()
        },
        &names(&all, &(0..all.len()).collect::<Vec<_>>())
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
}

#[test]
fn next_due_puts_the_most_urgent_first() {
    let book = book();
    let all = entries(&book, d(TODAY));
    let hits = Filter::default().select(&all);
    assert_eq!(hits.len(), 3);
    let urgencies: Vec<_> = hits.iter().map(|&i| all[i].urgency).collect();
    let mut sorted = urgencies.clone();
    sorted.sort();
    assert_eq!(urgencies, sorted);
    // Met eight days ago with nothing done: everyone has an overdue step.
    assert!(all.iter().all(|e| e.needs_action));
    let only_action = Filter {
        needs_action: true,
        ..Filter::default()
    };
    assert_eq!(only_action.select(&all).len(), 3);
}

#[test]
fn rows_show_company_and_title_and_the_next_step() {
    let book = book();
    let all = entries(&book, d(TODAY));
    let row = |name: &str| all.iter().find(|e| e.row.name == name).unwrap().row.clone();
    assert_eq!(row("Ana Álvarez").subtitle, "Acme · Staff Engineer");
    assert_eq!(row("Ben Okafor").subtitle, "Globex");
    assert_eq!(row("Zoë Zhang").subtitle, "");
    assert!(row("Ben Okafor").really_want);
    let (label, status, tone) = row("Ana Álvarez").next.unwrap();
    assert!(!label.is_empty() && !status.is_empty());
    assert_eq!(tone, "overdue");
    // Zoë gave no email and no LinkedIn: the list says what the agenda says.
    assert_eq!(row("Zoë Zhang").next.unwrap().0, "Find a way to reach them");
}

#[test]
fn a_follow_up_without_an_email_address_is_named_as_a_linkedin_message() {
    let mut book = book();
    book.apply(Command::AddContact(NewContact {
        id: ContactId::new("l"),
        name: "Lia Moreno".into(),
        kind: Kind::Engineer,
        linkedin: Some(crate::domain::LinkedIn::parse("linkedin.com/in/lia-moreno").unwrap()),
        met_on: d("2024-09-18"),
        updated_at: 1,
        ..NewContact::default()
    }))
    .unwrap();
    book.apply(Command::MarkDone {
        contact: ContactId::new("l"),
        step: crate::domain::Step::Connect,
        on: d("2024-09-18"),
        at: 2,
    })
    .unwrap();
    let all = entries(&book, d(TODAY));
    let lia = all.iter().find(|e| e.row.name == "Lia Moreno").unwrap();
    assert_eq!(
        lia.row.next.as_ref().unwrap().0,
        "Send the follow-up as a LinkedIn message"
    );
}

#[test]
fn filtering_means_anything_but_the_sort() {
    for (filter, expected) in [
        (Filter::default(), false),
        (
            Filter {
                sort: SortBy::Name,
                ..Filter::default()
            },
            false,
        ),
        (
            Filter {
                search: "   ".into(),
                ..Filter::default()
            },
            false,
        ),
        (
            Filter {
                search: "a".into(),
                ..Filter::default()
            },
            true,
        ),
        (
            Filter {
                event: Some("fair".into()),
                ..Filter::default()
            },
            true,
        ),
        (
            Filter {
                kind: Some(Kind::Other),
                ..Filter::default()
            },
            true,
        ),
        (
            Filter {
                needs_action: true,
                ..Filter::default()
            },
            true,
        ),
    ] {
        assert_eq!(filter.is_filtering(), expected, "{filter:?}");
    }
}

#[test]
fn the_count_line() {
    for (total, matches, filtering, text) in [
        (0, 0, false, "0 contacts"),
        (1, 1, false, "1 contact"),
        (3, 3, false, "3 contacts"),
        (3, 1, true, "1 of 3 match"),
        (3, 0, true, "0 of 3 match"),
    ] {
        assert_eq!(count_text(total, matches, filtering), text);
    }
}

#[test]
fn sort_values_read_back() {
    for sort in SortBy::ALL {
        assert_eq!(SortBy::from_value(sort.value()), sort);
    }
    assert_eq!(SortBy::from_value("nonsense"), SortBy::NextDue);
}

#[test]
fn a_search_that_types_on_narrows_the_last_matches() {
    let search = |s: &str| Filter {
        search: s.into(),
        ..Filter::default()
    };
    let narrows = |new: Filter, old: Filter, expected: bool| {
        assert_eq!(new.narrows(&old), expected, "{new:?} after {old:?}");
    };
    narrows(search("an"), search("a"), true);
    narrows(search("a"), search("a"), true);
    narrows(search("ana "), search("ana"), true);
    narrows(search("ana b"), search("ana"), true);
    narrows(search("Ál"), search("a"), true);
    narrows(search("a"), search("an"), false);
    narrows(search("b"), search("a"), false);
    narrows(search(""), search("a"), false);
    narrows(search("a"), search(""), true);
    narrows(
        Filter {
            kind: Some(Kind::Recruiter),
            ..search("an")
        },
        search("a"),
        false,
    );
    narrows(
        Filter {
            sort: SortBy::Name,
            ..search("an")
        },
        search("a"),
        false,
    );
}

/// Every sequence of keystrokes gives, at each step, exactly what a fresh selection gives,
/// whether it narrowed the last matches or not.
#[test]
fn narrowed_matches_are_the_fresh_matches() {
    let book = book();
    let all = entries(&book, d(TODAY));
    let typed = [
        vec![
            "", "a", "an", "ana", "ana ", "ana a", "ana al", "", "z", "zo", "zoe",
        ],
        vec![
            "c", "ca", "car", "care", "caree", "career", "career ", "career f", "x", "", "b",
        ],
        vec!["r", "ro", "rob", "robo", "robot", "robots", "r", ""],
        vec!["É", "Él", "e", "en", "eng", "engi"],
    ];
    for sort in SortBy::ALL {
        for keys in &typed {
            let mut last: Option<Selection> = None;
            for (n, text) in keys.iter().enumerate() {
                let filter = Filter {
                    search: text.to_string(),
                    sort,
                    // Half-way through, a chip changes too: nothing is narrowed then.
                    kind: (n == keys.len() / 2).then_some(Kind::Engineer),
                    ..Filter::default()
                };
                let fresh = filter.select(&all);
                let selection = select(filter, &all, 1, last.as_ref());
                assert_eq!(selection.hits, fresh, "{text:?} sorted by {sort:?}");
                last = Some(selection);
            }
        }
    }
    // Positions of other entries (the book changed since) are never reused.
    let wider = select(Filter::default(), &all, 1, None);
    let fewer = &all[..1];
    let next = select(
        Filter {
            search: "a".into(),
            ..Filter::default()
        },
        fewer,
        2,
        Some(&wider),
    );
    assert!(next.hits.iter().all(|&i| i < fewer.len()), "{next:?}");
}
