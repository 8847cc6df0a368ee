//! What each page needs before the resident can go on, with messages in the GOV.UK style
//! ("Enter ...", "Select ..."), and checks of UK phone numbers, email addresses and postcodes.

use chrono::NaiveDate;

use super::draft::{Who, ContactMethod, DateProblem, Draft, SHORT_TEXT_MAX};
use super::words::Words;
use super::pages::{FieldId, PageId};
use super::policy::Policy;
use super::translations::{validation as v, Language};

/// A problem with one answer, on the field to link to and to mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: FieldId,
    pub message: String,
}

pub(super) fn error(field: FieldId, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// The problems with a page's answers; empty when the resident can go on. Each page's checks
/// are in its declaration (`pages.rs`); the checks they share are here.
pub fn validate(
    page: PageId,
    policy: &Policy,
    draft: &Draft,
    today: NaiveDate,
    language: Language,
) -> Vec<FieldError> {
    page.page().check(policy, draft, today, language)
}

pub(super) fn date_message(problem: DateProblem, missing: Words, language: Language) -> &'static str {
    match problem {
        DateProblem::Missing => missing(language),
        DateProblem::Incomplete => v::date_incomplete(language),
        DateProblem::NotADate => v::date_not_real(language),
        DateProblem::InTheFuture => v::date_future(language),
    }
}

pub(super) fn contact_errors(draft: &Draft, language: Language) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if draft.name.trim().is_empty() {
        let message = if draft.complainant == Some(Who::SomeoneElse) {
            v::resident_name(language)
        } else {
            v::your_name(language)
        };
        errors.push(error(FieldId::Name, message));
    }
    errors.extend(text_limit(FieldId::Name, &draft.name, SHORT_TEXT_MAX, language));
    match draft.contact_method {
        None => errors.push(error(FieldId::ContactMethod, v::contact_method(language))),
        Some(ContactMethod::Email) if draft.email.trim().is_empty() => {
            errors.push(error(FieldId::Email, v::email(language)))
        }
        Some(ContactMethod::Phone) if draft.phone.trim().is_empty() => {
            errors.push(error(FieldId::Phone, v::phone(language)))
        }
        Some(ContactMethod::Post) if draft.postal_address.trim().is_empty() => {
            errors.push(error(FieldId::PostalAddress, v::postal_address(language)))
        }
        Some(ContactMethod::Post) if draft.postcode.trim().is_empty() => {
            errors.push(error(FieldId::Postcode, v::postcode(language)))
        }
        _ => {}
    }
    errors.extend(optional_email(FieldId::Email, &draft.email, language));
    errors.extend(optional_phone(FieldId::Phone, &draft.phone, language));
    errors.extend(text_limit(
        FieldId::PostalAddress,
        &draft.postal_address,
        SHORT_TEXT_MAX,
        language,
    ));
    if !draft.postcode.trim().is_empty() && normalise_postcode(&draft.postcode).is_none() {
        errors.push(error(FieldId::Postcode, v::postcode_format(language)));
    }
    // One error per field: the first found is the one to fix first.
    let mut seen = Vec::new();
    errors.retain(|e| {
        let first = !seen.contains(&e.field);
        seen.push(e.field);
        first
    });
    errors
}

pub(super) fn text_limit(
    field: FieldId,
    text: &str,
    max: usize,
    language: Language,
) -> Option<FieldError> {
    let length = text.chars().count();
    (length > max).then(|| {
        error(
            field,
            v::too_long(
                language,
                &max.to_string(),
                &length.to_string(),
                &(length - max).to_string(),
            ),
        )
    })
}

pub(super) fn optional_email(field: FieldId, email: &str, language: Language) -> Option<FieldError> {
    let email = email.trim();
    (!email.is_empty() && !is_email(email)).then(|| error(field, v::email_format(language)))
}

pub(super) fn optional_phone(field: FieldId, phone: &str, language: Language) -> Option<FieldError> {
    let phone = phone.trim();
    (!phone.is_empty() && !is_uk_phone(phone)).then(|| error(field, v::phone_format(language)))
}

