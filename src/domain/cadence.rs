//! `Cadence`: how many days between keep-in-touch reminders, from 1 to 3650 (ten years).
//! A `Cadence` out of range cannot exist: the only ways in are `new` and `parse`, which
//! check the range, so the settings form and the contact form share one rule and one
//! message.

use std::fmt;

/// Days between keep-in-touch reminders, always within `1..=Cadence::MAX_DAYS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cadence(u32);

/// Why a cadence was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CadenceError;

impl fmt::Display for CadenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Use a whole number of days from 1 to {} (90 is about three months).",
            Cadence::MAX_DAYS
        )
    }
}

impl std::error::Error for CadenceError {}

impl Cadence {
    /// Ten years: a longer wait is a typo.
    pub const MAX_DAYS: u32 = 3650;

    pub fn new(days: u32) -> Result<Cadence, CadenceError> {
        if (1..=Cadence::MAX_DAYS).contains(&days) {
            Ok(Cadence(days))
        } else {
            Err(CadenceError)
        }
    }

    /// A number of days as typed (spaces around it are fine).
    pub fn parse(text: &str) -> Result<Cadence, CadenceError> {
        text.trim()
            .parse::<u32>()
            .map_err(|_| CadenceError)
            .and_then(Cadence::new)
    }

    /// An optional field: empty is `None` (follow the default).
    pub fn parse_optional(text: &str) -> Result<Option<Cadence>, CadenceError> {
        match text.trim() {
            "" => Ok(None),
            text => Cadence::parse(text).map(Some),
        }
    }

    pub fn days(self) -> u32 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadences_are_whole_days_from_one_to_ten_years() {
        let check = |text: &str, expected: Result<Option<u32>, CadenceError>| {
            assert_eq!(
                Cadence::parse_optional(text).map(|c| c.map(Cadence::days)),
                expected,
                "{text:?}"
            );
        };
        check("", Ok(None));
        check("   ", Ok(None));
        check("90", Ok(Some(90)));
        check(" 1 ", Ok(Some(1)));
        check("3650", Ok(Some(3650)));
        check("0", Err(CadenceError));
        check("3651", Err(CadenceError));
        check("-5", Err(CadenceError));
        check("2.5", Err(CadenceError));
        check("ninety", Err(CadenceError));
        assert!(Cadence::parse("").is_err());
        assert_eq!(Cadence::new(30).map(Cadence::days), Ok(30));
        assert!(CadenceError.to_string().contains("1 to 3650"));
    }
}
