//! The agenda's picture: the markup of the agenda as the app drew it, kept so that the
//! next start paints it from `index.html`'s shell before the wasm is here.
//!
//! The picture lives under [`PICTURE_KEY`], as JSON read by the shell's inline script:
//! `{"v":1,"rev":"…","build":"…","days":{"2026-12-07":"<main …>…</main>","2026-12-08":"…"}}`.
//! It holds today's agenda and the next day's, so the first start of a day has one too.
//! The shell paints a day's markup only when all of these hold:
//! - the page is the agenda (the app's base path);
//! - the picture has an entry for the browser's local date;
//! - its `rev` equals the text under [`REV_KEY`], the book's revision;
//! - its `build` is the page's (the `href` of its first `modulepreload` link, which names
//!   the build's hash): the first start after an update draws with the new code.
//!
//! Every save removes the picture before its first write and sets a new revision after its
//! last, so a picture never outlives the book it shows: not after this tab's change, not
//! after another tab's, an import, a restore or a reset, and not after a save cut short.
//! Neither key is a data key: they are not part of the book, a backup or another tab's merge.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where the picture is kept.
pub const PICTURE_KEY: &str = "followup.picture";
/// The book's revision: a new value after every save.
pub const REV_KEY: &str = "followup.rev";
/// The picture's format, checked by the shell.
pub const VERSION: u32 = 1;
/// Pictures larger than this (UTF-16 bytes, as browsers count) are not kept: a picture
/// is a shortcut, and must never take the room a save needs.
pub const MAX_BYTES: usize = 400_000;

/// The agenda's markup for some days, drawn from the book at `rev`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Picture {
    pub rev: String,
    pub build: String,
    pub days: Vec<(NaiveDate, String)>,
}

#[derive(Serialize)]
struct Stored<'a> {
    v: u32,
    rev: &'a str,
    build: &'a str,
    days: BTreeMap<String, &'a str>,
}

#[derive(Deserialize)]
struct Read {
    v: u32,
    rev: String,
    build: String,
    days: BTreeMap<String, String>,
}

impl Picture {
    /// A stored picture of this version, or `None`.
    pub fn decode(text: &str) -> Option<Picture> {
        let read: Read = serde_json::from_str(text).ok()?;
        if read.v != VERSION {
            return None;
        }
        let days = read
            .days
            .into_iter()
            .map(|(day, html)| Some((NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?, html)))
            .collect::<Option<Vec<_>>>()?;
        Some(Picture {
            rev: read.rev,
            build: read.build,
            days,
        })
    }

    /// The markup kept for `day`, if any.
    pub fn of(&self, day: NaiveDate) -> Option<&str> {
        self.days
            .iter()
            .find(|(d, _)| *d == day)
            .map(|(_, html)| html.as_str())
    }

    /// The stored text, or `None` when it would be larger than [`MAX_BYTES`].
    pub fn encode(&self) -> Option<String> {
        let stored = Stored {
            v: VERSION,
            rev: &self.rev,
            build: &self.build,
            days: self
                .days
                .iter()
                .map(|(day, html)| (day_key(*day), html.as_str()))
                .collect(),
        };
        let text = serde_json::to_string(&stored).ok()?;
        (2 * (PICTURE_KEY.len() + text.encode_utf16().count()) <= MAX_BYTES).then_some(text)
    }
}

/// A date as the shell's script writes the browser's local date: `2026-12-07`.
pub fn day_key(day: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::snapshot::is_data_key;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn day_keys_are_zero_padded_local_dates() {
        for (date, key) in [
            (day(2026, 12, 7), "2026-12-07"),
            (day(2027, 1, 31), "2027-01-31"),
            (day(999, 2, 3), "0999-02-03"),
        ] {
            assert_eq!(day_key(date), key);
        }
    }

    #[test]
    fn the_stored_text_is_what_the_shell_reads() {
        let picture = Picture {
            rev: "r1".into(),
            build: "/f-1.js".into(),
            days: vec![
                (day(2026, 12, 8), "<main>\"tomorrow\"</main>".into()),
                (day(2026, 12, 7), "<main>today</main>".into()),
            ],
        };
        assert_eq!(
            picture.encode().as_deref(),
            Some(
                r#"{"v":1,"rev":"r1","build":"/f-1.js","days":{"2026-12-07":"<main>today</main>","2026-12-08":"<main>\"tomorrow\"</main>"}}"#
            )
        );
    }

    #[test]
    fn a_stored_picture_reads_back() {
        let picture = Picture {
            rev: "r1".into(),
            build: "b".into(),
            days: vec![
                (day(2026, 12, 7), "<main>today</main>".into()),
                (day(2026, 12, 8), "<main>\"tomorrow\"</main>".into()),
            ],
        };
        let text = picture.encode().expect("small enough");
        let read = Picture::decode(&text).expect("reads back");
        assert_eq!(read, picture);
        assert_eq!(read.of(day(2026, 12, 8)), Some("<main>\"tomorrow\"</main>"));
        assert_eq!(read.of(day(2026, 12, 9)), None);
        for other in [
            text.replace("\"v\":1", "\"v\":2"),
            text.replace("2026-12-07", "07/12/2026"),
            "{".to_string(),
            String::new(),
        ] {
            assert_eq!(Picture::decode(&other), None, "{other}");
        }
    }

    #[test]
    fn a_picture_too_large_to_keep_is_not_encoded() {
        let html = "x".repeat(MAX_BYTES / 2);
        let picture = Picture {
            rev: "r".into(),
            build: "b".into(),
            days: vec![(day(2026, 12, 7), html)],
        };
        assert_eq!(picture.encode(), None);
    }

    #[test]
    fn neither_key_is_part_of_the_book() {
        assert!(!is_data_key(PICTURE_KEY));
        assert!(!is_data_key(REV_KEY));
    }
}
