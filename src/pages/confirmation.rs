//! Confirmation: the reference from the server, what happens next with the dates the policy
//! promises from the actual time of receipt, how to ask for a review, and the Ombudsman.

use chrono::DateTime;
use leptos::prelude::*;

use crate::app::use_journey;
use crate::components::ombudsman::OmbudsmanDetails;
use crate::components::timeline::TimelineList;
use crate::domain::submission::{milestones_for, Kind, Submission};
use crate::pages::not_found::NotFoundPage;

pub const SLUG: &str = "confirmation";

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let journey = use_journey();
    let Some(sent) = journey.sent.get_untracked() else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let policy = journey.policy.get_value();
    let landlord = policy.landlord.name.clone();
    let received = DateTime::parse_from_rfc3339(&sent.receipt.received_at)
        .map(|at| at.with_timezone(&chrono::Local).naive_local())
        .unwrap_or_else(|_| chrono::Local::now().naive_local());
    let milestones = milestones_for(&policy, sent.kind, received);
    let (title, sent_what) = match sent.kind {
        Kind::Compliment => ("Thank you sent", "your thanks"),
        Kind::Comment => ("Suggestion sent", "your suggestion"),
        Kind::Escalation => ("Review request sent", "your request for a review"),
        Kind::Complaint | Kind::Concern => ("Complaint sent", "your complaint"),
    };
    crate::config::set_title(&format!("{title} \u{2013} Complain to {landlord}"));
    // The Send button is gone: take screen reader users to the news.
    request_animation_frame(|| crate::components::question::focus("page-heading"));
    let complaint = matches!(sent.kind, Kind::Complaint | Kind::Concern);
    let print = |_| {
        let _ = window().print();
    };
    let copy = serde_json::from_str::<Submission>(&sent.body)
        .ok()
        .map(|body| {
            let details = body.details.map(|d| {
                view! {
                    <dt class="summary-list__key">"What went wrong"</dt>
                    <dd class="summary-list__value pre-line">{d.description}</dd>
                    <dt class="summary-list__key">"How it has affected you"</dt>
                    <dd class="summary-list__value pre-line">{d.impact}</dd>
                    <dt class="summary-list__key">"What you would like to happen"</dt>
                    <dd class="summary-list__value pre-line">{d.outcome_wanted}</dd>
                }
            });
            let message = body.feedback.map(|f| {
                view! {
                    <dt class="summary-list__key">"Your message"</dt>
                    <dd class="summary-list__value pre-line">{f.message}</dd>
                }
            });
            let escalation = body.escalation.map(|e| {
                view! {
                    <dt class="summary-list__key">"Your reasons"</dt>
                    <dd class="summary-list__value pre-line">{e.reasons}</dd>
                }
            });
            view! {
                <h2 class="heading-m">"What you sent"</h2>
                <dl class="summary-list copy">{details}{message}{escalation}</dl>
            }
        });
    let navigate = leptos_router::hooks::use_navigate();
    let remove = move |_| {
        journey.clear();
        navigate(
            &journey.route(crate::domain::journey::PageId::Start.slug()),
            Default::default(),
        );
    };
    view! {
        <div class="panel">
            <h1 class="panel__title" id="page-heading" tabindex="-1">{title}</h1>
            <div class="panel__body">
                "Your reference number"<br />
                <strong data-reference>{sent.receipt.reference.clone()}</strong>
            </div>
        </div>
        <p>"We have sent " {sent_what} " to " {landlord.clone()} ". Keep your reference number: you will need it if you contact them about this."</p>
        {(!milestones.is_empty()).then(|| view! {
            <h2 class="heading-m">"What happens next"</h2>
            <p>{landlord.clone()} "\u{2019}s complaints policy says:"</p>
            <TimelineList milestones />
            <p class="hint">"Working days are Monday to Friday, not counting bank holidays."</p>
        })}
        {complaint.then(|| view! {
            <h2 class="heading-m">"If you are unhappy with their reply"</h2>
            <p>"You can ask " {landlord.clone()} " to review your complaint (stage 2). Give them your reference number."</p>
            <h2 class="heading-m">"If you are still unhappy after that"</h2>
            <p>"An Ombudsman can look at it. It is free."</p>
            <OmbudsmanDetails ombudsman=policy.ombudsman.clone() />
        })}
        {copy}
        <p class="no-print">
            <button type="button" class="button button--secondary" on:click=print>"Print or save a copy"</button>
        </p>
        <div class="clear-answers no-print">
            <button type="button" class="button button--secondary" on:click=remove>"Remove this from this device"</button>
            <p class="hint">"Do this once you have printed or saved a copy, if other people use this phone or computer."</p>
        </div>
    }
    .into_any()
}
