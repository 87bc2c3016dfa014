//! Before the fair: an event's prep. The companies to visit, each with a priority (must,
//! want, maybe), the roles or teams they hire for, a question to ask and a note (a booth
//! number, say), ticked once visited; and the student's pitch for the event.
//!
//! A pasted list becomes targets here (`parse_pasted`): one company a line, a fair's
//! employer page copied with its headings, bullets, booth numbers and blank lines, or a
//! CSV with a header. Two spellings are one target when the Companies view would group
//! them (`companies::company_key`: case, accents, "Inc."/"LLC"). Captures are matched to
//! targets the same way (`prep_at`), which gives To visit, the not-reached list and the
//! funnel's "planned companies reached".
//!
//! Pure: no clock, no browser. A target's id is its order entered, given by `Book::apply`.

use serde::{Deserialize, Serialize};

use super::book::{Book, BookError};
use super::command::Command;
use super::companies::company_key;
use super::contact::{Contact, ContactId};
use super::event::{Event, EventId};
use super::linkedin::people_search_url;

/// How much the student wants to meet a company.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Priority {
    #[serde(rename = "must")]
    Must,
    #[default]
    #[serde(rename = "want")]
    Want,
    #[serde(rename = "maybe")]
    Maybe,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::Must, Priority::Want, Priority::Maybe];

    /// "Must", "Want", "Maybe".
    pub fn label(self) -> &'static str {
        match self {
            Priority::Must => "Must",
            Priority::Want => "Want",
            Priority::Maybe => "Maybe",
        }
    }

    /// The priority a pasted cell names ("must", "High", "1"), if any.
    fn read(cell: &str) -> Option<Priority> {
        match cell.trim().to_lowercase().as_str() {
            "must" | "must visit" | "must-visit" | "high" | "1" | "a" | "top" => {
                Some(Priority::Must)
            }
            "want" | "medium" | "2" | "b" => Some(Priority::Want),
            "maybe" | "low" | "3" | "c" => Some(Priority::Maybe),
            _ => None,
        }
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A company on the plan. Empty fields are not stored, so a plan costs little room.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Target {
    /// Its order entered: unique in the plan, given by `Book::apply` when it is added.
    pub id: u32,
    pub name: String,
    #[serde(skip_serializing_if = "is_want")]
    pub priority: Priority,
    /// The roles or teams they hire for: "Infra team".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub roles: String,
    /// The question to ask at their table.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub question: String,
    /// Anything else: a booth number, who to ask for.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(skip_serializing_if = "is_false")]
    pub visited: bool,
}

fn is_want(priority: &Priority) -> bool {
    *priority == Priority::Want
}

impl Target {
    /// A target named `name`, wanted, with nothing else prepared.
    pub fn named(name: &str) -> Target {
        Target {
            name: tidy(name),
            ..Target::default()
        }
    }

    /// What was prepared, in one line: "Infra team · “What is on-call like for interns?”".
    pub fn planned_line(&self) -> String {
        let question = self.question.trim();
        let asked = (!question.is_empty()).then(|| format!("\u{201c}{question}\u{201d}"));
        [
            (!self.roles.trim().is_empty()).then(|| self.roles.trim().to_string()),
            asked,
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    }

    /// Fills this target's empty fields from `other` (the same company pasted again); a
    /// higher priority wins.
    fn absorb(&mut self, other: Target) {
        for (mine, theirs) in [
            (&mut self.roles, other.roles),
            (&mut self.question, other.question),
            (&mut self.note, other.note),
        ] {
            if mine.trim().is_empty() {
                *mine = theirs;
            }
        }
        self.priority = self.priority.min(other.priority);
        self.visited |= other.visited;
    }
}

/// An event's prep: the companies to visit and the pitch. Empty by default; an event
/// without one stores nothing for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Prep {
    /// In the order entered (ids ascending).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pitch: String,
}

/// Why a change to the plan was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrepError {
    /// A company with a blank name.
    BlankCompany,
    /// Another target is this company already (its name as kept).
    AlreadyPlanned(String),
    /// No target has this id (deleted, perhaps in another tab).
    NoSuchTarget,
}

impl std::fmt::Display for PrepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrepError::BlankCompany => f.write_str("Add the company's name."),
            PrepError::AlreadyPlanned(name) => {
                write!(
                    f,
                    "\u{201c}{name}\u{201d} is already on your plan; nothing was changed."
                )
            }
            PrepError::NoSuchTarget => f.write_str(
                "That company is no longer on the plan; it may have been removed in another tab.",
            ),
        }
    }
}

