//! The representative's own details: who they are, how the resident agreed, and who gets the
//! replies (as the policy allows).

use leptos::prelude::*;

use crate::domain::page::{choice_answer, offered};
use crate::domain::pages::FieldId;

use crate::app::use_journey;
use crate::components::fields::{Radios, TextInput};
use crate::components::question::QuestionPage;
use crate::domain::draft::ConsentBasis;
use crate::domain::journey::PageId;
use crate::domain::translations::representative as t;
use crate::pages::question;

#[component]
pub fn RepresentativePage() -> impl IntoView {
    let journey = use_journey();
    let title = question(PageId::Representative);
    let rules = journey
        .policy
        .with_value(|p| p.eligibility.representatives.clone());
    let consent_options: Vec<ConsentBasis> = ConsentBasis::ALL
        .iter()
        .copied()
        .filter(|basis| !rules.written_consent_required || *basis != ConsentBasis::ResidentPresent)
        .collect();
    let language = journey.language;
    let consent_hint = rules
        .written_consent_required
        .then(|| t::consent_in_writing(language, &journey.landlord()));
    // Built inside the form (a closure), so the fields find the form's errors.
    let replies = move || {
        rules.replies_to_representative.then(|| {
            view! {
                <Radios
                    field=FieldId::RepRepliesTo
                    question=t::replies_to(language).to_string()
                                        answer=choice_answer!(representative.replies_to)
                />
            }
        })
    };
    let not_to_you = (!rules.replies_to_representative).then(|| {
        view! { <p class="inset">{t::replies_to_resident(language)}</p> }
    });
    view! {
        <QuestionPage page=PageId::Representative title=title.clone()>
            <h1 class="heading-l" id="page-heading" tabindex="-1">{title}</h1>
            <TextInput field=FieldId::RepName label=t::name(language).into() get=|d| &d.representative.name set=|d| &mut d.representative.name autocomplete="name" spellcheck=false />
            <TextInput field=FieldId::RepRelationship label=t::relationship(language).into() hint=t::relationship_hint(language).to_string() get=|d| &d.representative.relationship set=|d| &mut d.representative.relationship />
            <Radios
                field=FieldId::RepConsent
                question=t::consent(language).to_string()
                hint=consent_hint
                options=offered(&consent_options, language)
                answer=choice_answer!(representative.consent)
            />
            {replies()}
            {not_to_you}
            <TextInput field=FieldId::RepEmail label=t::email(language).into() get=|d| &d.representative.email set=|d| &mut d.representative.email autocomplete="email" input_type="email" spellcheck=false />
            <TextInput field=FieldId::RepPhone label=t::phone(language).into() get=|d| &d.representative.phone set=|d| &mut d.representative.phone autocomplete="tel" input_type="tel" width="20" />
        </QuestionPage>
    }
}
