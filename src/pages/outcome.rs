//! The outcome of triage, in the policy's own terms: a complaint (with the quick route offered
//! where the policy has one), or where the matter belongs instead, with the right to send it
//! as a complaint anyway. The landlord decides, not the form.

use leptos::prelude::*;

use crate::domain::page::{choice_answer, offered};
use crate::domain::pages::FieldId;
use crate::components::fields::{Radios, TextArea};
use crate::components::hazard_dates::HazardDates;
use crate::components::linked_text::LinkedText;
use crate::domain::hazard_report::HazardReport;
use crate::components::ombudsman::OmbudsmanDetails;
use crate::components::question::QuestionPage;
use crate::domain::draft::{Route, YesNo, LONG_TEXT_MAX};
use crate::answers::use_answers;
use crate::components::page_heading::PageHeading;
use crate::domain::eligibility;
use crate::domain::pages::PageId;
use crate::domain::language::Language;
use crate::domain::translations::{outcome as t, start};
use crate::domain::triage::{self, Conclusion};
use crate::settings::use_settings;

fn heading(outcome: Conclusion, landlord: &str, language: Language) -> String {
    match outcome {
        Conclusion::Complaint | Conclusion::Feedback => t::complaint(language, landlord),
        Conclusion::ServiceRequest => t::service_request(language, landlord),
        Conclusion::HazardReport => t::hazard_report(language, landlord),
        Conclusion::PutRightAlready => t::put_right(language).into(),
        Conclusion::AntiSocialBehaviour => t::asb(language).into(),
        Conclusion::OtherRoute => t::other_route(language).into(),
        Conclusion::Excluded => t::excluded(language, landlord),
        Conclusion::Ombudsman => t::ombudsman_route(language).into(),
    }
}

#[component]
pub fn OutcomePage() -> impl IntoView {
    let (settings, answers) = (use_settings(), use_answers());
    let language = settings.language;
    let landlord = settings.landlord();
    let assessment = answers.with(|policy, draft| triage::assess(policy, draft, settings.today));
    let eligible = answers.with(|policy, draft| eligibility::check(policy, draft, language));
    let title = heading(assessment.outcome, &landlord, language);

    let not_eligible = eligible
        .explanation
        .clone()
        .filter(|_| eligible.may_complain == Some(false));
    let summary = (assessment.outcome != Conclusion::Complaint).then(|| assessment.summary(language));
    // The landlord's own words may have no Welsh: they are then English, and say so.
    let words_lang = assessment.words_language(language).code();
    let signpost = assessment.signpost(language).map(|signpost| {
        view! {
            <h2 class="heading-m">{t::instead(language)}</h2>
            <p class="pre-line" lang=words_lang><LinkedText text=signpost /></p>
        }
    });
    // Where the law sets the route, the landlord's own words for it follow ours.
    let landlord_words = assessment.landlord_words().map(|exclusion| {
        let lang = exclusion.explanation.in_language(language).1.code();
        view! {
            <div class="landlord-words" data-exclusion=exclusion.id.clone()>
                <h2 class="heading-m">{t::landlord_says(language, &landlord)}</h2>
                <p lang=lang><strong>{exclusion.summary.get(language).to_string()}</strong></p>
                <p class="pre-line" lang=lang><LinkedText text=exclusion.explanation.get(language).to_string() /></p>
                <p class="pre-line" lang=lang><LinkedText text=exclusion.signpost.get(language).to_string() /></p>
            </div>
        }
    });
    // Awaab's Law's dates for a hazard, from when the landlord was first told, in UK time.
    let hazard = answers
        .with(|policy, draft| {
            let now = crate::domain::calendar::uk_time(chrono::Utc::now()).naive_local();
            HazardReport::from_answers(policy, draft, now)
        })
        .map(|report| view! { <HazardDates report landlord=landlord.clone() language /> });
    let asb_continues = assessment
        .asb_case_continues
        .then(|| view! { <div class="inset" data-asb-continues><p>{t::asb_continues(language, &landlord)}</p></div> });
    // Built inside the form (a closure), so the fields find the form's errors.
    let can_override = assessment.can_override();
    // A hazard report is sent whatever the answer; anything else goes no further unless sent
    // as a complaint.
    let hazard_report = assessment.outcome == Conclusion::HazardReport;
    let concern_offered = assessment.concern_offered.clone();
    let choice_landlord = landlord.clone();
    let choice = move || {
        let landlord = choice_landlord.clone();
        if can_override {
            let send_anyway = move || answers.draft.with(|d| d.send_anyway);
            type Text = fn(Language) -> &'static str;
            let (heading, question, otherwise): (Text, Text, Text) = if hazard_report {
                (t::complaint_instead, t::send_instead, t::send_hazard_report)
            } else {
                (t::still_send, t::send_anyway, t::nothing_else)
            };
            view! {
            <h2 class="heading-m">{heading(language)}</h2>
            <p>{t::landlord_decides(language, &landlord)}</p>
            <Radios
                field=FieldId::SendAnyway
                question=question(language).to_string()
                                answer=choice_answer!(send_anyway)
            />
            <Show when=move || send_anyway() == Some(YesNo::Yes)>
                <TextArea
                    field=FieldId::OverrideReason
                    label=t::why_send(language).into()
                    hint=t::why_send_hint(language).to_string()
                    get=|d| &d.override_reason
                    set=|d| &mut d.override_reason
                    max=LONG_TEXT_MAX
                    rows=4
                />
            </Show>
            <Show when=move || send_anyway() == Some(YesNo::No)>
                <div class="inset">
                    <p>{otherwise(language)}</p>
                </div>
            </Show>
        }
        .into_any()
        } else {
            let concern = concern_offered.clone().map(|name| {
            let days = settings.policy.with_value(|p| p.stages.concern.as_ref().map(|c| c.resolve.days));
            let days = days.unwrap_or_default().to_string();
            let hint = t::concern_hint(language, &name, &landlord, &days);
            view! {
                <Radios
                    field=FieldId::Route
                    question=t::route_question(language).to_string()
                    hint=hint
                    options=offered(&[Route::Concern, Route::Complaint], language)
                    answer=choice_answer!(route)
                />
            }
        });
            view! {
                <p>{t::is_complaint(language)}</p>
                {concern}
            }
            .into_any()
        }
    };
    // The Ombudsman for this matter: a council's housing matters go to the LGSCO.
    let ombudsman = (!eligible.ombudsman.is_empty()).then(|| {
        let services = settings.policy.with_value(|p| p.ombudsman.lgsco_services.clone());
        let websites: Vec<&str> = eligible.ombudsman.iter().map(|o| o.website).collect();
        view! {
            <div data-ombudsman=websites.join(" ")>
                <h2 class="heading-m">{start::still_unhappy(language)}</h2>
                <p>{t::ombudsman(language, &landlord)}</p>
                <OmbudsmanDetails ombudsmen=eligible.ombudsman.clone() services language />
            </div>
        }
    });

    view! {
        <QuestionPage page=PageId::Outcome title=title.clone()>
            <PageHeading title attr:data-outcome=assessment.outcome.id() />
            {summary.map(|summary| view! { <p class="lead" lang=words_lang>{summary}</p> })}
            {assessment.reason_shown().then(|| view! { <p class="pre-line" lang=words_lang><LinkedText text=assessment.reason(language) /></p> })}
            {not_eligible.map(|text| view! { <div class="inset"><p>{text}</p></div> })}
            {hazard}
            {signpost}
            {landlord_words}
            {asb_continues}
            {choice()}
            {ombudsman}
        </QuestionPage>
    }
}
