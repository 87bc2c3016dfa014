//! The domain core of Followup: contacts, events, the follow-up playbook, the agenda,
//! message templates and the one persisted snapshot.
//!
//! Everything here is pure Rust that compiles and is tested natively. It never touches a
//! browser API, never reads the clock and never makes random numbers: `today`, timestamps
//! (`at`, milliseconds since the Unix epoch) and new ids are always arguments, supplied by
//! the shell (`state.rs`, `storage.rs`).
//!
//! Code map:
//! - `contact`: `Contact`, `NewContact`, `ContactId`, `Kind`.
//! - `contact_field`: `ContactField`, the one list of a contact's typed fields that forms,
//!   CSV, vCard and both merges walk.
//! - `email`, `linkedin`, `cadence`: the validated `Email`, `LinkedIn` and `Cadence`
//!   newtypes (`profile` holds the validated `WebLink`).
//! - `dates`: dates as people read them ("tomorrow", "Mon 30 Nov"), without chrono's formatter.
//! - `event`: `Event`, `EventId`, `EventKind`.
//! - `interaction`: the log of touch points on a contact.
//! - `outcome`: what came of a follow-up (`Outcome`) and the referral state it adds up to.
//! - `step`: the playbook's steps, their stored state and computed status.
//! - `playbook`: due windows, `plan(contact, cadence, today)`.
//! - `agenda`: `agenda(book, today)` and `event_summary`.
//! - `profile`, `placeholder`, `template`, `templates`: the student's profile, the values
//!   a message can use, the template syntax and the default templates.
//! - `phrase`: event names, roles and hooks worded for the drafts ("at the Fall Career
//!   Fair", "the Software Engineer Intern role").
//! - `note`: LinkedIn note length; `mailto`: `mailto:` and LinkedIn search links;
//!   `percent`: the percent-encoding both share.
//! - `search`: accent-insensitive matching for the contacts list.
//! - `badge`: the number on the app icon; `reminders`: the morning notification of each
//!   of the next 60 days, worded for the service worker.
//! - `resume`: the student's resume PDF, checked (a PDF, at most 2 MB) and described.
//! - `card`: what the student's own QR code holds; `my_page`: the link to the static My
//!   page and the reply it sends back into capture.
//! - `payload`: scanned QR codes and shared links (LinkedIn, vCard, MECARD) as capture fields.
//! - `settings`, `command`, `book`: the reducer `Book::apply(Command)`; `import`: an
//!   accepted import as one command, checked like typing, all or nothing.
//! - `field_merge`: the three-way merge of a contact's fields, so a form saves only what
//!   it changed and another tab's edits to other fields survive.
//! - `funnel`: which fairs pay off: met → connected → emailed → replied → meeting →
//!   referral → interview → offer, per event and overall.
//! - `picture`: the agenda's markup kept for the next start's shell, and the book's
//!   revision that says whether it is still true.
//! - `kept`: copies of unreadable stored data, one per distinct content.
//! - `companies`: contacts grouped by company (case, accents and legal forms ignored).
//! - `prep`: an event's plan: companies to visit, questions, the pitch; matched to captures.
//! - `duplicates`: which contacts may be the same person; `merge`: two contacts made one.
//! - `snapshot`: the stored layout (a meta key + 64 packed shards of contacts), its versions and
//!   migrations, and the merge of another tab's changes.
//! - `formats`: JSON backup, CSV, vCard, iCalendar and LinkedIn `Connections.csv`;
//!   imports parse to a preview and change nothing until applied.

pub mod agenda;
pub mod badge;
pub mod book;
pub mod cadence;
pub mod card;
pub mod command;
pub mod companies;
pub mod contact;
pub mod contact_field;
pub mod dates;
pub mod duplicates;
pub mod email;
pub mod event;
pub mod field_merge;
pub mod formats;
pub mod funnel;
pub mod import;
pub mod interaction;
pub mod kept;
pub mod linkedin;
pub mod mailto;
pub mod merge;
pub mod my_page;
pub mod note;
pub mod outcome;
pub mod payload;
pub(crate) mod percent;
pub mod phrase;
pub mod picture;
pub mod placeholder;
pub mod playbook;
pub mod prep;
pub mod profile;
pub mod reminders;
pub mod resume;
pub mod search;
pub mod settings;
pub mod snapshot;
pub mod step;
pub mod template;
pub mod templates;

pub use agenda::{agenda, event_summaries, event_summary, Agenda, AgendaEntry, EventSummary};
pub use book::{BackupReminder, Book, BookError};
pub use cadence::{Cadence, CadenceError};
pub use command::Command;
pub use contact::{Contact, ContactId, Kind, NewContact};
pub use contact_field::ContactField;
pub use email::{Email, EmailError};
pub use event::{Event, EventId, EventKind};
pub use interaction::{Interaction, InteractionKind};
pub use linkedin::{people_search_url, profile_or_search, LinkedIn, LinkedInError};
pub use mailto::{mailto, Mailto};
pub use note::NoteLength;
pub use outcome::{Outcome, Referral, ReferralState};
pub use placeholder::{Context, Placeholder};
pub use playbook::{plan, Hint, StepView};
pub use profile::{Profile, WebLink};
pub use settings::Settings;
pub use snapshot::{decode, encode, SnapshotError};
pub use step::{Status, Step, StepState, StepStates, Window};
pub use template::{Template, TemplateError};
pub use templates::{Draft, TemplateKind, Templates};
