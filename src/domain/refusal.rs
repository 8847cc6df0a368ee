//! A submission the server refused (`400`/`422`): its field errors placed on the pages that
//! asked, so the resident can put them right, and what to say about those no page can fix.
//!
//! What no page can fix is said in the resident's language, in words of our own: a backend's
//! words about it ("profile \"x\" is not known here") are for the landlord's web team, who
//! read them in the browser's console (`said`), never for the resident.

use serde::Deserialize;

use super::language::Language;
use super::pages::{FieldId, PageId};
use super::submission::Kind;
use super::translations::sending;
use super::validation::FieldError;

/// One of the server's field errors (contract v1): a JSON pointer into the body, and a message.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ServerError {
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub message: String,
}

/// A refusal, placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Each problem with the page that fixes it; the resident goes to the first. Never empty,
    /// so there is always somewhere to go.
    pub problems: Vec<(PageId, FieldError)>,
    /// What to tell the resident when some of it has no page to fix it on (`Unplaced`).
    pub unplaced: Option<String>,
}

/// Why a refusal has no page to fix it on, from where its errors point. The first that
/// applies says what the resident reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unplaced {
    /// The form and the backend do not agree (the profile, its dates, the contract's version):
    /// the landlord's to fix, not the resident's.
    NotSetUp,
    /// The time the device put on it: its clock may be wrong.
    Clock,
    /// Anything else: the answers were not accepted.
    Refused,
}

impl Unplaced {
    /// Why an error at `pointer` has no page (`None` when a page asks for it).
    pub fn of(pointer: &str) -> Option<Unplaced> {
        if FieldId::at_pointer(pointer).is_some() {
            return None;
        }
        let under = |prefix: &str| {
            pointer == prefix || pointer.strip_prefix(prefix).is_some_and(|r| r.starts_with('/'))
        };
        Some(if ["/profile", "/expected_dates", "/contract_version"].into_iter().any(under) {
            Unplaced::NotSetUp
        } else if under("/submitted_at") {
            Unplaced::Clock
        } else {
            Unplaced::Refused
        })
    }

    /// What the resident reads, in their language.
    pub fn message(self, language: Language) -> &'static str {
        match self {
            Unplaced::NotSetUp => sending::not_set_up(language),
            Unplaced::Clock => sending::clock(language),
            Unplaced::Refused => sending::refused(language),
        }
    }
}

/// Places the server's errors for a submission of this kind.
pub fn place(errors: &[ServerError], kind: Kind, language: Language) -> Placed {
    let review = kind == Kind::Escalation;
    let mut problems: Vec<(PageId, FieldError)> = errors
        .iter()
        .filter_map(|error| {
            let (page, field) = FieldId::at_pointer(&error.field)?;
            // A review is one page: its problems belong there, whatever the field.
            let page = if review { PageId::Review } else { page };
            // Our words beside the field; the server's go to the web team (`said`).
            let message = sending::not_accepted(language).to_string();
            Some((page, FieldError { field, message }))
        })
        .collect();
    let unplaced = errors
        .iter()
        .filter_map(|error| Unplaced::of(&error.field))
        .min()
        .map(|why| why.message(language).to_string());
    if problems.is_empty() {
        // The page that sent it, with the refusal as its problem.
        let page = if review { PageId::Review } else { PageId::Check };
        let message = unplaced.clone().unwrap_or_else(|| sending::refused(language).into());
        problems.push((page, FieldError { field: FieldId::SendFailure, message }));
    }
    Placed { problems, unplaced }
}

