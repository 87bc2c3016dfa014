//! The words and numbers of the Companies and funnel screens, as plain values: a company's
//! summary line, the funnel's rows and its one-line headline. Pages turn these into markup.
//!
//! The funnel's rows are not a funnel (see `domain::funnel`): each is a count of its own
//! among the people met, and a later row can be larger than an earlier one. So they are
//! shown in sections, the people met, then "What you did", then "What came of it", with
//! `FUNNEL_NOTE` saying so, and never as stages that narrow.
//!
//! Pure: no leptos, no clock (`today` is an argument).

use chrono::NaiveDate;

use crate::domain::companies::Company;
use crate::domain::dates;
use crate::domain::funnel::{Funnel, Stage};

/// "2 engineers · 1 recruiter · 3 people · last touch yesterday".
pub fn company_line(company: &Company, today: NaiveDate) -> String {
    let mut parts: Vec<String> = Vec::new();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if company.engineers > 0 {
        parts.push(plural(company.engineers, "engineer", "engineers"));
    }
    if company.recruiters > 0 {
        parts.push(plural(company.recruiters, "recruiter", "recruiters"));
    }
    let others = company.people.len() - company.engineers - company.recruiters;
    if others > 0 {
        parts.push(if parts.is_empty() {
            plural(others, "person", "people")
        } else {
            plural(others, "other", "others")
        });
    }
    parts.push(format!(
        "last touch {}",
        dates::relative(company.last_touch, today)
    ));
    parts.join(" · ")
}

/// One stage of a funnel as the chart and its table show it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FunnelRow {
    pub stage: Stage,
    pub label: &'static str,
    pub count: usize,
    /// Of the people met, 0 to 100.
    pub percent: usize,
}

/// Every stage, in order.
pub fn funnel_rows(funnel: &Funnel) -> Vec<FunnelRow> {
    Stage::ALL
        .into_iter()
        .map(|stage| FunnelRow {
            stage,
            label: stage.label(),
            count: funnel.count(stage),
            percent: funnel.percent(stage),
        })
        .collect()
}

/// What the chart says under its rows, and the legend with it.
pub const FUNNEL_NOTE: &str = "Each row counts on its own, out of the people you met: someone \
     can reply without an email, or lead to an interview without a meeting, so a row can be \
     larger than the one above it. An interview or an offer through someone a contact \
     introduced you to counts for that contact too.";

/// Rows of the chart under one heading (none for the people met, the base of every row).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FunnelSection {
    pub heading: Option<&'static str>,
    pub rows: Vec<FunnelRow>,
}

/// The chart's rows in their sections: the people met (no heading), what the student did
/// (connected, emailed) and what came of it (replied and everything after).
pub fn funnel_sections(funnel: &Funnel) -> Vec<FunnelSection> {
    let mut sections = vec![
        FunnelSection {
            heading: None,
            rows: Vec::new(),
        },
        FunnelSection {
            heading: Some("What you did"),
            rows: Vec::new(),
        },
        FunnelSection {
            heading: Some("What came of it"),
            rows: Vec::new(),
        },
    ];
    for row in funnel_rows(funnel) {
        let at = match row.stage {
            Stage::Met => 0,
            Stage::Connected | Stage::Emailed => 1,
            _ => 2,
        };
        sections[at].rows.push(row);
    }
    sections
}

