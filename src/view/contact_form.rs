//! The contact form as plain data: `ContactInput` is what is typed (strings and flags),
//! `parse` turns it into a `NewContact` or into a message per field that needs fixing.
//! Shared by capture and edit; the component in `components/contact_form.rs` only binds
//! these fields to inputs.

use crate::domain::{
    dates, BookError, Cadence, ContactId, Email, EventId, Kind, LinkedIn, NewContact,
};

/// Messages for fields that did not validate.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldErrors {
    pub name: Option<String>,
    pub email: Option<String>,
    pub linkedin: Option<String>,
    pub met_on: Option<String>,
    pub cadence: Option<String>,
}

impl FieldErrors {
    pub fn any(&self) -> bool {
        *self != FieldErrors::default()
    }
}

/// What is typed into the contact form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContactInput {
    pub name: String,
    pub company: String,
    pub title: String,
    pub kind: Kind,
    pub email: String,
    pub phone: String,
    pub linkedin: String,
    pub event: Option<EventId>,
    /// `YYYY-MM-DD`, as a date input gives it.
    pub met_on: String,
    pub hook: String,
    pub role: String,
    pub really_want: bool,
    /// Comma-separated.
    pub tags: String,
    pub notes: String,
    /// Days between keep-in-touch reminders; empty follows the default.
    pub cadence: String,
}

impl ContactInput {
    /// The form prefilled from a contact's fields (edit, or capture's defaults).
    pub fn from_fields(fields: &NewContact) -> ContactInput {
        ContactInput {
            name: fields.name.clone(),
            company: fields.company.clone(),
            title: fields.title.clone(),
            kind: fields.kind,
            email: fields
                .email
                .as_ref()
                .map(|e| e.as_str().to_string())
                .unwrap_or_default(),
            phone: fields.phone.clone(),
            linkedin: fields
                .linkedin
                .as_ref()
                .map(|l| l.url().to_string())
                .unwrap_or_default(),
            event: fields.event.clone(),
            met_on: dates::iso(fields.met_on),
            hook: fields.hook.clone(),
            role: fields.role.clone(),
            really_want: fields.really_want,
            tags: fields.tags.join(", "),
            notes: fields.notes.clone(),
            cadence: fields
                .cadence_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }

    /// The contact as typed, or a message for every field that needs fixing. Nothing is
    /// dropped: the caller keeps the input as it was.
    pub fn parse(&self, id: ContactId, updated_at: i64) -> Result<NewContact, FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.name.trim().is_empty() {
            errors.name = Some(BookError::BlankName.to_string());
        }
        let email = Email::parse_optional(&self.email)
            .map_err(|e| errors.email = Some(e.to_string()))
            .ok()
            .flatten();
        let linkedin = LinkedIn::parse_optional(&self.linkedin)
            .map_err(|e| errors.linkedin = Some(e.to_string()))
            .ok()
            .flatten();
        let met_on = dates::parse_iso(&self.met_on);
        if met_on.is_none() {
            errors.met_on = Some("Pick the date you met.".into());
        }
        let cadence = Cadence::parse_optional(&self.cadence)
            .map_err(|e| errors.cadence = Some(format!("{e} Or leave it empty for the default.")))
            .ok()
            .flatten();
        match met_on {
            Some(met_on) if !errors.any() => Ok(NewContact {
                id,
                name: self.name.clone(),
                company: self.company.clone(),
                title: self.title.clone(),
                kind: self.kind,
                email,
                phone: self.phone.clone(),
                linkedin,
                event: self.event.clone(),
                met_on,
                hook: self.hook.clone(),
                role: self.role.clone(),
                really_want: self.really_want,
                tags: self.tags.split(',').map(|t| t.trim().to_string()).collect(),
                notes: self.notes.clone(),
                cadence_days: cadence.map(Cadence::days),
                updated_at,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ContactInput {
        ContactInput {
            name: "Priya Raman".into(),
            company: "Acme Robotics".into(),
            met_on: "2024-09-12".into(),
            ..ContactInput::default()
        }
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
            ("name", &errors.name),
            ("email", &errors.email),
            ("linkedin", &errors.linkedin),
            ("met_on", &errors.met_on),
            ("cadence", &errors.cadence),
        ];
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
            |f| f.name = "   ".into(),
            &[("name", "every contact needs one")],
        );
        check(|f| f.email = "priya@".into(), &[("email", "")]);
        check(|f| f.email = " priya@acme.example ".into(), &[]);
        check(
            |f| f.linkedin = "javascript:alert(1)".into(),
            &[("linkedin", "")],
        );
        check(|f| f.linkedin = "linkedin.com/in/priya-raman".into(), &[]);
        check(|f| f.met_on = "".into(), &[("met_on", "Pick the date")]);
        check(
            |f| f.met_on = "2024-02-30".into(),
            &[("met_on", "Pick the date")],
        );
        check(|f| f.cadence = "0".into(), &[("cadence", "leave it empty")]);
        check(|f| f.cadence = "3651".into(), &[("cadence", "1 to 3650")]);
        check(|f| f.cadence = " 30 ".into(), &[]);
        check(
            |f| {
                f.name = String::new();
                f.email = "nope".into();
                f.cadence = "x".into();
            },
            &[("name", ""), ("email", ""), ("cadence", "")],
        );
    }

    #[test]
    fn a_valid_form_becomes_the_contact_and_reads_back() {
        let mut form = input();
        form.kind = Kind::Engineer;
        form.email = "priya@acme.example".into();
        form.tags = "robotics, vision".into();
        form.cadence = "45".into();
        form.really_want = true;
        let contact = form.parse(ContactId::new("c1"), 7).unwrap();
        assert_eq!(contact.name, "Priya Raman");
        assert_eq!(contact.kind, Kind::Engineer);
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
    fn the_blank_name_message_is_the_books() {
        let mut form = input();
        form.name.clear();
        let errors = form.parse(ContactId::new("c1"), 0).unwrap_err();
        assert_eq!(errors.name, Some(BookError::BlankName.to_string()));
    }
}
