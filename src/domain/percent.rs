//! Percent-encoding (RFC 3986) shared by the `mailto:` builder and LinkedIn links.
//!
//! Pure string functions; no URL parsing library and no IO.

/// Encodes every byte of the UTF-8 text outside the unreserved set
/// `A-Z a-z 0-9 - . _ ~` as `%XX` with uppercase hex digits.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` sequences. Returns `None` when a `%` is not followed by two hex digits
/// or the decoded bytes are not UTF-8.
pub fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_and_decode() {
        fn check(plain: &str, encoded: &str) {
            assert_eq!(encode(plain), encoded, "encode {plain:?}");
            assert_eq!(
                decode(encoded).as_deref(),
                Some(plain),
                "decode {encoded:?}"
            );
        }
        check("", "");
        check("abc-XYZ_0.9~", "abc-XYZ_0.9~");
        check("a b", "a%20b");
        check("&?#%=+", "%26%3F%23%25%3D%2B");
        check("é", "%C3%A9");
        check("👋", "%F0%9F%91%8B");
        check("\r\n", "%0D%0A");
    }

    #[test]
    fn decode_rejects_broken_sequences() {
        for bad in ["%", "%4", "%zz", "%FF"] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
        assert_eq!(decode("%c3%a9").as_deref(), Some("é"));
    }
}
