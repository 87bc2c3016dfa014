//! Outcomes on the contact page and the Referrals screen, as plain values: the choices
//! offered, a meeting's date and time read from the form, each history entry in words,
//! and one row per referral with its state, the days in it and the next action.
//!
//! Leptos-free and tested natively; `pages::contact::outcomes` and `pages::referrals`
//! only draw these. Never reads the clock: `today` is an argument.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::outcome::{self, Outcome, ReferralState, NUDGE_AFTER_DAYS};
use crate::domain::{dates, Book, Contact, ContactId, Interaction, Step, StepState};

/// What the student can record on a contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    Replied,
    Meeting,
    Introduced,
    Applied,
    Interview,
    Offer,
    NotNow,
}

impl Choice {
    pub const ALL: [Choice; 7] = [
        Choice::Replied,
        Choice::Meeting,
        Choice::Introduced,
        Choice::Applied,
        Choice::Interview,
        Choice::Offer,
        Choice::NotNow,
    ];

    /// The button's words.
    pub fn label(self) -> &'static str {
        match self {
            Choice::Replied => "They replied",
            Choice::Meeting => "Meeting booked",
            Choice::Introduced => "Introduced me to…",
            Choice::Applied => "I applied",
            Choice::Interview => "Interview",
            Choice::Offer => "Offer",
            Choice::NotNow => "Not now",
        }
    }

    /// A stable fragment for element ids (`outcome-meeting`).
    pub fn slug(self) -> &'static str {
        match self {
            Choice::Replied => "replied",
            Choice::Meeting => "meeting",
            Choice::Introduced => "introduced",
            Choice::Applied => "applied",
            Choice::Interview => "interview",
            Choice::Offer => "offer",
            Choice::NotNow => "not-now",
        }
    }

    /// The outcome of a choice that needs nothing but the day.
    pub fn simple(self, contact: &Contact) -> Option<Outcome> {
        match self {
            Choice::Replied => Some(Outcome::Replied {
                to: replied_to(contact),
            }),
            Choice::Interview => Some(Outcome::Interview),
            Choice::Offer => Some(Outcome::Offer),
            Choice::NotNow => Some(Outcome::NotNow),
            Choice::Meeting | Choice::Introduced | Choice::Applied => None,
        }
    }
}

/// The step a reply answers: the message sent last (the referral ask, the email, …).
pub fn replied_to(contact: &Contact) -> Option<Step> {
    [
        Step::Email,
        Step::BonusMessage,
        Step::Referral,
        Step::Nudge,
        Step::ThankYou,
        Step::KeepInTouch,
    ]
    .into_iter()
    .filter_map(|step| match contact.steps.get(step) {
        StepState::Done(on) => Some((on, step)),
        _ => None,
    })
    .max()
    .map(|(_, step)| step)
}

/// A meeting's date and time from the form (`2026-12-03`, `14:30`), checked: it cannot
/// be before `today`.
pub fn parse_meeting(
    date: &str,
    time: &str,
    today: NaiveDate,
) -> Result<NaiveDateTime, &'static str> {
    let day = dates::parse_iso(date).ok_or("Pick the day of the meeting.")?;
    let time = parse_time(time).ok_or("Pick the time of the meeting.")?;
    if day < today {
        return Err("Pick today or a day ahead: the meeting is still to come.");
    }
    Ok(day.and_time(time))
}

/// "14:30" or "14:30:00" (what `<input type="time">` gives).
fn parse_time(text: &str) -> Option<NaiveTime> {
    let mut parts = text.trim().split(':');
    let hour = parts.next()?.parse().ok()?;
    let minute = parts.next()?.parse().ok()?;
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// A meeting's time in words: "Thu 3 Dec, 14:30".
pub fn meeting_time(at: NaiveDateTime, today: NaiveDate) -> String {
    format!(
        "{}, {}",
        dates::relative(at.date(), today),
        outcome::clock(at)
    )
}

/// A history entry in words, with its details: "Meeting booked for tomorrow, 14:30",
/// "Introduced you to Sam Lee", "Applied for Intern (R-17)".
pub fn entry_text(book: &Book, entry: &Interaction, today: NaiveDate) -> String {
    match &entry.outcome {
        Some(Outcome::Meeting { at }) => format!("Meeting booked for {}", meeting_time(*at, today)),
        Some(outcome) => outcome.describe(|id| name_of(book, id)),
        None => entry.kind.label().to_string(),
    }
}

fn name_of(book: &Book, id: &ContactId) -> String {
    book.contact(id).map(|c| c.name.clone()).unwrap_or_default()
}

/// One referral on the Referrals screen.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ReferralRow {
    pub contact: ContactId,
    pub name: String,
    pub company: String,
    /// The job applied for, or else the role they mentioned.
    pub role: String,
    pub state: ReferralState,
    /// "3 days", "today".
    pub days: String,
    /// What to do next, in a sentence.
    pub next: String,
    /// No answer after a week.
    pub overdue: bool,
}

