//! Dates as a student reads them: "today", "tomorrow", "Mon 30 Nov", "3 days overdue".
//!
//! Hand-written rather than chrono's `format`, whose strftime machinery is large in the
//! wasm. `today` is always an argument; nothing here reads the clock.

use super::step::Status;
use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

/// "26 Nov 2026".
pub fn long(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// "2026-11-26", the value of an `<input type="date">`.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Parses "2026-11-26" (what `<input type="date">` gives).
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// "today", "tomorrow", "yesterday", a weekday within the week ahead ("Mon 30 Nov"), or the
/// date with its year when it is not this year.
pub fn relative(date: NaiveDate, today: NaiveDate) -> String {
    let days = (date - today).num_days();
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        _ if date.year() == today.year() => {
            format!(
                "{} {} {}",
                weekday(date.weekday()),
                date.day(),
                MONTHS[date.month0() as usize]
            )
        }
        _ => long(date),
    }
}

/// A step's status in words: "due today", "2 days overdue", "due tomorrow", "done 3 Nov".
pub fn status_text(status: Status, today: NaiveDate) -> String {
    match status {
        Status::DueToday => "due today".into(),
        Status::Overdue(1) => "1 day overdue".into(),
        Status::Overdue(n) => format!("{n} days overdue"),
        Status::Upcoming(on) => format!("due {}", relative(on, today)),
        Status::Done(on) => format!("done {}", relative(on, today)),
        Status::Skipped(on) => format!("skipped {}", relative(on, today)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn relative_dates() {
        let today = d(2026, 11, 26); // a Thursday
        let check =
            |date: NaiveDate, expected: &str| assert_eq!(relative(date, today), expected, "{date}");
        check(d(2026, 11, 26), "today");
        check(d(2026, 11, 27), "tomorrow");
        check(d(2026, 11, 25), "yesterday");
        check(d(2026, 11, 30), "Mon 30 Nov");
        check(d(2026, 1, 2), "Fri 2 Jan");
        check(d(2027, 1, 4), "4 Jan 2027");
        check(d(2025, 12, 31), "31 Dec 2025");
    }

    #[test]
    fn status_in_words() {
        let today = d(2026, 11, 26);
        let check =
            |status: Status, expected: &str| assert_eq!(status_text(status, today), expected);
        check(Status::DueToday, "due today");
        check(Status::Overdue(1), "1 day overdue");
        check(Status::Overdue(12), "12 days overdue");
        check(Status::Upcoming(d(2026, 11, 27)), "due tomorrow");
        check(Status::Upcoming(d(2026, 12, 1)), "due Tue 1 Dec");
        check(Status::Done(d(2026, 11, 26)), "done today");
        check(Status::Skipped(d(2026, 11, 20)), "skipped Fri 20 Nov");
    }

    #[test]
    fn iso_round_trip_and_rejects() {
        let check = |text: &str, expected: Option<NaiveDate>| {
            assert_eq!(parse_iso(text), expected, "{text:?}")
        };
        check("2026-11-26", Some(d(2026, 11, 26)));
        check(" 2024-02-29 ", Some(d(2024, 2, 29)));
        check("2026-02-29", None);
        check("2026-13-01", None);
        check("26/11/2026", None);
        check("", None);
        check("2026-11", None);
        for date in [d(2026, 1, 1), d(1999, 12, 31), d(2024, 2, 29)] {
            assert_eq!(parse_iso(&iso(date)), Some(date));
        }
        assert_eq!(long(d(2026, 3, 5)), "5 Mar 2026");
    }
}
