//! The app shell: which policy profile applies (from `?policy=`), and the page layout.

use leptos::prelude::*;

use crate::domain::policy::Policy;
use crate::pages::start::StartPage;
use crate::pages::unknown_policy::UnknownPolicyPage;

/// The policy chosen by the `policy` query parameter, or the default profile.
fn chosen_policy() -> Result<Policy, String> {
    let id = window()
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("policy"))
        .filter(|id| !id.is_empty());
    match id {
        None => Ok(Policy::default_policy()),
        Some(id) => Policy::builtin(&id).ok_or(id),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let policy = chosen_policy();
    let service_name = match &policy {
        Ok(policy) => format!("Complain to {}", policy.landlord.name),
        Err(_) => "Make a complaint about your home".to_string(),
    };
    let title = match &policy {
        Ok(policy) => format!("Make a complaint to {}", policy.landlord.name),
        Err(_) => "Sorry, this complaints form is not working".to_string(),
    };
    document().set_title(&title);
    view! {
        <a href="#main-content" class="skip-link">"Skip to main content"</a>
        <header class="header">
            <div class="width-container">
                <p class="header__service">{service_name}</p>
            </div>
        </header>
        <div class="width-container">
            <main id="main-content" class="main" tabindex="-1">
                {match policy {
                    Ok(policy) => view! { <StartPage policy /> }.into_any(),
                    Err(id) => view! { <UnknownPolicyPage id /> }.into_any(),
                }}
            </main>
        </div>
    }
}
