use super::*;
use crate::domain::agenda::agenda;
use crate::domain::badge::badge_count;
use crate::domain::book::BookError;
use crate::domain::command::Command;
use crate::domain::contact::NewContact;
use crate::domain::email::Email;
use crate::domain::linkedin::LinkedIn;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A person met on `met`, with an email address and a LinkedIn profile unless told.
struct Person {
    id: &'static str,
    name: &'static str,
    company: &'static str,
    met: &'static str,
    email: bool,
    linkedin: bool,
}

const fn p(
    id: &'static str,
    name: &'static str,
    company: &'static str,
    met: &'static str,
) -> Person {
    Person {
        id,
        name,
        company,
        met,
        email: true,
        linkedin: true,
    }
}

fn book(people: &[Person]) -> Book {
    let mut book = Book::default();
    for (i, person) in people.iter().enumerate() {
        book.apply(Command::AddContact(NewContact {
            id: ContactId::new(person.id.to_string()),
            name: person.name.to_string(),
            company: person.company.to_string(),
            met_on: d(person.met),
            email: person
                .email
                .then(|| Email::parse(&format!("{}@example.com", person.id)).unwrap()),
            linkedin: person
                .linkedin
                .then(|| LinkedIn::parse(&format!("linkedin.com/in/{}", person.id)).unwrap()),
            updated_at: i as i64 + 1,
            ..NewContact::default()
        }))
        .unwrap();
    }
    book.apply(Command::SetReminders(Reminders {
        on: true,
        ..Reminders::default()
    }))
    .unwrap();
    book
}

/// Marks `id`'s LinkedIn note done on `on`.
fn connected(book: &mut Book, id: &str, on: &str) {
    book.apply(Command::MarkDone {
        contact: ContactId::new(id.to_string()),
        step: Step::Connect,
        on: d(on),
        at: 100,
    })
    .unwrap();
}

fn plan(book: &Book, today: &str) -> Vec<DayReminder> {
    WorkerPlan::of(book, &mut ReminderCache::default(), d(today)).days
}

fn on_day<'a>(plan: &'a [DayReminder], day: &str) -> Option<&'a DayReminder> {
    plan.iter().find(|r| r.day == d(day))
}

const PRIYA: Person = p("priya", "Priya Raman", "Figma", "2026-12-06");
const TOM: Person = p("tom", "Tom Becker", "", "2026-12-07");

#[test]
fn the_words_of_a_day_count_follow_ups_and_name_up_to_three_people() {
    // (people, day, title, body)
    let table: &[(&[Person], &str, &str, &str)] = &[
        // Priya, met yesterday: her LinkedIn note is a day late and her email due today
        // (two follow-ups, one person); Tom, met today: his note is due.
        (
            &[PRIYA, TOM],
            "2026-12-07",
            "3 follow-ups today",
            "Connect with Priya Raman (Figma) · Connect with Tom Becker · +1 more",
        ),
        (
            &[TOM],
            "2026-12-07",
            "1 follow-up today",
            "Connect with Tom Becker",
        ),
        // Four people met today: three named, the fourth counted.
        (
            &[
                p("a", "Ada", "Acme", "2026-12-07"),
                p("b", "Bo", "Acme", "2026-12-07"),
                p("c", "Cy", "", "2026-12-07"),
                p("e", "Di", "Globex", "2026-12-07"),
            ],
            "2026-12-07",
            "4 follow-ups today",
            "Connect with Ada (Acme) · Connect with Bo (Acme) · Connect with Cy · +1 more",
        ),
        // The next day Tom's note is overdue and his email opens: the overdue one first.
        (
            &[TOM],
            "2026-12-08",
            "2 follow-ups today",
            "Connect with Tom Becker · +1 more",
        ),
        // No email address: the follow-up goes as a LinkedIn message.
        (
            &[Person {
                email: false,
                ..TOM
            }],
            "2026-12-09",
            "2 follow-ups today",
            "Connect with Tom Becker · +1 more",
        ),
        // Neither: find a way to reach them.
        (
            &[Person {
                email: false,
                linkedin: false,
                ..TOM
            }],
            "2026-12-07",
            "1 follow-up today",
            "Find a way to reach Tom Becker",
        ),
    ];
    for (people, day, title, body) in table {
        let plan = plan(&book(people), "2026-12-07");
        let entry = on_day(&plan, day).unwrap_or_else(|| panic!("nothing on {day}"));
        assert_eq!(
            (entry.title.as_str(), entry.body.as_str()),
            (*title, *body),
            "{day}"
        );
    }
}

