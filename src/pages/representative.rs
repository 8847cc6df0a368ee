//! The representative's own details: who they are, how the resident agreed, and who gets the
//! replies (as the policy allows).

use leptos::prelude::*;

use crate::app::use_journey;
use crate::components::fields::{Radios, TextInput};
use crate::components::question::QuestionPage;
use crate::domain::draft::{Choice, ConsentBasis, RepliesTo};
use crate::domain::journey::PageId;
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
    let consent_hint = rules.written_consent_required.then(|| {
        format!(
            "{} needs the resident\u{2019}s agreement in writing before it can deal with you.",
            journey.landlord()
        )
    });
    // Built inside the form (a closure), so the fields find the form's errors.
    let replies = move || {
        rules.replies_to_representative.then(|| {
            view! {
                <Radios
                    name="rep-replies-to"
                    question="Who should get the replies?".to_string()
                    options=RepliesTo::ALL.to_vec()
                    get=|d| d.representative.replies_to
                    set=|d, v| d.representative.replies_to = Some(v)
                />
            }
        })
    };
    let not_to_you = (!rules.replies_to_representative).then(|| {
        view! { <p class="inset">"Replies will go to the resident, not to you."</p> }
    });
    view! {
        <QuestionPage page=PageId::Representative title=title.clone()>
            <h1 class="heading-l" id="page-heading" tabindex="-1">{title}</h1>
            <TextInput name="rep-name" label="Your full name".into() get=|d| &d.representative.name set=|d| &mut d.representative.name autocomplete="name" spellcheck=false />
            <TextInput name="rep-relationship" label="How do you know the resident?".into() hint="For example, daughter, neighbour, or support worker at Shelter.".to_string() get=|d| &d.representative.relationship set=|d| &mut d.representative.relationship />
            <Radios
                name="rep-consent"
                question="How has the resident agreed to you acting for them?".to_string()
                hint=consent_hint
                options=consent_options
                get=|d| d.representative.consent
                set=|d, v| d.representative.consent = Some(v)
            />
            {replies()}
            {not_to_you}
            <TextInput name="rep-email" label="Your email address (optional)".into() get=|d| &d.representative.email set=|d| &mut d.representative.email autocomplete="email" input_type="email" spellcheck=false />
            <TextInput name="rep-phone" label="Your phone number (optional)".into() get=|d| &d.representative.phone set=|d| &mut d.representative.phone autocomplete="tel" input_type="tel" width="20" />
        </QuestionPage>
    }
}
