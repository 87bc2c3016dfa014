use super::*;
use crate::qr::{qr_svg, QUIET_ZONE};

const SITE: &str = "https://sam-lee.github.io/followup/";

fn page(name: &str, school: &str, email: &str, linkedin: &str, resume: &str) -> MyPage {
    MyPage {
        name: name.into(),
        school: school.into(),
        email: email.into(),
        linkedin: linkedin.into(),
        resume: resume.into(),
        ..MyPage::default()
    }
}

/// A long profile of a real student: accents, a long school, a LinkedIn name with
/// digits, a resume on their own site and a phone number.
fn long_profile() -> Profile {
    Profile {
        name: "María-José Fernández".into(),
        school: "University of Michigan".into(),
        programme: "Computer Science".into(),
        grad_year: "2027".into(),
        email: "mj.fernandez@umich.edu".into(),
        phone: "+1 (734) 555-0142".into(),
        linkedin_url: "https://www.linkedin.com/in/mjfernandez/".into(),
        resume_url: "https://mjfernandez.dev/resume.pdf".into(),
        ..Profile::default()
    }
}

/// Longer than any code scanned at arm's length can hold: every field at its longest.
fn longest_profile() -> Profile {
    Profile {
        name: "María-José Fernández-Castillo".into(),
        school: "University of California, Berkeley".into(),
        programme: "Electrical Engineering & Computer Sciences".into(),
        grad_year: "2027".into(),
        email: "mariajose.fernandez@berkeley.edu".into(),
        phone: "+1 (510) 555-0142".into(),
        linkedin_url: "https://www.linkedin.com/in/maria-jose-fernandez-castillo-4b2a19/".into(),
        resume_url: "https://drive.google.com/file/d/1a2B3c4D5e6F7g8H9i0J/view".into(),
        ..Profile::default()
    }
}

/// The fragment of a page link.
fn fragment(link: &str) -> &str {
    link.split_once('#').map_or("", |(_, f)| f)
}

#[test]
fn every_special_character_is_escaped_and_reads_back() {
    let check = |value: &str, encoded: &str| {
        let p = page(value, "", "a@b.co", "", "");
        let link = p.link(SITE);
        let expected_start = format!("{SITE}me.html#n={encoded}&e=a@b.co");
        assert_eq!(link, expected_start, "{value:?}");
        assert_eq!(MyPage::read(fragment(&link)), p, "{value:?}");
    };
    check("Alex Kim", "Alex+Kim");
    check("A#B", "A%23B");
    check("Tom & Jerry", "Tom+%26+Jerry");
    check("100% sure", "100%25+sure");
    check("a=b", "a%3Db");
    check("C++ fan", "C%2B%2B+fan");
    check("Zoë Núñez", "Zo%C3%AB+N%C3%BA%C3%B1ez");
    check("李小龍", "%E6%9D%8E%E5%B0%8F%E9%BE%8D");
    check("two\nlines", "two%0Alines");
    check("O'Brien (Jr), M.Sc.", "O%27Brien+%28Jr%29,+M.Sc.");
    check("a/b:c@d~e_f-g", "a/b:c@d~e_f-g");
    check("?;\"<>\\", "%3F%3B%22%3C%3E%5C");
    check("👋", "%F0%9F%91%8B");
}

#[test]
fn a_page_link_reads_back_as_the_same_page() {
    let check = |p: MyPage| {
        let link = p.link(SITE);
        assert!(
            link.starts_with("https://sam-lee.github.io/followup/me.html#n="),
            "{link}"
        );
        assert_eq!(MyPage::read(fragment(&link)), p, "{link}");
        assert!(
            !link.contains("=&") && !link.ends_with('='),
            "no empty field: {link}"
        );
    };
    check(MyPage::from_profile(&long_profile()).unwrap());
    check(MyPage::from_profile(&longest_profile()).unwrap());
    check(page("Alex Kim", "", "alex@uni.edu", "", ""));
    check(page(
        "Ana #1 & co",
        "100% State\r\nUniversity",
        "ana+fairs@uni.edu",
        "jos%C3%A9-ortega",
        "https://x.dev/cv.pdf?a=1&b=2#top",
    ));
    check(MyPage {
        name: "Sam".into(),
        phone: "+44 20 7946 0958".into(),
        grad_year: "2026".into(),
        ..MyPage::default()
    });
}

#[test]
fn reading_ignores_unknown_keys_and_broken_escapes() {
    let read = MyPage::read("x=1&n=Ana+L%C3%B3pez&e=%ZZ&junk&s=");
    assert_eq!(read, page("Ana López", "", "", "", ""));
    assert_eq!(MyPage::read(""), MyPage::default());
}

