//! vCard: export to 3.0 (RFC 2426; Android's stock contacts app rejects 4.0), import from
//! the 2.1, 3.0 and 4.0 files phones write (RFC 6350; 2.1 is what Android exports, with
//! quoted-printable UTF-8 for any name that is not plain ASCII).
//!
//! Export writes N, FN, ORG, then each plain text field of the table (`Vcard::Text`: TITLE,
//! PRONOUNS), EMAIL, TEL, URL and `X-SOCIALPROFILE;type=linkedin:` for the LinkedIn
//! profile, CATEGORIES for tags, and a NOTE saying where and when you met and what you
//! talked about, followed by your notes. Lines are folded at 75 octets. Pronouns use
//! RFC 9554's `PRONOUNS`, the name in the IANA vCard registry; import also reads
//! `X-PRONOUNS` (any `Vcard::Text` property with an `X-` prefix).
//!
//! Import reads several cards per file, folded lines, escaped characters, `item1.` group
//! prefixes and TYPE parameters. The name comes from FN, else from N. The LinkedIn profile
//! comes from `X-SOCIALPROFILE`/`SOCIALPROFILE` or a URL on linkedin.com. An email address
//! or LinkedIn link that does not validate is a `RowError` on its line and the card is
//! still imported without that field (a phone number alone is worth keeping). A card with
//! no name, or cut off before `END:VCARD`, is skipped with a `RowError`.
//!
//! Values are decoded by `vcard_decode` (quoted-printable, base64, `CHARSET`). A field that
//! cannot be decoded faithfully is left out with a `RowError` on its line naming what was
//! wrong; a card whose name cannot be decoded is skipped. Garbled text is never imported.
//! Unencoded text outside a declared 8-bit charset must be UTF-8, or the whole file is
//! refused (`FormatError::NotUtf8`, with the line). Among several emails or phone numbers
//! the one marked preferred (`PREF`, `TYPE=pref`, `PREF=1`) wins, else the first.
//!
//! Ids, the meeting date and the edit time are arguments; nothing here reads the clock.

use chrono::NaiveDate;

use super::content_line::{components, escape, fold, unescape, Property};
use super::vcard_decode::{decode_value, plain_utf8_is_broken, split_property, unfold_bytes};
use super::{checked_bytes, FormatError, RowError};
use crate::domain::book::Book;
use crate::domain::contact::{Contact, ContactId, NewContact};
use crate::domain::contact_field::{ContactField, Vcard};
use crate::domain::dates::long;
use crate::domain::email::Email;
use crate::domain::linkedin::LinkedIn;

/// The `.vcf` text for `contacts` (all of them, or the one being shared).
pub fn export_vcard<'a>(contacts: impl IntoIterator<Item = &'a Contact>, book: &Book) -> String {
    let mut out = String::new();
    for c in contacts {
        let mut line = |text: String| fold(&text, &mut out);
        line("BEGIN:VCARD".into());
        line("VERSION:3.0".into());
        line(format!(
            "N:{};{};;;",
            escape(&c.last_name()),
            escape(c.first_name())
        ));
        line(format!("FN:{}", escape(&c.name)));
        if !c.company.is_empty() {
            line(format!("ORG:{}", escape(&c.company)));
        }
        let fields = c.fields();
        for field in ContactField::ALL {
            if let (Vcard::Text(property), true) = (field.vcard(), field.is_set(&fields)) {
                line(format!("{property}:{}", escape(&field.text(&fields))));
            }
        }
        if let Some(email) = &c.email {
            line(format!("EMAIL;TYPE=INTERNET:{}", escape(email.as_str())));
        }
        if !c.phone.is_empty() {
            line(format!("TEL;TYPE=CELL:{}", escape(&c.phone)));
        }
        if let Some(profile) = &c.linkedin {
            line(format!("URL:{}", profile.url()));
            line(format!("X-SOCIALPROFILE;type=linkedin:{}", profile.url()));
        }
        if !c.tags.is_empty() {
            let tags: Vec<String> = c.tags.iter().map(|t| escape(t)).collect();
            line(format!("CATEGORIES:{}", tags.join(",")));
        }
        line(format!("NOTE:{}", escape(&note(c, book))));
        line("END:VCARD".into());
    }
    out
}

/// The student's own card: a vCard 3.0 with name, school, email, LinkedIn profile and
/// resume link (each only when given), unfolded so a QR code stays as small as possible.
pub fn own_card(
    name: &str,
    school: &str,
    email: &str,
    linkedin: Option<&LinkedIn>,
    resume: &str,
) -> String {
    let mut out = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\n");
    let first = name.split_whitespace().next().unwrap_or("");
    let last = name
        .split_whitespace()
        .skip(1)
        .collect::<Vec<_>>()
        .join(" ");
    let mut line = |text: String| {
        out.push_str(&text);
        out.push_str("\r\n");
    };
    line(format!("N:{};{};;;", escape(&last), escape(first)));
    line(format!("FN:{}", escape(name.trim())));
    if !school.trim().is_empty() {
        line(format!("ORG:{}", escape(school.trim())));
    }
    if !email.trim().is_empty() {
        line(format!("EMAIL;TYPE=INTERNET:{}", escape(email.trim())));
    }
    if let Some(profile) = linkedin {
        line(format!("X-SOCIALPROFILE;TYPE=linkedin:{}", profile.url()));
        line(format!("URL:{}", profile.url()));
    }
    if !resume.trim().is_empty() {
        line(format!("URL;TYPE=resume:{}", resume.trim()));
    }
    line("END:VCARD".into());
    out
}

