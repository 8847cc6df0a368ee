//! Confirmation: the reference from the server, what happens next with the dates the policy
//! promises from the actual time of receipt, how to ask for a review, and the Ombudsman.

use chrono::DateTime;
use leptos::prelude::*;

use crate::answers::use_answers;
use crate::components::ombudsman::OmbudsmanDetails;
use crate::components::timeline::TimelineList;
use crate::components::hazard_dates::HazardDates;
use crate::components::page_heading::PageHeading;
use crate::components::sent_copy::SentCopy;
use crate::domain::submission::{milestones_for, Kind, Submission};
use crate::domain::translations::{check_answers, confirmation as t, layout, start};
use crate::outbox::use_outbox;
use crate::pages::not_found::NotFoundPage;
use crate::settings::use_settings;

pub const SLUG: &str = "confirmation";

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let (settings, outbox) = (use_settings(), use_outbox());
    let Some(sent) = outbox.sent.get_untracked() else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let policy = settings.policy.get_value();
    let language = settings.language;
    let landlord = policy.landlord.name_in_texts(language);
    let received = DateTime::parse_from_rfc3339(&sent.receipt.received_at)
        .map(|at| at.with_timezone(&chrono::Local).naive_local())
        .unwrap_or_else(|_| chrono::Local::now().naive_local());
    let milestones = milestones_for(&policy, sent.kind, received);
    let (title, sent_what) = match sent.kind {
        Kind::Compliment => (t::thanks_sent(language), t::sent_thanks(language, &landlord)),
        Kind::Comment => (t::suggestion_sent(language), t::sent_suggestion(language, &landlord)),
        Kind::Escalation => (t::review_sent(language), t::sent_review(language, &landlord)),
        Kind::Complaint | Kind::Concern => {
            (t::complaint_sent(language), t::sent_complaint(language, &landlord))
        }
        Kind::HazardReport => {
            (t::hazard_report_sent(language), t::sent_hazard_report(language, &landlord))
        }
    };
    crate::config::set_title(&layout::title(language, title, &landlord));
    // The Send button is gone: take screen reader users to the news.
    request_animation_frame(|| crate::components::question::focus("page-heading"));
    let complaint = matches!(sent.kind, Kind::Complaint | Kind::Concern);
    let print = |_| {
        let _ = window().print();
    };
    let body = serde_json::from_str::<Submission>(&sent.body).ok();
    // The Ombudsman for what was sent: a council's housing matters go to the LGSCO.
    let ombudsmen = body.as_ref().map_or_else(
        || policy.ombudsman.scheme.details().to_vec(),
        |body| body.ombudsman(&policy),
    );
    let services = policy.ombudsman.lgsco_services.clone();
    // Awaab's Law's dates for a hazard, beside the policy's (the copy in memory has them).
    let hazard = body.as_ref().and_then(|b| b.hazard.clone()).map(|report| {
        view! { <HazardDates report landlord=landlord.clone() language /> }
    });
    let copy = body.map(|body| {
        view! {
            <h2 class="heading-m">{t::what_you_sent(language)}</h2>
            <SentCopy body language />
        }
    });
    let navigate = leptos_router::hooks::use_navigate();
    let answers = use_answers();
    let remove = move |_| {
        answers.clear();
        outbox.sent.set(None);
        navigate(
            &settings.route(crate::domain::pages::PageId::Start.slug()),
            Default::default(),
        );
    };
    view! {
        <div class="panel">
            <PageHeading title class="panel__title" />
            <div class="panel__body">
                {t::reference(language)}<br />
                <strong data-reference>{sent.receipt.reference.clone()}</strong>
            </div>
        </div>
        <p>{sent_what}</p>
        {(!milestones.is_empty()).then(|| view! {
            <h2 class="heading-m">{t::what_happens_next(language)}</h2>
            <p>{t::policy_says(language)}</p>
            <TimelineList milestones />
            <p class="hint">{start::working_days(language)}</p>
        })}
        {hazard}
        {complaint.then(|| view! {
            <h2 class="heading-m">{check_answers::unhappy_with_reply(language)}</h2>
            <p>{t::ask_for_review(language, &landlord)}</p>
            <h2 class="heading-m">{t::still_unhappy_after(language)}</h2>
            <p>{t::ombudsman(language)}</p>
            <OmbudsmanDetails ombudsmen=ombudsmen.clone() services=services.clone() language />
        })}
        <p class="no-print"><a href=settings.href_to(crate::pages::my_complaints::SLUG)>{crate::domain::translations::tracker::see_all(language)}</a></p>
        {copy}
        <p class="no-print">
            <button type="button" class="button button--secondary" on:click=print>{t::print(language)}</button>
        </p>
        <div class="clear-answers no-print">
            <button type="button" class="button button--secondary" on:click=remove>{t::remove(language)}</button>
            <p class="hint">{t::remove_hint(language)}</p>
        </div>
    }
    .into_any()
}
