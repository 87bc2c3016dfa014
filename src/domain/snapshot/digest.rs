//! The agenda's digest of each shard, so the first screen is drawn before the book is read.
//!
//! Reading every contact of a large book (unpacking each shard and parsing each JSON line)
//! is most of what a start costs: about 190 ms at 5,000 contacts in the release build. The
//! agenda needs a small part of it: for each contact whose steps can still come due, its
//! name, company, hook and those steps' windows. A save writes that part beside each
//! shard it writes, as the digest key `followup.d.NN`, packed like the shard:
//!
//! ```text
//! 1.<rules> <hash of the shard's stored text, hex> <default cadence> <live contacts> <earliest met_on>
//! <id> <met_on> <name> <company> <hook> <step>,<opens>,<closes>,<state>,<hint>,<by message>;…
//! ```
//!
//! Fields are tab-separated (a backslash escapes tabs, line breaks and itself in text) and
//! dates are day numbers. A step is in the digest when it is neither done nor skipped (a
//! done keep-in-touch recurs, so it stays) and waits on no earlier step: exactly the steps
//! whose status on any day follows from their window alone, which makes the digest true
//! for every `today`. Done, skipped and waiting steps change only with the contact, and a
//! changed contact is a changed shard, written with its digest.
//!
//! [`glance`] trusts a digest only when its hash matches the shard's stored text, its
//! cadence the meta key's, and its rules version (`playbook::RULES`) this build's: a shard written by another tab, a save cut short between the
//! shard and its digest, an older version's storage or anything unexpected sends the app
//! down the full read instead. So the digest can make the first screen early, never wrong.

use chrono::NaiveDate;

use super::keyed::{decode_meta, shard_number, MetaIn};
use super::pack::{pack, unpack};
use super::{CONTACT_PREFIX, LEGACY_KEY, META_KEY, SHARDS, VERSION};
use crate::domain::book::Book;
use crate::domain::contact::{Contact, ContactId};
use crate::domain::playbook::{self, Hint, StepView};
use crate::domain::step::{Status, Step, StepState, Window};

/// The keys of the shards' digests: this prefix and the shard's two digits.
pub const DIGEST_PREFIX: &str = "followup.d.";

/// The digest format written in the first field, with the playbook's rules version
/// (`playbook::RULES`): a digest written by other rules is not trusted.
fn format() -> String {
    format!("1.{}", playbook::RULES)
}

/// The key of shard `n`'s digest.
pub fn digest_key(n: u32) -> String {
    format!("{DIGEST_PREFIX}{n:02}")
}

pub(super) fn digest_number(key: &str) -> Option<u32> {
    let n: u32 = key.strip_prefix(DIGEST_PREFIX)?.parse().ok()?;
    (n < SHARDS && digest_key(n) == key).then_some(n)
}

/// A 64-bit hash of a text's bytes, eight at a time (FNV-1a's constants, a word per
/// step, and a shift that folds the high bits back in): ties a digest to the exact shard
/// text it describes. Hashing every shard is part of each start, so it must be quick:
/// about 2 MB of shards at 5,000 contacts.
pub(super) fn fnv(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let step = |h: u64, word: u64| {
        let h = (h ^ word).wrapping_mul(0x0100_0000_01b3);
        h ^ (h >> 29)
    };
    let mut words = bytes.chunks_exact(8);
    let mut h = 0xcbf2_9ce4_8422_2325_u64 ^ bytes.len() as u64;
    for word in words.by_ref() {
        h = step(h, u64::from_le_bytes(word.try_into().expect("eight bytes")));
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    step(h, u64::from_le_bytes(last))
}

/// One step of a digested contact: what the agenda needs to place it on any day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlanceStep {
    pub step: Step,
    pub window: Window,
    /// The state stored on the contact (the agenda row's buttons depend on it).
    pub state: StepState,
    pub hint: Option<Hint>,
    pub by_message: bool,
}

/// One contact as the agenda sees it before the book is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlanceContact {
    pub id: ContactId,
    pub met_on: NaiveDate,
    pub name: String,
    pub company: String,
    pub hook: String,
    pub steps: Vec<GlanceStep>,
}

impl GlanceContact {
    /// The contact's digest entry, or `None` when no step of it can come due by date alone.
    pub fn of(contact: &Contact, cadence: u32) -> Option<GlanceContact> {
        let steps: Vec<GlanceStep> = playbook::steps_for(contact)
            .into_iter()
            // Any day will do: the steps kept do not depend on it (see the module header).
            .map(|step| playbook::view(contact, step, cadence, contact.met_on))
            .filter(|v| {
                v.waiting_on.is_none() && !matches!(v.status, Status::Done(_) | Status::Skipped(_))
            })
            .map(|v| GlanceStep {
                step: v.step,
                window: v.window,
                state: contact.steps.get(v.step),
                hint: v.hint,
                by_message: v.by_message,
            })
            .collect();
        (!steps.is_empty()).then(|| GlanceContact {
            id: contact.id.clone(),
            met_on: contact.met_on,
            name: contact.name.clone(),
            company: contact.company.clone(),
            hook: contact.hook.clone(),
            steps,
        })
    }