/// "Met at Fall Career Fair on 12 Nov 2026. Talked about: …" and the notes.
pub(crate) fn met_note(c: &Contact, book: &Book) -> String {
    let mut text = match book.event_of(c) {
        Some(event) => format!("Met at {} on {}.", event.name, long(c.met_on)),
        None => format!("Met on {}.", long(c.met_on)),
    };
    if !c.hook.is_empty() {
        text.push_str(&format!(" Talked about: {}", c.hook));
    }
    text
}

fn note(c: &Contact, book: &Book) -> String {
    let mut text = met_note(c, book);
    if !c.notes.is_empty() {
        text.push_str("\n\n");
        text.push_str(&c.notes);
    }
    text
}

/// Reads a `.vcf` file into contacts to add. `new_id` is called once per imported card;
/// `met_on` and `at` (milliseconds since the Unix epoch) fill `met_on` and `updated_at`.
pub fn import_vcard(
    bytes: &[u8],
    file_name: &str,
    mut new_id: impl FnMut() -> String,
    met_on: NaiveDate,
    at: i64,
) -> Result<(Vec<NewContact>, Vec<RowError>), FormatError> {
    let bytes = checked_bytes(bytes, file_name)?;
    let lines = unfold_bytes(bytes);
    let is_begin = |l: &[u8]| l.trim_ascii().eq_ignore_ascii_case(b"BEGIN:VCARD");
    if !lines.iter().any(|l| is_begin(&l.bytes)) {
        return Err(FormatError::WrongFormat {
            file: file_name.to_string(),
            expected: "a contacts file (vCard)",
            detail: "it has no BEGIN:VCARD line".into(),
        });
    }
    if let Some(line) = lines.iter().find(|l| match split_property(&l.bytes) {
        Some((p, raw)) => plain_utf8_is_broken(&p, raw),
        None => std::str::from_utf8(&l.bytes).is_err(),
    }) {
        return Err(FormatError::NotUtf8 {
            file: file_name.to_string(),
            line: line.line,
        });
    }
    let mut contacts = Vec::new();
    let mut errors = Vec::new();
    let error = |line: usize, message: String| RowError::new(file_name, "line", line, message);
    let mut card: Option<Card> = None;
    for l in &lines {
        if is_begin(&l.bytes) {
            if let Some(open) = card.take() {
                errors.push(error(open.line, cut_off()));
            }
            card = Some(Card::new(l.line));
            continue;
        }
        let Some(open) = card.as_mut() else {
            continue;
        };
        if l.bytes.trim_ascii().eq_ignore_ascii_case(b"END:VCARD") {
            let done = card.take().expect("a card is open");
            let name = done.name();
            if name.is_empty() {
                errors.push(match done.name_error {
                    Some((line, why)) => error(
                        line,
                        format!("this card's name could not be read ({why}), so it was skipped."),
                    ),
                    None => error(
                        done.line,
                        "this card has no name, so it was skipped.".into(),
                    ),
                });
                continue;
            }
            errors.extend(done.errors.into_iter().map(|(line, m)| error(line, m)));
            // Every field the card gave is in `done.fields`; these come from the import.
            let mut fields = done.fields;
            fields.id = ContactId::new(new_id());
            fields.name = name;
            fields.met_on = met_on;
            fields.updated_at = at;
            contacts.push(fields);
            continue;
        }
        open.read(l.line, &l.bytes);
    }
    if let Some(open) = card {
        errors.push(error(open.line, cut_off()));
    }
    Ok((contacts, errors))
}

fn cut_off() -> String {
    "this card is cut off (it has no END:VCARD line), so it was skipped. \
     Export the contacts again."
        .into()
}

/// A card being read.
#[derive(Default)]
struct Card {
    line: usize,
    full_name: String,
    structured_name: String,
    /// What the card gives, field by field (the name is decided at its end).
    fields: NewContact,
    /// Whether the email came from a value marked preferred.
    email_preferred: bool,
    phone_preferred: bool,
    errors: Vec<(usize, String)>,
    /// The first FN or N that could not be decoded, reported only if no name was read.
    name_error: Option<(usize, String)>,
}

/// The properties read by hand; those of `Vcard::Text` fields are read too, others are
/// never decoded.
const READ: [&str; 10] = [
    "FN",
    "N",
    "ORG",
    "EMAIL",
    "TEL",
    "X-SOCIALPROFILE",
    "SOCIALPROFILE",
    "URL",
    "NOTE",
    "CATEGORIES",
];

