//! What an import would change, shown before anything changes: "3 new, 1 updated,
//! 2 possible duplicates, 1 row with errors". Applying an accepted preview builds a new
//! `Book` in one go, so the shell swaps it in at once or not at all.
//!
//! Possible duplicates (the same email, LinkedIn profile, or name and company as a contact
//! already in the book, under another id; see `duplicates`) are listed for the student and
//! never added unless the student chooses to.

use serde_json::Value;

use super::RowError;
use crate::domain::book::{Book, BookError};
use crate::domain::command::Command;
use crate::domain::contact::{Contact, ContactId};
use crate::domain::duplicates::{Known, Person};
use crate::domain::event::Event;
use crate::domain::profile::Profile;
use crate::domain::settings::Settings;
use crate::domain::templates::Templates;

/// An incoming contact that looks like one already in the book.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    pub incoming: Contact,
    /// The contact already in the book it resembles.
    pub existing: ContactId,
    /// "the same email address", "the same LinkedIn profile" or "the same name and company".
    pub reason: &'static str,
}

/// The changes an import proposes. The shell may drop entries from `new` (the student
/// unticks them) before calling `apply`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPreview {
    /// The file the changes come from.
    pub file: String,
    /// Contacts to add, with their ids already chosen.
    pub new: Vec<Contact>,
    /// Contacts that replace the contact with the same id.
    pub updated: Vec<Contact>,
    /// Shown, not merged.
    pub duplicates: Vec<Duplicate>,
    /// Events to add (a backup's events that the book lacks).
    pub events: Vec<Event>,
    /// Step changes on contacts already in the book (a LinkedIn import marks "connect"
    /// done). Each counts as an update in the summary.
    pub commands: Vec<Command>,
    /// From a backup into an empty book: its profile, templates and settings.
    pub setup: Option<(Profile, Templates, Settings)>,
    pub errors: Vec<RowError>,
    /// The book's contacts, indexed on the first `offer`.
    known: Option<Box<Known>>,
    /// What the import does beyond adding and updating, in sentences shown with the
    /// summary (a LinkedIn import of old connections skips their first follow-ups).
    pub notes: Vec<String>,
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

impl ImportPreview {
    pub(crate) fn new(file: &str) -> ImportPreview {
        ImportPreview {
            file: file.to_string(),
            ..ImportPreview::default()
        }
    }

    /// Offers `contact` as new, or as a possible duplicate when it resembles a contact
    /// already in `book` (the same email or LinkedIn profile under another id).
    pub fn offer(&mut self, book: &Book, contact: Contact) {
        let known = self.known.get_or_insert_with(|| Box::new(Known::new(book)));
        match resembles(known, &contact) {
            Some((existing, reason)) => self.duplicates.push(Duplicate {
                incoming: contact,
                existing,
                reason,
            }),
            None => self.new.push(contact),
        }
    }

    /// How many contacts would change.
    pub fn updated_count(&self) -> usize {
        self.updated.len() + self.commands.len()
    }

    /// "Connections.csv: 3 new, 1 updated, 2 possible duplicates, 1 row with errors."
    pub fn summary(&self) -> String {
        format!(
            "{}: {} new, {} updated, {}, {}.",
            self.file,
            self.new.len(),
            self.updated_count(),
            count(
                self.duplicates.len(),
                "possible duplicate",
                "possible duplicates"
            ),
            count(self.errors.len(), "row with errors", "rows with errors"),
        )
    }

    /// Whether applying would change nothing.
    pub fn is_empty(&self) -> bool {
        self.new.is_empty()
            && self.updated.is_empty()
            && self.events.is_empty()
            && self.commands.is_empty()
            && self.setup.is_none()
    }

