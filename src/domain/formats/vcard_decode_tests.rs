use super::*;
use proptest::prelude::*;

#[test]
fn unfolding_keeps_the_starting_line_number() {
    let lines =
        unfold_bytes(b"BEGIN:VCARD\r\nFN:Ana\r\n  Mar\xc3\xada\nNOTE:a\n\tb\r\n\r\nEND:VCARD");
    let got: Vec<(usize, &[u8])> = lines.iter().map(|l| (l.line, l.bytes.as_slice())).collect();
    let expected: [(usize, &[u8]); 4] = [
        (1, b"BEGIN:VCARD"),
        (2, "FN:Ana María".as_bytes()),
        (4, b"NOTE:ab"),
        (7, b"END:VCARD"),
    ];
    assert_eq!(got, expected);
}

#[test]
fn properties_lose_their_group_and_keep_their_parameters() {
    let (p, value) =
        split_property(b"item1.EMAIL;type=INTERNET;type=pref:ana@example.com").unwrap();
    assert_eq!(p.name, "EMAIL");
    assert!(p.has_type("internet") && p.has_type("PREF") && !p.has_type("work"));
    assert_eq!(value, b"ana@example.com");
    let (p, value) =
        split_property(b"X-SOCIALPROFILE;type=linkedin;x-user=\"a:b\":http://x").unwrap();
    assert_eq!(value, b"http://x");
    assert!(p.has_type("linkedin"));
    let (p, _) = split_property(b"TEL;CELL:+1 555").unwrap();
    assert!(p.has_type("cell"));
    assert!(split_property(b"no colon here").is_none());
}

#[test]
fn quoted_printable_soft_breaks_join_lines() {
    fn check(text: &str, expected: &[(usize, &str)]) {
        let lines = unfold_bytes(text.as_bytes());
        let got: Vec<(usize, String)> = lines
            .iter()
            .map(|l| (l.line, String::from_utf8(l.bytes.clone()).unwrap()))
            .collect();
        let expected: Vec<(usize, String)> =
            expected.iter().map(|(n, s)| (*n, s.to_string())).collect();
        assert_eq!(got, expected, "{text:?}");
    }
    check(
        "N;ENCODING=QUOTED-PRINTABLE:=47=C3=B3=\r\nmez;Ana\r\nFN:x",
        &[
            (1, "N;ENCODING=QUOTED-PRINTABLE:=47=C3=B3mez;Ana"),
            (3, "FN:x"),
        ],
    );
    check(
        "NOTE;QUOTED-PRINTABLE:a=  \n b\nFN:x",
        &[(1, "NOTE;QUOTED-PRINTABLE:a b"), (3, "FN:x")],
    );
    check(
        "NOTE;quoted-printable:a=\n=\nb\nFN:x",
        &[(1, "NOTE;quoted-printable:ab"), (4, "FN:x")],
    );
    check("NOTE:a=\nFN:x", &[(1, "NOTE:a="), (2, "FN:x")]);
    check(
        "X-A;X-Y=\"QUOTED-PRINTABLE:\":v=\nFN:x",
        &[(1, "X-A;X-Y=\"QUOTED-PRINTABLE:\":v="), (2, "FN:x")],
    );
}

#[test]
fn quoted_printable_decodes_or_names_the_damage() {
    fn check(text: &str, expected: Result<&[u8], &str>) {
        let got = quoted_printable(text.as_bytes()).map_err(|e| e.to_string());
        match expected {
            Ok(bytes) => assert_eq!(got.as_deref(), Ok(bytes), "{text:?}"),
            Err(fragment) => {
                let e = got.expect_err(text);
                assert!(e.contains(fragment), "{text:?}: {e}")
            }
        }
    }
    check("Mar=C3=ADa=20G=C3=B3mez", Ok("María Gómez".as_bytes()));
    check("lower=c3=a9", Ok("loweré".as_bytes()));
    check("a=0D=0Ab", Ok(b"a\r\nb"));
    check("soft=", Ok(b"soft"));
    check("soft=  ", Ok(b"soft"));
    check("plain", Ok(b"plain"));
    check("", Ok(b""));
    check("bad=G1x", Err("damaged near \u{201c}=G1\u{201d}"));
    check("cut=A", Err("damaged near \u{201c}=A\u{201d}"));
    check("a= b", Err("damaged"));
}

#[test]
fn base64_decodes_or_is_refused() {
    fn check(text: &str, expected: Option<&[u8]>) {
        assert_eq!(
            base64(text.as_bytes()).ok().as_deref(),
            expected,
            "{text:?}"
        );
    }
    check("TWFyw61h", Some("María".as_bytes()));
    check("SGk=", Some(b"Hi"));
    check("SGk", Some(b"Hi"));
    check("SA==", Some(b"H"));
    check("SGVs\r\n bG8=", Some(b"Hello"));
    check("", Some(b""));
    check("S", None);
    check("SG!k", None);
    check("SGk=x", None);
}

