//! An address that is not a page of the service.

use leptos::prelude::*;

use crate::app::use_journey;
use crate::domain::journey::PageId;
use crate::domain::translations::not_found as t;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let journey = use_journey();
    let language = journey.language;
    crate::config::set_title(t::title(language));
    view! {
        <h1 class="heading-l" id="page-heading" tabindex="-1">{t::title(language)}</h1>
        <p>{t::typed(language)}</p>
        <p><a href=journey.href(PageId::Start)>{t::go_to_start(language)}</a></p>
    }
}
