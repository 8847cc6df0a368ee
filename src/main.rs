//! The wasm entry points, called by `public/app.js` once the module is loaded.
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    console_error_panic_hook::set_once();
}

/// Starts the app. `settings` is a query string (`policy=...&endpoint=...`), from the page's
/// address or from the mount element's data- attributes; `app_base` is the address the app's
/// files are served from; `container` is the element to render into when embedded on a
/// landlord's page (the whole page otherwise).
#[wasm_bindgen]
pub fn start(settings: String, app_base: String, container: Option<web_sys::HtmlElement>) {
    resident_complaints::app::start(&settings, &app_base, container);
}
