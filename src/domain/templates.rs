//! The student's message templates, one per playbook message, with warm and concise
//! defaults that follow the seed: reference the chat, express interest, share the resume
//! and LinkedIn, and ask for a short follow-up.
//!
//! `Templates::draft` fills the templates for one step. The first messages to someone the
//! student was introduced to (the connection note, the follow-up by email or as a LinkedIn
//! message) are the introduction's own: they name who introduced them and never claim the
//! two of them met. Pure; no IO.

use serde::{Deserialize, Serialize};

use super::placeholder::Context;
use super::step::Step;
use super::template::Template;

/// Which template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TemplateKind {
    /// The custom note sent with a LinkedIn connection request (200 or 300 characters).
    ConnectNote,
    EmailSubject,
    EmailBody,
    /// The bonus LinkedIn message for a job you really want.
    BonusMessage,
    ReferralSubject,
    ReferralBody,
    KeepInTouch,
    /// What to prepare before a booked meeting (a checklist, not sent).
    Prep,
    ThankYouSubject,
    /// The thank-you the day after a meeting.
    ThankYou,
    /// The gentle check-in on a referral ask with no answer after a week.
    Nudge,
    IntroSubject,
    /// The first email to someone you were introduced to; names who introduced you.
    IntroBody,
    /// The connection note to someone you were introduced to; names who introduced you.
    IntroNote,
}

impl TemplateKind {
    pub const ALL: [TemplateKind; 14] = [
        TemplateKind::ConnectNote,
        TemplateKind::EmailSubject,
        TemplateKind::EmailBody,
        TemplateKind::BonusMessage,
        TemplateKind::ReferralSubject,
        TemplateKind::ReferralBody,
        TemplateKind::KeepInTouch,
        TemplateKind::Prep,
        TemplateKind::ThankYouSubject,
        TemplateKind::ThankYou,
        TemplateKind::Nudge,
        TemplateKind::IntroSubject,
        TemplateKind::IntroBody,
        TemplateKind::IntroNote,
    ];

    /// A label for the settings page.
    pub fn label(self) -> &'static str {
        match self {
            TemplateKind::ConnectNote => "LinkedIn connection note",
            TemplateKind::EmailSubject => "Follow-up email subject",
            TemplateKind::EmailBody => "Follow-up email",
            TemplateKind::BonusMessage => "Bonus LinkedIn message",
            TemplateKind::ReferralSubject => "Referral request subject",
            TemplateKind::ReferralBody => "Referral request",
            TemplateKind::KeepInTouch => "Keep-in-touch note",
            TemplateKind::Prep => "Meeting prep checklist",
            TemplateKind::ThankYouSubject => "Thank-you subject",
            TemplateKind::ThankYou => "Thank-you after a meeting",
            TemplateKind::Nudge => "Check-in on a referral ask",
            TemplateKind::IntroSubject => "Introduction email subject",
            TemplateKind::IntroBody => "Email after an introduction",
            TemplateKind::IntroNote => "LinkedIn note after an introduction",
        }
    }

    /// The default text.
    pub fn default_text(self) -> &'static str {
        match self {
            TemplateKind::ConnectNote => CONNECT_NOTE,
            TemplateKind::EmailSubject => EMAIL_SUBJECT,
            TemplateKind::EmailBody => EMAIL_BODY,
            TemplateKind::BonusMessage => BONUS_MESSAGE,
            TemplateKind::ReferralSubject => REFERRAL_SUBJECT,
            TemplateKind::ReferralBody => REFERRAL_BODY,
            TemplateKind::KeepInTouch => KEEP_IN_TOUCH,
            TemplateKind::Prep => PREP,
            TemplateKind::ThankYouSubject => THANK_YOU_SUBJECT,
            TemplateKind::ThankYou => THANK_YOU,
            TemplateKind::Nudge => NUDGE,
            TemplateKind::IntroSubject => INTRO_SUBJECT,
            TemplateKind::IntroBody => INTRO_BODY,
            TemplateKind::IntroNote => INTRO_NOTE,
        }
    }

    pub fn default_template(self) -> Template {
        Template::parse(self.default_text()).expect("default templates are valid")
    }
}

