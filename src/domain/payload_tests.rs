use super::*;

fn profile(slug: &str) -> Option<LinkedIn> {
    Some(LinkedIn::parse(slug).unwrap())
}

fn email(text: &str) -> Option<Email> {
    Some(Email::parse(text).unwrap())
}

#[test]
fn linkedin_links_of_every_shape_become_the_profile() {
    fn check(code: &str, slug: &str) {
        assert_eq!(read_scan(code).linkedin, profile(slug), "{code:?}");
        assert_eq!(read_scan(code).name, "", "{code:?}");
    }
    check("https://www.linkedin.com/in/ana-lopez", "ana-lopez");
    check("https://www.linkedin.com/in/ana-lopez/", "ana-lopez");
    check("  linkedin.com/in/ana-lopez\n", "ana-lopez");
    check(
        "https://www.linkedin.com/in/ana-lopez-1a2b3c?utm_source=share&utm_campaign=share_via&utm_content=profile&utm_medium=android_app",
        "ana-lopez-1a2b3c",
    );
    check("https://www.linkedin.com/in/Ana-Lopez?trk=qr", "ana-lopez");
    check("http://m.linkedin.com/in/ana-lopez", "ana-lopez");
    check("https://uk.linkedin.com/in/ana-lopez", "ana-lopez");
    check("https://www.linkedin.com/mwlite/in/ana-lopez", "ana-lopez");
    check("linkedin://in/ana-lopez", "ana-lopez");
    check("linkedin://profile/ana-lopez", "ana-lopez");
    check(
        "https://www.linkedin.com/in/jos%C3%A9-ortega",
        "josé-ortega",
    );
}

#[test]
fn codes_that_are_not_a_person_become_notes() {
    fn check(code: &str, notes: &str) {
        let prefill = read_scan(code);
        assert_eq!(prefill.linkedin, None, "{code:?}");
        assert_eq!(prefill.notes, notes, "{code:?}");
    }
    check("https://stripe.com/jobs", "https://stripe.com/jobs");
    check(
        "https://www.linkedin.com/company/stripe",
        "https://www.linkedin.com/company/stripe",
    );
    check("Booth 14, ask for Sam", "Booth 14, ask for Sam");
    check("", "");
}

#[test]
fn vcards_of_every_version_map_to_fields() {
    fn check(card: &str, expected: Prefill) {
        assert_eq!(read_scan(card), expected, "{card}");
    }
    let ana = Prefill {
        name: "Ana López".into(),
        company: "Stripe".into(),
        title: "Engineer".into(),
        email: email("ana@stripe.com"),
        phone: "+1 555 0100".into(),
        linkedin: profile("ana-lopez"),
        notes: String::new(),
    };
    check(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:López;Ana;;;\r\nFN:Ana López\r\nORG:Stripe\r\n\
         TITLE:Engineer\r\nEMAIL;TYPE=INTERNET:ana@stripe.com\r\nTEL;TYPE=CELL:+1 555 0100\r\n\
         URL:https://www.linkedin.com/in/ana-lopez\r\nEND:VCARD\r\n",
        ana.clone(),
    );
    check(
        "BEGIN:VCARD\nVERSION:4.0\nFN:Ana López\nORG:Stripe;Payments\nTITLE:Engineer\n\
         EMAIL:ana@stripe.com\nTEL;VALUE=uri:tel:+1 555 0100\n\
         X-SOCIALPROFILE;TYPE=linkedin:linkedin.com/in/ana-lopez?trk=card\nEND:VCARD",
        ana.clone(),
    );
    // vCard 2.1: bare type parameters and quoted-printable UTF-8, soft line break included.
    check(
        "BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:L=C3=B3pez;Ana\n\
         FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Ana L=\n=C3=B3pez\nORG:Stripe\n\
         TITLE:Engineer\nEMAIL;INTERNET:ana@stripe.com\nTEL;CELL:+1 555 0100\n\
         URL;WORK:https://www.linkedin.com/in/ana-lopez\nEND:VCARD",
        ana.clone(),
    );
    // No FN: the name comes from N. A profile link inside the note is found.
    check(
        "BEGIN:VCARD\nVERSION:3.0\nN:Ortega;José;;;\nNOTE:Find me at https://linkedin.com/in/jose-ortega\nEND:VCARD",
        Prefill {
            name: "José Ortega".into(),
            linkedin: profile("jose-ortega"),
            notes: "Find me at https://linkedin.com/in/jose-ortega".into(),
            ..Prefill::default()
        },
    );
    // A bad email is left out; the rest of the card is kept.
    check(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Sam Lee\nEMAIL:not-an-email\nEND:VCARD",
        Prefill {
            name: "Sam Lee".into(),
            ..Prefill::default()
        },
    );
    // Lower-case and cut-off cards.
    check(
        "begin:vcard\nversion:3.0\nfn:Sam Lee\nend:vcard",
        Prefill {
            name: "Sam Lee".into(),
            ..Prefill::default()
        },
    );
    check("BEGIN:VCARD\nFN:Sam Lee", Prefill::default());
}