#[test]
fn the_page_is_made_from_the_profile_with_the_linkedin_profile_name_and_phone_digits() {
    let p = MyPage::from_profile(&longest_profile()).unwrap();
    assert_eq!(p.programme, "Electrical Engineering & Computer Sciences");
    assert_eq!(p.grad_year, "2027");
    assert_eq!(p.linkedin, "maria-jose-fernandez-castillo-4b2a19");
    assert_eq!(p.phone, "+15105550142", "digits and the leading + only");
    let missing = |name: &str, email: &str, phone: &str| {
        let profile = Profile {
            name: name.into(),
            email: email.into(),
            phone: phone.into(),
            ..Profile::default()
        };
        MyPage::from_profile(&profile).err()
    };
    assert_eq!(missing(" ", "a@b.co", ""), Some(Missing::Name));
    assert_eq!(missing("Ana", " ", ""), Some(Missing::Reply));
    assert_eq!(missing("Ana", "", "555 0100"), None);
    assert_eq!(missing("Ana", "a@b.co", ""), None);
}

/// The QR version of the code for `text`.
fn version(text: &str) -> usize {
    let code = qr_svg(text).unwrap();
    (code.size - 2 * QUIET_ZONE - 17) / 4
}

#[test]
fn a_long_profiles_code_stays_version_10_or_less() {
    assert_eq!(
        version(&"x".repeat(MAX_LINK)),
        10,
        "MAX_LINK fills version 10"
    );
    assert_eq!(version(&"x".repeat(MAX_LINK + 1)), 11);
    let check = |profile: Profile, left_out: &[&str]| {
        let page = MyPage::from_profile(&profile).unwrap();
        let (link, names) = page.fit(SITE);
        assert!(
            version(&link) <= 10,
            "version {}, {} bytes: {link}",
            version(&link),
            link.len()
        );
        assert_eq!(names, left_out, "{link}");
        let read = MyPage::read(fragment(&link));
        assert_eq!(
            (read.name, read.email, read.phone),
            (page.name, page.email, page.phone)
        );
        link.len()
    };
    let typical = Profile {
        name: "Priya Raman".into(),
        school: "Georgia Tech".into(),
        programme: "Computer Science".into(),
        grad_year: "2027".into(),
        email: "priya.raman@gatech.edu".into(),
        linkedin_url: "linkedin.com/in/priya-raman".into(),
        resume_url: "https://priyaraman.dev/cv.pdf".into(),
        ..Profile::default()
    };
    check(typical, &[]);
    let mut long = long_profile();
    long.phone.clear();
    assert_eq!(
        check(long, &[]),
        207,
        "every field of a long profile but the phone"
    );
    // With the phone too, the programme and year are left out (and the card says so).
    check(long_profile(), &["programme and year"]);
    check(
        longest_profile(),
        &["programme and year", "school", "resume link"],
    );
    let mut longer = longest_profile();
    longer.email = format!("{}@berkeley.edu", "m".repeat(60));
    check(
        longer,
        &["programme and year", "school", "resume link", "LinkedIn"],
    );
    // The name and the ways to reply are never left out, even past version 10.
    let mut huge = longest_profile();
    huge.name = "N".repeat(300);
    let page = MyPage::from_profile(&huge).unwrap();
    let (link, names) = page.fit(SITE);
    assert_eq!(names.len(), 4);
    assert_eq!(MyPage::read(fragment(&link)).name, huge.name);
}

#[test]
fn a_reply_opens_capture_filled_in_with_a_note() {
    let check = |reply: Reply, expected: Prefill| {
        let link = reply.link(SITE);
        let (before, query) = link.split_once('?').unwrap();
        assert_eq!(before, "https://sam-lee.github.io/followup/contacts/new");
        let read = read_reply(|key| query_value(query, key));
        assert_eq!(read, Some(expected), "{link}");
    };
    let reply = |name: &str, company: &str, email: &str, linkedin: &str| Reply {
        name: name.into(),
        company: company.into(),
        email: email.into(),
        linkedin: linkedin.into(),
    };
    check(
        reply(
            "Priya Raman",
            "Figma & Co #2",
            "priya@figma.com",
            "linkedin.com/in/priya-r",
        ),
        Prefill {
            name: "Priya Raman".into(),
            company: "Figma & Co #2".into(),
            email: Email::parse("priya@figma.com").ok(),
            linkedin: LinkedIn::parse("priya-r").ok(),
            notes: SENT_FROM_MY_PAGE.into(),
            ..Prefill::default()
        },
    );
    check(
        reply("Zoë 100%", "", "not an email", "https://example.com/me"),
        Prefill {
            name: "Zoë 100%".into(),
            notes: "Sent from My page\nEmail as sent: not an email\n\
                    LinkedIn as sent: https://example.com/me"
                .into(),
            ..Prefill::default()
        },
    );
    check(
        reply("", "", "", ""),
        Prefill {
            notes: SENT_FROM_MY_PAGE.into(),
            ..Prefill::default()
        },
    );
    assert_eq!(
        reply("Ana", "", "", "").link(SITE),
        "https://sam-lee.github.io/followup/contacts/new?via=me&n=Ana"
    );
}

#[test]
fn only_a_link_from_my_page_is_read_as_a_reply() {
    for query in ["", "code=Ana", "via=scan&n=Ana", "via=&n=Ana"] {
        assert_eq!(read_reply(|key| query_value(query, key)), None, "{query:?}");
    }
    assert_eq!(
        query_value("?via=me&n=Ana+L%C3%B3pez", "n").as_deref(),
        Some("Ana López")
    );
    assert_eq!(query_value("n=%E", "n"), None);
}
