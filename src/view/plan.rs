//! What an event's plan page says: the pitch's length, the "met" and "reached" lines,
//! who was captured at each company, and every sentence about adding and removing
//! companies. Plain Rust, host-tested; `pages::plan` wires these to the form.
//!
//! Never reads the clock: whether the fair is over is decided by the page from `today`.

use crate::domain::companies::company_key;
use crate::domain::prep::{pitch_length, to_visit_order, Pasted, PrepAtFair, Target};
use crate::domain::search;

/// Under the pitch: "312 characters · about 30 seconds aloud", or a hint when empty.
pub fn pitch_line(pitch: &str) -> String {
    let length = pitch_length(pitch);
    if length.words == 0 {
        return "About 65 words is 30 seconds aloud.".to_string();
    }
    let characters = match length.characters {
        1 => "1 character".to_string(),
        n => format!("{n} characters"),
    };
    format!("{characters} · about {} seconds aloud", length.seconds)
}

/// "3 of 8 must-visit companies met", or `None` with no must-visit company.
pub fn must_line(at: &PrepAtFair) -> Option<String> {
    let (met, must) = at.must_met();
    (must > 0).then(|| match must {
        1 => format!("{met} of 1 must-visit company met"),
        n => format!("{met} of {n} must-visit companies met"),
    })
}

/// The funnel's row: "5 of 12 planned companies reached".
pub fn reached_line((reached, planned): (usize, usize)) -> String {
    match planned {
        1 => format!("{reached} of 1 planned company reached"),
        n => format!("{reached} of {n} planned companies reached"),
    }
}

/// Who was captured at a company: "Met Priya Raman and Ana Lima", or "Nobody captured yet".
pub fn people_line(people: &[(crate::domain::ContactId, String)]) -> String {
    let names: Vec<&str> = people.iter().map(|(_, n)| n.as_str()).collect();
    match names.as_slice() {
        [] => "Nobody captured yet".to_string(),
        [one] => format!("Met {one}"),
        [rest @ .., last] => format!("Met {} and {last}", rest.join(", ")),
    }
}

/// After a paste: what was added, what was already there, what was left out (named, so
/// nothing is dropped silently).
pub fn added_notice(pasted: &Pasted, new: usize) -> String {
    let found = pasted.targets.len();
    let mut text = match (new, found - new.min(found)) {
        (0, 0) => "No company names found in what you pasted.".to_string(),
        (0, 1) => "That company is already on your plan.".to_string(),
        (0, n) => format!("All {n} companies are already on your plan."),
        (1, 0) => "Added 1 company.".to_string(),
        (n, 0) => format!("Added {n} companies."),
        (n, 1) => format!("Added {n}; 1 was already on your plan."),
        (n, old) => format!("Added {n}; {old} were already on your plan."),
    };
    if !pasted.skipped.is_empty() {
        let shown: Vec<String> = pasted
            .skipped
            .iter()
            .take(4)
            .map(|s| format!("\u{201c}{s}\u{201d}"))
            .collect();
        let more = pasted.skipped.len().saturating_sub(4);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        text.push_str(&format!(
            " Left out as headings: {}{tail}.",
            shown.join(", ")
        ));
    }
    text
}

/// After Remove: "Removed “Figma” from the plan."
pub fn removed_notice(name: &str) -> String {
    format!("Removed \u{201c}{name}\u{201d} from the plan.")
}

/// The plan's CSV download: `followup-plan-2026-11-26.csv`.
pub fn csv_name(today: &chrono::NaiveDate) -> String {
    format!("followup-plan-{}.csv", crate::domain::dates::iso(*today))
}

/// How many plan companies capture offers at once.
pub const SUGGESTIONS: usize = 6;

