//! Who is making the complaint: the resident, someone for them, or nobody named (only where
//! the policy accepts anonymous complaints).

use leptos::prelude::*;

use crate::app::use_journey;
use crate::components::fields::Radios;
use crate::components::question::QuestionPage;
use crate::domain::draft::{Choice, Complainant};
use crate::domain::journey::PageId;
use crate::pages::question;

#[component]
pub fn WhoPage() -> impl IntoView {
    let journey = use_journey();
    let title = question(PageId::Who);
    let eligibility = journey.policy.with_value(|p| p.eligibility.clone());
    let options: Vec<Complainant> = Complainant::ALL
        .iter()
        .copied()
        .filter(|c| match c {
            Complainant::SomeoneElse => eligibility.representatives.allowed,
            Complainant::Anonymous => eligibility.anonymous_accepted,
            Complainant::Myself => true,
        })
        .collect();
    view! {
        <QuestionPage page=PageId::Who title=title.clone()>
            <Radios
                name="complainant"
                question=title
                heading=true
                options
                get=|d| d.complainant
                set=|d, v| d.complainant = Some(v)
            />
        </QuestionPage>
    }
}
