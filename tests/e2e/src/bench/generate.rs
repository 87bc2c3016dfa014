//! Deterministic books for the benchmark: a fixed-seed PRNG (splitmix64) picks realistic
//! names, companies, titles, hooks of one to three sentences, emails, LinkedIn URLs,
//! interaction logs and step states (pending, done, skipped, snoozed) for N contacts over
//! 40 events spread across the four years before `today`.
//!
//! Every event has a 50-company plan (`prep`) with roles, questions and booth numbers,
//! drawn from a generator of its own so the contacts are the same as before plans existed.
//!
//! The book is built through the domain (`Book::apply(Command)`), exactly as the app would
//! build it one tap at a time, and [`storage_pairs`] turns it into the key/value pairs the
//! storage adapter writes. The same seed, size and `today` always give the same book.

use chrono::{Datelike, Days, NaiveDate};
use followup::domain::prep::{Prep, PrepChange, Priority, Target};
use followup::domain::reminders::Reminders;
use followup::domain::{
    Book, Command, ContactId, Email, Event, EventId, EventKind, InteractionKind, Kind, LinkedIn,
    NewContact, Step,
};

/// The seed of every generated book.
pub const SEED: u64 = 0x5EED_F011_0A0B_2024;

/// How many events every book has.
pub const EVENTS: usize = 40;

/// The splitmix64 generator: tiny, fast, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const FIRST: &[&str] = &[
    "Aisha",
    "Alejandro",
    "Amelia",
    "Ananya",
    "Andrei",
    "Aoife",
    "Arjun",
    "Beatriz",
    "Benjamin",
    "Camille",
    "Carlos",
    "Chen",
    "Chloé",
    "Daniel",
    "Deepika",
    "Diego",
    "Dmitri",
    "Elena",
    "Elif",
    "Emily",
    "Emma",
    "Fatima",
    "Felipe",
    "Freya",
    "Gabriel",
    "Hana",
    "Hannah",
    "Hiroshi",
    "Ibrahim",
    "Ingrid",
    "Isabella",
    "Jakub",
    "James",
    "Javier",
    "Jia",
    "João",
    "Jonas",
    "Julia",
    "Kai",
    "Karim",
    "Kenji",
    "Laila",
    "Lars",
    "Leila",
    "Liam",
    "Lucas",
    "Lucía",
    "Maya",
    "Mateo",
    "Mei",
    "Mohammed",
    "Nadia",
    "Naomi",
    "Nikhil",
    "Noah",
    "Nora",
    "Olivia",
    "Omar",
    "Pablo",
    "Priya",
    "Rafael",
    "Rahul",
    "Renée",
    "Rosa",
    "Sakura",
    "Samuel",
    "Sara",
    "Sebastián",
    "Sofia",
    "Søren",
    "Tariq",
    "Thomas",
    "Tomás",
    "Valentina",
    "Vikram",
    "Wei",
    "Yara",
    "Yusuf",
    "Zanele",
    "Zoë",
];

const LAST: &[&str] = &[
    "Abebe",
    "Adeyemi",
    "Álvarez",
    "Andersen",
    "Bauer",
    "Bernard",
    "Brown",
    "Castillo",
    "Chen",
    "Choi",
    "Costa",
    "Dubois",
    "Dvořák",
    "Eriksson",
    "Fernández",
    "Fischer",
    "García",
    "Gonzalez",
    "Gupta",
    "Haddad",
    "Hansen",
    "Hernández",
    "Hoffmann",
    "Ivanova",
    "Jansen",
    "Johnson",
    "Kaur",
    "Kim",
    "Kowalski",
    "Kumar",
    "Larsen",
    "Lefèvre",
    "Li",
    "López",
    "Martin",
    "Martínez",
    "Meyer",
    "Mitchell",
    "Moreau",
    "Müller",
    "Nakamura",
    "Nguyen",
    "Novak",
    "O'Brien",
    "Okafor",
    "Oliveira",
    "Park",
    "Patel",
    "Petrov",
    "Popescu",
    "Quispe",
    "Rahman",
    "Reddy",
    "Rossi",
    "Sato",
    "Schmidt",
    "Singh",
    "Smith",
    "Souza",
    "Suzuki",
    "Tanaka",
    "Thompson",
    "Torres",
    "Van der Berg",
    "Wagner",
    "Wang",
    "Williams",
    "Wójcik",
    "Yamamoto",
    "Yilmaz",
    "Zhang",
    "Zimmermann",
];

