//! The field table's property test: every field of `ContactField::ALL`, given random values
//! (unicode, commas, quotes, line breaks), survives each path a contact takes. It walks the
//! table, so a new field is covered without a line here; only a new value type needs a
//! `Sample`.

use chrono::NaiveDate;

use super::*;
use crate::domain::book::Book;
use crate::domain::command::Command;
use crate::domain::contact::ContactId;
use crate::domain::event::{Event, EventKind};
use crate::domain::field_merge::merge_fields;
use crate::domain::formats::backup::{export_backup, preview_backup_import};
use crate::domain::formats::csv::{cell, columns, export_csv, field_columns, unescape_cell};
use crate::domain::formats::vcard::{export_vcard, import_vcard};
use crate::domain::merge::{merged, Choices};

/// A small deterministic generator (SplitMix64): the same seed gives the same run.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())]
    }

    /// `len` characters from `alphabet`.
    fn word(&mut self, alphabet: &[char], len: usize) -> String {
        (0..len).map(|_| self.pick(alphabet)).collect()
    }
}

/// Letters, accents, CJK, emoji, and what the formats must escape or quote.
const TEXT: &[char] = &[
    'a', 'b', 'z', 'Q', ' ', 'é', 'ñ', 'ß', '日', '本', '👋', ',', ';', ':', '"', '\'', '\\', '\n',
    '=', '+', '-', '@', '/', '(', ')', '0', '7',
];
const LOWER: &[char] = &['a', 'b', 'c', 'k', 'm', 'x', 'z', '0', '9'];

/// A random value of a field's type, as the book stores it (text trimmed, tags clean).
pub(crate) trait Sample {
    fn sample(rng: &mut Rng) -> Self;
}

impl Sample for String {
    /// Never blank (a name must not be), so it begins with a character that is not a space.
    fn sample(rng: &mut Rng) -> String {
        let first = rng.pick(TEXT);
        let first = if first.is_whitespace() { 'é' } else { first };
        let len = rng.below(16);
        format!("{first}{}", rng.word(TEXT, len)).trim().to_string()
    }
}

impl Sample for Kind {
    fn sample(rng: &mut Rng) -> Kind {
        rng.pick(&Kind::ALL)
    }
}

impl Sample for Option<Email> {
    fn sample(rng: &mut Rng) -> Option<Email> {
        let len = 1 + rng.below(8);
        let (user, host) = (rng.word(LOWER, len), rng.word(LOWER, 3));
        Email::parse(&format!("{user}@{host}.example")).ok()
    }
}

impl Sample for Option<LinkedIn> {
    fn sample(rng: &mut Rng) -> Option<LinkedIn> {
        let len = 2 + rng.below(10);
        let slug = format!("p-{}", rng.word(LOWER, len));
        LinkedIn::parse(&slug).ok()
    }
}

impl Sample for Option<EventId> {
    fn sample(rng: &mut Rng) -> Option<EventId> {
        Some(EventId::new(rng.pick(&["e1", "e2"])))
    }
}

impl Sample for NaiveDate {
    fn sample(rng: &mut Rng) -> NaiveDate {
        let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
        start + chrono::Days::new(rng.below(4000) as u64)
    }
}

impl Sample for bool {
    fn sample(rng: &mut Rng) -> bool {
        rng.coin()
    }
}

impl Sample for Vec<String> {
    /// Tags never hold their separators (the form splits on ",", the CSV on "; ").
    fn sample(rng: &mut Rng) -> Vec<String> {
        let alphabet: Vec<char> = TEXT
            .iter()
            .copied()
            .filter(|c| !matches!(c, ',' | ';' | '\n'))
            .collect();
        let mut tags: Vec<String> = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let len = rng.below(8);
            let tag = format!("t{}", rng.word(&alphabet, len)).trim().to_string();
            if !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
        tags
    }
}

impl Sample for Option<u32> {
    fn sample(rng: &mut Rng) -> Option<u32> {
        Some(1 + rng.below(3650) as u32)
    }
}

