//! The content-line syntax vCard (RFC 2426, RFC 6350) and iCalendar (RFC 5545) share:
//! `NAME;PARAM=VALUE:text`, text escaping, and lines folded at 75 octets with CRLF.
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

/// A logical line after unfolding, with the physical line number it starts on.
pub(crate) struct Unfolded {
    pub line: usize,
    pub text: String,
}

/// Joins folded lines: a line starting with a space or tab continues the previous one.
/// Accepts CRLF, LF and lone CR.
pub(crate) fn unfold(text: &str) -> Vec<Unfolded> {
    let mut out: Vec<Unfolded> = Vec::new();
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    for (index, raw) in normalised.split('\n').enumerate() {
        match (raw.strip_prefix([' ', '\t']), out.last_mut()) {
            (Some(rest), Some(last)) => last.text.push_str(rest),
            _ if raw.trim().is_empty() => {}
            _ => out.push(Unfolded {
                line: index + 1,
                text: raw.to_string(),
            }),
        }
    }
    out
}

/// A parsed content line: the name in upper case without its group (`item1.`), the
/// parameters (names upper case; values as written, unquoted) and the raw value.
pub(crate) struct Property {
    pub name: String,
    pub params: Vec<(String, String)>,
    pub value: String,
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

/// Parses `group.NAME;P=V;P2="a:b":value`; `None` when there is no colon.
pub(crate) fn parse_property(line: &str) -> Option<Property> {
    let mut in_quotes = false;
    let colon = line.char_indices().find_map(|(i, c)| match c {
        '"' => {
            in_quotes = !in_quotes;
            None
        }
        ':' if !in_quotes => Some(i),
        _ => None,
    })?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
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
    Some(Property {
        name,
        params,
        value: value.to_string(),
    })
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
            let back = unfold(&out);
            assert_eq!(back.len(), 1);
            assert_eq!(back[0].text, line);
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

    #[test]
    fn unfolding_keeps_the_starting_line_number() {
        let lines = unfold("BEGIN:VCARD\r\nFN:Ana\r\n  María\nNOTE:a\n\tb\r\n\r\nEND:VCARD");
        let got: Vec<(usize, &str)> = lines.iter().map(|l| (l.line, l.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (1, "BEGIN:VCARD"),
                (2, "FN:Ana María"),
                (4, "NOTE:ab"),
                (7, "END:VCARD")
            ]
        );
    }

    #[test]
    fn properties_lose_their_group_and_keep_their_parameters() {
        let p = parse_property("item1.EMAIL;type=INTERNET;type=pref:ana@example.com").unwrap();
        assert_eq!(p.name, "EMAIL");
        assert!(p.has_type("internet") && p.has_type("PREF") && !p.has_type("work"));
        assert_eq!(p.value, "ana@example.com");
        let p = parse_property("X-SOCIALPROFILE;type=linkedin;x-user=\"a:b\":http://x").unwrap();
        assert_eq!(p.value, "http://x");
        assert!(p.has_type("linkedin"));
        let p = parse_property("TEL;CELL:+1 555").unwrap();
        assert!(p.has_type("cell"));
        assert!(parse_property("no colon here").is_none());
    }
}
