//! One file per page, named after what the page asks or shows. Pages hold no answers of their
//! own: their fields read and write the draft, and the journey decides what comes next.

use leptos::prelude::*;

use crate::answers::use_answers;
use crate::components::fields::{Radios, TextArea};
use crate::components::question::QuestionPage;
use crate::domain::draft::{Choice, Draft, LONG_TEXT_MAX};
use crate::domain::journey::PageId;
use crate::domain::translations::hints;
use crate::domain::words::Label;
use crate::settings::use_settings;

mod check_answers;
pub mod confirmation;
pub(crate) mod contact;
mod emergency;
mod feedback;
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
    crate::domain::words::question(page, &settings.landlord(), for_someone_else, settings.language)
}

/// A page that asks one question with radios, bound to one answer of the draft.
fn choice_page<T: Choice + Label + Send + Sync>(
    page: PageId,
    name: &'static str,
    hint: Option<&'static str>,
    get: fn(&Draft) -> Option<T>,
    set: fn(&mut Draft, T),
) -> AnyView {
    let title = question(page);
    let hint = hint.map(str::to_string);
    view! {
        <QuestionPage page title=title.clone()>
            <Radios name question=title heading=true hint=hint get set />
        </QuestionPage>
    }
    .into_any()
}

/// A page that asks for one piece of writing.
fn text_page(
    page: PageId,
    name: &'static str,
    hint: &'static str,
    get: fn(&Draft) -> &str,
    set: fn(&mut Draft) -> &mut String,
) -> AnyView {
    let title = question(page);
    view! {
        <QuestionPage page title=title.clone()>
            <TextArea name label=title heading=true hint=hint.to_string() get set max=LONG_TEXT_MAX rows=8 />
        </QuestionPage>
    }
    .into_any()
}

/// The view of a page of the journey.
pub fn view(page: PageId) -> AnyView {
    let settings = use_settings();
    let language = settings.language;
    match page {
        PageId::Start => view! { <start::StartPage /> }.into_any(),
        PageId::Safety => choice_page(
            page,
            "danger",
            Some(hints::safety(language)),
            |d| d.danger,
            |d, v| d.danger = Some(v),
        ),
        PageId::Emergency => view! { <emergency::EmergencyPage /> }.into_any(),
        PageId::Who => view! { <who::WhoPage /> }.into_any(),
        PageId::Representative => view! { <representative::RepresentativePage /> }.into_any(),
        PageId::Connection => {
            choice_page(page, "connection", None, |d| d.connection, |d, v| d.connection = Some(v))
        }
        PageId::Kind => choice_page(page, "kind", None, |d| d.kind, |d, v| d.kind = Some(v)),
        PageId::Feedback => view! { <feedback::FeedbackPage /> }.into_any(),
        PageId::Asb => choice_page(page, "asb", None, |d| d.asb, |d, v| d.asb = Some(v)),
        PageId::Matter => choice_page(page, "matter", None, |d| d.matter, |d, v| d.matter = Some(v)),
        PageId::Decision => {
            choice_page(page, "decision", None, |d| d.decision, |d, v| d.decision = Some(v))
        }
        PageId::ToldBefore => {
            choice_page(page, "told-before", None, |d| d.told_before, |d, v| d.told_before = Some(v))
        }
        PageId::AfterReport => {
            choice_page(page, "after-report", None, |d| d.after_report, |d, v| d.after_report = Some(v))
        }
        PageId::OtherProcess => {
            choice_page(page, "other-process", None, |d| d.other_process, |d, v| d.other_process = Some(v))
        }
        PageId::PriorComplaint => choice_page(page, "prior-complaint", None,
            |d| d.prior_complaint,
            |d, v| d.prior_complaint = Some(v),
        ),
        PageId::When => view! { <when::WhenPage /> }.into_any(),
        PageId::LateReason => text_page(
            page,
            "late-reason",
            // Where the limit bars only matters not raised before (Nottingham), having told
            // them before is the answer.
            if settings.policy.with_value(|p| {
                p.time_limit.as_ref().is_some_and(|l| l.only_if_not_raised_before)
            }) {
                hints::late_reason_raised(language)
            } else {
                hints::late_reason(language)
            },
            |d| &d.late_reason,
            |d| &mut d.late_reason,
        ),
        PageId::Responsibility => choice_page(page, "responsibility", None,
            |d| d.responsibility,
            |d, v| d.responsibility = Some(v),
        ),
        PageId::Outcome => view! { <outcome::OutcomePage /> }.into_any(),
        PageId::Category => choice_page(page, "category", None, |d| d.category, |d, v| d.category = Some(v)),
        PageId::WhatWentWrong => text_page(
            page,
            "description",
            hints::what_went_wrong(language),
            |d| &d.description,
            |d| &mut d.description,
        ),
        PageId::Photos => view! { <photos::PhotosPage /> }.into_any(),
        PageId::Where => view! { <where_it_is::WherePage /> }.into_any(),
        PageId::DoneSoFar => text_page(
            page,
            "done-so-far",
            hints::done_so_far(language),
            |d| &d.done_so_far,
            |d| &mut d.done_so_far,
        ),
        PageId::Impact => text_page(
            page,
            "impact",
            hints::impact(language),
            |d| &d.impact,
            |d| &mut d.impact,
        ),
        PageId::OutcomeWanted => text_page(
            page,
            "outcome-wanted",
            hints::outcome_wanted(language),
            |d| &d.outcome_wanted,
            |d| &mut d.outcome_wanted,
        ),
        PageId::Support => view! { <support::SupportPage /> }.into_any(),
        PageId::Contact => view! { <contact::ContactPage /> }.into_any(),
        PageId::Check => view! { <check_answers::CheckAnswersPage /> }.into_any(),
        PageId::Review => view! { <review::ReviewPage /> }.into_any(),
    }
}
