//! A LinkedIn profile address, normalised from whatever a student pastes.
//!
//! Every accepted input becomes `https://www.linkedin.com/in/<slug>/`: full URLs with query
//! strings, tracking or fragments, addresses without a scheme, `www.`, `m.` and country
//! subdomains (`uk.linkedin.com`), mobile `mwlite` URLs, trailing paths such as
//! `/details/experience/`, percent-encoded slugs and a bare slug. The slug is lowercased
//! and non-ASCII letters are percent-encoded. Anything else is refused with a message.
//! This module only handles text: it never fetches a page or follows a short link.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::percent;

/// A normalised LinkedIn profile URL. The field is private so every `LinkedIn` is valid.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LinkedIn(String);

/// Why a pasted LinkedIn address was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkedInError {
    /// Nothing but whitespace was pasted.
    Empty,
    /// The text contains spaces, so it is neither a link nor a profile name.
    Spaces,
    /// A scheme other than http or https, such as `javascript:` or `mailto:`.
    Scheme(String),
    /// A link to a site other than LinkedIn.
    NotLinkedIn(String),
    /// A `lnkd.in` short link, which hides the profile name.
    ShortLink,
    /// A LinkedIn page that is not a person's profile (a company, a job, the feed).
    NotAProfile,
    /// A profile link without the profile name after `/in/`.
    NoProfileName,
    /// The profile name has characters LinkedIn does not use.
    BadProfileName,
}

impl fmt::Display for LinkedInError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkedInError::Empty => {
                f.write_str("Paste a LinkedIn profile link, or leave the field empty.")
            }
            LinkedInError::Spaces => f.write_str(
                "That doesn't look like a LinkedIn link: paste the profile address, \
                 like linkedin.com/in/ana-lopez.",
            ),
            LinkedInError::Scheme(scheme) => write!(
                f,
                "Only web links to LinkedIn can be saved, not a \"{scheme}:\" link."
            ),
            LinkedInError::NotLinkedIn(host) => write!(
                f,
                "That link goes to {host}, not LinkedIn. Paste their linkedin.com/in/… address."
            ),
            LinkedInError::ShortLink => f.write_str(
                "That's a shortened lnkd.in link. Open it and paste the full profile address.",
            ),
            LinkedInError::NotAProfile => f.write_str(
                "That's a LinkedIn page but not a person's profile. \
                 Paste a link that contains /in/.",
            ),
            LinkedInError::NoProfileName => {
                f.write_str("The link is missing the profile name after /in/.")
            }
            LinkedInError::BadProfileName => f.write_str(
                "The profile name can only contain letters, digits, hyphens and underscores.",
            ),
        }
    }
}

impl std::error::Error for LinkedInError {}

impl LinkedIn {
    /// Normalises a pasted profile link or bare profile name.
    pub fn parse(input: &str) -> Result<LinkedIn, LinkedInError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(LinkedInError::Empty);
        }
        if text.chars().any(char::is_whitespace) {
            return Err(LinkedInError::Spaces);
        }
        let rest = strip_scheme(text)?;
        let rest = rest.trim_start_matches('/');
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (host, path) = rest.split_at(end);
        if !host.contains('.') && !host.contains(':') && !host.contains('@') && path.is_empty() {
            // A bare profile name such as `ana-lopez`.
            return from_slug(host);
        }
        if host.eq_ignore_ascii_case("in") && text == rest {
            // `in/ana-lopez`, the tail of a profile link.
            return profile_from_path(rest);
        }
        check_host(host)?;
        profile_from_path(path)
    }

    /// Parses an optional field: empty input is `Ok(None)`.
    pub fn parse_optional(input: &str) -> Result<Option<LinkedIn>, LinkedInError> {
        if input.trim().is_empty() {
            Ok(None)
        } else {
            LinkedIn::parse(input).map(Some)
        }
    }

    /// The normalised URL, `https://www.linkedin.com/in/<slug>/`.
    pub fn url(&self) -> &str {
        &self.0
    }

    /// The profile name between `/in/` and the last slash, percent-encoded.
    pub fn slug(&self) -> &str {
        self.0.trim_start_matches(PREFIX).trim_end_matches('/')
    }
}

const PREFIX: &str = "https://www.linkedin.com/in/";

/// A LinkedIn people search for someone without a saved profile link:
/// `https://www.linkedin.com/search/results/people/?keywords=<name company>`.
pub fn people_search_url(name: &str, company: &str) -> String {
    let keywords = [name.trim(), company.trim()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "https://www.linkedin.com/search/results/people/?keywords={}",
        percent::encode(&keywords)
    )
}

/// Where "Open LinkedIn" goes: the profile when known, else a people search.
pub fn profile_or_search(profile: Option<&LinkedIn>, name: &str, company: &str) -> String {
    match profile {
        Some(profile) => profile.url().to_string(),
        None => people_search_url(name, company),
    }
}