const COMPANIES: &[&str] = &[
    "Stripe",
    "Datadog",
    "Shopify",
    "Cloudflare",
    "Mozilla",
    "Spotify",
    "Figma",
    "Notion",
    "Atlassian",
    "GitLab",
    "Vercel",
    "Fastly",
    "Netlify",
    "Discord",
    "Duolingo",
    "Airbnb",
    "DoorDash",
    "Canva",
    "Klarna",
    "Revolut",
    "Monzo",
    "Wise",
    "Adyen",
    "Booking.com",
    "Zalando",
    "SAP",
    "Siemens",
    "Bosch",
    "Ericsson",
    "Nokia",
    "ARM",
    "Nvidia",
    "AMD",
    "Intel",
    "Qualcomm",
    "Microsoft",
    "Google",
    "Amazon Web Services",
    "Meta",
    "Apple",
    "Oracle",
    "Salesforce",
    "Red Hat",
    "Canonical",
    "JetBrains",
    "Elastic",
    "MongoDB",
    "Confluent",
    "HashiCorp",
    "Grafana Labs",
    "Sentry",
    "PostHog",
    "Supabase",
    "Fly.io",
    "1Password",
    "Proton",
    "Ubisoft",
    "Riot Games",
    "Epic Games",
    "Mojang",
    "Bloomberg",
    "Jane Street",
    "Two Sigma",
    "Citadel",
    "Goldman Sachs",
    "Deutsche Bank",
    "ING",
    "BBVA",
    "Airbus",
    "Boeing",
    "SpaceX",
    "Rivian",
    "Tesla",
    "Volvo Cars",
    "Philips",
    "Medtronic",
    "Roche",
    "Novartis",
    "Deloitte",
    "Accenture",
    "Thoughtworks",
    "the city's transit authority",
    "a seed-stage climate startup",
];

const ENGINEER_TITLES: &[&str] = &[
    "Software Engineer",
    "Senior Software Engineer",
    "Staff Engineer",
    "Backend Engineer",
    "Frontend Engineer",
    "Site Reliability Engineer",
    "Data Engineer",
    "Machine Learning Engineer",
    "Embedded Software Engineer",
    "Security Engineer",
    "Engineering Manager",
    "Mobile Developer",
    "Platform Engineer",
    "Research Engineer",
    "Developer Advocate",
];

const RECRUITER_TITLES: &[&str] = &[
    "University Recruiter",
    "Technical Recruiter",
    "Talent Acquisition Partner",
    "Campus Recruiting Lead",
    "Early Careers Recruiter",
    "Senior Recruiter",
    "Sourcer",
];

const OTHER_TITLES: &[&str] = &[
    "Product Manager",
    "Designer",
    "Data Scientist",
    "Founder",
    "CTO",
    "Alumni mentor",
    "Professor",
    "PhD student",
    "Solutions Architect",
    "Program Manager",
];

const TOPICS: &[&str] = &[
    "their migration from Python to Rust",
    "the on-call rotation and how they keep it humane",
    "building a payments ledger that never loses a cent",
    "their team's move to Kubernetes",
    "WebAssembly at the edge",
    "how interns get a real project in week one",
    "the recommendation model behind the home feed",
    "accessibility audits on their design system",
    "flaky tests and how they quarantine them",
    "the summer internship on the infrastructure team",
    "my capstone project on offline-first sync",
    "their open-source CLI that I had used for a class",
    "compilers, and the course they still recommend",
    "data privacy rules for the European launch",
    "mentoring programs for new graduates",
    "latency budgets in their trading systems",
    "game engine tooling and build times",
    "the robotics club they ran at university",
    "computer vision for quality control on the factory floor",
    "moving from QA into software engineering",
    "their hackathon project that became a product",
    "hiring timelines for new-grad roles next spring",
];

const SECOND: &[&str] = &[
    "They suggested I apply before the end of the month.",
    "She offered to look at my resume if I send it by email.",
    "He mentioned the team is hiring two interns next summer.",
    "We both went to the same high school in Porto, of all places.",
    "They recommended reading the engineering blog post about it.",
    "Ask about the referral program when following up.",
    "Said the interview has a take-home project and a system design round.",
    "Gave me a sticker and a very honest take on the work-life balance.",
    "They prefer LinkedIn messages over email.",
    "Promised to introduce me to the recruiter for the platform team.",
];