impl Prep {
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty() && self.pitch.trim().is_empty()
    }

    /// The target a company name is (same key as the Companies view), if any.
    pub fn target_for(&self, company: &str) -> Option<&Target> {
        target_in(&self.targets, company)
    }

    /// Adds targets in order, each new company with the next id; a company already on the
    /// plan (or twice in `added`) gets the empty fields filled instead. Blank names are
    /// left out. Returns how many companies were new.
    pub fn add(&mut self, added: Vec<Target>) -> usize {
        let mut new = 0;
        for mut target in added {
            target.name = tidy(&target.name);
            let Some(key) = company_key(&target.name) else {
                continue;
            };
            let same = |t: &&mut Target| company_key(&t.name).as_deref() == Some(key.as_str());
            match self.targets.iter_mut().find(same) {
                Some(kept) => kept.absorb(target),
                None => {
                    target.id = self.next_id();
                    self.targets.push(target);
                    new += 1;
                }
            }
        }
        new
    }

    /// Replaces the target with the same id, or puts it back in its place by id (the undo
    /// of a removal). Refused for a blank name or a name another target has.
    pub fn save(&mut self, mut target: Target) -> Result<(), PrepError> {
        target.name = tidy(&target.name);
        let key = company_key(&target.name).ok_or(PrepError::BlankCompany)?;
        if let Some(other) = self
            .targets
            .iter()
            .find(|t| t.id != target.id && company_key(&t.name).as_deref() == Some(key.as_str()))
        {
            return Err(PrepError::AlreadyPlanned(other.name.clone()));
        }
        match self.targets.binary_search_by_key(&target.id, |t| t.id) {
            Ok(i) => self.targets[i] = target,
            Err(i) => self.targets.insert(i, target),
        }
        Ok(())
    }

    /// Removes a target, returning it (for Undo).
    pub fn remove(&mut self, id: u32) -> Result<Target, PrepError> {
        let i = self
            .targets
            .iter()
            .position(|t| t.id == id)
            .ok_or(PrepError::NoSuchTarget)?;
        Ok(self.targets.remove(i))
    }

    fn next_id(&self) -> u32 {
        self.targets.iter().map(|t| t.id + 1).max().unwrap_or(1)
    }
}

/// The target of `targets` a company name is (same key as the Companies view), if any.
pub fn target_in<'a>(targets: &'a [Target], company: &str) -> Option<&'a Target> {
    let key = company_key(company)?;
    targets
        .iter()
        .find(|t| company_key(&t.name).as_deref() == Some(key.as_str()))
}

/// A change to an event's plan. [`PrepChange::command`] makes it into the one command
/// that stores the changed plan: the plan's rules (names matched as the Companies view
/// does) run there, in the plan page's module, and the reducer, which the first load
/// carries, only stores the result.
#[derive(Clone, Debug, PartialEq)]
pub enum PrepChange {
    /// Adds companies ([`Prep::add`]); one already on the plan gets its empty fields filled.
    AddTargets {
        event: EventId,
        targets: Vec<Target>,
    },
    /// Replaces a company, or puts a removed one back (Undo) ([`Prep::save`]).
    SaveTarget { event: EventId, target: Target },
    /// Takes a company off the plan.
    RemoveTarget { event: EventId, id: u32 },
    /// The student's pitch, trimmed.
    SetPitch { event: EventId, pitch: String },
}

impl PrepChange {
    /// The command that stores the plan of `book` with this change made, or why it cannot
    /// be made (the book is not touched either way).
    pub fn command(self, book: &Book) -> Result<Command, BookError> {
        let event = match &self {
            PrepChange::AddTargets { event, .. }
            | PrepChange::SaveTarget { event, .. }
            | PrepChange::RemoveTarget { event, .. }
            | PrepChange::SetPitch { event, .. } => event.clone(),
        };
        let mut prep = book
            .event(&event)
            .ok_or_else(|| BookError::NoSuchEvent(event.clone()))?
            .prep
            .clone();
        match self {
            PrepChange::AddTargets { targets, .. } => {
                prep.add(targets);
            }
            PrepChange::SaveTarget { target, .. } => prep.save(target).map_err(BookError::Prep)?,
            PrepChange::RemoveTarget { id, .. } => {
                prep.remove(id).map_err(BookError::Prep)?;
            }
            PrepChange::SetPitch { pitch, .. } => prep.pitch = pitch.trim().to_string(),
        }
        Ok(Command::SetPrep { event, prep })
    }

