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

#[test]
fn meetings_are_events_at_their_own_time() {
    use crate::domain::command::Command;
    use crate::domain::outcome::Outcome;
    let mut book = sample_book();
    let contact = book.contacts().next().unwrap().clone();
    let at = |day: u32, h: u32| d(2026, 12, day).and_hms_opt(h, 30, 0).unwrap();
    for (on, meeting) in [(20, at(1, 10)), (24, at(3, 14)), (24, at(3, 14))] {
        book.apply(Command::RecordOutcome {
            contact: contact.id.clone(),
            on: d(2026, 11, on),
            outcome: Outcome::Meeting { at: meeting },
            note: String::new(),
            at: 1,
        })
        .unwrap();
    }
    // On 2 December the meeting of the 1st is past; the one of the 3rd (booked twice) is
    // one event.
    let all = events(&export_ics(&book, d(2026, 12, 2), "20261202T080000Z"));
    let meetings: Vec<&String> = all.iter().filter(|e| e.contains("-meeting-")).collect();
    assert_eq!(meetings.len(), 1, "{meetings:?}");
    let event = meetings[0];
    assert!(event.contains(&format!(
        "UID:{}-meeting-20261203T1430@followup",
        contact.id
    )));
    assert!(event.contains("DTSTART:20261203T143000\r\n"));
    assert!(event.contains("DTEND:20261203T153000\r\n"));
    assert!(event.contains(&format!("SUMMARY:Meeting with {}", contact.name)));
    assert!(event.contains("TRIGGER;RELATED=START:-PT30M"));
    // The file for one meeting holds just that event.
    let one = meeting_ics(&book, &contact, at(3, 14), "20261124T080000Z");
    assert!(one.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(one.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(events(&one).len(), 1);
    assert!(events(&one)[0].contains("DTSTART:20261203T143000"));
    // Late in the evening, the hour ends the next day.
    let late = meeting_ics(&book, &contact, at(3, 23), "20261124T080000Z");
    assert!(late.contains("DTEND:20261204T003000"));
}