    /// The contact's steps as the playbook plans them on `today` (what `playbook::plan`
    /// gives for the steps in the digest).
    pub fn plan(&self, today: NaiveDate) -> impl Iterator<Item = StepView> + '_ {
        self.steps
            .iter()
            .map(move |s| StepView {
                step: s.step,
                state: s.state,
                status: s.window.status(today),
                window: s.window,
                waiting_on: None,
                hint: s.hint,
                by_message: s.by_message,
            })
            .filter(playbook::still_shown)
    }
}

/// The digest of one shard, as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Digest {
    hash: u64,
    cadence: u32,
    live: usize,
    first_met: Option<NaiveDate>,
    contacts: Vec<GlanceContact>,
}

/// The digest key's text for a shard holding `contacts` (its live ones) whose stored text
/// is `shard_text`.
pub(super) fn encode_digest<'a>(
    shard_text: &str,
    contacts: impl IntoIterator<Item = &'a Contact>,
    cadence: u32,
) -> String {
    let mut live = 0;
    let mut first_met: Option<NaiveDate> = None;
    let mut body = String::new();
    for contact in contacts {
        live += 1;
        first_met = Some(first_met.map_or(contact.met_on, |d| d.min(contact.met_on)));
        let Some(g) = GlanceContact::of(contact, cadence) else {
            continue;
        };
        body.push('\n');
        for field in [g.id.as_str(), &day(g.met_on), &g.name, &g.company, &g.hook] {
            escape(field, &mut body);
            body.push('\t');
        }
        for (i, s) in g.steps.iter().enumerate() {
            if i > 0 {
                body.push(';');
            }
            let (kind, on) = match s.state {
                StepState::Pending => ('P', None),
                StepState::Done(on) => ('D', Some(on)),
                StepState::Skipped(on) => ('S', Some(on)),
                StepState::Snoozed(on) => ('Z', Some(on)),
            };
            let hint = match s.hint {
                None => '-',
                Some(Hint::NoEmailAddress) => 'E',
                Some(Hint::NoLinkedInProfile) => 'L',
                Some(Hint::NoChannel) => 'N',
            };
            body.push_str(&format!(
                "{},{},{},{kind}{},{hint},{}",
                s.step as u8,
                day(s.window.opens),
                day(s.window.closes),
                on.map(day).unwrap_or_default(),
                u8::from(s.by_message)
            ));
        }
    }
    let head = format!(
        "{}\t{:016x}\t{cadence}\t{live}\t{}",
        format(),
        fnv(shard_text),
        first_met.map(day).unwrap_or_default()
    );
    pack(&(head + &body))
}

fn day(d: NaiveDate) -> String {
    use chrono::Datelike;
    d.num_days_from_ce().to_string()
}

