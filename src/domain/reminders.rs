//! Morning reminders: what the service worker may show on each of the coming days, when no
//! page of the app is open.
//!
//! The worker cannot read localStorage, so the page writes it a small plan after every
//! change of the book: for each of the next [`PLAN_DAYS`] days on which something is due,
//! the notification's title and body, already worded here, and the number of people for
//! the icon's badge. The worker only picks the entry of its local day and checks the hour
//! (`public/sw.js`). The plan never holds the book or the notes: names, companies and what
//! to do.
//!
//! Each day's entry is the agenda of that day as it will be if nothing more is done:
//! the steps overdue (by at most `agenda::MISSED_AFTER_DAYS`) or due that day, in the
//! agenda's order (the longest overdue first). It is built from each contact's
//! [`GlanceContact`] (the steps whose status follows from their window alone), which
//! [`ReminderCache`] keeps per contact, as day numbers, and recomputes only for the
//! contacts a save touched: at 5,000 contacts a plan takes about 0.26 ms natively and
//! 2.7 ms (median) in the release wasm, measured by `cargo xtask bench`.
//!
//! Pure: `today` is an argument; the dates are calendar days, so a change of the clocks
//! (DST) or a worker woken after midnight simply reads the next day's entry.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::agenda::MISSED_AFTER_DAYS;
use super::book::Book;
use super::contact::ContactId;
use super::playbook::Hint;
use super::snapshot::{Dirty, GlanceContact, GlanceStep};
use super::step::Step;

/// How many days, today included, the plan covers: a student away for two months still
/// gets the reminders of every day until then.
pub const PLAN_DAYS: u32 = 60;
/// The hour reminders start from unless the student picks another.
pub const DEFAULT_HOUR: u8 = 8;
/// No notification from this hour on: nobody wants a to-do list at 22:00.
pub const LAST_HOUR: u8 = 21;
/// The hours the student can choose from.
pub const HOURS: std::ops::RangeInclusive<u8> = 6..=20;
/// At most this many people are named in a notification.
pub const NAMED: usize = 3;
/// The periodic background sync's tag, and the notification's (a later one replaces it).
pub const SYNC_TAG: &str = "followup-reminders";
/// The shortest interval Chromium honours for a periodic sync: twelve hours.
pub const MIN_INTERVAL_MS: u32 = 12 * 3600 * 1000;

/// The student's choice about morning notifications (stored with the settings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reminders {
    /// "Remind me each morning" is on.
    pub on: bool,
    /// The hour from which a notification may be shown (to `LAST_HOUR`).
    pub hour: u8,
    /// The offer after the first capture was answered (turned on or "Not now").
    pub offered: bool,
}

impl Default for Reminders {
    fn default() -> Reminders {
        Reminders {
            on: false,
            hour: DEFAULT_HOUR,
            offered: false,
        }
    }
}

impl Reminders {
    /// The hour as kept, brought into [`HOURS`] (a hand-edited backup may hold anything).
    pub fn hour(&self) -> u8 {
        self.hour.clamp(*HOURS.start(), *HOURS.end())
    }
}

/// What the worker shows on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DayReminder {
    /// The local calendar day, `2026-12-07`.
    #[serde(serialize_with = "iso_day")]
    pub day: NaiveDate,
    /// Follow-ups due or overdue that day.
    pub count: usize,
    /// People with one of them (the icon's badge, as `domain::badge` counts).
    pub people: usize,
    /// "3 follow-ups today".
    pub title: String,
    /// "Email Priya Raman (Figma) · Connect with Tom Becker · +1 more".
    pub body: String,
}

fn iso_day<S: serde::Serializer>(day: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&super::dates::iso(*day))
}

/// The file the worker reads: the choice, and the days with something due (a day that is
/// not listed has nothing due).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WorkerPlan {
    /// The plan's format.
    pub v: u8,
    pub on: bool,
    /// The first hour a notification may be shown, and the hour from which it may not.
    pub hour: u8,
    pub until: u8,
    /// Whether the worker may set the icon's badge (Settings can turn the badge off).
    pub badge: bool,
    pub tag: &'static str,
    pub days: Vec<DayReminder>,
}

