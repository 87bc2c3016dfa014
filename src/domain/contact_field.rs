//! The one list of a contact's typed fields: `ContactField`, built by `contact_fields!`.
//!
//! Each entry names the field of `NewContact` and `Contact`, a slug for element ids, a
//! label, an extra check for the form, its CSV column, what vCard holds it in, and how a
//! merge of two contacts treats it. The form's parse, the CSV columns, the vCard export and
//! import of plain text properties, the contact merge and the two-tab merge all walk
//! `ContactField::ALL`. What differs by the value's type (how it is typed, shown, read
//! back, joined) is the `FieldValue` trait. Adding a field is one entry here plus the
//! field in both structs and its input on the form; the compiler asks for the rest
//! (`Contact::fields`, `set_fields`, and this entry). Pure: no clock, no browser.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cadence::Cadence;
use super::contact::{Kind, NewContact};
use super::dates;
use super::email::Email;
use super::event::EventId;
use super::linkedin::LinkedIn;

/// Where vCard keeps a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vcard {
    /// Not in a vCard.
    None,
    /// A plain text property, written and read by the table (`TITLE:…`). An `X-` prefix
    /// is read too.
    Text(&'static str),
    /// Written and read back by hand in `formats::vcard` (N and FN, ORG, EMAIL, …).
    Own(&'static str),
    /// Written into the NOTE with the meeting; not read back as itself.
    InNote,
}

/// How a merge of two contacts treats a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// Taken from the side that has it; when both differ, the student chooses.
    Choose,
    /// Both sides joined (`FieldValue::join`): a flag set on either, tags of both.
    Join,
    /// Goes with the choice made for another field (the event goes with the date met).
    With(ContactField),
}

/// A value a contact field holds: how the form types it, how people read it, how it is
/// read back from text and joined in a merge. (`Contact::set_fields` trims the text.)
pub trait FieldValue: Sized {
    /// As typed in the form and written in a CSV cell.
    fn text(&self) -> String;
    /// As a person reads it; empty when unset.
    fn show(&self) -> String {
        self.text()
    }
    /// Whether the field says something: blank text, `Other`, `None`, `false` and no tags
    /// do not; a date always does.
    fn is_set(&self) -> bool;
    /// Reads `text` back (the form's input, a CSV cell, a vCard value).
    fn read(text: &str) -> Result<Self, String>;
    /// Joins `other` into `self` in a contact merge (`Merge::Join`).
    fn join(&mut self, _other: &Self) {}
}

impl FieldValue for String {
    fn text(&self) -> String {
        self.clone()
    }
    fn is_set(&self) -> bool {
        !self.trim().is_empty()
    }
    fn read(text: &str) -> Result<Self, String> {
        Ok(text.to_string())
    }
}

impl FieldValue for Kind {
    fn text(&self) -> String {
        self.label().to_string()
    }
    fn is_set(&self) -> bool {
        *self != Kind::Other
    }
    fn read(text: &str) -> Result<Self, String> {
        if text.trim().is_empty() {
            return Ok(Kind::Other);
        }
        Kind::ALL
            .into_iter()
            .find(|k| k.label().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| "Pick Engineer, Recruiter or Other.".to_string())
    }
}

/// A value a field may leave out: an email address, a LinkedIn profile, an event's id, a
/// number of days. `Option<T>` is then a `FieldValue`, empty text meaning `None`.
pub trait Optional: Sized {
    fn text(&self) -> String;
    fn show(&self) -> String {
        self.text()
    }
    /// Reads `text`; empty is `Ok(None)`.
    fn read(text: &str) -> Result<Option<Self>, String>;
}

impl<T: Optional> FieldValue for Option<T> {
    fn text(&self) -> String {
        self.as_ref().map(T::text).unwrap_or_default()
    }
    fn show(&self) -> String {
        self.as_ref().map(T::show).unwrap_or_default()
    }
    fn is_set(&self) -> bool {
        self.is_some()
    }
    fn read(text: &str) -> Result<Self, String> {
        T::read(text)
    }
}

impl Optional for Email {
    fn text(&self) -> String {
        self.as_str().to_string()
    }
    fn read(text: &str) -> Result<Option<Self>, String> {
        Email::parse_optional(text).map_err(|e| e.to_string())
    }
}

impl Optional for LinkedIn {
    fn text(&self) -> String {
        self.url().to_string()
    }
    fn read(text: &str) -> Result<Option<Self>, String> {
        LinkedIn::parse_optional(text).map_err(|e| e.to_string())
    }
}

impl Optional for EventId {
    fn text(&self) -> String {
        self.as_str().to_string()
    }
    fn read(text: &str) -> Result<Option<Self>, String> {
        let id = text.trim();
        Ok((!id.is_empty()).then(|| EventId::new(id)))
    }
}

/// Days between keep-in-touch reminders; `None` follows the default.
impl Optional for u32 {
    fn text(&self) -> String {
        self.to_string()
    }
    fn show(&self) -> String {
        format!("{self} days")
    }
    fn read(text: &str) -> Result<Option<Self>, String> {
        Cadence::parse_optional(text)
            .map(|c| c.map(Cadence::days))
            .map_err(|e| format!("{e} Or leave it empty for the default."))
    }
}