fn read_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(text.parse().ok()?)
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(text: &str) -> Option<String> {
    if !text.contains('\\') {
        return Some(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
    }
    Some(out)
}

/// A digest key's text read back; `None` for anything but a well-formed digest.
fn decode_digest(text: &str) -> Option<Digest> {
    let text = unpack(text).ok()?;
    let mut lines = text.split('\n');
    let mut head = lines.next()?.split('\t');
    if head.next()? != format() {
        return None;
    }
    let hash = u64::from_str_radix(head.next()?, 16).ok()?;
    let cadence = head.next()?.parse().ok()?;
    let live = head.next()?.parse().ok()?;
    let first_met = match head.next()? {
        "" => None,
        d => Some(read_day(d)?),
    };
    let mut contacts = Vec::new();
    for line in lines {
        contacts.push(decode_contact(line)?);
    }
    Some(Digest {
        hash,
        cadence,
        live,
        first_met,
        contacts,
    })
}

fn decode_contact(line: &str) -> Option<GlanceContact> {
    let mut fields = line.split('\t');
    let id = ContactId::new(unescape(fields.next()?)?);
    let met_on = read_day(fields.next()?)?;
    let name = unescape(fields.next()?)?;
    let company = unescape(fields.next()?)?;
    let hook = unescape(fields.next()?)?;
    let mut steps = Vec::new();
    for step in fields.next()?.split(';') {
        steps.push(decode_step(step)?);
    }
    if fields.next().is_some() || steps.is_empty() {
        return None;
    }
    Some(GlanceContact {
        id,
        met_on,
        name,
        company,
        hook,
        steps,
    })
}

fn decode_step(text: &str) -> Option<GlanceStep> {
    let mut parts = text.split(',');
    let step = *Step::ALL.get(parts.next()?.parse::<usize>().ok()?)?;
    let opens = read_day(parts.next()?)?;
    let closes = read_day(parts.next()?)?;
    let state = parts.next()?;
    let on = || read_day(state.get(1..)?);
    let state = match state.chars().next()? {
        'P' if state.len() == 1 => StepState::Pending,
        'D' => StepState::Done(on()?),
        'S' => StepState::Skipped(on()?),
        'Z' => StepState::Snoozed(on()?),
        _ => return None,
    };
    let hint = match parts.next()? {
        "-" => None,
        "E" => Some(Hint::NoEmailAddress),
        "L" => Some(Hint::NoLinkedInProfile),
        "N" => Some(Hint::NoChannel),
        _ => return None,
    };
    let by_message = match parts.next()? {
        "0" => false,
        "1" => true,
        _ => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(GlanceStep {
        step,
        window: Window { opens, closes },
        state,
        hint,
        by_message,
    })
}

/// Whether `digest` (a digest key's text) describes the shard whose stored text is
/// `shard_text`, written with the default cadence `cadence`.
pub(super) fn digest_matches(shard_text: &str, digest: Option<&str>, cadence: u32) -> bool {
    digest
        .and_then(decode_digest)
        .is_some_and(|d| d.hash == fnv(shard_text) && d.cadence == cadence)
}

/// What the first screen needs, read from the digests before the book is: the book
/// without its contacts (events, profile, templates, settings), and the contacts with a
/// step that can come due, in the book's agenda order.
#[derive(Clone, Debug, PartialEq)]
pub struct Glance {
    /// The book's meta key; `contacts` is empty.
    pub meta: Book,
    pub contacts: Vec<GlanceContact>,
    /// How many contacts the book holds.
    pub count: usize,
    /// The earliest day any contact was met (for the backup reminder).
    pub first_met: Option<NaiveDate>,
}

impl Glance {
    /// [`Book::backup_reminder`] of the book the digests were written from.
    pub fn backup_reminder(&self, today: NaiveDate) -> Option<crate::domain::BackupReminder> {
        crate::domain::book::backup_reminder(self.meta.settings.last_backup, self.first_met, today)
    }
}

/// The glance of the stored keys, when every shard's digest matches it; `None` sends the
/// app down the full read (see the module header). Only for storage of the current
/// version with at least one contact.
pub fn glance<I, K, V>(entries: I) -> Option<Glance>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut meta = None;
    // By shard number: the shard's hash, and its digest.
    let mut shards: Vec<Option<u64>> = vec![None; SHARDS as usize];
    let mut digests: Vec<Option<Digest>> = vec![None; SHARDS as usize];
    for (key, value) in entries {
        let (key, value) = (key.as_ref(), value.as_ref());
        if key == META_KEY {
            meta = Some(decode_meta(value).ok()?);
        } else if key == LEGACY_KEY || key.starts_with(CONTACT_PREFIX) {
            return None; // A migration is due: the full read does it.
        } else if let Some(n) = shard_number(key) {
            shards[n as usize] = Some(fnv(value));
        } else if let Some(n) = digest_number(key) {
            digests[n as usize] = Some(decode_digest(value)?);
        }
    }
    let (meta, version): (MetaIn, u32) = meta?;
    if version != VERSION {
        return None;
    }
    let cadence = meta.settings.default_cadence_days;
    let mut glance = Glance {
        meta: meta.into_book(Vec::new()),
        contacts: Vec::new(),
        count: 0,
        first_met: None,
    };
    for (hash, digest) in shards.into_iter().zip(digests) {
        let Some(hash) = hash else {
            continue;
        };
        let digest = digest?;
        if digest.hash != hash || digest.cadence != cadence {
            return None;
        }
        glance.count += digest.live;
        glance.first_met = match (glance.first_met, digest.first_met) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        glance.contacts.extend(digest.contacts);
    }
    if glance.count == 0 {
        return None;
    }
    // The order of `Book::contacts`, which the agenda's stable sorts start from (sorted
    // by the same key type, so the sort's code is shared with it).
    let mut order: Vec<(usize, &GlanceContact)> = glance.contacts.iter().enumerate().collect();
    order.sort_by_cached_key(|(_, c)| (std::cmp::Reverse(c.met_on), c.name.to_lowercase(), &c.id));
    let order: Vec<usize> = order.into_iter().map(|(i, _)| i).collect();
    let mut contacts: Vec<Option<GlanceContact>> = glance.contacts.drain(..).map(Some).collect();
    glance.contacts = order
        .into_iter()
        .filter_map(|i| contacts[i].take())
        .collect();
    Some(glance)
}

#[cfg(test)]
#[path = "digest_tests.rs"]
mod tests;
