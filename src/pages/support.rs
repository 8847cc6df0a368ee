//! Reasonable adjustments: help the resident needs to take part.

use leptos::prelude::*;

use crate::domain::pages::FieldId;

use crate::components::fields::{Checkboxes, TextArea};
use crate::components::question::QuestionPage;
use crate::domain::draft::LONG_TEXT_MAX;
use crate::domain::pages::PageId;
use crate::domain::translations::support as t;
use crate::pages::question;

#[component]
pub fn SupportPage() -> impl IntoView {
    let title = question(PageId::Support);
    let language = crate::settings::use_settings().language;
    view! {
        <QuestionPage page=PageId::Support title=title.clone()>
            <Checkboxes
                field=FieldId::Adjustments
                question=title
                heading=true
                hint=t::hint(language).to_string()
                get=|d| &d.adjustments
                set=|d| &mut d.adjustments
            />
            <TextArea
                field=FieldId::AdjustmentsDetail
                label=t::more(language).into()
                hint=t::more_hint(language).to_string()
                get=|d| &d.adjustments_detail
                set=|d| &mut d.adjustments_detail
                max=LONG_TEXT_MAX
                rows=3
            />
        </QuestionPage>
    }
}
