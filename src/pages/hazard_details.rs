//! About the damp, mould or other hazard: who in the home it harms most, whether it is
//! spreading, and when the landlord was first told, which starts Awaab's Law's deadlines.

use leptos::prelude::*;

use crate::answers::use_answers;
use crate::components::fields::{Checkboxes, DateField, ListRadios, Radios};
use crate::components::page_heading::PageHeading;
use crate::components::question::QuestionPage;
use crate::domain::hazard_report;
use crate::domain::page::choice_answer;
use crate::domain::pages::{FieldId, PageId};
use crate::domain::translations::hazard as t;
use crate::pages::question;
use crate::settings::use_settings;

#[component]
pub fn HazardDetailsPage() -> impl IntoView {
    let language = use_settings().language;
    let title = question(PageId::HazardDetails);
    // "Another hazard": which of the profile's own, where it lists any (phase 2).
    let listed = use_answers().with(|policy, draft| {
        hazard_report::asks_listed(policy, draft).then(|| view! {
            <ListRadios
                field=FieldId::ListedHazard
                question=t::which(language).to_string()
                options=hazard_report::listed_choices(policy, language)
                get=|d| &d.listed_hazard
                set=|d| &mut d.listed_hazard
            />
        })
    });
    view! {
        <QuestionPage page=PageId::HazardDetails title=title.clone()>
            <PageHeading title />
            {listed}
            <Checkboxes
                field=FieldId::Vulnerable
                question=t::vulnerable(language).to_string()
                hint=t::vulnerable_hint(language).to_string()
                get=|d| &d.vulnerable
                set=|d| &mut d.vulnerable
            />
            <Radios
                field=FieldId::Spreading
                question=t::spreading(language).to_string()
                answer=choice_answer!(spreading)
            />
            <DateField
                field=FieldId::FirstTold
                question=t::first_told(language).to_string()
                hint=t::first_told_hint(language).to_string()
                get=|d| &d.first_told
                set=|d| &mut d.first_told
            />
        </QuestionPage>
    }
}
