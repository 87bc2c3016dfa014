//! Reading the bytes of a vCard as phones write them, before any field is interpreted:
//! vCard 2.1 (what Android's contacts app exports), 3.0 and 4.0.
//!
//! - Logical lines from bytes: folded lines (a leading space or tab) and 2.1's
//!   quoted-printable soft line breaks (a value ending in `=` continues on the next line).
//! - `ENCODING=QUOTED-PRINTABLE` (or 2.1's bare `QUOTED-PRINTABLE`) and `ENCODING=BASE64`
//!   / `ENCODING=b` values.
//! - `CHARSET=UTF-8`, `ISO-8859-1` and `Windows-1252` (and `US-ASCII`). ISO-8859-1 is read
//!   as Windows-1252, as browsers do: files labelled Latin-1 use its printable characters
//!   in 0x80–0x9F, and control characters there would never be a name.
//!
//! A value that cannot be decoded faithfully is a `DecodeError`, never replacement
//! characters: the caller turns it into a `RowError` on the value's line. Small decoders
//! written here on purpose: an encoding crate would add hundreds of kilobytes of tables to
//! the wasm for three charsets. Pure functions on bytes; no IO.

use std::fmt;

use super::content_line::{parse_head, Property};

/// A logical line after unfolding, with the physical line number it starts on.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct RawLine {
    pub line: usize,
    pub bytes: Vec<u8>,
}

/// Splits bytes into physical lines on CRLF, LF or a lone CR.
fn physical_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&bytes[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&bytes[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(&bytes[start..]);
    lines
}

/// The part of a content line before its value's colon (a colon inside a quoted
/// parameter value does not count), and the value after it.
fn split_at_colon(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let mut in_quotes = false;
    let colon = bytes.iter().position(|b| match b {
        b'"' => {
            in_quotes = !in_quotes;
            false
        }
        b':' => !in_quotes,
        _ => false,
    })?;
    Some((&bytes[..colon], &bytes[colon + 1..]))
}

/// Whether a logical line so far is a quoted-printable value ending in a soft line break.
fn continues_quoted_printable(bytes: &[u8]) -> bool {
    match split_property(bytes) {
        Some((p, value)) => {
            value.trim_ascii_end().ends_with(b"=") && transfer_of(&p) == Transfer::QuotedPrintable
        }
        None => false,
    }
}

/// Joins folded lines and quoted-printable soft line breaks; drops blank lines.
pub(crate) fn unfold_bytes(bytes: &[u8]) -> Vec<RawLine> {
    let mut out: Vec<RawLine> = Vec::new();
    let mut soft_break = false;
    for (index, raw) in physical_lines(bytes).into_iter().enumerate() {
        if soft_break {
            let last = out.last_mut().expect("a soft break follows a line");
            let kept = last.bytes.trim_ascii_end().len() - 1;
            last.bytes.truncate(kept);
            last.bytes.extend_from_slice(raw);
        } else {
            match (raw.first(), out.last_mut()) {
                (Some(b' ' | b'\t'), Some(last)) => last.bytes.extend_from_slice(&raw[1..]),
                _ if raw.trim_ascii().is_empty() => {}
                _ => out.push(RawLine {
                    line: index + 1,
                    bytes: raw.to_vec(),
                }),
            }
        }
        soft_break = out
            .last()
            .is_some_and(|last| continues_quoted_printable(&last.bytes));
    }
    out
}

/// Why a value could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// `=` not followed by two hexadecimal digits.
    QuotedPrintable { at: String },
    /// A character outside the base64 alphabet, or a cut-off group.
    Base64,
    /// A `CHARSET` Followup does not read.
    UnknownCharset(String),
    /// A byte that has no character in the named charset.
    NotInCharset { charset: &'static str, byte: u8 },
    /// Quoted-printable or base64 bytes that are not valid UTF-8.
    NotUtf8,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::QuotedPrintable { at } => write!(
                f,
                "its quoted-printable text is damaged near \u{201c}{at}\u{201d}"
            ),
            DecodeError::Base64 => write!(f, "its base64 text is damaged"),
            DecodeError::UnknownCharset(name) => {
                write!(
                    f,
                    "it is in the character set {name}, which Followup cannot read"
                )
            }
            DecodeError::NotInCharset { charset, byte } => {
                write!(f, "the byte 0x{byte:02X} is not a character in {charset}")
            }
            DecodeError::NotUtf8 => write!(f, "its text is not valid UTF-8"),
        }
    }
}

/// How a value's bytes are transferred.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Transfer {
    Plain,
    QuotedPrintable,
    Base64,
}

