//! Phone numbers and email addresses inside a profile's own words ("call 0300 123 4567",
//! "email complaints@landlord.org.uk"), found so that a page can make each a link: on a phone,
//! one tap calls or writes. A small scanner, not a regular expression engine, for the wasm's
//! size; it looks for UK numbers only, as the profiles are UK landlords'.

/// A part of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    Words(&'a str),
    /// A phone number as written, and the number to dial (`tel:` takes digits and `+`).
    Phone { text: &'a str, dial: String },
    Email(&'a str),
}

/// `text` in parts: its words, and the phone numbers and email addresses in it, in order.
/// The parts' texts, joined, are `text` again.
pub fn parts(text: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let (mut words_from, mut at) = (0, 0);
    while at < text.len() {
        let found = starts_a_word(text, at)
            .then(|| phone_at(text, at).or_else(|| email_at(text, at)))
            .flatten();
        match found {
            Some((end, part)) => {
                if words_from < at {
                    parts.push(Part::Words(&text[words_from..at]));
                }
                parts.push(part);
                (words_from, at) = (end, end);
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if words_from < text.len() {
        parts.push(Part::Words(&text[words_from..]));
    }
    parts
}

/// Whether a number or address could start at `at`: not inside a word or number.
fn starts_a_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|before| !before.is_alphanumeric() && !matches!(before, '.' | '@' | '+' | '-' | '_'))
}

/// A UK phone number starting at `at`: 0 and 9 or 10 more digits, or +44 and 9 or 10, in
/// groups split by single spaces; or 999, 101 or 111 on their own.
fn phone_at(text: &str, at: usize) -> Option<(usize, Part<'_>)> {
    let rest = &text[at..];
    if !rest.starts_with(|c: char| c.is_ascii_digit() || c == '+') {
        return None;
    }
    let (international, body) = match rest.strip_prefix("+44") {
        Some(body) => (true, body.strip_prefix(' ').unwrap_or(body)),
        None => (false, rest),
    };
    let mut digits = String::new();
    let mut end = rest.len() - body.len();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '0'..='9' => {
                digits.push(c);
                end = rest.len() - body.len() + i + 1;
            }
            // One space between groups, followed by a digit.
            ' ' if chars.peek().is_some_and(|(_, next)| next.is_ascii_digit()) => {}
            _ => break,
        }
    }
    let after = rest[end..].chars().next();
    if after.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let dial = match (international, digits.len()) {
        (false, 10 | 11) if digits.starts_with('0') => digits.clone(),
        (true, 9 | 10) if !digits.starts_with('0') => format!("+44{digits}"),
        (false, 3) if ["999", "101", "111"].contains(&digits.as_str()) => digits.clone(),
        _ => return None,
    };
    Some((at + end, Part::Phone { text: &text[at..at + end], dial }))
}

/// An email address starting at `at`: a name, `@`, and a domain with a dot in it.
fn email_at(text: &str, at: usize) -> Option<(usize, Part<'_>)> {
    let rest = &text[at..];
    let name = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || "._%+-".contains(c)))
        .unwrap_or(rest.len());
    if name == 0 || !rest[name..].starts_with('@') {
        return None;
    }
    let domain = &rest[name + 1..];
    let mut length = domain
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        .unwrap_or(domain.len());
    // A full stop after the address ends the sentence.
    while domain[..length].ends_with('.') {
        length -= 1;
    }
    let host = &domain[..length];
    if !host.contains('.') || host.starts_with('.') || host.contains("..") {
        return None;
    }
    let end = name + 1 + length;
    Some((at + end, Part::Email(&rest[..end])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone<'a>(text: &'a str, dial: &str) -> Part<'a> {
        Part::Phone { text, dial: dial.into() }
    }

    #[test]
    fn finds_numbers_and_addresses_in_a_landlords_words() {
        assert_eq!(
            parts("Call 0300 123 4567 or email complaints@greatwell.org.uk."),
            [
                Part::Words("Call "),
                phone("0300 123 4567", "03001234567"),
                Part::Words(" or email "),
                Part::Email("complaints@greatwell.org.uk"),
                Part::Words("."),
            ]
        );
        assert_eq!(
            parts("If anyone is in danger, call 999. Non-emergencies: 101."),
            [
                Part::Words("If anyone is in danger, call "),
                phone("999", "999"),
                Part::Words(". Non-emergencies: "),
                phone("101", "101"),
                Part::Words("."),
            ]
        );
        assert_eq!(parts("(+44 115 915 5555)")[1], phone("+44 115 915 5555", "+441159155555"));
        assert_eq!(parts("01223 443 344")[0], phone("01223 443 344", "01223443344"));
    }

    #[test]
    fn leaves_other_numbers_and_words_alone() {
        for text in [
            "Within 10 working days, or 20 if it is complex.",
            "Reference 2024-01-15, job 55821, flat 12345678901234.",
            "In 1999 and 2024.",
            "Version 0300.1",
            "an @ sign, a@b, name@localhost and x@.uk",
            "ab0300 123 4567",
            "",
        ] {
            assert_eq!(parts(text), if text.is_empty() { vec![] } else { vec![Part::Words(text)] }, "{text}");
        }
    }

    proptest::proptest! {
        /// Whatever the text, its parts join to it again, and each link is what it says.
        #[test]
        fn parts_join_to_the_text(text in "[a-z0-9 .@+()\u{e9}\u{1f344}-]{0,60}") {
            let parts = parts(&text);
            let joined: String = parts.iter().map(|part| match part {
                Part::Words(words) | Part::Email(words) => *words,
                Part::Phone { text, .. } => *text,
            }).collect();
            proptest::prop_assert_eq!(joined, text.clone());
            for part in &parts {
                if let Part::Phone { dial, .. } = part {
                    proptest::prop_assert!(dial.chars().all(|c| c.is_ascii_digit() || c == '+'));
                }
                if let Part::Email(address) = part {
                    proptest::prop_assert!(address.contains('@') && !address.ends_with('.'));
                }
            }
        }
    }
}
