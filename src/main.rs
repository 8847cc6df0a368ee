//! Mounts the app into the page (nothing else lives here).
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(resident_complaints::app::App);
}