/// The furthest stages reached, in words, for a folded chart: "3 replied · 1 interview".
/// Empty before anyone wrote back.
pub fn funnel_headline(funnel: &Funnel) -> String {
    let mut parts = Vec::new();
    for (stage, one, many) in [
        (Stage::Replied, "replied", "replied"),
        (Stage::Meeting, "meeting", "meetings"),
        (Stage::Referral, "referral", "referrals"),
        (Stage::Interview, "interview", "interviews"),
        (Stage::Offer, "offer", "offers"),
    ] {
        let n = funnel.count(stage);
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::command::Command;
    use crate::domain::companies::companies;
    use crate::domain::contact::{ContactId, Kind, NewContact};
    use crate::domain::interaction::InteractionKind;
    use crate::domain::Book;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
    }

    fn book(people: &[(Kind, &[InteractionKind])]) -> Book {
        let mut book = Book::default();
        for (i, (kind, logged)) in people.iter().enumerate() {
            let id = ContactId::new(format!("p{i}"));
            book.apply(Command::AddContact(NewContact {
                id: id.clone(),
                name: format!("P{i}"),
                company: "Figma".into(),
                kind: *kind,
                met_on: d("2024-09-12"),
                ..NewContact::default()
            }))
            .unwrap();
            for kind in *logged {
                book.apply(Command::LogInteraction {
                    contact: id.clone(),
                    on: d("2024-09-20"),
                    kind: *kind,
                    note: String::new(),
                    at: 1,
                })
                .unwrap();
            }
        }
        book
    }

    #[test]
    fn a_company_line_counts_kinds_and_says_when() {
        let check = |kinds: &[Kind], today: &str, expected: &str| {
            let people: Vec<(Kind, &[InteractionKind])> =
                kinds.iter().map(|k| (*k, &[][..])).collect();
            let found = companies(&book(&people));
            assert_eq!(
                company_line(&found.list[0], d(today)),
                expected,
                "{kinds:?}"
            );
        };
        use Kind::{Engineer as E, Other as O, Recruiter as R};
        check(&[E], "2024-09-13", "1 engineer · last touch yesterday");
        check(
            &[E, E, R],
            "2024-09-12",
            "2 engineers · 1 recruiter · last touch today",
        );
        check(
            &[R, O, O],
            "2024-09-12",
            "1 recruiter · 2 others · last touch today",
        );
        check(&[O], "2024-09-12", "1 person · last touch today");
        check(&[O, O], "2025-01-02", "2 people · last touch 12 Sep 2024");
    }

    /// Issue 25: a later row can count more people than an earlier one (two replied,
    /// nobody emailed), so the rows are shown as what they are, counts of their own among
    /// the people met: the people met, then what the student did, then what came of it.
    #[test]
    fn the_rows_are_counts_of_their_own_under_headings_not_a_funnel() {
        use InteractionKind::Replied;
        let b = book(&[
            (Kind::Other, &[Replied]),
            (Kind::Other, &[Replied]),
            (Kind::Other, &[]),
        ]);
        let funnel = Funnel::of(&b, b.contacts());
        type Section<'a> = (Option<&'a str>, Vec<(&'a str, usize)>);
        let shape: Vec<Section<'_>> = funnel_sections(&funnel)
            .into_iter()
            .map(|s| {
                (
                    s.heading,
                    s.rows.iter().map(|r| (r.label, r.count)).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (None, vec![("Met", 3)]),
                (Some("What you did"), vec![("Connected", 0), ("Emailed", 0)]),
                (
                    Some("What came of it"),
                    vec![
                        ("Replied", 2),
                        ("Meeting", 0),
                        ("Referral", 0),
                        ("Interview", 0),
                        ("Offer", 0)
                    ]
                ),
            ]
        );
        // The sections hold every row of the chart, in order.
        let rows: Vec<FunnelRow> = funnel_sections(&funnel)
            .into_iter()
            .flat_map(|s| s.rows)
            .collect();
        assert_eq!(rows, funnel_rows(&funnel));
        assert!(FUNNEL_NOTE.contains("on its own"), "{FUNNEL_NOTE}");
    }

    #[test]
    fn funnel_rows_and_headline() {
        use InteractionKind::{CoffeeChat, Interview, Replied};
        let check = |people: &[(Kind, &[InteractionKind])], headline: &str| {
            let b = book(people);
            let funnel = Funnel::of(&b, b.contacts());
            assert_eq!(funnel_headline(&funnel), headline);
            let rows = funnel_rows(&funnel);
            assert_eq!(rows.len(), Stage::ALL.len());
            assert_eq!(
                (rows[0].label, rows[0].count, rows[0].percent),
                ("Met", people.len(), 100)
            );
        };
        check(&[(Kind::Other, &[])], "");
        check(
            &[(Kind::Other, &[Replied]), (Kind::Other, &[Replied])],
            "2 replied",
        );
        check(
            &[
                (Kind::Engineer, &[CoffeeChat, Interview]),
                (Kind::Other, &[Replied]),
                (Kind::Other, &[]),
            ],
            "2 replied · 1 meeting · 1 interview",
        );
        assert_eq!(funnel_headline(&Funnel::default()), "");
        assert!(funnel_rows(&Funnel::default())
            .iter()
            .all(|r| r.count == 0 && r.percent == 0));
    }
}
