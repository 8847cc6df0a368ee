//! The page's `<h1>`: focus moves to it on a change of page, so screen readers announce the new
//! page (see `question`), hence its fixed id and `tabindex`.

use leptos::prelude::*;

#[component]
pub fn PageHeading(
    #[prop(into)] title: String,
    /// The GOV.UK heading size, or the confirmation panel's title.
    #[prop(default = "heading-l")]
    class: &'static str,
) -> impl IntoView {
    view! { <h1 class=class id="page-heading" tabindex="-1">{title}</h1> }
}
