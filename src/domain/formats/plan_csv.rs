//! An event's plan as a spreadsheet: a second CSV next to the contacts' one, so each file
//! keeps one header and one kind of row. Columns (`COLUMNS`): Company, Priority (must,
//! want, maybe), Roles or teams, Question, Note, Visited (yes/no), Met (the people captured
//! there, joined with "; "). Companies in To visit's order. Cells are guarded against
//! formulas as in `csv`; the file pasted back into a plan reads as the same companies
//! (`prep::parse_pasted`). No clock, no IO.

use super::csv::escape_cell;
use crate::domain::prep::PrepAtFair;

/// The header row.
pub const COLUMNS: [&str; 7] = [
    "Company",
    "Priority",
    "Roles or teams",
    "Question",
    "Note",
    "Visited",
    "Met",
];

/// The plan's CSV text, starting with the UTF-8 byte order mark.
pub fn export_plan_csv(at: &PrepAtFair) -> String {
    let mut lines = vec![COLUMNS.join(",")];
    for row in &at.to_visit {
        let t = &row.target;
        let met: Vec<&str> = row.people.iter().map(|(_, n)| n.as_str()).collect();
        let cells = [
            t.name.as_str(),
            &t.priority.label().to_lowercase(),
            &t.roles,
            &t.question,
            &t.note,
            if t.visited { "yes" } else { "no" },
            &met.join("; "),
        ];
        let cells: Vec<String> = cells.iter().map(|c| quoted(&escape_cell(c))).collect();
        lines.push(cells.join(","));
    }
    format!("\u{feff}{}\r\n", lines.join("\r\n"))
}

/// A cell quoted when it holds a comma, a quote or a line break.
fn quoted(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::prep::{parse_pasted, prep_at, Priority};
    use crate::domain::Event;

    #[test]
    fn a_plan_exports_one_row_a_company_and_pastes_back_the_same() {
        let mut event = Event::default();
        event.prep.add(
            parse_pasted(
                "Company,Priority,Roles,Question,Note\n\
                 Stripe,,Payments,\"What's new, lately?\",\n\
                 Figma,must,Infra team,On-call for interns?,Booth 12\n\
                 =cmd,maybe,,,\n",
            )
            .targets,
        );
        let text = export_plan_csv(&prep_at(&event, []));
        assert_eq!(
            text,
            "\u{feff}Company,Priority,Roles or teams,Question,Note,Visited,Met\r\n\
             Figma,must,Infra team,On-call for interns?,Booth 12,no,\r\n\
             Stripe,want,Payments,\"What's new, lately?\",,no,\r\n\
             '=cmd,maybe,,,,no,\r\n"
        );
        let back = parse_pasted(text.trim_start_matches('\u{feff}'));
        let mut again = Event::default();
        again.prep.add(back.targets);
        let names = |e: &Event| -> Vec<(String, Priority, String, String, String)> {
            let mut rows: Vec<_> = e
                .prep
                .targets
                .iter()
                .map(|t| {
                    (
                        t.name.clone(),
                        t.priority,
                        t.roles.clone(),
                        t.question.clone(),
                        t.note.clone(),
                    )
                })
                .collect();
            rows.sort();
            rows
        };
        assert_eq!(names(&again), names(&event));
    }
}
