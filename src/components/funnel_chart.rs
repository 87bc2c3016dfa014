//! The funnel as a small bar chart: one row per stage with its count, its share of the
//! people met and a bar drawn in inline SVG (no chart library), in the sections of
//! `view::insights::funnel_sections` (the people met, "What you did", "What came of it"):
//! each row is a count of its own, not a narrowing stage (the pages show `FUNNEL_NOTE`,
//! which says so, next to it).
//! It is a real table, so a screen reader reads "Replied, 3, 50 %" row by row, each
//! section's heading first; the bars are decoration and hidden from it. Used on each event
//! (folded) and on the funnel summary.

use crate::domain::funnel::Funnel;
use crate::view::insights::funnel_sections;
use leptos::prelude::*;

/// The chart of `funnel`, captioned `caption` (read by screen readers).
#[component]
pub fn FunnelChart(funnel: Funnel, caption: String) -> impl IntoView {
    let sections = funnel_sections(&funnel);
    view! {
        <table class="funnel">
            <caption class="visually-hidden">{caption}</caption>
            <thead class="visually-hidden">
                <tr>
                    <th scope="col">"Row"</th>
                    <th scope="col">"People"</th>
                    <th scope="col">"Percent of the people met"</th>
                </tr>
            </thead>
            {sections.into_iter().map(|section| view! {
                <tbody>
                    {section.heading.map(|heading| view! {
                        <tr class="funnel-group"><th scope="rowgroup" colspan="3">{heading}</th></tr>
                    })}
                    {section.rows.into_iter().map(|row| view! {
                        <tr data-stage=row.label>
                            <th scope="row">{row.label}</th>
                            <td class="funnel-n">{row.count}</td>
                            <td class="funnel-pct">
                                <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                    <rect class="funnel-track" width="100" height="10"/>
                                    <rect class="funnel-fill" width=row.percent.to_string() height="10"/>
                                </svg>
                                <span>{format!("{}%", row.percent)}</span>
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            }).collect_view()}
        </table>
    }
}
