//! Who is making the complaint: the resident, someone for them, or nobody named (only where
//! the policy accepts anonymous complaints).

use leptos::prelude::*;

use crate::domain::page::{choice_answer, offered};
use crate::domain::pages::FieldId;

use crate::app::use_journey;
use crate::components::fields::Radios;
use crate::components::question::QuestionPage;
use crate::domain::draft::Who;
use crate::domain::journey::PageId;
use crate::pages::question;

#[component]
pub fn WhoPage() -> impl IntoView {
    let journey = use_journey();
    let title = question(PageId::Who);
    let eligibility = journey.policy.with_value(|p| p.eligibility.clone());
    let options: Vec<Who> = Who::ALL
        .iter()
        .copied()
        .filter(|c| match c {
            Who::SomeoneElse => eligibility.representatives.allowed,
            Who::Anonymous => eligibility.anonymous_accepted,
            Who::Myself => true,
        })
        .collect();
    view! {
        <QuestionPage page=PageId::Who title=title.clone()>
            <Radios
                field=FieldId::Complainant
                question=title
                heading=true
                options=offered(&options, journey.language)
                answer=choice_answer!(complainant)
            />
        </QuestionPage>
    }
}
