//! Asking for a stage 2 review, by the complaint's reference and the date of the stage 1
//! reply: whether it is inside the policy's window, the dates stage 2 promises, then send.

use leptos::prelude::*;

use crate::app::use_journey;
use crate::components::fields::{DateField, TextArea, TextInput};
use crate::components::question::QuestionPage;
use crate::components::timeline::TimelineList;
use crate::domain::deadlines::long_date;
use crate::domain::draft::LONG_TEXT_MAX;
use crate::domain::journey::PageId;
use crate::domain::submission::{milestones_for, Kind};
use crate::pages::contact::ContactFields;
use crate::pages::question;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let journey = use_journey();
    let title = question(PageId::Review);
    let policy = journey.policy.get_value();
    let Some(stage2) = policy.stages.stage2.clone() else {
        return view! {
            <h1 class="heading-l" id="page-heading" tabindex="-1">{title}</h1>
            <p>{policy.landlord.name.clone()} "\u{2019}s complaints policy has one stage. If you are unhappy with their reply, you can ask the Ombudsman to look at it."</p>
        }
        .into_any();
    };
    let today = journey.today;
    let window_note = move || {
        let typed = journey.draft.with(|d| d.review_response_date.parse(today));
        let replied = typed.ok()?;
        let last_day = journey
            .policy
            .with_value(|p| p.stage2_request_by(replied))?;
        Some(if today <= last_day {
            view! { <p class="inset" data-window="open">"You are in time. Their policy asks for reviews by " <time datetime=last_day.to_string()>{long_date(last_day, journey.language)}</time> "."</p> }.into_any()
        } else {
            view! { <p class="inset" data-window="closed">"Their policy asks for reviews by " <time datetime=last_day.to_string()>{long_date(last_day, journey.language)}</time> ". You can still ask: tell them why it is late. They will decide."</p> }.into_any()
        })
    };
    let milestones = milestones_for(
        &policy,
        Kind::Escalation,
        chrono::Local::now().naive_local(),
    );
    let reasons_label = if stage2.reasons_required {
        "Why are you unhappy with their reply?"
    } else {
        "Why are you unhappy with their reply? (optional)"
    };
    let reasons_hint = (!stage2.reasons_required)
        .then(|| "You do not have to give reasons, but it helps them.".to_string());
    view! {
        <QuestionPage page=PageId::Review title=title.clone() button="Send review request" on_valid=Callback::new(move |_| crate::outbox::submit(journey, true))>
            <h1 class="heading-l" id="page-heading" tabindex="-1">{title}</h1>
            <p>"If you are unhappy with the reply to your complaint, you can ask " {policy.landlord.name.clone()} " to look at it again (stage 2)."</p>
            <TextInput name="review-reference" label="Reference number of your complaint".into() get=|d| &d.review_reference set=|d| &mut d.review_reference width="20" spellcheck=false />
            <DateField name="review-date" error_field="review-date-day" question="When did they reply to your complaint?".into() hint="For example, 27 3 2026".into() get=|d| &d.review_response_date set=|d| &mut d.review_response_date />
            {window_note}
            <TextArea name="review-reasons" label=reasons_label.into() hint=reasons_hint get=|d| &d.review_reasons set=|d| &mut d.review_reasons max=LONG_TEXT_MAX rows=5 />
            <h2 class="heading-m">"Your details"</h2>
            <ContactFields name_label="Your full name".into() />
            <h2 class="heading-m">"When you will hear back"</h2>
            <p>"If they receive your request today, their policy says:"</p>
            <TimelineList milestones />
        </QuestionPage>
    }
    .into_any()
}
