//! A person the student met: an engineer, a recruiter or someone else worth following up
//! with, and the state of their follow-up playbook.
//!
//! Contacts are plain values. This module never reads the clock or makes ids: `ContactId`s
//! are chosen by the shell (any non-empty string that is unique in the book) and every
//! change carries its own `updated_at` timestamp.

use std::fmt;

use super::dates::read;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::email::Email;
use super::event::EventId;
use super::interaction::Interaction;
use super::linkedin::LinkedIn;
use super::step::StepStates;

/// The stable identity of a contact. Serialised as a plain string.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContactId(String);

impl ContactId {
    /// Wraps an id made by the shell (for example a timestamp plus a counter).
    pub fn new(id: impl Into<String>) -> ContactId {
        ContactId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ContactId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who they are to the student; engineers get the referral step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Engineer,
    Recruiter,
    #[default]
    Other,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Engineer, Kind::Recruiter, Kind::Other];

    /// A short label for buttons and lists.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Engineer => "Engineer",
            Kind::Recruiter => "Recruiter",
            Kind::Other => "Other",
        }
    }
}

/// The fields a student types about a contact: used both to add a contact and to edit one.
///
/// Email and LinkedIn are already validated (parse them with `Email::parse` and
/// `LinkedIn::parse` to show inline errors). `updated_at` is the time of this edit in
/// milliseconds since the Unix epoch, read from the clock by the shell.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewContact {
    pub id: ContactId,
    pub name: String,
    pub company: String,
    pub title: String,
    pub kind: Kind,
    pub email: Option<Email>,
    pub phone: String,
    pub linkedin: Option<LinkedIn>,
    pub event: Option<EventId>,
    #[serde(deserialize_with = "read::date")]
    pub met_on: NaiveDate,
    /// What you talked about: the seed of every personalised message.
    pub hook: String,
    /// A role or team they mentioned.
    pub role: String,
    /// "A job I really want": adds the bonus LinkedIn message step.
    pub really_want: bool,
    pub tags: Vec<String>,
    pub notes: String,
    /// Days between keep-in-touch reminders; `None` follows the default in settings.
    pub cadence_days: Option<u32>,
    /// How to refer to them ("she/her"), shown after the name.
    pub pronouns: String,
    pub updated_at: i64,
}

/// A contact in the book: the typed fields plus the follow-up state.
///
/// Stored compactly: empty, absent and default fields are left out of the JSON (reading
/// fills them in again), which keeps years of contacts inside the browser's quota.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub id: ContactId,
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub company: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linkedin: Option<LinkedIn>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<EventId>,
    #[serde(deserialize_with = "read::date")]
    pub met_on: NaiveDate,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub hook: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub really_want: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cadence_days: Option<u32>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pronouns: String,
    /// Touch points, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interactions: Vec<Interaction>,
    /// The stored state of each playbook step.
    #[serde(skip_serializing_if = "StepStates::all_pending")]
    pub steps: StepStates,
    /// Milliseconds since the Unix epoch of the last change; orders edits from two tabs.
    pub updated_at: i64,
}

impl Contact {
    /// A fresh contact with every step pending and an empty log.
    pub fn new(fields: NewContact) -> Contact {
        let mut contact = Contact::default();
        contact.set_fields(fields);
        contact
    }

    /// The typed fields, for prefilling an edit form. The struct literal has no `..`, and
    /// `set_fields` destructures with none, so a new field cannot be left out.
    pub fn fields(&self) -> NewContact {
        NewContact {
            id: self.id.clone(),
            name: self.name.clone(),
            company: self.company.clone(),
            title: self.title.clone(),
            kind: self.kind,
            email: self.email.clone(),
            phone: self.phone.clone(),
            linkedin: self.linkedin.clone(),
            event: self.event.clone(),
            met_on: self.met_on,
            hook: self.hook.clone(),
            role: self.role.clone(),
            really_want: self.really_want,
            tags: self.tags.clone(),
            notes: self.notes.clone(),
            cadence_days: self.cadence_days,
            pronouns: self.pronouns.clone(),
            updated_at: self.updated_at,
        }
    }

    /// Replaces the typed fields, keeping the log and the step states. Text is trimmed.
    pub fn set_fields(&mut self, fields: NewContact) {
        let NewContact {
            id,
            name,
            company,
            title,
            kind,
            email,
            phone,
            linkedin,
            event,
            met_on,
            hook,
            role,
            really_want,
            tags,
            notes,
            cadence_days,
            pronouns,
            updated_at,
        } = fields;
        let trim = |text: String| text.trim().to_string();
        self.id = id;
        self.name = trim(name);
        self.company = trim(company);
        self.title = trim(title);
        self.kind = kind;
        self.email = email;
        self.phone = trim(phone);
        self.linkedin = linkedin;
        self.event = event;
        self.met_on = met_on;
        self.hook = trim(hook);
        self.role = trim(role);
        self.really_want = really_want;
        self.tags = clean_tags(tags);
        self.notes = trim(notes);
        self.cadence_days = cadence_days;
        self.pronouns = trim(pronouns);
        self.updated_at = updated_at;
    }

    /// The first word of the name ("Ana" for "Ana María López").
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or("")
    }

    /// Everything after the first word of the name ("María López").
    pub fn last_name(&self) -> String {
        self.name
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The keep-in-touch cadence in days, falling back to `default`.
    pub fn cadence(&self, default: u32) -> u32 {
        self.cadence_days.unwrap_or(default).max(1)
    }

    /// The date of the most recent logged interaction.
    pub fn last_interaction(&self) -> Option<NaiveDate> {
        self.interactions.iter().map(|i| i.on).max()
    }
}

/// Trims tags, drops empty ones and repeats (ignoring case), keeping the first spelling.
fn clean_tags(tags: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if !tag.is_empty() && !out.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            out.push(tag.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_on_the_first_word() {
        fn check(name: &str, first: &str, last: &str) {
            let c = Contact::new(NewContact {
                name: name.into(),
                ..NewContact::default()
            });
            assert_eq!(
                (c.first_name(), c.last_name().as_str()),
                (first, last),
                "{name:?}"
            );
        }
        check("Ana", "Ana", "");
        check("Ana López", "Ana", "López");
        check("  Ana   María  López ", "Ana", "María López");
        check("", "", "");
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        let c = Contact::new(NewContact {
            tags: vec![" rust ".into(), "".into(), "Rust".into(), "ml".into()],
            ..NewContact::default()
        });
        assert_eq!(c.tags, vec!["rust".to_string(), "ml".to_string()]);
    }

    #[test]
    fn contact_id_serialises_as_a_plain_string() {
        let id = ContactId::new("c-17");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"c-17\"");
        assert_eq!(serde_json::from_str::<ContactId>("\"c-17\"").unwrap(), id);
        assert_eq!(id.to_string(), "c-17");
    }
}
