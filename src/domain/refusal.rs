//! A submission the server refused (`400`/`422`): its field errors placed on the pages that
//! asked, so the resident can put them right, and what to say about those no page can fix.

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
    /// Everything the server said, when some of it has no page to fix it on.
    pub unplaced: Option<String>,
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
            let message = plain(&error.message, field.id(), language);
            Some((page, FieldError { field, message }))
        })
        .collect();
    let refused = sending::refused(language);
    let unplaced = (problems.len() < errors.len()).then(|| {
        let said: Vec<&str> = errors.iter().map(|e| e.message.trim()).collect();
        format!("{refused} ({})", said.join("; "))
    });
    if problems.is_empty() {
        // The page that sent it, with the refusal as its problem.
        let page = if review { PageId::Review } else { PageId::Check };
        let message = refused.to_string();
        problems.push((page, FieldError { field: FieldId::SendFailure, message }));
    }
    Placed { problems, unplaced }
}

/// A server message ("is not an email address") as a sentence for the resident. The server
/// words it in English, so the field's name is too.
fn plain(message: &str, field: &str, language: Language) -> String {
    let what = field.replace(['-', '_'], " ");
    let message = message.trim().trim_end_matches('.');
    if message.is_empty() {
        sending::check_field(language, &what)
    } else {
        sending::server_said(language, &what, message)
    }
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
    fn each_error_goes_to_the_page_that_asked_in_a_sentence() {
        let errors = [
            error("/complainant/email", " is not an email address. "),
            error("/details/done_so_far", ""),
        ];
        let placed = place(&errors, Kind::Complaint, EN);
        assert_eq!(
            placed.problems,
            [
                problem(PageId::Contact, FieldId::Email, "Your email is not an email address."),
                problem(PageId::DoneSoFar, FieldId::DoneSoFar, "Check your done so far"),
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
            [problem(PageId::Review, FieldId::Phone, "Your phone is too short.")]
        );
    }

    #[test]
    fn what_no_page_can_fix_is_said_with_everything_the_server_said() {
        let errors = [
            error("/complainant/email", "is not an email address"),
            error("/nowhere", " is not allowed "),
        ];
        let placed = place(&errors, Kind::Complaint, EN);
        assert_eq!(placed.problems.len(), 1, "the placed one is still placed");
        assert_eq!(
            placed.unplaced,
            Some(format!(
                "{} (is not an email address; is not allowed)",
                sending::refused(EN)
            ))
        );
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
            assert_eq!(
                placed.unplaced,
                Some(format!("{} (Bad request)", sending::refused(EN)))
            );
        }
    }

    #[test]
    fn the_resident_reads_it_in_their_language() {
        let errors = [error("/details/impact", "is too long")];
        let placed = place(&errors, Kind::Complaint, Language::Welsh);
        assert_eq!(
            placed.problems[0].1.message,
            sending::server_said(Language::Welsh, "impact", "is too long")
        );
    }
}
