//! Words around what the student typed, so that drafts read like a person wrote them:
//! "at the Fall Career Fair" but "at HackMIT", "the Software Engineer Intern role", "our
//! conversation about the new-grad timeline", "about how they're hiring in spring".
//!
//! Pure functions of text; used by `Context::new` to fill the `event`, `role` and `hook`
//! placeholders. They never change what a template says around them.

/// Nouns that end a generic event name and want "the" before it.
const EVENT_NOUNS: [&str; 24] = [
    "fair",
    "expo",
    "conference",
    "meetup",
    "summit",
    "hackathon",
    "night",
    "day",
    "session",
    "workshop",
    "mixer",
    "panel",
    "talk",
    "week",
    "celebration",
    "festival",
    "showcase",
    "house",
    "event",
    "tour",
    "forum",
    "symposium",
    "social",
    "reception",
];

/// Nouns that end a role and need no "role" after them.
const ROLE_NOUNS: [&str; 9] = [
    "role",
    "position",
    "team",
    "internship",
    "program",
    "programme",
    "opening",
    "job",
    "cohort",
];

const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// Words that start a noun phrase which already reads well after "about".
const DETERMINERS: [&str; 13] = [
    "the", "a", "an", "their", "his", "her", "your", "my", "our", "its", "this", "that", "how",
];

/// Words that start a sentence rather than a noun phrase.
const PRONOUNS: [&str; 9] = [
    "they",
    "she",
    "he",
    "we",
    "i",
    "you",
    "it",
    "there",
    "their team",
];

fn first_word(text: &str) -> String {
    text.split_whitespace().next().unwrap_or("").to_lowercase()
}

fn last_word(text: &str) -> String {
    text.split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Text without surrounding spaces and trailing sentence punctuation.
fn bare(text: &str) -> &str {
    text.trim()
        .trim_end_matches(['.', '!', ';', ',', ':'])
        .trim_end()
}

/// An event name as it reads after "at": "the Fall Career Fair", "HackMIT".
pub fn event(name: &str) -> String {
    let name = bare(name);
    if name.is_empty() || ARTICLES.contains(&first_word(name).as_str()) {
        return name.to_string();
    }
    if EVENT_NOUNS.contains(&last_word(name).as_str()) {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// A role as it reads after "interested in": "the Software Engineer Intern role",
/// "the Payments team", "internships".
pub fn role(text: &str) -> String {
    let role = bare(text);
    if role.is_empty() || ARTICLES.contains(&first_word(role).as_str()) {
        return role.to_string();
    }
    let last = last_word(role);
    let plural = last.ends_with('s') && !last.ends_with("ss");
    if plural && role.split_whitespace().count() == 1 {
        role.to_string()
    } else if ROLE_NOUNS.contains(&last.as_str()) || plural {
        format!("the {role}")
    } else {
        format!("the {role} role")
    }
}

/// A hook as it reads after "about": a short noun phrase gets "the", a sentence becomes
/// "how …", anything else stays as typed (without a trailing full stop).
pub fn hook(text: &str) -> String {
    let hook = bare(text);
    if hook.is_empty() {
        return String::new();
    }
    let first = first_word(hook);
    let words = hook.split_whitespace().count();
    let starts_lower = hook.chars().next().is_some_and(|c| c.is_lowercase());
    if PRONOUNS.contains(&first.as_str()) && words > 1 {
        let mut chars = hook.chars();
        let head: String = chars
            .next()
            .map(|c| c.to_lowercase().collect())
            .unwrap_or_default();
        // "I" stays a capital.
        let head = if first == "i" || first.starts_with("i'") {
            "I".to_string()
        } else {
            head
        };
        return format!("how {head}{}", chars.as_str());
    }
    let gerund = first.ends_with("ing") && first.len() > 4;
    let plural_word = words == 1 && first.ends_with('s');
    if starts_lower
        && words <= 4
        && !DETERMINERS.contains(&first.as_str())
        && !gerund
        && !plural_word
        && !["what", "why", "when", "where", "whether"].contains(&first.as_str())
    {
        format!("the {hook}")
    } else {
        hook.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_take_the_when_their_name_is_generic() {
        for (name, expected) in [
            ("Fall Career Fair", "the Fall Career Fair"),
            ("the Fall Career Fair", "the Fall Career Fair"),
            ("HackMIT", "HackMIT"),
            ("Grace Hopper Celebration", "the Grace Hopper Celebration"),
            ("Rust meetup.", "the Rust meetup"),
            ("Stripe office tour", "the Stripe office tour"),
            ("RustConf 2026", "RustConf 2026"),
            ("", ""),
        ] {
            assert_eq!(event(name), expected, "{name:?}");
        }
    }

    #[test]
    fn roles_read_as_a_noun_phrase() {
        for (text, expected) in [
            (
                "Software Engineer Intern",
                "the Software Engineer Intern role",
            ),
            ("Payments team", "the Payments team"),
            ("summer internship", "the summer internship"),
            ("internships", "internships"),
            ("backend internships", "the backend internships"),
            ("an SRE position", "an SRE position"),
            ("", ""),
        ] {
            assert_eq!(role(text), expected, "{text:?}");
        }
    }

    #[test]
    fn hooks_read_after_about() {
        for (text, expected) in [
            ("new-grad timeline", "the new-grad timeline"),
            ("Rust", "Rust"),
            ("FHIR APIs.", "FHIR APIs"),
            ("their move to Rust", "their move to Rust"),
            (
                "migrating a monolith to Kotlin services",
                "migrating a monolith to Kotlin services",
            ),
            (
                "They said the team is hiring in spring.",
                "how they said the team is hiring in spring",
            ),
            (
                "I asked about return offers",
                "how I asked about return offers",
            ),
            (
                "on-call at a hospital startup",
                "on-call at a hospital startup",
            ),
            ("internships", "internships"),
            ("what the team ships", "what the team ships"),
            ("", ""),
        ] {
            assert_eq!(hook(text), expected, "{text:?}");
        }
    }
}
