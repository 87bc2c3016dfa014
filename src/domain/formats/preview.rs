//! What an import would change, shown before anything changes: "3 new, 1 updated,
//! 2 possible duplicates, 1 row with errors". An accepted preview becomes one
//! `Command::Import`, applied by `Book::apply` at once or not at all.
//!
//! Possible duplicates (the same email, LinkedIn profile, or name and company as a contact
//! already in the book, under another id; see `duplicates`) are listed for the student and
//! never added unless the student chooses to.

use std::collections::HashMap;

use super::RowError;
use crate::domain::book::{Book, BookError};
use crate::domain::command::Command;
use crate::domain::contact::{Contact, ContactId};
use crate::domain::duplicates::name_key;
use crate::domain::email::Email;
use crate::domain::event::Event;
use crate::domain::import::Import;
use crate::domain::linkedin::LinkedIn;
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

/// The preview's lists as the student reads them, each cut to [`LISTED`] lines with a last
/// line saying how many more there are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PreviewLists {
    pub new: Vec<String>,
    pub updated: Vec<String>,
    pub duplicates: Vec<String>,
    pub errors: Vec<String>,
}

/// How many lines a list shows: enough to check a file, few enough that 5,000 new
/// contacts do not draw 5,000 rows.
pub const LISTED: usize = 100;

