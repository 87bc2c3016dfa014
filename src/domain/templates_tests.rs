//! The default templates: valid, within LinkedIn's limit, and readable with or without
//! optional values.

use super::*;
use crate::domain::note::{note_length, FREE_LIMIT};
use crate::domain::profile::Profile;

fn me() -> Profile {
    Profile {
        name: "Sam Lee".into(),
        school: "State University".into(),
        programme: "Computer Science".into(),
        grad_year: "2027".into(),
        resume_url: "https://example.com/sam-lee-resume.pdf".into(),
        linkedin_url: "https://www.linkedin.com/in/sam-lee/".into(),
        sign_off: "Best,".into(),
        ..Profile::default()
    }
}

/// Only the contact's first name and the student's name are known.
fn bare() -> Context {
    Context {
        first_name: "Priya".into(),
        full_name: "Priya".into(),
        my_name: "Sam".into(),
        ..Context::default()
    }
}

#[test]
fn defaults_parse_and_round_trip() {
    for kind in TemplateKind::ALL {
        let template = kind.default_template();
        assert_eq!(template.source(), kind.default_text());
        assert_eq!(Templates::default().get(kind), &template);
        assert!(!kind.label().is_empty());
    }
    let json = serde_json::to_string(&Templates::default()).unwrap();
    assert_eq!(
        serde_json::from_str::<Templates>(&json).unwrap(),
        Templates::default()
    );
    let partial: Templates =
        serde_json::from_str(r#"{"connect_note": "Hi {first_name}"}"#).unwrap();
    assert_eq!(partial.connect_note.source(), "Hi {first_name}");
    assert_eq!(partial.email_body, Templates::default().email_body);
}

#[test]
fn connect_note_fits_linkedin_with_typical_values() {
    let templates = Templates::default();
    let typical = Context {
        event: "Fall Career Fair".into(),
        company: "Acme Robotics".into(),
        ..Context::sample(&me())
    };
    let note = templates.draft(Step::Connect, &typical).body;
    assert_eq!(
        note,
        "Hi Priya, great meeting you at Fall Career Fair! I enjoyed our chat about how your \
         team tests robot firmware. I'd love to stay in touch. Sam Lee"
    );
    assert!(
        note_length(&note) <= FREE_LIMIT,
        "{} chars",
        note_length(&note)
    );
    assert_eq!(
        templates.draft(Step::Connect, &bare()).body,
        "Hi Priya, great meeting you! I'd love to stay in touch. Sam"
    );
}

#[test]
fn follow_up_email_follows_the_seed() {
    let draft = Templates::default().draft(Step::Email, &Context::sample(&me()));
    assert_eq!(
        draft.subject.as_deref(),
        Some("Great to meet you at the Fall Career Fair – Sam Lee")
    );
    let body = draft.body;
    for part in [
        "Hi Priya,",
        "our conversation about how your team tests robot firmware.",
        "I'm Sam Lee, studying Computer Science at State University and graduating in 2027.",
        "interested in the embedded software internship at Acme Robotics",
        "My resume: https://example.com/sam-lee-resume.pdf",
        "My LinkedIn: https://www.linkedin.com/in/sam-lee/",
        "15 minutes for a short call",
        "Best,\nSam Lee",
    ] {
        assert!(body.contains(part), "missing {part:?} in\n{body}");
    }
}

#[test]
fn follow_up_email_reads_well_with_little_known() {
    let draft = Templates::default().draft(Step::Email, &bare());
    assert_eq!(draft.subject.as_deref(), Some("Great to meet you – Sam"));
    assert_eq!(
        draft.body,
        "Hi Priya,\n\nThank you for taking the time to talk with me!\n\nAs a quick reminder, I'm \
         Sam. I'm very interested in internship opportunities, and I'd love to learn more about \
         the work your team does.\n\nWould you have 15 minutes for a short call in the next \
         couple of weeks? I'm happy to work around your schedule.\n\nBest,\nSam"
    );
}

#[test]
fn every_step_has_a_readable_draft() {
    let templates = Templates::default();
    for step in Step::ALL {
        for context in [bare(), Context::sample(&me())] {
            let draft = templates.draft(step, &context);
            let text = format!(
                "{}\n{}",
                draft.subject.clone().unwrap_or_default(),
                draft.body
            );
            for bad in ["  ", " ,", " .", "{", "}", "[", "]", "\u{0}"] {
                assert!(!text.contains(bad), "{step:?} has {bad:?}:\n{text}");
            }
            // The prep checklist is for the student, not a message to them.
            let opening = if step == Step::Prep {
                "Before meeting Priya"
            } else {
                "Hi Priya"
            };
            assert!(draft.body.starts_with(opening), "{step:?}");
        }
    }
    let referral = templates.draft(Step::Referral, &Context::sample(&me()));
    assert!(referral.body.contains("connecting me with a recruiter"));
    assert_eq!(
        referral.subject.as_deref(),
        Some("A quick question about the embedded software internship at Acme Robotics")
    );
    let bonus = templates
        .draft(Step::BonusMessage, &Context::sample(&me()))
        .body;
    assert!(note_length(&bonus) <= 400, "{bonus}");
}

/// What a person would not write: a word twice in a row, a preposition with nothing after
/// it, empty brackets, punctuation twice, template syntax left over.
fn reads_like_a_person(text: &str) -> Result<(), String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    for pair in words.windows(2) {
        if !pair[0].is_empty() && pair[0] == pair[1] {
            return Err(format!("doubled word {:?}", pair[0]));
        }
    }
    for prep in [
        "at", "about", "in", "with", "for", "to", "from", "the", "a", "an",
    ] {
        for end in [".", ",", "!", "?", ";", "\n", ")"] {
            let bad = format!(" {prep}{end}");
            if text.contains(&bad) {
                return Err(format!("dangling {bad:?}"));
            }
        }
        if text.ends_with(&format!(" {prep}")) {
            return Err(format!("ends with {prep:?}"));
        }
    }
    for bad in [
        "()", "[]", "( )", "..", ",,", "!!", "?.", "!.", ".,", ",.", " ,", " .", "  ", "{", "}",
        "[", "]",
    ] {
        if text.contains(bad) {
            return Err(format!("{bad:?}"));
        }
    }
    Ok(())
}

