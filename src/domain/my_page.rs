//! My page: the student's card as a link to a static page of the site (`me.html`), and the
//! reply that page sends back.
//!
//! The page link carries the student's details in its fragment (`#n=…&e=…`), which a
//! browser never sends to a server: name `n`, school `s`, programme `h`, graduation year
//! `y`, email `e`, phone `p`, LinkedIn profile name `l` and resume link `r`, in that
//! order, empty ones left out.
//! A space is `+`; `/ : @ ,` and the unreserved characters stay as they are; every other
//! byte of the UTF-8 text is `%XX`. The code must scan at arm's length (version 10 at
//! most, `MAX_LINK` bytes): a link longer than that leaves out the programme and year, then the
//! school, then the resume link, then the LinkedIn profile, and says which (`fit`).
//!
//! The reply is a link into capture, `contacts/new?via=me&n=…&c=…&e=…&l=…` (name, company,
//! email, LinkedIn as the scanner typed them, percent-encoded); `read_reply` turns it into
//! capture fields with a "Sent from My page" note, and keeps a value that does not
//! validate in the notes instead of losing it.
//!
//! `public/me.js` decodes exactly what `MyPage::link` encodes and writes what
//! `read_reply` reads (`e2e fair::my_page_saves_a_contact_and_sends_a_reply_into_capture`).
//! Pure: the site's address is an argument; nothing here opens a link.

use super::card::Missing;
use super::email::Email;
use super::linkedin::LinkedIn;
use super::payload::Prefill;
use super::percent;
use super::profile::Profile;

/// The page, relative to the site's base.
pub const PAGE: &str = "me.html";

/// The most bytes a link may have: what a version-10 QR code holds at level M.
pub const MAX_LINK: usize = 213;

/// What a link too long leaves out first, by indexes into `KEYS`, with its name.
const LEFT_OUT_FIRST: [(&[usize], &str); 4] = [
    (&[2, 3], "programme and year"),
    (&[1], "school"),
    (&[7], "resume link"),
    (&[6], "LinkedIn"),
];

/// The note a reply's capture carries.
pub const SENT_FROM_MY_PAGE: &str = "Sent from My page";

/// What My page shows, as read from (or written into) its link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MyPage {
    pub name: String,
    pub school: String,
    /// "Computer Science".
    pub programme: String,
    /// "2027".
    pub grad_year: String,
    pub email: String,
    pub phone: String,
    /// The LinkedIn profile name, the part after `/in/`.
    pub linkedin: String,
    pub resume: String,
}

/// The fragment's keys, in the order they are written.
const KEYS: [&str; 8] = ["n", "s", "h", "y", "e", "p", "l", "r"];

impl MyPage {
    /// The page for `profile`: it needs a name, and an email or phone for the reply.
    pub fn from_profile(profile: &Profile) -> Result<MyPage, Missing> {
        let name = profile.name.trim();
        if name.is_empty() {
            return Err(Missing::Name);
        }
        let (email, phone) = (profile.email.trim(), profile.phone.trim());
        if email.is_empty() && phone.is_empty() {
            return Err(Missing::Reply);
        }
        let linkedin = LinkedIn::parse(&profile.linkedin_url)
            .map(|l| l.slug().to_string())
            .unwrap_or_default();
        Ok(MyPage {
            name: name.to_string(),
            school: profile.school.trim().to_string(),
            programme: profile.programme.trim().to_string(),
            grad_year: profile.grad_year.trim().to_string(),
            email: email.to_string(),
            phone: phone_digits(phone),
            linkedin,
            resume: profile.resume_url.trim().to_string(),
        })
    }

    fn values(&self) -> [&str; 8] {
        [
            &self.name,
            &self.school,
            &self.programme,
            &self.grad_year,
            &self.email,
            &self.phone,
            &self.linkedin,
            &self.resume,
        ]
    }

    /// The page's address under `site` (the app's base URL, ending in `/`), whatever its
    /// length.
    pub fn link(&self, site: &str) -> String {
        self.link_without(site, &[])
    }

    /// The page's address, short enough for the code (`MAX_LINK`), and the names of the
    /// fields left out to get there (none for most profiles).
    pub fn fit(&self, site: &str) -> (String, Vec<&'static str>) {
        let mut left_out = Vec::new();
        let mut link = self.link(site);
        let mut names = Vec::new();
        for (indexes, name) in LEFT_OUT_FIRST {
            if link.len() <= MAX_LINK {
                break;
            }
            if indexes.iter().any(|&i| !self.values()[i].is_empty()) {
                left_out.extend_from_slice(indexes);
                names.push(name);
                link = self.link_without(site, &left_out);
            }
        }
        (link, names)
    }

