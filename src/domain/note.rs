//! The length of a LinkedIn connection note, counted the way the composer shows it, and
//! the limit: 200 characters, or 300 with LinkedIn Premium.
//!
//! Length is the number of Unicode scalar values (`str::chars().count()`), after turning
//! `\r\n` into `\n`: an accented letter or a simple emoji counts as one, like on LinkedIn's
//! counter, not as its UTF-8 bytes. Emoji built from several code points (flags, families,
//! skin tones) count as each of their parts, which errs on the side of a shorter note.
//! Pure; no IO.

use serde::{Deserialize, Serialize};

/// The note limit without Premium.
pub const FREE_LIMIT: usize = 200;
/// The note limit with Premium.
pub const PREMIUM_LIMIT: usize = 300;

/// How long a note is against its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteLength {
    pub length: usize,
    pub limit: usize,
}

impl NoteLength {
    /// Measures `text` against the limit for a student with or without Premium.
    pub fn of(text: &str, premium: bool) -> NoteLength {
        NoteLength {
            length: note_length(text),
            limit: note_limit(premium),
        }
    }

    pub fn fits(self) -> bool {
        self.length <= self.limit
    }

    /// Characters past the limit (0 when it fits).
    pub fn over_by(self) -> usize {
        self.length.saturating_sub(self.limit)
    }

    /// Characters left before the limit (0 when over).
    pub fn remaining(self) -> usize {
        self.limit.saturating_sub(self.length)
    }
}

/// The length of a note as LinkedIn counts it.
pub fn note_length(text: &str) -> usize {
    text.chars().count() - text.matches("\r\n").count()
}

/// The note limit for a student with or without Premium.
pub fn note_limit(premium: bool) -> usize {
    if premium {
        PREMIUM_LIMIT
    } else {
        FREE_LIMIT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_length_counts_characters_not_bytes() {
        fn check(text: &str, expected: usize) {
            assert_eq!(
                note_length(text),
                expected,
                "{text:?} ({} bytes)",
                text.len()
            );
        }
        check("", 0);
        check("Hi Ana", 6);
        check("José Müller", 11);
        check("e\u{301}", 2); // e + combining accent: two code points
        check("👋", 1);
        check("Thanks! 🙏🏽", 10); // folded hands + skin tone modifier
        check("🇨🇦", 2); // a flag is two regional indicators
        check("你好", 2);
        check("a\nb", 3);
        check("a\r\nb", 3);
    }

    #[test]
    fn limits_depend_on_premium() {
        fn check(length: usize, premium: bool, fits: bool, over: usize, left: usize) {
            let note = NoteLength::of(&"é".repeat(length), premium);
            assert_eq!(
                (note.fits(), note.over_by(), note.remaining()),
                (fits, over, left),
                "{length} chars, premium {premium}"
            );
        }
        check(0, false, true, 0, 200);
        check(199, false, true, 0, 1);
        check(200, false, true, 0, 0);
        check(201, false, false, 1, 0);
        check(201, true, true, 0, 99);
        check(300, true, true, 0, 0);
        check(301, true, false, 1, 0);
    }
}
