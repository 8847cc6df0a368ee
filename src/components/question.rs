//! The frame of every page: the back link, the title and focus on arrival, and for question
//! pages the form with its error summary and Continue button.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::answers::{use_answers, Answers};
use crate::components::error_summary::{ErrorSummary, FormErrors};
use crate::dom::el;
use crate::domain::language::Language;
use crate::domain::pages::PageId;
use crate::domain::translations as t;
use crate::domain::validation::validate;
use crate::settings::{use_settings, Settings};

/// Focuses the element with this id (the page's `<h1>`, an error summary, an input).
pub fn focus(id: &str) {
    if let Some(element) = crate::config::element_by_id(id) {
        let _ = element.focus();
    }
}

/// Sets the document title and, after a change of page (not on first load), moves focus to the
/// page's heading so that screen readers announce the new page.
fn arrive(settings: Settings, answers: Answers, page: PageId, title: String, errors: Option<FormErrors>) {
    let title = t::layout::title(settings.language, &title, &settings.landlord());
    let error_title = format!("{} {title}", t::errors::prefix(settings.language));
    Effect::new(move |_| {
        let has_errors = errors.is_some_and(|errors| errors.0.with(|list| !list.is_empty()));
        crate::config::set_title(if has_errors { &error_title } else { &title });
    });
    // The start page is not a place to resume: it offers to resume.
    if page != PageId::Start {
        answers
            .draft
            .update(|draft| draft.last_page = page.slug().to_string());
    }
    if answers.navigated.get_value() {
        request_animation_frame(|| focus("page-heading"));
    }
    answers.navigated.set_value(true);
}

/// A page that is not a question (an interruption, an outcome): back link and content.
#[component]
pub fn InfoPage(page: PageId, title: String, children: Children) -> impl IntoView {
    arrive(use_settings(), use_answers(), page, title, None);
    view! {
        <BackLink page />
        {children()}
        <ClearAnswers />
    }
}

/// The start page's frame: no back link, so the first page's wasm carries nothing of the
/// journey's order or the other pages' declarations.
#[component]
pub fn FirstPage(title: String, children: Children) -> impl IntoView {
    arrive(use_settings(), use_answers(), PageId::Start, title, None);
    view! {
        {children()}
        <ClearAnswers />
    }
}

/// A question page: its fields (the children) in a form that is checked on Continue. With
/// errors, the summary is shown and focused; without, the resident goes on to the next page
/// (or back to check-answers when changing an answer).
#[component]
pub fn QuestionPage(
    page: PageId,
    /// The question, used as the page title.
    title: String,
    children: Children,
    #[prop(optional)] button: Option<&'static str>,
    /// Called instead of going to the next page once the answers are valid (to send them).
    #[prop(optional)]
    on_valid: Option<Callback<()>>,
) -> impl IntoView {
    let (settings, answers) = (use_settings(), use_answers());
    // Problems with this page's answers, found on sending or by the server: shown as if the
    // page had found them.
    let to_fix = answers.take_to_fix(page);
    let fixing = !to_fix.is_empty();
    let errors = FormErrors(RwSignal::new(to_fix));
    provide_context(errors);
    arrive(settings, answers, page, title, Some(errors));
    if fixing {
        request_animation_frame(|| focus("error-summary"));
    }
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (today, language) = (settings.today, settings.language);
        let found = answers.with(|policy, draft| validate(page, policy, draft, today, language));
        let failed = !found.is_empty();
        errors.0.set(found);
        if failed {
            request_animation_frame(|| focus("error-summary"));
            return;
        }
        if let Some(on_valid) = on_valid {
            on_valid.run(());
            return;
        }
        let reaches_check = answers.with(|policy, draft| {
            crate::domain::journey::path(policy, draft, settings.today).last()
                == Some(&PageId::Check)
        });
        let next = if answers.changing.get_untracked() && reaches_check {
            Some(PageId::Check)
        } else {
            answers.next(page)
        };
        if let Some(next) = next {
            navigate(&settings.route(next.slug()), Default::default());
        }
    };
    view! {
        <BackLink page />
        <ErrorSummary errors />
        <form novalidate on:submit=on_submit>
            {children()}
            <button type="submit" class="button" data-module="continue">
                {button.unwrap_or(t::layout::continue_button(settings.language))}
            </button>
        </form>
        <ClearAnswers />
    }
}

#[component]
fn BackLink(page: PageId) -> impl IntoView {
    let (settings, answers) = (use_settings(), use_answers());
    move || {
        answers
            .previous(page)
            .map(|previous| view! { <a href=settings.href(previous) class="back-link">{t::layout::back(settings.language)}</a> })
    }
}

/// "I'm on a shared device": removes every answer from this device and returns to the start.
#[component]
pub fn ClearAnswers() -> impl IntoView {
    let (settings, answers) = (use_settings(), use_answers());
    // A fresh load of the start page: nothing of the answers stays in memory either.
    let clear = move || {
        answers.clear();
        let _ = window().location().assign(&settings.href(PageId::Start));
    };
    view! {
        <Show when=move || answers.started.get()>
            {move || crate::components::built([clear_answers(settings.language, clear)])}
        </Show>
    }
}

/// The button that clears the answers from this device, built into the DOM (see
/// `crate::dom`): the first page's, and every other page's through [`ClearAnswers`].
pub fn clear_answers(language: Language, clear: impl Fn() + 'static) -> web_sys::Node {
    el("div")
        .class("clear-answers")
        .child(
            el("button")
                .attr("type", "button")
                .class("button button--secondary")
                .text(t::layout::clear_answers(language))
                .on_click(move |_| clear()),
        )
        .child(el("p").class("hint").text(t::layout::clear_answers_hint(language)))
        .into()
}