#[test]
fn mecards_map_to_fields() {
    fn check(code: &str, expected: Prefill) {
        assert_eq!(read_scan(code), expected, "{code}");
    }
    check(
        "MECARD:N:López,Ana;ORG:Stripe;TEL:+15550100;EMAIL:ana@stripe.com;\
         URL:https://www.linkedin.com/in/ana-lopez;NOTE:Payments team;;",
        Prefill {
            name: "Ana López".into(),
            company: "Stripe".into(),
            email: email("ana@stripe.com"),
            phone: "+15550100".into(),
            linkedin: profile("ana-lopez"),
            notes: "Payments team".into(),
            ..Prefill::default()
        },
    );
    check(
        "mecard:N:Sam Lee;NOTE:Likes Rust\\; and Go;URL:https://sam.dev;;",
        Prefill {
            name: "Sam Lee".into(),
            notes: "Likes Rust; and Go\nhttps://sam.dev".into(),
            ..Prefill::default()
        },
    );
    check("MECARD:;;", Prefill::default());
}

#[test]
fn shared_profiles_bring_the_name_when_the_text_has_it() {
    fn check(title: &str, text: &str, url: &str, name: &str) {
        let prefill = read_share(title, text, url);
        assert_eq!(prefill.linkedin, profile("ana-lopez"), "{text:?}");
        assert_eq!(prefill.name, name, "{title:?} {text:?}");
        assert_eq!(prefill.notes, "", "{text:?}");
    }
    check("", "", "https://www.linkedin.com/in/ana-lopez", "");
    check(
        "",
        "Check out Ana López’s profile on LinkedIn https://www.linkedin.com/in/ana-lopez?utm_source=share",
        "",
        "Ana López",
    );
    check(
        "Ana López",
        "https://www.linkedin.com/in/ana-lopez?utm_medium=android_app",
        "",
        "Ana López",
    );
    check(
        "",
        "Ana López\nhttps://www.linkedin.com/in/ana-lopez",
        "",
        "Ana López",
    );
    check(
        "Ana López - Software Engineer - Stripe | LinkedIn",
        "",
        "https://linkedin.com/in/ana-lopez",
        "Ana López",
    );
    // A line that is not a name is not taken for one.
    check(
        "",
        "Met at booth 14! https://www.linkedin.com/in/ana-lopez",
        "",
        "",
    );
}

