//! The representative's own details: who they are, how the resident agreed, and who gets the
//! replies, as the policy allows (see `eligibility::check`).

use leptos::prelude::*;

use crate::domain::page::{choice_answer, offered};
use crate::domain::pages::FieldId;
use crate::answers::use_answers;
use crate::components::fields::{Radios, TextInput};
use crate::components::page_heading::PageHeading;
use crate::components::question::QuestionPage;
use crate::domain::eligibility;
use crate::domain::pages::PageId;
use crate::domain::translations::representative as t;
use crate::pages::question;
use crate::settings::use_settings;

#[component]
pub fn RepresentativePage() -> impl IntoView {
    let settings = use_settings();
    let language = settings.language;
    let title = question(PageId::Representative);
    let allowed = use_answers().with(|policy, draft| eligibility::check(policy, draft, language));
    // When eligibility asks for consent in writing; in this page's words, which name the
    // landlord where eligibility's note says "your landlord".
    let consent_hint = allowed
        .consent_note
        .is_some()
        .then(|| t::consent_in_writing(language, &settings.landlord()));
    let replies_options = allowed.replies_options;
    // A choice only where replies may go to the representative.
    let choose_replies = replies_options.len() > 1;
    // Built inside the form (a closure), so the fields find the form's errors.
    let replies = move || {
        choose_replies.then(|| {
            view! {
                <Radios
                    field=FieldId::RepRepliesTo
                    question=t::replies_to(language).to_string()
                    options=offered(&replies_options, language)
                    answer=choice_answer!(representative.replies_to)
                />
            }
        })
    };
    let not_to_you = (!choose_replies).then(|| {
        view! { <p class="inset">{t::replies_to_resident(language)}</p> }
    });
    view! {
        <QuestionPage page=PageId::Representative title=title.clone()>
            <PageHeading title />
            <TextInput field=FieldId::RepName label=t::name(language).into() get=|d| &d.representative.name set=|d| &mut d.representative.name autocomplete="name" spellcheck=false />
            <TextInput field=FieldId::RepRelationship label=t::relationship(language).into() hint=t::relationship_hint(language).to_string() get=|d| &d.representative.relationship set=|d| &mut d.representative.relationship />
            <Radios
                field=FieldId::RepConsent
                question=t::consent(language).to_string()
                hint=consent_hint
                options=offered(&allowed.consent_options, language)
                answer=choice_answer!(representative.consent)
            />
            {replies()}
            {not_to_you}
            <TextInput field=FieldId::RepEmail label=t::email(language).into() get=|d| &d.representative.email set=|d| &mut d.representative.email autocomplete="email" input_type="email" spellcheck=false />
            <TextInput field=FieldId::RepPhone label=t::phone(language).into() get=|d| &d.representative.phone set=|d| &mut d.representative.phone autocomplete="tel" input_type="tel" width="20" />
        </QuestionPage>
    }
}