/// Every field of the table with a random value.
pub(crate) fn sample_fields(rng: &mut Rng, id: &str) -> NewContact {
    let mut fields = NewContact {
        id: ContactId::new(id),
        ..NewContact::default()
    };
    for field in ContactField::ALL {
        field.sample(&mut fields, rng);
    }
    fields.pronouns = fields
        .pronouns
        .chars()
        .take(check::PRONOUNS_MAX)
        .collect::<String>()
        .trim()
        .to_string();
    fields
}

fn book_with(contacts: &[&NewContact]) -> Book {
    let mut book = Book::default();
    for (id, name) in [("e1", "Fall, \"Big\" Fair"), ("e2", "Meetup 日本")] {
        book.apply(Command::SaveEvent(Event {
            id: EventId::new(id),
            name: name.into(),
            kind: EventKind::Meetup,
            date: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            ends: None,
            place: String::new(),
            prep: Default::default(),
        }))
        .unwrap();
    }
    for fields in contacts {
        book.apply(Command::AddContact((*fields).clone())).unwrap();
    }
    book
}

/// Asserts that `field` holds the same value in `got` as in `want`.
fn same(path: &str, round: usize, field: ContactField, got: &NewContact, want: &NewContact) {
    assert!(
        field.same(got, want),
        "{path}, run {round}: {} was {:?}, expected {:?}",
        field.slug(),
        field.text(got),
        field.text(want)
    );
}

const RUNS: usize = 300;

#[test]
fn every_field_survives_every_path() {
    let mut rng = Rng::new(0x5eed_f1e1d);
    for round in 0..RUNS {
        let a = sample_fields(&mut rng, "a");
        let b = sample_fields(&mut rng, "b");
        edit(round, &a, &b);
        form(round, &a);
        contact_merge(round, &mut rng, &a, &b);
        two_tabs(round, &mut rng, &a, &b);
        backup(round, &a);
        csv(round, &a);
        vcard(round, &a);
    }
}

/// Adding `a` and then editing it to `b` keeps every field of each.
fn edit(round: usize, a: &NewContact, b: &NewContact) {
    let mut book = book_with(&[a]);
    let stored = book.contact(&a.id).unwrap().fields();
    for field in ContactField::ALL {
        same("add", round, field, &stored, a);
    }
    let b = NewContact {
        id: a.id.clone(),
        ..b.clone()
    };
    book.apply(Command::UpdateContact(b.clone())).unwrap();
    let edited = book.contact(&a.id).unwrap().fields();
    for field in ContactField::ALL {
        same("edit", round, field, &edited, &b);
    }
}

/// The form shows each field and reads it back unchanged.
fn form(round: usize, a: &NewContact) {
    let mut typed = NewContact {
        id: a.id.clone(),
        updated_at: a.updated_at,
        ..NewContact::default()
    };
    for field in ContactField::ALL {
        field.read(&mut typed, &field.text(a)).unwrap();
        same("form", round, field, &typed, a);
    }
}

/// In a merge of two contacts, each field comes from the side chosen (or the side that
/// has it); joined fields hold both.
fn contact_merge(round: usize, rng: &mut Rng, a: &NewContact, b: &NewContact) {
    let book = book_with(&[a, b]);
    let (kept, other) = (book.contact(&a.id).unwrap(), book.contact(&b.id).unwrap());
    let mut choices = Choices::default();
    for field in ContactField::ALL {
        choices.set(field, rng.coin());
    }
    let out = merged(&book, kept, other, &choices, 9).fields();
    let chose =
        |field: ContactField| field.is_set(b) && (choices.takes_other(field) || !field.is_set(a));
    for field in ContactField::ALL {
        let path = "contact merge";
        match field.merge() {
            Merge::Choose if chose(field) => same(path, round, field, &out, b),
            Merge::Choose => same(path, round, field, &out, a),
            Merge::With(leader) if chose(leader) => same(path, round, field, &out, b),
            Merge::With(_) => same(path, round, field, &out, a),
            Merge::Join => {
                // What each side had is there.
                let mut both = a.clone();
                field.join(b, &mut both);
                same(path, round, field, &out, &both);
            }
        }
    }
}

