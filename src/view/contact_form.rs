//! The contact form as plain data: `ContactInput` is what is typed, one text per field of
//! `ContactField::ALL`, and `parse` turns it into a `NewContact` or into a message per
//! field that needs fixing. Shared by capture and edit; the component in
//! `components/contact_form.rs` only binds these texts to inputs.

use crate::domain::{ContactField, ContactId, NewContact};

/// Messages for fields that did not validate, in the table's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldErrors(Vec<(ContactField, String)>);

impl FieldErrors {
    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }

    /// The message for `field`, if it needs fixing.
    pub fn get(&self, field: ContactField) -> Option<String> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
    }

    /// The fields that need fixing.
    pub fn fields(&self) -> impl Iterator<Item = ContactField> + '_ {
        self.0.iter().map(|(f, _)| *f)
    }
}

/// What is typed into the contact form: each field's text as `FieldValue::text` writes it
/// (a date `YYYY-MM-DD`, tags comma-separated, the kind's label, "yes" or "no").
#[derive(Clone, Debug, PartialEq)]
pub struct ContactInput([String; ContactField::ALL.len()]);

impl Default for ContactInput {
    fn default() -> ContactInput {
        ContactInput::from_fields(&NewContact::default())
    }
}

impl ContactInput {
    /// The form prefilled from a contact's fields (edit, or capture's defaults).
    pub fn from_fields(fields: &NewContact) -> ContactInput {
        ContactInput(ContactField::ALL.map(|f| f.text(fields)))
    }

    /// The text typed for `field`.
    pub fn get(&self, field: ContactField) -> &str {
        &self.0[field as usize]
    }

    /// Types `text` into `field`.
    pub fn set(&mut self, field: ContactField, text: impl Into<String>) {
        self.0[field as usize] = text.into();
    }

    /// The contact as typed, or a message for every field that needs fixing. Nothing is
    /// dropped: the caller keeps the input as it was.
    pub fn parse(&self, id: ContactId, updated_at: i64) -> Result<NewContact, FieldErrors> {
        let mut fields = NewContact {
            id,
            updated_at,
            ..NewContact::default()
        };
        let errors: Vec<(ContactField, String)> = ContactField::ALL
            .into_iter()
            .filter_map(|f| f.read(&mut fields, self.get(f)).err().map(|m| (f, m)))
            .collect();
        if errors.is_empty() {
            Ok(fields)
        } else {
            Err(FieldErrors(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::BookError;
    use ContactField::*;

    fn input() -> ContactInput {
        let mut input = ContactInput::default();
        input.set(Name, "Priya Raman");
        input.set(Company, "Acme Robotics");
        input.set(MetOn, "2024-09-12");
        input
    }

    /// Which fields a form with `change` applied refuses, and a fragment of each message.
    fn check(change: impl Fn(&mut ContactInput), expected: &[(&str, &str)]) {
        let mut form = input();
        change(&mut form);
        let got = form.parse(ContactId::new("c1"), 7);
        let errors = match got {
            Ok(_) => FieldErrors::default(),
            Err(errors) => errors,
        };
        let fields = [
            ("name", errors.get(Name)),
            ("email", errors.get(Email)),
            ("linkedin", errors.get(LinkedIn)),
            ("met_on", errors.get(MetOn)),
            ("cadence", errors.get(Cadence)),
            ("pronouns", errors.get(Pronouns)),
        ];
        assert_eq!(
            errors.fields().count(),
            fields.iter().filter(|(_, e)| e.is_some()).count(),
            "every refused field is one of these: {errors:?}"
        );
        let refused: Vec<&str> = fields
            .iter()
            .filter(|(_, e)| e.is_some())
            .map(|(f, _)| *f)
            .collect();
        let wanted: Vec<&str> = expected.iter().map(|(f, _)| *f).collect();
        assert_eq!(refused, wanted, "{form:?}");
        for (field, fragment) in expected {
            let (_, message) = fields.iter().find(|(f, _)| f == field).unwrap();
            let message = message.as_deref().unwrap();
            assert!(message.contains(fragment), "{field}: {message}");
        }
    }

    #[test]
    fn each_field_is_checked_and_every_mistake_named_at_once() {
        check(|_| {}, &[]);
        check(
            |f| f.set(Name, "   "),
            &[("name", "every contact needs one")],
        );
        check(|f| f.set(Email, "priya@"), &[("email", "")]);
        check(|f| f.set(Email, " priya@acme.example "), &[]);
        check(
            |f| f.set(LinkedIn, "javascript:alert(1)"),
            &[("linkedin", "")],
        );
        check(|f| f.set(LinkedIn, "linkedin.com/in/priya-raman"), &[]);
        check(|f| f.set(MetOn, ""), &[("met_on", "Pick the date")]);
        check(
            |f| f.set(MetOn, "2024-02-30"),
            &[("met_on", "Pick the date")],
        );
        check(|f| f.set(Cadence, "0"), &[("cadence", "leave it empty")]);
        check(|f| f.set(Cadence, "3651"), &[("cadence", "1 to 3650")]);
        check(|f| f.set(Cadence, " 30 "), &[]);
        check(
            |f| {
                f.set(Name, "");
                f.set(Email, "nope");
                f.set(Cadence, "x");
            },
            &[("name", ""), ("email", ""), ("cadence", "")],
        );
        check(|f| f.set(Pronouns, " they/them "), &[]);
        check(|f| f.set(Pronouns, "x".repeat(40)), &[]);
        check(
            |f| f.set(Pronouns, "x".repeat(41)),
            &[("pronouns", "fit in 40 characters (this is 41)")],
        );
    }

    #[test]
    fn a_valid_form_becomes_the_contact_and_reads_back() {
        let mut form = input();
        form.set(Kind, "Engineer");
        form.set(Email, "priya@acme.example");
        form.set(Tags, "robotics, vision");
        form.set(Cadence, "45");
        form.set(ReallyWant, "yes");
        form.set(Pronouns, "she/her");
        let contact = form.parse(ContactId::new("c1"), 7).unwrap();
        assert_eq!(contact.name, "Priya Raman");
        assert_eq!(contact.kind, crate::domain::Kind::Engineer);
        assert_eq!(contact.pronouns, "she/her");
        assert_eq!(
            contact.email.as_ref().unwrap().as_str(),
            "priya@acme.example"
        );
        assert_eq!(contact.cadence_days, Some(45));
        assert_eq!(contact.updated_at, 7);
        assert!(contact.really_want);
        assert_eq!(ContactInput::from_fields(&contact), form);
    }

    #[test]
    fn every_field_of_the_table_reads_back_from_the_form() {
        use crate::domain::contact_field::tests::{sample_fields, Rng};
        let mut rng = Rng::new(25);
        for round in 0..200 {
            let fields = sample_fields(&mut rng, "c1");
            let typed = ContactInput::from_fields(&fields).parse(ContactId::new("c1"), 0);
            assert_eq!(typed, Ok(fields), "run {round}");
        }
    }

    #[test]
    fn the_blank_name_message_is_the_books() {
        let mut form = input();
        form.set(Name, "");
        let errors = form.parse(ContactId::new("c1"), 0).unwrap_err();
        assert_eq!(errors.get(Name), Some(BookError::BlankName.to_string()));
    }
}
