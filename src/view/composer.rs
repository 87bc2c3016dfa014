//! What the composer warns about before a draft is sent: the student's name missing, an
//! instruction in brackets still to replace, a placeholder left over. Each comes with the
//! fix the composer offers in one tap.
//!
//! Also the composer's header lines (who it goes to, and the hint when there is no email),
//! and what its text is for (`Purpose`: a message to them, or the meeting-prep checklist).
//! Pure text checks, tested on the host.

use crate::domain::Step;

/// Something to fix in a draft, with where it is (byte offsets into the text checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    /// No name in the profile: the message would go out unsigned.
    NoSenderName,
    /// The profile has a name but the message does not contain it (it was deleted).
    NotSigned { name: String },
    /// An instruction such as "(a line or two about a project …)" still to replace.
    Instruction { start: usize, end: usize },
    /// Template syntax left in the text: `{first_name}`, `[ at {event}]`.
    Placeholder { start: usize, end: usize },
}

impl DraftProblem {
    /// The warning, as the composer says it.
    pub fn message(&self) -> String {
        match self {
            DraftProblem::NoSenderName => {
                "Your name isn't set, so this goes out unsigned.".to_string()
            }
            DraftProblem::NotSigned { name } => {
                format!("This message doesn't include your name ({name}).")
            }
            DraftProblem::Instruction { .. } => {
                "There's a note in brackets for you to replace before sending.".to_string()
            }
            DraftProblem::Placeholder { .. } => {
                "A placeholder wasn't filled in and would be sent as is.".to_string()
            }
        }
    }

    /// The label of the one-tap fix.
    pub fn fix(&self) -> &'static str {
        match self {
            DraftProblem::NoSenderName => "Add your name",
            DraftProblem::NotSigned { .. } => "Sign it",
            DraftProblem::Instruction { .. } => "Replace it",
            DraftProblem::Placeholder { .. } => "Remove it",
        }
    }
}

/// The problems of `body` for a student called `my_name` ("" when not set), in order.
pub fn problems(body: &str, my_name: &str) -> Vec<DraftProblem> {
    let mut out = Vec::new();
    let name = my_name.trim();
    if name.is_empty() {
        out.push(DraftProblem::NoSenderName);
    } else if !body.contains(name) {
        out.push(DraftProblem::NotSigned {
            name: name.to_string(),
        });
    }
    if let Some((start, end)) = instruction(body) {
        out.push(DraftProblem::Instruction { start, end });
    }
    if let Some((start, end)) = placeholder(body) {
        out.push(DraftProblem::Placeholder { start, end });
    }
    out
}

/// The first parenthesised instruction: "(" then a lowercase word, at least four words.
fn instruction(body: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(open) = body[from..].find('(').map(|i| i + from) {
        let close = body[open..].find(')').map(|i| i + open)?;
        let inside = &body[open + 1..close];
        let lowercase_start = inside.chars().next().is_some_and(char::is_lowercase);
        if lowercase_start && inside.split_whitespace().count() >= 4 {
            return Some((open, close + 1));
        }
        from = close + 1;
    }
    None
}

/// The first `{…}` or `[…]` left in the text.
fn placeholder(body: &str) -> Option<(usize, usize)> {
    let open = body.find(['{', '['])?;
    let closing = if body[open..].starts_with('{') {
        '}'
    } else {
        ']'
    };
    let end = body[open..]
        .find(closing)
        .map_or(body.len(), |i| open + i + 1);
    Some((open, end))
}

/// `body` signed: the name on a line of its own at the end.
pub fn signed(body: &str, name: &str) -> String {
    format!("{}\n{}", body.trim_end(), name.trim())
}

/// `body` without the text from `start` to `end`, and without the space left around it.
pub fn without(body: &str, start: usize, end: usize) -> String {
    let before = body[..start].trim_end_matches(' ');
    let after = &body[end..];
    let after = if before.ends_with('\n') || before.is_empty() {
        after.trim_start_matches(' ')
    } else {
        after
    };
    format!("{before}{after}")
}

/// Character offsets (for a textarea's selection) of a byte range of `body`.
pub fn char_range(body: &str, start: usize, end: usize) -> (u32, u32) {
    let chars = |to: usize| body[..to].encode_utf16().count() as u32;
    (chars(start), chars(end))
}

/// The line under the composer's title: the person, then their email or else their company.
pub fn to_line(name: &str, email: Option<&str>, company: &str) -> String {
    match (email, company.is_empty()) {
        (Some(email), _) => format!("To {name} · {email}"),
        (None, false) => format!("To {name} · {company}"),
        (None, true) => format!("To {name}"),
    }
}

/// What the composer's text is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A message to the contact: sent by email or LinkedIn, signed, then marked as sent.
    Message,
    /// A checklist for the student (meeting prep): copied or kept, never sent to them.
    Checklist,
}

impl Purpose {
    pub fn of(step: Step) -> Purpose {
        match step {
            Step::Prep => Purpose::Checklist,
            _ => Purpose::Message,
        }
    }

