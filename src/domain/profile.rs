//! The student's own details, used to fill `{my_name}`, `{school}` and the other
//! placeholders about the sender.
//!
//! Plain data and the check on the links it holds; no IO.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub name: String,
    pub school: String,
    /// Programme or major, such as "Computer Science".
    pub programme: String,
    /// Graduation year as typed, such as "2027".
    pub grad_year: String,
    pub resume_url: String,
    pub linkedin_url: String,
    /// The address recruiters can write to, shared on the student's card.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// A phone number for texts, shown only on My page (its reply comes by SMS when set).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// How emails end, such as "Best," or "Thanks again,".
    pub sign_off: String,
}

/// A web link: `http://` or `https://`, with an address after it. It cannot hold anything
/// else: `parse` is the only way in. A link typed without a scheme (`mysite.dev/cv.pdf`)
/// gets `https://`; any other scheme, such as `javascript:`, is refused with a sentence
/// saying why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebLink(String);

impl WebLink {
    /// A link as typed; empty text is not a link (see `parse_optional`).
    pub fn parse(text: &str) -> Result<WebLink, String> {
        match WebLink::parse_optional(text)? {
            Some(link) => Ok(link),
            None => Err("Paste the full address, starting with https://.".into()),
        }
    }

    /// An optional link field: empty (or only spaces) is `None`.
    pub fn parse_optional(text: &str) -> Result<Option<WebLink>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        if text.chars().any(char::is_whitespace) {
            return Err(
                "A link can't contain spaces. Paste the address exactly as it appears.".into(),
            );
        }
        let lower = text.to_ascii_lowercase();
        for scheme in ["https://", "http://"] {
            if let Some(rest) = lower.strip_prefix(scheme) {
                return if rest.trim_start_matches('/').contains('.') {
                    Ok(Some(WebLink(text.to_string())))
                } else {
                    Err(
                        "That link is missing its address, like https://example.com/resume.pdf."
                            .into(),
                    )
                };
            }
        }
        let scheme = lower
            .split_once(':')
            .map(|(scheme, _)| scheme)
            .filter(|s| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            })
            .filter(|s| !s.contains('.'));
        match scheme {
            Some(scheme) => Err(format!(
                "Only web links starting with https:// can be saved, not a \u{201c}{scheme}:\u{201d} link."
            )),
            None if text.contains('.') && !text.starts_with('/') => {
                Ok(Some(WebLink(format!("https://{text}"))))
            }
            None => Err("That doesn't look like a web link. Paste the full address, starting with https://.".into()),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A profile link field as typed, checked: the link to store (empty when none was typed),
/// or why it was refused.
pub fn web_link(text: &str) -> Result<String, String> {
    WebLink::parse_optional(text).map(|link| link.map(|l| l.0).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_link_is_none_and_not_a_link() {
        assert_eq!(WebLink::parse_optional("  "), Ok(None));
        assert!(WebLink::parse("").is_err());
        assert_eq!(
            WebLink::parse("alexkim.dev").map(|l| l.as_str().to_string()),
            Ok("https://alexkim.dev".to_string())
        );
    }

    #[test]
    fn profile_links_are_web_links_only() {
        let check = |input: &str, expected: Result<&str, &str>| {
            let got = web_link(input);
            match expected {
                Ok(url) => assert_eq!(got.as_deref(), Ok(url), "{input:?}"),
                Err(fragment) => {
                    let err = got.expect_err(input);
                    assert!(err.contains(fragment), "{input:?}: {err}");
                }
            }
        };
        check("", Ok(""));
        check("   ", Ok(""));
        check(
            "https://alexkim.dev/cv.pdf",
            Ok("https://alexkim.dev/cv.pdf"),
        );
        check("http://alexkim.dev", Ok("http://alexkim.dev"));
        check(
            "HTTPS://Drive.Example.com/x",
            Ok("HTTPS://Drive.Example.com/x"),
        );
        check("alexkim.dev/cv.pdf", Ok("https://alexkim.dev/cv.pdf"));
        check(" alexkim.dev ", Ok("https://alexkim.dev"));
        check("javascript:alert(1)", Err("javascript:"));
        check("JavaScript:alert(1)", Err("javascript:"));
        check("mailto:me@x.com", Err("mailto:"));
        check("ftp://files.example.com", Err("ftp:"));
        check("data:text/html,hi", Err("data:"));
        check("https://", Err("missing its address"));
        check("https://localhost", Err("missing its address"));
        check("my resume.pdf", Err("spaces"));
        check("/resume.pdf", Err("doesn't look like a web link"));
        check("resume", Err("doesn't look like a web link"));
    }
}
