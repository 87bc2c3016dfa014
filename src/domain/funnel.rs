//! Which fairs pay off: of the people met (at one event, or anywhere), how many the
//! student connected with, emailed, heard back from, met again, got a referral from, had
//! an interview through, and got an offer through.
//!
//! Each stage counts the people who reached it, as a number and as a percentage of the
//! people met. A later stage does not require an earlier one (a recruiter can invite you
//! to an interview without a coffee chat), except that anything that needs an answer
//! (a meeting, a referral, an interview, an offer) counts as a reply.
//!
//! Pure: a function of the book; never reads the clock.

use super::book::Book;
use super::contact::Contact;
use super::event::EventId;
use super::interaction::InteractionKind;
use super::step::StepState;

/// A stage of the funnel, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Met,
    Connected,
    Emailed,
    Replied,
    Meeting,
    Referral,
    Interview,
    Offer,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::Met,
        Stage::Connected,
        Stage::Emailed,
        Stage::Replied,
        Stage::Meeting,
        Stage::Referral,
        Stage::Interview,
        Stage::Offer,
    ];

    /// The stage's name in a chart or a table: "Met", "Replied".
    pub fn label(self) -> &'static str {
        match self {
            Stage::Met => "Met",
            Stage::Connected => "Connected",
            Stage::Emailed => "Emailed",
            Stage::Replied => "Replied",
            Stage::Meeting => "Meeting",
            Stage::Referral => "Referral",
            Stage::Interview => "Interview",
            Stage::Offer => "Offer",
        }
    }

    /// What the stage counts, for the people reading the table.
    pub fn explain(self) -> &'static str {
        match self {
            Stage::Met => "people you met",
            Stage::Connected => "connected on LinkedIn",
            Stage::Emailed => "sent the follow-up",
            Stage::Replied => "wrote back",
            Stage::Meeting => "a coffee chat, call or meeting",
            Stage::Referral => "introduced you to someone",
            Stage::Interview => "an interview came from them",
            Stage::Offer => "an offer came from them",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The stages one contact has reached.
pub fn reached(contact: &Contact) -> [bool; 8] {
    let logged =
        |kinds: &[InteractionKind]| contact.interactions.iter().any(|i| kinds.contains(&i.kind));
    let meeting = logged(&[
        InteractionKind::CoffeeChat,
        InteractionKind::Call,
        InteractionKind::MetAgain,
    ]);
    let referral = false;
    let interview = logged(&[InteractionKind::Interview]);
    let offer = false;
    let replied = logged(&[InteractionKind::Replied]) || meeting || referral || interview || offer;
    [
        true,
        matches!(contact.steps.connect, StepState::Done(_)),
        matches!(contact.steps.email, StepState::Done(_)),
        replied,
        meeting,
        referral,
        interview,
        offer,
    ]
}

/// How many people reached each stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Funnel {
    counts: [usize; 8],
}

impl Funnel {
    /// The funnel of the given contacts.
    pub fn of<'a>(contacts: impl IntoIterator<Item = &'a Contact>) -> Funnel {
        let mut funnel = Funnel::default();
        for contact in contacts {
            for (count, hit) in funnel.counts.iter_mut().zip(reached(contact)) {
                *count += usize::from(hit);
            }
        }
        funnel
    }

    pub fn count(&self, stage: Stage) -> usize {
        self.counts[stage.index()]
    }

    /// The people met.
    pub fn met(&self) -> usize {
        self.count(Stage::Met)
    }

    /// The stage's count as a whole percentage of the people met, rounded half up
    /// (0 when nobody was met).
    pub fn percent(&self, stage: Stage) -> usize {
        let met = self.met();
        if met == 0 {
            return 0;
        }
        (self.count(stage) * 200 + met) / (met * 2)
    }

    /// Nobody met.
    pub fn is_empty(&self) -> bool {
        self.met() == 0
    }
}

/// The funnel of the people met at `event`.
pub fn event_funnel(book: &Book, event: &EventId) -> Funnel {
    Funnel::of(
        book.contacts_unordered()
            .filter(|c| c.event.as_ref() == Some(event)),
    )
}

/// The funnel of everyone in the book, met at an event or not.
pub fn overall_funnel(book: &Book) -> Funnel {
    Funnel::of(book.contacts_unordered())
}

/// One event's funnel, for the summary.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EventFunnel {
    pub event: EventId,
    pub name: String,
    pub funnel: Funnel,
}

/// Every event's funnel, in `Book::events` order (most recent first).
pub fn event_funnels(book: &Book) -> Vec<EventFunnel> {
    book.events()
        .map(|e| EventFunnel {
            event: e.id.clone(),
            name: e.name.clone(),
            funnel: event_funnel(book, &e.id),
        })
        .collect()
}

#[cfg(test)]
#[path = "funnel_tests.rs"]
mod tests;
