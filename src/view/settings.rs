//! What Settings computes about the message templates and the theme: each template's ids
//! and kind of text box, the connection note's length against LinkedIn's limit in words,
//! the placeholders as written, and the theme buttons' ids. Plain Rust, host-tested; the
//! page only turns these into markup.

use crate::domain::note::NoteLength;
use crate::domain::settings::Theme;
use crate::domain::TemplateKind;

/// A stable id fragment for each template's fields.
pub fn template_slug(kind: TemplateKind) -> &'static str {
    match kind {
        TemplateKind::ConnectNote => "connect-note",
        TemplateKind::EmailSubject => "email-subject",
        TemplateKind::EmailBody => "email-body",
        TemplateKind::BonusMessage => "bonus-message",
        TemplateKind::ReferralSubject => "referral-subject",
        TemplateKind::ReferralBody => "referral-body",
        TemplateKind::KeepInTouch => "keep-in-touch",
        TemplateKind::Prep => "prep",
        TemplateKind::ThankYouSubject => "thank-you-subject",
        TemplateKind::ThankYou => "thank-you",
        TemplateKind::Nudge => "nudge",
        TemplateKind::IntroSubject => "intro-subject",
        TemplateKind::IntroBody => "intro-body",
        TemplateKind::IntroNote => "intro-note",
    }
}

/// The ids of a template's text box, its error and its preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateIds {
    /// "template-connect-note".
    pub input: String,
    /// "template-connect-note-error".
    pub error: String,
    /// "template-connect-note-preview".
    pub preview: String,
}

impl TemplateIds {
    pub fn of(kind: TemplateKind) -> TemplateIds {
        let input = format!("template-{}", template_slug(kind));
        TemplateIds {
            error: format!("{input}-error"),
            preview: format!("{input}-preview"),
            input,
        }
    }

    /// What the text box is described by: its error, then its preview.
    pub fn described_by(&self) -> String {
        format!("{} {}", self.error, self.preview)
    }
}

/// A subject line: one line of text, not a text area.
pub fn is_subject(kind: TemplateKind) -> bool {
    matches!(
        kind,
        TemplateKind::EmailSubject
            | TemplateKind::ReferralSubject
            | TemplateKind::ThankYouSubject
            | TemplateKind::IntroSubject
    )
}

/// The rows of a message's text area: fewer for the LinkedIn note and messages.
pub fn text_rows(kind: TemplateKind) -> u32 {
    match kind {
        TemplateKind::ConnectNote | TemplateKind::BonusMessage | TemplateKind::IntroNote => 5,
        _ => 10,
    }
}

/// Whether the template is a LinkedIn note, shown with its length.
pub fn is_note(kind: TemplateKind) -> bool {
    matches!(kind, TemplateKind::ConnectNote | TemplateKind::IntroNote)
}

/// The label after "Subject line" or "Message", for screen readers: " — Follow-up email".
pub fn label_suffix(kind: TemplateKind) -> String {
    format!(" — {}", kind.label())
}

/// The note's length with the sample contact, and how far over the limit it is.
pub fn note_length_text(length: NoteLength) -> String {
    if length.fits() {
        format!(
            "{} of {} characters with this sample.",
            length.length, length.limit
        )
    } else {
        format!(
            "{} characters with this sample: {} over LinkedIn's limit of {}. Names and hooks vary, so leave some room.",
            length.length,
            length.over_by(),
            length.limit
        )
    }
}

/// A placeholder as it is written in a template: "{first_name}".
pub fn placeholder_code(name: &str) -> String {
    format!("{{{name}}}")
}

/// The theme's radio button id: "theme-same", "theme-light", "theme-dark".
pub fn theme_id(theme: Theme) -> String {
    format!(
        "theme-{}",
        theme.label().split(' ').next().unwrap_or("").to_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn each_template_has_its_own_ids() {
        let check = |kind: TemplateKind, input: &str| {
            let ids = TemplateIds::of(kind);
            assert_eq!(ids.input, input);
            assert_eq!(ids.error, format!("{input}-error"));
            assert_eq!(ids.preview, format!("{input}-preview"));
            assert_eq!(ids.described_by(), format!("{input}-error {input}-preview"));
        };
        check(TemplateKind::ConnectNote, "template-connect-note");
        check(TemplateKind::EmailSubject, "template-email-subject");
        check(TemplateKind::ThankYou, "template-thank-you");
        check(TemplateKind::IntroNote, "template-intro-note");
        let slugs: HashSet<_> = TemplateKind::ALL.into_iter().map(template_slug).collect();
        assert_eq!(slugs.len(), TemplateKind::ALL.len());
    }

    #[test]
    fn each_template_gets_its_kind_of_box() {
        let check = |kind: TemplateKind, subject: bool, rows: u32, note: bool| {
            assert_eq!(is_subject(kind), subject, "{kind:?}");
            assert_eq!(text_rows(kind), rows, "{kind:?}");
            assert_eq!(is_note(kind), note, "{kind:?}");
        };
        check(TemplateKind::ConnectNote, false, 5, true);
        check(TemplateKind::EmailSubject, true, 10, false);
        check(TemplateKind::EmailBody, false, 10, false);
        check(TemplateKind::BonusMessage, false, 5, false);
        check(TemplateKind::ReferralSubject, true, 10, false);
        check(TemplateKind::ThankYouSubject, true, 10, false);
        check(TemplateKind::IntroSubject, true, 10, false);
        check(TemplateKind::IntroNote, false, 5, true);
        check(TemplateKind::Nudge, false, 10, false);
    }

    #[test]
    fn the_label_suffix_names_the_template() {
        for kind in TemplateKind::ALL {
            assert_eq!(label_suffix(kind), format!(" — {}", kind.label()));
        }
    }

    #[test]
    fn a_note_says_how_it_fits_linkedins_limit() {
        let check = |length: usize, limit: usize, expected: &str| {
            assert_eq!(note_length_text(NoteLength { length, limit }), expected);
        };
        check(0, 200, "0 of 200 characters with this sample.");
        check(200, 200, "200 of 200 characters with this sample.");
        check(
            201,
            200,
            "201 characters with this sample: 1 over LinkedIn's limit of 200. Names and hooks vary, so leave some room.",
        );
        check(180, 300, "180 of 300 characters with this sample.");
    }

    #[test]
    fn placeholders_are_written_in_braces() {
        for (name, expected) in [
            ("first_name", "{first_name}"),
            ("event", "{event}"),
            ("", "{}"),
        ] {
            assert_eq!(placeholder_code(name), expected);
        }
    }

    #[test]
    fn each_theme_has_its_id() {
        for (theme, expected) in [
            (Theme::System, "theme-same"),
            (Theme::Light, "theme-light"),
            (Theme::Dark, "theme-dark"),
        ] {
            assert_eq!(theme_id(theme), expected);
        }
    }
}
