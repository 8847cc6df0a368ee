//! Words with their phone numbers and email addresses as links (`domain::linkify`): a
//! landlord's "call 0300 123 4567" is one tap on a phone.

use leptos::prelude::*;

use crate::domain::linkify::{parts, Part};

#[component]
pub fn LinkedText(text: String) -> impl IntoView {
    parts(&text)
        .into_iter()
        .map(|part| match part {
            Part::Words(words) => words.to_string().into_any(),
            Part::Phone { text, dial } => {
                view! { <a href=format!("tel:{dial}")>{text.to_string()}</a> }.into_any()
            }
            Part::Email(address) => {
                view! { <a href=format!("mailto:{address}")>{address.to_string()}</a> }.into_any()
            }
        })
        .collect_view()
}
