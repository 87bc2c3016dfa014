use super::*;
use crate::domain::formats::test_support::{arb_book, d, sample_book};
use crate::domain::formats::MAX_BYTES;
use proptest::prelude::*;

fn import(bytes: &[u8]) -> Result<(Vec<NewContact>, Vec<RowError>), FormatError> {
    let mut n = 0;
    import_vcard(
        bytes,
        "contacts.vcf",
        || {
            n += 1;
            format!("v{n}")
        },
        d(2026, 11, 26),
        7,
    )
}

#[test]
fn export_is_vcard_3_with_every_field_escaped_and_folded() {
    let book = sample_book();
    let priya = book.contact(&ContactId::new("c1")).unwrap();
    let text = export_vcard([priya], &book);
    let expected = "BEGIN:VCARD\r\n\
        VERSION:3.0\r\n\
        N:Raman;Priya;;;\r\n\
        FN:Priya Raman\r\n\
        ORG:Acme\\, Inc.\r\n\
        TITLE:Backend Engineer\r\n\
        EMAIL;TYPE=INTERNET:priya@acme.example\r\n\
        TEL;TYPE=CELL:+1 555 0100\r\n\
        URL:https://www.linkedin.com/in/priya-raman/\r\n\
        X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/priya-raman/\r\n\
        CATEGORIES:rust,fall fair\r\n\
        NOTE:Met at Fall Career Fair on 24 Nov 2026. Talked about: Rust\\; WebAssemb\r\n \
        ly\\, and her team's \"zero-downtime\" deploys\\n\\nTwo lines\\nof notes\r\n\
        END:VCARD\r\n";
    assert_eq!(text, expected);
}

#[test]
fn every_physical_line_is_at_most_75_octets_and_ends_in_crlf() {
    let book = sample_book();
    let text = export_vcard(book.contacts(), &book);
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
    }
    assert_eq!(text.matches("BEGIN:VCARD").count(), 2);
}

#[test]
fn the_fixture_from_a_phone_imports_3_0_and_4_0_cards() {
    let (contacts, errors) = import(include_bytes!(
        "../../../tests/fixtures/formats/contacts.vcf"
    ))
    .unwrap();
    type Row<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
        &'a str,
        Option<&'a str>,
    );
    let got: Vec<Row> = contacts
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.company.as_str(),
                c.title.as_str(),
                c.email.as_ref().map(|e| e.as_str()),
                c.phone.as_str(),
                c.linkedin.as_ref().map(|l| l.url()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Priya Raman",
                "Acme, Inc.",
                "Backend Engineer",
                Some("priya@acme.example"),
                "+1 555 0100",
                Some("https://www.linkedin.com/in/priya-raman/")
            ),
            (
                "Zoë Łukasiewicz-Ångström",
                "",
                "",
                Some("zoe@example.org"),
                "+48-22-555-0199",
                Some("https://www.linkedin.com/in/zoe-lukasiewicz/")
            ),
            ("山田 太郎", "", "", None, "", None),
        ]
    );
    assert_eq!(
        contacts[0].notes,
        "Met at the fair; talked about Rust, Wasm and a very long hook that needs folding across lines\nSecond line"
    );
    assert_eq!(contacts[1].tags, ["hackathon", "ml"]);
    let ids: Vec<&str> = contacts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["v1", "v2", "v3"]);
    assert!(contacts
        .iter()
        .all(|c| c.met_on == d(2026, 11, 26) && c.updated_at == 7));
    let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].starts_with(
        "contacts.vcf, line 28: the email address \u{201c}not an email\u{201d} was left out"
    ));
    assert!(errors[1].starts_with("contacts.vcf, line 29: the LinkedIn link"));
    assert_eq!(
        errors[2],
        "contacts.vcf, line 31: this card has no name, so it was skipped."
    );
}

#[test]
fn names_and_links_come_from_wherever_phones_put_them() {
    fn check(card: &str, name: &str, linkedin: Option<&str>) {
        let text = format!("BEGIN:VCARD\nVERSION:3.0\n{card}\nEND:VCARD\n");
        let (contacts, errors) = import(text.as_bytes()).unwrap();
        assert_eq!(errors, [], "{card:?}");
        assert_eq!(contacts.len(), 1, "{card:?}");
        assert_eq!(contacts[0].name, name, "{card:?}");
        assert_eq!(
            contacts[0].linkedin.as_ref().map(|l| l.slug()),
            linkedin,
            "{card:?}"
        );
    }
    check("FN:Ana López", "Ana López", None);
    check("N:López;Ana;María;Dr.;", "Ana María López", None);
    check("fn:lower case", "lower case", None);
    check("FN:A\\, B\\; C\\\\D", "A, B; C\\D", None);
    check(
        "FN:Ana\nitem2.URL;type=pref:https://linkedin.com/in/ana-l",
        "Ana",
        Some("ana-l"),
    );
    check(
        "FN:Ana\nSOCIALPROFILE;SERVICE-TYPE=LinkedIn:https://www.linkedin.com/in/ana-l/",
        "Ana",
        Some("ana-l"),
    );
    check("FN:Ana\nURL:https://ana.dev", "Ana", None);
    check(
        "FN:Ana\nX-SOCIALPROFILE;type=twitter:https://twitter.com/ana",
        "Ana",
        None,
    );
}

