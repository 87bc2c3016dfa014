//! The three-way merge of a contact's typed fields, so an edit form never undoes what
//! another tab saved meanwhile.
//!
//! A form remembers the fields as they were when it opened (`base`). On save, each field
//! is decided on its own: changed only here → ours; changed only in the book (another tab)
//! → theirs; changed to the same value in both → that value; changed differently in both
//! → a [`Conflict`] the student settles by picking one of the two values. Every field of
//! `ContactField::ALL` is decided, so a new field is merged too. Pure; the id and the edit
//! time come from `ours`.

use super::contact::NewContact;
use super::contact_field::ContactField;

/// The value of `field` as the student reads it in a conflict ("(empty)" when blank). An
/// event shows as its id; the view puts the event's name in its place.
pub fn show(field: ContactField, c: &NewContact) -> String {
    let text = field.show(c);
    match field {
        ContactField::Cadence if text.is_empty() => "the default".into(),
        _ if text.trim().is_empty() => "(empty)".into(),
        _ => text,
    }
}

/// A field both this form and the book changed, to different values.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub field: ContactField,
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
    pub fn resolve(&self, keep_theirs: &[ContactField]) -> NewContact {
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
    for field in ContactField::ALL {
        let ours_changed = !field.same(base, ours);
        let theirs_changed = !field.same(base, theirs);
        match (ours_changed, theirs_changed) {
            (_, false) => {}
            (false, true) => field.copy(theirs, &mut fields),
            (true, true) if field.same(ours, theirs) => {}
            (true, true) => conflicts.push(Conflict {
                field,
                ours: show(field, ours),
                theirs: show(field, theirs),
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
