//! The first page's wasm: the start page alone, so that most residents' first visit downloads
//! a fraction of the whole app (see `app::start_first_page` and `public/app.js`).
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    console_error_panic_hook::set_once();
}

/// Starts the start page, with the same arguments as the whole app's `start`.
#[wasm_bindgen]
pub fn start(settings: String, app_base: String, container: Option<web_sys::HtmlElement>) {
    resident_complaints::app::start_first_page(&settings, &app_base, container);
}
