//! Inline SVG icons (no icon font, no extra request). Decorative: hidden from screen readers.

use leptos::prelude::*;

/// The icons the app draws.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Icon {
    Agenda,
    Contacts,
    Add,
    Settings,
    Events,
    Back,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::Agenda => "M8 2v3M16 2v3M3.5 9h17M5 4h14a2 2 0 0 1 2 2v13a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM8 14l2.5 2.5L16 12",
            Icon::Contacts => "M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM22 21v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8",
            Icon::Add => "M12 5v14M5 12h14",
            Icon::Settings => "M4 21v-7M4 10V3M12 21v-9M12 8V3M20 21v-5M20 12V3M1 14h6M9 8h6M17 16h6",
            Icon::Events => "M3 21h18M5 21V8l7-5 7 5v13M9 21v-6h6v6",
            Icon::Back => "M15 18l-6-6 6-6",
        }
    }
}

#[component]
pub fn Svg(icon: Icon) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=icon.path()/>
        </svg>
    }
}
