//! Saves that are atomic across keys: a redo journal, as SQLite's write-ahead log does it.
//!
//! localStorage writes one key at a time, and a tab can be killed between two writes. A
//! save that touches more than one key ([`Plan::steps`]) therefore first writes the
//! journal ([`JOURNAL_KEY`]): every key it will set, with its new text, and every key it
//! will remove. Then it makes those writes, and removes the journal last: that removal is
//! the commit. One `setItem` is atomic, so the journal is there whole or not at all, and
//! its header (how many steps, a hash of them) tells a damaged one apart anyway.
//!
//! A start that finds the journal ([`recover`]) makes its writes again, which is
//! harmless for those already made, and removes it: the book read is the whole book
//! after that save. Without a journal the keys hold the whole book before it. A save
//! refused part-way (storage full) puts back what it wrote ([`undo`]), largest savings
//! first, so the book is the one before it and every step fits. A single-key save skips
//! the journal: one `setItem` is atomic on its own.
//!
//! Nothing here touches storage; `storage.rs` runs the steps.

use super::digest::fnv;
use super::save::Plan;
use super::{keyed::obsolete_in, KEY_PREFIX};

/// The journal of a save being made; removed when it is complete.
pub const JOURNAL_KEY: &str = "followup.journal";

/// The journal's format, in its header.
const FORMAT: &str = "followup-journal 1";

/// One write to storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// `setItem(key, text)`.
    Set(String, String),
    /// `removeItem(key)`.
    Remove(String),
}

impl Op {
    /// The key this step writes.
    pub fn key(&self) -> &str {
        match self {
            Op::Set(key, _) | Op::Remove(key) => key,
        }
    }
}

impl Plan {
    /// Every write of this save, in order: the journal (when the save touches more than one
    /// key), each shard and its digest with the older layout's keys it replaces removed
    /// after it, the meta key, the rest of `obsolete`, and the journal's removal last.
    pub fn steps(&self, obsolete: &[String]) -> Vec<Op> {
        let mut data = Vec::with_capacity(self.writes.len() + obsolete.len());
        let mut removed: Vec<&str> = Vec::new();
        for (key, text) in &self.writes {
            data.push(Op::Set(key.clone(), text.clone()));
            for old in obsolete_in(key, obsolete) {
                removed.push(old);
                data.push(Op::Remove(old.to_string()));
            }
        }
        for old in obsolete {
            if !removed.contains(&old.as_str()) {
                data.push(Op::Remove(old.clone()));
            }
        }
        if data.len() < 2 {
            return data;
        }
        let journal = encode(self.changed(), &data);
        let mut steps = Vec::with_capacity(data.len() + 2);
        steps.push(Op::Set(JOURNAL_KEY.to_string(), journal));
        steps.append(&mut data);
        steps.push(Op::Remove(JOURNAL_KEY.to_string()));
        steps
    }
}

/// The journal's text: a header line (format, contacts changed, steps, hash of the rest),
/// then each step: `S<tab>key<tab>bytes<newline>text` or `R<tab>key<newline>`.
fn encode(changed: usize, ops: &[Op]) -> String {
    let size: usize = ops
        .iter()
        .map(|op| match op {
            Op::Set(key, text) => key.len() + text.len() + 16,
            Op::Remove(key) => key.len() + 4,
        })
        .sum();
    let mut body = String::with_capacity(size);
    for op in ops {
        match op {
            Op::Set(key, text) => {
                body.push_str("S\t");
                body.push_str(key);
                body.push('\t');
                body.push_str(&text.len().to_string());
                body.push('\n');
                body.push_str(text);
            }
            Op::Remove(key) => {
                body.push_str("R\t");
                body.push_str(key);
                body.push('\n');
            }
        }
    }
    format!(
        "{FORMAT} {changed} {} {:016x}\n{body}",
        ops.len(),
        fnv(&body)
    )
}

/// A journal read back: how many contacts its save changed, and its writes.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Journal {
    pub changed: usize,
    pub ops: Vec<Op>,
}

