//! `mailto:` links per RFC 6068: the address, then `subject` and `body` header fields,
//! with everything outside the unreserved characters percent-encoded as UTF-8 and every
//! line break written as `%0D%0A`.
//!
//! Long links are silently cut by some browsers and mail apps, so a link longer than
//! `MAX_LENGTH` is not returned: the UI offers copying the text instead. Pure; no IO.

use super::email::Email;
use super::percent;

/// The longest `mailto:` link handed to the browser.
pub const MAX_LENGTH: usize = 1800;

/// A link to open the mail app, or the reason to copy the text instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mailto {
    Link(String),
    /// The link would be `length` characters, over `MAX_LENGTH`.
    TooLong {
        length: usize,
    },
}

impl Mailto {
    pub fn link(&self) -> Option<&str> {
        match self {
            Mailto::Link(url) => Some(url),
            Mailto::TooLong { .. } => None,
        }
    }
}

/// The link for an email to `to` (or to no one yet) with a subject and body; empty
/// fields are left out.
pub fn mailto(to: Option<&Email>, subject: &str, body: &str) -> Mailto {
    let url = mailto_url(to.map(Email::as_str).unwrap_or(""), subject, body);
    if url.len() > MAX_LENGTH {
        Mailto::TooLong { length: url.len() }
    } else {
        Mailto::Link(url)
    }
}

/// The link, however long. `to` is an address as typed; its `@` is kept and everything
/// else outside the unreserved characters is encoded.
pub fn mailto_url(to: &str, subject: &str, body: &str) -> String {
    let address = to
        .split('@')
        .map(percent::encode)
        .collect::<Vec<_>>()
        .join("@");
    let mut url = format!("mailto:{address}");
    let fields = [("subject", subject), ("body", body)];
    let mut separator = '?';
    for (name, value) in fields {
        if value.is_empty() {
            continue;
        }
        url.push(separator);
        url.push_str(name);
        url.push('=');
        url.push_str(&percent::encode(&crlf(value)));
        separator = '&';
    }
    url
}

/// Every line break (`\r\n`, `\n` or `\r`) as `\r\n`.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(to: &str, subject: &str, body: &str, expected: &str) {
        assert_eq!(
            mailto_url(to, subject, body),
            expected,
            "{to:?} {subject:?} {body:?}"
        );
    }

    #[test]
    fn rfc_6068_examples() {
        check("chris@example.com", "", "", "mailto:chris@example.com");
        check(
            "infobot@example.com",
            "current-issue",
            "",
            "mailto:infobot@example.com?subject=current-issue",
        );
        check(
            "infobot@example.com",
            "",
            "send current-issue",
            "mailto:infobot@example.com?body=send%20current-issue",
        );
        check(
            "infobot@example.com",
            "",
            "send current-issue\r\nsend index",
            "mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index",
        );
        check(
            "gorby%kremvax@example.com",
            "",
            "",
            "mailto:gorby%25kremvax@example.com",
        );
        check(
            "unlikely?address@example.com",
            "",
            "",
            "mailto:unlikely%3Faddress@example.com",
        );
        check(
            "Mike&family@example.org",
            "",
            "",
            "mailto:Mike%26family@example.org",
        );
        check(
            "user@example.org",
            "café",
            "",
            "mailto:user@example.org?subject=caf%C3%A9",
        );
    }

    #[test]
    fn subject_and_body_are_fully_encoded() {
        check("", "Hi", "", "mailto:?subject=Hi");
        check(
            "a@b.co",
            "Q&A?",
            "x=1 #2 50%",
            "mailto:a@b.co?subject=Q%26A%3F&body=x%3D1%20%232%2050%25",
        );
        check("a@b.co", "", "a\nb", "mailto:a@b.co?body=a%0D%0Ab");
        check(
            "a@b.co",
            "",
            "a\rb\r\n\nc",
            "mailto:a@b.co?body=a%0D%0Ab%0D%0A%0D%0Ac",
        );
        check(
            "a@b.co",
            "",
            "Müller 👋",
            "mailto:a@b.co?body=M%C3%BCller%20%F0%9F%91%8B",
        );
        check(
            "a@b.co",
            "",
            "1+1 / 2, ok; [x]",
            "mailto:a@b.co?body=1%2B1%20%2F%202%2C%20ok%3B%20%5Bx%5D",
        );
        check("ana+fair@b.co", "", "", "mailto:ana%2Bfair@b.co");
        check(
            "a@b.co",
            "",
            "https://x.io/a?b=c",
            "mailto:a@b.co?body=https%3A%2F%2Fx.io%2Fa%3Fb%3Dc",
        );
    }

    #[test]
    fn long_links_are_refused() {
        let to = Email::parse("ana@example.com").unwrap();
        let fits = "a".repeat(MAX_LENGTH - "mailto:ana@example.com?body=".len());
        assert!(
            matches!(mailto(Some(&to), "", &fits), Mailto::Link(url) if url.len() == MAX_LENGTH)
        );
        let long = format!("{fits}a");
        assert_eq!(
            mailto(Some(&to), "", &long),
            Mailto::TooLong {
                length: MAX_LENGTH + 1
            }
        );
        // Encoding counts: one emoji is twelve characters in the link.
        let emoji = "👋".repeat(150);
        assert_eq!(mailto(None, "", &emoji).link(), None);
        assert_eq!(mailto(None, "Hi", "").link(), Some("mailto:?subject=Hi"));
    }
}
