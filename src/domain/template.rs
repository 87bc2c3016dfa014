//! Message templates with placeholders, checked when the student edits them and rendered
//! against a contact, an event and the student's profile.
//!
//! The syntax:
//! - `{first_name}` is replaced by a value (see `Placeholder` for the names).
//! - `{role|your team}` is replaced by the value, or by the text after `|` when the value
//!   is empty.
//! - `[ at {event}]` is an optional part: kept (without the brackets) only when every
//!   placeholder inside it has a value. It must contain a placeholder and cannot nest.
//! - `{{`, `}}`, `[[` and `]]` write a literal brace or bracket.
//!
//! An unknown placeholder, an unbalanced brace or bracket is a `TemplateError` naming
//! the problem and where it is (line and column, counted in characters), so a broken
//! template is refused when it is saved, never sent. When a value is empty the line it was
//! on is tidied (no double spaces, no space before punctuation) and a line left empty by it
//! is dropped.
//!
//! Pure text processing; no IO.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::placeholder::{Context, Placeholder};

/// Where in a template something is: line and column from 1, counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// Why a template was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// `{name}` where `name` is not a known placeholder.
    UnknownPlaceholder {
        name: String,
        at: Position,
        suggestion: Option<Placeholder>,
    },
    /// `{` without a matching `}` on the same line.
    UnclosedBrace { at: Position },
    /// `}` without a `{` before it.
    StrayBrace { at: Position },
    /// `[` without a matching `]`.
    UnclosedBracket { at: Position },
    /// `]` without a `[` before it.
    StrayBracket { at: Position },
    /// `[` inside an optional part.
    NestedBracket { at: Position },
    /// An optional part `[...]` with no placeholder in it.
    OptionalWithoutPlaceholder { at: Position },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::UnknownPlaceholder {
                name,
                at,
                suggestion,
            } => {
                write!(f, "Unknown placeholder {{{name}}} at {at}.")?;
                match suggestion {
                    Some(p) => write!(f, " Did you mean {{{}}}?", p.name()),
                    None => f.write_str(" See the list of placeholders you can use."),
                }
            }
            TemplateError::UnclosedBrace { at } => write!(
                f,
                "The {{ at {at} has no closing }}. Write {{{{ for a literal brace."
            ),
            TemplateError::StrayBrace { at } => write!(
                f,
                "The }} at {at} has no opening {{. Write }}}} for a literal brace."
            ),
            TemplateError::UnclosedBracket { at } => write!(
                f,
                "The optional part starting with [ at {at} has no closing ]. \
                 Write [[ for a literal bracket."
            ),
            TemplateError::StrayBracket { at } => write!(
                f,
                "The ] at {at} has no opening [. Write ]] for a literal bracket."
            ),
            TemplateError::NestedBracket { at } => write!(
                f,
                "The [ at {at} is inside another optional part; optional parts can't nest."
            ),
            TemplateError::OptionalWithoutPlaceholder { at } => write!(
                f,
                "The optional part [ … ] at {at} has no placeholder in it. \
                 Write [[ and ]] for literal brackets."
            ),
        }
    }
}

impl std::error::Error for TemplateError {}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Text(String),
    Slot {
        placeholder: Placeholder,
        fallback: String,
    },
    Optional(Vec<Piece>),
}

/// A checked template. Serialised as its source text, which is checked again on reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Template {
    source: String,
    pieces: Vec<Piece>,
}

/// Marks where an empty value was inserted, so that line gets tidied.
const EMPTY: char = '\u{0}';

impl Template {
    pub fn parse(source: &str) -> Result<Template, TemplateError> {
        let pieces = parse(source)?;
        Ok(Template {
            source: source.to_string(),
            pieces,
        })
    }

