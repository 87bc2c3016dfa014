//! The contacts list: one `Entry` per contact (its row as drawn, plus what searching,
//! filtering and sorting need), computed once per change of the book or of today; a
//! `Filter` then picks and orders entries on every keystroke without recomputing them.

use crate::domain::playbook::next_step;
use crate::domain::search::{fold, Query};
use crate::domain::{dates, Book, Contact, Kind, Status};
use chrono::NaiveDate;

/// How the list is ordered.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum SortBy {
    #[default]
    NextDue,
    Name,
    MetOn,
}

impl SortBy {
    pub const ALL: [SortBy; 3] = [SortBy::NextDue, SortBy::Name, SortBy::MetOn];

    /// The `<option>` value.
    pub fn value(self) -> &'static str {
        match self {
            SortBy::NextDue => "due",
            SortBy::Name => "name",
            SortBy::MetOn => "met",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortBy::NextDue => "Next due",
            SortBy::Name => "Name",
            SortBy::MetOn => "Date met (newest)",
        }
    }

    /// The order an `<option>` value names; anything else is the default.
    pub fn from_value(value: &str) -> SortBy {
        SortBy::ALL
            .into_iter()
            .find(|s| s.value() == value)
            .unwrap_or_default()
    }
}

/// One line of the list, as shown. Keyed by its whole value, so an edit redraws the line.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Row {
    pub id: String,
    pub name: String,
    /// "Company · Title", either part may be missing.
    pub subtitle: String,
    pub kind: Kind,
    pub really_want: bool,
    /// The next step's label, its status in words and its tone class.
    pub next: Option<(&'static str, String, &'static str)>,
}

/// A row plus what searching, filtering and sorting need.
#[derive(Clone, PartialEq, Debug)]
pub struct Entry {
    pub row: Row,
    /// Every searchable field, folded (lower case, no accents), one per line.
    haystack: String,
    event: Option<String>,
    sort_name: String,
    pub needs_action: bool,
    /// Most urgent first: overdue, due today, upcoming, nothing left.
    urgency: (u8, NaiveDate),
}

impl Entry {
    pub fn new(book: &Book, contact: &Contact, today: NaiveDate) -> Entry {
        let next = next_step(contact, book.settings().default_cadence_days, today);
        let subtitle = [contact.company.as_str(), contact.title.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let event_name = book.event_of(contact).map(|e| e.name.as_str());
        let haystack = fold(
            &[
                contact.name.as_str(),
                contact.company.as_str(),
                contact.title.as_str(),
                contact.hook.as_str(),
                contact.role.as_str(),
                contact.notes.as_str(),
                &contact.tags.join(" "),
                event_name.unwrap_or(""),
            ]
            .join("\n"),
        );
        let urgency = match next.map(|v| (v.status, v.window)) {
            Some((Status::Overdue(_), w)) => (0, w.closes),
            Some((Status::DueToday, w)) => (1, w.closes),
            Some((_, w)) => (2, w.opens),
            None => (3, NaiveDate::MAX),
        };
        Entry {
            row: Row {
                id: contact.id.to_string(),
                name: contact.name.clone(),
                subtitle,
                kind: contact.kind,
                really_want: contact.really_want,
                next: next.map(|v| {
                    (
                        // The wording of the agenda and the timeline: "Find a way to
                        // reach them" without a channel, the follow-up as a LinkedIn
                        // message without an email address.
                        v.label(),
                        dates::status_text(v.status, today),
                        tone(v.status),
                    )
                }),
            },
            haystack,
            event: contact.event.as_ref().map(|e| e.to_string()),
            sort_name: fold(&contact.name),
            needs_action: next.is_some_and(|v| v.status.needs_action()),
            urgency,
        }
    }
}

/// The entries of a book, in the book's order (newest meeting first).
pub fn entries(book: &Book, today: NaiveDate) -> Vec<Entry> {
    book.contacts()
        .map(|c| Entry::new(book, c, today))
        .collect()
}

/// The CSS tone of a step's status, shared with the contact page's timeline.
pub fn tone(status: Status) -> &'static str {
    match status {
        Status::Overdue(_) => "overdue",
        Status::DueToday => "today",
        Status::Upcoming(_) => "upcoming",
        Status::Done(_) => "done",
        Status::Skipped(_) => "skipped",
    }
}