/// A plausible email address: something, an @, a domain with a dot, no spaces.
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && email.len() <= 254
        && !email.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A UK phone number as people write it: 10 or 11 digits starting 0 (spaces, brackets and
/// dashes allowed), or the same after +44 or 0044 without the 0.
pub fn is_uk_phone(phone: &str) -> bool {
    if !phone
        .chars()
        .all(|c| c.is_ascii_digit() || " ()-+".contains(c))
    {
        return false;
    }
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let national = if phone.trim_start().starts_with('+') {
        match digits.strip_prefix("44") {
            Some(rest) => format!("0{}", rest.trim_start_matches('0')),
            None => return false,
        }
    } else if let Some(rest) = digits.strip_prefix("0044") {
        format!("0{}", rest.trim_start_matches('0'))
    } else {
        digits
    };
    national.starts_with('0') && !national.starts_with("00") && (10..=11).contains(&national.len())
}

/// A UK postcode in its standard form ("SW1A 1AA"), or `None` if it is not one.
pub fn normalise_postcode(postcode: &str) -> Option<String> {
    let compact: String = postcode
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    // Outward code: a letter or two, a digit, then an optional digit or letter.
    let b = outward.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let rest = &b[letters..];
    let outward_ok = (1..=2).contains(&letters)
        && !rest.is_empty()
        && rest[0].is_ascii_digit()
        && rest.len() <= 2
        && rest.iter().all(|c| c.is_ascii_alphanumeric());
    (inward_ok && outward_ok).then(|| format!("{outward} {inward}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::draft::DateInput;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn fields(page: PageId, draft: &Draft) -> Vec<&'static str> {
        validate(
            page,
            &Policy::default_policy(),
            draft,
            today(),
            Language::English,
        )
        .into_iter()
        .map(|e| e.field.id())
        .collect()
    }

    #[test]
    fn required_answers_are_asked_for() {
        let draft = Draft::new("hos-code-2024");
        assert_eq!(fields(PageId::Safety, &draft), ["danger"]);
        assert_eq!(fields(PageId::When, &draft), ["issue-date-day", "ongoing"]);
        assert_eq!(fields(PageId::Matter, &draft), ["matter"]);
        assert_eq!(fields(PageId::Decision, &draft), ["decision"]);
        assert_eq!(
            fields(PageId::Representative, &draft),
            [
                "rep-name",
                "rep-relationship",
                "rep-consent",
                "rep-replies-to"
            ]
        );
        assert_eq!(fields(PageId::Check, &draft), ["declaration"]);
        assert!(fields(PageId::DoneSoFar, &draft).is_empty(), "optional");
    }

    #[test]
    fn a_review_never_needs_reasons_even_where_the_landlord_asks() {
        // The Code, 6.12: residents must not be required to explain why they want stage 2.
        // Greatwell, Nottingham and Town and Country ask for reasons; none may block.
        let draft = Draft {
            review_reference: "GH-123".into(),
            review_response_date: DateInput {
                day: "2".into(),
                month: "11".into(),
                year: "2026".into(),
            },
            ..Draft::new("x")
        };
        for id in ["greatwell", "nottingham", "town-and-country"] {
            let policy = Policy::builtin(id).unwrap();
            assert!(policy.stages.stage2.as_ref().unwrap().reasons_required, "{id}");
            let errors = validate(PageId::Review, &policy, &draft, today(), Language::English);
            assert!(!errors.iter().any(|e| e.field == FieldId::ReviewReasons), "{id}: {errors:?}");
        }
    }

    #[test]
    fn the_31st_of_february_is_an_error_not_a_panic() {
        let draft = Draft {
            issue_date: DateInput {
                day: "31".into(),
                month: "2".into(),
                year: "2026".into(),
            },
            ..Draft::new("x")
        };
        let errors = validate(
            PageId::When,
            &Policy::default_policy(),
            &draft,
            today(),
            Language::English,
        );
        assert_eq!(errors[0].message, v::date_not_real(Language::English));
    }

    #[test]
    fn a_100_kb_paste_is_reported_with_the_count() {
        let draft = Draft {
            description: "é".repeat(100_000),
            ..Draft::new("x")
        };
        let errors = validate(
            PageId::WhatWentWrong,
            &Policy::default_policy(),
            &draft,
            today(),
            Language::English,
        );
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .message
                .contains("You have used 100000, so 80000 too many"),
            "{errors:?}"
        );
        let emoji = Draft {
            description: "🏚️".repeat(5_000),
            ..Draft::new("x")
        };
        assert!(
            validate(
                PageId::WhatWentWrong,
                &Policy::default_policy(),
                &emoji,
                today(),
                Language::English
            )
            .is_empty(),
            "counts characters, not bytes"
        );
    }

    #[test]
    fn contact_details_are_checked() {
        let mut draft = Draft {
            name: "Zoë 👩🏽‍🦱 O'Brien".into(),
            contact_method: Some(ContactMethod::Phone),
            phone: "call me".into(),
            email: "zoe@".into(),
            postcode: "NOT A POSTCODE".into(),
            ..Draft::new("x")
        };
        assert_eq!(
            fields(PageId::Contact, &draft),
            ["email", "phone", "postcode"]
        );
        draft.phone = "+44 (0)115 915 7333".into();
        draft.email = "zoe@example.org.uk".into();
        draft.postcode = "ng23nj".into();
        assert!(fields(PageId::Contact, &draft).is_empty());
    }

    #[test]
    fn uk_phone_numbers() {
        for ok in [
            "0115 915 7333",
            "01827 715341",
            "07700 900982",
            "+44 7700 900982",
            "0044 115 915 7333",
            "(0115) 915-7333",
            "0300 111 3000",
        ] {
            assert!(is_uk_phone(ok), "{ok}");
        }
        for bad in [
            "",
            "12345",
            "+1 202 555 0100",
            "0115 915 7333 ext 4",
            "00115 915 7333",
            "011591573331234",
        ] {
            assert!(!is_uk_phone(bad), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(is_email("feedback@nottinghamcity.gov.uk"));
        for bad in [
            "",
            "a@b",
            "@example.com",
            "a b@example.com",
            "a@.com",
            "a@example.",
            "a@ex..com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn postcodes() {
        assert_eq!(normalise_postcode("sw1a1aa").as_deref(), Some("SW1A 1AA"));
        assert_eq!(normalise_postcode(" NG2 3NJ ").as_deref(), Some("NG2 3NJ"));
        assert_eq!(normalise_postcode("CV9 1DE").as_deref(), Some("CV9 1DE"));
        assert_eq!(normalise_postcode("M1 1AE").as_deref(), Some("M1 1AE"));
        for bad in ["", "12345", "SW1A", "SW1A 1A", "ÅB1 2CD", "AAA1 1AA"] {
            assert_eq!(normalise_postcode(bad), None, "{bad}");
        }
    }
}
