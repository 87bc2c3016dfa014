//! The number on the app icon: how many people have a follow-up due today or overdue.
//!
//! People, not steps: a contact with an overdue email and a due LinkedIn note counts once.
//! Pure; the shell (`badge.rs` at the crate root) sets or clears the icon's badge.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::agenda::agenda;
use super::book::Book;

/// What the icon should show on `today`: `None` to clear it (nothing due, or the student
/// turned the badge off), else the number of people.
pub fn badge_count(book: &Book, today: NaiveDate) -> Option<usize> {
    if book.settings().badge_off {
        return None;
    }
    let agenda = agenda(book, today);
    let people: HashSet<_> = agenda
        .overdue
        .iter()
        .chain(&agenda.today)
        .map(|entry| &entry.contact)
        .collect();
    (!people.is_empty()).then_some(people.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::command::Command;
    use crate::domain::contact::{ContactId, NewContact};

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn book(met: &[&str]) -> Book {
        let mut book = Book::default();
        for (i, on) in met.iter().enumerate() {
            book.apply(Command::AddContact(NewContact {
                id: ContactId::new(format!("c{i}")),
                name: format!("Person {i}"),
                met_on: d(on),
                ..NewContact::default()
            }))
            .unwrap();
        }
        book
    }

    #[test]
    fn the_badge_counts_people_with_something_due_or_overdue() {
        let check = |met: &[&str], today: &str, expected: Option<usize>| {
            assert_eq!(
                badge_count(&book(met), d(today)),
                expected,
                "{met:?} on {today}"
            );
        };
        check(&[], "2026-03-10", None);
        // Met today: the LinkedIn note is due today.
        check(&["2026-03-10"], "2026-03-10", Some(1));
        // Met a week ago: the note and the email are overdue; still one person.
        check(&["2026-03-03"], "2026-03-10", Some(1));
        check(
            &["2026-03-03", "2026-03-10", "2026-03-09"],
            "2026-03-10",
            Some(3),
        );
        // Met in the future: nothing due yet.
        check(&["2026-04-01"], "2026-03-10", None);
    }

    #[test]
    fn a_badge_turned_off_is_cleared() {
        let mut book = book(&["2026-03-10"]);
        book.apply(Command::SetBadge(false)).unwrap();
        assert_eq!(badge_count(&book, d("2026-03-10")), None);
        book.apply(Command::SetBadge(true)).unwrap();
        assert_eq!(badge_count(&book, d("2026-03-10")), Some(1));
    }
}