fn transfer_of(p: &Property) -> Transfer {
    let named = p.params.iter().find_map(|(name, value)| {
        let value = value.to_ascii_uppercase();
        match (name.as_str(), value.as_str()) {
            ("ENCODING" | "", "QUOTED-PRINTABLE") => Some(Transfer::QuotedPrintable),
            ("ENCODING", "BASE64" | "B") | ("", "BASE64") => Some(Transfer::Base64),
            _ => None,
        }
    });
    named.unwrap_or(Transfer::Plain)
}

/// The character sets a value can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Charset {
    Utf8,
    Ascii,
    Windows1252,
}

impl Charset {
    fn from_label(label: &str) -> Result<Charset, DecodeError> {
        let normalised = label.trim().to_ascii_uppercase().replace('_', "-");
        match normalised.as_str() {
            "UTF-8" | "UTF8" => Ok(Charset::Utf8),
            "US-ASCII" | "ASCII" => Ok(Charset::Ascii),
            "ISO-8859-1" | "ISO8859-1" | "LATIN1" | "LATIN-1" | "WINDOWS-1252" | "CP1252" => {
                Ok(Charset::Windows1252)
            }
            _ => Err(DecodeError::UnknownCharset(label.trim().to_string())),
        }
    }

    /// Text from bytes in this charset, or the first byte that has no character.
    pub(crate) fn decode(self, bytes: &[u8]) -> Result<String, DecodeError> {
        match self {
            Charset::Utf8 => String::from_utf8(bytes.to_vec()).map_err(|_| DecodeError::NotUtf8),
            Charset::Ascii => match bytes.iter().find(|b| !b.is_ascii()) {
                Some(&byte) => Err(DecodeError::NotInCharset {
                    charset: "US-ASCII",
                    byte,
                }),
                None => Ok(bytes.iter().map(|&b| b as char).collect()),
            },
            Charset::Windows1252 => bytes
                .iter()
                .map(|&byte| {
                    windows_1252(byte).ok_or(DecodeError::NotInCharset {
                        charset: "Windows-1252",
                        byte,
                    })
                })
                .collect(),
        }
    }
}

/// Windows-1252's characters for 0x80–0x9F; `None` for its five unassigned bytes.
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201c}'),
    Some('\u{201d}'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

fn windows_1252(byte: u8) -> Option<char> {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => Some(char::from(byte)),
    }
}

fn charset_of(p: &Property) -> Result<Charset, DecodeError> {
    match p.params.iter().find(|(name, _)| name == "CHARSET") {
        Some((_, label)) => Charset::from_label(label),
        None => Ok(Charset::Utf8),
    }
}

/// Decodes quoted-printable: `=XX` is a byte, `=` at the end of a line is a soft break.
pub(crate) fn quoted_printable(text: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] != b'=' {
            out.push(text[i]);
            i += 1;
            continue;
        }
        let rest = &text[i + 1..];
        if rest.trim_ascii().is_empty() {
            break;
        }
        match (
            rest.first().copied().and_then(hex),
            rest.get(1).copied().and_then(hex),
        ) {
            (Some(high), Some(low)) => out.push(high << 4 | low),
            _ => {
                let end = (i + 3).min(text.len());
                return Err(DecodeError::QuotedPrintable {
                    at: String::from_utf8_lossy(&text[i..end]).into_owned(),
                });
            }
        }
        i += 3;
    }
    Ok(out)
}

/// Decodes base64 (see `formats::base64`).
pub(crate) fn base64(text: &[u8]) -> Result<Vec<u8>, DecodeError> {
    super::base64::decode(text).ok_or(DecodeError::Base64)
}

/// A logical line's property (name and parameters) and its raw value; `None` when there
/// is no colon.
pub(crate) fn split_property(line: &[u8]) -> Option<(Property, &[u8])> {
    let (head, value) = split_at_colon(line)?;
    let property = parse_head(&String::from_utf8_lossy(head))?;
    Some((property, value))
}

/// Whether the raw bytes of this value are text the file's own charset can carry:
/// an unencoded value in UTF-8 (declared or not) must be valid UTF-8.
pub(crate) fn plain_utf8_is_broken(p: &Property, raw: &[u8]) -> bool {
    transfer_of(p) == Transfer::Plain
        && charset_of(p) == Ok(Charset::Utf8)
        && std::str::from_utf8(raw).is_err()
}

/// The value's text: transfer encoding undone, then its charset decoded.
pub(crate) fn decode_value(p: &Property, raw: &[u8]) -> Result<String, DecodeError> {
    let bytes = match transfer_of(p) {
        Transfer::Plain => raw.to_vec(),
        Transfer::QuotedPrintable => quoted_printable(raw)?,
        Transfer::Base64 => base64(raw)?,
    };
    charset_of(p)?.decode(&bytes)
}

#[cfg(test)]
#[path = "vcard_decode_tests.rs"]
mod tests;
