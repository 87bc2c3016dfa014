//! The companies the student knows people at: contacts grouped by company, so "who do I
//! know at Figma?" has one answer.
//!
//! Two spellings are one company when they are equal once folded (no case, no accents, the
//! same folding as search and duplicates) and stripped of a trailing legal form: "Figma",
//! "figma, inc." and "FIGMA Inc" are one; "Société Générale S.A." is "societe generale".
//! Only whole words are compared, so "Meta" and "Metabase" stay two companies. A company
//! is shown with its most common spelling, and with the furthest referral of its people
//! (`outcome::referral`: asked → introduced → applied → interviewing → offer, or not now).
//!
//! Pure: a function of the book. Contacts without a company are counted, not grouped.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::book::Book;
use super::contact::{Contact, ContactId, Kind};
use super::duplicates::normalise;
use super::outcome::ReferralState;

/// Legal forms left out when comparing company names, folded and without dots
/// ("S.A." is compared as "sa").
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "incorporated",
    "llc",
    "llp",
    "lp",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "company",
    "plc",
    "gmbh",
    "ag",
    "kg",
    "se",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "oy",
    "ab",
    "asa",
    "pty",
    "kk",
    "ulc",
];

/// The name two spellings of one company share ("figma" for "Figma, Inc."), or `None`
/// for a blank company. A name made only of a legal form ("Inc.") is kept as it is.
pub fn company_key(company: &str) -> Option<String> {
    let normal = normalise(company);
    let mut words: Vec<&str> = normal.split(' ').filter(|w| !w.is_empty()).collect();
    while words.len() > 1 {
        let last = words[words.len() - 1];
        if LEGAL_FORMS.contains(&last) {
            words.pop();
            continue;
        }
        // "S.A." and "B.V." arrive as single letters: "s a", "b v".
        let letters = words.iter().rev().take_while(|w| w.len() == 1).count();
        let joined: String = words[words.len() - letters..].concat();
        if letters >= 2 && letters < words.len() && LEGAL_FORMS.contains(&joined.as_str()) {
            words.truncate(words.len() - letters);
            continue;
        }
        break;
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// One person at a company.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Member {
    pub id: ContactId,
    pub name: String,
    pub kind: Kind,
    pub title: String,
    /// The last time the student was in touch: the latest logged interaction, or the day
    /// they met.
    pub last_touch: NaiveDate,
    /// Where a referral through them stands, if the student asked or one happened.
    pub referral: Option<ReferralState>,
}

/// The people the student knows at one company.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Company {
    /// What spellings share (see [`company_key`]).
    pub key: String,
    /// The most common spelling; on a tie, the one of the most recently met person.
    pub name: String,
    /// Engineers first, then recruiters, then others; by name within each.
    pub people: Vec<Member>,
    pub engineers: usize,
    pub recruiters: usize,
    /// The latest `last_touch` of its people.
    pub last_touch: NaiveDate,
    /// The furthest referral of its people ("not now" only when every one is).
    pub referral: Option<ReferralState>,
}

/// Every company in the book, and how many contacts have none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Companies {
    /// The most recently touched company first, then the one with more people, then by name.
    pub list: Vec<Company>,
    /// Contacts with a blank company, left out of the list.
    pub without_company: usize,
}

/// The last time the student was in touch with `contact`.
pub fn last_touch(contact: &Contact) -> NaiveDate {
    contact
        .last_interaction()
        .map_or(contact.met_on, |on| on.max(contact.met_on))
}

/// The book's contacts grouped by company.
pub fn companies(book: &Book) -> Companies {
    let mut without_company = 0;
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, Vec<&Contact>> = HashMap::new();
    // `Book::contacts` is newest meeting first, so spelling ties go to the newest.
    for contact in book.contacts() {
        let Some(key) = company_key(&contact.company) else {
            without_company += 1;
            continue;
        };
        let group = groups.entry(key.clone()).or_default();
        if group.is_empty() {
            order.push(key);
        }
        group.push(contact);
    }
    let mut list: Vec<Company> = order
        .into_iter()
        .map(|key| {
            let contacts = groups.remove(&key).unwrap_or_default();
            company(book, key, &contacts)
        })
        .collect();
    list.sort_by(|a, b| {
        b.last_touch
            .cmp(&a.last_touch)
            .then_with(|| b.people.len().cmp(&a.people.len()))
            .then_with(|| a.key.cmp(&b.key))
    });
    Companies {
        list,
        without_company,
    }
}

fn company(book: &Book, key: String, contacts: &[&Contact]) -> Company {
    let mut people: Vec<Member> = contacts
        .iter()
        .map(|c| Member {
            id: c.id.clone(),
            name: c.name.clone(),
            kind: c.kind,
            title: c.title.clone(),
            last_touch: last_touch(c),
            referral: book.referral(c).map(|r| r.state),
        })
        .collect();
    people.sort_by_cached_key(|m| (kind_rank(m.kind), m.name.to_lowercase(), m.id.clone()));
    let count = |kind: Kind| people.iter().filter(|m| m.kind == kind).count();
    Company {
        name: most_common_spelling(contacts),
        engineers: count(Kind::Engineer),
        recruiters: count(Kind::Recruiter),
        last_touch: people
            .iter()
            .map(|m| m.last_touch)
            .max()
            .unwrap_or_default(),
        referral: furthest(people.iter().filter_map(|m| m.referral)),
        people,
        key,
    }
}

/// The furthest of some referral states: "not now" only when there is nothing else.
pub fn furthest(states: impl IntoIterator<Item = ReferralState>) -> Option<ReferralState> {
    states.into_iter().max_by_key(|s| match s {
        ReferralState::NotNow => None,
        other => Some(*other),
    })
}

fn kind_rank(kind: Kind) -> u8 {
    match kind {
        Kind::Engineer => 0,
        Kind::Recruiter => 1,
        Kind::Other => 2,
    }
}

/// The spelling most contacts use (trimmed, inner spaces collapsed); the first in the
/// given order on a tie.
fn most_common_spelling(contacts: &[&Contact]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for c in contacts {
        let spelling = c.company.split_whitespace().collect::<Vec<_>>().join(" ");
        match counts.iter_mut().find(|(s, _)| *s == spelling) {
            Some((_, n)) => *n += 1,
            None => counts.push((spelling, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(s, _)| s)
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "companies_tests.rs"]
mod tests;
