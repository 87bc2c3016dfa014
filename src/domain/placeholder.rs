//! The values a template can use: the `Placeholder` names and the `Context` that holds
//! their values for one message, built from a contact, an event and the student's profile.
//!
//! Plain data; no IO.

use serde::{Deserialize, Serialize};

use super::contact::Contact;
use super::event::Event;
use super::phrase;
use super::playbook;
use super::profile::Profile;
use super::step::{Step, StepState};

/// A value a template can use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Placeholder {
    FirstName,
    LastName,
    FullName,
    Company,
    Title,
    Event,
    Hook,
    Role,
    MyName,
    School,
    Programme,
    GradYear,
    ResumeUrl,
    MyLinkedIn,
    SignOff,
    /// Who introduced the student to this contact (their full name).
    IntroducedBy,
    /// How the follow-up goes or went: "email" or "LinkedIn message"; empty once skipped.
    FollowUp,
}

impl Placeholder {
    pub const ALL: [Placeholder; 17] = [
        Placeholder::FirstName,
        Placeholder::LastName,
        Placeholder::FullName,
        Placeholder::Company,
        Placeholder::Title,
        Placeholder::Event,
        Placeholder::Hook,
        Placeholder::Role,
        Placeholder::MyName,
        Placeholder::School,
        Placeholder::Programme,
        Placeholder::GradYear,
        Placeholder::ResumeUrl,
        Placeholder::MyLinkedIn,
        Placeholder::SignOff,
        Placeholder::IntroducedBy,
        Placeholder::FollowUp,
    ];

    /// The name written between braces.
    pub fn name(self) -> &'static str {
        match self {
            Placeholder::FirstName => "first_name",
            Placeholder::LastName => "last_name",
            Placeholder::FullName => "full_name",
            Placeholder::Company => "company",
            Placeholder::Title => "title",
            Placeholder::Event => "event",
            Placeholder::Hook => "hook",
            Placeholder::Role => "role",
            Placeholder::MyName => "my_name",
            Placeholder::School => "school",
            Placeholder::Programme => "programme",
            Placeholder::GradYear => "grad_year",
            Placeholder::ResumeUrl => "resume_url",
            Placeholder::MyLinkedIn => "my_linkedin",
            Placeholder::SignOff => "sign_off",
            Placeholder::IntroducedBy => "introduced_by",
            Placeholder::FollowUp => "follow_up",
        }
    }

    /// What it stands for, for a help list next to the template editor.
    pub fn description(self) -> &'static str {
        match self {
            Placeholder::FirstName => "their first name",
            Placeholder::LastName => "their last name",
            Placeholder::FullName => "their full name",
            Placeholder::Company => "their company",
            Placeholder::Title => "their job title",
            Placeholder::Event => "where you met",
            Placeholder::Hook => "what you talked about",
            Placeholder::Role => "the role or team they mentioned",
            Placeholder::MyName => "your name",
            Placeholder::School => "your school",
            Placeholder::Programme => "your programme or major",
            Placeholder::GradYear => "your graduation year",
            Placeholder::ResumeUrl => "the link to your resume",
            Placeholder::MyLinkedIn => "the link to your LinkedIn profile",
            Placeholder::SignOff => "how you sign off, such as \"Best,\"",
            Placeholder::IntroducedBy => "who introduced you to them",
            Placeholder::FollowUp => {
                "how you sent the follow-up: \"email\" or \"LinkedIn message\" (empty if you skipped it)"
            }
        }
    }

    pub fn from_name(name: &str) -> Option<Placeholder> {
        Placeholder::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// The values placeholders are replaced with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    pub first_name: String,
    pub last_name: String,
    pub full_name: String,
    pub company: String,
    pub title: String,
    pub event: String,
    pub hook: String,
    pub role: String,
    pub my_name: String,
    pub school: String,
    pub programme: String,
    pub grad_year: String,
    pub resume_url: String,
    pub my_linkedin: String,
    pub sign_off: String,
    pub introduced_by: String,
    /// How the follow-up goes or went: "email", "LinkedIn message", or empty once
    /// skipped (see `follow_up`).
    pub follow_up: String,
    /// The student was introduced to this contact, also by someone no longer in the book
    /// (then `introduced_by` is empty): their first messages say so and never claim the
    /// two of them met.
    pub introduced: bool,
}

