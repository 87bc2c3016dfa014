//! Copies of stored data the app could not read, kept in the browser until the student
//! deletes them.
//!
//! A copy's key is named after its content (`followup.unreadable.<hash>`), so the same
//! unreadable data is kept once however often the page loads: a reload loop never grows
//! storage. Copies made by older versions under a time-stamped key are folded into the
//! content-named key by [`tidy`]. Pure functions over keys and text; `storage.rs` does the
//! reading and writing, and the hash is FNV-1a (stable across versions and platforms,
//! which `std`'s hasher does not promise).

/// Every kept copy's key starts with this.
pub const COPY_PREFIX: &str = "followup.unreadable.";

/// FNV-1a, 64 bits, over the text's UTF-8 bytes.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The key a copy of `raw` is kept under.
pub fn copy_key(raw: &str) -> String {
    format!("{COPY_PREFIX}{:016x}", fnv1a(raw))
}

/// One kept copy, as Settings lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptCopy {
    pub key: String,
    /// How many stored keys the copy holds (it is a JSON object of key → text).
    pub entries: usize,
    /// What it takes in localStorage, counted as the browser does (UTF-16, key and value).
    pub bytes: usize,
}

impl KeptCopy {
    fn of(key: &str, raw: &str) -> KeptCopy {
        let entries =
            serde_json::from_str::<std::collections::BTreeMap<String, serde::de::IgnoredAny>>(raw)
                .map(|m| m.len())
                .unwrap_or(1);
        KeptCopy {
            key: key.to_string(),
            entries,
            bytes: 2 * (key.encode_utf16().count() + raw.encode_utf16().count()),
        }
    }

    /// "3 stored entries".
    pub fn describe(&self) -> String {
        if self.entries == 1 {
            "1 stored entry".to_string()
        } else {
            format!("{} stored entries", self.entries)
        }
    }
}

/// The kept copies among `entries` (any keys), in key order.
pub fn kept_copies<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<KeptCopy> {
    let mut copies: Vec<KeptCopy> = entries
        .into_iter()
        .filter(|(key, _)| key.starts_with(COPY_PREFIX))
        .map(|(key, raw)| KeptCopy::of(key, raw))
        .collect();
    copies.sort_by(|a, b| a.key.cmp(&b.key));
    copies
}

/// The changes that leave one copy per distinct content, each under its content's key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tidy {
    /// Copies to write under their content's key (made first).
    pub writes: Vec<(String, String)>,
    /// Keys to remove once every write succeeded.
    pub removes: Vec<String>,
}

/// Folds copies kept under any other key (older versions used the time) into one key per
/// distinct content. Copies already under their content's key are left alone.
pub fn tidy<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Tidy {
    let copies: Vec<(&str, &str)> = entries
        .into_iter()
        .filter(|(key, _)| key.starts_with(COPY_PREFIX))
        .collect();
    let present: std::collections::BTreeSet<&str> = copies.iter().map(|(k, _)| *k).collect();
    let mut tidy = Tidy::default();
    for (key, raw) in copies {
        let wanted = copy_key(raw);
        if key == wanted {
            continue;
        }
        let planned = tidy.writes.iter().any(|(k, _)| *k == wanted);
        if !present.contains(wanted.as_str()) && !planned {
            tidy.writes.push((wanted, raw.to_string()));
        }
        tidy.removes.push(key.to_string());
    }
    tidy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_depends_on_the_content_only() {
        fn check(a: &str, b: &str, same: bool) {
            assert_eq!(copy_key(a) == copy_key(b), same, "{a:?} {b:?}");
            assert!(copy_key(a).starts_with(COPY_PREFIX));
            assert_eq!(copy_key(a).len(), COPY_PREFIX.len() + 16);
        }
        check("{not json", "{not json", true);
        check("{not json", "{not json ", false);
        check("", "", true);
        check("a", "b", false);
        assert_eq!(copy_key(""), "followup.unreadable.cbf29ce484222325");
    }

    #[test]
    fn tidying_keeps_one_copy_per_content() {
        fn check(entries: &[(&str, &str)], writes: &[(&str, &str)], removes: &[&str]) {
            let got = tidy(entries.iter().copied());
            let writes: Vec<(String, String)> = writes
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            assert_eq!(got.writes, writes, "{entries:?}");
            assert_eq!(got.removes, removes, "{entries:?}");
        }
        let a = copy_key("A");
        let b = copy_key("B");
        check(&[], &[], &[]);
        check(&[(&a, "A")], &[], &[]);
        check(&[("followup.meta", "{}")], &[], &[]);
        check(
            &[
                ("followup.unreadable.1", "A"),
                ("followup.unreadable.2", "A"),
                ("followup.unreadable.3", "A"),
            ],
            &[(&a, "A")],
            &[
                "followup.unreadable.1",
                "followup.unreadable.2",
                "followup.unreadable.3",
            ],
        );
        check(
            &[("followup.unreadable.1", "A"), (&a, "A")],
            &[],
            &["followup.unreadable.1"],
        );
        check(
            &[
                ("followup.unreadable.1", "A"),
                ("followup.unreadable.2", "B"),
            ],
            &[(&a, "A"), (&b, "B")],
            &["followup.unreadable.1", "followup.unreadable.2"],
        );
    }

    #[test]
    fn copies_are_listed_with_their_size() {
        let a = copy_key(r#"{"followup.meta":"{x"}"#);
        let copies = kept_copies([
            ("followup.meta", "{}"),
            (a.as_str(), r#"{"followup.meta":"{x"}"#),
            ("followup.unreadable.z", "not json"),
        ]);
        let got: Vec<(usize, String)> = copies.iter().map(|c| (c.entries, c.describe())).collect();
        assert_eq!(
            got,
            [
                (1, "1 stored entry".to_string()),
                (1, "1 stored entry".to_string()),
            ]
        );
        assert_eq!(copies[0].key, a);
        assert_eq!(copies[0].bytes, 2 * (a.len() + 22));
        let two = kept_copies([("followup.unreadable.x", r#"{"a":"1","b":"2"}"#)]);
        assert_eq!(two[0].describe(), "2 stored entries");
    }
}
