//! Shown when the page asks for a policy profile the app does not have: says which, for the
//! landlord's web team, and how the resident can still complain.

use leptos::prelude::*;

use crate::components::ombudsman::OmbudsmanDetails;
use crate::domain::policy::{Ombudsman, OmbudsmanScheme, Policy};

#[component]
pub fn UnknownPolicyPage(id: String) -> impl IntoView {
    let known = Policy::builtin_ids().join(", ");
    view! {
        <h1 class="heading-xl">"Sorry, this complaints form is not working"</h1>
        <p>"You can still complain to your landlord by phone, email, letter or in person."</p>
        <p>"If your landlord does not deal with your complaint, you can ask an Ombudsman for help:"</p>
        <OmbudsmanDetails ombudsman=Ombudsman { scheme: OmbudsmanScheme::Both, lgsco_services: Vec::new() } />
        <h2 class="heading-m">"For the website team"</h2>
        <p>
            "There is no built-in complaints policy called \u{201c}" <code>{id}</code> "\u{201d}. "
            "The built-in policies are: " <code>{known}</code> "."
        </p>
    }
}