#[test]
fn malformed_files_are_refused_or_reported_by_line() {
    fn check(bytes: &[u8], expected: Result<(usize, &[&str]), &str>) {
        match (import(bytes), expected) {
            (Ok((contacts, errors)), Ok((count, fragments))) => {
                assert_eq!(contacts.len(), count, "{bytes:?}");
                assert_eq!(errors.len(), fragments.len(), "{errors:?}");
                for (error, fragment) in errors.iter().zip(fragments) {
                    assert!(error.to_string().contains(fragment), "{error}");
                }
            }
            (Err(e), Err(fragment)) => {
                let e = e.to_string();
                assert!(e.contains(fragment) && e.contains("contacts.vcf"), "{e}")
            }
            (got, expected) => panic!("{bytes:?}: got {got:?}, expected {expected:?}"),
        }
    }
    check(b"", Err("is empty"));
    check(b"FN:Ana\n", Err("no BEGIN:VCARD line"));
    check(b"hello, world", Err("not a contacts file"));
    check(b"\xff\xfeB\0E\0G\0", Err("not a text file"));
    check(
        b"BEGIN:VCARD\nFN:Jos\xe9\nEND:VCARD",
        Err("line 2: the file is not UTF-8"),
    );
    check(&vec![b'A'; MAX_BYTES + 10], Err("larger than"));
    check(
        b"BEGIN:VCARD\nFN:Ana\nEND:VCARD\nBEGIN:VCARD\nFN:Cut",
        Ok((1, &["line 4: this card is cut off"])),
    );
    check(
        b"BEGIN:VCARD\nFN:Cut\nBEGIN:VCARD\nFN:Ana\nEND:VCARD",
        Ok((1, &["line 1: this card is cut off"])),
    );
    check(
        b"BEGIN:VCARD\nFN:Ana\nEMAIL:ana@\nX-SOCIALPROFILE;type=linkedin:javascript:alert(1)\nEND:VCARD",
        Ok((1, &["line 3: the email address", "line 4: the LinkedIn link"])),
    );
    check(
        b"BEGIN:VCARD\ngarbage line\nFN:Ana\nEND:VCARD",
        Ok((1, &[])),
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn vcard_round_trip_keeps_every_field_it_carries(book in arb_book()) {
        prop_assume!(book.contact_count() > 0);
        let text = export_vcard(book.contacts(), &book);
        let (back, errors) = import(text.as_bytes()).unwrap();
        prop_assert_eq!(errors, vec![]);
        let original: Vec<_> = book.contacts().collect();
        prop_assert_eq!(back.len(), original.len());
        for (c, b) in original.iter().zip(&back) {
            prop_assert_eq!(&b.name, &c.name);
            prop_assert_eq!(&b.company, &c.company);
            prop_assert_eq!(&b.title, &c.title);
            prop_assert_eq!(&b.email, &c.email);
            prop_assert_eq!(&b.phone, &c.phone);
            prop_assert_eq!(&b.linkedin, &c.linkedin);
            prop_assert_eq!(&b.tags, &c.tags);
            prop_assert!(b.notes.contains(&c.hook), "{:?} lacks {:?}", b.notes, c.hook);
        }
    }

    #[test]
    fn vcard_import_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = import(&bytes);
    }

    #[test]
    fn vcard_import_never_panics_on_card_like_text(
        body in "(BEGIN:VCARD|END:VCARD|FN:|N:;;|EMAIL:|URL:|X-SOCIALPROFILE;type=linkedin:|item1\\.|\\\\|;|,|:|\"|\r\n|\n| |a|é){0,60}"
    ) {
        let _ = import(body.as_bytes());
    }
}

#[test]
fn android_2_1_exports_decode_without_garbling() {
    let (contacts, errors) = import(include_bytes!(
        "../../../tests/fixtures/formats/android-2.1.vcf"
    ))
    .unwrap();
    let got: Vec<(&str, &str, &str, Option<&str>, &str)> = contacts
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.company.as_str(),
                c.title.as_str(),
                c.email.as_ref().map(|e| e.as_str()),
                c.phone.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "María Gómez",
                "Telefónica",
                "",
                Some("maria@example.es"),
                "+34 600 555 0102"
            ),
            (
                "Jürgen Müller",
                "",
                "Ingenieur – Plattform",
                Some("juergen@example.de"),
                ""
            ),
            ("Sofía", "", "", None, ""),
        ]
    );
    assert_eq!(
        contacts[0].notes,
        "Hablámos de Rust en la feria, y de un trabajo en Madrid\r\nSegunda línea"
    );
    let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "contacts.vcf, line 25: the job title was left out: its text is not valid UTF-8.",
            "contacts.vcf, line 26: the company was left out: it is in the character set \
             Shift_JIS, which Followup cannot read.",
            "contacts.vcf, line 30: this card's name could not be read (its quoted-printable \
             text is damaged near \u{201c}=ZZ\u{201d}), so it was skipped.",
        ]
    );
}

