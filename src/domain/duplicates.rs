//! One person, one contact: which contacts in the book may be the person being added.
//!
//! A contact may be the same person when it has the same email address (case ignored),
//! the same LinkedIn profile (links are normalised on construction, so every URL variant
//! of one profile compares equal), or the same name at the same company, compared without
//! case, accents or extra spaces ("José  Ortega, STRIPE" is "jose ortega, stripe"). A name
//! alone is not enough: two people at two fairs can share one.
//!
//! Pure: capture, scan, share and every import preview ask the same question here.

use std::collections::HashMap;

use super::book::Book;
use super::contact::{Contact, ContactId, NewContact};
use super::email::Email;
use super::linkedin::LinkedIn;
use super::search::fold;

/// Why a contact may be the same person, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    Email,
    LinkedIn,
    NameAndCompany,
}

impl Reason {
    /// "the same email address", for "… has the same email address".
    pub fn describe(self) -> &'static str {
        match self {
            Reason::Email => "the same email address",
            Reason::LinkedIn => "the same LinkedIn profile",
            Reason::NameAndCompany => "the same name and company",
        }
    }
}

/// A contact already in the book that may be the person being added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub existing: ContactId,
    pub reason: Reason,
}

/// The identifying fields of someone being added (typed, scanned, shared or imported).
#[derive(Clone, Copy, Debug)]
pub struct Person<'a> {
    pub id: &'a ContactId,
    pub name: &'a str,
    pub company: &'a str,
    pub email: Option<&'a Email>,
    pub linkedin: Option<&'a LinkedIn>,
}

impl<'a> From<&'a Contact> for Person<'a> {
    fn from(c: &'a Contact) -> Person<'a> {
        Person {
            id: &c.id,
            name: &c.name,
            company: &c.company,
            email: c.email.as_ref(),
            linkedin: c.linkedin.as_ref(),
        }
    }
}

impl<'a> From<&'a NewContact> for Person<'a> {
    fn from(c: &'a NewContact) -> Person<'a> {
        Person {
            id: &c.id,
            name: &c.name,
            company: &c.company,
            email: c.email.as_ref(),
            linkedin: c.linkedin.as_ref(),
        }
    }
}

/// The book's contacts by email, LinkedIn profile and name-and-company, built once and
/// asked many times (an import of thousands of rows asks once per row).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Known {
    /// Contact ids in the book's display order; the maps hold positions in it.
    ids: Vec<ContactId>,
    by_email: HashMap<String, Vec<usize>>,
    by_linkedin: HashMap<String, Vec<usize>>,
    by_name: HashMap<(String, String), Vec<usize>>,
}

impl Known {
    pub fn new(book: &Book) -> Known {
        let mut known = Known::default();
        for (at, c) in book.contacts().enumerate() {
            known.ids.push(c.id.clone());
            if let Some(email) = &c.email {
                known
                    .by_email
                    .entry(email.as_str().to_lowercase())
                    .or_default()
                    .push(at);
            }
            if let Some(profile) = &c.linkedin {
                known
                    .by_linkedin
                    .entry(profile.url().to_string())
                    .or_default()
                    .push(at);
            }
            if let Some(key) = name_key(&c.name, &c.company) {
                known.by_name.entry(key).or_default().push(at);
            }
        }
        known
    }

    /// Every known contact that may be `person`, strongest reason first, then in the
    /// book's display order. A contact is never a duplicate of itself.
    pub fn matches(&self, person: Person<'_>) -> Vec<Match> {
        let mut found: Vec<(Reason, usize)> = Vec::new();
        let mut add = |reason: Reason, positions: Option<&Vec<usize>>| {
            for &at in positions.into_iter().flatten() {
                if self.ids[at] != *person.id && !found.iter().any(|(_, p)| *p == at) {
                    found.push((reason, at));
                }
            }
        };
        if let Some(email) = person.email {
            add(
                Reason::Email,
                self.by_email.get(&email.as_str().to_lowercase()),
            );
        }
        if let Some(profile) = person.linkedin {
            add(Reason::LinkedIn, self.by_linkedin.get(profile.url()));
        }
        if let Some(key) = name_key(person.name, person.company) {
            add(Reason::NameAndCompany, self.by_name.get(&key));
        }
        found.sort();
        found
            .into_iter()
            .map(|(reason, at)| Match {
                existing: self.ids[at].clone(),
                reason,
            })
            .collect()
    }
}

