//! An address that is not a page of the service.

use leptos::prelude::*;
use crate::components::page_heading::PageHeading;

use crate::settings::use_settings;
use crate::domain::pages::PageId;
use crate::domain::translations::not_found as t;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let settings = use_settings();
    let language = settings.language;
    crate::config::set_title(t::title(language));
    view! {
        <PageHeading title=t::title(language) />
        <p>{t::typed(language)}</p>
        <p><a href=settings.href(PageId::Start)>{t::go_to_start(language)}</a></p>
    }
}
