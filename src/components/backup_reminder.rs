//! A gentle reminder on the agenda: there are contacts, and no backup for two weeks.
//! "Back up now" downloads the JSON backup right there; "Later" hides the reminder until
//! the app is opened again.

use crate::deferred;
use crate::domain::formats::{file_name, ExportKind};
use crate::domain::{BackupReminder as Reminder, Command};
use crate::download;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_app();
    let dismissed = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let reminder = Memo::new(move |_| {
        let today = state.today.get();
        let early = state.with_glance(|g| g.backup_reminder(today));
        early.unwrap_or_else(|| state.book.with(|b| b.backup_reminder(today)))
    });
    let back_up_with = move |deferred: deferred::Deferred| {
        state.finish_loading();
        let today = state.now().today;
        let name = file_name(ExportKind::Backup, today);
        let text = state.book.with_untracked(deferred.export_backup);
        match download::download(&name, ExportKind::Backup.mime_type(), &text) {
            Ok(()) => {
                let recorded = state.apply(Command::RecordBackup(today));
                error.set(recorded.err().map(|e| e.to_string()));
            }
            Err(e) => error.set(Some(format!("Couldn't save {name}: {e}."))),
        }
    };
    let back_up = move |_| match deferred::get() {
        Some(deferred) => back_up_with(deferred),
        // Contacts added on a first visit whose save could not fetch the deferred module yet.
        None => leptos::task::spawn_local(async move {
            match deferred::load().await {
                Ok(deferred) => back_up_with(deferred),
                Err(e) => error.set(Some(format!("Couldn't make the backup: {e}."))),
            }
        }),
    };
    move || {
        if dismissed.get() {
            return None;
        }
        let text = match reminder.get()? {
            Reminder::Never => "Your contacts live only in this browser. Save a backup file so a lost phone or a cleared browser can't take them.".to_string(),
            Reminder::DaysAgo(days) => format!("Your last backup was {days} days ago. Save a fresh one to keep everything you've added since."),
        };
        Some(view! {
            <aside id="backup-reminder" class="card backup-reminder" aria-label="Backup reminder">
                <p>{text}</p>
                <div class="backup-reminder-actions">
                    <button type="button" id="backup-now" class="button small" on:click=back_up>"Back up now"</button>
                    <button type="button" class="button small secondary" on:click=move |_| dismissed.set(true)>"Later"</button>
                </div>
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </aside>
        })
    }
}
