//! Search over contacts: text folded to lowercase without accents, and "every word of the
//! query appears somewhere" matching, so "jose stripe" finds "José Ortega, Stripe".
//!
//! Pure string functions; the contacts page folds each contact's text once per change of
//! the book and folds only the query per keystroke.

/// Lowercases and removes accents, so "José" matches "jose" and "ÉCOLE" matches "ecole".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue; // A combining accent, as in a decomposed "é".
        }
        match base_letters(c) {
            Some(base) => out.push_str(base),
            None => out.push(c),
        }
    }
    out
}

fn base_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ť' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

/// Whether every word of the query appears in `haystack`, which must already be folded.
pub fn matches(haystack: &str, query: &str) -> bool {
    Query::new(query).matches(haystack)
}

/// A query folded once, to match against many haystacks (one per keystroke, not one per
/// contact per keystroke).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        Query {
            words: fold(text).split_whitespace().map(str::to_string).collect(),
        }
    }

    /// An empty query matches everything.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word appears in `haystack` (already folded).
    pub fn matches(&self, haystack: &str) -> bool {
        self.words
            .iter()
            .all(|word| haystack.contains(word.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lowercases_and_strips_accents() {
        let check = |input: &str, expected: &str| assert_eq!(fold(input), expected, "{input:?}");
        check("José", "jose");
        check("ÉCOLE", "ecole");
        check("Müller", "muller");
        check("Straße", "strasse");
        check("Łódź", "lodz");
        check("Cafe\u{301}", "cafe"); // a decomposed é
        check("Zoë 🌱", "zoe 🌱");
        check("", "");
    }

    #[test]
    fn every_query_word_must_appear_in_any_order() {
        let haystack = fold("José Ortega Stripe payments retries in Rust");
        let check = |query: &str, expected: bool| {
            assert_eq!(matches(&haystack, query), expected, "{query:?}")
        };
        check("jose", true);
        check("JOSÉ", true);
        check("stripe jose", true);
        check("rust retr", true);
        check("  ", true);
        check("", true);
        check("jose google", false);
        check("golang", false);
    }
}
