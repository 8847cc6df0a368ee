//! The policy check's wasm: the page for a landlord's web team (`/policy-check`), which names
//! a profile's faults by field. It is kept out of the whole app, so that no resident downloads
//! it or the field-naming parser (see `app::start_policy_check` and `public/app.js`).
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    console_error_panic_hook::set_once();
}

/// Starts the policy check, with the same arguments as the whole app's `start`.
#[wasm_bindgen]
pub fn start(settings: String, app_base: String, container: Option<web_sys::HtmlElement>) {
    resident_complaints::app::start_policy_check(&settings, &app_base, container);
}