/// Whether a card's fields come from `property`.
fn is_read(property: &str) -> bool {
    READ.contains(&property) || ContactField::from_vcard(property).is_some()
}

/// Whether a property is marked as the preferred one of its kind (2.1 `PREF`, 3.0
/// `TYPE=pref`, 4.0 `PREF=1`).
fn preferred(p: &Property) -> bool {
    p.has_type("pref") || p.params.iter().any(|(name, _)| name == "PREF")
}

impl Card {
    fn new(line: usize) -> Card {
        Card {
            line,
            ..Card::default()
        }
    }

    fn name(&self) -> String {
        let name = if self.full_name.trim().is_empty() {
            &self.structured_name
        } else {
            &self.full_name
        };
        name.trim().to_string()
    }

    fn read(&mut self, line: usize, bytes: &[u8]) {
        let Some((p, raw)) = split_property(bytes) else {
            return;
        };
        if !is_read(&p.name) {
            return;
        }
        let decoded = match decode_value(&p, raw) {
            Ok(text) => text,
            Err(why) if matches!(p.name.as_str(), "FN" | "N") => {
                self.name_error.get_or_insert((line, why.to_string()));
                return;
            }
            Err(why) => {
                self.errors.push((
                    line,
                    format!("the {} was left out: {why}.", field_name(&p.name)),
                ));
                return;
            }
        };
        self.read_value(line, &p, decoded.trim());
    }

    fn read_value(&mut self, line: usize, p: &Property, value: &str) {
        let preferred = preferred(p);
        if let Some(field) = ContactField::from_vcard(&p.name) {
            if !field.is_set(&self.fields) {
                let text = unescape(value);
                if let Err(why) = field.read(&mut self.fields, text.trim()) {
                    self.errors
                        .push((line, format!("the value of {} was left out: {why}", p.name)));
                }
            }
            return;
        }
        let fields = &mut self.fields;
        match p.name.as_str() {
            "FN" => self.full_name = unescape(value),
            "N" => {
                let parts = components(value, ';');
                let get = |i: usize| parts.get(i).map(String::as_str).unwrap_or("");
                let words: Vec<&str> = [get(1), get(2), get(0)]
                    .into_iter()
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .collect();
                self.structured_name = words.join(" ");
            }
            "ORG" if fields.company.is_empty() => {
                fields.company = components(value, ';').remove(0).trim().to_string()
            }
            "EMAIL" if fields.email.is_none() || (preferred && !self.email_preferred) => {
                let raw = unescape(value);
                let raw = raw.trim().trim_start_matches("mailto:");
                match Email::parse(raw) {
                    Ok(email) => {
                        fields.email = Some(email);
                        self.email_preferred = preferred;
                    }
                    Err(e) => self.errors.push((
                        line,
                        format!("the email address \u{201c}{raw}\u{201d} was left out: {e}"),
                    )),
                }
            }
            "TEL" if fields.phone.is_empty() || (preferred && !self.phone_preferred) => {
                let raw = unescape(value);
                fields.phone = raw.trim().trim_start_matches("tel:").trim().to_string();
                self.phone_preferred = preferred;
            }
            "X-SOCIALPROFILE" | "SOCIALPROFILE"
                if fields.linkedin.is_none()
                    && (p.has_type("linkedin") || value.to_lowercase().contains("linkedin")) =>
            {
                self.linkedin_from(line, &unescape(value))
            }
            "URL" if fields.linkedin.is_none() && value.to_lowercase().contains("linkedin") => {
                self.linkedin_from(line, &unescape(value))
            }
            "NOTE" => {
                if !fields.notes.is_empty() {
                    fields.notes.push('\n');
                }
                fields.notes.push_str(unescape(value).trim());
            }
            "CATEGORIES" => fields.tags.extend(
                components(value, ',')
                    .into_iter()
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty()),
            ),
            _ => {}
        }
    }

    fn linkedin_from(&mut self, line: usize, raw: &str) {
        match LinkedIn::parse(raw) {
            Ok(profile) => self.fields.linkedin = Some(profile),
            Err(e) => self.errors.push((
                line,
                format!(
                    "the LinkedIn link \u{201c}{}\u{201d} was left out: {e}",
                    raw.trim()
                ),
            )),
        }
    }
}

/// What a property holds, in the student's words, for a message about it.
fn field_name(property: &str) -> String {
    if let Some(field) = ContactField::from_vcard(property) {
        return field.label().to_lowercase();
    }
    match property {
        "ORG" => "company",
        "EMAIL" => "email address",
        "TEL" => "phone number",
        "X-SOCIALPROFILE" | "SOCIALPROFILE" | "URL" => "LinkedIn link",
        "NOTE" => "note",
        "CATEGORIES" => "tags",
        _ => "name",
    }
    .to_string()
}

#[cfg(test)]
#[path = "vcard_tests.rs"]
mod tests;