/// Issue 25: the words LinkedIn's apps and the browsers wrap a shared profile's name in
/// are never part of the name, in the title or in the text, whatever their case, dash or
/// apostrophe.
#[test]
fn share_wording_around_the_name_is_left_out() {
    fn check(line: &str, name: &str) {
        let link = "https://www.linkedin.com/in/priya-raman";
        for (title, text) in [
            (line.to_string(), link.to_string()),
            (String::new(), format!("{line} {link}")),
        ] {
            let prefill = read_share(&title, &text, "");
            assert_eq!(prefill.name, name, "{title:?} {text:?}");
            assert_eq!(prefill.linkedin, profile("priya-raman"), "{line:?}");
        }
    }
    check("Priya Raman on LinkedIn", "Priya Raman");
    check("Priya Raman on Linkedin", "Priya Raman");
    check("Priya Raman | LinkedIn", "Priya Raman");
    check("Priya Raman - LinkedIn", "Priya Raman");
    check("Priya Raman – LinkedIn", "Priya Raman");
    check("Priya Raman — LinkedIn", "Priya Raman");
    check("Priya Raman · LinkedIn", "Priya Raman");
    check("Priya Raman • LinkedIn", "Priya Raman");
    check("Priya Raman LinkedIn", "Priya Raman");
    check("Priya Raman's profile", "Priya Raman");
    check("Priya Raman’s profile", "Priya Raman");
    check("Priya Raman's Profile", "Priya Raman");
    check("Priya Raman’s LinkedIn profile", "Priya Raman");
    check("Priya Raman's LinkedIn Profile", "Priya Raman");
    check("Priya Raman's full profile", "Priya Raman");
    check("Priya Raman’s profile on LinkedIn", "Priya Raman");
    check("View Priya Raman’s profile on LinkedIn", "Priya Raman");
    check("View Priya Raman's profile", "Priya Raman");
    check("View Priya Raman’s LinkedIn profile", "Priya Raman");
    check("view Priya Raman's profile on LinkedIn", "Priya Raman");
    check("View profile: Priya Raman", "Priya Raman");
    check("View the profile of Priya Raman on LinkedIn", "Priya Raman");
    check("Check out Priya Raman’s profile on LinkedIn", "Priya Raman");
    check(
        "Check out Priya Raman's profile on LinkedIn:",
        "Priya Raman",
    );
    check("See Priya Raman's profile on LinkedIn", "Priya Raman");
    check("Visit Priya Raman’s profile on LinkedIn", "Priya Raman");
    check("Connect with Priya Raman on LinkedIn", "Priya Raman");
    check("LinkedIn: Priya Raman", "Priya Raman");
    check("LinkedIn | Priya Raman", "Priya Raman");
    check("(3) Priya Raman | LinkedIn", "Priya Raman");
    check(
        "(99+) Priya Raman - Software Engineer - Stripe | LinkedIn",
        "Priya Raman",
    );
    check(
        "Priya Raman – Software Engineer – Stripe | LinkedIn",
        "Priya Raman",
    );
    check("Priya Raman — Stripe | LinkedIn", "Priya Raman");
    check("Priya Raman | Software Engineer at Stripe", "Priya Raman");
    // Names keep their own hyphens and apostrophes.
    check("Anne-Marie O'Neil on LinkedIn", "Anne-Marie O'Neil");
    check(
        "View Anne-Marie O’Neil’s profile on LinkedIn",
        "Anne-Marie O’Neil",
    );
    check("James's profile", "James");
    // A title that is only the app's name is not a name: the text's line is.
    for title in ["LinkedIn", "linkedin", "LinkedIn Profile"] {
        let text =
            "Check out Priya Raman’s profile on LinkedIn https://www.linkedin.com/in/priya-raman";
        assert_eq!(read_share(title, text, "").name, "Priya Raman", "{title:?}");
    }
}

#[test]
fn shared_text_without_a_profile_becomes_the_notes() {
    fn check(title: &str, text: &str, url: &str, notes: &str) {
        let prefill = read_share(title, text, url);
        assert_eq!(prefill.linkedin, None);
        assert_eq!(prefill.notes, notes);
        assert_eq!(prefill.name, "");
    }
    check(
        "",
        "Recruiter said apply by Friday",
        "",
        "Recruiter said apply by Friday",
    );
    check(
        "Jobs",
        "Apply here",
        "https://stripe.com/jobs",
        "Jobs\nApply here\nhttps://stripe.com/jobs",
    );
    check("Same", "Same", "", "Same");
    check("", "", "", "");
}

#[test]
fn a_prefill_writes_only_what_it_has() {
    let base = NewContact {
        name: "typed".into(),
        company: "Acme".into(),
        ..NewContact::default()
    };
    let filled = Prefill {
        name: "Ana López".into(),
        linkedin: profile("ana-lopez"),
        ..Prefill::default()
    }
    .fill(base.clone());
    assert_eq!(filled.name, "Ana López");
    assert_eq!(filled.company, "Acme");
    assert_eq!(filled.linkedin, profile("ana-lopez"));
    assert_eq!(Prefill::default().fill(base.clone()), base);
    assert!(Prefill::default().is_empty());
}
