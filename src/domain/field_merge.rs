//! The three-way merge of a contact's typed fields, so an edit form never undoes what
//! another tab saved meanwhile.
//!
//! A form remembers the fields as they were when it opened (`base`). On save, each field
//! is decided on its own: changed only here → ours; changed only in the book (another tab)
//! → theirs; changed to the same value in both → that value; changed differently in both
//! → a [`Conflict`] the student settles by picking one of the two values. Pure; the id and
//! the edit time come from `ours`.

use super::contact::NewContact;
use super::dates;

/// One typed field of a contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Company,
    Title,
    Kind,
    Email,
    Phone,
    LinkedIn,
    Event,
    MetOn,
    Hook,
    Role,
    ReallyWant,
    Tags,
    Notes,
    Cadence,
}

impl Field {
    pub const ALL: [Field; 15] = [
        Field::Name,
        Field::Company,
        Field::Title,
        Field::Kind,
        Field::Email,
        Field::Phone,
        Field::LinkedIn,
        Field::Event,
        Field::MetOn,
        Field::Hook,
        Field::Role,
        Field::ReallyWant,
        Field::Tags,
        Field::Notes,
        Field::Cadence,
    ];

    /// A short name for ids and radio groups. Not `Debug`: the release build formats
    /// `Debug` as nothing (`-Zfmt-debug=none`).
    pub fn slug(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Company => "company",
            Field::Title => "title",
            Field::Kind => "kind",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::LinkedIn => "linkedin",
            Field::Event => "event",
            Field::MetOn => "met-on",
            Field::Hook => "hook",
            Field::Role => "role",
            Field::ReallyWant => "really-want",
            Field::Tags => "tags",
            Field::Notes => "notes",
            Field::Cadence => "cadence",
        }
    }

    /// The field's label on the form.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Company => "Company",
            Field::Title => "Job title",
            Field::Kind => "Kind",
            Field::Email => "Email",
            Field::Phone => "Phone",
            Field::LinkedIn => "LinkedIn",
            Field::Event => "Event",
            Field::MetOn => "Met on",
            Field::Hook => "What you talked about",
            Field::Role => "Role or team",
            Field::ReallyWant => "A job I really want",
            Field::Tags => "Tags",
            Field::Notes => "Notes",
            Field::Cadence => "Keep in touch every",
        }
    }

    /// Whether the field holds the same value in `a` and `b`.
    fn same(self, a: &NewContact, b: &NewContact) -> bool {
        match self {
            Field::Name => a.name == b.name,
            Field::Company => a.company == b.company,
            Field::Title => a.title == b.title,
            Field::Kind => a.kind == b.kind,
            Field::Email => a.email == b.email,
            Field::Phone => a.phone == b.phone,
            Field::LinkedIn => a.linkedin == b.linkedin,
            Field::Event => a.event == b.event,
            Field::MetOn => a.met_on == b.met_on,
            Field::Hook => a.hook == b.hook,
            Field::Role => a.role == b.role,
            Field::ReallyWant => a.really_want == b.really_want,
            Field::Tags => a.tags == b.tags,
            Field::Notes => a.notes == b.notes,
            Field::Cadence => a.cadence_days == b.cadence_days,
        }
    }

    /// Copies the field from `from` into `to`.
    fn copy(self, from: &NewContact, to: &mut NewContact) {
        match self {
            Field::Name => to.name.clone_from(&from.name),
            Field::Company => to.company.clone_from(&from.company),
            Field::Title => to.title.clone_from(&from.title),
            Field::Kind => to.kind = from.kind,
            Field::Email => to.email.clone_from(&from.email),
            Field::Phone => to.phone.clone_from(&from.phone),
            Field::LinkedIn => to.linkedin.clone_from(&from.linkedin),
            Field::Event => to.event.clone_from(&from.event),
            Field::MetOn => to.met_on = from.met_on,
            Field::Hook => to.hook.clone_from(&from.hook),
            Field::Role => to.role.clone_from(&from.role),
            Field::ReallyWant => to.really_want = from.really_want,
            Field::Tags => to.tags.clone_from(&from.tags),
            Field::Notes => to.notes.clone_from(&from.notes),
            Field::Cadence => to.cadence_days = from.cadence_days,
        }
    }

    /// The field's value as the student reads it ("(empty)" when blank). An event shows
    /// as its id; the view puts the event's name in its place.
    pub fn show(self, c: &NewContact) -> String {
        let text = match self {
            Field::Name => c.name.clone(),
            Field::Company => c.company.clone(),
            Field::Title => c.title.clone(),
            Field::Kind => c.kind.label().to_string(),
            Field::Email => c.email.as_ref().map(|e| e.to_string()).unwrap_or_default(),
            Field::Phone => c.phone.clone(),
            Field::LinkedIn => c
                .linkedin
                .as_ref()
                .map(|l| l.url().to_string())
                .unwrap_or_default(),
            Field::Event => c
                .event
                .as_ref()
                .map(|e| e.as_str().to_string())
                .unwrap_or_default(),
            Field::MetOn => dates::long(c.met_on),
            Field::Hook => c.hook.clone(),
            Field::Role => c.role.clone(),
            Field::ReallyWant => (if c.really_want { "Yes" } else { "No" }).to_string(),
            Field::Tags => c.tags.join(", "),
            Field::Notes => c.notes.clone(),
            Field::Cadence => c
                .cadence_days
                .map(|d| format!("{d} days"))
                .unwrap_or_else(|| "the default".into()),
        };
        if text.trim().is_empty() {
            "(empty)".into()
        } else {
            text
        }
    }
}

/// A field both this form and the book changed, to different values.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub field: Field,
    /// What this form has.
    pub ours: String,
    /// What the book has now (saved in another tab).
    pub theirs: String,
}

/// The outcome of merging a form's fields into the contact as it is now.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// Every field decided; a conflicting field holds this form's value until
    /// [`Merged::resolve`] says otherwise.
    pub fields: NewContact,
    pub conflicts: Vec<Conflict>,
    theirs: NewContact,
}

impl Merged {
    /// The fields with each conflict settled: `keep_theirs` lists the conflicting fields
    /// where the student picked the book's value; the others keep this form's.
    pub fn resolve(&self, keep_theirs: &[Field]) -> NewContact {
        let mut fields = self.fields.clone();
        for conflict in &self.conflicts {
            if keep_theirs.contains(&conflict.field) {
                conflict.field.copy(&self.theirs, &mut fields);
            }
        }
        fields
    }
}

/// Merges `ours` (the form, opened on `base`) with `theirs` (the contact in the book now),
/// field by field.
pub fn merge_fields(base: &NewContact, ours: &NewContact, theirs: &NewContact) -> Merged {
    let mut fields = ours.clone();
    let mut conflicts = Vec::new();
    for field in Field::ALL {
        let ours_changed = !field.same(base, ours);
        let theirs_changed = !field.same(base, theirs);
        match (ours_changed, theirs_changed) {
            (_, false) => {}
            (false, true) => field.copy(theirs, &mut fields),
            (true, true) if field.same(ours, theirs) => {}
            (true, true) => conflicts.push(Conflict {
                field,
                ours: field.show(ours),
                theirs: field.show(theirs),
            }),
        }
    }
    Merged {
        fields,
        conflicts,
        theirs: theirs.clone(),
    }
}

#[cfg(test)]
#[path = "field_merge_tests.rs"]
mod tests;