/// The plan's companies capture offers as the company is typed: in To visit's order, those
/// with a word starting with each typed word (accents and case ignored), none once what is
/// typed names one.
pub fn suggestions<'a>(targets: &'a [Target], typed: &str) -> Vec<&'a Target> {
    let key = company_key(typed);
    if key.is_some() && targets.iter().any(|t| company_key(&t.name) == key) {
        return Vec::new();
    }
    let typed = search::fold(typed);
    let starts = |name: &str| {
        let name = search::fold(name);
        let words: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).collect();
        typed
            .split_whitespace()
            .all(|part| words.iter().any(|w| w.starts_with(part)))
    };
    to_visit_order(targets)
        .into_iter()
        .filter(|t| starts(&t.name))
        .take(SUGGESTIONS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::prep::{parse_pasted, prep_at, Priority, Target};
    use crate::domain::{ContactId, Event};

    #[test]
    fn the_pitch_line_counts_characters_and_seconds() {
        for (pitch, line) in [
            ("", "About 65 words is 30 seconds aloud."),
            ("Hi", "2 characters · about 5 seconds aloud"),
            ("I", "1 character · about 5 seconds aloud"),
        ] {
            assert_eq!(pitch_line(pitch), line);
        }
        let sixty_five = vec!["word"; 65].join(" ");
        assert_eq!(
            pitch_line(&sixty_five),
            "324 characters · about 30 seconds aloud"
        );
    }

    #[test]
    fn the_met_and_reached_lines_count_and_agree_in_number() {
        let plan = |priorities: &[(Priority, bool)]| {
            let mut event = Event::default();
            event.prep.add(
                priorities
                    .iter()
                    .enumerate()
                    .map(|(i, (priority, visited))| Target {
                        priority: *priority,
                        visited: *visited,
                        ..Target::named(&format!("Company {i}"))
                    })
                    .collect(),
            );
            prep_at(&event, [])
        };
        use Priority::*;
        for (priorities, line) in [
            (&[(Want, true)][..], None),
            (&[(Must, true)][..], Some("1 of 1 must-visit company met")),
            (
                &[(Must, true), (Must, false), (Maybe, true)][..],
                Some("1 of 2 must-visit companies met"),
            ),
        ] {
            assert_eq!(must_line(&plan(priorities)).as_deref(), line);
        }
        assert_eq!(reached_line((0, 1)), "0 of 1 planned company reached");
        assert_eq!(reached_line((5, 12)), "5 of 12 planned companies reached");
    }

    #[test]
    fn capture_suggests_the_plans_companies_as_the_company_is_typed() {
        let mut event = Event::default();
        event.prep.add(
            parse_pasted("Figma\nStripe\nSociété Générale\nFastly\nShopify\nSnap\nSpotify\nSquare")
                .targets,
        );
        event.prep.targets[2].priority = Priority::Must;
        let names = |typed: &str| -> Vec<String> {
            suggestions(&event.prep.targets, typed)
                .iter()
                .map(|t| t.name.clone())
                .collect()
        };
        for (typed, expected) in [
            (
                "",
                &[
                    "Société Générale",
                    "Figma",
                    "Stripe",
                    "Fastly",
                    "Shopify",
                    "Snap",
                ][..],
            ),
            (
                "s",
                &[
                    "Société Générale",
                    "Stripe",
                    "Shopify",
                    "Snap",
                    "Spotify",
                    "Square",
                ][..],
            ),
            ("societe", &["Société Générale"][..]),
            ("FIG", &["Figma"][..]),
            ("figma, inc.", &[][..]),
            ("Zoom", &[][..]),
        ] {
            assert_eq!(names(typed), expected, "{typed:?}");
        }
    }

    #[test]
    fn the_plans_csv_is_named_with_the_date() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert_eq!(csv_name(&today), "followup-plan-2026-11-26.csv");
    }

    #[test]
    fn people_are_named_in_a_sentence() {
        let people = |names: &[&str]| -> Vec<(ContactId, String)> {
            names
                .iter()
                .map(|n| (ContactId::new(*n), n.to_string()))
                .collect()
        };
        for (names, line) in [
            (&[][..], "Nobody captured yet"),
            (&["Ana"][..], "Met Ana"),
            (&["Ana", "Ben"][..], "Met Ana and Ben"),
            (&["Ana", "Ben", "Cy"][..], "Met Ana, Ben and Cy"),
        ] {
            assert_eq!(people_line(&people(names)), line);
        }
    }

    #[test]
    fn a_paste_says_what_was_added_kept_and_left_out() {
        for (text, new, notice) in [
            ("", 0, "No company names found in what you pasted."),
            ("Figma", 0, "That company is already on your plan."),
            ("Figma\nStripe", 0, "All 2 companies are already on your plan."),
            ("Figma", 1, "Added 1 company."),
            ("Figma\nStripe", 1, "Added 1; 1 was already on your plan."),
            ("A\nFigma\nB\nStripe\nC\nDatadog\nD\nE\nF", 3,
                "Added 3 companies. Left out as headings: \u{201c}A\u{201d}, \u{201c}B\u{201d}, \u{201c}C\u{201d}, \u{201c}D\u{201d} and 2 more."),
        ] {
            assert_eq!(added_notice(&parse_pasted(text), new), notice, "{text}");
        }
    }
}
