//! Who is making the complaint: the resident, someone for them, or nobody named (as the
//! policy allows: see `eligibility::complainant_options`).

use leptos::prelude::*;

use crate::domain::page::{choice_answer, offered};
use crate::domain::pages::FieldId;
use crate::components::fields::Radios;
use crate::components::question::QuestionPage;
use crate::domain::eligibility;
use crate::domain::pages::PageId;
use crate::pages::question;
use crate::settings::use_settings;

#[component]
pub fn WhoPage() -> impl IntoView {
    let title = question(PageId::Who);
    let options = use_settings().policy.with_value(eligibility::complainant_options);
    view! {
        <QuestionPage page=PageId::Who title=title.clone()>
            <Radios
                field=FieldId::Complainant
                question=title
                heading=true
                options=offered(&options, use_settings().language)
                answer=choice_answer!(complainant)
            />
        </QuestionPage>
    }
}