const THIRD: &[&str] = &[
    "Follow up with the link to my GitHub.",
    "Mention the distributed systems class.",
    "Remember: they are speaking at the meetup in March.",
    "Don't forget to thank them for the coffee.",
    "Send the write-up of my thesis project.",
];

const ROLES: &[&str] = &[
    "",
    "",
    "Summer internship",
    "New-grad SWE",
    "Payments team",
    "Infrastructure",
    "Data platform",
    "Mobile team",
    "Security internship",
    "ML research internship",
];

const TAGS: &[&str] = &[
    "backend",
    "frontend",
    "ml",
    "dream company",
    "referral",
    "alumni",
    "startup",
    "remote",
    "europe",
    "fintech",
    "games",
    "infra",
    "hardware",
    "follow up in spring",
];

const NOTES: &[&str] = &[
    "",
    "",
    "",
    "Prefers to be called by their nickname.",
    "Works from the Berlin office two days a week. Has a dog named Pixel.",
    "Met again briefly at the closing reception; they remembered my project.",
    "Application portal closes in six weeks. Needs a cover letter.",
];

const INTERACTION_NOTES: &[&str] = &[
    "Replied within a day, very friendly.",
    "Thirty minutes over video; great advice on the interview loop.",
    "Quick call about the open internship.",
    "Ran into them at the meetup downtown.",
    "First-round interview scheduled.",
    "Sent a thank-you note.",
    "",
];

const EVENT_NAMES: &[&str] = &[
    "Fall Career Fair",
    "Spring Career Fair",
    "Engineering Expo",
    "HackTheCampus",
    "Rust Meetup",
    "Women in Tech Summit",
    "Startup Night",
    "Company Tour",
    "Open Source Day",
    "Data Science Conference",
    "Alumni Networking Evening",
    "Game Dev Jam",
];

const PLACES: &[&str] = &[
    "Student Union, Hall B",
    "Engineering Building",
    "Downtown Convention Center",
    "Online",
    "Library Atrium",
    "Innovation Hub",
];

const INTERACTION_KINDS: &[InteractionKind] = &[
    InteractionKind::Replied,
    InteractionKind::CoffeeChat,
    InteractionKind::Call,
    InteractionKind::MetAgain,
    InteractionKind::Interview,
    InteractionKind::Other,
];

/// Milliseconds since the Unix epoch of noon UTC on `date`.
fn noon_ms(date: NaiveDate) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    (date - epoch).num_days() * 86_400_000 + 43_200_000
}

fn days_before(today: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        today - Days::new(days as u64)
    } else {
        today + Days::new((-days) as u64)
    }
}