/// Removes `http://` or `https://`; refuses every other scheme.
fn strip_scheme(text: &str) -> Result<&str, LinkedInError> {
    let Some(colon) = text.find(':') else {
        return Ok(text);
    };
    let scheme = &text[..colon];
    let looks_like_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !text[..colon].contains('/');
    if !looks_like_scheme {
        return Ok(text);
    }
    let lower = scheme.to_ascii_lowercase();
    if lower.contains('.') && text[colon + 1..].starts_with(|c: char| c.is_ascii_digit()) {
        // `linkedin.com:443/in/…`: a host with a port, not a scheme.
        return Ok(text);
    }
    if lower == "http" || lower == "https" {
        Ok(&text[colon + 1..])
    } else {
        Err(LinkedInError::Scheme(lower))
    }
}

/// Accepts `linkedin.com`, `www.`, `m.` and two-letter country subdomains.
fn check_host(host: &str) -> Result<(), LinkedInError> {
    let host = host.to_ascii_lowercase();
    let host = match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name.to_string(),
        _ => host,
    };
    if host == "lnkd.in" {
        return Err(LinkedInError::ShortLink);
    }
    let ok = match host.strip_suffix("linkedin.com") {
        Some("") => true,
        Some(sub) => match sub.strip_suffix('.') {
            Some(sub) => {
                sub == "www"
                    || sub == "m"
                    || (sub.len() == 2 && sub.chars().all(|c| c.is_ascii_lowercase()))
            }
            None => false,
        },
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(LinkedInError::NotLinkedIn(host))
    }
}

/// Finds the slug in `/in/<slug>/…` or `/mwlite/in/<slug>/…`; ignores query and fragment.
fn profile_from_path(path: &str) -> Result<LinkedIn, LinkedInError> {
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    let mut segments = path.split('/').filter(|s| !s.is_empty()).peekable();
    if segments
        .peek()
        .is_some_and(|s| s.eq_ignore_ascii_case("mwlite"))
    {
        segments.next();
    }
    match segments.next() {
        Some(s) if s.eq_ignore_ascii_case("in") => {}
        _ => return Err(LinkedInError::NotAProfile),
    }
    match segments.next() {
        Some(slug) => from_slug(slug),
        None => Err(LinkedInError::NoProfileName),
    }
}

/// Validates a (possibly percent-encoded) slug and builds the canonical URL.
fn from_slug(raw: &str) -> Result<LinkedIn, LinkedInError> {
    let slug = percent::decode(raw).ok_or(LinkedInError::BadProfileName)?;
    let slug = slug.to_lowercase();
    let valid = !slug.is_empty()
        && slug.chars().count() <= 100
        && slug
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return Err(LinkedInError::BadProfileName);
    }
    Ok(LinkedIn(format!("{PREFIX}{}/", percent::encode(&slug))))
}

impl fmt::Display for LinkedIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for LinkedIn {
    type Error = LinkedInError;
    fn try_from(text: String) -> Result<LinkedIn, LinkedInError> {
        LinkedIn::parse(&text)
    }
}

impl From<LinkedIn> for String {
    fn from(profile: LinkedIn) -> String {
        profile.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, LinkedInError>) {
        let got = LinkedIn::parse(input);
        let expected = expected.map(|slug| format!("{PREFIX}{slug}/"));
        assert_eq!(
            got.as_ref().map(LinkedIn::url),
            expected.as_deref(),
            "{input:?}"
        );
        if let Ok(profile) = got {
            let again = LinkedIn::parse(profile.url());
            assert_eq!(again.as_ref(), Ok(&profile), "normalising twice: {input:?}");
        }
    }

    #[test]
    fn pasted_profile_links_are_normalised() {
        check("https://www.linkedin.com/in/ana-lopez/", Ok("ana-lopez"));
        check("https://www.linkedin.com/in/ana-lopez", Ok("ana-lopez"));
        check("http://www.linkedin.com/in/ana-lopez", Ok("ana-lopez"));
        check("HTTPS://WWW.LINKEDIN.COM/IN/Ana-Lopez", Ok("ana-lopez"));
        check("  https://linkedin.com/in/ana-lopez  ", Ok("ana-lopez"));
        check("linkedin.com/in/ana-lopez", Ok("ana-lopez"));
        check("www.linkedin.com/in/ana-lopez/", Ok("ana-lopez"));
        check("https://m.linkedin.com/in/ana-lopez", Ok("ana-lopez"));
        check("https://uk.linkedin.com/in/ana-lopez", Ok("ana-lopez"));
        check("https://ca.linkedin.com/in/ana-lopez/en", Ok("ana-lopez"));
        check(
            "https://www.linkedin.com/mwlite/in/ana-lopez",
            Ok("ana-lopez"),
        );
        check(
            "https://www.linkedin.com/in/ana-lopez-4b2a91123?utm_source=share&utm_campaign=share_via&utm_content=profile&utm_medium=ios_app",
            Ok("ana-lopez-4b2a91123"),
        );
        check(
            "https://www.linkedin.com/in/ana-lopez/?originalSubdomain=uk",
            Ok("ana-lopez"),
        );
        check(
            "https://www.linkedin.com/in/ana-lopez#experience",
            Ok("ana-lopez"),
        );
        check(
            "https://www.linkedin.com/in/ana-lopez/details/experience/",
            Ok("ana-lopez"),
        );
        check("https://www.linkedin.com/in/ana-lopez//", Ok("ana-lopez"));
        check("https://www.linkedin.com:443/in/ana-lopez", Ok("ana-lopez"));
        check("linkedin.com:443/in/ana-lopez", Ok("ana-lopez"));
        check(
            "https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa",
            Ok("jos%C3%A9-garc%C3%ADa"),
        );
        check(
            "https://www.linkedin.com/in/josé-garcía",
            Ok("jos%C3%A9-garc%C3%ADa"),
        );
        check("https://www.linkedin.com/in/ana%2Dlopez", Ok("ana-lopez"));
        check("ana-lopez", Ok("ana-lopez"));
        check("Ana_Lopez99", Ok("ana_lopez99"));
        check("in/ana-lopez", Ok("ana-lopez"));
        check("//www.linkedin.com/in/ana-lopez", Ok("ana-lopez"));
    }

