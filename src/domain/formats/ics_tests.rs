use super::*;
use crate::domain::formats::test_support::{d, sample_book};

fn calendar() -> String {
    export_ics(&sample_book(), d(2026, 11, 25), "20261125T080000Z")
}

fn events(text: &str) -> Vec<String> {
    let unfolded = text.replace("\r\n ", "");
    unfolded
        .split("BEGIN:VEVENT\r\n")
        .skip(1)
        .map(|e| e.split("END:VEVENT").next().unwrap().to_string())
        .collect()
}

#[test]
fn the_calendar_wraps_events_in_a_vcalendar() {
    let text = calendar();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
    }
    assert_eq!(
        export_ics(&Book::default(), d(2026, 11, 25), "20261125T080000Z")
            .matches("VEVENT")
            .count(),
        0
    );
}

#[test]
fn one_event_per_due_step_with_a_stable_uid_and_an_alarm() {
    let events = events(&calendar());
    // Priya (met 24 Nov): connect overdue → today; email opens 25 Nov. Message and
    // referral wait on the email; keep-in-touch waits on everything. José (met 20 Nov,
    // connected): email overdue → today.
    let uids: Vec<&str> = events
        .iter()
        .map(|e| e.lines().find_map(|l| l.strip_prefix("UID:")).unwrap())
        .collect();
    assert_eq!(
        uids,
        [
            "c1-connect@followup",
            "c1-email@followup",
            "c2-email@followup"
        ]
    );
    let email = &events[1];
    let check = |line: &str| assert!(email.contains(&format!("{line}\r\n")), "{line}\n{email}");
    check("DTSTAMP:20261125T080000Z");
    check("DTSTART:20261125T090000");
    check("DTEND:20261125T091500");
    check("SUMMARY:Follow up: Send the follow-up email to Priya Raman");
    check("DESCRIPTION:Priya Raman\\, Backend Engineer at Acme\\, Inc. Met at Fall Career Fair on 24 Nov 2026. Talked about: Rust\\; WebAssembly\\, and her team's \"zero-downtime\" deploys");
    check("BEGIN:VALARM\r\nACTION:DISPLAY");
    check("TRIGGER;RELATED=START:PT0M");
}

#[test]
fn steps_due_later_sit_on_the_day_they_open() {
    let text = export_ics(&sample_book(), d(2026, 11, 10), "20261110T080000Z");
    let events = events(&text);
    let starts: Vec<&str> = events
        .iter()
        .map(|e| e.lines().find_map(|l| l.strip_prefix("DTSTART:")).unwrap())
        .collect();
    assert_eq!(
        starts,
        ["20261124T090000", "20261125T090000", "20261121T090000"]
    );
}
