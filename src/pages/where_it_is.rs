//! Where the problem is: the home, a shared area or somewhere else (with where exactly).

use leptos::prelude::*;

use crate::answers::use_answers;
use crate::components::fields::{Radios, TextInput};
use crate::components::question::QuestionPage;
use crate::domain::draft::Place;
use crate::domain::journey::PageId;
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
            <Radios name="place" question=title heading=true get=|d| d.place set=|d, v| d.place = Some(v) />
            <Show when=needs_address>
                <TextInput name="address" label=t::exactly(language).into() hint=t::exactly_hint(language).to_string() get=|d| &d.address set=|d| &mut d.address />
            </Show>
        </QuestionPage>
    }
}
