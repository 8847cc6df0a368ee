//! When it happened, or when the resident found out, and whether it is still going on: the
//! policy's time limit runs from the date, and only for a matter that has ended.

use leptos::prelude::*;

use crate::domain::page::choice_answer;
use crate::domain::pages::FieldId;

use crate::app::use_journey;
use crate::components::fields::{DateField, Radios};
use crate::components::question::QuestionPage;
use crate::domain::journey::PageId;
use crate::domain::translations::when as t;
use crate::pages::question;

#[component]
pub fn WhenPage() -> impl IntoView {
    let journey = use_journey();
    let title = question(PageId::When);
    let limit = journey
        .policy
        .with_value(|p| p.time_limit.as_ref().map(|l| l.months));
    let hint = match limit {
        Some(months) => {
            t::hint_with_limit(journey.language, &journey.landlord(), &months.to_string())
        }
        None => t::hint(journey.language).to_string(),
    };
    view! {
        <QuestionPage page=PageId::When title=title.clone()>
            <DateField field=FieldId::IssueDate question=title heading=true hint get=|d| &d.issue_date set=|d| &mut d.issue_date />
            // A time limit applies only to a matter that has ended.
            <Radios
                field=FieldId::Ongoing
                question=t::ongoing(journey.language).to_string()
                hint=t::ongoing_hint(journey.language).to_string()
                                answer=choice_answer!(ongoing)
            />
        </QuestionPage>
    }
}
