//! The edge where time and randomness enter: today's date, the current instant, new ids.
//!
//! The domain takes all three as arguments; this module is the only code that reads the
//! browser's clock or random numbers.

use chrono::NaiveDate;

/// Today's date in the user's time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .expect("the browser's date is a valid calendar date")
}

/// Milliseconds from now to the next local midnight (at least 1).
pub fn ms_until_midnight() -> i64 {
    let now = js_sys::Date::new_0();
    let midnight = js_sys::Date::new(&now);
    midnight.set_hours(24);
    midnight.set_minutes(0);
    midnight.set_seconds(0);
    midnight.set_milliseconds(0);
    ((midnight.get_time() - now.get_time()) as i64).max(1)
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A new id, unique in practice: the time in base 36 plus 48 random bits.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * 2f64.powi(48)) as u64;
    format!("{}{:09x}", radix36(now_ms() as u64), random)
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}