#[test]
fn bare_2_1_type_parameters_pick_the_preferred_value() {
    fn check(lines: &str, email: Option<&str>, phone: &str) {
        let text = format!("BEGIN:VCARD\nVERSION:2.1\nFN:Ana\n{lines}\nEND:VCARD\n");
        let (contacts, errors) = import(text.as_bytes()).unwrap();
        assert_eq!(errors, [], "{lines:?}");
        assert_eq!(
            contacts[0].email.as_ref().map(|e| e.as_str()),
            email,
            "{lines:?}"
        );
        assert_eq!(contacts[0].phone, phone, "{lines:?}");
    }
    check("TEL;HOME:1\nTEL;CELL;PREF:2", None, "2");
    check("TEL;CELL;PREF:2\nTEL;HOME:1", None, "2");
    check("TEL;HOME:1\nTEL;WORK:3", None, "1");
    check("TEL;TYPE=cell,pref:2\nTEL:1", None, "2");
    check("TEL:1\nTEL;PREF=1:4", None, "4");
    check(
        "EMAIL;INTERNET:a@x.example\nEMAIL;INTERNET;PREF:b@x.example",
        Some("b@x.example"),
        "",
    );
}

#[test]
fn raw_latin1_without_a_charset_is_still_refused_with_its_line() {
    let bytes = b"BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=ISO-8859-1:Jos\xe9\nNOTE:caf\xe9\nEND:VCARD";
    let e = import(bytes).unwrap_err().to_string();
    assert!(e.contains("line 4: the file is not UTF-8"), "{e}");
}

/// An encoder written from RFC 2045 alone (not the importer's decoder): every byte that is
/// not a letter or digit as `=XX`, soft breaks every 60 characters.
fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    for (i, b) in text.bytes().enumerate() {
        if i > 0 && i % 20 == 0 {
            out.push_str("=\r\n");
        }
        if b.is_ascii_alphanumeric() {
            out.push(b as char);
        } else {
            out.push_str(&format!("={b:02X}"));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn names_and_notes_encoded_as_quoted_printable_import_as_themselves(
        name in "[^\\\\\\s\\p{C}][^\\\\\\p{C}]{0,40}[^\\\\\\s\\p{C}]",
        note in "[^\\\\\\s\\p{C}][^\\\\\\p{C}]{0,200}[^\\\\\\s\\p{C}]",
    ) {
        let text = format!(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{}\r\n\
             NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:{}\r\nEND:VCARD\r\n",
            quoted_printable(&name),
            quoted_printable(&note),
        );
        let (back, errors) = import(text.as_bytes()).unwrap();
        prop_assert_eq!(errors, vec![]);
        prop_assert_eq!(&back[0].name, &name);
        prop_assert_eq!(&back[0].notes, &note);
    }
}

#[test]
fn pronouns_are_written_as_pronouns_and_read_with_or_without_x() {
    let mut book = sample_book();
    let mut priya = book.contact(&ContactId::new("c1")).unwrap().fields();
    priya.pronouns = "she/her".into();
    book.apply(crate::domain::command::Command::UpdateContact(priya))
        .unwrap();
    let text = export_vcard(book.contacts(), &book);
    assert!(
        text.contains("\r\nTITLE:Backend Engineer\r\nPRONOUNS:she/her\r\n"),
        "{text}"
    );
    assert!(
        !text.contains("PRONOUNS:\r\n"),
        "empty pronouns are left out"
    );

    fn check(line: &str, pronouns: &str, errors: &[&str]) {
        let card = format!("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sam Lee\r\n{line}\r\nEND:VCARD\r\n");
        let (cards, got) = import(card.as_bytes()).unwrap();
        assert_eq!(cards.len(), 1, "{line}: the card is kept");
        assert_eq!(cards[0].pronouns, pronouns, "{line}");
        let got: Vec<String> = got.iter().map(|e| e.to_string()).collect();
        assert_eq!(got, errors, "{line}");
    }
    check("PRONOUNS:they/them", "they/them", &[]);
    check("X-PRONOUNS:he/him", "he/him", &[]);
    check("PRONOUNS;LANGUAGE=fr:il\\, lui", "il, lui", &[]);
    check(
        &format!("PRONOUNS:{}", "x".repeat(41)),
        "",
        &["contacts.vcf, line 4: the value of PRONOUNS was left out: Pronouns fit in 40 characters \
           (this is 41), such as \u{201c}she/her\u{201d}."],
    );
}
