//! An address that is not a page of the service.

use leptos::prelude::*;

use crate::app::use_journey;
use crate::domain::journey::PageId;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let journey = use_journey();
    crate::config::set_title("Page not found");
    view! {
        <h1 class="heading-l" id="page-heading" tabindex="-1">"Page not found"</h1>
        <p>"If you typed the web address, check it is correct."</p>
        <p><a href=journey.href(PageId::Start)>"Go to the start of the complaints form"</a></p>
    }
}
