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

/// Reading the dates chrono's serde writes ("2026-11-26", "2026-12-03T14:30:00"), for the
/// stored types' `#[serde(deserialize_with = …)]`. chrono's own `Deserialize` goes through
/// its general format parser, which is large in the wasm of the first load; these accept
/// exactly what chrono writes and refuse anything else with a serde error.
pub mod read {
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
    use serde::de::{Deserializer, Error, Visitor};
    use std::fmt;

    /// "2026-11-26", "+10000-01-01", "-0001-12-31".
    pub fn parse_date(text: &str) -> Option<NaiveDate> {
        let mut parts = text.rsplitn(3, '-');
        let day = two_digits(parts.next()?)?;
        let month = two_digits(parts.next()?)?;
        let year = parts.next()?;
        let digits = year.strip_prefix(['+', '-']).unwrap_or(year);
        if digits.len() < 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        NaiveDate::from_ymd_opt(year.parse().ok()?, month, day)
    }

    /// "14:30:00", with an optional fraction of a second of 1–9 digits.
    pub fn parse_time(text: &str) -> Option<NaiveTime> {
        let (hms, fraction) = match text.split_once('.') {
            Some((hms, f)) => (hms, Some(f)),
            None => (text, None),
        };
        let mut parts = hms.split(':');
        let hour = two_digits(parts.next()?)?;
        let minute = two_digits(parts.next()?)?;
        let second = two_digits(parts.next()?)?;
        if parts.next().is_some() {
            return None;
        }
        let nano = match fraction {
            None => 0,
            Some(f) if (1..=9).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()) => {
                f.parse::<u32>().ok()? * 10u32.pow(9 - f.len() as u32)
            }
            Some(_) => return None,
        };
        NaiveTime::from_hms_nano_opt(hour, minute, second, nano)
    }

    /// "2026-12-03T14:30:00".
    pub fn parse_date_time(text: &str) -> Option<NaiveDateTime> {
        let (date, time) = text.split_once('T')?;
        Some(parse_date(date)?.and_time(parse_time(time)?))
    }

    fn two_digits(text: &str) -> Option<u32> {
        (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten()
    }

    struct Text<F>(F, &'static str);

    impl<T, F: Fn(&str) -> Option<T>> Visitor<'_> for Text<F> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.1)
        }
        fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
            (self.0)(text).ok_or_else(|| E::custom(format_args!("{text:?} is not {}", self.1)))
        }
    }

    struct Optional<F>(F, &'static str);

    impl<'de, T, F: Fn(&str) -> Option<T>> Visitor<'de> for Optional<F> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.1)
        }
        fn visit_none<E: Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_unit<E: Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
            d.deserialize_str(Text(self.0, self.1)).map(Some)
        }
    }

    const DATE: &str = "a date like 2026-11-26";
    const DATE_TIME: &str = "a date and time like 2026-12-03T14:30:00";

    /// A `NaiveDate`.
    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(Text(parse_date, DATE))
    }

    /// An `Option<NaiveDate>` (`null` or absent is `None`).
    pub fn option_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_option(Optional(parse_date, DATE))
    }

    /// A `NaiveDateTime`.
    pub fn date_time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        d.deserialize_str(Text(parse_date_time, DATE_TIME))
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

    #[test]
    fn stored_dates_read_back_as_chrono_wrote_them() {
        use chrono::NaiveDateTime;
        // Every day of a leap year and the extremes: what chrono's serde writes is read
        // back to the same date by the hand-written reader.
        let mut day = d(2028, 1, 1);
        let mut dates = vec![
            d(1, 1, 1),
            d(-1, 12, 31),
            d(10_000, 1, 1),
            d(262_000, 6, 30),
        ];
        while day.year() == 2028 {
            dates.push(day);
            day = day.succ_opt().unwrap();
        }
        for date in dates {
            let json = serde_json::to_string(&date).unwrap();
            let text: String = serde_json::from_str(&json).unwrap();
            assert_eq!(read::parse_date(&text), Some(date), "{json}");
        }
        for (h, m, s, nano) in [
            (0, 0, 0, 0),
            (14, 30, 0, 0),
            (23, 59, 59, 5_000_000),
            (9, 5, 1, 123_456_789),
        ] {
            let at = d(2026, 12, 3).and_hms_nano_opt(h, m, s, nano).unwrap();
            let json = serde_json::to_string(&at).unwrap();
            let text: String = serde_json::from_str(&json).unwrap();
            assert_eq!(read::parse_date_time(&text), Some(at), "{json}");
            let back: NaiveDateTime = text.parse().unwrap();
            assert_eq!(back, at, "chrono agrees on {json}");
        }
    }

    #[test]
    fn malformed_stored_dates_are_refused() {
        for text in [
            "",
            "2026",
            "2026-11",
            "2026-11-5",
            "2026-1-05",
            "26-11-05",
            "2026-13-01",
            "2026-02-30",
            "2026-11-26 ",
            " 2026-11-26",
            "2026/11/26",
            "2026-11-26T",
            "x026-11-26",
            "2026-11-2a",
            "++2026-11-26",
        ] {
            assert_eq!(read::parse_date(text), None, "{text:?}");
        }
        for text in [
            "2026-12-03",
            "2026-12-03T14:30",
            "2026-12-03T14:30:00.",
            "2026-12-03T24:00:00",
            "2026-12-03T14:30:00.1234567890",
            "2026-12-03 14:30:00",
            "2026-12-03T14:30:00:00",
            "2026-12-03T4:30:00",
        ] {
            assert_eq!(read::parse_date_time(text), None, "{text:?}");
        }
    }
}