/// Every contact in `book` that may be `person` (see `Known::matches`).
pub fn duplicates_of(book: &Book, person: Person<'_>) -> Vec<Match> {
    Known::new(book).matches(person)
}

/// The name and company compared, or `None` when either is blank.
pub(crate) fn name_key(name: &str, company: &str) -> Option<(String, String)> {
    let (name, company) = (normalise(name), normalise(company));
    (!name.is_empty() && !company.is_empty()).then_some((name, company))
}

/// Folded (lowercase, no accents) with runs of spaces and punctuation around words
/// collapsed, so "Ana  López." and "ana lopez" are equal.
pub(crate) fn normalise(text: &str) -> String {
    fold(text)
        .split(|c: char| c.is_whitespace() || ".,".contains(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::command::Command;

    fn person(name: &str, company: &str, email: &str, linkedin: &str) -> NewContact {
        NewContact {
            id: ContactId::new(format!("new-{name}")),
            name: name.into(),
            company: company.into(),
            email: Email::parse_optional(email).unwrap(),
            linkedin: LinkedIn::parse_optional(linkedin).unwrap(),
            ..NewContact::default()
        }
    }

    fn book() -> Book {
        let mut book = Book::default();
        for (id, fields) in [
            (
                "ana",
                person("Ana María López", "Stripe", "Ana@Stripe.com", ""),
            ),
            (
                "jose",
                person("José Ortega", "Datadog", "", "linkedin.com/in/jose-ortega"),
            ),
            ("sam", person("Sam Lee", "", "", "")),
        ] {
            book.apply(Command::AddContact(NewContact {
                id: ContactId::new(id),
                ..fields
            }))
            .unwrap();
        }
        book
    }

    #[test]
    fn people_are_matched_by_email_linkedin_or_name_and_company() {
        let book = book();
        let check = |incoming: NewContact, expected: &[(&str, Reason)]| {
            let found = duplicates_of(&book, Person::from(&incoming));
            let found: Vec<(&str, Reason)> = found
                .iter()
                .map(|m| (m.existing.as_str(), m.reason))
                .collect();
            assert_eq!(found, expected, "{incoming:?}");
        };
        // Email: case-insensitive.
        check(
            person("A. L.", "", "ana@stripe.com", ""),
            &[("ana", Reason::Email)],
        );
        check(
            person("x", "", "ANA@STRIPE.COM", ""),
            &[("ana", Reason::Email)],
        );
        // LinkedIn: every variant of one profile.
        for link in [
            "https://www.linkedin.com/in/jose-ortega",
            "https://www.linkedin.com/in/Jose-Ortega/?utm_source=share&utm_medium=android_app",
            "http://m.linkedin.com/in/jose-ortega",
            "https://es.linkedin.com/in/jose-ortega/details/experience/",
            "https://www.linkedin.com/mwlite/in/jose-ortega",
            "jose-ortega",
        ] {
            check(person("Pepe", "", "", link), &[("jose", Reason::LinkedIn)]);
        }
        // Name and company: accents, case and spacing ignored.
        check(
            person("jose ortega", "DATADOG", "", ""),
            &[("jose", Reason::NameAndCompany)],
        );
        check(
            person("  Ana  Maria LOPEZ ", "stripe.", "", ""),
            &[("ana", Reason::NameAndCompany)],
        );
        // Several reasons point at several contacts: strongest first.
        check(
            person("José Ortega", "Datadog", "ana@stripe.com", ""),
            &[("ana", Reason::Email), ("jose", Reason::NameAndCompany)],
        );
        // Not the same person.
        check(person("José Ortega", "Stripe", "", ""), &[]);
        check(person("Sam Lee", "", "", ""), &[]);
        check(person("Ana María López", "", "", ""), &[]);
        check(
            person("Ana", "", "ana@datadog.com", "linkedin.com/in/ana-lopez"),
            &[],
        );
        check(person("", "", "", ""), &[]);
    }

    #[test]
    fn a_contact_is_never_its_own_duplicate() {
        let book = book();
        let ana = book.contact(&ContactId::new("ana")).unwrap();
        assert_eq!(duplicates_of(&book, Person::from(ana)), vec![]);
        assert_eq!(
            Reason::NameAndCompany.describe(),
            "the same name and company"
        );
    }
}