fn slug(s: &str) -> String {
    let folded = followup::domain::search::fold(s);
    folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The events: 40 over the four years before `today`, the newest two days ago.
fn events(rng: &mut Rng, today: NaiveDate) -> Vec<Event> {
    (0..EVENTS)
        .map(|i| {
            // Evenly spread from ~1,440 days ago to 2 days ago, with a little jitter.
            let back = 2 + ((EVENTS - 1 - i) as i64 * 1440) / (EVENTS as i64 - 1);
            let back = if i + 1 == EVENTS {
                2
            } else {
                back + rng.range(0, 5)
            };
            let name = rng.pick(EVENT_NAMES);
            let date = days_before(today, back);
            Event {
                id: EventId::new(format!("e{i:02}")),
                name: format!("{name} {}", date.year()),
                kind: EventKind::ALL[i % EventKind::ALL.len()],
                date,
                ends: None,
                place: rng.pick(PLACES).to_string(),
                prep: Prep::default(),
            }
        })
        .collect()
}

/// How many companies each event's plan has.
pub const PLANNED: usize = 50;

const QUESTIONS: &[&str] = &[
    "",
    "What does an intern ship in the first month?",
    "How is on-call shared with interns?",
    "Which teams hire new grads this year?",
    "What does the interview loop look like?",
    "How do you review code on the team?",
];

/// An event's plan: [`PLANNED`] companies, a third must-visit, most with a role or team, a
/// question and a booth, the older ones ticked; and a pitch of about 30 seconds.
fn prep(i: usize) -> Vec<PrepChange> {
    let mut rng = Rng::new(SEED ^ 0x9_1A_4E ^ i as u64);
    let event = EventId::new(format!("e{i:02}"));
    let targets = (0..PLANNED)
        .map(|n| Target {
            name: format!("{} {}", rng.pick(COMPANIES), n),
            priority: Priority::ALL[n % 3],
            roles: rng.pick(ROLES).to_string(),
            question: rng.pick(QUESTIONS).to_string(),
            note: format!("Booth {}", rng.range(1, 200)),
            visited: i + 5 < EVENTS && rng.chance(60),
            ..Target::default()
        })
        .collect();
    vec![
        PrepChange::AddTargets {
            event: event.clone(),
            targets,
        },
        PrepChange::SetPitch {
            event,
            pitch: "Hi, I'm a third-year computer science student who builds developer tools. \
                    This summer I shipped a caching layer that cut our build times in half, \
                    and I'm looking for an infrastructure internship where I can keep working \
                    on fast, reliable systems. What is your team working on?"
                .to_string(),
        },
    ]
}

fn hook(rng: &mut Rng) -> String {
    let mut hook = format!("Talked about {}.", rng.pick(TOPICS));
    let sentences = rng.range(1, 3);
    if sentences >= 2 {
        hook.push(' ');
        let second = *rng.pick(SECOND);
        hook.push_str(second);
    }
    if sentences == 3 {
        hook.push(' ');
        let third = *rng.pick(THIRD);
        hook.push_str(third);
    }
    hook
}

/// A book of `contacts` contacts over 40 events, as of `today`.
pub fn book(contacts: usize, today: NaiveDate) -> Book {
    let mut rng = Rng::new(SEED ^ contacts as u64);
    let mut book = Book::default();
    let events = events(&mut rng, today);
    for event in &events {
        book.apply(Command::SaveEvent(event.clone()))
            .expect("a generated event is valid");
    }
    for i in 0..EVENTS {
        for change in prep(i) {
            change.apply(&mut book).expect("a generated plan is valid");
        }
    }
    for i in 0..contacts {
        add_contact(&mut book, &mut rng, &events, i, today);
    }
    // Morning reminders on: every save also writes the service worker's plan, which the
    // bench times (`followup:reminders-start` → `followup:reminders`).
    book.apply(Command::SetReminders(Reminders {
        on: true,
        ..Reminders::default()
    }))
    .expect("reminders from 8:00 are valid");
    book
}

fn add_contact(book: &mut Book, rng: &mut Rng, events: &[Event], i: usize, today: NaiveDate) {
    let id = ContactId::new(format!("c{i:06}"));
    let first = rng.pick(FIRST);
    let last = rng.pick(LAST);
    let name = format!("{first} {last}");
    let company = rng.pick(COMPANIES).to_string();
    let kind = match rng.below(10) {
        0..=4 => Kind::Engineer,
        5..=7 => Kind::Recruiter,
        _ => Kind::Other,
    };
    let title = match kind {
        Kind::Engineer => rng.pick(ENGINEER_TITLES),
        Kind::Recruiter => rng.pick(RECRUITER_TITLES),
        Kind::Other => rng.pick(OTHER_TITLES),
    }
    .to_string();
    // Most people are met at an event; some elsewhere on a day of their own.
    let (event, met_on) = if rng.chance(90) {
        let event = rng.pick(events);
        (Some(event.id.clone()), event.date)
    } else {
        (None, days_before(today, rng.range(0, 1460)))
    };
    let domain = slug(&company).replace('-', "");
    let email = rng.chance(70).then(|| {
        Email::parse(&format!(
            "{}.{}{}@{}.com",
            slug(first),
            slug(last),
            i % 97,
            if domain.is_empty() {
                "example"
            } else {
                &domain
            }
        ))
        .expect("a generated email is valid")
    });
    let linkedin = rng.chance(65).then(|| {
        LinkedIn::parse(&format!(
            "https://www.linkedin.com/in/{}-{}-{:x}",
            slug(first),
            slug(last),
            rng.below(1 << 24)
        ))
        .expect("a generated LinkedIn URL is valid")
    });
    let tags = (0..rng.below(3))
        .map(|_| rng.pick(TAGS).to_string())
        .collect();
    let fields = NewContact {
        id: id.clone(),
        name,
        company,
        title,
        kind,
        email,
        phone: if rng.chance(15) {
            format!("+1 555 {:03} {:04}", rng.below(1000), rng.below(10_000))
        } else {
            String::new()
        },
        linkedin,
        event,
        met_on,
        hook: hook(rng),
        role: rng.pick(ROLES).to_string(),
        really_want: rng.chance(15),
        tags,
        notes: rng.pick(NOTES).to_string(),
        cadence_days: rng.chance(20).then(|| *rng.pick(&[30u32, 60, 90, 180])),
        // None, so that the bench's books stay as they were measured.
        pronouns: String::new(),
        updated_at: noon_ms(met_on),
    };
    let really_want = fields.really_want;
    let cadence = fields.cadence_days.unwrap_or(90) as i64;
    book.apply(Command::AddContact(fields))
        .expect("a generated contact is valid");

    let age = (today - met_on).num_days();
    let fresh = age <= 14;
    let mut steps = vec![Step::Connect, Step::Email];
    if really_want {
        steps.push(Step::BonusMessage);
    }
    if kind == Kind::Engineer {
        steps.push(Step::Referral);
    }
    // (done %, skipped %, snoozed %); the rest stays pending.
    for step in steps {
        let (done, skipped, snoozed) = match (fresh, step) {
            (true, Step::Connect) => (60, 5, 5),
            (true, _) => (20, 5, 5),
            (false, Step::Connect) => (80, 15, 1),
            (false, Step::Email) => (75, 20, 2),
            (false, Step::BonusMessage) => (60, 30, 3),
            (false, _) => (50, 44, 2),
        };
        let roll = rng.below(100);
        let step_day = days_before(met_on, -rng.range(0, 3)).min(today);
        let at = noon_ms(step_day);
        let command = if roll < done {
            Command::MarkDone {
                contact: id.clone(),
                step,
                on: step_day,
                at,
            }
        } else if roll < done + skipped {
            Command::Skip {
                contact: id.clone(),
                step,
                on: step_day,
                at,
            }
        } else if roll < done + skipped + snoozed {
            Command::Snooze {
                contact: id.clone(),
                step,
                until: days_before(today, -rng.range(1, 10)),
                at,
            }
        } else {
            continue;
        };
        book.apply(command)
            .expect("a generated step change is valid");
    }

    // A log of replies, chats and interviews for about half of the older contacts.
    if !fresh && rng.chance(50) {
        for _ in 0..rng.range(1, 3) {
            let on = days_before(today, rng.range(1, age.max(2)));
            book.apply(Command::LogInteraction {
                contact: id.clone(),
                on,
                kind: *rng.pick(INTERACTION_KINDS),
                note: rng.pick(INTERACTION_NOTES).to_string(),
                at: noon_ms(on),
            })
            .expect("a generated interaction is valid");
        }
    }

    // Keep in touch, once the first steps are behind: mostly done lately or stopped.
    if !fresh {
        let roll = rng.below(100);
        let command = if roll < 45 {
            let on = days_before(today, rng.range(0, cadence - 1).min(age));
            Command::MarkDone {
                contact: id.clone(),
                step: Step::KeepInTouch,
                on,
                at: noon_ms(on),
            }
        } else if roll < 90 {
            let on = days_before(today, rng.range(0, age));
            Command::Skip {
                contact: id.clone(),
                step: Step::KeepInTouch,
                on,
                at: noon_ms(on),
            }
        } else if roll < 95 {
            Command::Snooze {
                contact: id.clone(),
                step: Step::KeepInTouch,
                until: days_before(today, -rng.range(1, 30)),
                at: noon_ms(today),
            }
        } else {
            return;
        };
        book.apply(command)
            .expect("a generated keep-in-touch change is valid");
    }
}

/// Every key and value the storage adapter writes for `book`: what the bench puts into
/// localStorage before the app loads.
pub fn storage_pairs(book: &Book) -> Vec<(String, String)> {
    followup::domain::snapshot::encode_keys(book)
}

/// Queries typed in the search box: names, companies, topics, tags, and a few misses.
pub fn queries(count: usize) -> Vec<String> {
    let mut rng = Rng::new(SEED ^ 0x5EA4C4);
    let misses = ["zzqx", "xylophone", "kubernetis", "qwerty"];
    (0..count)
        .map(|i| {
            let q = match i % 6 {
                0 => rng.pick(FIRST).to_string(),
                1 => rng.pick(LAST).to_string(),
                2 => rng.pick(COMPANIES).to_string(),
                3 => {
                    let topic = rng.pick(TOPICS);
                    let words: Vec<&str> = topic.split(' ').filter(|w| w.len() > 4).collect();
                    words.first().copied().unwrap_or(topic).to_string()
                }
                4 => rng.pick(TAGS).to_string(),
                _ => rng.pick(&misses).to_string(),
            };
            q.chars().take(10).collect::<String>().to_lowercase()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use followup::domain::snapshot::decode_keys;
    use followup::domain::StepState;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()
    }

    #[test]
    fn the_same_seed_gives_the_same_book() {
        assert_eq!(book(300, today()), book(300, today()));
        assert_ne!(
            storage_pairs(&book(300, today())),
            storage_pairs(&book(301, today()))
        );
    }

    #[test]
    fn books_have_every_step_state_and_forty_events() {
        let b = book(2000, today());
        assert_eq!(b.contact_count(), 2000);
        assert_eq!(b.events().count(), EVENTS);
        let states: Vec<StepState> = b
            .contacts()
            .flat_map(|c| Step::ALL.map(|s| c.steps.get(s)))
            .collect();
        assert!(states.iter().any(|s| matches!(s, StepState::Pending)));
        assert!(states.iter().any(|s| matches!(s, StepState::Done(_))));
        assert!(states.iter().any(|s| matches!(s, StepState::Skipped(_))));
        assert!(states.iter().any(|s| matches!(s, StepState::Snoozed(_))));
        let oldest = b.contacts().map(|c| c.met_on).min().unwrap();
        assert!((today() - oldest).num_days() > 3 * 365, "{oldest}");
        assert!(b.contacts().any(|c| !c.interactions.is_empty()));
    }

    /// The compact-storage target: 5,000 contacts and 40 events, each with a 50-company
    /// plan, take at most 2.5 MB, counted as the browser counts (UTF-16 units × 2).
    #[test]
    fn five_thousand_contacts_and_forty_planned_events_fit_in_two_and_a_half_megabytes() {
        use followup::domain::snapshot::{stored_bytes, META_KEY};
        let b = book(5000, today());
        assert!(b.events().all(|e| e.prep.targets.len() == PLANNED));
        let pairs = storage_pairs(&b);
        let total: usize = pairs.iter().map(|(k, v)| stored_bytes(k, v)).sum();
        let meta: usize = pairs
            .iter()
            .filter(|(k, _)| k == META_KEY)
            .map(|(k, v)| stored_bytes(k, v))
            .sum();
        println!("5,000 contacts: {total} bytes, of which the meta key {meta}");
        assert!(total <= 2_500_000, "{total} bytes");
    }

    #[test]
    fn the_stored_pairs_decode_to_the_same_book() {
        let b = book(200, today());
        let pairs = storage_pairs(&b);
        assert_eq!(
            pairs.len(),
            129,
            "64 shards, their digests and the meta key"
        );
        let stored = decode_keys(pairs).unwrap().expect("something stored");
        assert_eq!(stored.book, b);
    }

    /// The agenda drawn from the digests at start is the book's, on every day of a
    /// realistic book's life (every step state, meetings, outcomes, snoozes, years of
    /// contacts): what the app draws before the book is read never differs from after.
    #[test]
    fn the_digests_draw_the_books_agenda() {
        use followup::domain::snapshot::glance;
        use followup::view::agenda::{agenda_screen, glance_screen};
        let b = book(1500, today());
        let g = glance(storage_pairs(&b)).expect("a fresh save has matching digests");
        assert_eq!(g.count, 1500);
        let mut rows = 0;
        for offset in (-400..120).step_by(3) {
            let day = today() + chrono::Duration::days(offset);
            let expected = agenda_screen(&b, day);
            rows += expected.overdue.len() + expected.today.len() + expected.upcoming.len();
            assert_eq!(glance_screen(&g, day), expected, "on {day}");
            assert_eq!(g.backup_reminder(day), b.backup_reminder(day), "on {day}");
        }
        assert!(rows > 1000, "{rows} rows compared");
    }

    #[test]
    fn queries_are_short_and_varied() {
        let q = queries(50);
        assert_eq!(q.len(), 50);
        assert!(q.iter().all(|s| !s.is_empty() && s.chars().count() <= 10));
        let distinct: std::collections::HashSet<_> = q.iter().collect();
        assert!(distinct.len() > 20);
    }
}
