//! What a labelled input says to assistive technology: which hint and error it points at.
//! Used by the one text-input component (`components::text_field`).

/// The element ids a field's `aria-describedby` names: its hint when it has one, then its
/// error only while the error is shown (an idref to an absent element is invalid).
/// `None` when there is nothing to name.
pub fn described_by(id: &str, has_hint: bool, showing_error: bool) -> Option<String> {
    match (has_hint, showing_error) {
        (false, false) => None,
        (false, true) => Some(format!("{id}-error")),
        (true, false) => Some(format!("{id}-hint")),
        (true, true) => Some(format!("{id}-hint {id}-error")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_hint_and_the_error_only_when_present() {
        let table = [
            (false, false, None),
            (false, true, Some("email-error")),
            (true, false, Some("email-hint")),
            (true, true, Some("email-hint email-error")),
        ];
        for (hint, error, want) in table {
            assert_eq!(
                described_by("email", hint, error).as_deref(),
                want,
                "hint {hint}, error {error}"
            );
        }
    }
}
