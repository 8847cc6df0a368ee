//! One file per page, named after what the page asks or shows. Pages hold no answers of their
//! own: their fields read and write the draft, and the journey decides what comes next.

use leptos::prelude::*;

use crate::answers::use_answers;
use crate::components::fields::{Radios, TextArea};
use crate::components::question::QuestionPage;
use crate::domain::page::{ChoiceQuestion, Form, TextQuestion};
use crate::domain::pages::PageId;
use crate::settings::use_settings;

mod check_answers;
pub mod confirmation;
pub mod my_complaints;
pub(crate) mod contact;
mod emergency;
mod feedback;
mod hazard_details;
pub mod not_found;
mod outcome;
mod photos;
pub mod policy_check;
mod representative;
mod review;
pub mod start;
mod support;
pub mod setup_problem;
mod when;
mod where_it_is;
mod who;

/// The page's question, worded for this landlord and for who is complaining.
pub fn question(page: PageId) -> String {
    let settings = use_settings();
    let for_someone_else = use_answers().draft.with_untracked(|d| d.is_representative());
    page.page().question(&settings.landlord(), for_someone_else, settings.language)
}

type View = fn() -> AnyView;

/// The question pages with a view of their own (`Form::Own`); every other question page is
/// drawn from its declaration in `domain/pages.rs`. The question pages' wasm
/// (`src/questions.rs`) carries these and no more.
const QUESTION_VIEWS: &[(PageId, View)] = &[
    (PageId::Emergency, || view! { <emergency::EmergencyPage /> }.into_any()),
    (PageId::HazardDetails, || view! { <hazard_details::HazardDetailsPage /> }.into_any()),
    (PageId::Who, || view! { <who::WhoPage /> }.into_any()),
    (PageId::Representative, || view! { <representative::RepresentativePage /> }.into_any()),
    (PageId::Feedback, || view! { <feedback::FeedbackPage /> }.into_any()),
    (PageId::When, || view! { <when::WhenPage /> }.into_any()),
    (PageId::Where, || view! { <where_it_is::WherePage /> }.into_any()),
    (PageId::Support, || view! { <support::SupportPage /> }.into_any()),
    (PageId::Contact, || view! { <contact::ContactPage /> }.into_any()),
];

/// The pages only the whole app shows: the start page (which most residents see from the first
/// page's wasm), and the outcome, the photos, check-answers and the review request, which
/// carry most of the whole app's code beyond the questions (triage's words for every outcome,
/// images, sending).
const WHOLE_APP_VIEWS: &[(PageId, View)] = &[
    (PageId::Start, || view! { <start::StartPage /> }.into_any()),
    (PageId::Outcome, || view! { <outcome::OutcomePage /> }.into_any()),
    (PageId::Photos, || view! { <photos::PhotosPage /> }.into_any()),
    (PageId::Check, || view! { <check_answers::CheckAnswersPage /> }.into_any()),
    (PageId::Review, || view! { <review::ReviewPage /> }.into_any()),
];

/// The view of a page of the journey.
pub fn view(page: PageId) -> AnyView {
    question_view(page)
        .or_else(|| own_view(WHOLE_APP_VIEWS, page))
        .unwrap_or_else(|| view! { <not_found::NotFoundPage /> }.into_any())
}

/// The view of a question page, or None for a page only the whole app shows.
pub fn question_view(page: PageId) -> Option<AnyView> {
    match &page.page().form {
        Form::Choice(choice) => Some(choice_page(page, choice)),
        Form::Text(text) => Some(text_page(page, text)),
        Form::Own(_) => own_view(QUESTION_VIEWS, page),
    }
}

fn own_view(views: &[(PageId, View)], page: PageId) -> Option<AnyView> {
    views.iter().find(|(own, _)| *own == page).map(|(_, view)| view())
}

/// Whether the question pages' wasm shows `page`: `public/app.js` starts it for these pages.
pub fn is_question_page(page: PageId) -> bool {
    !WHOLE_APP_VIEWS.iter().any(|(own, _)| *own == page)
}

/// A page that asks one question with radios.
fn choice_page(page: PageId, choice: &'static ChoiceQuestion) -> AnyView {
    let (title, settings) = (question(page), use_settings());
    let hint = choice.hint.map(|hint| hint(settings.language).to_string());
    let options = settings.policy.with_value(|policy| choice.options(policy, settings.language));
    view! {
        <QuestionPage page title=title.clone()>
            <Radios field=choice.field question=title heading=true hint answer=choice.answer options />
        </QuestionPage>
    }
    .into_any()
}

/// A page that asks for one piece of writing.
fn text_page(page: PageId, text: &'static TextQuestion) -> AnyView {
    let settings = use_settings();
    let title = question(page);
    let hint = settings.policy.with_value(|policy| (text.hint)(policy, settings.language));
    view! {
        <QuestionPage page title=title.clone()>
            <TextArea field=text.field label=title heading=true hint=hint.to_string()
                get=text.get set=text.set max=text.max rows=8 />
        </QuestionPage>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_with_a_view_of_its_own_has_one() {
        for page in PageId::ALL {
            let own = matches!(page.page().form, Form::Own(_));
            let views = [QUESTION_VIEWS, WHOLE_APP_VIEWS]
                .iter()
                .flat_map(|views| views.iter())
                .filter(|(p, _)| *p == page)
                .count();
            assert_eq!(views, usize::from(own), "{page:?}");
        }
    }
}
