//! What each page needs before the resident can go on, with messages in the GOV.UK style
//! ("Enter ...", "Select ..."), and checks of UK phone numbers, email addresses and postcodes.

use chrono::NaiveDate;

use super::draft::{
    Complainant, ContactMethod, DateProblem, Draft, FeedbackKind, Place, YesNo, LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
};
use super::journey::PageId;
use super::policy::Policy;
use super::translations::{validation as v, Language};

/// A problem with one answer. `field` is the id of the input to link to and to mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// The problems with a page's answers; empty when the resident can go on.
pub fn validate(
    page: PageId,
    policy: &Policy,
    draft: &Draft,
    today: NaiveDate,
    language: Language,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut need = |missing: bool, field: &'static str, message: &str| {
        if missing {
            errors.push(error(field, message));
        }
    };
    match page {
        PageId::Safety => need(draft.danger.is_none(), "danger", v::danger(language)),
        PageId::Who => need(
            draft.complainant.is_none(),
            "complainant",
            v::complainant(language),
        ),
        PageId::Representative => {
            let rep = &draft.representative;
            need(
                rep.name.trim().is_empty(),
                "rep-name",
                v::your_name(language),
            );
            need(
                rep.relationship.trim().is_empty(),
                "rep-relationship",
                v::relationship(language),
            );
            need(rep.consent.is_none(), "rep-consent", v::consent(language));
            // Only asked where the policy lets replies go to a representative.
            let asked = policy.eligibility.representatives.replies_to_representative;
            need(
                asked && rep.replies_to.is_none(),
                "rep-replies-to",
                v::replies_to(language),
            );
            errors.extend(text_limit("rep-name", &rep.name, SHORT_TEXT_MAX, language));
            errors.extend(text_limit(
                "rep-relationship",
                &rep.relationship,
                SHORT_TEXT_MAX,
                language,
            ));
            errors.extend(optional_email("rep-email", &rep.email, language));
            errors.extend(optional_phone("rep-phone", &rep.phone, language));
        }
        PageId::Connection => need(
            draft.connection.is_none(),
            "connection",
            v::connection(language),
        ),
        PageId::Kind => need(draft.kind.is_none(), "kind", v::kind(language)),
        PageId::Feedback => {
            need(
                draft.message.trim().is_empty(),
                "message",
                v::message(language),
            );
            if draft.kind == Some(FeedbackKind::Comment) {
                need(
                    draft.wants_reply.is_none(),
                    "wants-reply",
                    v::wants_reply(language),
                );
            }
            errors.extend(text_limit(
                "message",
                &draft.message,
                LONG_TEXT_MAX,
                language,
            ));
        }
        PageId::Asb => need(draft.asb.is_none(), "asb", v::asb(language)),
        PageId::Matter => need(draft.matter.is_none(), "matter", v::matter(language)),
        PageId::Decision => need(draft.decision.is_none(), "decision", v::decision(language)),
        PageId::ToldBefore => need(
            draft.told_before.is_none(),
            "told-before",
            v::told_before(language),
        ),
        PageId::AfterReport => need(
            draft.after_report.is_none(),
            "after-report",
            v::after_report(language),
        ),
        PageId::OtherProcess => need(
            draft.other_process.is_none(),
            "other-process",
            v::other_process(language),
        ),
        PageId::PriorComplaint => need(
            draft.prior_complaint.is_none(),
            "prior-complaint",
            v::prior_complaint(language),
        ),
        PageId::When => {
            let problem = draft.issue_date.parse(today).err();
            let message = problem.map(|p| date_message(p, v::issue_date(language), language));
            need(problem.is_some(), "issue-date-day", message.unwrap_or_default());
            need(draft.ongoing.is_none(), "ongoing", v::ongoing(language));
        }
        PageId::LateReason => {
            need(
                draft.late_reason.trim().is_empty(),
                "late-reason",
                v::late_reason(language),
            );
            errors.extend(text_limit(
                "late-reason",
                &draft.late_reason,
                LONG_TEXT_MAX,
                language,
            ));
        }
        PageId::Responsibility => need(
            draft.responsibility.is_none(),
            "responsibility",
            v::responsibility(language),
        ),
        PageId::Outcome => {
            let offered = super::triage::assess(policy, draft, today).can_override();
            need(
                offered && draft.send_anyway.is_none(),
                "send-anyway",
                v::send_anyway(language),
            );
            if offered && draft.send_anyway == Some(YesNo::Yes) {
                need(
                    draft.override_reason.trim().is_empty(),
                    "override-reason",
                    v::override_reason(language),
                );
                errors.extend(text_limit(
                    "override-reason",
                    &draft.override_reason,
                    LONG_TEXT_MAX,
                    language,
                ));
            }
        }
        PageId::Category => need(draft.category.is_none(), "category", v::category(language)),
        PageId::WhatWentWrong => {
            need(
                draft.description.trim().is_empty(),
                "description",
                v::description(language),
            );
            errors.extend(text_limit(
                "description",
                &draft.description,
                LONG_TEXT_MAX,
                language,
            ));
        }
        PageId::Where => {
            need(draft.place.is_none(), "place", v::place(language));
            if matches!(draft.place, Some(Place::Communal | Place::Elsewhere)) {
                need(
                    draft.address.trim().is_empty(),
                    "address",
                    v::address(language),
                );
            }
            errors.extend(text_limit(
                "address",
                &draft.address,
                SHORT_TEXT_MAX,
                language,
            ));
        }
        PageId::Photos => {
            let missing_alt = draft.photos.iter().any(|p| p.alt.trim().is_empty());
            need(missing_alt, "photos", v::photo_alt(language));
        }
        PageId::DoneSoFar => errors.extend(text_limit(
            "done-so-far",
            &draft.done_so_far,
            LONG_TEXT_MAX,
            language,
        )),
        PageId::Impact => {
            need(
                draft.impact.trim().is_empty(),
                "impact",
                v::impact(language),
            );
            errors.extend(text_limit("impact", &draft.impact, LONG_TEXT_MAX, language));
        }
        PageId::OutcomeWanted => {
            need(
                draft.outcome_wanted.trim().is_empty(),
                "outcome-wanted",
                v::outcome_wanted(language),
            );
            errors.extend(text_limit(
                "outcome-wanted",
                &draft.outcome_wanted,
                LONG_TEXT_MAX,
                language,
            ));
        }
        PageId::Support => errors.extend(text_limit(
            "adjustments-detail",
            &draft.adjustments_detail,
            LONG_TEXT_MAX,
            language,
        )),
        PageId::Contact => errors.extend(contact_errors(draft, language)),
        PageId::Check => need(!draft.declaration, "declaration", v::declaration(language)),
        PageId::Review => {
            need(
                draft.review_reference.trim().is_empty(),
                "review-reference",
                v::review_reference(language),
            );
            let date = draft.review_response_date.parse(today).err();
            let message = date.map(|p| date_message(p, v::review_date(language), language));
            need(
                date.is_some(),
                "review-date-day",
                message.unwrap_or_default(),
            );
            // Reasons are never required, whatever the policy asks: the Code (6.12) says
            // residents must not have to explain why they want a review.
            errors.extend(text_limit(
                "review-reasons",
                &draft.review_reasons,
                LONG_TEXT_MAX,
                language,
            ));
            errors.extend(contact_errors(draft, language));
        }
        PageId::Start | PageId::Emergency => {}
    }
    errors
}