/// `lines` cut to [`LISTED`], with "… and N more" after the cut.
fn listed(lines: impl ExactSizeIterator<Item = String>) -> Vec<String> {
    let total = lines.len();
    let mut out: Vec<String> = lines.take(LISTED).collect();
    if total > LISTED {
        out.push(format!("… and {} more", total - LISTED));
    }
    out
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
    /// already in the book (the same email, LinkedIn profile, or name and company under another id).
    pub fn offer(&mut self, index: &BookIndex, contact: Contact) {
        match index.resembles(&contact) {
            Some((existing, reason)) => self.duplicates.push(Duplicate {
                incoming: contact,
                existing,
                reason,
            }),
            None => self.new.push(contact),
        }
    }

    /// The lists shown under the summary; names of contacts already in `book` are looked
    /// up once each, not searched for.
    pub fn lists(&self, book: &Book) -> PreviewLists {
        let names: HashMap<&ContactId, &str> = book
            .contacts_unordered()
            .map(|c| (&c.id, c.name.as_str()))
            .collect();
        let name_of = |id: &ContactId| {
            names
                .get(id)
                .map_or(id.as_str().to_string(), |n| n.to_string())
        };
        let marked = self.commands.iter().filter_map(|command| match command {
            Command::MarkDone { contact, step, .. } => Some(format!(
                "{} — {} marked done",
                name_of(contact),
                step.label()
            )),
            _ => None,
        });
        let updated: Vec<String> = self
            .updated
            .iter()
            .map(|c| c.name.clone())
            .chain(marked)
            .collect();
        PreviewLists {
            new: listed(self.new.iter().map(|c| c.name.clone())),
            updated: listed(updated.into_iter()),
            duplicates: listed(self.duplicates.iter().map(|d| {
                format!(
                    "{} — {} as {}; not imported",
                    d.incoming.name,
                    d.reason,
                    names.get(&d.existing).copied().unwrap_or_default()
                )
            })),
            errors: listed(self.errors.iter().map(|e| e.to_string())),
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

    /// Why applying would change nothing, in words that agree with the rest of the
    /// preview (never "already here" next to rows that could not be read); `None` when
    /// there is something to import.
    pub fn nothing_to_import(&self) -> Option<String> {
        if !self.is_empty() {
            return None;
        }
        let (errors, duplicates) = (self.errors.len(), self.duplicates.len());
        Some(match (errors, duplicates) {
            (0, 0) => "Nothing to import: everything in this file is already here.".into(),
            (_, 0) => format!(
                "Nothing to import: {} could not be used (see the errors above).",
                if errors == 1 {
                    "the one entry with an error"
                } else {
                    "the entries with errors"
                }
            ),
            (0, _) => "Nothing to import: every contact in this file looks like one already \
                       here (see the possible duplicates above)."
                .into(),
            _ => format!(
                "Nothing to import: {} could not be used and {} {} like {} already here \
                 (see above).",
                count(errors, "entry", "entries"),
                duplicates,
                if duplicates == 1 { "looks" } else { "look" },
                if duplicates == 1 {
                    "a contact"
                } else {
                    "contacts"
                },
            ),
        })
    }

    /// The import as one command for `Book::apply`: checked like typing, applied whole
    /// or not at all, touching only the contacts it adds or changes.
    pub fn command(&self) -> Command {
        Command::Import(Box::new(self.import()))
    }

    /// What the import changes, as the reducer takes it.
    pub fn import(&self) -> Import {
        Import {
            new: self.new.clone(),
            updated: self.updated.clone(),
            events: self.events.clone(),
            steps: self.commands.clone(),
            setup: self.setup.clone(),
        }
    }

    /// What the student reads once the import is applied; `stored` says whether the
    /// browser took the save.
    pub fn imported(&self, stored: bool) -> String {
        let (new, updated) = (self.new.len(), self.updated_count());
        let what = if new + updated == 1 {
            "1 contact"
        } else {
            "the contacts"
        };
        let done = format!(
            "Imported {what} from {}: {new} new, {updated} updated.",
            self.file
        );
        if stored {
            done
        } else {
            format!(
                "{done} But this browser refused to store them (see the message above): they \
                 are kept only while this page stays open. Export a backup now."
            )
        }
    }

    /// The message when the import needs `needed` more bytes of storage (the journal's
    /// copy included) and the browser has only `free`: said before anything changes, with
    /// the numbers.
    pub fn does_not_fit(&self, needed: usize, free: usize) -> String {
        let mb = |bytes: usize| format!("{:.1} MB", bytes as f64 / 1_000_000.0);
        format!(
            "{} needs about {} more in this browser's storage, and only {} is free (a save \
             keeps a copy of what it writes until it is complete). Nothing was imported. Export a backup first; deleting contacts you no longer \
             need, or kept copies of unreadable data, makes room.",
            self.file,
            mb(needed),
            mb(free)
        )
    }

    /// The book after the import. `book` itself is not changed; on error the caller keeps
    /// it, so an import is applied whole or not at all.
    pub fn apply(&self, book: &Book) -> Result<Book, BookError> {
        let mut next = book.clone();
        next.apply(self.command())?;
        Ok(next)
    }
}

/// The book's contacts in stored order (not the display order of `Book::contacts`).
pub(crate) fn stored_contacts(book: &Book) -> Vec<Contact> {
    book.contacts.clone()
}

/// The book's events in stored order.
pub(crate) fn stored_events(book: &Book) -> Vec<Event> {
    book.events.clone()
}

/// The book's contacts by id, LinkedIn profile, email address and name-and-company (see
/// `duplicates`), built once per import
/// so each incoming contact is looked up rather than compared with every contact in the
/// book (5,000 into 15,000 took 22.6 s to preview when every lookup scanned and sorted the
/// whole book).
pub struct BookIndex<'a> {
    by_id: HashMap<&'a ContactId, &'a Contact>,
    /// Contacts in display order (`Book::contacts`): among several matches the first wins.
    ordered: Vec<&'a ContactId>,
    linkedin: HashMap<&'a LinkedIn, usize>,
    email: HashMap<String, usize>,
    /// Normalised (name, company), as `duplicates` compares them.
    name: HashMap<(String, String), usize>,
}

impl<'a> BookIndex<'a> {
    pub fn new(book: &'a Book) -> BookIndex<'a> {
        let mut index = BookIndex {
            by_id: HashMap::with_capacity(book.contact_count()),
            ordered: Vec::with_capacity(book.contact_count()),
            linkedin: HashMap::new(),
            email: HashMap::new(),
            name: HashMap::new(),
        };
        for (position, c) in book.contacts().enumerate() {
            index.by_id.insert(&c.id, c);
            index.ordered.push(&c.id);
            if let Some(profile) = &c.linkedin {
                index.linkedin.entry(profile).or_insert(position);
            }
            if let Some(email) = &c.email {
                index.email.entry(email_key(email)).or_insert(position);
            }
            if let Some(key) = name_key(&c.name, &c.company) {
                index.name.entry(key).or_insert(position);
            }
        }
        index
    }

    /// The book's contact with this id.
    pub fn contact(&self, id: &ContactId) -> Option<&'a Contact> {
        self.by_id.get(id).copied()
    }

    /// The first contact (in display order) with the same LinkedIn profile as `incoming`.
    pub fn with_linkedin(&self, profile: &LinkedIn) -> Option<&'a Contact> {
        let position = *self.linkedin.get(profile)?;
        self.contact(self.ordered[position])
    }

    /// The contact in the book with the same email or LinkedIn profile as `incoming`: the
    /// first such contact in display order, the LinkedIn profile named when it matches.
    /// Failing those, the first with the same name and company.
    pub fn resembles(&self, incoming: &Contact) -> Option<(ContactId, &'static str)> {
        let by_profile = incoming
            .linkedin
            .as_ref()
            .and_then(|p| self.linkedin.get(p).copied());
        let by_email = incoming
            .email
            .as_ref()
            .and_then(|e| self.email.get(&email_key(e)).copied());
        let (position, reason) = match (by_profile, by_email) {
            (Some(p), Some(e)) if e < p => (e, "the same email address"),
            (Some(p), _) => (p, "the same LinkedIn profile"),
            (None, Some(e)) => (e, "the same email address"),
            (None, None) => {
                let key = name_key(&incoming.name, &incoming.company)?;
                (*self.name.get(&key)?, "the same name and company")
            }
        };
        Some((self.ordered[position].clone(), reason))
    }
}