#[test]
fn every_draft_reads_like_a_person_for_every_combination() {
    use crate::domain::contact::{Contact, NewContact};
    use crate::domain::event::{Event, EventId, EventKind};
    let templates = Templates::default();
    let roles = [
        "",
        "Software Engineer Intern",
        "Payments team",
        "internships",
    ];
    let companies = ["", "Figma"];
    let hooks = [
        "",
        "Rust",
        "new-grad timeline",
        "They said the team is hiring in spring.",
        "how the team tests firmware",
    ];
    let events = [
        "",
        "Fall Career Fair",
        "the Grace Hopper Celebration",
        "HackMIT",
    ];
    // What the event's plan prepared for Figma: used where the contact has no role.
    let planned = ["", "Infra team", "new-grad roles"];
    let mut rendered = 0;
    for (role, planned) in roles.into_iter().flat_map(|r| planned.map(|p| (r, p))) {
        for company in companies {
            for hook in hooks {
                for event_name in events {
                    let contact = Contact::new(NewContact {
                        name: "Priya Shah".into(),
                        company: company.into(),
                        role: role.into(),
                        hook: hook.into(),
                        ..NewContact::default()
                    });
                    let event = (!event_name.is_empty()).then(|| Event {
                        id: EventId::new("e"),
                        name: event_name.into(),
                        kind: EventKind::CareerFair,
                        date: chrono::NaiveDate::default(),
                        ends: None,
                        place: String::new(),
                        prep: crate::domain::prep::Prep {
                            targets: vec![crate::domain::prep::Target {
                                roles: planned.into(),
                                ..crate::domain::prep::Target::named("FIGMA Inc")
                            }],
                            pitch: String::new(),
                        },
                    });
                    for me in [
                        me(),
                        Profile {
                            name: "Sam".into(),
                            ..Profile::default()
                        },
                    ] {
                        let context = Context::new(&contact, event.as_ref(), &me);
                        for step in Step::ALL {
                            let draft = templates.draft(step, &context);
                            for text in draft.subject.iter().chain([&draft.body]) {
                                rendered += 1;
                                if let Err(problem) = reads_like_a_person(text) {
                                    panic!(
                                        "{step:?} with role {role:?} (planned {planned:?}), \
                                         company {company:?}, hook {hook:?}, event {event_name:?}: \
                                         {problem}\n{text}"
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(rendered, 4 * 3 * 2 * 5 * 4 * 2 * 11);
}

#[test]
fn a_contact_without_a_role_takes_the_one_the_plan_prepared_for_their_company() {
    use crate::domain::contact::{Contact, NewContact};
    use crate::domain::event::Event;
    use crate::domain::prep::{parse_pasted, Prep};
    let mut prep = Prep::default();
    prep.add(parse_pasted("Company,Roles\nFigma,Infra team\nStripe,").targets);
    let event = Event {
        name: "Fall Career Fair".into(),
        prep,
        ..Event::default()
    };
    // (contact's company, contact's role, the role in the email)
    for (company, role, expected) in [
        ("figma, inc.", "", "the Infra team"),
        ("Figma", "Summer internship", "the Summer internship"),
        ("Stripe", "", ""),
        ("Datadog", "", ""),
    ] {
        let contact = Contact::new(NewContact {
            name: "Priya Shah".into(),
            company: company.into(),
            role: role.into(),
            ..NewContact::default()
        });
        let context = Context::new(&contact, Some(&event), &me());
        assert_eq!(context.role, expected, "{company} {role:?}");
        let email = Templates::default().draft(Step::Email, &context).body;
        assert!(expected.is_empty() || email.contains(expected), "{email}");
    }
}

#[test]
fn the_phrasing_issue_10_quoted_is_gone() {
    use crate::domain::contact::{Contact, NewContact};
    use crate::domain::event::{Event, EventId, EventKind};
    let contact = Contact::new(NewContact {
        name: "Priya Shah".into(),
        company: "Figma".into(),
        role: "Software Engineer Intern".into(),
        hook: "new-grad timeline".into(),
        ..NewContact::default()
    });
    let event = Event {
        id: EventId::new("e"),
        name: "Fall Career Fair".into(),
        kind: EventKind::CareerFair,
        date: chrono::NaiveDate::default(),
        ends: None,
        place: String::new(),
        prep: Default::default(),
    };
    let body = Templates::default()
        .draft(Step::Email, &Context::new(&contact, Some(&event), &me()))
        .body;
    for good in [
        "very interested in the Software Engineer Intern role at Figma",
        "our conversation about the new-grad timeline",
        "at the Fall Career Fair",
    ] {
        assert!(body.contains(good), "{good:?} not in:\n{body}");
    }
}

#[test]
fn the_email_after_an_introduction_names_who_introduced_you() {
    let templates = Templates::default();
    let mut context = Context::sample(&me());
    context.introduced_by = "Ana López".into();
    let draft = templates.draft(Step::Email, &context);
    assert_eq!(
        draft.subject.as_deref(),
        Some("Ana López suggested I reach out – Sam Lee")
    );
    assert!(
        draft
            .body
            .starts_with("Hi Priya,\n\nAna López kindly suggested I reach out to you."),
        "{}",
        draft.body
    );
    reads_like_a_person(&draft.body).unwrap();
    // Without an introduction, the follow-up email is the usual one.
    context.introduced_by.clear();
    let usual = templates.draft(Step::Email, &context);
    assert!(usual.body.contains("Thank you for taking the time"));
}

#[test]
fn the_connection_note_after_an_introduction_names_who_introduced_you() {
    let templates = Templates::default();
    let mut context = Context::sample(&me());
    context.introduced_by = "Ana López".into();
    let note = templates.draft(Step::Connect, &context).body;
    assert_eq!(
        note,
        "Hi Priya, Ana López suggested I reach out. I'm Sam Lee, a student at State University, \
         very interested in the embedded software internship at Acme Robotics. I'd love to \
         connect!"
    );
    assert!(note_length(&note) <= FREE_LIMIT, "{}", note_length(&note));
    // Introduced by someone no longer in the book, with little known.
    let bare = Context {
        introduced: true,
        ..bare()
    };
    let note = templates.draft(Step::Connect, &bare).body;
    assert_eq!(
        note,
        "Hi Priya, a colleague of yours suggested I reach out. I'm Sam, very interested in \
         opportunities. I'd love to connect!"
    );
    let email = templates.draft(Step::Email, &bare);
    assert_eq!(
        email.subject.as_deref(),
        Some("A colleague of yours suggested I reach out – Sam")
    );
    for context in [context, bare] {
        for step in [Step::Connect, Step::Email] {
            let draft = templates.draft(step, &context);
            for text in draft.subject.iter().chain([&draft.body]) {
                reads_like_a_person(text).unwrap();
            }
        }
    }
}

/// Issue 25: the bonus message says how the follow-up went (or will go): by email, as a
/// LinkedIn message, or not at all once it was skipped.
#[test]
fn the_bonus_message_names_the_channel_of_the_follow_up() {
    use crate::domain::book::Book;
    use crate::domain::command::Command;
    use crate::domain::contact::{ContactId, NewContact};
    use crate::domain::email::Email;
    use crate::domain::linkedin::LinkedIn;
    let day = |n: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, n).unwrap();
    #[derive(Clone, Copy, Debug)]
    enum FollowUp {
        Pending,
        Emailed,
        Messaged,
        Skipped,
    }
    let check = |address: bool, follow_up: FollowUp, says: Option<&str>| {
        let id = ContactId::new("ben");
        let mut book = Book::default();
        book.apply(Command::AddContact(NewContact {
            id: id.clone(),
            name: "Ben Okoro".into(),
            email: address.then(|| Email::parse("ben@example.com").unwrap()),
            linkedin: LinkedIn::parse("linkedin.com/in/ben-okoro").ok(),
            really_want: true,
            met_on: day(2),
            ..NewContact::default()
        }))
        .unwrap();
        let (contact, on, at) = (id.clone(), day(3), 2);
        let step = Step::Email;
        let done = match follow_up {
            FollowUp::Pending => None,
            FollowUp::Emailed => Some(Command::MarkDone {
                contact,
                step,
                on,
                at,
            }),
            FollowUp::Messaged => Some(Command::SentAsMessage { contact, on, at }),
            FollowUp::Skipped => Some(Command::Skip {
                contact,
                step,
                on,
                at,
            }),
        };
        if let Some(done) = done {
            book.apply(done).unwrap();
        }
        let body = book
            .draft(book.contact(&id).unwrap(), Step::BonusMessage)
            .body;
        let said = format!("address: {address}, {follow_up:?}:\n{body}");
        match says {
            Some(channel) => {
                let sentence = format!("I sent you a short {channel} after we met.");
                assert!(body.contains(&sentence), "{said}");
            }
            None => assert!(!body.contains("sent you"), "{said}"),
        }
        if says != Some("email") {
            assert!(!body.contains("email"), "{said}");
        }
        reads_like_a_person(&body).unwrap();
    };
    check(true, FollowUp::Pending, Some("email"));
    check(true, FollowUp::Emailed, Some("email"));
    check(true, FollowUp::Messaged, Some("LinkedIn message"));
    check(false, FollowUp::Pending, Some("LinkedIn message"));
    check(false, FollowUp::Messaged, Some("LinkedIn message"));
    check(true, FollowUp::Skipped, None);
    check(false, FollowUp::Skipped, None);
}

/// Books store the bonus message even unedited: the former default ("I sent you a short
/// email", whatever the channel) reads as today's; an edited one is kept as typed.
#[test]
fn a_stored_former_default_bonus_message_reads_as_todays() {
    let read = |text: &str| -> Templates {
        serde_json::from_value(serde_json::json!({ "bonus_message": text })).unwrap()
    };
    assert_eq!(
        read(BONUS_MESSAGE_BEFORE_FOLLOW_UP).bonus_message,
        TemplateKind::BonusMessage.default_template()
    );
    let edited = "Hi {first_name}, I sent you a short email. {my_name}";
    assert_eq!(read(edited).bonus_message.source(), edited);
}