fn date_message(problem: DateProblem, missing: &'static str, language: Language) -> &'static str {
    match problem {
        DateProblem::Missing => missing,
        DateProblem::Incomplete => v::date_incomplete(language),
        DateProblem::NotADate => v::date_not_real(language),
        DateProblem::InTheFuture => v::date_future(language),
    }
}

fn contact_errors(draft: &Draft, language: Language) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if draft.name.trim().is_empty() {
        let message = if draft.complainant == Some(Complainant::SomeoneElse) {
            v::resident_name(language)
        } else {
            v::your_name(language)
        };
        errors.push(error("name", message));
    }
    errors.extend(text_limit("name", &draft.name, SHORT_TEXT_MAX, language));
    match draft.contact_method {
        None => errors.push(error("contact-method", v::contact_method(language))),
        Some(ContactMethod::Email) if draft.email.trim().is_empty() => {
            errors.push(error("email", v::email(language)))
        }
        Some(ContactMethod::Phone) if draft.phone.trim().is_empty() => {
            errors.push(error("phone", v::phone(language)))
        }
        Some(ContactMethod::Post) if draft.postal_address.trim().is_empty() => {
            errors.push(error("postal-address", v::postal_address(language)))
        }
        Some(ContactMethod::Post) if draft.postcode.trim().is_empty() => {
            errors.push(error("postcode", v::postcode(language)))
        }
        _ => {}
    }
    errors.extend(optional_email("email", &draft.email, language));
    errors.extend(optional_phone("phone", &draft.phone, language));
    errors.extend(text_limit(
        "postal-address",
        &draft.postal_address,
        SHORT_TEXT_MAX,
        language,
    ));
    if !draft.postcode.trim().is_empty() && normalise_postcode(&draft.postcode).is_none() {
        errors.push(error("postcode", v::postcode_format(language)));
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

fn text_limit(
    field: &'static str,
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

fn optional_email(field: &'static str, email: &str, language: Language) -> Option<FieldError> {
    let email = email.trim();
    (!email.is_empty() && !is_email(email)).then(|| error(field, v::email_format(language)))
}

fn optional_phone(field: &'static str, phone: &str, language: Language) -> Option<FieldError> {
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
        .map(|e| e.field)
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
            assert!(!errors.iter().any(|e| e.field == "review-reasons"), "{id}: {errors:?}");
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