    /// Checks a template as it is being edited.
    pub fn validate(source: &str) -> Result<(), TemplateError> {
        parse(source).map(|_| ())
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The placeholders used, in order of first use.
    pub fn placeholders(&self) -> Vec<Placeholder> {
        let mut out = Vec::new();
        collect(&self.pieces, &mut out);
        out
    }

    /// The text with every placeholder replaced.
    pub fn render(&self, context: &Context) -> String {
        let mut raw = String::new();
        render_pieces(&self.pieces, context, &mut raw);
        single_periods(&tidy(&raw))
    }
}

fn collect(pieces: &[Piece], out: &mut Vec<Placeholder>) {
    for piece in pieces {
        match piece {
            Piece::Text(_) => {}
            Piece::Slot { placeholder, .. } => {
                if !out.contains(placeholder) {
                    out.push(*placeholder);
                }
            }
            Piece::Optional(inner) => collect(inner, out),
        }
    }
}

fn render_pieces(pieces: &[Piece], context: &Context, out: &mut String) {
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Slot {
                placeholder,
                fallback,
            } => {
                let value = clean(context.get(*placeholder));
                if !value.is_empty() {
                    out.push_str(&value);
                } else if !fallback.is_empty() {
                    out.push_str(fallback);
                } else {
                    out.push(EMPTY);
                }
            }
            Piece::Optional(inner) => {
                let all_set = inner.iter().all(|p| match p {
                    Piece::Slot { placeholder, .. } => !clean(context.get(*placeholder)).is_empty(),
                    _ => true,
                });
                if all_set {
                    render_pieces(inner, context, out);
                } else {
                    out.push(EMPTY);
                }
            }
        }
    }
}

/// Collapses a doubled full stop, which appears when a value that ends a sentence ("we
/// talked about Rust.") is followed by the template's own "." — but keeps an ellipsis.
fn single_periods(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let doubled = c == '.'
            && i > 0
            && chars[i - 1] == '.'
            && (i < 2 || chars[i - 2] != '.')
            && chars.get(i + 1) != Some(&'.');
        if !doubled {
            out.push(c);
        }
    }
    out
}

/// A value as inserted: trimmed, without the marker character.
fn clean(value: &str) -> String {
    value.replace(EMPTY, "").trim().to_string()
}

/// Tidies the lines where an empty value was inserted and drops those left empty, along
/// with a blank line that would then double another.
fn tidy(raw: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut dropped = false;
    for line in raw.split('\n') {
        let line = if line.contains(EMPTY) {
            let tidied = tidy_line(line);
            if tidied.is_empty() {
                dropped = true;
                continue;
            }
            tidied
        } else {
            line.to_string()
        };
        let blank = line.trim().is_empty();
        if blank && dropped && lines.last().is_some_and(|l| l.trim().is_empty()) {
            continue;
        }
        if !blank {
            dropped = false;
        }
        lines.push(line);
    }
    lines.join("\n")
}

/// Removes the markers, double spaces and spaces before punctuation from one line.
fn tidy_line(line: &str) -> String {
    let mut out = String::new();
    for c in line.chars().filter(|c| *c != EMPTY) {
        let space_before = out.ends_with(' ');
        if c == ' ' && space_before {
            continue;
        }
        if space_before && ",.!?;:)".contains(c) {
            out.pop();
        }
        out.push(c);
    }
    let out = out.trim_end();
    let out = if line.starts_with(EMPTY) {
        out.trim_start()
    } else {
        out
    };
    if out.trim().is_empty() {
        String::new()
    } else {
        out.to_string()
    }
}