impl FieldValue for NaiveDate {
    fn text(&self) -> String {
        dates::iso(*self)
    }
    fn show(&self) -> String {
        dates::long(*self)
    }
    fn is_set(&self) -> bool {
        true
    }
    fn read(text: &str) -> Result<Self, String> {
        dates::parse_iso(text).ok_or_else(|| "Pick the date you met.".to_string())
    }
}

impl FieldValue for bool {
    fn text(&self) -> String {
        (if *self { "yes" } else { "no" }).to_string()
    }
    fn show(&self) -> String {
        (if *self { "Yes" } else { "No" }).to_string()
    }
    fn is_set(&self) -> bool {
        *self
    }
    fn read(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "yes" | "true" => Ok(true),
            "no" | "false" | "" => Ok(false),
            _ => Err("Answer yes or no.".to_string()),
        }
    }
    fn join(&mut self, other: &Self) {
        *self |= *other;
    }
}

impl FieldValue for Vec<String> {
    fn text(&self) -> String {
        self[..].join(", ")
    }
    fn is_set(&self) -> bool {
        !self.is_empty()
    }
    /// Comma-separated, as the form takes them.
    fn read(text: &str) -> Result<Self, String> {
        Ok(text
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect())
    }
    /// Tags of both, the first spelling kept when only the case differs.
    fn join(&mut self, other: &Self) {
        for tag in other {
            if !self.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                self.push(tag.clone());
            }
        }
    }
}

/// Checks a field makes beyond its type, for the form.
pub mod check {
    use crate::domain::book::BookError;

    /// The most characters pronouns may have ("she/her", "they/them", "ze/hir/hirs").
    pub const PRONOUNS_MAX: usize = 40;

    pub fn none<T>(_: &T) -> Result<(), String> {
        Ok(())
    }

    pub fn name(name: &str) -> Result<(), String> {
        if name.trim().is_empty() {
            Err(BookError::BlankName.to_string())
        } else {
            Ok(())
        }
    }

    pub fn pronouns(pronouns: &str) -> Result<(), String> {
        let count = pronouns.trim().chars().count();
        if count > PRONOUNS_MAX {
            Err(format!(
                "Pronouns fit in {PRONOUNS_MAX} characters (this is {count}), such as \u{201c}she/her\u{201d}."
            ))
        } else {
            Ok(())
        }
    }
}

/// Reads `text` as a value of the same type as `_field`.
fn read_like<T: FieldValue>(_field: &T, text: &str) -> Result<T, String> {
    T::read(text)
}

/// Builds `ContactField` and its methods from one entry per field.
macro_rules! contact_fields {
    ($(
        $(#[$doc:meta])*
        $variant:ident {
            field: $field:ident,
            slug: $slug:literal,
            label: $label:literal,
            check: $check:path,
            csv: $csv:expr,
            vcard: $vcard:expr,
            merge: $merge:expr $(,)?
        }
    ),* $(,)?) => {
        /// One typed field of a contact, in the order forms, CSV and merges list them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum ContactField {
            $($(#[$doc])* $variant,)*
        }

        /// The table names every typed field: a field of `NewContact` missing from it is
        /// a compile error here.
        const _: fn(&NewContact) = |fields| {
            let NewContact { id: _, updated_at: _, $($field: _),* } = fields;
        };

        impl ContactField {
            /// Every field, in the order declared, so `field as usize` is its index here.
            pub const ALL: [ContactField; [$($slug),*].len()] = [$(ContactField::$variant),*];

            /// A short name for element ids and radio groups. Not `Debug`: the release
            /// build formats `Debug` as nothing (`-Zfmt-debug=none`).
            pub fn slug(self) -> &'static str {
                match self { $(ContactField::$variant => $slug,)* }
            }

            /// The field's name, as forms and merges show it.
            pub fn label(self) -> &'static str {
                match self { $(ContactField::$variant => $label,)* }
            }

            /// The spreadsheet export's column, if it has one.
            pub fn csv(self) -> Option<&'static str> {
                match self { $(ContactField::$variant => $csv,)* }
            }

            /// Where a vCard keeps it.
            pub fn vcard(self) -> Vcard {
                match self { $(ContactField::$variant => $vcard,)* }
            }

            /// How a merge of two contacts treats it.
            pub fn merge(self) -> Merge {
                match self { $(ContactField::$variant => $merge,)* }
            }

            /// Whether the field holds the same value in `a` and `b`.
            pub fn same(self, a: &NewContact, b: &NewContact) -> bool {
                match self { $(ContactField::$variant => a.$field == b.$field,)* }
            }

            /// Copies the field from `from` into `to`.
            pub fn copy(self, from: &NewContact, to: &mut NewContact) {
                match self { $(ContactField::$variant => to.$field.clone_from(&from.$field),)* }
            }

            /// Joins `from`'s value into `to`'s (`Merge::Join`).
            pub fn join(self, from: &NewContact, to: &mut NewContact) {
                match self { $(ContactField::$variant => FieldValue::join(&mut to.$field, &from.$field),)* }
            }

            /// The value as typed in the form and written in a CSV cell.
            pub fn text(self, c: &NewContact) -> String {
                match self { $(ContactField::$variant => FieldValue::text(&c.$field),)* }
            }

            /// The value as a person reads it; empty when unset.
            pub fn show(self, c: &NewContact) -> String {
                match self { $(ContactField::$variant => FieldValue::show(&c.$field),)* }
            }

            /// Whether the field says something.
            pub fn is_set(self, c: &NewContact) -> bool {
                match self { $(ContactField::$variant => FieldValue::is_set(&c.$field),)* }
            }

            /// Reads `text` into the field, with its check; on error the field is unchanged
            /// and the message says what to fix.
            pub fn read(self, c: &mut NewContact, text: &str) -> Result<(), String> {
                match self {
                    $(ContactField::$variant => {
                        let value = read_like(&c.$field, text)?;
                        $check(&value)?;
                        c.$field = value;
                    })*
                }
                Ok(())
            }

            /// Gives the field a random value (the property test).
            #[cfg(test)]
            pub(crate) fn sample(self, c: &mut NewContact, rng: &mut tests::Rng) {
                match self { $(ContactField::$variant => c.$field = tests::Sample::sample(rng),)* }
            }
        }
    };
}

