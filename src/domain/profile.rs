//! The student's own details, used to fill `{my_name}`, `{school}` and the other
//! placeholders about the sender.
//!
//! Plain data; no IO.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub name: String,
    pub school: String,
    /// Programme or major, such as "Computer Science".
    pub programme: String,
    /// Graduation year as typed, such as "2027".
    pub grad_year: String,
    pub resume_url: String,
    pub linkedin_url: String,
    /// How emails end, such as "Best," or "Thanks again,".
    pub sign_off: String,
}