impl Context {
    /// The values for a message to `contact`, met at `event`, from the student `me`. A
    /// contact without a role takes the roles or teams the event's plan prepared for
    /// their company.
    pub fn new(contact: &Contact, event: Option<&Event>, me: &Profile) -> Context {
        let planned = event
            .and_then(|e| e.prep.target_for(&contact.company))
            .map_or("", |t| t.roles.as_str());
        let role = if contact.role.trim().is_empty() {
            planned
        } else {
            &contact.role
        };
        Context {
            first_name: contact.first_name().to_string(),
            last_name: contact.last_name(),
            full_name: contact.name.clone(),
            company: contact.company.clone(),
            title: contact.title.clone(),
            // Phrased to read after "at", "about" and "interested in" (see `phrase`).
            event: event.map(|e| phrase::event(&e.name)).unwrap_or_default(),
            hook: phrase::hook(&contact.hook),
            follow_up: follow_up(contact).to_string(),
            role: phrase::role(role),
            ..Context::from_profile(me)
        }
    }

    /// Only the student's own values; the contact's are empty.
    pub fn from_profile(me: &Profile) -> Context {
        Context {
            my_name: me.name.trim().to_string(),
            school: me.school.trim().to_string(),
            programme: me.programme.trim().to_string(),
            grad_year: me.grad_year.trim().to_string(),
            resume_url: me.resume_url.trim().to_string(),
            my_linkedin: me.linkedin_url.trim().to_string(),
            sign_off: me.sign_off.trim().to_string(),
            ..Context::default()
        }
    }

    /// A made-up contact for the live preview in settings, with the student's profile.
    pub fn sample(me: &Profile) -> Context {
        Context {
            first_name: "Priya".into(),
            last_name: "Shah".into(),
            full_name: "Priya Shah".into(),
            company: "Acme Robotics".into(),
            title: "Software Engineer".into(),
            event: "the Fall Career Fair".into(),
            hook: "how your team tests robot firmware".into(),
            role: "the embedded software internship".into(),
            follow_up: "email".into(),
            ..Context::from_profile(me)
        }
    }

    /// Whether the student was introduced to this contact (see `introduced`).
    pub fn is_introduced(&self) -> bool {
        self.introduced || !self.introduced_by.is_empty()
    }

    pub fn get(&self, placeholder: Placeholder) -> &str {
        match placeholder {
            Placeholder::FirstName => &self.first_name,
            Placeholder::LastName => &self.last_name,
            Placeholder::FullName => &self.full_name,
            Placeholder::Company => &self.company,
            Placeholder::Title => &self.title,
            Placeholder::Event => &self.event,
            Placeholder::Hook => &self.hook,
            Placeholder::Role => &self.role,
            Placeholder::MyName => &self.my_name,
            Placeholder::School => &self.school,
            Placeholder::Programme => &self.programme,
            Placeholder::GradYear => &self.grad_year,
            Placeholder::ResumeUrl => &self.resume_url,
            Placeholder::MyLinkedIn => &self.my_linkedin,
            Placeholder::SignOff => &self.sign_off,
            Placeholder::IntroducedBy => &self.introduced_by,
            Placeholder::FollowUp => &self.follow_up,
        }
    }
}

/// How the contact's follow-up goes, or went, out, in words that read after "a short":
/// "LinkedIn message" when it goes that way (`playbook::goes_by_message`), "email"
/// otherwise, and nothing once it was skipped (nothing went out).
fn follow_up(contact: &Contact) -> &'static str {
    if matches!(contact.steps.email, StepState::Skipped(_)) {
        return "";
    }
    if playbook::goes_by_message(contact, Step::Email) {
        "LinkedIn message"
    } else {
        "email"
    }
}