impl WorkerPlan {
    /// The plan of `book` from `today`, its contacts' steps taken from `cache` (brought up
    /// to date with every contact).
    pub fn of(book: &Book, cache: &mut ReminderCache, today: NaiveDate) -> WorkerPlan {
        WorkerPlan::after(book, cache, today, &Dirty::All)
    }

    /// The plan after a change of the contacts in `changed`: only they are looked at
    /// again. An empty set (a change from another tab, or of the settings only) or
    /// `Dirty::All` looks at every contact.
    pub fn after(
        book: &Book,
        cache: &mut ReminderCache,
        today: NaiveDate,
        changed: &Dirty,
    ) -> WorkerPlan {
        let settings = book.settings();
        let reminders = settings.reminders;
        let days = if reminders.on {
            match changed {
                Dirty::Contacts(ids) if !ids.is_empty() && cache.filled(book) => {
                    cache.refresh_only(book, ids)
                }
                _ => cache.refresh(book),
            }
            day_plan(cache.contacts(), today, PLAN_DAYS)
        } else {
            Vec::new()
        };
        WorkerPlan {
            v: 1,
            on: reminders.on,
            hour: reminders.hour(),
            until: LAST_HOUR,
            badge: !settings.badge_off,
            tag: SYNC_TAG,
            days,
        }
    }

    /// The plan as the worker reads it (JSON).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Each contact's [`GlanceContact`], kept between plans and recomputed only for a contact
/// whose `updated_at` moved (every change of a contact moves it), or for all of them when
/// the default cadence changed.
#[derive(Default)]
pub struct ReminderCache {
    cadence: u32,
    by_contact: HashMap<ContactId, (i64, Option<Planned>), BuildHasherDefault<Fnv>>,
    /// The book's contacts (id, `updated_at`) at the last refresh, in its storage order:
    /// a contact still in its place and unchanged needs no look-up at all.
    seen: Vec<(ContactId, i64)>,
}

/// A contact's steps as the plan needs them, computed once per change of the contact: its
/// digest entry (names and what to do) and each step's days as day numbers.
struct Planned {
    who: GlanceContact,
    /// The name lowercased, which orders ties as `Book::contacts` does.
    lower: String,
    /// One per step of `who`, in the same order.
    due: Vec<Due>,
}

/// The days a step is due or overdue, as days from the common era, and its place in the
/// agenda's order ([`order`]).
#[derive(Clone, Copy)]
struct Due {
    from: i32,
    to: i32,
    order: u64,
}

impl Planned {
    fn of(who: GlanceContact) -> Planned {
        let due = who
            .steps
            .iter()
            .map(|step| {
                // As the agenda shows it: from the day the window opens to
                // `MISSED_AFTER_DAYS` after it closes; a meeting's prep and a referral
                // nudge only until their window closes.
                let last = match step.step {
                    Step::Prep | Step::Nudge => step.window.closes,
                    _ => step.window.closes + chrono::Days::new(u64::from(MISSED_AFTER_DAYS)),
                };
                Due {
                    from: step.window.opens.num_days_from_ce(),
                    to: last.num_days_from_ce(),
                    order: order(step, who.met_on),
                }
            })
            .collect();
        let lower = who.name.to_lowercase();
        Planned { who, lower, due }
    }
}

/// FNV-1a: every save looks up each contact's id here, and std's SipHash (made to resist
/// hostile keys, which ids made on this device are not) was most of the time.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

impl ReminderCache {
    /// Whether the cache was filled from `book`'s settings before (a first plan, or the
    /// cadence changed, looks at every contact).
    fn filled(&self, book: &Book) -> bool {
        self.cadence == book.settings().default_cadence_days && !self.seen.is_empty()
    }

