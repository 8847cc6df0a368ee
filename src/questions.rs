//! The question pages' wasm: every question of the journey, without the start page, the
//! outcome and what follows it, for a question page loaded directly (see
//! `app::start_questions` and `public/app.js`).
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    console_error_panic_hook::set_once();
}

/// Starts the question pages, with the same arguments as the whole app's `start`.
#[wasm_bindgen]
pub fn start(settings: String, app_base: String, container: Option<web_sys::HtmlElement>) {
    resident_complaints::app::start_questions(&settings, &app_base, container);
}
