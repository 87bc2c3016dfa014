//! Company names compared, people grouped, groups ordered.

use super::*;
use crate::domain::command::Command;
use crate::domain::contact::NewContact;
use crate::domain::interaction::InteractionKind;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

#[test]
fn spellings_of_one_company_share_a_key() {
    let check = |company: &str, expected: Option<&str>| {
        assert_eq!(company_key(company).as_deref(), expected, "{company:?}")
    };
    check("Figma", Some("figma"));
    check("figma, inc.", Some("figma"));
    check("FIGMA Inc", Some("figma"));
    check("Figma Inc.", Some("figma"));
    check("  Figma   ", Some("figma"));
    check("Société Générale", Some("societe generale"));
    check("societe generale", Some("societe generale"));
    check("Société Générale S.A.", Some("societe generale"));
    check("SOCIÉTÉ GÉNÉRALE SA", Some("societe generale"));
    check("Siemens AG", Some("siemens"));
    check("Zalando SE", Some("zalando"));
    check("Booking.com B.V.", Some("booking com"));
    check("Acme Corp.", Some("acme"));
    check("Acme Corporation", Some("acme"));
    check("Globex Co., Ltd.", Some("globex"));
    check("Atlassian Pty Ltd", Some("atlassian"));
    check("Müller GmbH", Some("muller"));
    check("Meta", Some("meta"));
    check("Metabase", Some("metabase"));
    check("Meta Platforms, Inc.", Some("meta platforms"));
    // A legal form alone, or single letters alone, is the whole name.
    check("Inc.", Some("inc"));
    check("Co", Some("co"));
    check("A B", Some("a b"));
    // Only a trailing legal form goes: "Company" inside a name stays.
    check("The Company Store", Some("the company store"));
    check("", None);
    check("  ,. ", None);
}

#[test]
fn one_company_and_another_are_told_apart() {
    let check = |a: &str, b: &str, same: bool| {
        assert_eq!(company_key(a) == company_key(b), same, "{a:?} vs {b:?}")
    };
    check("Figma", "figma, inc.", true);
    check("Figma", "FIGMA Inc", true);
    check("Société Générale", "societe generale", true);
    check("Meta", "Metabase", false);
    check("Stripe", "Stripe Inc", true);
    check("Stripe", "Striped", false);
    check("Google", "Google Cloud", false);
}

/// (id, name, company, kind, met on, interactions logged on)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    Kind,
    &'static str,
    &'static [&'static str],
);

fn book(rows: &[Row]) -> Book {
    let mut book = Book::default();
    for (id, name, company, kind, met, logged) in rows {
        book.apply(Command::AddContact(NewContact {
            id: ContactId::new(*id),
            name: (*name).into(),
            company: (*company).into(),
            kind: *kind,
            met_on: d(met),
            ..NewContact::default()
        }))
        .unwrap();
        for on in *logged {
            book.apply(Command::LogInteraction {
                contact: ContactId::new(*id),
                on: d(on),
                kind: InteractionKind::Replied,
                note: String::new(),
                at: 1,
            })
            .unwrap();
        }
    }
    book
}

const BOOK: &[Row] = &[
    ("a", "Ana", "Figma", Kind::Engineer, "2024-09-12", &[]),
    (
        "b",
        "Ben",
        "figma, inc.",
        Kind::Recruiter,
        "2024-09-10",
        &["2024-10-01"],
    ),
    ("c", "Cy", "FIGMA Inc", Kind::Other, "2024-09-01", &[]),
    ("d", "Dee", "Figma", Kind::Engineer, "2024-08-01", &[]),
    ("e", "Eve", "Meta", Kind::Recruiter, "2024-09-20", &[]),
    ("f", "Fay", "Metabase", Kind::Engineer, "2024-09-20", &[]),
    (
        "g",
        "Gus",
        "Société Générale",
        Kind::Engineer,
        "2024-07-01",
        &[],
    ),
    (
        "h",
        "Hal",
        "societe generale",
        Kind::Other,
        "2024-07-02",
        &[],
    ),
    ("i", "Ida", "", Kind::Engineer, "2024-09-30", &[]),
    ("j", "Jo", "  ", Kind::Other, "2024-09-30", &[]),
];

#[test]
fn people_are_grouped_by_company() {
    let found = companies(&book(BOOK));
    let summary: Vec<(&str, Vec<&str>, usize, usize, NaiveDate)> = found
        .list
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.people.iter().map(|m| m.name.as_str()).collect(),
                c.engineers,
                c.recruiters,
                c.last_touch,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            // Ben's reply on 1 October is the latest touch of all.
            (
                "Figma",
                vec!["Ana", "Dee", "Ben", "Cy"],
                2,
                1,
                d("2024-10-01")
            ),
            // Same day: by name.
            ("Meta", vec!["Eve"], 0, 1, d("2024-09-20")),
            ("Metabase", vec!["Fay"], 1, 0, d("2024-09-20")),
            // A tie between two spellings: the most recently met person's.
            (
                "societe generale",
                vec!["Gus", "Hal"],
                1,
                0,
                d("2024-07-02")
            ),
        ]
    );
    assert_eq!(found.without_company, 2);
    assert_eq!(found.list[0].key, "figma");
}