/// Reads a journal, or says why it cannot be trusted.
fn decode(text: &str) -> Result<Journal, String> {
    let (header, body) = text
        .split_once('\n')
        .ok_or("it has no header: it was cut short")?;
    let fields: Vec<&str> = header.split(' ').collect();
    let [name, version, changed, count, hash] = fields.as_slice() else {
        return Err("its header is not one Followup writes".into());
    };
    if format!("{name} {version}") != FORMAT {
        return Err(format!(
            "it was written in another format ({name} {version})"
        ));
    }
    let number = |s: &str| {
        s.parse::<usize>()
            .map_err(|_| format!("{s:?} is not a number"))
    };
    let (changed, count) = (number(changed)?, number(count)?);
    if format!("{:016x}", fnv(body)) != *hash {
        return Err("its text does not match its hash: it was cut short or damaged".into());
    }
    let mut ops = Vec::with_capacity(count);
    let mut rest = body;
    while !rest.is_empty() {
        let (line, after) = rest.split_once('\n').ok_or("a step has no end")?;
        let parts: Vec<&str> = line.split('\t').collect();
        match parts.as_slice() {
            ["R", key] if key.starts_with(KEY_PREFIX) => {
                ops.push(Op::Remove(key.to_string()));
                rest = after;
            }
            ["S", key, bytes] if key.starts_with(KEY_PREFIX) => {
                let bytes = number(bytes)?;
                let text = after
                    .get(..bytes)
                    .ok_or_else(|| format!("the text of {key} is cut short"))?;
                ops.push(Op::Set(key.to_string(), text.to_string()));
                rest = &after[bytes..];
            }
            _ => return Err(format!("a step is not one Followup writes ({line:.40})")),
        }
    }
    if ops.len() != count {
        return Err(format!("it holds {} of its {count} steps", ops.len()));
    }
    Ok(Journal { changed, ops })
}

/// What a start does about the journal it found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recovery {
    /// No journal: the last save was complete (or never started).
    Clean,
    /// A save was cut short: these steps finish it (its writes, then the journal's removal).
    Finish { changed: usize, steps: Vec<Op> },
    /// A journal that cannot be read: it can be neither finished nor undone. Everything is
    /// kept as it is, the journal's text (`raw`) included, and the student is told.
    Damaged { reason: String, raw: String },
}

/// What to do about `journal`, the text under [`JOURNAL_KEY`] at start.
pub fn recover(journal: Option<&str>) -> Recovery {
    let Some(raw) = journal else {
        return Recovery::Clean;
    };
    match decode(raw) {
        Ok(Journal { changed, mut ops }) => {
            ops.push(Op::Remove(JOURNAL_KEY.to_string()));
            Recovery::Finish {
                changed,
                steps: ops,
            }
        }
        Err(reason) => Recovery::Damaged {
            reason,
            raw: raw.to_string(),
        },
    }
}

/// `entries` (key, text) as they are once `steps` are made: what a start reads when the
/// journal's writes could not be made here (storage full), so the book read is still the
/// whole book after the save.
pub fn overlay(mut entries: Vec<(String, String)>, steps: &[Op]) -> Vec<(String, String)> {
    for op in steps {
        entries.retain(|(key, _)| key != op.key());
        if let Op::Set(key, text) = op {
            entries.push((key.clone(), text.clone()));
        }
    }
    entries
}

/// The steps that put back what a save refused part-way had written: `done` is each key it
/// wrote (the journal excluded), its text before (`None`: absent) and the length of its
/// text now. The keys that free the most room go first, so every step fits: storage held
/// all the old texts, and the journal, before the save began. The journal goes last.
pub fn undo(done: &[(String, Option<String>, usize)]) -> Vec<Op> {
    let mut order: Vec<&(String, Option<String>, usize)> = done.iter().collect();
    let growth = |(_, before, now): &&(String, Option<String>, usize)| {
        before.as_ref().map_or(0, String::len) as i64 - *now as i64
    };
    order.sort_by_key(growth);
    let mut steps: Vec<Op> = order
        .into_iter()
        .map(|(key, before, _)| match before {
            Some(text) => Op::Set(key.clone(), text.clone()),
            None => Op::Remove(key.clone()),
        })
        .collect();
    steps.push(Op::Remove(JOURNAL_KEY.to_string()));
    steps
}

/// What a start says about a save it found cut short: in plain words, what happened to the
/// book and what the student can do. `finished` is whether its writes were made now.
pub fn cut_short_message(recovery: &Recovery, finished: bool) -> Option<String> {
    let contacts = |n: usize| match n {
        0 => "a change to your settings or events".to_string(),
        1 => "1 contact".to_string(),
        n => format!("{n} contacts"),
    };
    match recovery {
        Recovery::Clean => None,
        Recovery::Finish { changed, .. } if finished => Some(format!(
            "Your last save ({}) was cut short when the page closed. It was finished now: \
             all of it is in your book, and nothing else changed.",
            contacts(*changed)
        )),
        Recovery::Finish { changed, .. } => Some(format!(
            "Your last save ({}) was cut short when the page closed, and this browser has no \
             room to finish it. Your book is shown whole, as it was after that save, but \
             nothing new is saved here until there is room: download what is stored, delete \
             kept copies in Settings or free space, then reload.",
            contacts(*changed)
        )),
        Recovery::Damaged { reason, .. } => Some(format!(
            "Your last save was cut short, and its record could not be read ({reason}), so it \
             could be neither finished nor undone. Everything stored was kept as it is: some \
             of that save's changes may be missing. Download what is stored to keep a copy; \
             check your latest contacts, and import the file again if it was an import."
        )),
    }
}

#[cfg(test)]
#[path = "journal_tests.rs"]
mod tests;
