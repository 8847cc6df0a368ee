//! The outcome of triage, in the policy's own terms: a complaint (with the quick route offered
//! where the policy has one), or where the matter belongs instead, with the right to send it
//! as a complaint anyway. The landlord decides, not the form.

use leptos::prelude::*;

use crate::app::use_journey;
use crate::components::fields::{Radios, TextArea};
use crate::components::ombudsman::OmbudsmanDetails;
use crate::components::question::QuestionPage;
use crate::domain::draft::{Choice, Route, YesNo, LONG_TEXT_MAX};
use crate::domain::eligibility;
use crate::domain::journey::PageId;
use crate::domain::triage::{self, Outcome};

fn heading(outcome: Outcome, landlord: &str) -> String {
    match outcome {
        Outcome::Complaint | Outcome::Feedback => {
            format!("{landlord} should treat this as a complaint")
        }
        Outcome::ServiceRequest => format!("Report it to {landlord} first"),
        Outcome::PutRightAlready => "It sounds like this has been put right".into(),
        Outcome::AntiSocialBehaviour => "Report it as anti-social behaviour".into(),
        Outcome::OtherRoute => "This has its own process".into(),
        Outcome::Excluded => format!("{landlord}\u{2019}s complaints policy may not cover this"),
    }
}

#[component]
pub fn OutcomePage() -> impl IntoView {
    let journey = use_journey();
    let landlord = journey.landlord();
    let assessment = journey.with(|policy, draft| triage::assess(policy, draft, journey.today));
    let eligible = journey.with(eligibility::check);
    let title = heading(assessment.outcome, &landlord);

    let not_eligible = eligible
        .explanation
        .clone()
        .filter(|_| eligible.may_complain == Some(false));
    let summary = (assessment.outcome != Outcome::Complaint).then(|| assessment.summary.clone());
    let signpost = assessment.signpost.clone().map(|signpost| {
        view! {
            <h2 class="heading-m">"What you can do instead"</h2>
            <p class="pre-line">{signpost}</p>
        }
    });
    // Built inside the form (a closure), so the fields find the form's errors.
    let can_override = assessment.can_override();
    let concern_offered = assessment.concern_offered.clone();
    let choice_landlord = landlord.clone();
    let choice = move || {
        let landlord = choice_landlord.clone();
        if can_override {
            let send_anyway = move || journey.draft.with(|d| d.send_anyway);
            view! {
            <h2 class="heading-m">"You can still send it as a complaint"</h2>
            <p>
                {landlord.clone()} " will decide whether to deal with it as a complaint, not this form. "
                "If they say no, they must tell you why, and you can ask the Ombudsman to look at that."
            </p>
            <Radios
                name="send-anyway"
                question="Do you want to send it as a complaint anyway?".to_string()
                options=YesNo::ALL.to_vec()
                get=|d| d.send_anyway
                set=|d, v| d.send_anyway = Some(v)
            />
            <Show when=move || send_anyway() == Some(YesNo::Yes)>
                <TextArea
                    name="override-reason"
                    label="Why do you want to send it as a complaint?".into()
                    hint="For example, you reported it before but it was never written down.".to_string()
                    get=|d| &d.override_reason
                    set=|d| &mut d.override_reason
                    max=LONG_TEXT_MAX
                    rows=4
                />
            </Show>
            <Show when=move || send_anyway() == Some(YesNo::No)>
                <div class="inset">
                    <p>"You do not need to do anything else here. Your answers stay on this device until you clear them."</p>
                </div>
            </Show>
        }
        .into_any()
        } else {
            let concern = concern_offered.clone().map(|name| {
            let days = journey.policy.with_value(|p| p.stages.concern.as_ref().map(|c| c.resolve.days));
            let hint = format!(
                "{name}: {landlord} tries to sort it out within {} working days. If it is not sorted out, it becomes a formal complaint.",
                days.unwrap_or_default()
            );
            view! {
                <Radios
                    name="route"
                    question="How would you like them to deal with it?".to_string()
                    hint=hint
                    options=vec![Route::Concern, Route::Complaint]
                    get=|d| d.route
                    set=|d, v| d.route = Some(v)
                />
            }
        });
            view! {
                <p>"From your answers, this is a complaint. Next, tell them what went wrong."</p>
                {concern}
            }
            .into_any()
        }
    };
    let ombudsman = (!eligible.ombudsman.is_empty()).then(|| {
        let scheme = journey.policy.with_value(|p| p.ombudsman.clone());
        view! {
            <h2 class="heading-m">"If you are still unhappy"</h2>
            <p>"An Ombudsman can look at how " {landlord.clone()} " dealt with it. It is free."</p>
            <OmbudsmanDetails ombudsman=scheme />
        }
    });

    view! {
        <QuestionPage page=PageId::Outcome title=title.clone()>
            <h1 class="heading-l" id="page-heading" tabindex="-1" data-outcome=assessment.outcome.id()>{title}</h1>
            {summary.map(|summary| view! { <p class="lead">{summary}</p> })}
            {(assessment.outcome != Outcome::Complaint).then(|| view! { <p class="pre-line">{assessment.reason.clone()}</p> })}
            {not_eligible.map(|text| view! { <div class="inset"><p>{text}</p></div> })}
            {signpost}
            {choice()}
            {ombudsman}
        </QuestionPage>
    }
}