    /// Makes the change to `book`: [`PrepChange::command`], then `Book::apply`.
    pub fn apply(self, book: &mut Book) -> Result<(), BookError> {
        let command = self.command(book)?;
        book.apply(command)
    }
}

/// A name as kept: trimmed, inner spaces collapsed.
fn tidy(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a paste gave: the companies in order (duplicates merged) and the lines left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    pub targets: Vec<Target>,
    /// Headings and other lines that are not a company, as pasted.
    pub skipped: Vec<String>,
}

/// Reads a pasted list: a CSV with a header naming a company column (Company, Employer,
/// Organization or Name), or lines of a copied page (see the module header).
pub fn parse_pasted(text: &str) -> Pasted {
    let mut pasted = match csv_columns(text) {
        Some(columns) => parse_csv(text, &columns),
        None => parse_lines(text),
    };
    let mut merged = Prep::default();
    merged.add(std::mem::take(&mut pasted.targets));
    pasted.targets = merged
        .targets
        .into_iter()
        .map(|t| Target { id: 0, ..t })
        .collect();
    pasted
}

/// What a CSV column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Priority,
    Roles,
    Question,
    Note,
    Booth,
    Other,
}

fn column(header: &str) -> Column {
    let folded = header.trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| folded.contains(w));
    if has(&["company", "employer", "organi", "exhibitor"]) || folded == "name" {
        Column::Name
    } else if has(&["priority"]) {
        Column::Priority
    } else if has(&["role", "team", "position", "hiring", "major", "job"]) {
        Column::Roles
    } else if has(&["question"]) {
        Column::Question
    } else if has(&["booth", "table", "location"]) {
        Column::Booth
    } else if has(&["note"]) {
        Column::Note
    } else {
        Column::Other
    }
}

/// The columns of a CSV paste: its first non-blank line, when it has a comma or a tab
/// and names a company column.
fn csv_columns(text: &str) -> Option<(u8, Vec<Column>)> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    let delimiter = if first.contains('\t') { b'\t' } else { b',' };
    if !first.contains(delimiter as char) {
        return None;
    }
    let columns: Vec<Column> = split_row(first, delimiter)
        .iter()
        .map(|c| column(c))
        .collect();
    columns
        .contains(&Column::Name)
        .then_some((delimiter, columns))
}

fn split_row(line: &str, delimiter: u8) -> Vec<String> {
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(line.as_bytes())
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .unwrap_or_default()
}

fn parse_csv(text: &str, (delimiter, columns): &(u8, Vec<Column>)) -> Pasted {
    let mut pasted = Pasted::default();
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(*delimiter)
        .from_reader(text.trim_start().as_bytes());
    for record in reader.records() {
        let Ok(record) = record else {
            continue;
        };
        let mut target = Target::default();
        let mut notes = Vec::new();
        for (cell, column) in record.iter().zip(columns) {
            let cell = super::formats::csv::unescape_cell(cell.trim());
            match column {
                Column::Name if target.name.is_empty() => target.name = tidy(cell),
                Column::Priority => target.priority = Priority::read(cell).unwrap_or_default(),
                Column::Roles => target.roles = cell.to_string(),
                Column::Question => target.question = cell.to_string(),
                Column::Booth if !cell.is_empty() => notes.push(booth_note(cell)),
                Column::Note if !cell.is_empty() => notes.push(cell.to_string()),
                _ => {}
            }
        }
        target.note = notes.join(" · ");
        if target.name.is_empty() {
            let line = record.iter().collect::<Vec<_>>().join(",");
            if !line.trim_matches(',').trim().is_empty() {
                pasted.skipped.push(line);
            }
        } else {
            pasted.targets.push(target);
        }
    }
    pasted
}

/// "12" as a note: "Booth 12"; "Table B4" stays as it is.
fn booth_note(cell: &str) -> String {
    if cell.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        format!("Booth {cell}")
    } else {
        cell.to_string()
    }
}

/// Words that make a line a heading of an employer page, not a company.
const HEADING_WORDS: &[&str] = &[
    "employers",
    "exhibitors",
    "companies",
    "organizations",
    "organisations",
    "sponsors",
    "attending",
    "participants",
    "recruiters",
];

/// Whole lines a copied page adds around its list.
const NOISE: &[&str] = &[
    "back to top",
    "load more",
    "show more",
    "view all",
    "view profile",
    "learn more",
    "more info",
    "register",
    "filter",
    "filters",
    "search",
    "sort by",
    "a-z",
    "company",
    "employer",
    "organization",
    "organisation",
    "name",
    "booth",
];