    fn link_without(&self, site: &str, left_out: &[usize]) -> String {
        let fragment: Vec<String> = KEYS
            .iter()
            .zip(self.values())
            .enumerate()
            .filter(|(index, (_, value))| !value.is_empty() && !left_out.contains(index))
            .map(|(_, pair)| pair)
            .map(|(key, value)| format!("{key}={}", encode_fragment(value)))
            .collect();
        format!("{site}{PAGE}#{}", fragment.join("&"))
    }

    /// The page as read from a link's fragment (the text after `#`); unknown keys and
    /// broken escapes are ignored, as the page does.
    pub fn read(fragment: &str) -> MyPage {
        let get = |key: &str| {
            pairs(fragment)
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| percent::decode(&v.replace('+', " ")))
                .unwrap_or_default()
        };
        let [name, school, programme, grad_year, email, phone, linkedin, resume] = KEYS.map(get);
        MyPage {
            name,
            school,
            programme,
            grad_year,
            email,
            phone,
            linkedin,
            resume,
        }
    }
}

/// A phone number as texts need it: its digits, and a leading `+`.
fn phone_digits(phone: &str) -> String {
    let plus = if phone.trim_start().starts_with('+') {
        "+"
    } else {
        ""
    };
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("{plus}{digits}")
}

/// `key=value` pairs of a query or fragment, values still encoded.
fn pairs(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.split('&').filter_map(|kv| kv.split_once('='))
}

/// A fragment value: a space is `+`; unreserved characters and `/ : @ ,` stay; the rest
/// is `%XX`.
fn encode_fragment(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b' ' => out.push('+'),
            b'-' | b'.' | b'_' | b'~' | b'/' | b':' | b'@' | b',' => out.push(byte as char),
            _ if byte.is_ascii_alphanumeric() => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// What the scanner typed into "Send me your details".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reply {
    pub name: String,
    pub company: String,
    pub email: String,
    pub linkedin: String,
}

/// The reply's keys, in the order they are written.
const REPLY_KEYS: [&str; 4] = ["n", "c", "e", "l"];

impl Reply {
    /// The capture link under `site`, as `me.js` writes it (empty fields left out).
    pub fn link(&self, site: &str) -> String {
        let mut query = String::from("via=me");
        let values = [&self.name, &self.company, &self.email, &self.linkedin];
        for (key, value) in REPLY_KEYS.iter().zip(values) {
            let value = value.trim();
            if !value.is_empty() {
                query.push_str(&format!("&{key}={}", percent::encode(value)));
            }
        }
        format!("{site}contacts/new?{query}")
    }
}

/// Capture's fields for a reply, given the page's query values (already decoded), or
/// `None` when the page was not opened from My page. An email or LinkedIn link that does
/// not validate is kept in the notes, under the "Sent from My page" line.
pub fn read_reply(get: impl Fn(&str) -> Option<String>) -> Option<Prefill> {
    if get("via").as_deref() != Some("me") {
        return None;
    }
    let value = |key: &str| get(key).map(|v| v.trim().to_string()).unwrap_or_default();
    let mut notes = vec![SENT_FROM_MY_PAGE.to_string()];
    let email_text = value("e");
    let email = Email::parse_optional(&email_text).ok().flatten();
    if email.is_none() && !email_text.is_empty() {
        notes.push(format!("Email as sent: {email_text}"));
    }
    let linkedin_text = value("l");
    let linkedin = LinkedIn::parse_optional(&linkedin_text).ok().flatten();
    if linkedin.is_none() && !linkedin_text.is_empty() {
        notes.push(format!("LinkedIn as sent: {linkedin_text}"));
    }
    Some(Prefill {
        name: value("n"),
        company: value("c"),
        email,
        linkedin,
        notes: notes.join("\n"),
        ..Prefill::default()
    })
}

/// The decoded value of `key` in a raw query string (`+` read as a space), as the
/// router hands it to capture.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    pairs(query.trim_start_matches('?'))
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| percent::decode(&v.replace('+', " ")))
}

#[cfg(test)]
#[path = "my_page_tests.rs"]
mod tests;