/// What the student chose to see: the search box, the chips and the selects.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub search: String,
    /// An event id known to the book (an unknown one is `None`: it filters nothing).
    pub event: Option<String>,
    pub kind: Option<Kind>,
    pub needs_action: bool,
    pub sort: SortBy,
}

impl Filter {
    /// Whether anything narrows the list (the sort order does not).
    pub fn is_filtering(&self) -> bool {
        !self.search.trim().is_empty()
            || self.event.is_some()
            || self.kind.is_some()
            || self.needs_action
    }

    /// Positions in `all` of the entries that match, in the chosen order. Positions, not
    /// copies: only the visible page is cloned for the view.
    pub fn select(&self, all: &[Entry]) -> Vec<usize> {
        let query = Query::new(&self.search);
        let mut hits: Vec<usize> = all
            .iter()
            .enumerate()
            .filter(|(_, e)| self.event.is_none() || e.event == self.event)
            .filter(|(_, e)| self.kind.is_none_or(|k| e.row.kind == k))
            .filter(|(_, e)| !self.needs_action || e.needs_action)
            .filter(|(_, e)| query.matches(&e.haystack))
            .map(|(i, _)| i)
            .collect();
        match self.sort {
            // The book lists the newest meeting first already; sorts are stable.
            SortBy::MetOn => {}
            SortBy::Name => hits.sort_by(|&a, &b| all[a].sort_name.cmp(&all[b].sort_name)),
            SortBy::NextDue => hits.sort_by_key(|&i| all[i].urgency),
        }
        hits
    }
}

impl Filter {
    /// Whether every entry this filter matches is matched by `wider` too: the same choices,
    /// and a search that only adds to `wider`'s (typing on). Each word of `wider`'s search
    /// is then part of a word of this one, so a haystack that holds this one's words holds
    /// `wider`'s.
    pub fn narrows(&self, wider: &Filter) -> bool {
        self.event == wider.event
            && self.kind == wider.kind
            && self.needs_action == wider.needs_action
            && self.sort == wider.sort
            && fold(&self.search).starts_with(&fold(&wider.search))
    }
}

/// A filter's matches, kept so that the next keystroke can narrow them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Which computation of the entries the positions are in (the page counts them).
    pub entries: u64,
    pub filter: Filter,
    /// Positions in the entries, in the chosen order ([`Filter::select`]).
    pub hits: Vec<usize>,
}

/// [`Filter::select`] of `filter` in `all` (computation number `entries`). When `previous`
/// was selected from the same entries by a filter this one narrows, only its hits are
/// searched again, in their order: typing one more letter looks at the contacts that
/// matched before, not at the whole book.
pub fn select(
    filter: Filter,
    all: &[Entry],
    entries: u64,
    previous: Option<&Selection>,
) -> Selection {
    let hits = match previous {
        Some(before) if before.entries == entries && filter.narrows(&before.filter) => {
            let query = Query::new(&filter.search);
            before
                .hits
                .iter()
                .copied()
                .filter(|&i| all.get(i).is_some_and(|e| query.matches(&e.haystack)))
                .collect()
        }
        _ => filter.select(all),
    };
    Selection {
        entries,
        filter,
        hits,
    }
}

/// The line above the list: "3 contacts", "1 contact", or "2 of 3 match" while filtering.
pub fn count_text(total: usize, matches: usize, filtering: bool) -> String {
    if filtering {
        format!("{matches} of {total} match")
    } else if total == 1 {
        "1 contact".to_string()
    } else {
        format!("{total} contacts")
    }
}

#[cfg(test)]
#[path = "contacts_tests.rs"]
mod tests;