fn parse_lines(text: &str) -> Pasted {
    let mut pasted = Pasted::default();
    for raw in text.lines() {
        let line = strip_bullet(raw.trim());
        if line.is_empty() {
            continue;
        }
        // A copied table row: its cells, with the booth ones as notes.
        let cells: Vec<&str> = line
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let (name, mut notes) = split_booth(cells.first().copied().unwrap_or(line));
        notes.extend(cells.iter().skip(1).filter_map(|c| booth(c)));
        if name.is_empty() {
            // A booth line on its own belongs to the company above it.
            match pasted.targets.last_mut() {
                Some(last) if !notes.is_empty() => add_note(last, &notes.join(" · ")),
                _ => pasted.skipped.push(raw.trim().to_string()),
            }
            continue;
        }
        if is_heading(&name) {
            pasted.skipped.push(raw.trim().to_string());
            continue;
        }
        let mut target = Target::named(&name);
        target.note = notes.join(" · ");
        pasted.targets.push(target);
    }
    pasted
}

fn add_note(target: &mut Target, note: &str) {
    if target.note.is_empty() {
        target.note = note.to_string();
    } else {
        target.note = format!("{} · {note}", target.note);
    }
}

/// A line without its list marker: "- ", "• ", "* ", "12. ", "3) ".
fn strip_bullet(line: &str) -> &str {
    let line = line
        .trim_start_matches(['-', '•', '*', '·', '–', '—', '▪', '◦'])
        .trim_start();
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        if let Some(rest) = line[digits..].strip_prefix(['.', ')']) {
            if rest.starts_with(' ') {
                return rest.trim_start();
            }
        }
    }
    line
}

/// The booth part of a cell ("Booth 12", "Table B4", "#12", "Stand 3"), as a note.
fn booth(cell: &str) -> Option<String> {
    let folded = cell.trim().to_lowercase();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let markers = ["booth", "table", "stand", "booth#", "booth:", "table:"];
    let is_code = |w: &str| {
        let w = w.trim_start_matches('#').trim_end_matches([':', ',']);
        !w.is_empty()
            && w.len() <= 5
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    match words.as_slice() {
        [marker, code] if markers.contains(marker) && is_code(code) => {
            Some(capitalised(cell.trim()))
        }
        [code] if code.starts_with('#') && is_code(code) => Some(format!("Booth {}", &code[1..])),
        [code] if code.chars().all(|c| c.is_ascii_digit()) && code.len() <= 4 => {
            Some(format!("Booth {code}"))
        }
        _ => None,
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A line split into the company and its booth: "Figma — Booth 12", "Figma (Booth 12)",
/// "Figma, Table B4", or a booth alone (an empty name).
fn split_booth(line: &str) -> (String, Vec<String>) {
    if let Some(note) = booth(line) {
        return (String::new(), vec![note]);
    }
    if let Some(open) = line.rfind('(') {
        if let Some(note) = line[open + 1..].strip_suffix(')').and_then(booth) {
            return (clean_name(&line[..open]), vec![note]);
        }
    }
    for separator in [" — ", " – ", " - ", " · ", " | ", ", ", ": ", " "] {
        if let Some(at) = line.rfind(separator) {
            let (name, rest) = (&line[..at], &line[at + separator.len()..]);
            // "Figma Booth 12": the booth is the last two words.
            if separator == " " {
                if let Some(start) = name.rfind(' ') {
                    if let Some(note) = booth(&line[start + 1..]) {
                        return (clean_name(&line[..start]), vec![note]);
                    }
                }
                continue;
            }
            if let Some(note) = booth(rest) {
                return (clean_name(name), vec![note]);
            }
        }
    }
    (clean_name(line), Vec::new())
}

fn clean_name(name: &str) -> String {
    tidy(name.trim_end_matches([' ', ',', '-', '—', '–', '·', '|', ':']))
}

/// Whether a line is a page's heading or furniture rather than a company: one letter
/// (an A–Z index), a line ending in ':', a count alone, a detail ("Industry: Software"),
/// or words such as "Employers attending (124)".
fn is_heading(line: &str) -> bool {
    let folded = line.trim().to_lowercase();
    if folded.chars().count() == 1 || folded.ends_with(':') {
        return true;
    }
    if folded
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || "()#".contains(c))
    {
        return true;
    }
    if NOISE.contains(&folded.as_str()) {
        return true;
    }
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let labelled = folded
        .split_once(':')
        .is_some_and(|(label, _)| LABELS.contains(&label.trim()));
    labelled || words.iter().any(|w| HEADING_WORDS.contains(w))
}

/// Labels of a company's details on an employer page ("Industry: Software").
const LABELS: &[&str] = &[
    "industry",
    "industries",
    "majors",
    "positions",
    "position types",
    "hiring",
    "website",
    "location",
    "degree",
    "degrees",
    "work authorization",
    "sponsorship",
];

/// Priority first, then the order entered.
pub fn to_visit_order(targets: &[Target]) -> Vec<&Target> {
    let mut sorted: Vec<&Target> = targets.iter().collect();
    sorted.sort_by_key(|t| (t.priority, t.id));
    sorted
}

/// One target at the fair: who was captured there.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TargetAtFair {
    pub target: Target,
    /// The people captured at this event who work there, by name.
    pub people: Vec<(ContactId, String)>,
}

impl TargetAtFair {
    /// Someone was captured there.
    pub fn reached(&self) -> bool {
        !self.people.is_empty()
    }

    /// Ticked, or someone was captured there.
    pub fn met(&self) -> bool {
        self.target.visited || self.reached()
    }

    /// Where to look for a recruiter there: a LinkedIn people search (nothing is fetched).
    pub fn recruiter_search(&self) -> String {
        people_search_url("recruiter", &self.target.name)
    }
}

/// An event's prep held against its captures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PrepAtFair {
    /// To visit: by priority, then the order entered.
    pub to_visit: Vec<TargetAtFair>,
}