fn email_key(email: &Email) -> String {
    email.to_string().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_are_cut_with_a_count_of_the_rest() {
        fn check(n: usize, expected_len: usize, last: &str) {
            let mut p = ImportPreview::new("f.json");
            p.new = (0..n)
                .map(|i| Contact {
                    name: format!("N{i}"),
                    ..Contact::default()
                })
                .collect();
            let lists = p.lists(&Book::default());
            assert_eq!(lists.new.len(), expected_len, "{n}");
            assert_eq!(
                lists.new.last().map(String::as_str).unwrap_or(""),
                last,
                "{n}"
            );
        }
        check(0, 0, "");
        check(3, 3, "N2");
        check(LISTED, LISTED, "N99");
        check(LISTED + 1, LISTED + 1, "… and 1 more");
        check(5000, LISTED + 1, "… and 4900 more");
    }

    #[test]
    fn the_import_message_agrees_with_the_save() {
        let mut p = ImportPreview::new("f.vcf");
        p.new = vec![Contact::default(); 2];
        assert_eq!(
            p.imported(true),
            "Imported the contacts from f.vcf: 2 new, 0 updated."
        );
        let refused = p.imported(false);
        assert!(refused.starts_with("Imported the contacts from f.vcf: 2 new, 0 updated. But"));
        assert!(refused.contains("refused to store them"), "{refused}");
        p.new.truncate(1);
        assert_eq!(
            p.imported(true),
            "Imported 1 contact from f.vcf: 1 new, 0 updated."
        );
    }

    #[test]
    fn an_import_that_does_not_fit_says_so_with_numbers() {
        let p = ImportPreview::new("big.json");
        assert_eq!(
            p.does_not_fit(3_456_000, 1_200_000),
            "big.json needs about 3.5 MB more in this browser's storage, and only 1.2 MB is \
             free (a save keeps a copy of what it writes until it is complete). Nothing was \
             imported. Export a backup first; deleting contacts you no \
             longer need, or kept copies of unreadable data, makes room."
        );
        assert!(p.does_not_fit(10, 0).contains("0.0 MB more"));
    }

    #[test]
    fn an_empty_preview_says_why_in_words_that_agree_with_it() {
        fn check(errors: usize, dups: usize, new: usize, expected: Option<&str>) {
            let mut p = ImportPreview::new("f.vcf");
            p.new = vec![Contact::default(); new];
            p.duplicates = vec![
                Duplicate {
                    incoming: Contact::default(),
                    existing: ContactId::new("x"),
                    reason: "the same email address"
                };
                dups
            ];
            p.errors = vec![RowError::new("f.vcf", "line", 1, "cut off"); errors];
            assert_eq!(
                p.nothing_to_import().as_deref(),
                expected,
                "{errors} {dups} {new}"
            );
        }
        check(0, 0, 1, None);
        check(3, 2, 1, None);
        check(
            0,
            0,
            0,
            Some("Nothing to import: everything in this file is already here."),
        );
        check(
            1,
            0,
            0,
            Some("Nothing to import: the one entry with an error could not be used (see the errors above)."),
        );
        check(
            2,
            0,
            0,
            Some("Nothing to import: the entries with errors could not be used (see the errors above)."),
        );
        check(
            0,
            2,
            0,
            Some("Nothing to import: every contact in this file looks like one already here (see the possible duplicates above)."),
        );
        check(
            1,
            1,
            0,
            Some("Nothing to import: 1 entry could not be used and 1 looks like a contact already here (see above)."),
        );
        check(
            2,
            3,
            0,
            Some("Nothing to import: 2 entries could not be used and 3 look like contacts already here (see above)."),
        );
    }

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
        let index = BookIndex::new(&book);
        let check = |name: &str, company: &str, email: &str, expected: Option<&str>| {
            let mut preview = ImportPreview::new("f.vcf");
            preview.offer(
                &index,
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
