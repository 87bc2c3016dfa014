//! What a scanned QR code or a shared link says about a person, as capture fields.
//!
//! Three shapes arrive at the fair: a LinkedIn profile link (from a recruiter's LinkedIn
//! QR code or the LinkedIn app's "Share profile", in any of its web, mobile and app forms),
//! a vCard (2.1, 3.0 or 4.0, as business-card apps encode them) and a MECARD (the compact
//! card many QR generators write). `read_scan` reads a code's text; `read_share` reads what
//! the share sheet hands over (a title, a text and a URL, any of them empty). Both give a
//! `Prefill`: what could be read, with the email and LinkedIn link already validated. A
//! shared text that holds no profile becomes the notes, so nothing shared is lost.
//!
//! Pure text functions: nothing here opens a link or reads the clock.

use chrono::NaiveDate;

use super::contact::NewContact;
use super::email::Email;
use super::formats::vcard::import_vcard;
use super::linkedin::LinkedIn;

/// The capture fields a payload fills in. Empty strings and `None` are "not given".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prefill {
    pub name: String,
    pub company: String,
    pub title: String,
    pub email: Option<Email>,
    pub phone: String,
    pub linkedin: Option<LinkedIn>,
    pub notes: String,
}

impl Prefill {
    /// Whether nothing at all could be read.
    pub fn is_empty(&self) -> bool {
        *self == Prefill::default()
    }

    /// `fields` with every given value of the prefill written over it.
    pub fn fill(&self, mut fields: NewContact) -> NewContact {
        let text = |slot: &mut String, value: &str| {
            if !value.trim().is_empty() {
                *slot = value.trim().to_string();
            }
        };
        text(&mut fields.name, &self.name);
        text(&mut fields.company, &self.company);
        text(&mut fields.title, &self.title);
        text(&mut fields.phone, &self.phone);
        text(&mut fields.notes, &self.notes);
        if self.email.is_some() {
            fields.email = self.email.clone();
        }
        if self.linkedin.is_some() {
            fields.linkedin = self.linkedin.clone();
        }
        fields
    }
}

/// Reads the text of a scanned QR code: a vCard, a MECARD or a LinkedIn link. Anything
/// else is kept as notes.
pub fn read_scan(text: &str) -> Prefill {
    let trimmed = text.trim();
    let upper = trimmed.get(..12).unwrap_or(trimmed).to_ascii_uppercase();
    if upper.starts_with("BEGIN:VCARD") {
        return read_vcard(trimmed);
    }
    if upper.starts_with("MECARD:") {
        return read_mecard(&trimmed[7..]);
    }
    read_share("", trimmed, "")
}