    /// Brings the cache up to date for the contacts `ids` only (added, changed or deleted).
    fn refresh_only<'a>(&mut self, book: &Book, ids: impl IntoIterator<Item = &'a ContactId>) {
        let cadence = self.cadence;
        for id in ids {
            match book.contact(id) {
                Some(contact) => {
                    self.by_contact.insert(
                        id.clone(),
                        (
                            contact.updated_at,
                            GlanceContact::of(contact, cadence).map(Planned::of),
                        ),
                    );
                }
                None => {
                    self.by_contact.remove(id);
                }
            }
        }
    }

    /// Brings the cache up to date with `book`.
    pub fn refresh(&mut self, book: &Book) {
        let cadence = book.settings().default_cadence_days;
        if cadence != self.cadence {
            self.by_contact.clear();
            self.seen.clear();
            self.cadence = cadence;
        }
        if self.by_contact.len() > book.contact_count() {
            // Contacts were removed (deleted or merged): forget them.
            self.by_contact.retain(|id, _| book.contact(id).is_some());
        }
        for (n, contact) in book.contacts_unordered().enumerate() {
            let same = self
                .seen
                .get(n)
                .is_some_and(|(id, at)| *at == contact.updated_at && *id == contact.id);
            if same {
                continue;
            }
            let fresh = self
                .by_contact
                .get(&contact.id)
                .is_some_and(|(at, _)| *at == contact.updated_at);
            if !fresh {
                self.by_contact.insert(
                    contact.id.clone(),
                    (
                        contact.updated_at,
                        GlanceContact::of(contact, cadence).map(Planned::of),
                    ),
                );
            }
            match self.seen.get_mut(n) {
                Some(slot) => *slot = (contact.id.clone(), contact.updated_at),
                None => self.seen.push((contact.id.clone(), contact.updated_at)),
            }
        }
        self.seen.truncate(book.contact_count());
    }

    /// The cached entries, in no particular order (`day_plan` orders what it names).
    fn contacts(&self) -> impl Iterator<Item = &Planned> {
        self.by_contact.values().filter_map(|(_, g)| g.as_ref())
    }
}

/// One step that can be due on some day of the plan.
struct Item<'a> {
    contact: usize,
    who: &'a GlanceContact,
    lower: &'a str,
    step: &'a GlanceStep,
    /// The days of the plan (bits, day 0 = today) on which it is due or overdue.
    days: u64,
    /// The agenda's order as one number (see [`order`]).
    order: u64,
}

/// The agenda's order, but for the name and id: the day the window closes, the step,
/// then the latest meeting first (days from the common era fit in 20 bits until 2870).
fn order(step: &GlanceStep, met_on: NaiveDate) -> u64 {
    let day = |d: NaiveDate| u64::from(d.num_days_from_ce().clamp(0, 0xF_FFFF) as u32);
    (day(step.window.closes) << 28) | ((step.step as u64) << 20) | (0xF_FFFF - day(met_on))
}

