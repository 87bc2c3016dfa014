//! A validated email address.
//!
//! Validation is pragmatic, not RFC 5322: after trimming, exactly one `@`, a non-empty
//! local part, a domain with a dot between non-empty labels, and no whitespace. The domain
//! is lowercased; the local part is kept as typed. This module never does any IO (no DNS).

use std::fmt;

use serde::{Deserialize, Serialize};

/// An email address that passed `Email::parse`. The field is private so every `Email`
/// in the book is valid.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// Why a typed email address was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmailError {
    /// Nothing but whitespace was typed.
    Empty,
    /// The address contains a space, tab or line break.
    Whitespace,
    /// There is no `@`, or more than one.
    At,
    /// Nothing before the `@`.
    NoLocalPart,
    /// The part after the `@` is not a domain like `example.com`.
    BadDomain,
}

impl fmt::Display for EmailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EmailError::Empty => "Type an email address, or leave the field empty.",
            EmailError::Whitespace => "An email address can't contain spaces.",
            EmailError::At => "An email address needs exactly one @, like ana@example.com.",
            EmailError::NoLocalPart => "Add the name before the @, like ana@example.com.",
            EmailError::BadDomain => "The part after the @ should be a domain like example.com.",
        })
    }
}

impl std::error::Error for EmailError {}

impl Email {
    /// Validates and normalises a typed address.
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(EmailError::Empty);
        }
        if text.chars().any(char::is_whitespace) {
            return Err(EmailError::Whitespace);
        }
        let mut parts = text.split('@');
        let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
            (Some(local), Some(domain), None) => (local, domain),
            _ => return Err(EmailError::At),
        };
        if local.is_empty() {
            return Err(EmailError::NoLocalPart);
        }
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if !domain_ok {
            return Err(EmailError::BadDomain);
        }
        Ok(Email(format!("{local}@{}", domain.to_lowercase())))
    }

    /// Parses an optional field: empty input is `Ok(None)`.
    pub fn parse_optional(input: &str) -> Result<Option<Email>, EmailError> {
        if input.trim().is_empty() {
            Ok(None)
        } else {
            Email::parse(input).map(Some)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(text: String) -> Result<Email, EmailError> {
        Email::parse(&text)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> String {
        email.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, EmailError>) {
        let got = Email::parse(input);
        assert_eq!(
            got.as_ref().map(Email::as_str),
            expected.as_ref().map(|s| *s),
            "{input:?}"
        );
        if let Ok(email) = got {
            assert_eq!(
                Email::parse(email.as_str()),
                Ok(email.clone()),
                "idempotent {input:?}"
            );
        }
    }

    #[test]
    fn email_validation() {
        use EmailError::*;
        check("ana@example.com", Ok("ana@example.com"));
        check("  ana@example.com\n", Ok("ana@example.com"));
        check("Ana.Lopez@Example.COM", Ok("Ana.Lopez@example.com"));
        check(
            "ana+fair@mail.stanford.edu",
            Ok("ana+fair@mail.stanford.edu"),
        );
        check("a@b.co", Ok("a@b.co"));
        check("josé@correo.es", Ok("josé@correo.es"));
        check("first-last@my-company.io", Ok("first-last@my-company.io"));
        check("", Err(Empty));
        check("   ", Err(Empty));
        check("ana @example.com", Err(Whitespace));
        check("ana@exa mple.com", Err(Whitespace));
        check("ana.example.com", Err(At));
        check("ana@@example.com", Err(At));
        check("a@b@example.com", Err(At));
        check("@example.com", Err(NoLocalPart));
        check("ana@", Err(BadDomain));
        check("ana@localhost", Err(BadDomain));
        check("ana@example.", Err(BadDomain));
        check("ana@.example.com", Err(BadDomain));
        check("ana@example..com", Err(BadDomain));
        check("ana@-example.com", Err(BadDomain));
        check("ana@exa_mple.com", Err(BadDomain));
    }

    #[test]
    fn optional_email_accepts_empty_input() {
        assert_eq!(Email::parse_optional("  "), Ok(None));
        assert_eq!(Email::parse_optional("x"), Err(EmailError::At));
        assert!(Email::parse_optional("a@b.co").unwrap().is_some());
    }

    #[test]
    fn invalid_email_in_json_is_refused() {
        assert!(serde_json::from_str::<Email>("\"nope\"").is_err());
        let email: Email = serde_json::from_str("\"a@B.co\"").unwrap();
        assert_eq!(email.as_str(), "a@b.co");
    }
}