    /// The book after the import. `book` itself is not changed; on error the caller keeps
    /// it, so an import is applied whole or not at all.
    pub fn apply(&self, book: &Book) -> Result<Book, BookError> {
        let mut value = serde_json::to_value(book).expect("a book always serialises to JSON");
        let object = value
            .as_object_mut()
            .expect("a book serialises to an object");
        if let Some(Value::Array(contacts)) = object.get_mut("contacts") {
            for contact in &self.updated {
                let json = serde_json::to_value(contact).expect("a contact serialises");
                let slot = contacts
                    .iter_mut()
                    .find(|c| c.get("id").and_then(Value::as_str) == Some(contact.id.as_str()));
                match slot {
                    Some(slot) => *slot = json,
                    None => return Err(BookError::NoSuchContact(contact.id.clone())),
                }
            }
            for contact in &self.new {
                if contact.name.trim().is_empty() {
                    return Err(BookError::BlankName);
                }
                if contact.id.as_str().trim().is_empty() {
                    return Err(BookError::BlankId);
                }
                let taken = contacts
                    .iter()
                    .any(|c| c.get("id").and_then(Value::as_str) == Some(contact.id.as_str()));
                if taken {
                    return Err(BookError::DuplicateId(contact.id.clone()));
                }
                contacts.push(serde_json::to_value(contact).expect("a contact serialises"));
            }
        }
        if let Some(Value::Array(events)) = object.get_mut("events") {
            for event in &self.events {
                events.push(serde_json::to_value(event).expect("an event serialises"));
            }
        }
        if let Some((profile, templates, settings)) = &self.setup {
            object.insert(
                "profile".into(),
                serde_json::to_value(profile).expect("serialises"),
            );
            object.insert(
                "templates".into(),
                serde_json::to_value(templates).expect("serialises"),
            );
            object.insert(
                "settings".into(),
                serde_json::to_value(settings).expect("serialises"),
            );
        }
        let mut next: Book =
            serde_json::from_value(value).expect("a book's own JSON reads back as a book");
        for command in &self.commands {
            next.apply(command.clone())?;
        }
        Ok(next)
    }
}

/// The book's contacts in stored order (not the display order of `Book::contacts`).
pub(crate) fn stored_contacts(book: &Book) -> Vec<Contact> {
    let value = serde_json::to_value(book).expect("a book always serialises to JSON");
    serde_json::from_value(value["contacts"].clone()).unwrap_or_default()
}

/// The book's events in stored order.
pub(crate) fn stored_events(book: &Book) -> Vec<Event> {
    let value = serde_json::to_value(book).expect("a book always serialises to JSON");
    serde_json::from_value(value["events"].clone()).unwrap_or_default()
}

/// The contact among `known` that may be the same person as `incoming` (see `duplicates`).
fn resembles(known: &Known, incoming: &Contact) -> Option<(ContactId, &'static str)> {
    known
        .matches(Person::from(incoming))
        .into_iter()
        .next()
        .map(|m| (m.existing, m.reason.describe()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_count_in_words() {
        fn check(new: usize, dups: usize, errors: usize, expected: &str) {
            let mut p = ImportPreview::new("f.json");
            p.new = vec![Contact::default(); new];
            p.duplicates = vec![
                Duplicate {
                    incoming: Contact::default(),
                    existing: ContactId::new("x"),
                    reason: "the same email address"
                };
                dups
            ];
            p.errors = vec![RowError::new("f.json", "contact", 1, "x"); errors];
            assert_eq!(p.summary(), expected);
        }
        check(
            0,
            0,
            0,
            "f.json: 0 new, 0 updated, 0 possible duplicates, 0 rows with errors.",
        );
        check(
            3,
            1,
            1,
            "f.json: 3 new, 0 updated, 1 possible duplicate, 1 row with errors.",
        );
        check(
            1,
            2,
            2,
            "f.json: 1 new, 0 updated, 2 possible duplicates, 2 rows with errors.",
        );
    }

    #[test]
    fn offers_that_may_be_someone_in_the_book_are_held_back() {
        use crate::domain::contact::NewContact;
        use crate::domain::email::Email;
        let mut book = Book::default();
        book.apply(Command::AddContact(NewContact {
            id: ContactId::new("ana"),
            name: "Ana María López".into(),
            company: "Stripe".into(),
            email: Some(Email::parse("ana@stripe.com").unwrap()),
            ..NewContact::default()
        }))
        .unwrap();
        let check = |name: &str, company: &str, email: &str, expected: Option<&str>| {
            let mut preview = ImportPreview::new("f.vcf");
            preview.offer(
                &book,
                Contact {
                    id: ContactId::new("new"),
                    name: name.into(),
                    company: company.into(),
                    email: Email::parse_optional(email).unwrap(),
                    ..Contact::default()
                },
            );
            let reason = preview.duplicates.first().map(|d| d.reason);
            assert_eq!(reason, expected, "{name:?} {company:?} {email:?}");
            assert_eq!(preview.new.len(), usize::from(expected.is_none()));
        };
        check(
            "Ana M.",
            "",
            "ANA@stripe.com",
            Some("the same email address"),
        );
        check(
            "ana maria lopez",
            "STRIPE",
            "",
            Some("the same name and company"),
        );
        check("Ana María López", "Google", "", None);
        check("Sam Lee", "Stripe", "", None);
    }
}