/// The reminders of the `days` days from `today` (at most 64), for the contacts given in
/// any order: only the days with something due.
fn day_plan<'a>(
    contacts: impl IntoIterator<Item = &'a Planned>,
    today: NaiveDate,
    days: u32,
) -> Vec<DayReminder> {
    let days = days.min(64);
    let first = today.num_days_from_ce();
    let mut items: Vec<Item> = Vec::new();
    let mut people_days: Vec<u64> = Vec::new();
    for (n, planned) in contacts.into_iter().enumerate() {
        let who = &planned.who;
        let mut any = 0u64;
        for (step, due) in who.steps.iter().zip(&planned.due) {
            let bits = due_days(due, first, days);
            if bits != 0 {
                any |= bits;
                items.push(Item {
                    contact: n,
                    who,
                    lower: &planned.lower,
                    step,
                    days: bits,
                    order: due.order,
                });
            }
        }
        if any != 0 {
            people_days.push(any);
        }
    }
    // The agenda's order on any day: overdue before due, each by the day its window
    // closes, then the playbook's order, then the book's (`Book::contacts`: the newest
    // meeting first, then by name, then by id). Sorted by the number here; the name and
    // the id only settle ties among the few items a day names (`named`).
    items.sort_unstable_by_key(|i| i.order);
    let mut counts = [0usize; 64];
    let mut people = [0usize; 64];
    for (masks, tally) in [
        (
            items.iter().map(|i| i.days).collect::<Vec<u64>>(),
            &mut counts,
        ),
        (people_days, &mut people),
    ] {
        for mut bits in masks {
            while bits != 0 {
                tally[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
    }
    (0..days)
        .filter(|&d| counts[d as usize] > 0)
        .map(|d| {
            let bit = 1u64 << d;
            let count = counts[d as usize];
            let named = named(&items, bit);
            let mut body: Vec<String> = named.iter().map(|i| phrase(i.who, i.step)).collect();
            if count > named.len() {
                body.push(format!("+{} more", count - named.len()));
            }
            DayReminder {
                day: today + chrono::Days::new(u64::from(d)),
                count,
                people: people[d as usize],
                title: title(count),
                body: body.join(" · "),
            }
        })
        .collect()
}

/// The first `NAMED` people in the agenda's order among the items due on the day of
/// `bit`, each with their first item. `items` are sorted by `order`; the items that tie
/// on it are ordered by name (case-insensitive) and id as `Book::contacts` does, and only
/// as far as needed.
fn named<'i, 'a>(items: &'i [Item<'a>], bit: u64) -> Vec<&'i Item<'a>> {
    let mut named: Vec<&Item> = Vec::with_capacity(NAMED);
    let mut due = items.iter().filter(|i| i.days & bit != 0).peekable();
    while named.len() < NAMED {
        let Some(first) = due.next() else {
            break;
        };
        let mut tied = vec![first];
        while let Some(next) = due.next_if(|i| i.order == first.order) {
            tied.push(next);
        }
        if tied.len() > 1 {
            tied.sort_unstable_by(|a, b| (&a.lower, &a.who.id).cmp(&(&b.lower, &b.who.id)));
        }
        for item in tied {
            if named.len() < NAMED && named.iter().all(|n| n.contact != item.contact) {
                named.push(item);
            }
        }
    }
    named
}

/// The days of the plan (bit `d` = day `first` + `d`) on which a step is due or overdue.
fn due_days(due: &Due, first: i32, days: u32) -> u64 {
    let from = (due.from - first).max(0);
    let to = (due.to - first).min(days as i32 - 1);
    if to < from {
        return 0;
    }
    let span = (to - from + 1) as u32;
    let ones = if span >= 64 {
        u64::MAX
    } else {
        (1u64 << span) - 1
    };
    ones << from
}

/// "1 follow-up today", "3 follow-ups today".
pub fn title(count: usize) -> String {
    match count {
        1 => "1 follow-up today".to_string(),
        n => format!("{n} follow-ups today"),
    }
}

/// What to do, in a few words: "Email Priya Raman (Figma)".
fn phrase(who: &GlanceContact, step: &GlanceStep) -> String {
    let name = if who.company.trim().is_empty() {
        who.name.clone()
    } else {
        format!("{} ({})", who.name, who.company.trim())
    };
    if step.hint == Some(Hint::NoChannel) {
        return format!("Find a way to reach {name}");
    }
    match step.step {
        Step::Connect => format!("Connect with {name}"),
        Step::Email if step.by_message => format!("Message {name}"),
        Step::Email => format!("Email {name}"),
        Step::BonusMessage => format!("Message {name}"),
        Step::Referral => format!("Ask {name} for an intro"),
        Step::KeepInTouch => format!("Catch up with {name}"),
        Step::Prep => format!("Prepare to meet {name}"),
        Step::ThankYou => format!("Thank {name}"),
        Step::Nudge => format!("Check in with {name}"),
    }
}

#[cfg(test)]
#[path = "reminders_tests.rs"]
mod tests;
