//! When it happened, or when the resident found out, and whether it is still going on: the
//! policy's time limit runs from the date, and only for a matter that has ended.

use leptos::prelude::*;

use crate::domain::page::choice_answer;
use crate::domain::pages::FieldId;
use crate::components::fields::{DateField, Radios};
use crate::components::question::QuestionPage;
use crate::domain::pages::PageId;
use crate::domain::translations::when as t;
use crate::pages::question;
use crate::settings::use_settings;

#[component]
pub fn WhenPage() -> impl IntoView {
    let settings = use_settings();
    let language = settings.language;
    let title = question(PageId::When);
    let limit = settings
        .policy
        .with_value(|p| p.time_limit.as_ref().map(|l| l.months));
    let hint = match limit {
        Some(months) => {
            t::hint_with_limit(language, &settings.landlord(), &months.to_string())
        }
        None => t::hint(language).to_string(),
    };
    view! {
        <QuestionPage page=PageId::When title=title.clone()>
            <DateField field=FieldId::IssueDate question=title heading=true hint get=|d| &d.issue_date set=|d| &mut d.issue_date />
            // A time limit applies only to a matter that has ended.
            <Radios
                field=FieldId::Ongoing
                question=t::ongoing(language).to_string()
                hint=t::ongoing_hint(language).to_string()
                answer=choice_answer!(ongoing)
            />
        </QuestionPage>
    }
}