#[test]
fn the_follow_up_goes_by_email_or_as_a_linkedin_message() {
    // (email, linkedin, the follow-up on the 8th once the note is done)
    for (email, linkedin, body) in [
        (true, true, "Email Tom Becker"),
        (true, false, "Email Tom Becker"),
        (false, true, "Message Tom Becker"),
    ] {
        let mut book = book(&[Person {
            email,
            linkedin,
            ..TOM
        }]);
        connected(&mut book, "tom", "2026-12-07");
        let plan = plan(&book, "2026-12-07");
        assert_eq!(
            on_day(&plan, "2026-12-08").unwrap().body,
            body,
            "{email} {linkedin}"
        );
    }
}

#[test]
fn nothing_due_lists_no_day() {
    // An empty book, and a book met far in the future.
    assert!(plan(&book(&[]), "2026-12-07").is_empty());
    let later = p("x", "Xu", "", "2027-06-01");
    assert!(plan(&book(&[later]), "2026-12-07").is_empty());
    // Reminders off: no day, whatever is due.
    let mut off = book(&[TOM]);
    off.apply(Command::SetReminders(Reminders::default()))
        .unwrap();
    let worker = WorkerPlan::of(&off, &mut ReminderCache::default(), d("2026-12-07"));
    assert!(!worker.on);
    assert!(worker.days.is_empty());
}

#[test]
fn every_day_of_the_plan_is_that_days_agenda() {
    // Met over the last weeks, with every mix of channels, one really wanted: the plan's
    // count of each day is the agenda's overdue and due steps that day, and its people
    // the badge's, for all 60 days.
    let people = [
        p("a", "Ada", "Acme", "2026-11-01"),
        Person {
            email: false,
            ..p("b", "Bo", "Acme", "2026-11-20")
        },
        Person {
            linkedin: false,
            ..p("c", "Cy", "", "2026-12-01")
        },
        Person {
            email: false,
            linkedin: false,
            ..p("e", "Di", "", "2026-12-05")
        },
        p("f", "Fa", "Initech", "2026-12-07"),
        p("g", "Gu", "Initech", "2026-12-20"),
    ];
    let mut book = book(&people);
    connected(&mut book, "a", "2026-11-02");
    let today = d("2026-12-07");
    let plan = plan(&book, "2026-12-07");
    for n in 0..PLAN_DAYS {
        let day = today + chrono::Days::new(u64::from(n));
        let agenda = agenda(&book, day);
        let entry = plan.iter().find(|r| r.day == day);
        assert_eq!(
            entry.map_or(0, |e| e.count),
            agenda.needs_action(),
            "count on {day}"
        );
        assert_eq!(
            entry.map(|e| e.people),
            badge_count(&book, day),
            "people on {day}"
        );
    }
    assert!(plan.len() > 10, "{plan:?}");
}

#[test]
fn a_step_done_today_leaves_today_and_the_days_after() {
    let mut book = book(&[PRIYA, TOM]);
    connected(&mut book, "tom", "2026-12-07");
    let plan = plan(&book, "2026-12-07");
    let today = on_day(&plan, "2026-12-07").unwrap();
    assert_eq!(today.title, "2 follow-ups today");
    assert_eq!(today.body, "Connect with Priya Raman (Figma) · +1 more");
    // Tomorrow Tom's email is due; his note is not named again.
    let tomorrow = on_day(&plan, "2026-12-08").unwrap();
    assert!(
        tomorrow.body.contains("Email Tom Becker"),
        "{}",
        tomorrow.body
    );
    assert!(
        !tomorrow.body.contains("Connect with Tom"),
        "{}",
        tomorrow.body
    );
}

#[test]
fn days_run_on_across_midnight_and_changes_of_the_clocks() {
    // Made on the evening of 7 Dec, read by a worker woken after midnight: the entry of
    // the 8th is the agenda of the 8th (Tom's note overdue, his email open).
    let plan = plan(&book(&[TOM]), "2026-12-07");
    let eighth = on_day(&plan, "2026-12-08").unwrap();
    assert_eq!(
        eighth.count,
        agenda(&book(&[TOM]), d("2026-12-08")).needs_action()
    );
    // Calendar days, one after the other, through the spring and autumn changes (US 8
    // Mar, EU 29 Mar, EU 25 Oct, US 1 Nov 2026): a change of the clocks skips no day and
    // repeats none.
    for start in ["2026-03-01", "2026-10-20"] {
        let people = [p("k", "Kim", "", start)];
        let book = book(&people);
        // Kim's keep-in-touch, email and note span every day of the first weeks.
        let days: Vec<NaiveDate> = plan_of(&book, start).iter().map(|r| r.day).collect();
        let first = d(start);
        for (n, day) in days.iter().enumerate().take(17) {
            assert_eq!(
                *day,
                first + chrono::Days::new(n as u64),
                "{start}: {days:?}"
            );
        }
    }
    // A step due over the plan's last day is listed on it, and nothing after.
    let plan = plan_of(&book(&[p("z", "Zo", "", "2027-02-04")]), "2026-12-07");
    assert_eq!(plan.first().map(|r| r.day), Some(d("2027-02-04")));
    assert_eq!(plan.last().map(|r| r.day), Some(d("2027-02-04")));
}