contact_fields! {
    Name {
        field: name, slug: "name", label: "Name", check: check::name,
        csv: Some("Name"), vcard: Vcard::Own("FN"), merge: Merge::Choose,
    },
    Company {
        field: company, slug: "company", label: "Company", check: check::none,
        csv: Some("Company"), vcard: Vcard::Own("ORG"), merge: Merge::Choose,
    },
    Title {
        field: title, slug: "title", label: "Job title", check: check::none,
        csv: Some("Title"), vcard: Vcard::Text("TITLE"), merge: Merge::Choose,
    },
    Kind {
        field: kind, slug: "kind", label: "Kind", check: check::none,
        csv: Some("Kind"), vcard: Vcard::None, merge: Merge::Choose,
    },
    Email {
        field: email, slug: "email", label: "Email", check: check::none,
        csv: Some("Email"), vcard: Vcard::Own("EMAIL"), merge: Merge::Choose,
    },
    Phone {
        field: phone, slug: "phone", label: "Phone", check: check::none,
        csv: Some("Phone"), vcard: Vcard::Own("TEL"), merge: Merge::Choose,
    },
    LinkedIn {
        field: linkedin, slug: "linkedin", label: "LinkedIn", check: check::none,
        csv: Some("LinkedIn"), vcard: Vcard::Own("X-SOCIALPROFILE"), merge: Merge::Choose,
    },
    Event {
        field: event, slug: "event", label: "Event", check: check::none,
        csv: Some("Event"), vcard: Vcard::InNote, merge: Merge::With(ContactField::MetOn),
    },
    MetOn {
        field: met_on, slug: "met", label: "Met on", check: check::none,
        csv: Some("Met on"), vcard: Vcard::InNote, merge: Merge::Choose,
    },
    Hook {
        field: hook, slug: "hook", label: "What you talked about", check: check::none,
        csv: Some("Hook"), vcard: Vcard::InNote, merge: Merge::Choose,
    },
    Role {
        field: role, slug: "role", label: "Role or team", check: check::none,
        csv: Some("Role"), vcard: Vcard::None, merge: Merge::Choose,
    },
    ReallyWant {
        field: really_want, slug: "really-want", label: "A job I really want", check: check::none,
        csv: Some("Really want"), vcard: Vcard::None, merge: Merge::Join,
    },
    Tags {
        field: tags, slug: "tags", label: "Tags", check: check::none,
        csv: Some("Tags"), vcard: Vcard::Own("CATEGORIES"), merge: Merge::Join,
    },
    Notes {
        field: notes, slug: "notes", label: "Notes", check: check::none,
        csv: Some("Notes"), vcard: Vcard::InNote, merge: Merge::Choose,
    },
    /// RFC 9554 registers `PRONOUNS` for vCard; a 3.0 reader ignores what it does not know.
    Pronouns {
        field: pronouns, slug: "pronouns", label: "Pronouns", check: check::pronouns,
        csv: Some("Pronouns"), vcard: Vcard::Text("PRONOUNS"), merge: Merge::Choose,
    },
    Cadence {
        field: cadence_days, slug: "cadence", label: "Keep in touch every", check: check::none,
        csv: None, vcard: Vcard::None, merge: Merge::Choose,
    },
}

impl ContactField {
    /// The field a vCard property holds, for the plain text ones (`Vcard::Text`), with or
    /// without an `X-` prefix.
    pub fn from_vcard(property: &str) -> Option<ContactField> {
        let bare = property.strip_prefix("X-").unwrap_or(property);
        ContactField::ALL
            .into_iter()
            .find(|f| matches!(f.vcard(), Vcard::Text(p) if p == bare))
    }
}

#[cfg(test)]
#[path = "contact_field_tests.rs"]
pub(crate) mod tests;
