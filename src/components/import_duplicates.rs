//! The possible duplicates of an import preview, each with Open them, Add anyway and
//! Merge. "Add anyway" moves the person to the new contacts; "Merge" does the same and,
//! once the import is applied, links to the merge screen for the pair, where the student
//! chooses field by field (and can undo). Nothing changes before the student taps Import.
//! Like the other preview lists, at most `LISTED` rows are drawn, with a count of the rest.

use crate::domain::ContactId;
use crate::routes::Screen;
use leptos::prelude::*;
use leptos_router::components::A;

pub use crate::view::data::DuplicateRow;

/// A pair to merge after the import: the contact in the book and the imported one.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingMerge {
    pub existing: ContactId,
    pub incoming: ContactId,
    pub name: String,
}

#[component]
pub fn ImportDuplicates(
    rows: Vec<DuplicateRow>,
    /// All the possible duplicates; `rows` may be the first few.
    count: usize,
    add_anyway: Callback<usize>,
    merge: Callback<usize>,
) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        let more = count.saturating_sub(rows.len());
        view! {
            <details class="data-list data-duplicates" open=count <= 8>
                <summary>{format!("Possible duplicates ({count})")}</summary>
                <p class="data-hint">"Not imported unless you choose:"</p>
                <ul>
                    {rows.into_iter().enumerate().map(|(i, row)| view! {
                        <li class="duplicate-row">
                            <p>{format!("{} — {} as {}", row.incoming, row.reason, row.existing_name)}</p>
                            <div class="duplicate-actions">
                                <A href=Screen::Contact(row.existing.clone()).href() attr:class="button small duplicate-open">"Open them"</A>
                                <button type="button" class="button small duplicate-merge" on:click=move |_| merge.run(i)>"Merge"</button>
                                <button type="button" class="button small duplicate-add" on:click=move |_| add_anyway.run(i)>"Add anyway"</button>
                            </div>
                        </li>
                    }).collect_view()}
                    {(more > 0).then(|| view! { <li class="data-hint">{format!("… and {more} more")}</li> })}
                </ul>
            </details>
        }
    })
}

/// After the import: a link to the merge screen for each pair the student chose to merge.
#[component]
pub fn MergeNext(pending: Vec<PendingMerge>) -> impl IntoView {
    (!pending.is_empty()).then(|| {
        view! {
            <div class="data-merge-next">
                <p>"Now choose what to keep for the people you chose to merge:"</p>
                <ul>
                    {pending.into_iter().map(|m| view! {
                        <li><A href=Screen::Merge(m.existing.clone(), m.incoming.clone()).href() attr:class="button small data-merge-link">
                            {format!("Merge {}", m.name)}
                        </A></li>
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}