/// One tab edits some fields, another the rest: the merge keeps both tabs' edits.
fn two_tabs(round: usize, rng: &mut Rng, a: &NewContact, b: &NewContact) {
    let base = a.clone();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let mine: Vec<bool> = ContactField::ALL.iter().map(|_| rng.coin()).collect();
    for (field, here) in ContactField::ALL.into_iter().zip(&mine) {
        field.copy(b, if *here { &mut ours } else { &mut theirs });
    }
    let merged = merge_fields(&base, &ours, &theirs);
    assert_eq!(merged.conflicts, vec![], "two tabs, run {round}");
    for field in ContactField::ALL {
        same("two tabs", round, field, &merged.fields, b);
    }
}

/// A backup read into an empty book gives every field back.
fn backup(round: usize, a: &NewContact) {
    let book = book_with(&[a]);
    let preview =
        preview_backup_import(&Book::default(), export_backup(&book).as_bytes(), "b.json").unwrap();
    let restored = preview.apply(&Book::default()).unwrap();
    let got = restored.contact(&a.id).unwrap().fields();
    for field in ContactField::ALL {
        same("backup", round, field, &got, a);
    }
}

/// Each field with a column reads back from its cell.
fn csv(round: usize, a: &NewContact) {
    let book = book_with(&[a]);
    let text = export_csv(&book);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows[0], columns(), "csv header, run {round}");
    for field in ContactField::ALL {
        let Some(column) = field.csv() else {
            continue;
        };
        let i = rows[0].iter().position(|c| c == column);
        let Some(i) = i else {
            panic!("csv, run {round}: no column {column}");
        };
        let written = unescape_cell(&rows[1][i]);
        assert_eq!(written, cell(&book, field, a), "csv, run {round}: {column}");
        let mut got = a.clone();
        match field {
            // The event is written by its name, tags with "; ".
            ContactField::Event => {
                let name = book.event(a.event.as_ref().unwrap()).unwrap().name.clone();
                assert_eq!(written, name, "csv, run {round}: {column}");
                continue;
            }
            ContactField::Tags => got.tags = written.split("; ").map(String::from).collect(),
            _ => field.read(&mut got, written).unwrap(),
        }
        same("csv", round, field, &got, a);
    }
}

/// Each field a vCard holds (`Vcard::Text` and `Vcard::Own`) reads back from the card.
fn vcard(round: usize, a: &NewContact) {
    let book = book_with(&[a]);
    let text = export_vcard(book.contacts(), &book);
    let (cards, errors) =
        import_vcard(text.as_bytes(), "c.vcf", || "n".into(), a.met_on, 1).unwrap();
    assert_eq!(errors, vec![], "vcard, run {round}:\n{text}");
    for field in ContactField::ALL {
        if let Vcard::Text(_) | Vcard::Own(_) = field.vcard() {
            same("vcard", round, field, &cards[0], a);
        }
    }
}

#[test]
fn slugs_and_columns_are_unique_and_all_is_indexed_by_the_field() {
    for (i, field) in ContactField::ALL.into_iter().enumerate() {
        assert_eq!(field as usize, i, "{}", field.slug());
    }
    let mut slugs: Vec<&str> = ContactField::ALL.iter().map(|f| f.slug()).collect();
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), ContactField::ALL.len());
    let mut columns = columns();
    columns.sort();
    columns.dedup();
    assert_eq!(columns.len(), field_columns().count() + 12);
}

#[test]
fn a_vcard_property_maps_to_its_plain_text_field() {
    let check = |property: &str, field: Option<ContactField>| {
        assert_eq!(ContactField::from_vcard(property), field, "{property}");
    };
    check("TITLE", Some(ContactField::Title));
    check("PRONOUNS", Some(ContactField::Pronouns));
    check("X-PRONOUNS", Some(ContactField::Pronouns));
    check("ORG", None);
    check("NOTE", None);
    check("X-SOCIALPROFILE", None);
}