/// Every referral in the book (people introduced by a contact count on that contact's
/// row): overdue asks first, then those still moving (longest in
/// their state first), then offers and "not now".
pub fn referral_rows(book: &Book, today: NaiveDate) -> Vec<ReferralRow> {
    let mut rows: Vec<(u8, i64, ReferralRow)> = book
        .contacts_unordered()
        .filter_map(|c| {
            // Someone you were introduced to is part of the introducer's referral, unless
            // you asked them for one too.
            let asked = matches!(c.steps.referral, StepState::Done(_));
            if !asked && !outcome::introduced_by(c).is_empty() {
                return None;
            }
            let referral = book.referral(c)?;
            let days = (today - referral.since).num_days().max(0);
            let overdue = referral.state == ReferralState::Asked
                && !referral.answered
                && days >= NUDGE_AFTER_DAYS as i64;
            let settled = match referral.state {
                ReferralState::Offer => 1,
                ReferralState::NotNow => 2,
                _ => 0,
            };
            let row = ReferralRow {
                contact: c.id.clone(),
                name: c.name.clone(),
                company: c.company.clone(),
                role: role(book, c),
                state: referral.state,
                days: days_text(days),
                next: next_action(book, c, referral.state, referral.answered, overdue),
                overdue,
            };
            Some((settled, -days, row))
        })
        .collect();
    rows.sort_by(|a, b| {
        (!a.2.overdue, a.0, a.1, &a.2.name).cmp(&(!b.2.overdue, b.0, b.1, &b.2.name))
    });
    rows.into_iter().map(|(_, _, row)| row).collect()
}

/// The latest job applied for through this contact (or someone they introduced), or the
/// role they mentioned.
fn role(book: &Book, c: &Contact) -> String {
    let introduced: Vec<&Contact> = outcome::introduced_to(c)
        .into_iter()
        .filter_map(|id| book.contact(id))
        .collect();
    let applied = std::iter::once(c)
        .chain(introduced)
        .flat_map(|c| c.interactions.iter())
        .filter_map(|i| match &i.outcome {
            Some(Outcome::Applied { job, .. }) if !job.is_empty() => Some((i.on, job.clone())),
            _ => None,
        })
        .max();
    applied
        .map(|(_, job)| job)
        .unwrap_or_else(|| c.role.clone())
}

fn days_text(days: i64) -> String {
    match days {
        0 => "since today".into(),
        1 => "1 day".into(),
        n => format!("{n} days"),
    }
}

fn next_action(
    book: &Book,
    c: &Contact,
    state: ReferralState,
    answered: bool,
    overdue: bool,
) -> String {
    let first = c.first_name();
    let introduced = outcome::introduced_to(c)
        .into_iter()
        .rev()
        .find_map(|id| book.contact(id))
        .map(|c| c.first_name().to_string());
    match state {
        ReferralState::Asked if overdue => {
            format!("No answer after a week: check in with {first} gently")
        }
        ReferralState::Asked if answered => {
            format!("{first} answered: record who they introduce you to")
        }
        ReferralState::Asked => format!("Give {first} a week to answer"),
        ReferralState::Introduced => match introduced {
            Some(name) => format!("Email {name}, then apply"),
            None => "Email the person you were introduced to, then apply".into(),
        },
        ReferralState::Applied => format!("Tell {first} you applied, and thank them"),
        ReferralState::Interviewing => "Prepare, and send a thank-you after each interview".into(),
        ReferralState::Offer => format!("Thank {first} for the referral"),
        ReferralState::NotNow => format!("Keep in touch with {first}; ask again later"),
    }
}

/// The person "introduced me to" adds on the spot, from the form's text: a recruiter at
/// `company` met today, with the email if one was typed; or what to fix.
pub fn introduced_person(
    id: ContactId,
    name: &str,
    email: &str,
    company: &str,
    today: NaiveDate,
    at: i64,
) -> Result<crate::domain::NewContact, String> {
    let email = match email.trim() {
        "" => None,
        typed => Some(crate::domain::Email::parse(typed).map_err(|e| e.to_string())?),
    };
    if name.trim().is_empty() {
        return Err("Add their name, or pick someone already in your contacts.".into());
    }
    Ok(crate::domain::NewContact {
        id,
        name: name.to_string(),
        company: company.to_string(),
        kind: crate::domain::Kind::Recruiter,
        email,
        met_on: today,
        updated_at: at,
        ..crate::domain::NewContact::default()
    })
}

#[cfg(test)]
#[path = "outcomes_tests.rs"]
mod tests;
