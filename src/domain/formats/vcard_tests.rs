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