    /// The line under the composer's title: who the message goes to, or whom the
    /// checklist is for.
    pub fn header(self, name: &str, email: Option<&str>, company: &str) -> String {
        match self {
            Purpose::Message => to_line(name, email, company),
            Purpose::Checklist if company.is_empty() => format!("For your meeting with {name}"),
            Purpose::Checklist => format!("For your meeting with {name} · {company}"),
        }
    }

    /// The label of the text field.
    pub fn body_label(self) -> &'static str {
        match self {
            Purpose::Message => "Message",
            Purpose::Checklist => "Checklist",
        }
    }

    /// The closing card: what it asks, and its button.
    pub fn done_prompt(self) -> (&'static str, &'static str) {
        match self {
            Purpose::Message => (
                "Sent it? Mark it so Followup can plan what comes next.",
                "Mark as sent",
            ),
            Purpose::Checklist => (
                "Ready for the meeting? Mark it and it leaves your agenda.",
                "Mark as prepared",
            ),
        }
    }
}

/// What the composer says when an email-shaped step has no address to send to.
pub fn no_email_hint(step: Step, has_email: bool) -> Option<&'static str> {
    (!has_email && matches!(step, Step::Email | Step::Referral)).then_some(
        "No email address saved for them: send this as a LinkedIn message, or add their \
         email to open your mail app.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prep_checklist_is_for_the_student_and_every_other_step_is_a_message() {
        for step in Step::ALL {
            let expected = if step == Step::Prep {
                Purpose::Checklist
            } else {
                Purpose::Message
            };
            assert_eq!(Purpose::of(step), expected, "{}", step.label());
        }
        let prep = Purpose::Checklist;
        assert_eq!(
            prep.header("Priya Shah", Some("priya@figma.example"), "Figma"),
            "For your meeting with Priya Shah · Figma"
        );
        assert_eq!(
            prep.header("Priya Shah", None, ""),
            "For your meeting with Priya Shah"
        );
        assert_eq!(prep.done_prompt().1, "Mark as prepared");
        assert_eq!(prep.body_label(), "Checklist");
        let message = Purpose::Message;
        assert_eq!(
            message.header("Priya Shah", Some("priya@figma.example"), "Figma"),
            "To Priya Shah · priya@figma.example"
        );
        assert_eq!(message.done_prompt().1, "Mark as sent");
    }

    #[test]
    fn problems_found_in_drafts() {
        let keep = "Hi Priya,\n\nAn update: (a line or two about a project you're proud of).\n\nBest,\nSam Lee";
        let open = keep.find('(').unwrap();
        let close = keep.find(')').unwrap() + 1;
        for (body, name, expected) in [
            ("Hi Priya, great to meet you! Sam Lee", "Sam Lee", vec![]),
            (
                "Hi Priya, great to meet you!",
                "",
                vec![DraftProblem::NoSenderName],
            ),
            (
                "Hi Priya, great to meet you!",
                "Sam Lee",
                vec![DraftProblem::NotSigned {
                    name: "Sam Lee".into(),
                }],
            ),
            (
                keep,
                "Sam Lee",
                vec![DraftProblem::Instruction {
                    start: open,
                    end: close,
                }],
            ),
            (
                "Hi {first_name}, Sam",
                "Sam",
                vec![DraftProblem::Placeholder { start: 3, end: 15 }],
            ),
            (
                "Hi[ at {event}] Sam",
                "Sam",
                vec![DraftProblem::Placeholder { start: 2, end: 15 }],
            ),
            ("Hi (Priya) — see you (soon). Sam", "Sam", vec![]),
        ] {
            assert_eq!(problems(body, name), expected, "{body:?} by {name:?}");
        }
    }

    #[test]
    fn the_fixes() {
        assert_eq!(signed("Hi Priya!\n\n", "Sam"), "Hi Priya!\nSam");
        let text = "An update: (a line about it). Thanks";
        let open = text.find('(').unwrap();
        let close = text.find(')').unwrap() + 1;
        assert_eq!(without(text, open, close), "An update:. Thanks");
        assert_eq!(without("Hi {x} there", 3, 6), "Hi there");
        assert_eq!(char_range("é(ab)", 2, 6), (1, 5));
        for problem in [
            DraftProblem::NoSenderName,
            DraftProblem::NotSigned { name: "Sam".into() },
            DraftProblem::Instruction { start: 0, end: 1 },
            DraftProblem::Placeholder { start: 0, end: 1 },
        ] {
            assert!(!problem.message().is_empty() && !problem.fix().is_empty());
        }
    }

    #[test]
    fn header_lines() {
        for (email, company, want) in [
            (
                Some("ana@figma.com"),
                "Figma",
                "To Ana Silva · ana@figma.com",
            ),
            (None, "Figma", "To Ana Silva · Figma"),
            (None, "", "To Ana Silva"),
        ] {
            assert_eq!(to_line("Ana Silva", email, company), want);
        }
        for (step, has_email, hinted) in [
            (Step::Email, false, true),
            (Step::Referral, false, true),
            (Step::Email, true, false),
            (Step::Connect, false, false),
            (Step::BonusMessage, false, false),
        ] {
            assert_eq!(no_email_hint(step, has_email).is_some(), hinted, "{step:?}");
        }
    }
}