    #[test]
    fn other_input_is_refused() {
        use LinkedInError::*;
        check("", Err(Empty));
        check("   ", Err(Empty));
        check("Ana Lopez", Err(Spaces));
        check("https://www.linkedin.com/in/ana lopez", Err(Spaces));
        check("javascript:alert(1)", Err(Scheme("javascript".into())));
        check(
            "JavaScript://www.linkedin.com/in/x",
            Err(Scheme("javascript".into())),
        );
        check("data:text/html,<b>hi</b>", Err(Scheme("data".into())));
        check("mailto:ana@example.com", Err(Scheme("mailto".into())));
        check("ftp://linkedin.com/in/ana", Err(Scheme("ftp".into())));
        check(
            "https://evil.com/in/ana",
            Err(NotLinkedIn("evil.com".into())),
        );
        check(
            "https://linkedin.com.evil.com/in/ana",
            Err(NotLinkedIn("linkedin.com.evil.com".into())),
        );
        check(
            "https://notlinkedin.com/in/ana",
            Err(NotLinkedIn("notlinkedin.com".into())),
        );
        check(
            "https://ana@evil.com/in/ana",
            Err(NotLinkedIn("ana@evil.com".into())),
        );
        check(
            "https://foo.bar.linkedin.com/in/ana",
            Err(NotLinkedIn("foo.bar.linkedin.com".into())),
        );
        check("https://lnkd.in/abc123", Err(ShortLink));
        check("https://www.linkedin.com/company/acme/", Err(NotAProfile));
        check("https://www.linkedin.com/school/mit/", Err(NotAProfile));
        check("https://www.linkedin.com/feed/", Err(NotAProfile));
        check("https://www.linkedin.com/", Err(NotAProfile));
        check(
            "https://www.linkedin.com/pub/ana-lopez/12/345/678",
            Err(NotAProfile),
        );
        check("https://www.linkedin.com/in/", Err(NoProfileName));
        check("https://www.linkedin.com/in/?trk=x", Err(NoProfileName));
        check("https://www.linkedin.com/in/ana%ZZ", Err(BadProfileName));
        check(
            "https://www.linkedin.com/in/ana%3Cscript%3E",
            Err(BadProfileName),
        );
        check("ana<lopez>", Err(BadProfileName));
        check(
            "ana@example.com",
            Err(NotLinkedIn("ana@example.com".into())),
        );
    }

    #[test]
    fn errors_read_as_sentences() {
        let message = LinkedIn::parse("javascript:alert(1)")
            .unwrap_err()
            .to_string();
        assert!(message.contains("javascript"), "{message}");
        let message = LinkedIn::parse("https://evil.com/in/x")
            .unwrap_err()
            .to_string();
        assert!(message.contains("evil.com"), "{message}");
    }

    #[test]
    fn people_search_links() {
        fn check(name: &str, company: &str, keywords: &str) {
            let url = people_search_url(name, company);
            assert_eq!(
                url,
                format!("https://www.linkedin.com/search/results/people/?keywords={keywords}")
            );
        }
        check("Ana Lopez", "Acme", "Ana%20Lopez%20Acme");
        check(" Ana ", "", "Ana");
        check("José", "AT&T", "Jos%C3%A9%20AT%26T");
        let profile = LinkedIn::parse("ana-lopez").unwrap();
        assert_eq!(profile_or_search(Some(&profile), "x", "y"), profile.url());
        assert!(profile_or_search(None, "Ana", "").ends_with("keywords=Ana"));
    }

    #[test]
    fn slug_is_the_profile_name() {
        let profile = LinkedIn::parse("linkedin.com/in/ana-lopez?x=1").unwrap();
        assert_eq!(profile.slug(), "ana-lopez");
        assert_eq!(
            profile.to_string(),
            "https://www.linkedin.com/in/ana-lopez/"
        );
    }
}