const CONNECT_NOTE: &str = "Hi {first_name}, great meeting you[ at {event}]![ I enjoyed our chat \
about {hook}.] I'd love to stay in touch. {my_name}";

const EMAIL_SUBJECT: &str = "Great to meet you[ at {event}] – {my_name}";

const EMAIL_BODY: &str = "Hi {first_name},

Thank you for taking the time to talk with me[ at {event}]![ I really enjoyed our conversation \
about {hook}.]

As a quick reminder, I'm {my_name}[, studying {programme}][ at {school}][ and graduating in \
{grad_year}]. I'm very interested in {role|internship opportunities}[ at {company}], and I'd love \
to learn more about the work your team does.

[My resume: {resume_url}]
[My LinkedIn: {my_linkedin}]

Would you have 15 minutes for a short call in the next couple of weeks? I'm happy to work \
around your schedule.

{sign_off|Best,}
{my_name}";

const BONUS_MESSAGE: &str = "Hi {first_name}, I hope your week is going well![ I sent you a \
short {follow_up} after we met.] I wanted to say again how much I enjoyed our chat[ at {event}]\
[ about {hook}]. I'm really excited about {role|the opportunities}[ at {company}] and would love \
to stay in touch. Thank you! {my_name}";

/// The bonus message's default until the follow-up's channel had a placeholder (issue
/// 25): it said "a short email" whatever the channel. Books store the bonus message
/// whether or not it was edited, so a stored copy of this text reads as the default now.
const BONUS_MESSAGE_BEFORE_FOLLOW_UP: &str = "Hi {first_name}, I hope your week is going well! \
I sent you a short email after we met[ at {event}], and wanted to say again how much I enjoyed \
our chat[ about {hook}]. I'm really excited about {role|the opportunities}[ at {company}] and \
would love to stay in touch. Thank you! {my_name}";

/// A stored bonus message, with the former default read as today's.
fn bonus_message<'de, D: serde::Deserializer<'de>>(reader: D) -> Result<Template, D::Error> {
    let stored = Template::deserialize(reader)?;
    Ok(if stored.source() == BONUS_MESSAGE_BEFORE_FOLLOW_UP {
        TemplateKind::BonusMessage.default_template()
    } else {
        stored
    })
}

const REFERRAL_SUBJECT: &str = "A quick question about {role|internships}[ at {company}]";

const REFERRAL_BODY: &str = "Hi {first_name},

I hope you're doing well! Thanks again for chatting with me[ at {event}][ about {hook}]; it made \
me even more excited about {company|your company}.

I'm planning to apply for {role|an internship}[ at {company}]. Would you be open to connecting \
me with a recruiter on your side, or pointing me to the right person? I'm happy to send a short \
blurb about myself that you could forward, to make it as easy as possible.

[My resume: {resume_url}]
[My LinkedIn: {my_linkedin}]

Thank you so much for your help!

{sign_off|Best,}
{my_name}";

const KEEP_IN_TOUCH: &str = "Hi {first_name},

I hope you've been well since we met[ at {event}]! I wanted to share a quick update: (a line or \
two about a project, class or internship you're proud of).

I'm still very interested in {role|opportunities}[ at {company}], and I'd love to hear how \
things are going on your side.

{sign_off|Best,}
{my_name}";

const PREP: &str = "Before meeting {first_name}[ ({title})][ at {company}]:
- Reread your notes[ about {hook}].
- Look up {company|their company}'s recent news and {role|the role}.
- Prepare two questions about their work and one about how to apply.
- Have your resume ready to share[: {resume_url}].";

const THANK_YOU_SUBJECT: &str = "Thank you for your time – {my_name}";

const THANK_YOU: &str = "Hi {first_name},

Thank you so much for meeting with me! I really appreciated your advice[ about {role}], and it \
made me even more excited about {company|your team}.