impl PrepAtFair {
    /// Companies with someone captured, of all the planned ones.
    pub fn reached(&self) -> (usize, usize) {
        let reached = self.to_visit.iter().filter(|t| t.reached()).count();
        (reached, self.to_visit.len())
    }

    /// Must-visit companies met (ticked or someone captured), of the must-visit ones.
    pub fn must_met(&self) -> (usize, usize) {
        let must: Vec<&TargetAtFair> = self
            .to_visit
            .iter()
            .filter(|t| t.target.priority == Priority::Must)
            .collect();
        (must.iter().filter(|t| t.met()).count(), must.len())
    }

    /// Not reached: planned companies with nobody captured, in To visit's order.
    pub fn not_reached(&self) -> impl Iterator<Item = &TargetAtFair> {
        self.to_visit.iter().filter(|t| !t.reached())
    }
}

/// The prep of `event` against the people captured there (the same company, by
/// `company_key`).
pub fn prep_at<'a>(event: &Event, contacts: impl IntoIterator<Item = &'a Contact>) -> PrepAtFair {
    let mut to_visit: Vec<TargetAtFair> = to_visit_order(&event.prep.targets)
        .into_iter()
        .map(|t| TargetAtFair {
            target: t.clone(),
            people: Vec::new(),
        })
        .collect();
    let keys: Vec<Option<String>> = to_visit
        .iter()
        .map(|t| company_key(&t.target.name))
        .collect();
    for contact in contacts {
        if contact.event.as_ref() != Some(&event.id) {
            continue;
        }
        let Some(key) = company_key(&contact.company) else {
            continue;
        };
        if let Some(i) = keys.iter().position(|k| k.as_deref() == Some(key.as_str())) {
            to_visit[i]
                .people
                .push((contact.id.clone(), contact.name.clone()));
        }
    }
    for target in &mut to_visit {
        target.people.sort_by_key(|(_, name)| name.to_lowercase());
    }
    PrepAtFair { to_visit }
}

/// The prep of an event of the book against its captures, if the event is there.
pub fn book_prep_at(book: &Book, event: &EventId) -> Option<PrepAtFair> {
    let event = book.event(event)?;
    Some(prep_at(event, book.contacts_unordered()))
}

/// What was prepared for the company a contact was met at, at the event they were met at.
pub fn prepared_for<'a>(book: &'a Book, contact: &Contact) -> Option<&'a Target> {
    book.event_of(contact)?.prep.target_for(&contact.company)
}

/// The pitch's length: characters, words, and seconds aloud at 130 words a minute,
/// rounded to the nearest 5 (at least 5 for any words).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PitchLength {
    pub characters: usize,
    pub words: usize,
    pub seconds: usize,
}

/// Words a minute read aloud.
pub const WORDS_A_MINUTE: usize = 130;

pub fn pitch_length(pitch: &str) -> PitchLength {
    let words = pitch.split_whitespace().count();
    let exact = words * 60 * 10 / WORDS_A_MINUTE; // tenths of a second
    let seconds = if words == 0 {
        0
    } else {
        ((exact + 25) / 50 * 5).max(5)
    };
    PitchLength {
        characters: pitch.chars().count(),
        words,
        seconds,
    }
}

#[cfg(test)]
#[path = "prep_tests.rs"]
mod tests;
