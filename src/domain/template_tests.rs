//! Template errors at edit time, and rendering with full and empty values.

use super::*;

fn at(line: usize, column: usize) -> Position {
    Position { line, column }
}

fn check_error(source: &str, expected: TemplateError) {
    assert_eq!(Template::parse(source), Err(expected.clone()), "{source:?}");
    assert_eq!(Template::validate(source), Err(expected), "{source:?}");
}

#[test]
fn broken_templates_are_refused_with_their_position() {
    use TemplateError::*;
    let unknown = |name: &str, line, column, suggestion| UnknownPlaceholder {
        name: name.into(),
        at: at(line, column),
        suggestion,
    };
    check_error(
        "Hi {frist_name}!",
        unknown("frist_name", 1, 4, Some(Placeholder::FirstName)),
    );
    check_error("Hi {name}", unknown("name", 1, 4, None));
    check_error("Hi {}", unknown("", 1, 4, None));
    check_error(
        "Hi {Company}",
        unknown("Company", 1, 4, Some(Placeholder::Company)),
    );
    check_error(
        "Hi,\n\nsee {resume}",
        unknown("resume", 3, 5, Some(Placeholder::ResumeUrl)),
    );
    check_error("{my_email}", unknown("my_email", 1, 1, None));
    check_error(
        "Hi,\n\nsee {resume_link}",
        unknown("resume_link", 3, 5, Some(Placeholder::ResumeUrl)),
    );
    check_error(
        "Héllo 👋 {evnt}",
        unknown("evnt", 1, 9, Some(Placeholder::Event)),
    );
    check_error("Hi {first_name", UnclosedBrace { at: at(1, 4) });
    check_error("Hi {first_name\n}", UnclosedBrace { at: at(1, 4) });
    check_error("Hi {first_{name}", UnclosedBrace { at: at(1, 4) });
    check_error("Hi first_name}", StrayBrace { at: at(1, 14) });
    check_error("a\nb}", StrayBrace { at: at(2, 2) });
    check_error("Hi[ at {event}", UnclosedBracket { at: at(1, 3) });
    check_error("Hi at {event}]", StrayBracket { at: at(1, 14) });
    check_error("[a [b {event}]]", NestedBracket { at: at(1, 4) });
    check_error(
        "See [my resume] below",
        OptionalWithoutPlaceholder { at: at(1, 5) },
    );
}

#[test]
fn errors_name_the_placeholder() {
    let message = Template::parse("Hi {frist_name}").unwrap_err().to_string();
    assert_eq!(
        message,
        "Unknown placeholder {frist_name} at line 1, column 4. Did you mean {first_name}?"
    );
    let message = Template::parse("x\n {bogus}").unwrap_err().to_string();
    assert!(
        message.contains("{bogus}") && message.contains("line 2, column 2"),
        "{message}"
    );
}

fn context() -> Context {
    Context {
        first_name: "Priya".into(),
        last_name: "Shah".into(),
        full_name: "Priya Shah".into(),
        company: "Acme".into(),
        event: "the Fall Career Fair".into(),
        hook: "robot firmware".into(),
        my_name: "Sam Lee".into(),
        ..Context::default()
    }
}

fn check_render(source: &str, expected: &str) {
    let template = Template::parse(source).unwrap_or_else(|e| panic!("{source:?}: {e}"));
    assert_eq!(template.render(&context()), expected, "{source:?}");
}

#[test]
fn rendering() {
    check_render("", "");
    check_render("Hi {first_name}!", "Hi Priya!");
    check_render("{full_name} / {last_name}", "Priya Shah / Shah");
    check_render("{{literal}} and [[brackets]]", "{literal} and [brackets]");
    check_render("Met[ at {event}].", "Met at the Fall Career Fair.");
    check_render(
        "Interested in {role|internships} at {company}.",
        "Interested in internships at Acme.",
    );
    check_render(
        "Interested in { role | internships }.",
        "Interested in internships.",
    );
    check_render("{company|your company}", "Acme");
    // Empty values: optional parts drop, and the line is tidied.
    check_render("Hi {title}, hello", "Hi, hello");
    check_render("About {role} .", "About.");
    check_render("Hi {first_name}[ ({title})]!", "Hi Priya!");
    check_render("I liked[ {role} at] {company}.", "I liked Acme.");
    check_render("One.[ Two {role}.] Three.", "One. Three.");
    check_render("[I'm at {school}.] Bye.", "Bye.");
    check_render("  indented {first_name}", "  indented Priya");
    check_render("Keep  two  spaces", "Keep  two  spaces");
    // A line left empty by missing values disappears; blank lines written stay.
    check_render(
        "Hi,\n\n[Resume: {resume_url}]\n[LinkedIn: {my_linkedin}]\nBye",
        "Hi,\n\nBye",
    );
    check_render("Hi,\n{sign_off}\n{my_name}", "Hi,\nSam Lee");
    check_render(
        "Hi,\n\n{sign_off|Best,}\n{my_name}",
        "Hi,\n\nBest,\nSam Lee",
    );
}

#[test]
fn values_are_trimmed_and_cannot_smuggle_markers() {
    let context = Context {
        first_name: "  Priya \u{0} ".into(),
        ..Context::default()
    };
    let template = Template::parse("Hi {first_name}.").unwrap();
    assert_eq!(template.render(&context), "Hi Priya.");
    let context = Context {
        hook: "{first_name} [x]".into(),
        ..Context::default()
    };
    assert_eq!(
        Template::parse("{hook}").unwrap().render(&context),
        "{first_name} [x]"
    );
}

#[test]
fn placeholders_are_listed_once_in_order() {
    let template = Template::parse("{my_name} {first_name}[ {event}] {my_name}").unwrap();
    assert_eq!(
        template.placeholders(),
        vec![
            Placeholder::MyName,
            Placeholder::FirstName,
            Placeholder::Event
        ]
    );
    for p in Placeholder::ALL {
        assert_eq!(Placeholder::from_name(p.name()), Some(p));
        assert!(!p.description().is_empty());
    }
}

#[test]
fn template_serialises_as_its_source() {
    let template = Template::parse("Hi {first_name}").unwrap();
    let json = serde_json::to_string(&template).unwrap();
    assert_eq!(json, "\"Hi {first_name}\"");
    assert_eq!(serde_json::from_str::<Template>(&json).unwrap(), template);
    assert!(serde_json::from_str::<Template>("\"Hi {nope}\"").is_err());
}

#[test]
fn a_value_ending_a_sentence_does_not_double_the_full_stop() {
    let check =
        |input: &str, expected: &str| assert_eq!(single_periods(input), expected, "{input:?}");
    check("We talked about Rust..", "We talked about Rust.");
    check("Wait... what?", "Wait... what?");
    check("Ends with an ellipsis...", "Ends with an ellipsis...");
    check("a.. b.. c", "a. b. c");
    check("..", ".");
    check("", "");
    check("No dots", "No dots");
}