#[test]
fn the_most_common_spelling_names_the_company() {
    let check = |spellings: &[&'static str], expected: &str| {
        let rows: Vec<Row> = spellings
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let id: &'static str = Box::leak(format!("p{i}").into_boxed_str());
                // Later rows were met earlier, so the first row is the newest.
                let met: &'static str =
                    Box::leak(format!("2024-09-{:02}", 28 - i).into_boxed_str());
                (id, id, *s, Kind::Other, met, &[][..])
            })
            .collect();
        let found = companies(&book(&rows));
        assert_eq!(found.list.len(), 1, "{spellings:?}");
        assert_eq!(found.list[0].name, expected, "{spellings:?}");
    };
    check(&["figma, inc.", "Figma", "Figma"], "Figma");
    check(&["Figma", "figma, inc.", "figma, inc."], "figma, inc.");
    check(&["Figma  Inc", "FIGMA"], "Figma Inc");
    check(&["Société Générale"], "Société Générale");
}

#[test]
fn an_empty_book_has_no_companies() {
    assert_eq!(companies(&Book::default()), Companies::default());
}

#[test]
fn last_touch_is_the_latest_interaction_or_the_meeting() {
    let b = book(&[
        ("a", "Ana", "X", Kind::Other, "2024-09-12", &["2024-09-20"]),
        ("b", "Ben", "X", Kind::Other, "2024-09-12", &[]),
        // A log entry dated before the meeting (typed by hand) does not go back in time.
        ("c", "Cy", "X", Kind::Other, "2024-09-12", &["2024-09-01"]),
    ]);
    let check = |id: &str, expected: &str| {
        let c = b.contact(&ContactId::new(id)).unwrap();
        assert_eq!(last_touch(c), d(expected), "{id}");
    };
    check("a", "2024-09-20");
    check("b", "2024-09-12");
    check("c", "2024-09-12");
}

#[test]
fn the_furthest_referral_wins_and_not_now_only_alone() {
    use ReferralState::*;
    let check = |states: &[ReferralState], expected: Option<ReferralState>| {
        assert_eq!(furthest(states.iter().copied()), expected, "{states:?}")
    };
    check(&[], None);
    check(&[Asked], Some(Asked));
    check(&[Asked, Introduced], Some(Introduced));
    check(&[Offer, Applied], Some(Offer));
    check(&[NotNow, Asked], Some(Asked));
    check(&[Interviewing, NotNow], Some(Interviewing));
    check(&[NotNow, NotNow], Some(NotNow));
}

#[test]
fn each_company_shows_its_people_s_referrals() {
    use crate::domain::outcome::Outcome;
    use crate::domain::step::Step;
    let mut b = book(&[
        ("a", "Ana", "Figma", Kind::Engineer, "2024-09-12", &[]),
        ("b", "Ben", "Figma Inc", Kind::Engineer, "2024-09-12", &[]),
        ("c", "Cy", "Stripe", Kind::Engineer, "2024-09-12", &[]),
        ("d", "Dee", "Hooli", Kind::Recruiter, "2024-09-12", &[]),
    ]);
    let on = d("2024-09-20");
    for id in ["a", "b", "c"] {
        b.apply(Command::MarkDone {
            contact: ContactId::new(id),
            step: Step::Referral,
            on,
            at: 2,
        })
        .unwrap();
    }
    for (id, outcome) in [("b", Outcome::Interview), ("c", Outcome::NotNow)] {
        b.apply(Command::RecordOutcome {
            contact: ContactId::new(id),
            on: d("2024-09-25"),
            outcome,
            note: String::new(),
            at: 3,
        })
        .unwrap();
    }
    let found = companies(&b);
    /// A company's key, its referral state, and each person's.
    type States<'a> = Vec<(&'a str, Option<ReferralState>, Vec<Option<ReferralState>>)>;
    let states: States = found
        .list
        .iter()
        .map(|c| {
            (
                c.key.as_str(),
                c.referral,
                c.people.iter().map(|m| m.referral).collect(),
            )
        })
        .collect();
    assert_eq!(
        states,
        vec![
            (
                "figma",
                Some(ReferralState::Interviewing),
                vec![
                    Some(ReferralState::Asked),
                    Some(ReferralState::Interviewing)
                ]
            ),
            (
                "stripe",
                Some(ReferralState::NotNow),
                vec![Some(ReferralState::NotNow)]
            ),
            ("hooli", None, vec![None]),
        ]
    );
}