#[test]
fn charsets_decode_their_own_bytes_only() {
    fn check(label: &str, bytes: &[u8], expected: Result<&str, &str>) {
        let got = Charset::from_label(label)
            .and_then(|c| c.decode(bytes))
            .map_err(|e| e.to_string());
        match expected {
            Ok(text) => assert_eq!(got.as_deref(), Ok(text), "{label} {bytes:?}"),
            Err(fragment) => {
                let e = got.expect_err(label);
                assert!(e.contains(fragment), "{label} {bytes:?}: {e}")
            }
        }
    }
    check("UTF-8", "Zoë".as_bytes(), Ok("Zoë"));
    check("utf8", "Zoë".as_bytes(), Ok("Zoë"));
    check("UTF-8", b"Zo\xeb", Err("not valid UTF-8"));
    check("ISO-8859-1", b"Jos\xe9 Mu\xf1oz", Ok("José Muñoz"));
    check("iso_8859-1", b"\xc5ngstr\xf6m", Ok("Ångström"));
    check("latin1", b"Fran\xe7ois", Ok("François"));
    check(
        "Windows-1252",
        b"\x93Quote\x94 \x80 \x96",
        Ok("\u{201c}Quote\u{201d} € –"),
    );
    check("CP1252", b"\x8aoli\x9e", Ok("Šoliž"));
    check(
        "windows-1252",
        b"a\x81b",
        Err("0x81 is not a character in Windows-1252"),
    );
    check("US-ASCII", b"plain", Ok("plain"));
    check(
        "US-ASCII",
        b"caf\xe9",
        Err("0xE9 is not a character in US-ASCII"),
    );
    check(
        "Shift_JIS",
        b"x",
        Err("Shift_JIS, which Followup cannot read"),
    );
}

#[test]
fn values_are_decoded_by_their_parameters() {
    fn check(line: &[u8], expected: Result<&str, &str>) {
        let (p, raw) = split_property(line).unwrap();
        let got = decode_value(&p, raw).map_err(|e| e.to_string());
        match expected {
            Ok(text) => assert_eq!(got.as_deref(), Ok(text), "{line:?}"),
            Err(fragment) => {
                let e = got.expect_err("should fail");
                assert!(e.contains(fragment), "{line:?}: {e}")
            }
        }
    }
    check(b"FN:Ana", Ok("Ana"));
    check(
        b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Mar=C3=ADa=20G=C3=B3mez",
        Ok("María Gómez"),
    );
    check(b"FN;CHARSET=UTF-8;QUOTED-PRINTABLE:Mar=C3=ADa", Ok("María"));
    check(
        b"FN;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Jos=E9",
        Ok("José"),
    );
    check(b"FN;CHARSET=ISO-8859-1:Jos\xe9", Ok("José"));
    check(
        b"FN;CHARSET=WINDOWS-1252;ENCODING=BASE64:k0hplA==",
        Ok("\u{201c}Hi\u{201d}"),
    );
    check(b"FN;ENCODING=b:TWFyw61h", Ok("María"));
    check(b"FN;BASE64:TWFyw61h", Ok("María"));
    check(b"item1.FN;ENCODING=8BIT:Ana", Ok("Ana"));
    check(
        b"FN;ENCODING=QUOTED-PRINTABLE:Jos=E9",
        Err("not valid UTF-8"),
    );
    check(
        b"FN;CHARSET=KOI8-R:x",
        Err("KOI8-R, which Followup cannot read"),
    );
    check(b"FN;ENCODING=QUOTED-PRINTABLE:=ZZ", Err("quoted-printable"));
    check(b"NOTE;ENCODING=BASE64:***", Err("base64"));
}

#[test]
fn raw_bytes_outside_a_declared_charset_must_be_utf8() {
    fn check(line: &[u8], broken: bool) {
        let (p, raw) = split_property(line).unwrap();
        assert_eq!(plain_utf8_is_broken(&p, raw), broken, "{line:?}");
    }
    check(b"FN:Jos\xe9", true);
    check(b"FN;CHARSET=UTF-8:Jos\xe9", true);
    check(b"FN;CHARSET=ISO-8859-1:Jos\xe9", false);
    check(b"FN;ENCODING=QUOTED-PRINTABLE:Jos=E9", false);
    check("FN:José".as_bytes(), false);
}

/// An encoder written from RFC 2045 §6.7 alone, independent of the decoder: printable
/// ASCII other than `=` as itself, spaces as themselves unless last on a line, everything
/// else as `=XX`, lines at most 76 characters ending in a soft break `=`.
fn encode_quoted_printable(text: &str, first_line_room: usize) -> String {
    let mut tokens: Vec<String> = Vec::new();
    for &b in text.as_bytes() {
        tokens.push(if (33..=126).contains(&b) && b != b'=' || b == b' ' {
            (b as char).to_string()
        } else {
            format!("={b:02X}")
        });
    }
    let mut out = String::new();
    let mut room = first_line_room;
    let mut used = 0;
    for (i, token) in tokens.iter().enumerate() {
        let last = i + 1 == tokens.len();
        let token = if token == " " && last { "=20" } else { token };
        if used + token.len() + 1 > room {
            if out.ends_with(' ') {
                out.pop();
                out.push_str("=20");
            }
            out.push_str("=\r\n");
            room = 76;
            used = 0;
        }
        out.push_str(token);
        used += token.len();
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_encoded_as_quoted_printable_decodes_back(text in "\\PC{0,200}") {
        let head = "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:";
        let encoded = encode_quoted_printable(&text, 76 - head.len());
        let file = format!("BEGIN:VCARD\r\n{head}{encoded}\r\nEND:VCARD\r\n");
        let lines = unfold_bytes(file.as_bytes());
        prop_assert_eq!(lines.len(), 3, "{:?}", file);
        let (p, raw) = split_property(&lines[1].bytes).unwrap();
        prop_assert_eq!(decode_value(&p, raw).unwrap(), text);
    }

    #[test]
    fn any_bytes_decode_without_panicking(line in proptest::collection::vec(any::<u8>(), 0..200)) {
        if let Some((p, raw)) = split_property(&line) {
            let _ = decode_value(&p, raw);
        }
        let _ = unfold_bytes(&line);
        let _ = quoted_printable(&line);
        let _ = base64(&line);
    }
}
