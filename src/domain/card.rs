//! The student's card: what their QR code says, a LinkedIn profile link, a contact card
//! (vCard) with name, school, email, LinkedIn and resume link, or the link to My page
//! (`my_page`), as they choose.
//!
//! Pure: builds the text from the profile, or says which profile field to fill first. The
//! QR code itself is drawn by the card page.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::formats::vcard::own_card;
use super::linkedin::LinkedIn;
use super::my_page::MyPage;
use super::profile::Profile;

/// What the card's QR code holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CardKind {
    /// The LinkedIn profile link: scanning it opens the profile in LinkedIn.
    #[default]
    LinkedIn,
    /// A contact card: scanning it offers to save the student as a contact.
    VCard,
    /// A link to My page, a static page of the site with the student's details, "Save
    /// contact" and "Send me your details".
    MyPage,
}

impl CardKind {
    pub const ALL: [CardKind; 3] = [CardKind::LinkedIn, CardKind::VCard, CardKind::MyPage];

    pub fn label(self) -> &'static str {
        match self {
            CardKind::LinkedIn => "LinkedIn profile",
            CardKind::VCard => "Contact card",
            CardKind::MyPage => "My page",
        }
    }
}

/// What the profile lacks for the chosen card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// No LinkedIn profile link (or one that no longer reads as a profile).
    LinkedIn,
    /// No name for the contact card.
    Name,
    /// A contact card with a name but no way to reach the student.
    Link,
    /// My page with no email or phone for the reply to go to.
    Reply,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Missing::LinkedIn => {
                "Add your LinkedIn profile link in Settings, under Your profile, to show it as a QR code."
            }
            Missing::Name => "Add your name in Settings, under Your profile, to make a contact card.",
            Missing::Link => {
                "Add your email, LinkedIn or resume link in Settings, under Your profile: \
                 a contact card needs a way to reach you."
            }
            Missing::Reply => {
                "Add your email or phone in Settings, under Your profile: \
                 My page sends their details there."
            }
        })
    }
}

/// The text to encode in the student's QR code; `site` is the app's base URL, ending in
/// `/` (My page is a file of the site).
pub fn card_text(profile: &Profile, kind: CardKind, site: &str) -> Result<String, Missing> {
    let linkedin = LinkedIn::parse(&profile.linkedin_url).ok();
    match kind {
        CardKind::LinkedIn => linkedin
            .map(|l| l.url().to_string())
            .ok_or(Missing::LinkedIn),
        CardKind::VCard => {
            if profile.name.trim().is_empty() {
                return Err(Missing::Name);
            }
            let reachable = linkedin.is_some()
                || !profile.email.trim().is_empty()
                || !profile.resume_url.trim().is_empty();
            if !reachable {
                return Err(Missing::Link);
            }
            Ok(own_card(
                &profile.name,
                &profile.school,
                &profile.email,
                linkedin.as_ref(),
                &profile.resume_url,
            ))
        }
        CardKind::MyPage => MyPage::from_profile(profile).map(|page| page.fit(site).0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::payload::read_scan;

    const SITE: &str = "https://sam.github.io/followup/";

    fn profile(name: &str, email: &str, linkedin: &str, resume: &str) -> Profile {
        Profile {
            name: name.into(),
            school: "State University".into(),
            email: email.into(),
            linkedin_url: linkedin.into(),
            resume_url: resume.into(),
            ..Profile::default()
        }
    }

    #[test]
    fn the_card_says_what_to_fill_until_it_can_be_made() {
        let check = |p: Profile, kind: CardKind, expected: Result<&str, Missing>| {
            let expected = expected.map(str::to_string);
            assert_eq!(card_text(&p, kind, SITE), expected, "{p:?} {kind:?}");
        };
        check(
            profile("Alex Kim", "", "", ""),
            CardKind::LinkedIn,
            Err(Missing::LinkedIn),
        );
        check(
            profile("Alex Kim", "", "not a link", ""),
            CardKind::LinkedIn,
            Err(Missing::LinkedIn),
        );
        check(
            profile("", "", "https://www.linkedin.com/in/alex-kim?trk=x", ""),
            CardKind::LinkedIn,
            Ok("https://www.linkedin.com/in/alex-kim/"),
        );
        check(
            profile("", "a@b.co", "", ""),
            CardKind::VCard,
            Err(Missing::Name),
        );
        check(
            profile("Alex Kim", "", "", ""),
            CardKind::VCard,
            Err(Missing::Link),
        );
        check(
            profile("", "a@b.co", "", ""),
            CardKind::MyPage,
            Err(Missing::Name),
        );
        check(
            profile("Alex Kim", "", "alex-kim", "https://alex.dev/cv.pdf"),
            CardKind::MyPage,
            Err(Missing::Reply),
        );
        check(
            profile("Alex Kim", "a@b.co", "", ""),
            CardKind::MyPage,
            Ok("https://sam.github.io/followup/me.html#n=Alex+Kim&s=State+University&e=a@b.co"),
        );
        assert!(Missing::Link.to_string().contains("Settings"));
        assert!(Missing::Reply.to_string().contains("email or phone"));
    }

    #[test]
    fn a_contact_card_reads_back_as_the_same_person() {
        let check = |p: Profile| {
            let text = card_text(&p, CardKind::VCard, SITE).unwrap();
            let read = read_scan(&text);
            assert_eq!(read.name, p.name, "{text}");
            assert_eq!(read.company, p.school, "{text}");
            assert_eq!(
                read.email
                    .map(|e| e.as_str().to_string())
                    .unwrap_or_default(),
                p.email
            );
            assert_eq!(
                read.linkedin.map(|l| l.url().to_string()),
                LinkedIn::parse(&p.linkedin_url)
                    .ok()
                    .map(|l| l.url().to_string())
            );
            assert!(text.contains(&p.resume_url), "{text}");
        };
        check(profile(
            "Alex Kim",
            "alex@uni.edu",
            "linkedin.com/in/alex-kim",
            "https://alex.dev/cv.pdf",
        ));
        check(profile("Zoë O'Brien-Núñez", "zoe@uni.edu", "", ""));
        check(profile("Alex; Kim, Jr", "", "", "https://alex.dev/cv.pdf"));
    }
}
