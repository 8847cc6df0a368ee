//! How to reach the Ombudsman the policy names.

use leptos::prelude::*;

use crate::components::sentence::{sentence, MARK};
use crate::domain::language::Language;
use crate::domain::policy::Ombudsman;
use crate::domain::translations::ombudsman as t;

#[component]
pub fn OmbudsmanDetails(ombudsman: Ombudsman, language: Language) -> impl IntoView {
    // The landlord's words for its services, each marked English where it gave no Welsh.
    let services = (!ombudsman.lgsco_services.is_empty()).then(|| {
        let list = ombudsman
            .lgsco_services
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
    let schemes = ombudsman
        .scheme
        .details()
        .iter()
        .map(|details| {
            let name = (details.name)(language);
            let website = view! { <a href=details.website>{name}</a> };
            let phone = view! {
                <a href=format!("tel:{}", details.phone.replace(' ', ""))>{details.phone}</a>
            };
            let text = t::phone(language, MARK[0], MARK[1]);
            view! { <li>{sentence(&text, vec![website.into_any(), phone.into_any()])}</li> }
        })
        .collect_view();
    view! {
        <ul class="list list--bullet">{schemes}</ul>
        {services}
    }
}