/// Splits the source into pieces, or reports the first problem.
fn parse(source: &str) -> Result<Vec<Piece>, TemplateError> {
    let chars: Vec<char> = source.chars().collect();
    let position = |index: usize| {
        let before = &chars[..index];
        let line = before.iter().filter(|c| **c == '\n').count() + 1;
        let column = index - before.iter().rposition(|c| *c == '\n').map_or(0, |i| i + 1) + 1;
        Position { line, column }
    };
    let mut top: Vec<Piece> = Vec::new();
    // The optional part being read: its start and pieces.
    let mut optional: Option<(usize, Vec<Piece>)> = None;
    let mut text = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '{' | '}' | '[' | ']' if next == Some(c) => {
                text.push(c);
                i += 2;
                continue;
            }
            '{' => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|c| matches!(c, '}' | '{' | '\n'))
                    .map(|offset| i + 1 + offset)
                    .filter(|end| chars[*end] == '}')
                    .ok_or(TemplateError::UnclosedBrace { at: position(i) })?;
                let inside: String = chars[i + 1..close].iter().collect();
                let (name, fallback) = match inside.split_once('|') {
                    Some((name, fallback)) => (name, fallback.trim().to_string()),
                    None => (inside.as_str(), String::new()),
                };
                let name = name.trim();
                let placeholder = Placeholder::from_name(name).ok_or_else(|| {
                    TemplateError::UnknownPlaceholder {
                        name: name.to_string(),
                        at: position(i),
                        suggestion: closest(name),
                    }
                })?;
                let pieces = current(&mut optional, &mut top);
                flush(&mut text, pieces);
                pieces.push(Piece::Slot {
                    placeholder,
                    fallback,
                });
                i = close + 1;
                continue;
            }
            '}' => return Err(TemplateError::StrayBrace { at: position(i) }),
            '[' => {
                if optional.is_some() {
                    return Err(TemplateError::NestedBracket { at: position(i) });
                }
                flush(&mut text, &mut top);
                optional = Some((i, Vec::new()));
            }
            ']' => {
                let Some((start, mut inner)) = optional.take() else {
                    return Err(TemplateError::StrayBracket { at: position(i) });
                };
                flush(&mut text, &mut inner);
                if !inner.iter().any(|p| matches!(p, Piece::Slot { .. })) {
                    return Err(TemplateError::OptionalWithoutPlaceholder {
                        at: position(start),
                    });
                }
                top.push(Piece::Optional(inner));
            }
            _ => text.push(c),
        }
        i += 1;
    }
    if let Some((start, _)) = optional {
        return Err(TemplateError::UnclosedBracket {
            at: position(start),
        });
    }
    flush(&mut text, &mut top);
    Ok(top)
}

/// The pieces being added to: the open optional part's, or the top level.
fn current<'a>(
    optional: &'a mut Option<(usize, Vec<Piece>)>,
    top: &'a mut Vec<Piece>,
) -> &'a mut Vec<Piece> {
    match optional {
        Some((_, inner)) => inner,
        None => top,
    }
}

fn flush(text: &mut String, pieces: &mut Vec<Piece>) {
    if !text.is_empty() {
        pieces.push(Piece::Text(std::mem::take(text)));
    }
}

/// The known placeholder closest to a misspelt name: within two edits, or else the one
/// sharing its first word (`resume_link` → `resume_url`).
fn closest(name: &str) -> Option<Placeholder> {
    let name = name.to_lowercase().replace([' ', '-'], "_");
    let near = Placeholder::ALL
        .into_iter()
        .map(|p| (distance(&name, p.name()), p))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, p)| p);
    let first_word = |text: &str| text.split('_').next().unwrap_or("").to_string();
    near.or_else(|| {
        let word = first_word(&name);
        let mut same = Placeholder::ALL
            .into_iter()
            .filter(|p| !word.is_empty() && first_word(p.name()) == word);
        match (same.next(), same.next()) {
            (Some(p), None) => Some(p),
            _ => None,
        }
    })
}

/// Levenshtein distance in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

impl TryFrom<String> for Template {
    type Error = TemplateError;
    fn try_from(source: String) -> Result<Template, TemplateError> {
        Template::parse(&source)
    }
}

impl From<Template> for String {
    fn from(template: Template) -> String {
        template.source
    }
}

#[cfg(test)]
#[path = "template_tests.rs"]
mod tests;
