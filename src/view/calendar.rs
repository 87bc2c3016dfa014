//! The words of the calendar in Settings and on "Add to calendar": when the calendar file
//! was last exported and what changed since ("Calendar exported 9 days ago · 4 new
//! follow-ups, 2 done since"), and which calendars take an update.
//!
//! Plain Rust over `domain::formats::ics_update::Changes`; `today` is an argument.

use chrono::NaiveDate;

use crate::domain::formats::ics_update::Changes;

/// Said when the calendar file was never exported from this browser.
pub const NOT_EXPORTED: &str =
    "Your follow-ups aren't in a calendar yet. Export them once and your phone reminds you of each one.";

/// Which calendars take an update, and what to do in the one that does not.
pub const WHO_UPDATES: &str = "Apple Calendar and Outlook update the events you added before \
     and remove the ones you've done. Google Calendar's import only adds: in Google, delete \
     the old Follow-ups events first, or add single steps with their Google Calendar link.";

/// "today", "yesterday", "9 days ago".
pub fn ago(day: NaiveDate, today: NaiveDate) -> String {
    match (today - day).num_days() {
        // A day after today only comes from a clock put back: say today.
        ..=0 => "today".into(),
        1 => "yesterday".into(),
        days => format!("{days} days ago"),
    }
}

/// "Calendar exported 9 days ago · 4 new follow-ups, 2 done since", or "… · up to date".
pub fn exported_line(on: NaiveDate, changes: Changes, today: NaiveDate) -> String {
    let when = ago(on, today);
    if changes.is_empty() {
        return format!("Calendar exported {when} · up to date");
    }
    let mut parts = Vec::new();
    if changes.added > 0 {
        let s = if changes.added == 1 { "" } else { "s" };
        parts.push(format!("{} new follow-up{s}", changes.added));
    }
    if changes.changed > 0 {
        parts.push(format!("{} changed", changes.changed));
    }
    if changes.done > 0 {
        parts.push(format!("{} done", changes.done));
    }
    format!("Calendar exported {when} · {} since", parts.join(", "))
}

/// The Settings button: "Update my calendar" once it was exported.
pub fn update_label(exported: bool) -> &'static str {
    if exported {
        "Update my calendar"
    } else {
        "Add my follow-ups to my calendar"
    }
}

/// What an export of the update says once the file is saved.
pub fn saved_update(file_name: &str, changes: Option<Changes>) -> String {
    match changes {
        Some(changes) if changes.is_empty() => {
            format!("Saved {file_name}. Your calendar was already up to date.")
        }
        Some(_) => format!("Saved {file_name}. Open it to update your calendar."),
        None => format!("Saved {file_name}. Open it to add your follow-ups to your calendar."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap()
    }

    #[test]
    fn days_since_in_words() {
        let check = |on: u32, expected: &str| assert_eq!(ago(d(on), d(10)), expected, "{on}");
        check(10, "today");
        check(9, "yesterday");
        check(8, "2 days ago");
        check(1, "9 days ago");
        check(11, "today");
    }

    #[test]
    fn the_line_says_what_changed_since() {
        let check = |on: u32, (added, changed, done): (usize, usize, usize), expected: &str| {
            let changes = Changes {
                added,
                changed,
                done,
            };
            assert_eq!(exported_line(d(on), changes, d(10)), expected);
        };
        check(
            1,
            (4, 0, 2),
            "Calendar exported 9 days ago · 4 new follow-ups, 2 done since",
        );
        check(10, (0, 0, 0), "Calendar exported today · up to date");
        check(
            9,
            (1, 0, 0),
            "Calendar exported yesterday · 1 new follow-up since",
        );
        check(
            9,
            (0, 1, 0),
            "Calendar exported yesterday · 1 changed since",
        );
        check(9, (0, 0, 1), "Calendar exported yesterday · 1 done since");
        check(
            8,
            (2, 3, 1),
            "Calendar exported 2 days ago · 2 new follow-ups, 3 changed, 1 done since",
        );
    }

    #[test]
    fn buttons_and_messages() {
        assert_eq!(update_label(true), "Update my calendar");
        assert_eq!(update_label(false), "Add my follow-ups to my calendar");
        let name = "followup-2026-12-10.ics";
        let some = |added| {
            Some(Changes {
                added,
                ..Changes::default()
            })
        };
        assert_eq!(
            saved_update(name, some(0)),
            "Saved followup-2026-12-10.ics. Your calendar was already up to date."
        );
        assert_eq!(
            saved_update(name, some(2)),
            "Saved followup-2026-12-10.ics. Open it to update your calendar."
        );
        assert_eq!(
            saved_update(name, None),
            "Saved followup-2026-12-10.ics. Open it to add your follow-ups to your calendar."
        );
    }
}
