//! Which fairs pay off: of the people met (at one event, or anywhere), how many the
//! student connected with, emailed, heard back from, met again, got a referral from, had
//! an interview through, and got an offer through.
//!
//! Each stage counts the people who reached it, as a number and as a percentage of the
//! people met. A later stage does not require an earlier one (a recruiter can invite you
//! to an interview without a coffee chat), except that anything that needs an answer
//! (a meeting, a referral, an interview, an offer, a "not now") counts as a reply. An
//! interview or an offer with someone a contact introduced the student to counts for the
//! contact who made the introduction as well: the engineer met at the fair led to it.
//!
//! So the stages are not a funnel: a later one can count more people than an earlier one
//! (10 met, 4 emailed, 8 replied is an ordinary book: replies come to connection notes,
//! and recruiters write first). We chose to keep every count true and say so, rather than
//! force each stage into a subset of the one before. Counting only the people who reached
//! every earlier stage would hide real results (an offer through a recruiter never met
//! for coffee would not count, and "which events pay off" is the question); counting
//! anyone who got further as having passed a stage would report things that never
//! happened ("2 referrals" when one of them is the recruiter who interviewed you, and
//! "8 emailed" when the student emailed 4, hiding the one number they can act on). The
//! screens show the stages under "What you did" and "What came of it", each a count of
//! its own among the people met, with a note saying a row can be larger than the one
//! above it (`view::insights::funnel_sections`, `FUNNEL_NOTE`).
//!
//! Pure: a function of the book; never reads the clock.

use super::book::Book;
use super::contact::Contact;
use super::event::EventId;
use super::interaction::InteractionKind;
use super::outcome::introduced_to;
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
            Stage::Met => "Everyone you added.",
            Stage::Connected => "You connected on LinkedIn.",
            Stage::Emailed => "You sent the follow-up email or message.",
            Stage::Replied => "They wrote back, or anything below happened.",
            Stage::Meeting => "A coffee chat, a call or a meeting.",
            Stage::Referral => "They introduced you to someone.",
            Stage::Interview => "An interview, with them or someone they introduced.",
            Stage::Offer => "An offer, through them or someone they introduced.",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The stages one contact has reached. An interview or an offer logged on someone they
/// introduced the student to counts for them too: that is where the fair paid off.
pub fn reached(book: &Book, contact: &Contact) -> [bool; 8] {
    use InteractionKind::*;
    let logged = |c: &Contact, kinds: &[InteractionKind]| {
        c.interactions.iter().any(|i| kinds.contains(&i.kind))
    };
    let introduced: Vec<&Contact> = introduced_to(contact)
        .into_iter()
        .filter_map(|id| book.contact(id))
        .collect();
    let through = |kinds: &[InteractionKind]| {
        logged(contact, kinds) || introduced.iter().any(|c| logged(c, kinds))
    };
    let meeting = logged(contact, &[CoffeeChat, Call, MetAgain, Meeting]);
    let referral = logged(contact, &[Introduced]);
    let interview = through(&[Interview]);
    let offer = through(&[Offer]);
    let replied = logged(contact, &[Replied, NotNow]) || meeting || referral || interview || offer;
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
    /// The funnel of the given contacts of `book`.
    pub fn of<'a>(book: &Book, contacts: impl IntoIterator<Item = &'a Contact>) -> Funnel {
        let mut funnel = Funnel::default();
        for contact in contacts {
            for (count, hit) in funnel.counts.iter_mut().zip(reached(book, contact)) {
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
        book,
        book.contacts_unordered()
            .filter(|c| c.event.as_ref() == Some(event)),
    )
}

/// The event's row "planned companies reached": companies of its plan with someone
/// captured there, of all planned (`prep`); `None` for an event without a plan.
pub fn planned_reached(book: &Book, event: &EventId) -> Option<(usize, usize)> {
    super::prep::book_prep_at(book, event)
        .map(|at| at.reached())
        .filter(|(_, planned)| *planned > 0)
}

/// The funnel of everyone in the book, met at an event or not.
pub fn overall_funnel(book: &Book) -> Funnel {
    Funnel::of(book, book.contacts_unordered())
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