/// Reads what the share sheet sent: the page title, the text and the URL (Android puts
/// the link in `text` more often than in `url`). The first LinkedIn profile link found
/// becomes the profile and a line naming the person becomes the name; shared text with no
/// profile link becomes the notes.
pub fn read_share(title: &str, text: &str, url: &str) -> Prefill {
    let profile = [url, text, title]
        .iter()
        .flat_map(|part| part.split_whitespace())
        .find_map(profile_in);
    let Some(profile) = profile else {
        let mut notes: Vec<&str> = Vec::new();
        for part in [title, text, url] {
            let part = part.trim();
            if !part.is_empty() && !notes.contains(&part) {
                notes.push(part);
            }
        }
        return Prefill {
            notes: notes.join("\n"),
            ..Prefill::default()
        };
    };
    // The lines around the link, without links, may name the person.
    let name = [title, text]
        .iter()
        .flat_map(|part| part.lines())
        .map(|line| {
            line.split_whitespace()
                .filter(|w| !looks_like_link(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .find_map(|line| name_in(&line));
    Prefill {
        name: name.unwrap_or_default(),
        linkedin: Some(profile),
        ..Prefill::default()
    }
}

/// The profile in one word of shared text, accepting the LinkedIn app's own links
/// (`linkedin://in/<slug>`, `linkedin://profile/<slug>`) besides the web forms that
/// `LinkedIn::parse` normalises.
fn profile_in(word: &str) -> Option<LinkedIn> {
    let word = word.trim_matches(|c: char| "<>()[]\"'.,;".contains(c));
    let lower = word.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("linkedin://") {
        let slug = rest
            .strip_prefix("in/")
            .or_else(|| rest.strip_prefix("profile/"))?;
        let slug = &word[word.len() - slug.len()..];
        return LinkedIn::parse(&format!("https://www.linkedin.com/in/{slug}")).ok();
    }
    if !lower.contains("linkedin.com/") {
        return None;
    }
    LinkedIn::parse(word).ok()
}

fn looks_like_link(word: &str) -> bool {
    word.contains("://") || word.starts_with("www.") || profile_in(word).is_some()
}

/// The person's name in a line of shared text: "Ana López" alone, or the name inside the
/// wording LinkedIn's apps and the browsers put around it (see `share_name`).
fn name_in(line: &str) -> Option<String> {
    let line = share_name(line);
    let words = line.split_whitespace().count();
    let plausible = (1..=5).contains(&words)
        && line.chars().count() <= 60
        && !line.contains(['@', '/', ':', '?', '!'])
        && !line.chars().any(|c| c.is_ascii_digit())
        && line.chars().next().is_some_and(char::is_alphabetic);
    plausible.then(|| line.to_string())
}

/// What a share says before the name, in any case: "Check out …", "View …", "View the
/// profile of …", "LinkedIn: …".
const SHARE_PREFIXES: [&str; 11] = [
    "check out ",
    "view ",
    "see ",
    "visit ",
    "connect with ",
    "the profile of ",
    "profile of ",
    "profile: ",
    "linkedin: ",
    "linkedin | ",
    "linkedin - ",
];

/// What a share says after the name, in any case; the name ends at the first of them:
/// "… on LinkedIn", a page title's separators ("… | LinkedIn", "… - Engineer - Stripe |
/// LinkedIn", with a hyphen, en or em dash, middle dot or bullet).
const SHARE_SUFFIXES: [&str; 7] = [" on linkedin", " | ", " - ", " – ", " — ", " · ", " • "];

/// The line without the share wording around a name: a browser tab's unread count
/// ("(3) "), the prefixes and suffixes above, a possessive before "profile" or
/// "LinkedIn" ("Ana López’s profile", "Ana López's LinkedIn profile", "… full
/// profile"), a last word "LinkedIn", and trailing punctuation; the app's name alone
/// leaves nothing. Matching is ASCII
/// case-insensitive, so byte offsets in the lowercased line are the line's.
fn share_name(line: &str) -> &str {
    let mut line = line.trim();
    if let Some(rest) = line.strip_prefix('(') {
        if let Some((count, after)) = rest.split_once(") ") {
            if !count.is_empty() && count.chars().all(|c| c.is_ascii_digit() || c == '+') {
                line = after.trim_start();
            }
        }
    }
    while let Some(prefix) = SHARE_PREFIXES.iter().find(|p| {
        line.get(..p.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(p))
    }) {
        line = line[prefix.len()..].trim_start();
    }
    let lower = line.to_ascii_lowercase();
    let possessive = ["'s ", "’s "].into_iter().flat_map(|apostrophe| {
        lower.match_indices(apostrophe).filter_map(|(at, found)| {
            let after = &lower[at + found.len()..];
            ["profile", "linkedin", "full profile", "public profile"]
                .iter()
                .any(|word| after.starts_with(word))
                .then_some(at)
        })
    });
    let end = SHARE_SUFFIXES
        .iter()
        .filter_map(|suffix| lower.find(suffix))
        .chain(possessive)
        .chain(
            lower
                .ends_with(" linkedin")
                .then(|| lower.len() - " linkedin".len()),
        )
        .min()
        .unwrap_or(line.len());
    let name = line[..end].trim().trim_end_matches([':', ',', '.']).trim();
    // The app's name alone ("LinkedIn", "LinkedIn Profile") names no one.
    let app = ["linkedin", "linkedin profile"]
        .iter()
        .any(|word| name.eq_ignore_ascii_case(word));
    if app {
        ""
    } else {
        name
    }
}

fn read_vcard(text: &str) -> Prefill {
    // The card's own meeting date and edit time are not used: capture sets them.
    let epoch = NaiveDate::default();
    let text = &decode_quoted_printable(text);
    let Ok((mut cards, _)) = import_vcard(text.as_bytes(), "code", String::new, epoch, 0) else {
        return Prefill::default();
    };
    if cards.is_empty() {
        return Prefill::default();
    }
    let card = cards.swap_remove(0);
    let mut prefill = Prefill {
        name: card.name,
        company: card.company,
        title: card.title,
        email: card.email,
        phone: card.phone,
        linkedin: card.linkedin,
        notes: card.notes,
    };
    if prefill.linkedin.is_none() {
        // A vCard 2.1 without a URL type, or a profile link in the note.
        prefill.linkedin = text.lines().find_map(|line| {
            let at = line.to_ascii_lowercase().find("linkedin.com/")?;
            let start = line[..at].rfind("http").unwrap_or(at);
            profile_in(line[start..].split_whitespace().next()?)
        });
    }
    prefill
}

/// vCard 2.1 writes non-ASCII values as `FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Jos=C3=A9`,
/// continued by a `=` at the end of the line. Those values are decoded and the parameter
/// dropped; every other line is kept as it is.
fn decode_quoted_printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(colon) = line.find(':') else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let head = &line[..colon];
        if !head.to_ascii_uppercase().contains("QUOTED-PRINTABLE") {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut value = line[colon + 1..].to_string();
        while value.ends_with('=') {
            value.pop();
            match lines.next() {
                Some(next) => value.push_str(next.trim_start()),
                None => break,
            }
        }
        let mut bytes = Vec::with_capacity(value.len());
        let raw = value.as_bytes();
        let mut i = 0;
        while i < raw.len() {
            let hex = raw
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            match (raw[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
                (b'=', Some(byte)) => {
                    bytes.push(byte);
                    i += 3;
                }
                (byte, _) => {
                    bytes.push(byte);
                    i += 1;
                }
            }
        }
        let head: Vec<&str> = head
            .split(';')
            .filter(|p| {
                let p = p.to_ascii_uppercase();
                !p.contains("QUOTED-PRINTABLE") && !p.starts_with("CHARSET=")
            })
            .collect();
        out.push_str(&head.join(";"));
        out.push(':');
        out.push_str(&String::from_utf8_lossy(&bytes));
        out.push('\n');
    }
    out
}

/// `MECARD:N:López,Ana;ORG:Stripe;TEL:+1…;EMAIL:ana@…;URL:…;NOTE:…;;` (the leading
/// `MECARD:` already removed). Values escape `\;`, `\:`, `\,` and `\\`.
fn read_mecard(body: &str) -> Prefill {
    let mut prefill = Prefill::default();
    let mut other_urls: Vec<String> = Vec::new();
    for field in split_escaped(body, ';') {
        let Some((key, value)) = field.split_once(':') else {
            continue;
        };
        let value = unescape_mecard(value);
        let value = value.trim();
        match key.trim().to_ascii_uppercase().as_str() {
            "N" => {
                let parts: Vec<String> = split_escaped(value, ',')
                    .iter()
                    .map(|p| unescape_mecard(p).trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect();
                // Family name first, as in vCard's N.
                prefill.name = parts.iter().rev().cloned().collect::<Vec<_>>().join(" ");
            }
            "ORG" if prefill.company.is_empty() => prefill.company = value.to_string(),
            "TITLE" if prefill.title.is_empty() => prefill.title = value.to_string(),
            "TEL" if prefill.phone.is_empty() => prefill.phone = value.to_string(),
            "EMAIL" if prefill.email.is_none() => prefill.email = Email::parse(value).ok(),
            "URL" => match profile_in(value) {
                Some(profile) if prefill.linkedin.is_none() => prefill.linkedin = Some(profile),
                _ => other_urls.push(value.to_string()),
            },
            "NOTE" => prefill.notes = value.to_string(),
            _ => {}
        }
    }
    for url in other_urls {
        if !prefill.notes.is_empty() {
            prefill.notes.push('\n');
        }
        prefill.notes.push_str(&url);
    }
    prefill
}

/// Splits on `sep` where it is not escaped by a backslash; escapes are kept.
fn split_escaped(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            parts.push(&text[start..i]);
            start = i + 1;
        }
    }
    parts.push(&text[start..]);
    parts.retain(|p| !p.is_empty());
    parts
}

fn unescape_mecard(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[path = "payload_tests.rs"]
mod tests;
