//! How to reach the Ombudsman the policy names.

use leptos::prelude::*;

use crate::domain::policy::Ombudsman;

#[component]
pub fn OmbudsmanDetails(ombudsman: Ombudsman) -> impl IntoView {
    let services = (!ombudsman.lgsco_services.is_empty()).then(|| {
        view! {
            <p>
                "The Local Government and Social Care Ombudsman looks at complaints about: "
                {ombudsman.lgsco_services.join("; ")} "."
            </p>
        }
    });
    let schemes = ombudsman
        .scheme
        .details()
        .iter()
        .map(|details| {
            view! {
                <li>
                    <a href=details.website>{details.name}</a>
                    ", phone "
                    <a href=format!("tel:{}", details.phone.replace(' ', ""))>{details.phone}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="list list--bullet">{schemes}</ul>
        {services}
    }
}
