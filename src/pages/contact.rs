//! The complainant's name and how they want to be contacted, with checked details.

use leptos::prelude::*;

use crate::domain::page::choice_answer;
use crate::domain::pages::FieldId;
use crate::answers::use_answers;
use crate::components::fields::{Radios, TextArea, TextInput};
use crate::components::question::QuestionPage;
use crate::components::page_heading::PageHeading;
use crate::domain::draft::SHORT_TEXT_MAX;
use crate::domain::pages::PageId;
use crate::domain::translations::contact as t;
use crate::pages::question;
use crate::settings::use_settings;

#[component]
pub fn ContactPage() -> impl IntoView {
    let title = question(PageId::Contact);
    let for_someone_else = use_answers().draft.with_untracked(|d| d.is_representative());
    let language = use_settings().language;
    let (name_label, hint) = if for_someone_else {
        (t::resident_name(language), t::resident_details(language))
    } else {
        (t::your_name(language), t::only_for_complaint(language))
    };
    view! {
        <QuestionPage page=PageId::Contact title=title.clone()>
            <PageHeading title />
            <p class="hint">{hint}</p>
            <ContactFields name_label=name_label.into() />
        </QuestionPage>
    }
}

/// The complainant's name and contact details, shared with the review request page.
#[component]
pub fn ContactFields(name_label: String) -> impl IntoView {
    let language = use_settings().language;
    view! {
        <TextInput field=FieldId::Name label=name_label get=|d| &d.name set=|d| &mut d.name autocomplete="name" spellcheck=false />
        <Radios field=FieldId::ContactMethod question=t::how(language).to_string() answer=choice_answer!(contact_method) />
        <TextInput field=FieldId::Email label=t::email(language).into() get=|d| &d.email set=|d| &mut d.email autocomplete="email" input_type="email" spellcheck=false />
        <TextInput field=FieldId::Phone label=t::phone(language).into() hint=t::phone_hint(language).to_string() get=|d| &d.phone set=|d| &mut d.phone autocomplete="tel" input_type="tel" width="20" />
        <TextArea field=FieldId::PostalAddress label=t::address(language).into() get=|d| &d.postal_address set=|d| &mut d.postal_address max=SHORT_TEXT_MAX rows=3 autocomplete="street-address" />
        <TextInput field=FieldId::Postcode label=t::postcode(language).into() get=|d| &d.postcode set=|d| &mut d.postcode autocomplete="postal-code" width="10" spellcheck=false />
    }
}
