//! Asking for a stage 2 review, by the complaint's reference and the date of the stage 1
//! reply: whether it is inside the policy's window, the dates stage 2 promises, then send.

use leptos::prelude::*;

use crate::domain::pages::FieldId;
use crate::answers::use_answers;
use crate::components::fields::{DateField, TextArea, TextInput};
use crate::components::question::QuestionPage;
use crate::components::timeline::TimelineList;
use crate::domain::deadlines::long_date;
use crate::domain::draft::LONG_TEXT_MAX;
use crate::domain::pages::PageId;
use crate::domain::submission::{milestones_for, Kind};
use crate::domain::translations::{contact, review as t, start};
use crate::components::sentence::{sentence, MARK};
use crate::components::page_heading::PageHeading;
use crate::pages::contact::ContactFields;
use crate::outbox::use_outbox;
use crate::pages::question;
use crate::settings::use_settings;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let settings = use_settings();
    let language = settings.language;
    let title = question(PageId::Review);
    let policy = settings.policy.get_value();
    let Some(stage2) = policy.stages.stage2.clone() else {
        return view! {
            <PageHeading title />
            <p>{t::one_stage(language, &policy.landlord.name_in_texts(language))}</p>
        }
        .into_any();
    };
    let today = settings.today;
    let draft = use_answers().draft;
    let window_note = move || {
        let typed = draft.with(|d| d.review_response_date.parse(today));
        let replied = typed.ok()?;
        let last_day = settings
            .policy
            .with_value(|p| p.stage2_request_by(replied))?;
        let date = view! {
            <time datetime=last_day.to_string()>{long_date(last_day, language)}</time>
        };
        let (window, text) = match today <= last_day {
            true => ("open", t::in_time(language, MARK[0])),
            false => ("closed", t::late(language, MARK[0])),
        };
        Some(view! {
            <p class="inset" data-window=window>{sentence(&text, vec![date.into_any()])}</p>
        })
    };
    let milestones = milestones_for(
        &policy,
        Kind::Escalation,
        chrono::Local::now().naive_local(),
    );
    // Always optional (the Code, 6.12); where the landlord asks for reasons, the hint says so.
    let reasons_hint = if stage2.reasons_required {
        t::reasons_asked(language, &policy.landlord.name_in_texts(language))
    } else {
        t::reasons_hint(language).to_string()
    };
    let outbox = use_outbox();
    view! {
        <QuestionPage page=PageId::Review title=title.clone() button=t::send(language) on_valid=Callback::new(move |_| outbox.submit(true))>
            <PageHeading title />
            <p>{t::intro(language, &policy.landlord.name_in_texts(language))}</p>
            <TextInput field=FieldId::ReviewReference label=t::reference(language).into() get=|d| &d.review_reference set=|d| &mut d.review_reference width="20" spellcheck=false />
            <DateField field=FieldId::ReviewDate question=t::replied_when(language).into() hint=t::date_hint(language).into() get=|d| &d.review_response_date set=|d| &mut d.review_response_date />
            {window_note}
            <TextArea field=FieldId::ReviewReasons label=t::reasons_optional(language).into() hint=reasons_hint get=|d| &d.review_reasons set=|d| &mut d.review_reasons max=LONG_TEXT_MAX rows=5 />
            <h2 class="heading-m">{t::your_details(language)}</h2>
            <ContactFields name_label=contact::your_name(language).into() />
            <h2 class="heading-m">{start::hear_back(language)}</h2>
            <p>{t::if_received_today(language)}</p>
            <TimelineList milestones />
        </QuestionPage>
    }
    .into_any()
}
