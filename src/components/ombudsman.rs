//! How to reach the Ombudsman (or Ombudsmen) that can look at the matter.

use leptos::prelude::*;

use crate::components::sentence::{sentence, MARK};
use crate::domain::language::Language;
use crate::domain::local_text::LocalText;
use crate::domain::ombudsman::{OmbudsmanDetails as Details, LGSCO};
use crate::domain::policy::Policy;
use crate::domain::translations::ombudsman as t;

/// Each Ombudsman with its website and phone number. Where the Local Government and Social
/// Care Ombudsman is among them, the landlord's words say which of its services it covers.
#[component]
pub fn OmbudsmanDetails(
    ombudsmen: Vec<Details>,
    /// The landlord's services the LGSCO covers (`ombudsman.lgsco_services`).
    #[prop(optional)]
    services: Vec<LocalText>,
    language: Language,
) -> impl IntoView {
    // The landlord's words for its services, each marked English where it gave no Welsh.
    let services = (ombudsmen.contains(&LGSCO) && !services.is_empty()).then(|| {
        let list = services
            .iter()
            .enumerate()
            .map(|(i, service)| {
                let (text, lang) = service.in_language(language);
                let separator = if i == 0 { "" } else { "; " };
                view! { {separator} <span lang=lang.code()>{text.to_string()}</span> }
            })
            .collect_view();
        view! { <p>{sentence(&t::lgsco_services(language, MARK[0]), vec![list.into_any()])}</p> }
    });
    let schemes = ombudsmen
        .iter()
        .map(|details| {
            let name = (details.name)(language);
            let website = view! { <a href=details.website>{name}</a> };
            let phone = view! {
                <a href=format!("tel:{}", details.phone.replace(' ', ""))>{details.phone}</a>
            };
            let text = t::phone(language, MARK[0], MARK[1]);
            let limit = (details.limit)(language);
            view! { <li>{sentence(&text, vec![website.into_any(), phone.into_any()])}" "{limit}</li> }
        })
        .collect_view();
    view! {
        <ul class="list list--bullet">{schemes}</ul>
        {services}
    }
}

/// Every Ombudsman of the policy's scheme, for a page that does not yet know the matter.
#[component]
pub fn PolicyOmbudsmen(policy: Policy, language: Language) -> impl IntoView {
    view! {
        <OmbudsmanDetails
            ombudsmen=policy.ombudsman.scheme.details().to_vec()
            services=policy.ombudsman.lgsco_services
            language
        />
    }
}
