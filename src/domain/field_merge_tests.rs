//! The three-way merge, one table per behaviour.

use chrono::NaiveDate;

use super::*;
use crate::domain::contact::{ContactId, Kind};
use crate::domain::email::Email;

fn base() -> NewContact {
    NewContact {
        id: ContactId::new("a"),
        name: "Ana López".into(),
        company: "Acme".into(),
        title: "Engineer".into(),
        notes: "Met at the fair.".into(),
        tags: vec!["rust".into()],
        met_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        updated_at: 1,
        ..NewContact::default()
    }
}

/// `base` with one change applied.
fn with(change: impl Fn(&mut NewContact)) -> NewContact {
    let mut c = base();
    change(&mut c);
    c
}

#[test]
fn each_field_takes_the_side_that_changed_it() {
    fn check(
        what: &str,
        ours: NewContact,
        theirs: NewContact,
        expected: NewContact,
        conflicts: &[ContactField],
    ) {
        let merged = merge_fields(&base(), &ours, &theirs);
        let got: Vec<ContactField> = merged.conflicts.iter().map(|c| c.field).collect();
        assert_eq!(got, conflicts, "{what}");
        assert_eq!(merged.fields, expected, "{what}");
    }
    // The case: notes saved in tab A, a title change from B's older form.
    check(
        "different fields both survive",
        with(|c| c.title = "Staff Engineer".into()),
        with(|c| c.notes = "Sent resume.".into()),
        with(|c| {
            c.title = "Staff Engineer".into();
            c.notes = "Sent resume.".into();
        }),
        &[],
    );
    check("nothing changed", base(), base(), base(), &[]);
    check(
        "only ours changed",
        with(|c| c.company = "Initech".into()),
        base(),
        with(|c| c.company = "Initech".into()),
        &[],
    );
    check(
        "only theirs changed",
        base(),
        with(|c| c.kind = Kind::Recruiter),
        with(|c| c.kind = Kind::Recruiter),
        &[],
    );
    check(
        "both made the same change",
        with(|c| c.tags = vec!["rust".into(), "wasm".into()]),
        with(|c| c.tags = vec!["rust".into(), "wasm".into()]),
        with(|c| c.tags = vec!["rust".into(), "wasm".into()]),
        &[],
    );
    check(
        "both changed the same field differently",
        with(|c| c.notes = "Mine.".into()),
        with(|c| c.notes = "Theirs.".into()),
        with(|c| c.notes = "Mine.".into()),
        &[ContactField::Notes],
    );
    check(
        "a conflict next to merged fields",
        with(|c| {
            c.email = Some(Email::parse("ana@acme.example").unwrap());
            c.name = "Ana María López".into();
        }),
        with(|c| {
            c.name = "Ana L.".into();
            c.really_want = true;
        }),
        with(|c| {
            c.email = Some(Email::parse("ana@acme.example").unwrap());
            c.name = "Ana María López".into();
            c.really_want = true;
        }),
        &[ContactField::Name],
    );
    check(
        "their edit time does not count as a change",
        base(),
        with(|c| c.updated_at = 99),
        base(),
        &[],
    );
}

#[test]
fn conflicts_show_both_values_and_resolve_to_the_pick() {
    let ours = with(|c| {
        c.notes = "Mine.".into();
        c.cadence_days = Some(30);
    });
    let theirs = with(|c| {
        c.notes = String::new();
        c.cadence_days = Some(60);
    });
    let merged = merge_fields(&base(), &ours, &theirs);
    let shown: Vec<(&str, &str, &str)> = merged
        .conflicts
        .iter()
        .map(|c| (c.field.label(), c.ours.as_str(), c.theirs.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Notes", "Mine.", "(empty)"),
            ("Keep in touch every", "30 days", "60 days")
        ]
    );
    let check = |keep_theirs: &[ContactField], notes: &str, cadence: u32| {
        let fields = merged.resolve(keep_theirs);
        assert_eq!(
            (fields.notes.as_str(), fields.cadence_days),
            (notes, Some(cadence)),
            "{keep_theirs:?}"
        );
    };
    check(&[], "Mine.", 30);
    check(&[ContactField::Notes], "", 30);
    check(&[ContactField::Cadence], "Mine.", 60);
    check(&[ContactField::Notes, ContactField::Cadence], "", 60);
    // A field that was not in conflict is never taken from theirs by a pick.
    check(&[ContactField::Name], "Mine.", 30);
}

#[test]
fn every_field_has_its_own_slug() {
    let mut slugs: Vec<&str> = ContactField::ALL.iter().map(|f| f.slug()).collect();
    assert!(slugs.iter().all(|s| !s.is_empty()));
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), ContactField::ALL.len());
}
