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
            assert!(draft.body.starts_with("Hi Priya"), "{step:?}");
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