I'll follow up on what we discussed, and I'd be glad to stay in touch.

{sign_off|Best,}
{my_name}";

const NUDGE: &str = "Hi {first_name}, I hope your week is going well! I wanted to gently \
follow up on my note about {role|internships}[ at {company}]. No worries at all if now isn't a \
good time; any pointer to the right person would mean a lot. Thank you! {my_name}";

const INTRO_SUBJECT: &str =
    "{introduced_by|A colleague of yours} suggested I reach out[ – {my_name}]";

const INTRO_BODY: &str = "Hi {first_name},

{introduced_by|A colleague of yours} kindly suggested I reach out to you. I'm {my_name}[, \
studying {programme}][ at {school}][ and graduating in {grad_year}], and I'm very interested in \
{role|internship opportunities}[ at {company}].

[My resume: {resume_url}]
[My LinkedIn: {my_linkedin}]

Would you have 15 minutes for a short call in the next couple of weeks? I'm happy to work \
around your schedule.

{sign_off|Best,}
{my_name}";

const INTRO_NOTE: &str = "Hi {first_name}, {introduced_by|a colleague of yours} suggested I \
reach out. I'm {my_name}[, a student at {school}], very interested in {role|opportunities}\
[ at {company}]. I'd love to connect!";

/// The student's templates. Missing fields in stored data fall back to the defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Templates {
    pub connect_note: Template,
    pub email_subject: Template,
    pub email_body: Template,
    #[serde(deserialize_with = "bonus_message")]
    pub bonus_message: Template,
    pub referral_subject: Template,
    pub referral_body: Template,
    pub keep_in_touch: Template,
    // The templates added with outcomes (issue 11) are stored only once changed, so a
    // book saved before them is written back unchanged.
    #[serde(skip_serializing_if = "default_prep")]
    pub prep: Template,
    #[serde(skip_serializing_if = "default_thank_you_subject")]
    pub thank_you_subject: Template,
    #[serde(skip_serializing_if = "default_thank_you")]
    pub thank_you: Template,
    #[serde(skip_serializing_if = "default_nudge")]
    pub nudge: Template,
    #[serde(skip_serializing_if = "default_intro_subject")]
    pub intro_subject: Template,
    #[serde(skip_serializing_if = "default_intro_body")]
    pub intro_body: Template,
    #[serde(skip_serializing_if = "default_intro_note")]
    pub intro_note: Template,
}

fn default_prep(t: &Template) -> bool {
    *t == TemplateKind::Prep.default_template()
}
fn default_thank_you_subject(t: &Template) -> bool {
    *t == TemplateKind::ThankYouSubject.default_template()
}
fn default_thank_you(t: &Template) -> bool {
    *t == TemplateKind::ThankYou.default_template()
}
fn default_nudge(t: &Template) -> bool {
    *t == TemplateKind::Nudge.default_template()
}
fn default_intro_subject(t: &Template) -> bool {
    *t == TemplateKind::IntroSubject.default_template()
}
fn default_intro_body(t: &Template) -> bool {
    *t == TemplateKind::IntroBody.default_template()
}
fn default_intro_note(t: &Template) -> bool {
    *t == TemplateKind::IntroNote.default_template()
}

impl Default for Templates {
    fn default() -> Templates {
        Templates {
            connect_note: TemplateKind::ConnectNote.default_template(),
            email_subject: TemplateKind::EmailSubject.default_template(),
            email_body: TemplateKind::EmailBody.default_template(),
            bonus_message: TemplateKind::BonusMessage.default_template(),
            referral_subject: TemplateKind::ReferralSubject.default_template(),
            referral_body: TemplateKind::ReferralBody.default_template(),
            keep_in_touch: TemplateKind::KeepInTouch.default_template(),
            prep: TemplateKind::Prep.default_template(),
            thank_you_subject: TemplateKind::ThankYouSubject.default_template(),
            thank_you: TemplateKind::ThankYou.default_template(),
            nudge: TemplateKind::Nudge.default_template(),
            intro_subject: TemplateKind::IntroSubject.default_template(),
            intro_body: TemplateKind::IntroBody.default_template(),
            intro_note: TemplateKind::IntroNote.default_template(),
        }
    }
}

