//! The content-line syntax vCard (RFC 2426, RFC 6350) and iCalendar (RFC 5545) share:
//! `NAME;PARAM=VALUE:text`, text escaping, and lines folded at 75 octets with CRLF
//! (unfolding, which vCard import does on bytes, is in `vcard_decode`).
//!
//! Hand-written: the crates that do this (`icalendar`, `ics`, `vcard4`, `vcard`) either
//! write only one of the two formats, write only vCard 4.0 (Android's contacts app wants
//! 3.0), or pull in parsers, time-zone tables and regexes that would grow the wasm for
//! what is about a hundred lines here. Pure text functions; no IO.

/// Escapes a TEXT value: backslash, comma, semicolon and line breaks.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Undoes `escape`; also accepts `\N` and leaves unknown escapes as they are.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ ('\\' | ',' | ';' | ':' | '"')) => out.push(c),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Splits a structured value (`N`, `ORG`) on unescaped `sep`, then unescapes each part.
pub(crate) fn components(value: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            current.push(c);
            if let Some(next) = chars.next() {
                current.push(next);
            }
        } else if c == sep {
            parts.push(unescape(&current));
            current.clear();
        } else {
            current.push(c);
        }
    }
    parts.push(unescape(&current));
    parts
}

/// One content line, folded to at most 75 octets per physical line (the leading space of
/// a continuation counts), never splitting a UTF-8 character, each line ending in CRLF.
pub(crate) fn fold(line: &str, out: &mut String) {
    let mut budget = 75;
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > budget {
            out.push_str("\r\n ");
            budget = 74;
            used = 0;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

/// A content line's name in upper case without its group (`item1.`) and its parameters
/// (names upper case; values as written, unquoted). The value is read separately.
pub(crate) struct Property {
    pub name: String,
    pub params: Vec<(String, String)>,
}

impl Property {
    /// Whether any `TYPE` parameter (or a bare 2.1-style parameter) equals `wanted`.
    pub fn has_type(&self, wanted: &str) -> bool {
        self.params.iter().any(|(name, value)| {
            (name == "TYPE" || name.is_empty())
                && value
                    .split(',')
                    .any(|v| v.trim().eq_ignore_ascii_case(wanted))
        })
    }
}

/// Parses the part before the value's colon: `group.NAME;P=V;P2="a:b"`; `None` when there
/// is no name.
pub(crate) fn parse_head(head: &str) -> Option<Property> {
    let mut parts = head.split(';');
    let name = parts.next()?.trim();
    let name = name.rsplit('.').next().unwrap_or(name).to_ascii_uppercase();
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (
                k.trim().to_ascii_uppercase(),
                v.trim().trim_matches('"').to_string(),
            ),
            None => (String::new(), p.trim().to_string()),
        })
        .collect();
    Some(Property { name, params })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_unescaped() {
        fn check(raw: &str, escaped: &str) {
            assert_eq!(escape(raw), escaped, "{raw:?}");
            assert_eq!(unescape(escaped), raw.replace("\r\n", "\n"), "{escaped:?}");
        }
        check("plain", "plain");
        check("a,b;c", "a\\,b\\;c");
        check("back\\slash", "back\\\\slash");
        check("two\nlines", "two\\nlines");
        check("crlf\r\nline", "crlf\\nline");
        check("C:\\new", "C:\\\\new");
        check("José, Zoë", "José\\, Zoë");
        assert_eq!(unescape("A\\NB"), "A\nB");
        assert_eq!(unescape("odd\\"), "odd\\");
    }

    #[test]
    fn structured_values_split_on_unescaped_separators() {
        let check = |value: &str, expected: &[&str]| {
            assert_eq!(components(value, ';'), expected, "{value:?}")
        };
        check("López;Ana;;;", &["López", "Ana", "", "", ""]);
        check("Smith\\;Jones;Ana", &["Smith;Jones", "Ana"]);
        check("Acme\\, Inc.;R&D", &["Acme, Inc.", "R&D"]);
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        fn check(line: &str) {
            let mut out = String::new();
            fold(line, &mut out);
            assert!(out.ends_with("\r\n"));
            for (i, physical) in out.trim_end_matches("\r\n").split("\r\n").enumerate() {
                assert!(
                    physical.len() <= 75,
                    "{physical:?} is {} octets",
                    physical.len()
                );
                assert_eq!(i > 0, physical.starts_with(' '), "{physical:?}");
            }
            let back = crate::domain::formats::vcard_decode::unfold_bytes(out.as_bytes());
            assert_eq!(back.len(), 1);
            assert_eq!(back[0].bytes, line.as_bytes());
        }
        check("SHORT:line");
        check(&format!("NOTE:{}", "a".repeat(70)));
        check(&format!("NOTE:{}", "a".repeat(71)));
        check(&format!("NOTE:{}", "é".repeat(100)));
        check(&format!("NOTE:{}", "日本語".repeat(40)));
        check(&format!("NOTE:{}", "👋🏽".repeat(40)));
        let mut out = String::new();
        fold(&"x".repeat(76), &mut out);
        assert_eq!(out, format!("{}\r\n x\r\n", "x".repeat(75)));
    }
}