fn plan_of(book: &Book, today: &str) -> Vec<DayReminder> {
    plan(book, today)
}

#[test]
fn a_step_missed_for_two_weeks_is_no_longer_named() {
    // Tom's note closed on 7 Dec: overdue for 14 days, then missed.
    let tom = Person {
        email: false,
        ..TOM
    };
    let mut book = book(&[tom]);
    book.apply(Command::SentAsMessage {
        contact: ContactId::new("tom".to_string()),
        on: d("2026-12-07"),
        at: 100,
    })
    .unwrap();
    let plan = plan(&book, "2026-12-07");
    assert!(on_day(&plan, "2026-12-21")
        .unwrap()
        .body
        .contains("Connect"));
    assert!(on_day(&plan, "2026-12-22").is_none_or(|r| !r.body.contains("Connect")));
}

#[test]
fn the_cache_gives_the_plan_a_fresh_one_gives_after_every_change() {
    let mut book = book(&[PRIYA, TOM, p("f", "Fa", "Initech", "2026-12-01")]);
    let mut cache = ReminderCache::default();
    let today = d("2026-12-07");
    let check = |book: &Book, cache: &mut ReminderCache, what: &str| {
        assert_eq!(
            WorkerPlan::of(book, cache, today),
            WorkerPlan::of(book, &mut ReminderCache::default(), today),
            "{what}"
        );
    };
    check(&book, &mut cache, "first");
    let steps: Vec<Command> = vec![
        Command::MarkDone {
            contact: ContactId::new("priya".to_string()),
            step: Step::Connect,
            on: today,
            at: 1_000,
        },
        Command::DeleteContact(ContactId::new("tom".to_string())),
        Command::SetDefaultCadence(30),
        Command::Skip {
            contact: ContactId::new("f".to_string()),
            step: Step::Email,
            on: today,
            at: 1_002,
        },
    ];
    for command in steps {
        let what = format!("{command:?}");
        book.apply(command).unwrap();
        check(&book, &mut cache, &what);
    }
    // After each change, looking again only at the contacts it touched gives the same
    // plan as looking at everyone.
    let mut book = self::book(&[PRIYA, TOM, p("f", "Fa", "Initech", "2026-12-01")]);
    let mut cache = ReminderCache::default();
    WorkerPlan::of(&book, &mut cache, today);
    let added = NewContact {
        id: ContactId::new("new".to_string()),
        name: "Nia".to_string(),
        met_on: today,
        updated_at: 2_000,
        ..NewContact::default()
    };
    let changes: Vec<Command> = vec![
        Command::AddContact(added),
        Command::MarkDone {
            contact: ContactId::new("priya".to_string()),
            step: Step::Connect,
            on: today,
            at: 2_001,
        },
        Command::DeleteContact(ContactId::new("tom".to_string())),
        Command::SetDefaultCadence(20),
    ];
    for command in changes {
        let what = format!("{command:?}");
        let touched = crate::domain::snapshot::touched_contacts(&command, &book);
        book.apply(command).unwrap();
        let mut dirty = Dirty::default();
        dirty.add(touched);
        assert_eq!(
            WorkerPlan::after(&book, &mut cache, today, &dirty),
            WorkerPlan::of(&book, &mut ReminderCache::default(), today),
            "{what}"
        );
    }
}

#[test]
fn the_worker_reads_a_small_json_plan() {
    let mut book = book(&[TOM]);
    book.apply(Command::SetReminders(Reminders {
        on: true,
        hour: 7,
        offered: true,
    }))
    .unwrap();
    let json = WorkerPlan::of(&book, &mut ReminderCache::default(), d("2026-12-07")).to_json();
    assert!(
        json.starts_with(
            r#"{"v":1,"on":true,"hour":7,"until":21,"badge":true,"tag":"followup-reminders","days":[{"day":"2026-12-07","count":1,"people":1,"title":"1 follow-up today","body":"Connect with Tom Becker"},"#
        ),
        "{json}"
    );
    // Names and what to do only: never the notes or the hook.
    assert!(!json.contains("hook") && !json.contains("notes"));
}

#[test]
fn reminder_hours_are_checked() {
    let mut book = Book::default();
    for hour in [0, 5, 21, 23] {
        let result = book.apply(Command::SetReminders(Reminders {
            on: true,
            hour,
            offered: false,
        }));
        assert_eq!(result, Err(BookError::ReminderHour(hour)));
        assert!(!book.settings().reminders.on);
    }
    for hour in [6, 8, 20] {
        book.apply(Command::SetReminders(Reminders {
            on: true,
            hour,
            offered: false,
        }))
        .unwrap();
        assert_eq!(book.settings().reminders.hour(), hour);
    }
    assert!(BookError::ReminderHour(23).to_string().contains(&format!(
        "{}:00 to {}:00",
        HOURS.start(),
        HOURS.end()
    )));
}