/// Everything the server said, for the landlord's web team (the browser's console): each
/// error's pointer and message.
pub fn said(errors: &[ServerError]) -> String {
    let said: Vec<String> = errors
        .iter()
        .map(|e| {
            let at = if e.field.is_empty() { "(the body)" } else { &e.field };
            format!("{at} {}", e.message.trim())
        })
        .collect();
    said.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Language = Language::English;

    fn error(field: &str, message: &str) -> ServerError {
        ServerError {
            field: field.into(),
            message: message.into(),
        }
    }

    fn problem(page: PageId, field: FieldId, message: &str) -> (PageId, FieldError) {
        let message = message.to_string();
        (page, FieldError { field, message })
    }

    #[test]
    fn each_error_goes_to_the_page_that_asked_in_our_words() {
        let errors = [
            error("/complainant/email", " is not an email address. "),
            error("/details/done_so_far", ""),
        ];
        let placed = place(&errors, Kind::Complaint, EN);
        let ours = sending::not_accepted(EN);
        assert_eq!(
            placed.problems,
            [
                problem(PageId::Contact, FieldId::Email, ours),
                problem(PageId::DoneSoFar, FieldId::DoneSoFar, ours),
            ]
        );
        assert_eq!(placed.unplaced, None);
    }

    #[test]
    fn a_reviews_problems_are_all_on_the_review_page() {
        let errors = [error("/complainant/phone", "is too short")];
        let placed = place(&errors, Kind::Escalation, EN);
        assert_eq!(
            placed.problems,
            [problem(PageId::Review, FieldId::Phone, sending::not_accepted(EN))]
        );
    }

    #[test]
    fn what_no_page_can_fix_is_said_in_our_words_never_the_servers() {
        let errors = [
            error("/complainant/email", "is not an email address"),
            error("/nowhere", " is not allowed "),
        ];
        let placed = place(&errors, Kind::Complaint, EN);
        assert_eq!(placed.problems.len(), 1, "the placed one is still placed");
        assert_eq!(placed.unplaced.as_deref(), Some(sending::refused(EN)));
        // The server's words go to the web team.
        assert_eq!(
            said(&errors),
            "/complainant/email is not an email address; /nowhere is not allowed"
        );
    }

    #[test]
    fn each_kind_of_unplaced_error_has_its_own_message() {
        let cases = [
            ("/profile/id", Unplaced::NotSetUp),
            ("/profile", Unplaced::NotSetUp),
            ("/expected_dates/0/date", Unplaced::NotSetUp),
            ("/contract_version", Unplaced::NotSetUp),
            ("/submitted_at", Unplaced::Clock),
            ("/submitted_atx", Unplaced::Refused),
            ("/profiles", Unplaced::Refused),
            ("", Unplaced::Refused),
            ("/kind", Unplaced::Refused),
        ];
        for (pointer, why) in cases {
            assert_eq!(Unplaced::of(pointer), Some(why), "{pointer}");
        }
        assert_eq!(Unplaced::of("/complainant/email"), None);
        let messages = [Unplaced::NotSetUp, Unplaced::Clock, Unplaced::Refused];
        for language in [EN, Language::Welsh] {
            let texts: Vec<&str> = messages.iter().map(|m| m.message(language)).collect();
            assert!(texts[0] != texts[1] && texts[1] != texts[2] && texts[0] != texts[2], "{texts:?}");
        }
        assert_ne!(Unplaced::Clock.message(EN), Unplaced::Clock.message(Language::Welsh));
    }

    #[test]
    fn a_backend_that_does_not_know_the_profile_is_the_landlords_to_fix() {
        // What the reference receiver says of a profile it does not know, and something else.
        let errors = [
            error("/submitted_at", "is in the future"),
            error(
                "/profile/id",
                "profile \"acacia-homes\" is not known here: this receiver knows greatwell",
            ),
        ];
        for language in [EN, Language::Welsh] {
            let placed = place(&errors, Kind::Complaint, language);
            let message = sending::not_set_up(language);
            assert_eq!(placed.unplaced.as_deref(), Some(message));
            assert_eq!(placed.problems, [problem(PageId::Check, FieldId::SendFailure, message)]);
            let shown = format!("{placed:?}");
            for word in ["acacia", "receiver", "future"] {
                assert!(!shown.contains(word), "{word} in {shown}");
            }
        }
    }

    #[test]
    fn with_nothing_placed_the_sending_page_has_the_refusal() {
        let errors = [error("", "Bad request")];
        for (kind, page) in [
            (Kind::Complaint, PageId::Check),
            (Kind::Comment, PageId::Check),
            (Kind::Escalation, PageId::Review),
        ] {
            let placed = place(&errors, kind, EN);
            assert_eq!(
                placed.problems,
                [problem(page, FieldId::SendFailure, sending::refused(EN))],
                "{kind:?}"
            );
            assert_eq!(placed.unplaced.as_deref(), Some(sending::refused(EN)));
        }
    }

    #[test]
    fn the_resident_reads_it_in_their_language() {
        let errors = [error("/details/impact", "is too long")];
        let placed = place(&errors, Kind::Complaint, Language::Welsh);
        // Never the server's English words.
        assert_eq!(placed.problems[0].1.message, sending::not_accepted(Language::Welsh));
        assert!(!placed.problems[0].1.message.contains("too long"));
    }
}
