//! The complainant's name and how they want to be contacted, with checked details.

use leptos::prelude::*;

use crate::app::use_journey;
use crate::components::fields::{Radios, TextArea, TextInput};
use crate::components::question::QuestionPage;
use crate::domain::draft::SHORT_TEXT_MAX;
use crate::domain::journey::PageId;
use crate::pages::question;

#[component]
pub fn ContactPage() -> impl IntoView {
    let journey = use_journey();
    let title = question(PageId::Contact);
    let for_someone_else = journey.draft.with_untracked(|d| d.is_representative());
    let (name_label, hint) = if for_someone_else {
        (
            "The resident\u{2019}s full name",
            "These are the resident\u{2019}s details. Yours are on an earlier page.",
        )
    } else {
        (
            "Your full name",
            "They will only use these details about your complaint.",
        )
    };
    view! {
        <QuestionPage page=PageId::Contact title=title.clone()>
            <h1 class="heading-l" id="page-heading" tabindex="-1">{title}</h1>
            <p class="hint">{hint}</p>
            <ContactFields name_label=name_label.into() />
        </QuestionPage>
    }
}

/// The complainant's name and contact details, shared with the review request page.
#[component]
pub fn ContactFields(name_label: String) -> impl IntoView {
    view! {
        <TextInput name="name" label=name_label get=|d| &d.name set=|d| &mut d.name autocomplete="name" spellcheck=false />
        <Radios name="contact-method" question="How would you like them to contact you?".to_string() get=|d| d.contact_method set=|d, v| d.contact_method = Some(v) />
        <TextInput name="email" label="Email address".into() get=|d| &d.email set=|d| &mut d.email autocomplete="email" input_type="email" spellcheck=false />
        <TextInput name="phone" label="Phone number".into() hint="For example, 07700 900 982.".to_string() get=|d| &d.phone set=|d| &mut d.phone autocomplete="tel" input_type="tel" width="20" />
        <TextArea name="postal-address" label="Address".into() get=|d| &d.postal_address set=|d| &mut d.postal_address max=SHORT_TEXT_MAX rows=3 autocomplete="street-address" />
        <TextInput name="postcode" label="Postcode".into() get=|d| &d.postcode set=|d| &mut d.postcode autocomplete="postal-code" width="10" spellcheck=false />
    }
}
