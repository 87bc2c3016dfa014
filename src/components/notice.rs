//! The app's one toast: what an action on a step did, with Undo while it can be taken
//! back. Provided once by `App`; the agenda and the contact page report through it, so
//! both say the same thing and undo the same way.

use crate::state::use_app;
use crate::view::steps::{undone_text, UndoStep};
use leptos::leptos_dom::helpers::set_timeout;
use leptos::prelude::*;
use std::time::Duration;

/// A short message after an action.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    /// The steps Undo puts back as they were.
    pub undo: Vec<UndoStep>,
    pub error: bool,
}

impl Notice {
    pub fn done(text: String, undo: Vec<UndoStep>) -> Notice {
        Notice {
            text,
            undo,
            error: false,
        }
    }

    pub fn error(text: String) -> Notice {
        Notice {
            text,
            undo: Vec::new(),
            error: true,
        }
    }
}

/// The toast's state, shared through context.
#[derive(Clone, Copy)]
pub struct Notices {
    current: RwSignal<Option<Notice>>,
    shown: StoredValue<u32>,
}

impl Notices {
    pub fn provide() {
        provide_context(Notices {
            current: RwSignal::new(None),
            shown: StoredValue::new(0),
        });
    }

    /// Shows `notice`; a success fades after eight seconds, an error stays until closed.
    pub fn show(self, notice: Notice) {
        let error = notice.error;
        self.current.set(Some(notice));
        self.shown.update_value(|n| *n += 1);
        let this = self.shown.get_value();
        if !error {
            let (current, shown) = (self.current, self.shown);
            set_timeout(
                move || {
                    if shown.try_get_value() == Some(this) {
                        current.try_set(None);
                    }
                },
                Duration::from_secs(8),
            );
        }
    }

    /// Shows what went wrong when an action the student took failed (`result` is an
    /// error); nothing when it worked. For actions whose page has no error line of its own.
    pub fn report<E: std::fmt::Display>(self, result: Result<(), E>) {
        if let Err(e) = result {
            self.show(Notice::error(e.to_string()));
        }
    }

    pub fn clear(self) {
        self.current.set(None);
    }
}

pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}

/// The toast, drawn once above the tab bar.
#[component]
pub fn Toast() -> impl IntoView {
    let notices = use_notices();
    let state = use_app();
    // A notice belongs to the screen it was shown on: moving to another one closes it.
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            notices.clear();
        }
        path
    });
    let undo = move |steps: Vec<UndoStep>| {
        let now = state.now();
        for step in &steps {
            if let Err(e) = state.apply(step.command(now.at)) {
                notices.show(Notice::error(e.to_string()));
                return;
            }
        }
        let text = undone_text(&steps);
        notices.show(Notice::done(text, Vec::new()));
    };
    move || {
        notices.current.get().map(|n| {
            let steps = n.undo.clone();
            view! {
                <aside class="toast-region" aria-label="Notifications">
                    <div class="toast" class:toast-error=n.error role=if n.error { "alert" } else { "status" }>
                        <p>{n.text}</p>
                        {(!steps.is_empty()).then(|| view! {
                            <button type="button" class="toast-action" on:click=move |_| undo(steps.clone())>"Undo"</button>
                        })}
                        <button type="button" class="toast-close" aria-label="Dismiss"
                            on:click=move |_| notices.clear()>"×"</button>
                    </div>
                </aside>
            }
        })
    }
}
