//! My card's words: the id of each kind's segment, the caption under the code and what My
//! page's link left out.
//!
//! Plain Rust: the card page turns these into markup; nothing here draws the code.

use crate::domain::card::CardKind;

/// The `id` of the segment that picks `kind`.
pub fn segment_id(kind: CardKind) -> &'static str {
    match kind {
        CardKind::LinkedIn => "card-linkedin",
        CardKind::VCard => "card-vcard",
        CardKind::MyPage => "card-my-page",
    }
}

/// What the code under the caption holds: the LinkedIn link itself, or what a contact
/// card or My page gives the person who scans it.
pub fn caption(kind: CardKind, text: &str) -> String {
    match kind {
        CardKind::LinkedIn => text.to_string(),
        CardKind::VCard => "Contact card: name, email, LinkedIn and resume link".to_string(),
        CardKind::MyPage => {
            "My page: your details, Save contact, and a form to send you theirs".to_string()
        }
    }
}

/// Under My page's code, when its link had to leave fields out to stay easy to scan.
pub fn left_out_note(names: &[&str]) -> Option<String> {
    (!names.is_empty()).then(|| {
        format!(
            "Left out so that the code scans at arm's length: your {}.",
            names.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_own_segment_and_caption() {
        let check = |kind: CardKind, id: &str, text: &str, caption_starts: &str| {
            assert_eq!(segment_id(kind), id);
            assert!(caption(kind, text).starts_with(caption_starts), "{kind:?}");
        };
        let link = "https://www.linkedin.com/in/alex-kim/";
        check(CardKind::LinkedIn, "card-linkedin", link, link);
        check(
            CardKind::VCard,
            "card-vcard",
            "BEGIN:VCARD",
            "Contact card:",
        );
        check(
            CardKind::MyPage,
            "card-my-page",
            "https://x/me.html#n=A",
            "My page:",
        );
        assert_eq!(left_out_note(&[]), None);
        assert_eq!(
            left_out_note(&["programme and year", "school"]).as_deref(),
            Some(
                "Left out so that the code scans at arm's length: your programme and year, school."
            )
        );
        let ids: std::collections::HashSet<_> = CardKind::ALL.map(segment_id).into();
        assert_eq!(ids.len(), CardKind::ALL.len());
    }
}
