//! The first page's wasm: the start page alone, drawn without Leptos, so that most residents'
//! first visit downloads a fraction of the whole app (see `app::start_first_page` and
//! `public/app.js`).
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    console_error_panic_hook::set_once();
}

/// Starts the start page, with the same arguments as the whole app's `start`. Resolves to
/// whether it drew the page: if not, the settings or the profile cannot be used, and app.js
/// starts the whole app, which says why.
#[wasm_bindgen]
pub async fn start(settings: String, app_base: String, _container: Option<web_sys::HtmlElement>) -> bool {
    resident_complaints::app::start_first_page(&settings, &app_base).await
}
