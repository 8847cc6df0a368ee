//! Where the problem is: the home, a shared area or somewhere else (with where exactly).

use leptos::prelude::*;

use crate::domain::page::choice_answer;
use crate::domain::pages::FieldId;
use crate::answers::use_answers;
use crate::components::fields::{Radios, TextInput};
use crate::components::question::QuestionPage;
use crate::domain::draft::Place;
use crate::domain::pages::PageId;
use crate::domain::translations::where_it_is as t;
use crate::pages::question;
use crate::settings::use_settings;

#[component]
pub fn WherePage() -> impl IntoView {
    let (language, draft) = (use_settings().language, use_answers().draft);
    let title = question(PageId::Where);
    let needs_address = move || {
        draft
            .with(|d| matches!(d.place, Some(Place::Communal | Place::Elsewhere)))
    };
    view! {
        <QuestionPage page=PageId::Where title=title.clone()>
            <Radios field=FieldId::Place question=title heading=true answer=choice_answer!(place) />
            <Show when=needs_address>
                <TextInput field=FieldId::Address label=t::exactly(language).into() hint=t::exactly_hint(language).to_string() get=|d| &d.address set=|d| &mut d.address />
            </Show>
        </QuestionPage>
    }
}