/// A filled message, ready to edit and send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// For messages that can go by email.
    pub subject: Option<String>,
    pub body: String,
}

impl Templates {
    pub fn get(&self, kind: TemplateKind) -> &Template {
        match kind {
            TemplateKind::ConnectNote => &self.connect_note,
            TemplateKind::EmailSubject => &self.email_subject,
            TemplateKind::EmailBody => &self.email_body,
            TemplateKind::BonusMessage => &self.bonus_message,
            TemplateKind::ReferralSubject => &self.referral_subject,
            TemplateKind::ReferralBody => &self.referral_body,
            TemplateKind::KeepInTouch => &self.keep_in_touch,
            TemplateKind::Prep => &self.prep,
            TemplateKind::ThankYouSubject => &self.thank_you_subject,
            TemplateKind::ThankYou => &self.thank_you,
            TemplateKind::Nudge => &self.nudge,
            TemplateKind::IntroSubject => &self.intro_subject,
            TemplateKind::IntroBody => &self.intro_body,
            TemplateKind::IntroNote => &self.intro_note,
        }
    }

    pub fn set(&mut self, kind: TemplateKind, template: Template) {
        let slot = match kind {
            TemplateKind::ConnectNote => &mut self.connect_note,
            TemplateKind::EmailSubject => &mut self.email_subject,
            TemplateKind::EmailBody => &mut self.email_body,
            TemplateKind::BonusMessage => &mut self.bonus_message,
            TemplateKind::ReferralSubject => &mut self.referral_subject,
            TemplateKind::ReferralBody => &mut self.referral_body,
            TemplateKind::KeepInTouch => &mut self.keep_in_touch,
            TemplateKind::Prep => &mut self.prep,
            TemplateKind::ThankYouSubject => &mut self.thank_you_subject,
            TemplateKind::ThankYou => &mut self.thank_you,
            TemplateKind::Nudge => &mut self.nudge,
            TemplateKind::IntroSubject => &mut self.intro_subject,
            TemplateKind::IntroBody => &mut self.intro_body,
            TemplateKind::IntroNote => &mut self.intro_note,
        };
        *slot = template;
    }

    /// The message for a step, filled from `context`. The connection note, the bonus
    /// message and the keep-in-touch note have no subject: they usually go via LinkedIn.
    /// To someone the student was introduced to, the connection note and the follow-up
    /// (an email, or the same text as a LinkedIn message) are the introduction's, which
    /// name who introduced them.
    pub fn draft(&self, step: Step, context: &Context) -> Draft {
        let introduced = context.is_introduced();
        let (subject, body) = match step {
            Step::Connect if introduced => (None, TemplateKind::IntroNote),
            Step::Connect => (None, TemplateKind::ConnectNote),
            Step::Email if introduced => {
                (Some(TemplateKind::IntroSubject), TemplateKind::IntroBody)
            }
            Step::Email => (Some(TemplateKind::EmailSubject), TemplateKind::EmailBody),
            Step::BonusMessage => (None, TemplateKind::BonusMessage),
            Step::Referral => (
                Some(TemplateKind::ReferralSubject),
                TemplateKind::ReferralBody,
            ),
            Step::KeepInTouch => (None, TemplateKind::KeepInTouch),
            Step::Prep => (None, TemplateKind::Prep),
            Step::ThankYou => (Some(TemplateKind::ThankYouSubject), TemplateKind::ThankYou),
            Step::Nudge => (None, TemplateKind::Nudge),
        };
        Draft {
            subject: subject.map(|kind| self.get(kind).render(context)),
            body: self.get(body).render(context),
        }
    }
}

#[cfg(test)]
#[path = "templates_tests.rs"]
mod tests;
